"""Keyboard and screen-reader use: names on every control, a sensible tab order, an About box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QWidget
from window_helpers import SCAM, check, paste

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
    controls = [w for w in window.findChildren(QWidget) if _focusable(w)]
    assert {"messageInput", "pasteButton", "checkButton", "printButton", "reasonCard"} <= {
        w.objectName() for w in controls}
    for widget in controls:
        assert widget.accessibleName().strip(), widget.objectName() or type(widget).__name__
    for button in window.findChildren(QPushButton):
        assert button.text() and button.toolTip() and button.accessibleDescription(), button.objectName()


def test_tab_goes_from_the_message_through_the_result_to_the_size_buttons(qtbot, window):
    paste(window, SCAM)
    verdict = check(qtbot, window)

    names = [w.objectName() for w in _tab_chain(window, window.message_input)]

    cards = ["reasonCard"] * len(verdict.reasons)
    expected = ["messageInput", "pasteButton", "clearButton", "checkButton", *cards]
    assert names[:len(expected)] == expected
    rest = names[len(expected):]
    assert [n for n in rest if n in {"printButton", "savePdfButton", "textSmallerButton", "textLargerButton"}] == [
        "printButton", "savePdfButton", "textSmallerButton", "textLargerButton"]


def test_tab_leaves_the_message_box_instead_of_typing_a_tab(qtbot, window):
    window.message_input.setFocus()
    qtbot.keyClick(window.message_input, Qt.Key.Key_Tab)
    assert window.message_input.toPlainText() == ""
    assert QApplication.focusWidget() is window.paste_button
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
