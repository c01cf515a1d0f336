"""Draws what the core said: the banner, the strongest reasons, the others on request, the
numbers and links found.

It only draws a Verdict (or says why there is none); every word about the message itself
comes from the Verdict, in the current language. Reasons the Verdict gives for the same cause
(see :mod:`gui.causes`) are drawn as one card: the strongest one's words, the others named
under it, all their places marked together.
The first few causes show at once; the rest wait behind 'その他の理由'.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QFocusEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QFrame, QPushButton, QVBoxLayout, QWidget

from core.verdict import Level, Link, PhoneNumber, Verdict

from .causes import Cause, causes
from .plain import heading_label, plain_label
from .runner import CheckFailure
from .wording import failure_message, level_word

IDLE = "idle"
BUSY = "busy"
NO_LEVEL = "none"  # banner level when there is no verdict to show
FIRST_CAUSES = 3  # causes shown at once; the rest behind 'その他の理由'


class ReasonCard(QFrame):
    """One cause. Focusing or clicking it marks its places in the message."""

    chosen = Signal(object)  # the cause's spans

    def __init__(self, cause: Cause, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonCard")
        self.setProperty("kind", cause.main.kind.value)  # warning / reassuring / info, styled in the .qss
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.cause = cause
        title, detail = cause.main.title.get(lang), cause.main.detail.get(lang)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(title, "reasonTitle", self))
        layout.addWidget(plain_label(detail, "reasonDetail", self))
        also = [r.title.get(lang) for r in cause.reasons[1:]]
        if also:
            joined = "\n".join(f"・{t}" for t in also)
            text = self.tr("同じ理由でほかにも:\n%1").replace("%1", joined)
            layout.addWidget(plain_label(text, "reasonAlso", self))
            detail = f"{detail}\n{text}"
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)

    def reason_ids(self) -> list[str]:
        return [r.id for r in self.cause.reasons]

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.chosen.emit(self.cause.spans)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)


class VerdictView(QWidget):
    reason_chosen = Signal(object)  # the spans of the cause whose card was chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictView")
        self._lang = "ja"
        self._shown: Verdict | CheckFailure | str = IDLE
        self._other_count = 0
        self.banner = plain_label(object_name="verdictBanner", parent=self)
        self.banner.setProperty("level", NO_LEVEL)
        self.truncated_note = plain_label(object_name="truncatedNote", parent=self)
        self.not_safe_note = plain_label(object_name="notSafeNote", parent=self)
        self._reasons_heading = heading_label(self)
        self._numbers_heading = heading_label(self)
        self._links_heading = heading_label(self)
        self._reasons = QVBoxLayout()
        self.other_reasons_button = QPushButton(self)
        self.other_reasons_button.setObjectName("otherReasonsButton")
        self.other_reasons_button.setCheckable(True)
        self.other_reasons_button.setAutoDefault(False)
        self.other_reasons_button.toggled.connect(self._show_other_reasons)
        self._others = QWidget(self)
        self._others.setObjectName("otherReasons")
        self._other_reasons = QVBoxLayout(self._others)
        self._other_reasons.setContentsMargins(0, 0, 0, 0)
        self._numbers = QVBoxLayout()
        self._links = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.not_safe_note)
        layout.addWidget(self.truncated_note)
        layout.addWidget(self._reasons_heading)
        layout.addLayout(self._reasons)
        layout.addWidget(self.other_reasons_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._others)
        for heading, items in ((self._numbers_heading, self._numbers), (self._links_heading, self._links)):
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
        """Every cause's card, the ones behind 'その他の理由' last (shown or not)."""
        return [layout.itemAt(i).widget() for layout in (self._reasons, self._other_reasons)
                for i in range(layout.count()) if isinstance(layout.itemAt(i).widget(), ReasonCard)]

    def controls(self) -> list[QWidget]:
        """The view's controls in the order they are drawn (for the Tab chain)."""
        first = [w for w in self.reason_cards() if w.parentWidget() is self]
        return [*first, self.other_reasons_button, *[w for w in self.reason_cards() if w not in first]]

    def _show_other_reasons(self, shown: bool) -> None:
        self._others.setVisible(shown)
        self._label_other_reasons()

    def _show(self, what: Verdict | CheckFailure | str) -> None:
        self._shown = what
        self.other_reasons_button.blockSignals(True)
        self.other_reasons_button.setChecked(False)  # a new result starts with its first causes
        self.other_reasons_button.blockSignals(False)
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
        for items in (self._reasons, self._other_reasons, self._numbers, self._links):
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
        for widget in (self.truncated_note, self.not_safe_note, self._reasons_heading, self.other_reasons_button,
                       self._others, self._numbers_heading, self._links_heading):
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
        self.not_safe_note.setText(self.tr(
            "特徴が見つからなくても、詐欺ではないとは言い切れません。"
            "心配なときは、メッセージのリンクや番号は使わず、公式のアプリや自分で調べた窓口で確かめるか、"
            "家族に相談してください。"))
        self.not_safe_note.setVisible(verdict.level is Level.NO_SIGNS)
        self._reasons_heading.setText(self.tr("そう判断した理由"))
        self._reasons_heading.show()
        found = causes(verdict)
        for index, cause in enumerate(found):
            first = index < FIRST_CAUSES
            card = ReasonCard(cause, lang, self if first else self._others)
            card.chosen.connect(self.reason_chosen)
            _add(self._reasons if first else self._other_reasons, card)
        self._other_count = max(0, len(found) - FIRST_CAUSES)
        self.other_reasons_button.setVisible(self._other_count > 0)
        self._others.setVisible(self._other_count > 0 and self.other_reasons_button.isChecked())
        self._label_other_reasons()
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

    def _label_other_reasons(self) -> None:
        button = self.other_reasons_button
        count = self._other_count
        if button.isChecked():
            text = self.tr("その他の理由を閉じる")
        else:
            text = self.tr("その他の理由(あと%1件)を見る").replace("%1", str(count))
        button.setText(text)
        button.setAccessibleName(text)

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
