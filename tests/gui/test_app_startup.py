"""Start-up: where files go, the entry point's dispatch, and what happens on an unexpected error."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from gui import app as app_module
from gui.app import create_main_window, main
from gui.crash import CrashReporter
from gui.paths import DATA_DIR_ENV, resolve_paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shown_boxes(monkeypatch) -> list[QMessageBox]:
    """Message boxes that would have been shown modally; recorded instead of blocking."""
    shown: list[QMessageBox] = []

    def record(box):
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def test_data_dir_option_wins_over_the_environment(qtbot, tmp_path, _data_dir):
    chosen = tmp_path / "chosen"
    window = create_main_window(["--data-dir", str(chosen)])
    qtbot.addWidget(window)
    window.larger_button.click()
    assert (chosen / "settings.json").exists()
    assert not (_data_dir / "settings.json").exists()


def test_the_environment_names_the_data_dir(_data_dir):
    assert resolve_paths().data_dir == _data_dir.resolve()


def test_without_either_the_platform_folder_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv(DATA_DIR_ENV)
    calls = []

    def user_data_path(name, appauthor=None, ensure_exists=False):
        calls.append((name, appauthor, ensure_exists))
        return tmp_path / "platform"

    import platformdirs  # imported by resolve_paths only when it needs the platform folder

    monkeypatch.setattr(platformdirs, "user_data_path", user_data_path)
    assert resolve_paths().data_dir == (tmp_path / "platform").resolve()
    assert (tmp_path / "platform").is_dir()  # made by us, so that a failure can be told
    assert calls == [("sagicheck", False, False)]


def test_main_runs_the_window_with_a_crash_hook_and_a_log(qtbot, monkeypatch, restored_hooks, shown_boxes,
                                                          _data_dir):
    shown = []
    monkeypatch.setattr(QApplication, "exec", lambda *args: shown.extend(QApplication.topLevelWidgets()) or 0)
    assert main([]) == 0
    assert shown_boxes == []
    assert any(w.objectName() == "mainWindow" and w.isVisible() for w in shown)
    assert isinstance(sys.excepthook.__self__, CrashReporter)
    logging.getLogger("gui.test").warning("written to the log")
    assert "written to the log" in (_data_dir / "logs" / "sagicheck.log").read_text("utf-8")
    for widget in shown:
        widget.close()


def test_a_failure_while_starting_shows_the_crash_dialog(qtbot, monkeypatch, restored_hooks, shown_boxes, _data_dir):
    def broken(paths, qt_args, problems):
        raise RuntimeError("window could not be built")

    monkeypatch.setattr(app_module, "_build_window", broken)
    assert main([]) == 1
    assert [b.objectName() for b in shown_boxes] == ["crashDialog"]
    assert "window could not be built" in (_data_dir / "logs" / "sagicheck.log").read_text("utf-8")


def test_unexpected_errors_go_to_the_log_and_a_plain_dialog(qtbot, tmp_path, shown_boxes, capsys):
    reporter = CrashReporter(tmp_path / "logs" / "sagicheck.log")
    try:
        raise ValueError("boom in a slot")
    except ValueError as error:
        reporter.report(type(error), error, error.__traceback__)

    log = (tmp_path / "logs" / "sagicheck.log").read_text("utf-8")
    assert "Traceback" in log and "boom in a slot" in log
    (box,) = shown_boxes
    assert str(tmp_path / "logs" / "sagicheck.log") in box.text()
    assert "Traceback" not in box.text() and "boom" not in box.text()
    assert "Traceback" not in capsys.readouterr().err


def test_an_error_printed_on_a_worker_thread_is_logged_without_a_dialog(qtbot, tmp_path, shown_boxes):
    # A dialog made off the GUI thread brings the app down (as a C extension failing to load
    # while a picture was read in the background did): the log is all there is then.
    import threading

    reporter = CrashReporter(tmp_path / "logs" / "sagicheck.log")

    def fail() -> None:
        try:
            raise ImportError("a library of the picture reader did not load")
        except ImportError as error:
            reporter.report(type(error), error, error.__traceback__)

    worker = threading.Thread(target=fail)
    worker.start()
    worker.join(10)
    assert "did not load" in (tmp_path / "logs" / "sagicheck.log").read_text("utf-8")
    assert shown_boxes == []


def test_self_test_missing_from_the_build_is_said_plainly(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "gui.selftest", None)
    assert main(["--self-test"]) == 2
    assert "self-test is not part of this build" in capsys.readouterr().err


def test_python_dash_m_gui_is_the_same_entry_point():
    source = (ROOT / "gui" / "__main__.py").read_text("utf-8")
    assert "from gui.app import main" in source
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert 'sagicheck = "gui.app:main"' in pyproject


def test_many_qt_calls_do_not_abort_python():
    code = (
        "from PySide6.QtCore import QObject, Signal\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication(['t'])\n"
        "class S(QObject):\n"
        "    fired = Signal()\n"
        "label, s = QLabel(), S()\n"
        "for _ in range(30000):\n"
        "    label.setText('x')\n"
        "    s.fired.emit()\n"
        "print('ok')\n"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_settings_file_is_plain_json(qtbot, window, _data_dir):
    window.commands.high_contrast.trigger()
    saved = json.loads((_data_dir / "settings.json").read_text("utf-8"))
    assert saved == {"language": "ja", "text_size_pt": 18, "high_contrast": True, "keep_history": True, "window": None}


def test_sheet_option_writes_the_sheet_without_a_window(qapp, tmp_path, capsys):
    out = tmp_path / "sheet.pdf"
    assert main(["--sheet", str(out), "ご利用料金の確認が取れておりません。本日中に050-1234-5678までご連絡ください"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
def test_sheet_option_writes_into_a_pipe_instead_of_replacing_it(qapp, tmp_path, capsys):
    """Before, the pipe was renamed over by a new file and its reader got nothing."""
    import os
    import stat
    import threading

    pipe = tmp_path / "to-the-printer"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    try:
        assert main(["--sheet", str(pipe), "本日中に050-1234-5678までご連絡ください"]) == 0
    finally:
        reader.join(5)  # the reader may still be returning from a read that has ended
        if reader.is_alive():  # main failed before opening the pipe: let the reader go
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(30)
    assert received[0].startswith(b"%PDF") and received[0].rstrip().endswith(b"%%EOF")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert capsys.readouterr().out == ""  # the path is not printed into what went down the pipe


def test_a_crash_without_a_log_file_is_told_without_promising_one(qtbot, tmp_path, shown_boxes, capsys):
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder", "utf-8")
    reporter = CrashReporter(in_the_way / "logs" / "sagicheck.log")
    try:
        raise ValueError("boom with nowhere to write")
    except ValueError as error:
        reporter.report(type(error), error, error.__traceback__)
    (box,) = shown_boxes
    assert "もう一度開いてください" in box.text() and "ファイルに保存しました" not in box.text()
    assert "boom with nowhere to write" in capsys.readouterr().err  # the record is not lost


def test_the_rules_are_read_only_after_the_window_is_first_drawn(qtbot, monkeypatch):
    from PySide6.QtCore import QEvent, QObject

    from gui.runner import CheckRunner

    happened: list[str] = []

    class PaintSpy(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and "painted" not in happened:
                happened.append("painted")
            return False

    monkeypatch.setattr(CheckRunner, "warm_up", lambda runner: happened.append("rules read"))
    window = create_main_window([])
    qtbot.addWidget(window)
    spy = PaintSpy()
    window.check_button.installEventFilter(spy)
    QApplication.processEvents()
    assert happened == []  # not shown yet: nothing drawn, nothing read
    window.show()
    qtbot.waitUntil(lambda: "rules read" in happened)
    assert happened == ["painted", "rules read"]


def test_a_broken_guidance_file_does_not_keep_the_window_from_checking(qtbot, monkeypatch):
    """Before, the GuidanceFileError went up through the window's constructor: no window."""
    from core import guidance
    from gui.guidance_missing import GuidanceMissingView

    from tests.gui.window_helpers import SCAM, check, paste

    def broken(folder=None):
        raise guidance.GuidanceFileError("walkthrough.toml", "not valid TOML: Expected ']'")

    monkeypatch.setattr(guidance, "read_guidance", broken)
    guidance.load_guidance.cache_clear()
    try:
        window = create_main_window([])
        qtbot.addWidget(window)
        window.show()
        paste(window, SCAM)
        assert check(qtbot, window).level.value == "danger"
        assert isinstance(window.walkthrough, GuidanceMissingView)
        window.next_button.click()  # the guide's page says what is missing
        (note,) = window.findChildren(QLabel, "guidanceMissing")
        assert note.isVisible() and "案内を読み込めませんでした" in note.text()
        # the sheet is made of the guidance: printing is off rather than a crash dialog
        assert not window.print_button.isEnabled() and not window.commands.save_pdf.isEnabled()
        window.runner.wait_done(10_000)
    finally:
        guidance.load_guidance.cache_clear()
