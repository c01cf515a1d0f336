"""Stories: a screenshot of the message instead of its text (paste, drop, or 画像から読み取る).

A stand-in reader answers like the real one would for a delivery-scam screenshot, so these run
without the ocr extra; the last story uses the real reader where it is installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

import core
from core import picture_text
from core.verdict import ErrorCode, Level
from gui.wording import picture_failure_message
from picture_fakes import SCAM_SCREEN, SCAM_TEXT, FakeReader, png_header, tiny_png
from window_helpers import ORDINARY, paste


@pytest.fixture
def reader(monkeypatch, window):
    fake = FakeReader(SCAM_SCREEN, hold=True)
    monkeypatch.setattr(core, "reader_installed", lambda: True)
    monkeypatch.setattr(picture_text, "shipped_reader", lambda: fake)
    yield fake
    fake.release.set()
    window.picture_reader.wait_done(10_000)


def screenshot() -> QImage:
    image = QImage(108, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    return image


def copy_picture() -> None:
    mime = QMimeData()
    mime.setImageData(screenshot())
    QApplication.clipboard().setMimeData(mime)


def file_drop(path: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def test_pasting_a_screenshot_reads_it_puts_the_text_in_the_box_and_checks_it(qtbot, window, reader):
    copy_picture()
    window.paste_button.click()
    assert window.reading_bar.isVisible()  # 'reading the picture…' while it is read, with a stop button
    assert window.reading_bar.stop_button.isVisible()
    assert window.message_input.toPlainText() == ""
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=10_000) as blocker:
        reader.release.set()
    assert window.message_input.toPlainText() == SCAM_TEXT
    assert not window.reading_bar.isVisible()
    verdict = blocker.args[0]
    assert verdict.level == Level.DANGER
    assert {"LINK_LOOKALIKE", "DELIVERY_PHISHING"} <= {r.id for r in verdict.reasons}
    window.back_to_message_button.click()  # the result is shown; the read text waits on the message's page
    assert window.picture_notice.isVisible()
    assert "画像から読み取りました" in window.picture_notice.text()
    link = SCAM_TEXT.index("https://")
    assert window.message_input.doubtful() == [(link + 15, link + 16)]  # the doubtful 'k' is marked
    assert window.message_input.highlighted()  # and the verdict's highlights are drawn as well


def test_a_large_pasted_photo_within_the_pixel_limit_is_not_refused_for_its_bytes(qtbot, window, reader):
    photo = QImage(5000, 4000, QImage.Format.Format_RGB32)  # 20 megapixels: 60 MB as BMP
    photo.fill(QColor("white"))
    mime = QMimeData()
    mime.setImageData(photo)
    QApplication.clipboard().setMimeData(mime)
    reader.release.set()
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=30_000):
        window.paste_button.click()
    assert reader.pictures[0].startswith(b"\x89PNG")


def test_ctrl_v_with_a_screenshot_on_the_clipboard_reads_it(qtbot, window, reader):
    copy_picture()
    window.message_input.setFocus()
    reader.release.set()
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=10_000):
        qtbot.keyClick(window.message_input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.message_input.toPlainText() == SCAM_TEXT


def test_editing_the_read_text_takes_the_doubtful_marks_away(qtbot, window, reader):
    reader.release.set()
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=10_000):
        window.picture_reader.read(tiny_png())
    window.message_input.moveCursor(window.message_input.textCursor().MoveOperation.End)
    window.message_input.insertPlainText("。")
    assert window.message_input.doubtful() == []


def test_a_dropped_screenshot_file_is_read(qtbot, window, reader, tmp_path):
    shot = tmp_path / "IMG_0001.PNG"
    shot.write_bytes(tiny_png())
    reader.release.set()
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=10_000):
        window.message_input.insertFromMimeData(file_drop(shot))
    assert window.message_input.toPlainText() == SCAM_TEXT
    assert reader.pictures == [tiny_png()]


def test_a_picture_dropped_elsewhere_on_the_window_is_read_too(qtbot, window, reader, tmp_path):
    shot = tmp_path / "shot.jpg"
    shot.write_bytes(tiny_png())  # the name does not decide: the bytes do
    mime = file_drop(shot)
    drop = QDropEvent(QPointF(900, 400), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    reader.release.set()
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=10_000):
        window.dropEvent(drop)
    assert window.message_input.toPlainText() == SCAM_TEXT


@pytest.mark.parametrize(("content", "code"), [
    (tiny_png()[:20], ErrorCode.PICTURE_BROKEN),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", ErrorCode.PICTURE_UNSUPPORTED),
    (b"%PDF-1.7\n", ErrorCode.PICTURE_UNSUPPORTED),
    (png_header(20_000, 10_000), ErrorCode.PICTURE_TOO_LARGE),
])
def test_a_file_that_cannot_be_read_gets_a_plain_message_and_the_box_is_unchanged(
        qtbot, window, reader, tmp_path, content, code):
    paste(window, ORDINARY)
    bad = tmp_path / "photo.heic"
    bad.write_bytes(content)
    with qtbot.waitSignal(window.picture_reader.reading_failed, timeout=10_000) as blocker:
        window.message_input.insertFromMimeData(file_drop(bad))
    assert blocker.args[0].code == code.value
    assert window.message_input.toPlainText() == ORDINARY
    assert window.picture_notice.isVisible()
    assert window.picture_notice.text() == picture_failure_message(code.value)
    assert not window.reading_bar.isVisible()
    assert reader.pictures == []  # turned away before the reader saw it


def test_the_notice_about_a_picture_goes_when_other_text_is_pasted(qtbot, window, reader, tmp_path):
    bad = tmp_path / "broken.png"
    bad.write_bytes(tiny_png()[:20])
    with qtbot.waitSignal(window.picture_reader.reading_failed, timeout=10_000):
        window.message_input.insertFromMimeData(file_drop(bad))
    assert window.picture_notice.isVisible()
    paste(window, ORDINARY)
    assert not window.picture_notice.isVisible()

    reader.release.set()
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=10_000):
        window.picture_reader.read(tiny_png())
    window.back_to_message_button.click()
    assert window.picture_notice.isVisible()
    paste(window, ORDINARY)
    assert not window.picture_notice.isVisible()
    assert window.message_input.doubtful() == []


def test_stopping_the_reading_leaves_the_box_as_it_was(qtbot, window, reader):
    paste(window, ORDINARY)
    copy_picture()
    window.paste_button.click()
    assert window.reading_bar.isVisible()
    with qtbot.waitSignal(window.picture_reader.reading_stopped, timeout=5_000):
        window.reading_bar.stop_button.click()
    assert not window.reading_bar.isVisible()
    reader.release.set()
    window.picture_reader.wait_done(10_000)
    QApplication.processEvents()
    assert window.message_input.toPlainText() == ORDINARY
    assert not window.picture_notice.isVisible()


def test_the_button_opens_a_picture_chooser_and_reads_the_chosen_file(qtbot, window, reader, tmp_path):
    shot = tmp_path / "shot.webp"
    shot.write_bytes(tiny_png())
    window.picture_button.click()
    dialog = window.findChild(QFileDialog, "pictureDialog")
    assert dialog is not None and dialog.isVisible()
    assert "*.png" in dialog.nameFilters()[0] and "*.webp" in dialog.nameFilters()[0]
    reader.release.set()
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=10_000):
        dialog.fileSelected.emit(str(shot))
    assert window.message_input.toPlainText() == SCAM_TEXT


def test_without_the_reader_the_button_says_how_to_add_it_instead_of_failing(qtbot, window, monkeypatch):
    monkeypatch.setattr(core, "reader_installed", lambda: False)
    window.picture_button.click()
    box = window.findChild(QMessageBox, "readerMissing")
    assert box is not None and box.isVisible()
    assert 'pip install "sagicheck[ocr]"' in box.text()
    assert window.findChild(QFileDialog, "pictureDialog") is None
    box.close()


def test_without_the_reader_a_pasted_picture_says_so_and_changes_nothing(qtbot, window, monkeypatch):
    monkeypatch.setattr(core, "reader_installed", lambda: False)
    paste(window, ORDINARY)
    copy_picture()
    window.paste_button.click()
    assert window.message_input.toPlainText() == ORDINARY
    assert window.picture_notice.text() == picture_failure_message(ErrorCode.READER_MISSING.value)


@pytest.mark.skipif(not core.reader_installed(), reason='the ocr extra is not installed (pip install ".[ocr]")')
def test_a_real_screenshot_pasted_is_read_and_judged_dangerous(qtbot, window):
    from benchmarks.sms_screens import SCREENS, draw

    mime = QMimeData()
    mime.setImageData(draw(SCREENS[1]))
    QApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=60_000) as blocker:
        window.paste_button.click()
    assert "お問い合わせ 03-5555-0123" in window.message_input.toPlainText()
    assert blocker.args[0].level == Level.DANGER
