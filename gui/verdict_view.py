"""Draws what the core said: the banner, the reasons, the numbers and links found.

It only draws a Verdict (or says why there is none); every word about the message itself
comes from the Verdict, in the current language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QFocusEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout, QWidget

from core.verdict import Link, PhoneNumber, Reason, Verdict

from .plain import heading_label, plain_label
from .runner import CheckFailure
from .wording import failure_message, level_word

IDLE = "idle"
BUSY = "busy"
NO_LEVEL = "none"  # banner level when there is no verdict to show


class ReasonCard(QFrame):
    """One reason. Focusing or clicking it marks its place in the message."""

    chosen = Signal(int)

    def __init__(self, index: int, reason: Reason, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonCard")
        self.setProperty("kind", reason.kind.value)  # warning / reassuring / info, styled in the .qss
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._index = index
        title, detail = reason.title.get(lang), reason.detail.get(lang)
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(title, "reasonTitle", self))
        layout.addWidget(plain_label(detail, "reasonDetail", self))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.chosen.emit(self._index)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)


class VerdictView(QWidget):
    reason_chosen = Signal(int)  # index into the shown verdict's reasons

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictView")
        self._lang = "ja"
        self._shown: Verdict | CheckFailure | str = IDLE
        self.banner = plain_label(object_name="verdictBanner", parent=self)
        self.banner.setProperty("level", NO_LEVEL)
        self.truncated_note = plain_label(object_name="truncatedNote", parent=self)
        self._reasons_heading = heading_label(self)
        self._numbers_heading = heading_label(self)
        self._links_heading = heading_label(self)
        self._reasons = QVBoxLayout()
        self._numbers = QVBoxLayout()
        self._links = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.truncated_note)
        for heading, items in ((self._reasons_heading, self._reasons), (self._numbers_heading, self._numbers),
                               (self._links_heading, self._links)):
            layout.addWidget(heading)
            layout.addLayout(items)
        self._render()

    def verdict(self) -> Verdict | None:
        return self._shown if isinstance(self._shown, Verdict) else None

    def is_idle(self) -> bool:
        """Nothing shown yet: no verdict, no failure, no check under way."""
        return self._shown == IDLE

    def show_idle(self) -> None:
        self._show(IDLE)

    def show_busy(self) -> None:
        self._show(BUSY)

    def show_failure(self, failure: CheckFailure) -> None:
        self._show(failure)

    def show_verdict(self, verdict: Verdict) -> None:
        self._show(verdict)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._render()

    def reason_cards(self) -> list[ReasonCard]:
        return [self._reasons.itemAt(i).widget() for i in range(self._reasons.count())
                if isinstance(self._reasons.itemAt(i).widget(), ReasonCard)]

    def _show(self, what: Verdict | CheckFailure | str) -> None:
        self._shown = what
        self._render(same_reasons=False)
        if isinstance(what, (Verdict, CheckFailure)):
            self._announce(self.banner.text())

    def _announce(self, text: str) -> None:
        """Have a screen reader say the outcome at once, wherever the keyboard focus is."""
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.banner, text))

    def _render(self, same_reasons: bool = True) -> None:
        """Draw what is shown now, the view hidden meanwhile if it is up.

        A widget shown inside a visible window lays the window out again: added one by one,
        17 cards took twice as long as shown together with the view. Hiding the view with the
        focus on a reason would send the focus on to the next control outside it; so when the
        same reasons are drawn again (in another language) the focused card is taken off the
        focus first and the card at its place gets it back. For other reasons (a new check) the
        focus does go on: the card it was on is gone.
        """
        focused = QApplication.focusWidget()
        cards = self.reason_cards()
        reasons_again = same_reasons and isinstance(self._shown, Verdict) and self._shown.reasons
        at = cards.index(focused) if focused in cards and reasons_again else None
        if at is not None:
            focused.clearFocus()
        visible = self.isVisible()
        if visible:
            self.hide()
        self._draw()
        if visible:
            self.show()
        if at is not None:
            cards = self.reason_cards()
            cards[min(at, len(cards) - 1)].setFocus(Qt.FocusReason.OtherFocusReason)

    def _draw(self) -> None:
        for items in (self._reasons, self._numbers, self._links):
            _empty(items)
        shown = self._shown
        if isinstance(shown, Verdict):
            self._render_verdict(shown)
            return
        if isinstance(shown, CheckFailure):
            self._set_banner(NO_LEVEL, failure_message(shown.code))
        elif shown == BUSY:
            self._set_banner(NO_LEVEL, self.tr("確認しています…"))
        else:
            self._set_banner(NO_LEVEL, self.tr("メッセージを貼り付けて「確認する」を押してください。"))
        for widget in (self.truncated_note, self._reasons_heading, self._numbers_heading, self._links_heading):
            widget.hide()

    def _render_verdict(self, verdict: Verdict) -> None:
        lang = self._lang
        self._set_banner(verdict.level.value, f"{level_word(verdict.level)}\n{verdict.headline.get(lang)}")
        notes = []
        if verdict.truncated:
            notes.append(self.tr("とても長い文章なので、最初の %1 文字だけを確認しました(全体は %2 文字)。")
                         .replace("%1", f"{verdict.analysed_length:,}").replace("%2", f"{verdict.text_length:,}"))
        if verdict.junk_characters:
            notes.append(self.tr("文字ではないデータが %1 個まじっていたので、それを除いて確認しました。")
                         .replace("%1", f"{verdict.junk_characters:,}"))
        self.truncated_note.setText("\n".join(notes))
        self.truncated_note.setVisible(bool(notes))
        self._reasons_heading.setText(self.tr("そう判断した理由"))
        self._reasons_heading.show()
        for index, reason in enumerate(verdict.reasons):
            card = ReasonCard(index, reason, lang, self)
            card.chosen.connect(self.reason_chosen)
            _add(self._reasons, card)
        if not verdict.reasons:
            _add(self._reasons, plain_label(self.tr("気になる点は見つかりませんでした。"), "noReasons", self))
        self._numbers_heading.setText(self.tr("メッセージにある電話番号(ここから電話はかかりません)"))
        self._numbers_heading.setVisible(bool(verdict.phone_numbers))
        for number in verdict.phone_numbers:
            _add(self._numbers, plain_label(_number_text(number, lang), "numberItem", self))
        self._links_heading.setText(self.tr("メッセージにあるリンク(押せない形で表示しています)"))
        self._links_heading.setVisible(bool(verdict.links))
        for link in verdict.links:
            _add(self._links, plain_label(_link_text(link, lang), "linkItem", self))

    def _set_banner(self, level: str, text: str) -> None:
        self.banner.setText(text)
        self.banner.setAccessibleName(text)
        self.banner.setProperty("level", level)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)


def _number_text(number: PhoneNumber, lang: str) -> str:
    lines = [f"{number.text}  ({number.kind_label.get(lang)})"]
    if number.listed_note is not None:
        lines.append(number.listed_note.get(lang))
    return "\n".join(lines)


def _link_text(link: Link, lang: str) -> str:
    return f"{link.defanged}\n{link.note.get(lang)}"


def _add(layout: QVBoxLayout, widget: QWidget) -> None:
    layout.addWidget(widget)  # shown with the view at the end of _render


def _empty(layout: QVBoxLayout) -> None:
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
