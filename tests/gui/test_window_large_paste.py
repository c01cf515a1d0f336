"""Huge pastes and drops: the box takes what the check can judge, says so, and loses nothing.

How long a paste holds the window up is measured by ``benchmarks/paste_speed.py``, not here.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication
from window_helpers import SCAM, check, label_texts, paste, switch_language

import core

TEN_MB = 10 * 1024 * 1024


def sized(unit: str, size: int) -> str:
    """``unit`` repeated to at least ``size`` UTF-8 bytes."""
    return unit * (size // len(unit.encode("utf-8")) + 1)


def utf8(text: str) -> int:
    return len(text.encode("utf-8"))


def press_paste(qtbot, window, text: str):
    """Copy ``text``, press 貼り付け, and return what the box said it took."""
    QApplication.clipboard().setText(text)
    with qtbot.waitSignal(window.message_input.pasted) as blocker:
        window.paste_button.click()
    return blocker.args[0]


def ctrl_v(qtbot, window):
    window.message_input.setFocus()
    with qtbot.waitSignal(window.message_input.pasted) as blocker:
        qtbot.keyClick(window.message_input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    return blocker.args[0]


def notice(window) -> str:
    return window.paste_notice.text() if window.paste_notice.isVisible() else ""


def drop(qtbot, window, text: str):
    """Drag ``text`` from another program and let go over the box."""
    viewport = window.message_input.viewport()
    mime = QMimeData()
    mime.setText(text)
    where = QPointF(viewport.rect().center())
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        enter = QDragEnterEvent(where, *args)
    except TypeError:  # Qt 6.11 takes a QPoint here, later versions a QPointF
        enter = QDragEnterEvent(where.toPoint(), *args)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.message_input.pasted) as blocker:
        QApplication.sendEvent(viewport, QDropEvent(where, *args))
    return blocker.args[0]


def test_ten_megabytes_on_one_line_go_in_as_far_as_the_check_can_judge(qtbot, window):
    big = sized(SCAM, TEN_MB)
    limit = core.max_input_bytes()

    outcome = press_paste(qtbot, window, big)

    box = window.message_input.toPlainText()
    assert big.startswith(box)
    assert limit - 4 < utf8(box) <= limit  # at most one character short of the limit
    assert (outcome.taken, outcome.offered) == (len(box), len(big))
    assert notice(window) == (
        f"とても長い文章なので、最初の {len(box):,} 文字だけを欄に入れました(全体は {len(big):,} 文字)。"
        "このまま「確認する」を押せます。")

    with qtbot.waitSignal(window.runner.verdict_ready, timeout=60_000) as blocker:
        window.check_button.click()
        assert blocker.args is None  # the click came back before the verdict: checked off the GUI thread
        assert label_texts(window, "verdictBanner") == ["確認しています…"]
        assert window.busy_note.isVisible() and window.busy_note.text() == "確認しています…"
        assert not window.check_button.isEnabled()
    verdict = blocker.args[0]

    assert not verdict.truncated and verdict.analysed_length == verdict.text_length == len(box)
    assert window.verdict_view.truncated_note.isHidden()
    assert window.verdict_view.banner.property("level") == verdict.level.value
    assert window.message_input.highlighted()[0] == verdict.all_spans()[0]
    assert window.check_button.isEnabled()
    window.back_to_message_button.click()
    assert notice(window), "the notice stays while the cut text is in the box"


def test_ten_megabytes_of_many_lines_are_cut_at_the_end_of_a_line(qtbot, window):
    line = SCAM + "\n"
    big = sized(line, TEN_MB)

    outcome = press_paste(qtbot, window, big)

    box = window.message_input.toPlainText()
    assert outcome.cut
    assert big.startswith(box + "\n") and box.endswith(SCAM)
    assert utf8(box) <= core.max_input_bytes() < utf8(box) + 2 * utf8(line)


def test_a_cut_never_splits_what_shows_as_one_character(qtbot, window):
    limit = core.max_input_bytes()
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # one emoji drawn from five code points
    filler = "a" * (limit - 6)  # the family starts 6 bytes before the limit and takes 18

    press_paste(qtbot, window, filler + family + "b" * 100)
    assert window.message_input.toPlainText() == filler

    voiced = "か\u3099"  # a kana and its separate voicing mark: 6 bytes
    press_paste(qtbot, window, "a" * (limit - 4) + voiced + "b" * 100)
    assert window.message_input.toPlainText() == "a" * (limit - 4)


def test_a_huge_drop_is_cut_the_same_way(qtbot, window):
    big = sized(SCAM, TEN_MB)

    outcome = drop(qtbot, window, big)

    box = window.message_input.toPlainText()
    assert outcome.cut and big.startswith(box) and utf8(box) <= core.max_input_bytes()
    assert f"{len(big):,}" in notice(window)


def test_pasting_onto_a_full_box_keeps_every_word_already_there(qtbot, window):
    limit = core.max_input_bytes()
    press_paste(qtbot, window, "あ" * (limit // 3) + "a" * (limit % 3) + "もっと")
    before = window.message_input.toPlainText()
    assert utf8(before) == limit
    window.message_input.moveCursor(window.message_input.textCursor().MoveOperation.End)

    QApplication.clipboard().setText("もう一通" * 1000)
    outcome = ctrl_v(qtbot, window)

    assert outcome.refused
    assert window.message_input.toPlainText() == before
    assert notice(window) == "欄がいっぱいなので、貼り付けませんでした。欄の文章はそのままです。"


def test_adding_to_a_message_takes_only_what_still_fits(qtbot, window):
    first = "前半の文章。" * 30_000  # 540,000 bytes
    press_paste(qtbot, window, first)
    window.message_input.moveCursor(window.message_input.textCursor().MoveOperation.End)

    QApplication.clipboard().setText(sized(SCAM, TEN_MB))
    outcome = ctrl_v(qtbot, window)

    box = window.message_input.toPlainText()
    assert outcome.cut and box.startswith(first)
    assert core.max_input_bytes() - 4 < utf8(box) <= core.max_input_bytes()
    assert not check(qtbot, window, timeout=60_000).truncated


def test_the_paste_button_with_nothing_copied_leaves_the_message_alone(qtbot, window):
    window.message_input.setPlainText(SCAM)
    QApplication.clipboard().clear()

    with qtbot.waitSignal(window.message_input.pasted) as blocker:
        window.paste_button.click()

    assert blocker.args[0].no_text
    assert window.message_input.toPlainText() == SCAM
    assert not window.message_input.textCursor().hasSelection()
    assert notice(window) == (
        "コピーされた文章がないので、何も貼り付けませんでした。メッセージの文章をコピーしてから、もう一度お試しください。")


def test_a_copied_picture_is_offered_for_reading_and_does_not_replace_the_selected_words(
        qtbot, window, monkeypatch):
    monkeypatch.setattr(core, "reader_installed", lambda: False)  # what it says then: test_window_picture
    window.message_input.setPlainText(SCAM)
    window.message_input.selectAll()
    picture = QImage(8, 8, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.red)
    QApplication.clipboard().setImage(picture)

    window.message_input.setFocus()
    with qtbot.waitSignal(window.message_input.picture_offered) as blocker:
        qtbot.keyClick(window.message_input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    assert isinstance(blocker.args[0], QImage)
    assert window.message_input.toPlainText() == SCAM
    assert window.message_input.textCursor().selectedText() == SCAM


def test_the_notice_goes_when_the_box_is_emptied_or_a_message_fits(qtbot, window):
    press_paste(qtbot, window, sized(SCAM, TEN_MB))
    assert notice(window)

    window.clear_button.click()
    assert window.message_input.toPlainText() == "" and notice(window) == ""

    QApplication.clipboard().clear()
    window.paste_button.click()
    assert notice(window)
    paste(window, SCAM)
    assert window.message_input.toPlainText() == SCAM and notice(window) == ""


def test_the_notice_follows_the_language(qtbot, window):
    big = sized(SCAM, TEN_MB)
    press_paste(qtbot, window, big)
    taken = len(window.message_input.toPlainText())

    switch_language(qtbot, window, "en")
    assert notice(window) == (f"The text is very long, so only the first {taken:,} characters were put in "
                              f"the box (of {len(big):,}). You can press Check as it is.")

    switch_language(qtbot, window, "ja")
    assert notice(window).startswith(f"とても長い文章なので、最初の {taken:,} 文字")


def test_a_million_letters_without_a_space_go_in_and_are_wrapped_anywhere(qtbot, window):
    blob = "QUJD" * (TEN_MB // 4)  # e.g. an attachment copied as text: no space, no line break
    box = window.message_input

    outcome = press_paste(qtbot, window, blob)

    assert outcome.cut and box.toPlainText() == blob[: core.max_input_bytes()]
    assert box.wraps_anywhere()  # breaking only between words would take minutes here

    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert box.toPlainText() == "" and box.wraps_anywhere()  # an undo could bring it back
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert box.toPlainText() == blob[: core.max_input_bytes()]

    window.clear_button.click()
    assert not box.wraps_anywhere()
    paste(window, SCAM)
    assert box.toPlainText() == SCAM and not box.wraps_anywhere()
