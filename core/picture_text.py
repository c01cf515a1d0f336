"""A picture of a message in, the message's text out: ``read_picture(data) -> PictureText``.

The steps, each its own function:

1. :func:`core.picture.inspect` turns away what will not be read (wrong kind, broken, too large);
2. a :class:`Reader` (the optional PP-OCRv5 reader in ``core.ocr_engine``, installed with the
   ``ocr`` extra and loaded on first use) finds the pieces of text and reads them, with a
   confidence for every character;
3. :func:`arrange` puts the pieces in reading order: pieces on one row are joined left to right,
   rows top to bottom, and a blank line is left between bubbles (a gap taller than a fraction of
   a line, or no overlap side to side). The phone's own clutter (status-bar clock and battery,
   'SMS/MMS', 既読, times beside bubbles, day separators) is left out where it can be told apart,
   using the patterns in ``resources/reading/picture.toml``. Characters read with little
   confidence come back as spans, for the window to mark.

Nothing is written anywhere but the user cache folder (see ``core.ocr_engine``); nothing is
downloaded: the reader's models come inside its package.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Protocol

from .picture import PictureInfo, ReadingSettings, inspect, picture_error, reading_settings
from .verdict import ErrorCode, Span


@dataclass(frozen=True, slots=True)
class TextPiece:
    """One piece of text the reader found: its box in pixels and each character's confidence."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    confidences: tuple[float, ...] = ()

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def centre_y(self) -> float:
        return (self.top + self.bottom) / 2

    def confidence(self) -> float:
        return sum(self.confidences) / len(self.confidences) if self.confidences else 1.0


@dataclass(frozen=True, slots=True)
class PictureText:
    """The message as read from a picture, and how sure the reader was."""

    text: str
    doubtful: tuple[Span, ...]  # character ranges of ``text`` read with low confidence
    width: int
    height: int
    format: str
    pieces_read: int
    pieces_left_out: int  # phone clutter and pieces too unsure to keep
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {
            "source": "picture",
            "text": self.text,
            "doubtful": [list(span) for span in self.doubtful],
            "picture": {"format": self.format, "width": self.width, "height": self.height},
            "pieces_read": self.pieces_read,
            "pieces_left_out": self.pieces_left_out,
            "seconds": round(self.seconds, 3),
        }


class Reader(Protocol):
    """Finds and reads the text in a picture; raises ``CheckError(PICTURE_BROKEN)`` if it cannot decode it."""

    def read(self, data: bytes, info: PictureInfo) -> list[TextPiece]: ...


def reader_installed() -> bool:
    """Whether the optional reader's packages are there (without importing them)."""
    from .ocr_engine import installed

    return installed()


@cache
def shipped_reader() -> Reader:
    """The PP-OCRv5 reader, loaded once on first use; ``CheckError(READER_MISSING)`` without the extra."""
    from .ocr_engine import PaddleReader, installed

    if not installed():
        raise picture_error(ErrorCode.READER_MISSING)
    return PaddleReader()


def read_picture(data: bytes, reader: Reader | None = None) -> PictureText:
    """The message in the picture ``data`` (a file's bytes), in reading order.

    Raises ``CheckError`` with a ``PICTURE_*`` code for a picture that is not read, or with
    ``READER_MISSING`` when the ``ocr`` extra is not installed.
    """
    started = time.perf_counter()
    settings = reading_settings()
    info = inspect(data, settings.limits)
    reader = reader or shipped_reader()
    pieces = reader.read(data, info)
    result = arrange(pieces, info, settings)
    if not result.text.strip():
        raise picture_error(ErrorCode.PICTURE_NO_TEXT)
    return replace(result, seconds=time.perf_counter() - started)


def read_picture_file(path: str | Path, reader: Reader | None = None) -> PictureText:
    """:func:`read_picture` on a file; one larger than the limit is turned away before it is read."""
    try:
        with open(path, "rb") as file:
            size = file.seek(0, 2)
            if size > reading_settings().limits.max_bytes:
                raise picture_error(ErrorCode.PICTURE_TOO_LARGE)
            file.seek(0)
            data = file.read()
    except OSError:
        raise picture_error(ErrorCode.PICTURE_NOT_OPENED) from None
    return read_picture(data, reader)


