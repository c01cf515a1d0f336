"""Where the window opens: on a screen that exists, never larger than the room that screen leaves.

The first window fills a comfortable part of the available area of the screen it opens on
(``QScreen.availableGeometry``: the screen less task bars and docks); a small screen gets the
whole of it, maximised. The size, position and maximised state the user leaves it in are kept
in the settings and brought back, but only onto a screen that is still there and only as large
as that screen's available area (a laptop taken off its big monitor).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize

# Below this available size the window opens maximised: there is no room to spare around it.
SMALL_SCREEN = QSize(1280, 800)
# On a larger screen the first window takes this share of it, and at most PREFERRED.
SHARE = 0.9
PREFERRED = QSize(1400, 1000)
# Frames and title bars the window system adds around the window (not known before it shows).
FRAME_ALLOWANCE = QSize(16, 48)
# A saved place counts as on a screen when at least this much of its title strip is on it.
MIN_VISIBLE = 120


@dataclass(frozen=True, slots=True)
class WindowPlace:
    """The window's inner rectangle in screen coordinates, and whether it was maximised."""

    x: int
    y: int
    width: int
    height: int
    maximised: bool = False

    def rect(self) -> QRect:
        return QRect(self.x, self.y, self.width, self.height)

    @classmethod
    def of(cls, rect: QRect, maximised: bool) -> WindowPlace:
        return cls(rect.x(), rect.y(), rect.width(), rect.height(), maximised)

    def to_list(self) -> list[int]:
        return [self.x, self.y, self.width, self.height, int(self.maximised)]

    @classmethod
    def from_value(cls, value: object) -> WindowPlace | None:
        """From the settings file's ``[x, y, width, height, maximised]``; None if it is not that."""
        if not isinstance(value, list) or len(value) != 5:
            return None
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            return None
        x, y, width, height, maximised = value
        if width <= 0 or height <= 0 or maximised not in (0, 1):
            return None
        return cls(x, y, width, height, bool(maximised))


def first_place(room: QRect) -> WindowPlace:
    """The window for someone who has not placed it yet: centred in ``room`` (a screen's
    available area), fitting it."""
    if room.width() < SMALL_SCREEN.width() or room.height() < SMALL_SCREEN.height():
        return WindowPlace.of(_inside(room, room.size()), maximised=True)
    size = QSize(min(PREFERRED.width(), int(room.width() * SHARE)),
                 min(PREFERRED.height(), int(room.height() * SHARE)))
    return WindowPlace.of(_inside(room, size), maximised=False)


def restored_place(saved: WindowPlace | None, rooms: Sequence[QRect], fallback: QRect) -> WindowPlace:
    """``saved`` moved and shrunk as needed into the screen area (of ``rooms``, the available
    areas of the screens there are now) that shows its title strip; or the first place in
    ``fallback`` when none shows enough of it."""
    if saved is None:
        return first_place(fallback)
    room = _room_showing(saved.rect(), rooms)
    if room is None:
        return first_place(fallback)
    size = saved.rect().size().boundedTo(_without_frame(room.size()))
    rect = QRect(saved.rect().topLeft(), size)
    # Pull it back inside the screen where it sticks out.
    rect.moveLeft(max(room.left(), min(rect.left(), room.right() + 1 - rect.width())))
    rect.moveTop(max(room.top(), min(rect.top(), room.bottom() + 1 - rect.height())))
    if saved.maximised:
        return WindowPlace.of(_inside(room, room.size()), maximised=True)
    return WindowPlace.of(rect, maximised=False)


def _room_showing(rect: QRect, rooms: Sequence[QRect]) -> QRect | None:
    """The screen area that shows most of ``rect``'s top strip (where the title bar is), if enough."""
    strip = QRect(rect.topLeft(), QSize(rect.width(), min(rect.height(), 60)))
    best, best_width = None, 0
    for room in rooms:
        shown = strip.intersected(room)
        if shown.width() > best_width:
            best, best_width = room, shown.width()
    return best if best_width >= min(MIN_VISIBLE, rect.width()) else None


def title_strip(rect: QRect) -> list[QPoint]:
    """Points along the top of ``rect``, where a window's title bar is: left, middle, right."""
    y = rect.top() + min(rect.height(), 60) // 2
    return [QPoint(rect.left() + MIN_VISIBLE // 2, y), QPoint(rect.center().x(), y),
            QPoint(rect.right() - MIN_VISIBLE // 2, y)]


def _without_frame(size: QSize) -> QSize:
    return QSize(max(1, size.width() - FRAME_ALLOWANCE.width()), max(1, size.height() - FRAME_ALLOWANCE.height()))


def _inside(room: QRect, size: QSize) -> QRect:
    """A rectangle of at most ``size`` (less the frame allowance when it is the whole room), centred in ``room``."""
    if size == room.size():
        size = _without_frame(size)
    size = size.boundedTo(room.size())
    top_left = room.topLeft() + QPoint((room.width() - size.width()) // 2, (room.height() - size.height()) // 2)
    return QRect(top_left, size)
