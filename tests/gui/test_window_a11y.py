"""Keyboard and screen-reader use: names on every control, a sensible tab order, an About box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QWidget
from window_helpers import SCAM, card_for, check, focus_moves, paste, switch_language

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
    controls = [w for w in window.findChildren(QWidget) if _focusable(w)]
    paste(window, SCAM)
    check(qtbot, window)
    controls += [w for w in window.findChildren(QWidget) if _focusable(w)]
    window.next_button.click()
    controls += [w for w in window.findChildren(QWidget) if _focusable(w)]
    # A page that takes Tab focus (to scroll with the keys) is announced too.
    assert {"messageInput", "pasteButton", "checkButton", "reasonCard", "otherReasonsButton", "nextButton",
            "resultPageScroll", "answerButton_only_received", "guidePageScroll", "printButton"} <= {
        w.objectName() for w in controls}
    for widget in controls:
        assert widget.accessibleName().strip(), widget.objectName() or type(widget).__name__
    for button in window.findChildren(QPushButton):
        assert button.accessibleName().strip(), button.objectName()
    for button in (window.paste_button, window.clear_button, window.check_button, window.smaller_button,
                   window.larger_button, window.print_button, window.save_pdf_button, window.next_button,
                   window.back_to_message_button, window.back_to_result_button):
        assert button.text() and button.toolTip() and button.accessibleDescription(), button.objectName()


def _answer(window, answer_id: str) -> QPushButton:
    return window.walkthrough.findChild(QPushButton, f"answerButton_{answer_id}")


def test_tab_follows_each_page_from_the_text_size_at_the_top_to_its_main_button(qtbot, window):
    start = window.smaller_button
    assert [w.objectName() for w in _tab_chain(window, start)] == [
        "textSmallerButton", "textLargerButton", "messageInput", "pictureButton", "pasteButton", "clearButton",
        "checkButton"]

    paste(window, SCAM)
    check(qtbot, window)
    assert [w.objectName() for w in _tab_chain(window, start)] == [
        "textSmallerButton", "textLargerButton", "reasonCard", "reasonCard", "reasonCard", "otherReasonsButton",
        "resultPageScroll", "backToMessageButton", "nextButton"]

    window.next_button.click()
    qtbot.waitUntil(_answer(window, "called_or_replied").isVisible)
    names = [w.objectName() for w in _tab_chain(window, start)]
    answers = [n for n in names if n.startswith("answerButton_")]
    assert names == ["textSmallerButton", "textLargerButton", *answers, "guidePageScroll", "backToResultButton",
                     "savePdfButton", "printButton"]
    from core.guidance import load_guidance

    assert len(answers) == len(load_guidance().node("what_happened").answers)


def test_tab_order_follows_the_walk_through_as_it_changes(qtbot, window):
    paste(window, SCAM)
    check(qtbot, window)
    window.next_button.click()
    _answer(window, "called_or_replied").click()
    qtbot.waitUntil(_answer(window, "bank_card").isVisible)

    names = [w.objectName() for w in _tab_chain(window, window.smaller_button)]

    answers = [n for n in names if n.startswith("answerButton_")]
    assert "answerButton_bank_card" in answers
    assert names.index("backButton") < names.index("answerButton_bank_card") < names.index("printButton")


def test_switching_language_on_a_reason_keeps_the_focus_on_that_reason_and_its_place_marked(qtbot, window):
    paste(window, SCAM)
    verdict = check(qtbot, window)
    window.verdict_view.other_reasons_button.click()
    card_for(window, "NUMBER_IP_PHONE").setFocus(Qt.FocusReason.TabFocusReason)
    marked = window.message_input.highlighted()

    with focus_moves() as moves:
        switch_language(qtbot, window, "en")

    card = card_for(window, "NUMBER_IP_PHONE")
    assert QApplication.focusWidget() is card
    assert card.accessibleName() == next(r for r in verdict.reasons if r.id == "NUMBER_IP_PHONE").title.en
    assert moves == ["", "reasonCard"]  # off the old card, then straight onto the new one: nothing else is announced
    assert window.message_input.highlighted() == marked


def test_checking_again_lands_once_on_the_new_first_reason(qtbot, window):
    paste(window, SCAM)
    check(qtbot, window)
    old_cards = window.verdict_view.reason_cards()
    window.back_to_message_button.click()
    assert QApplication.focusWidget() is window.message_input
    window.check_button.setFocus(Qt.FocusReason.TabFocusReason)

    with focus_moves() as moves:
        check(qtbot, window)

    focused = QApplication.focusWidget()
    assert moves == ["reasonCard"] and focused.isVisible()
    assert focused not in old_cards and focused is window.verdict_view.reason_cards()[0]


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


def test_pressing_check_says_the_verdict_aloud_and_moves_the_focus_once_to_the_first_reason(
        qtbot, window, monkeypatch):
    import gui.verdict_view

    said: list[str] = []
    monkeypatch.setattr(gui.verdict_view.QAccessible, "updateAccessibility",
                        lambda event: said.append(event.message()))
    paste(window, SCAM)
    window.check_button.setFocus(Qt.FocusReason.TabFocusReason)
    with focus_moves() as moves, qtbot.waitSignal(window.runner.verdict_ready):
        qtbot.keyClick(window.check_button, Qt.Key.Key_Space)

    assert moves == ["reasonCard"]  # nothing else is announced on the way
    assert QApplication.focusWidget() is window.verdict_view.reason_cards()[0]
    assert said == [window.verdict_view.banner.text()] and said[0].startswith("危険")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.verdict_view.reason_cards()[1]


def test_a_long_check_says_it_is_busy_then_lands_on_the_first_reason(qtbot, window):
    paste(window, SCAM + "\n" + "ご確認ください。" * 4000)  # long enough to be checked in the background
    window.check_button.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=30_000):
        qtbot.keyClick(window.check_button, Qt.Key.Key_Space)
        assert not window.check_button.isEnabled()  # busy meanwhile
        assert window.busy_note.isVisible()
    assert window.check_button.isEnabled() and not window.busy_note.isVisible()
    assert QApplication.focusWidget() is window.verdict_view.reason_cards()[0]