@cache
def _clutter(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def is_clutter(piece: TextPiece, picture_width: int, picture_height: int, settings: ReadingSettings) -> bool:
    """Whether a piece is the phone's rather than the message's (see the module)."""
    folded = unicodedata.normalize("NFKC", piece.text).strip()
    if not folded:
        return True
    in_status_bar = piece.centre_y < settings.status_bar_share * picture_height
    centred = abs((piece.left + piece.right) / 2 - picture_width / 2) <= settings.centred_share * picture_width / 2
    if in_status_bar and not centred and len(folded) <= settings.status_bar_max_chars:
        return True  # the clock and icons sit left and right; a sender's name at the top is centred
    return _clutter(settings.clutter).fullmatch(folded) is not None


@dataclass(slots=True)
class _Row:
    pieces: list[TextPiece] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(p.top for p in self.pieces)

    @property
    def bottom(self) -> float:
        return max(p.bottom for p in self.pieces)

    @property
    def left(self) -> float:
        return min(p.left for p in self.pieces)

    @property
    def right(self) -> float:
        return max(p.right for p in self.pieces)

    def takes(self, piece: TextPiece) -> bool:
        """Whether ``piece`` sits on this row: it overlaps the row by half its own height."""
        overlap = min(self.bottom, piece.bottom) - max(self.top, piece.top)
        return overlap >= 0.5 * min(piece.height, self.bottom - self.top)


def arrange(pieces: Sequence[TextPiece], info: PictureInfo, settings: ReadingSettings) -> PictureText:
    """Pieces in reading order as text, bubbles apart by a blank line, clutter left out."""
    kept = [p for p in pieces
            if p.confidence() >= settings.drop_line_below and not is_clutter(p, info.width, info.height, settings)]
    rows: list[_Row] = []
    for piece in sorted(kept, key=lambda p: (p.top, p.left)):
        row = next((r for r in reversed(rows[-3:]) if r.takes(piece)), None)
        if row is None:
            rows.append(_Row([piece]))
        else:
            row.pieces.append(piece)
    rows.sort(key=lambda r: r.top)
    heights = sorted(r.bottom - r.top for r in rows)
    line_height = heights[len(heights) // 2] if heights else 0.0

    chars: list[str] = []
    confidences: list[float] = []
    previous: _Row | None = None
    for row in rows:
        if previous is not None:
            gap = row.top - previous.bottom
            apart = row.left >= previous.right or row.right <= previous.left
            breaks = "\n\n" if gap > settings.bubble_gap_lines * line_height or apart else "\n"
            chars.extend(breaks)
            confidences.extend([1.0] * len(breaks))
        _append_row(row, chars, confidences)
        previous = row
    text = "".join(chars)
    doubtful = _low_spans(confidences, settings.doubtful_below)
    return PictureText(text=text, doubtful=doubtful, width=info.width, height=info.height,
                       format=info.format.value, pieces_read=len(pieces), pieces_left_out=len(pieces) - len(kept))


def _append_row(row: _Row, chars: list[str], confidences: list[float]) -> None:
    previous: TextPiece | None = None
    for piece in sorted(row.pieces, key=lambda p: p.left):
        if previous is not None and chars and piece.text and chars[-1].isascii() and piece.text[0].isascii():
            chars.append(" ")  # two pieces of Latin text on one row were apart on screen
            confidences.append(1.0)
        chars.extend(piece.text)
        given = list(piece.confidences[: len(piece.text)])
        confidences.extend(given + [piece.confidence()] * (len(piece.text) - len(given)))
        previous = piece


def _low_spans(confidences: Sequence[float], below: float) -> tuple[Span, ...]:
    spans: list[Span] = []
    for index, value in enumerate(confidences):
        if value >= below:
            continue
        if spans and spans[-1][1] == index:
            spans[-1] = (spans[-1][0], index + 1)
        else:
            spans.append((index, index + 1))
    return tuple(spans)
