"""Text size, contrast, language and history choices: applied at once, remembered, robust."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from window_helpers import SCAM, check, paste

from gui.app import create_main_window
from gui.settings import DEFAULT_TEXT_SIZE_PT, TEXT_SIZES_PT


def _reopen(qtbot, window):
    window.close()
    again = create_main_window([])
    qtbot.addWidget(again)
    return again


def _font_pt(widget) -> float:
    return widget.font().pointSizeF()


def test_ctrl_equals_and_ctrl_minus_step_the_text_size(qtbot, window, _data_dir):
    start = _font_pt(window.message_input)
    assert start == DEFAULT_TEXT_SIZE_PT

    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    larger = _font_pt(window.message_input)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    smaller = _font_pt(window.message_input)

    steps = list(TEXT_SIZES_PT)
    assert larger == steps[steps.index(DEFAULT_TEXT_SIZE_PT) + 1]
    assert smaller == steps[steps.index(DEFAULT_TEXT_SIZE_PT) - 1]
    assert json.loads((_data_dir / "settings.json").read_text("utf-8"))["text_size_pt"] == smaller


def test_text_size_is_remembered_for_next_time(qtbot, window):
    window.larger_button.click()
    window.larger_button.click()
    expected = _font_pt(window.message_input)
    assert expected > DEFAULT_TEXT_SIZE_PT

    again = _reopen(qtbot, window)
    assert _font_pt(again.message_input) == expected
    assert _font_pt(again.check_button) > expected  # the check button is a size up


def test_text_size_stops_at_the_ends(window):
    for _ in range(len(TEXT_SIZES_PT) + 2):
        window.smaller_button.click()
    assert _font_pt(window.message_input) == TEXT_SIZES_PT[0]
    for _ in range(len(TEXT_SIZES_PT) + 2):
        window.commands.larger.trigger()
    assert _font_pt(window.message_input) == TEXT_SIZES_PT[-1]
    window.commands.default_size.trigger()
    assert _font_pt(window.message_input) == DEFAULT_TEXT_SIZE_PT


def test_high_contrast_is_a_stylesheet_and_remembered(qtbot, window):
    paste(window, SCAM)
    check(qtbot, window)
    window.commands.high_contrast.trigger()

    background = QColor(window.message_input.viewport().grab().toImage().pixel(2, 2))
    assert background.lightness() < 30
    assert "#ffff00" in window.styleSheet()
    again = _reopen(qtbot, window)
    assert again.commands.high_contrast.isChecked()
    assert again.styleSheet() == window.styleSheet()


def test_language_choice_is_remembered(qtbot, window):
    window.commands.english.trigger()
    again = _reopen(qtbot, window)
    assert again.commands.english.isChecked()
    assert again.check_button.text() == "Check"
    assert again.windowTitle() == "Check a suspicious message"  # Qt adds the app name after it


def test_switching_language_keeps_the_look_and_does_not_restyle(qtbot, window, monkeypatch):
    window.larger_button.click()
    size, sheet = _font_pt(window.message_input), window.styleSheet()
    restyled = []
    monkeypatch.setattr(window, "setStyleSheet", restyled.append)
    window.commands.english.trigger()
    window.commands.japanese.trigger()
    assert restyled == []  # restyling would lay a long message out again for nothing
    assert window.check_button.text() == "確認する"
    assert _font_pt(window.message_input) == size and window.styleSheet() == sheet
    window.commands.high_contrast.trigger()
    assert len(restyled) == 1 and "#ffff00" in restyled[0]


def test_corrupt_settings_are_set_aside_and_defaults_used(qtbot, _data_dir):
    (_data_dir / "settings.json").write_bytes(b'{"language": "en", "text_size_pt": 2\x00\xff')
    window = create_main_window([])
    qtbot.addWidget(window)

    assert _font_pt(window.message_input) == DEFAULT_TEXT_SIZE_PT
    assert window.check_button.text() == "確認する"
    assert (_data_dir / "settings.json.corrupt").read_bytes().startswith(b'{"language"')
    window.larger_button.click()  # and saving works again
    assert json.loads((_data_dir / "settings.json").read_text("utf-8"))["language"] == "ja"


def test_one_bad_value_keeps_the_others(qtbot, _data_dir):
    (_data_dir / "settings.json").write_text(
        json.dumps({"language": "klingon", "text_size_pt": 24, "high_contrast": "yes"}), "utf-8")
    window = create_main_window([])
    qtbot.addWidget(window)
    assert _font_pt(window.message_input) == 24
    assert window.settings().language == "ja"
    assert not window.settings().high_contrast


def test_each_check_is_kept_in_the_history(qtbot, window, _data_dir):
    paste(window, SCAM)
    check(qtbot, window)

    saved = json.loads((_data_dir / "history.json").read_text("utf-8"))["entries"]
    assert [e["level"] for e in saved] == ["danger"]
    assert saved[0]["excerpt"].startswith("【Amazon】お支払い方法に問題があります。")
    assert "hxxps://amazon-co-jp[.]security-check[.]xyz/login" in saved[0]["excerpt"]
    assert "https://" not in saved[0]["excerpt"]


def test_history_can_be_turned_off(qtbot, window, _data_dir):
    window.commands.keep_history.trigger()
    paste(window, SCAM)
    check(qtbot, window)
    assert not (_data_dir / "history.json").exists()


def test_history_is_shown_and_can_be_cleared_from_the_menu(qtbot, window, _data_dir):
    paste(window, SCAM)
    check(qtbot, window)

    window.commands.show_history.trigger()
    dialog = _top("historyDialog")
    assert dialog.entries.count() == 1
    assert "危険" in dialog.entries.item(0).text()
    dialog.close()

    window.commands.clear_history.trigger()
    question = _top("confirmClearHistory")
    with qtbot.waitSignal(question.finished):
        question.button(question.StandardButton.Yes).click()
    assert json.loads((_data_dir / "history.json").read_text("utf-8"))["entries"] == []


def test_saying_no_keeps_the_history(qtbot, window, _data_dir):
    paste(window, SCAM)
    check(qtbot, window)
    window.commands.clear_history.trigger()
    question = _top("confirmClearHistory")
    with qtbot.waitSignal(question.finished):
        question.button(question.StandardButton.No).click()
    assert len(json.loads((_data_dir / "history.json").read_text("utf-8"))["entries"]) == 1


def test_corrupt_history_is_set_aside_and_checking_goes_on(qtbot, window, _data_dir):
    (_data_dir / "history.json").write_text("[[[not json", "utf-8")
    paste(window, SCAM)
    check(qtbot, window)
    assert (_data_dir / "history.json.corrupt").read_text("utf-8") == "[[[not json"
    assert len(json.loads((_data_dir / "history.json").read_text("utf-8"))["entries"]) == 1


def _top(object_name: str):
    from PySide6.QtWidgets import QApplication

    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == object_name and w.isVisible()]
    assert len(found) == 1, f"expected one open {object_name}"
    return found[0]
