"""The app opens whatever state its data folder is in, says plainly what it could not read or
keep, and goes on checking.

One row per state a family's computer can leave the folder in (or a hostile local user can
prepare). Each row starts the app through its real entry point (``main``), then checks a message
and looks at what was kept. Read-only folders and unreadable files are made with ``chmod``;
run as root (where ``chmod`` does not bind) the stores are made to honour the same mode bits.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from gui import storage
from gui.app import main
from gui.main_window import MainWindow
from gui.settings import DEFAULT_TEXT_SIZE_PT
from tests.gui.window_helpers import SCAM, check, paste

_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT


def _mode(path: Path) -> int:
    return os.stat(path).st_mode


@pytest.fixture
def permissions_apply(monkeypatch):
    """``chmod`` binds the stores even when the tests run as root; modes are put back after."""
    changed: list[Path] = []

    def chmod(path: Path, mode: int) -> None:
        changed.append(path)
        os.chmod(path, mode)

    if os.geteuid() == 0 if hasattr(os, "geteuid") else False:
        real_open, real_mkdir, real_replace = storage._os_open, storage._os_mkdir, storage._os_replace

        def writable_folder(folder: Path) -> None:
            if not _mode(folder) & stat.S_IWUSR:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))

        def open_(path, flags, mode=0o777):
            path = Path(path)
            if path.exists():
                wanted = stat.S_IWUSR if flags & (os.O_WRONLY | os.O_RDWR) else 0
                wanted |= 0 if flags & os.O_WRONLY else stat.S_IRUSR
                if not path.is_dir() and _mode(path) & wanted != wanted:
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            elif flags & _WRITING:
                writable_folder(path.parent)
            return real_open(path, flags, mode)

        def mkdir(path, mode=0o777):
            writable_folder(Path(path).parent)
            return real_mkdir(path, mode)

        def replace(src, dst):
            writable_folder(Path(src).parent)
            writable_folder(Path(dst).parent)
            return real_replace(src, dst)

        monkeypatch.setattr(storage, "_os_open", open_)
        monkeypatch.setattr(storage, "_os_mkdir", mkdir)
        monkeypatch.setattr(storage, "_os_replace", replace)
    yield chmod
    for path in changed:  # (an unreadable file may have been set aside meanwhile)
        if path.exists():
            os.chmod(path, 0o700)


@pytest.fixture
def disk_full(monkeypatch):
    """New files in the folders given are made, but writing into them fails as on a full disk
    (ENOSPC, for real: the bytes go to ``/dev/full``)."""
    full: list[Path] = []
    real_open = storage._os_open

    def open_(path, flags, mode=0o777):
        fd = real_open(path, flags, mode)
        if Path(path).parent in full and Path(path).name.endswith(".tmp") and flags & os.O_CREAT:
            os.close(fd)
            return real_open("/dev/full", os.O_WRONLY)
        return fd

    monkeypatch.setattr(storage, "_os_open", open_)
    return full.append


@dataclass(frozen=True)
class State:
    prepare: Callable[[Path, Callable], None]  # (data folder, chmod)
    told: list[tuple[str, str]]  # (what happened, to which file or folder) in the notice
    kept: bool = True  # the check lands in history.json
    after: Callable[[Path, MainWindow], None] = field(default=lambda folder, window: None)


def _write(name: str, content: bytes) -> Callable[[Path, Callable], None]:
    return lambda folder, chmod: (folder / name).write_bytes(content)


def _folder_at(name: str) -> Callable[[Path, Callable], None]:
    return lambda folder, chmod: (folder / name).mkdir(parents=True)


def _unreadable(name: str) -> Callable[[Path, Callable], None]:
    def prepare(folder: Path, chmod) -> None:
        (folder / name).write_text("{}", "utf-8")
        chmod(folder / name, 0)
    return prepare


def _pipe(name: str) -> Callable[[Path, Callable], None]:
    return lambda folder, chmod: os.mkfifo(folder / name)


def _sparse(name: str) -> Callable[[Path, Callable], None]:
    def prepare(folder: Path, chmod) -> None:
        with (folder / name).open("wb") as big:
            big.truncate(300 * 1024 * 1024)  # 300 MB that take no disk
    return prepare


def _read_only(folder: Path, chmod) -> None:
    (folder / "settings.json").write_text(json.dumps({"text_size_pt": 24}), "utf-8")
    chmod(folder, 0o555)  # and no logs/ inside


def _log_linked_elsewhere(folder: Path, chmod) -> None:
    victim = folder.parent / "someone-elses-file"
    victim.write_text("theirs\n", "utf-8")
    (folder / "logs").mkdir()
    (folder / "logs" / "sagicheck.log").symlink_to(victim)


def _victim_untouched(folder: Path, window: MainWindow) -> None:
    assert (folder.parent / "someone-elses-file").read_text("utf-8") == "theirs\n"
    assert (folder / "logs" / "sagicheck.log.corrupt").is_symlink()  # the link itself, set aside
    log = folder / "logs" / "sagicheck.log"
    assert log.is_file() and not log.is_symlink()


def _stale_temp_files(folder: Path, chmod) -> None:
    for name in (".history.json.0a1b2c.tmp", ".settings.json.3d4e5f.tmp"):
        (folder / name).write_bytes(b'{"entries": [')


def _temp_files_gone(folder: Path, window: MainWindow) -> None:
    assert not list(folder.glob(".*.tmp"))


def _settings_still_read(folder: Path, window: MainWindow) -> None:
    assert window.settings().text_size_pt == 24
    window.larger_button.click()  # not kept, and not told twice
    assert window.settings().text_size_pt == 28
    assert json.loads((folder / "settings.json").read_text("utf-8")) == {"text_size_pt": 24}
    assert [p.kind.value for p in window.storage_notice.told] == ["no_folder"]


def _defaults(folder: Path, window: MainWindow) -> None:
    assert window.settings().text_size_pt == DEFAULT_TEXT_SIZE_PT


DEEP = b'{"a": ' * 5000 + b"1" + b"}" * 5000

STATES = {
    "as it should be": State(lambda folder, chmod: None, []),
    "settings nested 5,000 deep": State(_write("settings.json", DEEP), [("set_aside", "settings.json")],
                                        after=_defaults),
    "settings a folder": State(_folder_at("settings.json"), [("set_aside", "settings.json")]),
    "settings unreadable": State(_unreadable("settings.json"), [("set_aside", "settings.json")]),
    "settings a named pipe": State(_pipe("settings.json"), [("set_aside", "settings.json")]),
    "settings of 300 MB": State(_sparse("settings.json"), [("set_aside", "settings.json")]),
    "history nested 5,000 deep": State(_write("history.json", b'{"entries": ' + DEEP + b"}"),
                                       [("set_aside", "history.json")]),
    "history a folder": State(_folder_at("history.json"), [("set_aside", "history.json")]),
    "history unreadable": State(_unreadable("history.json"), [("set_aside", "history.json")]),
    "log a folder": State(_folder_at("logs/sagicheck.log"), [("set_aside", "sagicheck.log")]),
    "logs a file": State(_write("logs", b"not a folder"), [("set_aside", "logs")]),
    "log a link to someone else's file": State(_log_linked_elsewhere, [("set_aside", "sagicheck.log")],
                                               after=_victim_untouched),
    "temporary files of a killed write": State(_stale_temp_files, [], after=_temp_files_gone),
    "read-only folder without logs/": State(_read_only, [("no_folder", "user-data")], kept=False,
                                            after=_settings_still_read),
}


_POSIX_ONLY = {"settings a named pipe", "log a link to someone else's file"}


@pytest.mark.parametrize("state", [
    pytest.param(state, id=name, marks=pytest.mark.skipif(
        name in _POSIX_ONLY and os.name != "posix", reason="named pipes and links are POSIX here"))
    for name, state in STATES.items()
])
def test_the_app_opens_says_what_it_could_not_use_and_goes_on_checking(
        qtbot, monkeypatch, restored_hooks, permissions_apply, _data_dir, state):
    state.prepare(_data_dir, permissions_apply)
    seen: dict[str, object] = {}

    def during(window: MainWindow) -> None:
        if state.told:
            qtbot.waitUntil(lambda: window.storage_notice.box is not None)
        seen["told"] = [(p.kind.value, p.path.name) for p in window.storage_notice.told]
        seen["moved_to"] = [p.moved_to for p in window.storage_notice.told if p.moved_to]
        seen["notice"] = window.storage_notice.box.text() if window.storage_notice.box else ""
        window.commands.show_history.trigger()  # 履歴 opens and lists the check just made
        (dialog,) = [w for w in QApplication.topLevelWidgets() if w.objectName() == "historyDialog"]
        seen["listed"] = dialog.entries.count()
        dialog.close()
        state.after(_data_dir, window)

    assert _start(qtbot, monkeypatch, ["--data-dir", str(_data_dir)], during) == 0
    assert seen["told"] == state.told
    assert seen["listed"] == 1
    for moved_to in seen["moved_to"]:  # the old file is kept, and the notice says where
        assert os.path.lexists(moved_to) and moved_to.name.endswith(".corrupt")
        assert str(moved_to) in seen["notice"]
    history = _data_dir / "history.json"
    if state.kept:
        assert json.loads(history.read_text("utf-8"))["entries"][0]["level"] == "danger"
    else:
        assert not history.exists()


def _start(qtbot, monkeypatch, argv, during) -> int:
    crashes: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: crashes.append(box.text()) or 0)

    def event_loop(*args) -> int:
        (window,) = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        paste(window, SCAM)
        assert check(qtbot, window).level.value == "danger"
        during(window)
        window.runner.wait_done(10_000)
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    code = main(argv)
    assert crashes == [], "a crash dialog was shown"
    return code


def test_a_folder_that_cannot_be_made_is_not_swapped_for_the_shared_temporary_folder(
        qtbot, monkeypatch, restored_hooks, tmp_path):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "shared-temp"))
    (tmp_path / "shared-temp").mkdir()
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder", "utf-8")
    seen = {}

    def during(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: window.storage_notice.box is not None)
        seen["told"] = [(p.kind.value, p.path.name) for p in window.storage_notice.told]
        seen["notice"] = window.storage_notice.box.text()
        window.commands.show_history.trigger()  # this session's checks are still listed
        (dialog,) = [w for w in QApplication.topLevelWidgets() if w.objectName() == "historyDialog"]
        seen["listed"] = dialog.entries.count()
        dialog.close()

    assert _start(qtbot, monkeypatch, ["--data-dir", str(in_the_way / "data")], during) == 0
    assert seen["told"] == [("no_folder", "data")]
    assert str(in_the_way / "data") in seen["notice"] and "閉じると消えます" in seen["notice"]
    assert seen["listed"] == 1
    assert list((tmp_path / "shared-temp").iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full to fail writes as a full disk does")
def test_a_full_disk_is_told_once_and_the_checks_are_kept_in_memory(
        qtbot, monkeypatch, restored_hooks, disk_full, _data_dir):
    disk_full(_data_dir.resolve())
    seen = {}

    def during(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: window.storage_notice.box is not None)
        window.storage_notice.box.close()
        paste(window, "駅に着いたよ")
        check(qtbot, window)
        seen["notice"] = window.storage_notice.box.text()
        seen["listed"] = len(window._history.entries())
        window.larger_button.click()
        window.larger_button.click()
        seen["told"] = [(p.kind.value, p.path.name) for p in window.storage_notice.told]
        seen["size"] = window.settings().text_size_pt

    assert _start(qtbot, monkeypatch, ["--data-dir", str(_data_dir)], during) == 0
    # once each, for two checks and two size changes
    assert seen["told"] == [("not_saved", "history.json"), ("not_saved", "settings.json")]
    assert seen["size"] == 24  # the change is used all the same
    assert "保存できませんでした" in seen["notice"]
    assert seen["listed"] == 2
    assert not (_data_dir / "history.json").exists()
    assert not list(_data_dir.glob(".*.tmp"))


def test_a_history_damaged_while_the_app_runs_is_set_aside_and_told_when_history_is_opened(
        qtbot, monkeypatch, restored_hooks, _data_dir):
    seen = {}

    def during(window: MainWindow) -> None:
        history = _data_dir / "history.json"
        assert json.loads(history.read_text("utf-8"))["entries"]  # the check was kept
        history.write_text('{"entries": [', "utf-8")  # another program breaks it meanwhile
        window.commands.show_history.trigger()
        (dialog,) = [w for w in QApplication.topLevelWidgets() if w.objectName() == "historyDialog"]
        seen["listed"] = dialog.entries.count()
        dialog.close()
        qtbot.waitUntil(lambda: window.storage_notice.box is not None)
        seen["told"] = [(p.kind.value, p.path.name) for p in window.storage_notice.told]
        seen["notice"] = window.storage_notice.box.text()

    assert _start(qtbot, monkeypatch, ["--data-dir", str(_data_dir)], during) == 0
    assert seen["told"] == [("set_aside", "history.json")]
    (kept,) = _data_dir.glob("history.json*.corrupt")  # the damaged file is kept, and named
    assert str(kept) in seen["notice"]
    assert seen["listed"] == 0
