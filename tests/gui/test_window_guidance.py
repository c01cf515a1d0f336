"""The rest of the story: the walk-through, then the sheet printed or saved as PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QLabel, QPushButton, QWidget
from window_helpers import SCAM, check, paste, switch_language

from core.verdict import Level
from gui.sheet import build_sheet

DEFANGED = "hxxps://amazon-co-jp[.]security-check[.]xyz/login"


# The CJK font's middle dot comes back from the PDF as U+2027, and 民 as the radical U+2EA0
# (which NFKC leaves alone).
_SAME_GLYPH = str.maketrans({"\u2027": "\u30fb", "\u2ea0": "\u6c11"})


def _squash(text: str) -> str:
    """Text with all white space removed: lines wrap anywhere on the page."""
    return "".join(unicodedata.normalize("NFKC", text).translate(_SAME_GLYPH).split())


def _pdf_text(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext is missing: install poppler-utils (the CI script does)")
    return subprocess.run([tool, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def _squashed_pdf_text(pdf: Path) -> str:
    return _squash(_pdf_text(pdf))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{3,}", unicodedata.normalize("NFKC", text)))


def _answer(qtbot, window, answer_id: str) -> None:
    button = window.walkthrough.findChild(QPushButton, f"answerButton_{answer_id}")
    assert button is not None, answer_id
    with qtbot.waitSignal(window.walkthrough.path_changed):
        button.click()


def _open(object_name: str):
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == object_name and w.isVisible()]
    assert len(found) == 1, f"expected one open {object_name}"
    return found[0]


def _save_pdf_through_the_dialog(qtbot, window, out: Path) -> None:
    window.save_pdf_button.click()
    dialog: QFileDialog = _open("savePdfDialog")
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    with qtbot.waitSignal(dialog.fileSelected):
        dialog.selectFile(str(out))
        dialog.accept()


def _story(qtbot, window, out: Path) -> tuple[list[tuple[str, str]], list[str]]:
    paste(window, SCAM)
    assert check(qtbot, window).level is Level.DANGER
    _answer(qtbot, window, "called_or_replied")
    _answer(qtbot, window, "bank_card")
    path, steps = window.walkthrough.chosen_path(), window.walkthrough.chosen_steps()
    _save_pdf_through_the_dialog(qtbot, window, out)
    return path, steps


def test_called_and_gave_bank_details_then_the_sheet_has_the_steps_and_hotlines(qtbot, window, tmp_path):
    out = tmp_path / "sheet.pdf"
    path, steps = _story(qtbot, window, out)

    assert path == [("どうなりましたか?", "メッセージの番号に電話をかけた・返事をした"),
                    ("相手に何を伝えましたか?", "銀行口座・カードの番号や暗証番号")]
    assert any("銀行" in s for s in steps) and any("カード会社" in s for s in steps)
    text = _squashed_pdf_text(out)
    for step in steps:
        assert _squash(step) in text
    for answer in path:
        assert _squash(answer[1]) in text
    assert "188" in text and "#9110" in text
    assert _squash(DEFANGED) in text
    assert "https://" not in text and "http://" not in text
    assert _squash(SCAM[:20]) in text
    assert window.saved_note.isVisible() and "PDFを保存しました" in window.saved_note.text()


def test_the_same_story_in_english(qtbot, window, tmp_path):
    switch_language(qtbot, window, "en")
    out = tmp_path / "sheet-en.pdf"
    path, steps = _story(qtbot, window, out)

    assert path[-1][0] == "What did you tell them?"
    # pdftotext may give the English sheet's lines in another order (the page prints fine), so
    # the steps are checked word by word; the hotline numbers must be there as text.
    text = _squashed_pdf_text(out)
    assert "188" in text and "#9110" in text
    words = _words(_pdf_text(out))
    for step in steps:
        assert _words(step) <= words, step
    assert _squash("Very likely a scam") in text
    assert "https://" not in text and "http://" not in text
    assert "hxxps://amazon-co-jp[.]security-check[.]xyz/login" in text
    request = window.sheet_request()
    assert (request.lang, request.path, request.steps) == ("en", path, steps)
    sheet = _squash(build_sheet(request.verdict, request.message, "en", request.path, request.steps).toPlainText())
    assert "188" in sheet and "#9110" in sheet and _squash(DEFANGED) in sheet
    assert "https://" not in sheet and "http://" not in sheet


def test_print_opens_an_a4_preview_of_the_sheet(qtbot, window):
    paste(window, SCAM)
    check(qtbot, window)
    assert window.print_button.isEnabled()

    window.commands.print_sheet.trigger()

    preview = _open("printPreview")
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 2)
    assert preview.windowTitle() == "印刷する前に確かめる"
    preview.close()


def test_the_preview_prints_and_saves_from_the_keyboard_with_labelled_buttons(qtbot, window, monkeypatch):
    from gui.printing import preview_print_action

    paste(window, SCAM)
    check(qtbot, window)
    window.commands.print_sheet.trigger()
    preview = _open("printPreview")
    print_button = preview.findChild(QPushButton, "previewPrintButton")
    save_button = preview.findChild(QPushButton, "previewSaveButton")
    assert (print_button.text(), save_button.text()) == ("印刷する", "PDFに保存")
    assert print_button.isDefault()
    qtbot.waitUntil(print_button.hasFocus)
    # Qt's own print command opens the system's print dialog, which would wait for a person:
    # here it is only watched.
    action = preview_print_action(preview)
    action.triggered.disconnect()
    with qtbot.waitSignal(action.triggered):
        qtbot.keyClick(print_button, Qt.Key.Key_Return)

    qtbot.keyClick(print_button, Qt.Key.Key_Tab)
    assert save_button.hasFocus()
    qtbot.keyClick(save_button, Qt.Key.Key_Space)
    assert not preview.isVisible()
    _open("savePdfDialog").close()


def test_ctrl_p_prints(qtbot, window):
    paste(window, SCAM)
    check(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    _open("printPreview").close()


def test_nothing_to_print_before_a_check(window):
    assert not window.print_button.isEnabled()
    assert not window.commands.print_sheet.isEnabled()
    assert not window.save_pdf_button.isEnabled()


def test_a_pdf_that_cannot_be_written_is_said_plainly(qtbot, window, tmp_path):
    paste(window, SCAM)
    check(qtbot, window)
    missing = tmp_path / "no-such-folder" / "sheet.pdf"
    window.save_pdf_button.click()
    dialog = _open("savePdfDialog")
    dialog.fileSelected.emit(str(missing))
    box = _open("pdfNotSaved")
    assert str(missing) in box.text()
    assert not missing.exists()


COURT_POSTCARD = "法務省管轄支局 国民訴訟通達センターです。訴訟最終告知のお知らせ。本日中にご連絡がない場合、裁判所に出廷となります。03-1234-5678"


def test_the_court_checklist_puts_real_and_fake_signs_apart_and_the_conclusion_under_the_tick(qtbot, window):
    paste(window, COURT_POSTCARD)
    check(qtbot, window)
    window.next_button.click()
    _answer(qtbot, window, "court_letter")
    _answer(qtbot, window, "court_envelope")
    view = window.walkthrough
    qtbot.waitUntil(lambda: view.findChild(QCheckBox, "checklistItem_sojo_in_mailbox").isVisible())

    def top(widget: QWidget) -> int:
        return widget.mapTo(view, widget.rect().topLeft()).y()

    from core.guidance import load_guidance

    items = load_guidance().checklists["court"].items
    boxes = view.findChildren(QCheckBox)
    groups = [("genuine", "genuineSignsHeading"), ("fake", "fakeSignsHeading"), ("doubt", "doubtSignsHeading")]
    below = 0
    for sign, heading_name in groups:  # each group under its own heading, in this order down the page
        heading = view.findChild(QLabel, heading_name)
        group = [b for b in boxes if b.property("sign") == sign]
        assert len(group) == sum(1 for i in items if i.sign.value == sign) > 0
        assert below < top(heading) < min(map(top, group))
        below = max(map(top, group))

    box = view.findChild(QCheckBox, "checklistItem_sojo_in_mailbox")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    outcome = view.findChild(QLabel, "checklistOutcome")
    # Right under the box just ticked, where the eye is.
    qtbot.waitUntil(lambda: top(box) + box.height() <= top(outcome) <= top(box) + box.height() + 30)
    assert outcome.property("outcome") == "fake" and outcome.isVisible()


def test_the_ticks_and_the_conclusion_of_the_court_checklist_are_printed(qtbot, window, tmp_path):
    paste(window, COURT_POSTCARD)
    check(qtbot, window)
    window.next_button.click()
    _answer(qtbot, window, "court_letter")
    _answer(qtbot, window, "court_envelope")
    box = window.walkthrough.findChild(QCheckBox, "checklistItem_ministry_branch")
    box.click()
    out = tmp_path / "court.pdf"

    _save_pdf_through_the_dialog(qtbot, window, out)

    text = _squashed_pdf_text(out)
    assert _squash("■" + box.accessibleName()) in text  # ticked
    assert _squash("□" + window.walkthrough.findChild(QCheckBox, "checklistItem_special_delivery").accessibleName()) in text
    assert _squash(window.walkthrough.findChild(QLabel, "checklistOutcome").text()) in text
