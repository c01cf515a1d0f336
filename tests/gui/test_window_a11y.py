"""Keyboard and screen-reader use: names on every control, a sensible tab order, an About box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QWidget
from window_helpers import SCAM, check, focus_moves, paste, switch_language

from gui.dialogs import app_version


def _focusable(widget: QWidget) -> bool:
    return (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible() and widget.isEnabled()


def _tab_chain(window, start: QWidget) -> list[QWidget]:
    chain, widget = [start], start.nextInFocusChain()
    while widget is not start:
        if widget.window() is window and _focusable(widget):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def test_every_control_has_an_accessible_name(qtbot, window):
    paste(window, SCAM)
    check(qtbot, window)
    # A scroll area that takes Tab focus (to scroll with the keys) is announced too.
    controls = [w for w in window.findChildren(QWidget) if _focusable(w)]
    assert {"messageInput", "pasteButton", "checkButton", "printButton", "reasonCard", "walkthroughScroll"} <= {
        w.objectName() for w in controls}
    for widget in controls:
        assert widget.accessibleName().strip(), widget.objectName() or type(widget).__name__
    for button in window.findChildren(QPushButton):
        assert button.accessibleName().strip(), button.objectName()
    for button in (window.paste_button, window.clear_button, window.check_button, window.smaller_button,
                   window.larger_button, window.print_button, window.save_pdf_button):
        assert button.text() and button.toolTip() and button.accessibleDescription(), button.objectName()


def _answer(window, answer_id: str) -> QPushButton:
    return window.walkthrough.findChild(QPushButton, f"answerButton_{answer_id}")


def test_tab_goes_from_the_message_through_the_result_to_the_size_buttons(qtbot, window):
    paste(window, SCAM)
    verdict = check(qtbot, window)
    qtbot.waitUntil(_answer(window, "called_or_replied").isVisible)  # the walk-through shows them on the next pass

    names = [w.objectName() for w in _tab_chain(window, window.message_input)]

    cards = ["reasonCard"] * len(verdict.reasons)
    expected = ["messageInput", "pictureButton", "pasteButton", "clearButton", "checkButton", *cards]
    assert names[:len(expected)] == expected
    rest = names[len(expected):]
    answers = [n for n in rest if n.startswith("answerButton_")]
    assert answers and rest.index("printButton") > max(rest.index(a) for a in answers)
    assert rest[-4:] == ["printButton", "savePdfButton", "textSmallerButton", "textLargerButton"]


def test_tab_order_follows_the_walk_through_as_it_changes(qtbot, window):
    paste(window, SCAM)
    check(qtbot, window)
    _answer(window, "called_or_replied").click()
    qtbot.waitUntil(_answer(window, "bank_card").isVisible)

    names = [w.objectName() for w in _tab_chain(window, window.message_input)]

    answers = [n for n in names if n.startswith("answerButton_")]
    assert "answerButton_bank_card" in answers
    assert names.index("backButton") < names.index("answerButton_bank_card") < names.index("printButton")


def test_switching_language_on_a_reason_keeps_the_focus_on_that_reason_and_its_place_marked(qtbot, window):
    paste(window, SCAM)
    verdict = check(qtbot, window)
    index = next(i for i, r in enumerate(verdict.reasons) if r.id == "NUMBER_IP_PHONE")
    window.verdict_view.reason_cards()[index].setFocus(Qt.FocusReason.TabFocusReason)
    marked = window.message_input.highlighted()

    with focus_moves() as moves:
        switch_language(qtbot, window, "en")

    card = window.verdict_view.reason_cards()[index]
    assert QApplication.focusWidget() is card
    assert card.accessibleName() == verdict.reasons[index].title.en
    assert moves == ["", "reasonCard"]  # off the old card, then straight onto the new one: nothing else is announced
    assert window.message_input.highlighted() == marked


def test_checking_again_from_a_reason_moves_the_focus_once_past_the_old_reasons(qtbot, window):
    paste(window, SCAM)
    check(qtbot, window)
    old_cards = window.verdict_view.reason_cards()
    old_cards[2].setFocus(Qt.FocusReason.TabFocusReason)

    with focus_moves() as moves:
        check(qtbot, window)  # while it checks there are no reasons to stay on

    focused = QApplication.focusWidget()
    assert len(moves) == 1 and focused is not None and focused.isVisible()
    assert focused not in old_cards and not window.verdict_view.isAncestorOf(focused)


def test_tab_leaves_the_message_box_instead_of_typing_a_tab(qtbot, window):
    window.message_input.setFocus()
    qtbot.keyClick(window.message_input, Qt.Key.Key_Tab)
    assert window.message_input.toPlainText() == ""
    assert QApplication.focusWidget() is window.picture_button  # the first button under the box
    assert isinstance(window.message_input, QPlainTextEdit)


def test_buttons_say_their_shortcuts(window):
    assert "Ctrl+Enter" in window.check_button.toolTip()
    assert "Ctrl+P" in window.print_button.toolTip()
    assert "Ctrl+=" in window.larger_button.toolTip()


def test_about_box_shows_the_version(qtbot, window):
    window.commands.about.trigger()
    (box,) = [w for w in QApplication.topLevelWidgets() if w.objectName() == "aboutBox" and w.isVisible()]
    assert app_version() in box.text()
    assert app_version().strip()
    box.close()


def test_standard_dialogs_speak_japanese(qtbot, window):
    window.commands.clear_history.trigger()
    (box,) = [w for w in QApplication.topLevelWidgets() if w.objectName() == "confirmClearHistory" and w.isVisible()]
    assert box.button(box.StandardButton.No).text().replace("&", "") not in ("No", "")
    box.close()


def test_pressing_check_keeps_the_focus_on_it_and_the_verdict_is_said_aloud(qtbot, window, monkeypatch):
    import gui.verdict_view

    said: list[str] = []
    monkeypatch.setattr(gui.verdict_view.QAccessible, "updateAccessibility",
                        lambda event: said.append(event.message()))
    paste(window, SCAM)
    window.check_button.setFocus(Qt.FocusReason.TabFocusReason)
    with focus_moves() as moves, qtbot.waitSignal(window.runner.verdict_ready):
        qtbot.keyClick(window.check_button, Qt.Key.Key_Space)

    assert moves == []  # nothing else is announced on the way
    assert QApplication.focusWidget() is window.check_button
    assert said == [window.verdict_view.banner.text()] and said[0].startswith("危険")
    qtbot.keyClick(window.check_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.verdict_view.reason_cards()[0]


def test_a_long_check_gives_the_focus_back_to_the_check_button(qtbot, window):
    paste(window, SCAM + "\n" + "ご確認ください。" * 4000)  # long enough to be checked in the background
    window.check_button.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=30_000):
        qtbot.keyClick(window.check_button, Qt.Key.Key_Space)
        assert not window.check_button.isEnabled()  # busy meanwhile
    assert window.check_button.isEnabled()
    assert QApplication.focusWidget() is window.check_button
