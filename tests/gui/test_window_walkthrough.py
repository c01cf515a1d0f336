"""The guide in a short window with large text: every new page opens at its question.

The guide page scrolls as a whole; in a short window with large text it is taller than the window. A user who scrolls down to an answer
and presses it must see the next question (or the steps' title) at once, not the middle of
the new page, and keyboard and screen-reader users land on the page's first control.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea, QWidget
from window_helpers import SCAM, check, focus_moves, paste, switch_language

QUESTION = {
    "ja": ["相手に何を伝えましたか?", "どうやって払いましたか?"],
    "en": ["What did you tell them?", "How did you pay?"],
}


def _guide_scroll(window) -> QScrollArea:
    return window.guide_page.scroll


def _check_and_open_guide(qtbot, window) -> None:
    check(qtbot, window)
    window.next_button.click()


def _title(window) -> QLabel:
    return window.walkthrough.findChild(QLabel, "questionLabel")


def _answers(window) -> list[QPushButton]:
    return [b for b in window.walkthrough.findChildren(QPushButton) if b.objectName().startswith("answerButton_")]


def _answer(window, answer_id: str) -> QPushButton:
    button = window.walkthrough.findChild(QPushButton, f"answerButton_{answer_id}")
    assert button is not None, answer_id
    return button


def _top_and_bottom(window, widget: QWidget) -> tuple[int, int, int]:
    """Where ``widget`` starts and ends in the guide's scrolled panel, and the panel's height."""
    viewport = _guide_scroll(window).viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    return top, top + widget.height(), viewport.height()


def _in_view(window, widget: QWidget) -> bool:
    """All of ``widget`` shows in the guide's scrolled panel."""
    top, bottom, height = _top_and_bottom(window, widget)
    return widget.isVisible() and 0 <= top and bottom <= height


def _starts_in_view(window, widget: QWidget) -> bool:
    """The top of ``widget`` shows (below a whole title there may be no room for all of it)."""
    top, _, height = _top_and_bottom(window, widget)
    return widget.isVisible() and 0 <= top < height


def _drawn(qtbot, window) -> None:
    """Wait until the new page's answers are all on screen and the panel has room for them all.

    (The answers' wrapped text is measured on the first pass after they are shown; until the
    panel grows to fit it, the lines above are squeezed together.)
    """
    page = _guide_scroll(window).widget()
    qtbot.waitUntil(lambda: all(b.isVisible() for b in _answers(window))
                    and page.height() >= page.heightForWidth(page.width()))


def _scroll_down_and_press(qtbot, window, button: QPushButton) -> None:
    """Read down to the hotlines, come back up until ``button`` shows at the bottom, press it."""
    scroll = _guide_scroll(window)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    scroll.ensureWidgetVisible(button)
    assert _in_view(window, button)
    assert scroll.verticalScrollBar().maximum() > 0, "the page is meant to be too short for the whole guide"
    with qtbot.waitSignal(window.walkthrough.path_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    _drawn(qtbot, window)


@pytest.fixture
def short_window_large_text(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    # A 1024x600 netbook: the guide's pages are taller than its page area (the premise of these tests).
    window.resize(1000, 560)
    qtbot.waitUntil(lambda: window.height() == 560)
    return window


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_answer_far_down_the_guide_opens_the_next_page_at_its_question(qtbot, short_window_large_text, lang):
    window = short_window_large_text
    if lang == "en":
        switch_language(qtbot, window, "en")
    paste(window, SCAM)
    _check_and_open_guide(qtbot, window)
    _drawn(qtbot, window)

    for answer, question in zip(["called_or_replied", "paid"], QUESTION[lang]):
        _scroll_down_and_press(qtbot, window, _answer(window, answer))

        assert _title(window).text() == question
        assert _in_view(window, _title(window))
        first = _answers(window)[0]
        assert QApplication.focusWidget() is first
        assert _starts_in_view(window, first)

    _scroll_down_and_press(qtbot, window, _answer(window, "paid_transfer"))

    assert _title(window).text() == {"ja": "お金を振り込んでしまったとき", "en": "You transferred money"}[lang]
    assert _in_view(window, _title(window))
    assert QApplication.focusWidget() is window.walkthrough.findChild(QPushButton, "backButton")


def test_back_and_start_over_open_their_page_at_its_question_with_the_first_answer_focused(
        qtbot, short_window_large_text):
    window = short_window_large_text
    paste(window, SCAM)
    _check_and_open_guide(qtbot, window)
    _drawn(qtbot, window)
    _scroll_down_and_press(qtbot, window, _answer(window, "called_or_replied"))
    _scroll_down_and_press(qtbot, window, _answer(window, "paid"))

    for control, question in (("backButton", "相手に何を伝えましたか?"), ("restartButton", "どうなりましたか?")):
        button = window.walkthrough.findChild(QPushButton, control)
        button.setFocus(Qt.FocusReason.TabFocusReason)
        with qtbot.waitSignal(window.walkthrough.path_changed):
            qtbot.keyClick(button, Qt.Key.Key_Space)
        _drawn(qtbot, window)

        assert _title(window).text() == question
        assert _in_view(window, _title(window))
        assert QApplication.focusWidget() is _answers(window)[0]
    assert not window.walkthrough.findChild(QPushButton, "restartButton").isEnabled()


def test_checking_again_opens_the_guide_at_its_first_question(qtbot, short_window_large_text):
    window = short_window_large_text
    paste(window, SCAM)
    _check_and_open_guide(qtbot, window)
    _drawn(qtbot, window)
    _scroll_down_and_press(qtbot, window, _answer(window, "called_or_replied"))
    scroll = _guide_scroll(window)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())

    _check_and_open_guide(qtbot, window)
    _drawn(qtbot, window)

    assert _title(window).text() == "どうなりましたか?"
    assert _in_view(window, _title(window))



def test_an_answer_given_with_the_keyboard_moves_the_focus_once_straight_to_the_next_question(qtbot, window):
    paste(window, SCAM)
    _check_and_open_guide(qtbot, window)
    _drawn(qtbot, window)
    answer = _answer(window, "called_or_replied")
    answer.setFocus(Qt.FocusReason.TabFocusReason)

    with focus_moves() as moves:
        with qtbot.waitSignal(window.walkthrough.path_changed):
            qtbot.keyClick(answer, Qt.Key.Key_Space)
        _drawn(qtbot, window)

    first = _answers(window)[0]
    assert moves == [first.objectName()]
    assert QApplication.focusWidget() is first


def test_switching_language_keeps_the_focus_on_the_same_answer(qtbot, window):
    paste(window, SCAM)
    _check_and_open_guide(qtbot, window)
    _drawn(qtbot, window)
    _answer(window, "court_letter").setFocus(Qt.FocusReason.TabFocusReason)

    with focus_moves() as moves:
        switch_language(qtbot, window, "en")
        _drawn(qtbot, window)

    focused = QApplication.focusWidget()
    assert focused is _answer(window, "court_letter")
    assert focused.accessibleName() == "I got a letter, postcard or e-mail about a court case"
    assert moves == ["answerButton_court_letter"]
