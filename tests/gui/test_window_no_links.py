"""Nothing in the window is a live link: no rich-text anchors, nothing that opens a browser."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit
from window_helpers import SCAM, check, paste

GUI = Path(__file__).resolve().parents[2] / "gui"
LIVE_ADDRESS = re.compile(r"(?i)\b(?:https?|ftp)://|www\.\w")


def _labels() -> list[QLabel]:
    return [label for top in QApplication.topLevelWidgets() for label in top.findChildren(QLabel)]


def _assert_no_live_links(labels: list[QLabel]) -> None:
    assert labels
    for label in labels:
        assert not label.openExternalLinks(), label.objectName()
        assert "href" not in label.text().lower(), label.objectName()
        if label.textFormat() != Qt.TextFormat.PlainText:
            assert not QtGui.Qt.mightBeRichText(label.text()), (label.objectName(), label.text())
        assert not LIVE_ADDRESS.search(label.text()), (label.objectName(), label.text())


def test_after_a_check_every_label_is_plain_and_links_are_defanged(qtbot, window):
    paste(window, SCAM + "\nwww.example-login.xyz http://192.0.2.1/pay")
    verdict = check(qtbot, window)
    assert len(verdict.links) >= 2
    _assert_no_live_links(_labels())


def test_dialogs_carry_no_links_either(qtbot, window):
    paste(window, SCAM)
    check(qtbot, window)
    window.commands.about.trigger()
    window.commands.show_history.trigger()
    window.commands.clear_history.trigger()
    open_dialogs = {w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()}
    assert {"aboutBox", "historyDialog", "confirmClearHistory"} <= open_dialogs
    _assert_no_live_links(_labels())


def test_a_pasted_link_in_the_message_box_is_only_text(window):
    mime = QMimeData()
    mime.setHtml('<a href="https://example.com/">ここを押す</a>')
    mime.setText("ここを押す https://example.com/")
    QApplication.clipboard().setMimeData(mime)
    window.paste_button.click()

    assert isinstance(window.message_input, QPlainTextEdit)
    assert window.message_input.toPlainText() == "ここを押す https://example.com/"
    assert "href" not in window.message_input.document().toHtml()
    assert window.message_input.anchorAt(window.message_input.cursorRect().center()) == ""


def test_no_module_opens_a_browser_or_dials():
    forbidden_names = {"QDesktopServices", "openUrl", "webbrowser", "QTextBrowser", "setOpenLinks"}
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        used |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        used |= {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
                 for a in n.names}
        assert not used & forbidden_names, (path.name, used & forbidden_names)
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = getattr(call.func, "attr", getattr(call.func, "id", ""))
            if name == "setOpenExternalLinks":
                assert all(isinstance(a, ast.Constant) and a.value is False for a in call.args), path.name
