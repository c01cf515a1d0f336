"""The guided next steps: one question at a time, big answer buttons, then what to do.

Draws the state kept by :class:`core.guidance.Walkthrough`; every slot forwards to it and
redraws. Guidance text comes from ``resources/guidance`` in the chosen language; the few words
of the view itself ("戻る" ...) go through Qt Linguist in the ``WalkthroughView`` context.
Nothing here is a link and nothing dials: numbers are plain text.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QFont
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLayout, QPushButton,
    QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from core.guidance import Question, Sign, Walkthrough
from core.verdict import Verdict

from .checklist_result import ChecklistResult

_HEADING_SCALE = 1.3
# The court checklist's signs in groups, each under its own heading: real papers, a fake, neither.
SIGN_ORDER = (Sign.GENUINE, Sign.FAKE, Sign.DOUBT)
_ANSWER_MIN_HEIGHT = 56


def _plain_label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if name:
        label.setObjectName(name)
    return label


class _WrappingButton(QPushButton):
    """A push button whose (long, Japanese) text wraps instead of being cut."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = _plain_label(text)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self._label)
        self.setMinimumHeight(_ANSWER_MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(text)

    def label_text(self) -> str:
        return self._label.text()


class _WrappingCheckBox(QCheckBox):
    """A check box with a big indicator and wrapping text; the whole row toggles it."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = _plain_label(text)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(40, 6, 4, 6)
        layout.addWidget(self._label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setStyleSheet("QCheckBox::indicator { width: 28px; height: 28px; }")
        self.setAccessibleName(text)

    def hitButton(self, pos) -> bool:  # noqa: N802 (Qt name)
        return self.rect().contains(pos)

    def label_text(self) -> str:
        return self._label.text()


class WalkthroughView(QWidget):
    """Questions -> answers -> steps, the court checklist and the hotline table."""

    path_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkthroughView")
        self._lang = "ja"
        self._walk = Walkthrough()
        self._build()
        self._retranslate_chrome()
        self._render()

    # --- public API ----------------------------------------------------------------------------

    def set_verdict(self, verdict: Verdict | None, lang: str) -> None:
        """Start again from the first question, tailored to the verdict's topics."""
        self._lang = lang
        self._walk.start(verdict.topics if verdict is not None else ())
        self._render(new_page=True)
        self.path_changed.emit()

    def retranslate(self, lang: str) -> None:
        self._lang = lang
        self._retranslate_chrome()
        self._render()

    def chosen_path(self) -> list[tuple[str, str]]:
        return [(q.text.get(self._lang), a.text.get(self._lang)) for q, a in self._walk.path()]

    def chosen_steps(self) -> list[str]:
        return [s.text.get(self._lang) for s in self._walk.steps()]

    def checklist_result(self) -> ChecklistResult | None:
        """The court checklist on the page, for the sheet: its title, each sign with whether it
        was ticked (real signs first, as on screen), and the conclusion; None without one."""
        checklist, outcome = self._walk.checklist(), self._walk.outcome()
        if checklist is None or outcome is None:
            return None
        lang, ticked = self._lang, self._walk.ticked()
        items = [i for sign in SIGN_ORDER for i in checklist.items if i.sign is sign]
        return ChecklistResult(checklist.title.get(lang), tuple((i.text.get(lang), i.id in ticked) for i in items),
                               checklist.outcomes[outcome].get(lang))

    def first_control(self) -> QWidget:
        """The page's first answer, or 戻る when the page has none (the steps)."""
        answers = [w for w in self._answer_buttons() if w.isEnabled()]
        return answers[0] if answers else self._back

    def _answer_buttons(self) -> list[QWidget]:
        return [self._answers.itemAt(i).widget() for i in range(self._answers.count())]

    # --- slots: forward to the walk-through, then redraw ------------------------------------------

    def _on_answer_clicked(self, answer_id: str) -> None:
        self._walk.choose(answer_id)
        self._render(new_page=True, focus_page=True)
        self.path_changed.emit()

    def _on_back_clicked(self) -> None:
        self._walk.back()
        self._render(new_page=True, focus_page=True)
        self.path_changed.emit()

    def _on_restart_clicked(self) -> None:
        self._walk.start(self._walk.topics)
        self._render(new_page=True, focus_page=True)
        self.path_changed.emit()

    def _on_item_toggled(self, item_id: str, checked: bool) -> None:
        self._walk.tick(item_id, checked)
        self._show_outcome(beside=self.findChild(QWidget, f"checklistItem_{item_id}"))

    # --- building and drawing --------------------------------------------------------------------

    def _build(self) -> None:
        # No scroll area of its own: the guide page the view sits on scrolls as a whole.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)

        self._path_heading = _plain_label(name="pathHeading")
        self._path_label = _plain_label(name="pathLabel")
        self._title = _plain_label(name="questionLabel")
        self._answers = QVBoxLayout()
        self._answers.setSpacing(10)
        self._steps_heading = _plain_label(name="stepsHeading")
        self._steps = QVBoxLayout()
        self._steps.setSpacing(8)

        self._checklist = QFrame()
        self._checklist.setObjectName("courtChecklist")
        self._checklist.setFrameShape(QFrame.Shape.StyledPanel)
        checklist_column = QVBoxLayout(self._checklist)
        self._checklist_title = _plain_label(name="checklistTitle")
        checklist_column.addWidget(self._checklist_title)
        self._checklist_intro = _plain_label(name="checklistIntro")
        # Signs of real papers and signs of a fake, each under its own heading; the conclusion
        # moves to just below the sign last ticked, where the eye is.
        self._sign_headings = {sign: _plain_label(name=f"{sign.value}SignsHeading") for sign in SIGN_ORDER}
        self._sign_items = {sign: QVBoxLayout() for sign in SIGN_ORDER}
        self._outcome = _plain_label(name="checklistOutcome")
        self._outcome.setFrameShape(QFrame.Shape.Box)
        self._outcome.setMargin(8)
        checklist_column.addWidget(self._checklist_intro)
        checklist_column.addWidget(self._outcome)
        for sign in SIGN_ORDER:
            checklist_column.addWidget(self._sign_headings[sign])
            checklist_column.addLayout(self._sign_items[sign])

        self._back = QPushButton()
        self._back.setObjectName("backButton")
        self._back.setMinimumHeight(_ANSWER_MIN_HEIGHT)
        self._back.clicked.connect(self._on_back_clicked)
        self._restart = QPushButton()
        self._restart.setObjectName("restartButton")
        self._restart.setMinimumHeight(_ANSWER_MIN_HEIGHT)
        self._restart.clicked.connect(self._on_restart_clicked)
        nav = QHBoxLayout()
        nav.addWidget(self._back)
        nav.addWidget(self._restart)
        nav.addStretch(1)

        self._hotlines_heading = _plain_label(name="hotlinesHeading")
        self._hotlines = QWidget()
        self._hotlines.setObjectName("hotlineTable")
        self._hotline_grid = QGridLayout(self._hotlines)
        self._hotline_grid.setHorizontalSpacing(16)
        self._hotline_grid.setVerticalSpacing(10)

        for widget_or_layout in (
            nav, self._path_heading, self._path_label, self._title, self._answers, self._checklist,
            self._steps_heading, self._steps, self._hotlines_heading, self._hotlines,
        ):
            if isinstance(widget_or_layout, QLayout):
                column.addLayout(widget_or_layout)
            else:
                column.addWidget(widget_or_layout)
        self._apply_fonts()

    def _retranslate_chrome(self) -> None:
        self._back.setText(self.tr("戻る"))
        self._back.setAccessibleName(self.tr("戻る"))
        self._back.setAccessibleDescription(self.tr("ひとつ前の質問に戻ります"))
        self._restart.setText(self.tr("最初から"))
        self._restart.setAccessibleName(self.tr("最初から"))
        self._restart.setAccessibleDescription(self.tr("最初の質問からやり直します"))
        self.setAccessibleName(self.tr("次にすることの案内"))
        self._sign_headings[Sign.GENUINE].setText(self.tr("本物の書類のしるし"))
        self._sign_headings[Sign.FAKE].setText(self.tr("偽物のしるし(ひとつでもあれば偽物です)"))
        self._sign_headings[Sign.DOUBT].setText(self.tr("どちらとも言えないしるし(裁判所に確かめてください)"))

    def _apply_fonts(self) -> None:
        base = self.font()
        heading = QFont(base)
        heading.setPointSizeF(base.pointSizeF() * _HEADING_SCALE)
        heading.setBold(True)
        for label in (self._title, self._steps_heading, self._hotlines_heading, self._checklist_title):
            label.setFont(heading)
        bold = QFont(base)
        bold.setBold(True)
        for label in (self._path_heading, self._outcome, *self._sign_headings.values()):
            label.setFont(bold)


    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_chrome()
        elif event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        super().changeEvent(event)

    def _render(self, new_page: bool = False, focus_page: bool = False) -> None:
        """Draw the current page in place of the one shown.

        ``new_page``: show it from its top, the previous page's scroll position means nothing
        here. ``focus_page``: put the keyboard focus on its first control. Either way a focus on
        a control that is redrawn moves to its new self (or the page's first control) before the
        old one goes: hiding a focused widget hands the focus down the Tab chain, and each step
        scrolls the next old control into view and is announced.
        """
        focused = QApplication.focusWidget()
        self._put_outcome(self._checklist.layout(), 2)
        boxes = [box for items in self._sign_items.values() for box in _take(items)]
        stale = [*_take(self._answers), *_take(self._steps), *boxes, *_take(self._hotline_grid)]
        controls = self._draw_page()
        # Back and Start over are switched on before the focus may go to Back, off once it left.
        can_go_back = self._walk.can_go_back()
        going_back = (self._back, self._restart)
        for button in going_back if can_go_back else ():
            button.setEnabled(True)
            button.show()
        first = next((c for c in controls if isinstance(c, _WrappingButton)), self._back)
        if focus_page:
            _give_focus(first)
        elif focused in stale or (focused in going_back and not can_go_back):
            same = [c for c in controls if c.objectName() == focused.objectName()]
            _give_focus(same[0] if same else first)
        _discard(stale)
        for button in going_back if not can_go_back else ():
            button.setEnabled(False)
            button.hide()  # on the first question: no room taken by buttons that do nothing
        if new_page:
            self._scroll_to_title(first)

    def _draw_page(self) -> list[QWidget]:
        """Fill the emptied layouts for the current page; its answer buttons and check boxes."""
        lang = self._lang
        labels = self._walk.guidance.labels
        node = self._walk.node
        path = self.chosen_path()
        self._path_heading.setText(labels["path_heading"].get(lang))
        self._path_label.setText("\n".join(f"{q} → {a}" for q, a in path))
        self._path_heading.setVisible(bool(path))
        self._path_label.setVisible(bool(path))
        self._title.setText(node.text.get(lang) if isinstance(node, Question) else node.title.get(lang))
        self._title.setAccessibleName(self._title.text())

        controls: list[QWidget] = []
        for answer in self._walk.answers():
            button = _WrappingButton(answer.text.get(lang))
            button.setObjectName(f"answerButton_{answer.id}")
            button.setAccessibleDescription(self._title.text())  # the question, for a screen reader
            button.clicked.connect(partial(self._on_answer_clicked, answer.id))
            self._answers.addWidget(button)
            controls.append(button)

        steps = self._walk.steps() if self._walk.finished() else []
        self._steps_heading.setText(labels["steps_heading"].get(lang))
        self._steps_heading.setVisible(bool(steps))
        for number, step in enumerate(steps, 1):
            label = _plain_label(f"{number}. {step.text.get(lang)}", f"step_{step.id}")
            self._steps.addWidget(label)

        controls += self._render_checklist()
        self._render_hotlines()
        return controls

    def _scroll_to_title(self, first: QWidget) -> None:
        """Scroll to the top, or just far enough down to show the title and ``first`` whole.

        Back, Start over and the answers so far sit above the title: in a short panel they would
        push the question below the edge. Never past the title: when it and ``first`` do not
        both fit, the title goes to the top.
        """
        scroll = self._scroll_area()
        if scroll is None:
            return
        page = scroll.widget()
        page.layout().activate()  # where the new title sits, now rather than on the next pass
        margin = page.layout().contentsMargins().top()
        title = self._title.geometry().translated(self.mapTo(page, self.rect().topLeft()))
        shown = first.isVisibleTo(self)
        first_bottom = first.mapTo(page, first.rect().bottomLeft()).y() if shown else 0
        end = max(title.bottom(), first_bottom)
        room = scroll.viewport().height()
        scroll.verticalScrollBar().setValue(max(0, min(title.top() - margin, end + margin - room)))

    def _scroll_area(self) -> QScrollArea | None:
        """The scroll area of the page the view sits on."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        return parent

    def _render_checklist(self) -> list[QWidget]:
        """The court checklist when the page has one; its check boxes."""
        checklist = self._walk.checklist()
        self._checklist.setVisible(checklist is not None)
        if checklist is None:
            return []
        lang = self._lang
        self._checklist_title.setText(checklist.title.get(lang))
        self._checklist.setAccessibleName(checklist.title.get(lang))
        self._checklist_intro.setText(checklist.intro.get(lang))
        ticked = self._walk.ticked()
        boxes: list[QWidget] = []
        for sign in SIGN_ORDER:
            self._sign_headings[sign].setVisible(any(i.sign is sign for i in checklist.items))
            for item in (i for i in checklist.items if i.sign is sign):
                box = _WrappingCheckBox(item.text.get(lang))
                box.setObjectName(f"checklistItem_{item.id}")
                box.setProperty("sign", sign.value)
                box.setChecked(item.id in ticked)
                box.toggled.connect(partial(self._on_item_toggled, item.id))
                self._sign_items[sign].addWidget(box)
                boxes.append(box)
        self._show_outcome()
        return boxes

    def _show_outcome(self, beside: QWidget | None = None) -> None:
        """The checklist's conclusion; after a tick, moved to just below the box ticked and said aloud."""
        checklist = self._walk.checklist()
        outcome = self._walk.outcome()
        if checklist is None or outcome is None:
            return
        self._outcome.setText(checklist.outcomes[outcome].get(self._lang))
        self._outcome.setProperty("outcome", outcome.value)
        self._outcome.setAccessibleName(self._outcome.text())
        self._outcome.style().unpolish(self._outcome)
        self._outcome.style().polish(self._outcome)
        if beside is None:
            return
        for layout in self._sign_items.values():
            at = layout.indexOf(beside)
            if at >= 0:
                self._put_outcome(layout, at + 1)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self._outcome, self._outcome.text()))

    def _put_outcome(self, layout: QVBoxLayout, at: int) -> None:
        """Move the conclusion to place ``at`` of ``layout``."""
        for old in (self._checklist.layout(), *self._sign_items.values()):
            if old.indexOf(self._outcome) >= 0:
                old.removeWidget(self._outcome)
        layout.insertWidget(at, self._outcome)

    def _render_hotlines(self) -> None:
        lang = self._lang
        labels = self._walk.guidance.labels
        self._hotlines_heading.setText(labels["hotlines_heading"].get(lang))
        self._hotlines.setAccessibleName(labels["hotlines_heading"].get(lang))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, hotline in enumerate(self._walk.guidance.hotlines):
            number = _plain_label(hotline.number, f"hotlineNumber_{hotline.id}")
            number.setFont(bold)
            name = _plain_label(hotline.name.get(lang))
            name.setFont(bold)
            details = [hotline.use] + [t for t in (hotline.hours, hotline.cost, hotline.note) if t is not None]
            about = _plain_label("\n".join(t.get(lang) for t in details))
            cell = QWidget()
            cell_column = QVBoxLayout(cell)
            cell_column.setContentsMargins(0, 0, 0, 0)
            cell_column.setSpacing(2)
            cell_column.addWidget(name)
            cell_column.addWidget(about)
            number.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            number.setAccessibleName(f"{hotline.number} {hotline.name.get(lang)}")
            self._hotline_grid.addWidget(number, row, 0)
            self._hotline_grid.addWidget(cell, row, 1)
        self._hotline_grid.setColumnStretch(1, 1)


def _take(layout: QLayout) -> list[QWidget]:
    """Take every widget out of ``layout``, still shown: see :func:`_discard`."""
    taken = []
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            taken.append(widget)
    return taken


def _give_focus(widget: QWidget) -> None:
    """Focus ``widget`` now, not when its layout shows it on the next pass."""
    widget.show()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)


def _discard(widgets: list[QWidget]) -> None:
    """Hide ``widgets``, drop their names and delete them once control returns to Qt.

    Deferred because the button being clicked is among them while its signal is still running.
    """
    for widget in widgets:
        widget.hide()
        widget.setObjectName("")
        widget.deleteLater()
