"""Getting the message in: paste, drop, shortcuts, empty input, editing after a check."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication
from window_helpers import ORDINARY, SCAM, check, label_texts, paste

from core.verdict import ErrorCode, Level
from gui.wording import FAILURE_MESSAGES


def _fail(qtbot, window):
    with qtbot.waitSignal(window.runner.check_failed) as blocker:
        window.check_button.click()
    return blocker.args[0]


def test_empty_box_gets_a_clear_message_not_a_verdict(qtbot, window):
    failure = _fail(qtbot, window)

    assert failure.code == ErrorCode.EMPTY.value
    assert label_texts(window, "verdictBanner") == [FAILURE_MESSAGES[ErrorCode.EMPTY.value]]
    assert window.verdict_view.banner.property("level") == "none"
    assert not window.print_button.isEnabled()
    assert window.check_button.isEnabled()


def test_pasting_after_the_empty_message_clears_it(qtbot, window):
    _fail(qtbot, window)
    paste(window, SCAM)
    assert label_texts(window, "verdictBanner") == ["メッセージを貼り付けて「確認する」を押してください。"]
    assert check(qtbot, window).level is Level.DANGER


def test_only_spaces_and_newlines_count_as_empty(qtbot, window):
    window.message_input.setPlainText("  \n\u3000 \n")
    assert _fail(qtbot, window).code == ErrorCode.EMPTY.value


def test_binary_data_is_turned_away_politely(qtbot, window):
    window.message_input.setPlainText("\x01\x02\x03\x04\x05\x06\x07\x08" * 20)
    failure = _fail(qtbot, window)
    assert failure.code == ErrorCode.NOT_TEXT.value
    assert label_texts(window, "verdictBanner") == [FAILURE_MESSAGES[ErrorCode.NOT_TEXT.value]]


def test_paste_button_replaces_what_was_there(window):
    window.message_input.setPlainText("古い文章")
    paste(window, SCAM)
    assert window.message_input.toPlainText() == SCAM


def drag_enter(where: QPointF, mime: QMimeData) -> QDragEnterEvent:
    """A drag entering at ``where`` (Qt 6.11 takes a QPoint here, later versions a QPointF)."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return QDragEnterEvent(where, *args)
    except TypeError:
        return QDragEnterEvent(where.toPoint(), *args)


def test_text_dropped_on_the_box_goes_in(qtbot, window):
    viewport = window.message_input.viewport()
    mime = QMimeData()
    mime.setText(SCAM)
    where = QPointF(viewport.rect().center())
    enter = drag_enter(where, mime)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()
    assert window.message_input.toPlainText() == SCAM


def test_a_drop_without_text_is_refused(window):
    viewport = window.message_input.viewport()
    mime = QMimeData()
    mime.setData("application/octet-stream", b"\x00\x01")
    enter = drag_enter(QPointF(10, 10), mime)
    QApplication.sendEvent(viewport, enter)
    assert not enter.isAccepted()


def test_typed_japanese_through_the_input_method_is_checked(qtbot, window):
    window.message_input.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(SCAM)
    QApplication.sendEvent(window.message_input, event)
    assert window.message_input.toPlainText() == SCAM
    assert check(qtbot, window).level is Level.DANGER


def test_ctrl_enter_checks(qtbot, window):
    paste(window, SCAM)
    window.message_input.setFocus()
    with qtbot.waitSignal(window.runner.verdict_ready) as blocker:
        qtbot.keyClick(window.message_input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0].level is Level.DANGER
    assert window.message_input.toPlainText() == SCAM  # the shortcut did not add a line


def test_editing_after_a_check_clears_the_old_verdict(qtbot, window):
    paste(window, SCAM)
    check(qtbot, window)
    assert window.message_input.highlighted()

    window.message_input.appendPlainText("追記")

    assert window.verdict_view.banner.property("level") == "none"
    assert window.message_input.highlighted() == []
    assert window.verdict_view.reason_cards() == []
    assert not window.print_button.isEnabled()


def test_clear_button_empties_the_box(qtbot, window):
    paste(window, ORDINARY)
    check(qtbot, window)
    window.clear_button.click()
    assert window.message_input.toPlainText() == ""
    assert window.verdict_view.verdict() is None


def test_a_phone_number_alone_can_be_checked(qtbot, window):
    paste(window, "050-1234-5678")
    verdict = check(qtbot, window)
    assert verdict.number_only
    assert label_texts(window, "numberItem")[0].startswith("050-1234-5678")


def test_a_scam_with_junk_characters_still_gets_its_verdict_and_a_note(qtbot, window):
    paste(window, SCAM + "\ufffd\x00\ufffd\x01")
    verdict = check(qtbot, window)
    assert verdict.level is Level.DANGER
    note = window.verdict_view.truncated_note
    assert not note.isHidden()
    assert "文字ではないデータが 4 個" in note.text()
