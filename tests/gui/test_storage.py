"""The small pure-Python stores under the window: atomic files, settings, history, spans."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import check
from gui import storage
from gui.history import MAX_ENTRIES, HistoryEntry, HistoryStore, entry_for, excerpt
from gui.settings import DEFAULT_TEXT_SIZE_PT, TEXT_SIZES_PT, Settings, load_settings, save_settings
from gui.spans import to_document


def test_atomic_write_leaves_only_the_file(tmp_path):
    target = tmp_path / "store" / "data.json"
    storage.write_json_atomic(target, {"a": "日本語"})
    storage.write_json_atomic(target, {"a": 2})
    assert json.loads(target.read_text("utf-8")) == {"a": 2}
    assert os.listdir(target.parent) == ["data.json"]


def test_an_update_reads_the_file_again_under_its_lock(tmp_path):
    target = tmp_path / "store" / "data.json"
    storage.write_json_atomic(target, {"n": 1, "other": "kept"})
    assert storage.update_json_object(target, lambda data: {**data, "n": data["n"] + 1}) is None
    assert json.loads(target.read_text("utf-8")) == {"n": 2, "other": "kept"}
    assert sorted(os.listdir(target.parent)) == [".data.json.lock", "data.json"]


def test_a_lock_held_too_long_is_a_failed_write_not_a_wait_forever(tmp_path):
    target = tmp_path / "data.json"
    with storage.file_lock(target), pytest.raises(TimeoutError):
        # a second holder in this process: flock locks belong to the open file, so this is refused
        with storage.file_lock(target, wait_s=0.1):
            pass


def test_temporary_files_of_killed_writes_are_removed(tmp_path):
    tmp_path = tmp_path / "store"
    tmp_path.mkdir()
    target = tmp_path / "history.json"
    target.write_text("{}", "utf-8")
    for name in (".history.json.abc123.tmp", ".history.json.def456.tmp"):
        (tmp_path / name).write_bytes(b"half a wri")
    (tmp_path / ".settings.json.abc.tmp").write_bytes(b"another file's")
    (tmp_path / "notes.tmp").write_bytes(b"not ours")
    assert storage.remove_stale_temp_files(target) == 2
    assert sorted(os.listdir(tmp_path)) == [".history.json.lock", ".settings.json.abc.tmp", "history.json",
                                            "notes.tmp"]


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "store" / "data.json"
    storage.write_json_atomic(target, {"old": True})

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(storage, "_os_replace", fail)
    with pytest.raises(OSError):
        storage.write_json_atomic(target, {"new": True})
    assert json.loads(target.read_text("utf-8")) == {"old": True}
    assert os.listdir(target.parent) == ["data.json"]


@pytest.mark.parametrize("content", [
    b"{not json", b"\xff\xfe\x00", b"[1, 2]", b'"text"', b"",
    b'{"a": ' * 5000 + b"1" + b"}" * 5000,  # nested past Python's recursion limit
    b'{"text_size_pt": NaN}', b'{"a": Infinity}',  # not JSON, though Python would read them
])
def test_unreadable_files_are_set_aside(tmp_path, content):
    target = tmp_path / "data.json"
    target.write_bytes(content)
    found = storage.read_json_object(target)
    assert found.data is None
    assert found.problem.kind is storage.ProblemKind.SET_ASIDE
    assert found.problem.moved_to == tmp_path / "data.json.corrupt"
    assert not target.exists()
    assert (tmp_path / "data.json.corrupt").read_bytes() == content


def test_a_file_far_larger_than_ours_is_set_aside_unread(tmp_path):
    target = tmp_path / "data.json"
    with target.open("wb") as big:
        big.truncate(storage.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    found = storage.read_json_object(target)
    assert (found.data, found.problem.kind) == (None, storage.ProblemKind.SET_ASIDE)
    assert "larger than" in found.problem.detail


def test_a_folder_where_the_file_should_be_is_set_aside(tmp_path):
    (tmp_path / "data.json" / "inside").mkdir(parents=True)
    found = storage.read_json_object(tmp_path / "data.json")
    assert found.data is None and found.problem.kind is storage.ProblemKind.SET_ASIDE
    assert (tmp_path / "data.json.corrupt" / "inside").is_dir()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_where_the_file_should_be_does_not_hang_the_read(tmp_path):
    os.mkfifo(tmp_path / "data.json")  # opening it for reading would wait for a writer
    found = storage.read_json_object(tmp_path / "data.json")
    assert found.data is None and found.problem.kind is storage.ProblemKind.SET_ASIDE


def test_an_earlier_corrupt_copy_is_kept(tmp_path):
    target = tmp_path / "data.json"
    for content in (b"one", b"two"):
        target.write_bytes(content)
        storage.read_json_object(target)
    assert (tmp_path / "data.json.corrupt").read_bytes() == b"one"
    assert (tmp_path / "data.json.corrupt1").read_bytes() == b"two"


def test_missing_settings_are_the_defaults(tmp_path):
    assert load_settings(tmp_path / "settings.json") == Settings()


def test_settings_round_trip(tmp_path):
    chosen = Settings(language="en", text_size_pt=24, high_contrast=True, keep_history=False)
    save_settings(tmp_path / "settings.json", chosen)
    assert load_settings(tmp_path / "settings.json") == chosen


@pytest.mark.parametrize("size, expected", [(19, 18), (100, 32), (-3, 12), (True, DEFAULT_TEXT_SIZE_PT),
                                            ("big", DEFAULT_TEXT_SIZE_PT), (float("nan"), DEFAULT_TEXT_SIZE_PT)])
def test_odd_text_sizes_snap_to_a_step(tmp_path, size, expected):
    (tmp_path / "settings.json").write_text(json.dumps({"text_size_pt": size}), "utf-8")
    assert load_settings(tmp_path / "settings.json").text_size_pt == expected


def test_size_steps_stop_at_the_ends():
    assert Settings(text_size_pt=TEXT_SIZES_PT[-1]).larger().text_size_pt == TEXT_SIZES_PT[-1]
    assert Settings(text_size_pt=TEXT_SIZES_PT[0]).smaller().text_size_pt == TEXT_SIZES_PT[0]


def _entry(n: int) -> HistoryEntry:
    return HistoryEntry(when=f"2025-01-01T10:{n % 60:02d}", level="caution", excerpt=f"message {n}")


def test_history_is_newest_first_and_capped(tmp_path):
    store = HistoryStore(tmp_path / "history.json")
    for n in range(MAX_ENTRIES + 5):
        store.add(_entry(n))
    entries = store.entries()
    assert len(entries) == MAX_ENTRIES
    assert entries[0].excerpt == f"message {MAX_ENTRIES + 4}"


def test_history_skips_damaged_entries(tmp_path):
    path = tmp_path / "history.json"
    path.write_text(json.dumps({"version": 1, "entries": [
        {"when": "2025-01-01T10:00", "level": "danger", "excerpt": "ok"},
        {"when": "2025-01-01T10:00", "level": "very bad", "excerpt": "unknown level"},
        {"level": "danger"}, "not an object",
    ]}), "utf-8")
    assert [e.excerpt for e in HistoryStore(path).entries()] == ["ok"]


def test_clearing_history_empties_it(tmp_path):
    store = HistoryStore(tmp_path / "history.json")
    store.add(_entry(1))
    store.clear()
    assert store.entries() == []


def test_excerpts_never_hold_a_live_address():
    message = "至急ご確認ください https://example-bank.xyz/login?id=1 期限は本日中です" + "。" * 80
    verdict = check(message)
    short = excerpt(message, verdict)
    assert "hxxps://example-bank[.]xyz/login?id=1" in short
    assert "https://" not in short
    assert short.endswith("…")


def test_an_excerpt_is_one_line():
    from datetime import datetime

    message = "一行目\n二行目\t三行目"
    entry = entry_for(message, check(message), datetime(2025, 1, 2, 3, 4, 5))
    assert entry.excerpt == "一行目 二行目 三行目"
    assert entry.when == "2025-01-02T03:04"


@given(st.text(alphabet=st.sampled_from("aあ😀\n𠮷"), max_size=40), st.data())
def test_spans_land_on_the_same_characters_in_utf16(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    mapped = to_document(text, [(start, end)])
    if end == start:
        assert mapped == []
        return
    (qt_start, qt_end), = mapped
    utf16 = text.encode("utf-16-le")
    assert utf16[qt_start * 2:qt_end * 2].decode("utf-16-le") == text[start:end]


_ADD_ENTRIES = """
import sys
from pathlib import Path
from gui.history import HistoryEntry, HistoryStore
store = HistoryStore(Path(sys.argv[1]))
for i in range(int(sys.argv[3])):
    assert store.add(HistoryEntry(when="2025-01-01T10:00", level="caution", excerpt=f"{sys.argv[2]} {i}")) is None
"""


def test_two_windows_on_one_folder_lose_no_history(tmp_path):
    """Without the lock, three writers kept 67 to 103 of 180 entries (read, add, write races)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    path = tmp_path / "history.json"
    writers = [subprocess.Popen([sys.executable, "-c", _ADD_ENTRIES, str(path), who, "40"], cwd=root)
               for who in ("window-a", "window-b")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    kept = [e.excerpt for e in HistoryStore(path).entries()]
    assert sorted(kept) == sorted(f"{who} {i}" for who in ("window-a", "window-b") for i in range(40))


def test_two_windows_keep_each_others_settings(tmp_path):
    from gui.settings import SettingsStore

    path = tmp_path / "settings.json"
    first, second = SettingsStore(path), SettingsStore(path)
    start = Settings()
    assert first.save(start, start.larger()) is None
    assert second.save(start, Settings(high_contrast=True)) is None  # knew nothing of the first change
    assert load_settings(path) == Settings(text_size_pt=start.larger().text_size_pt, high_contrast=True)


def test_an_entry_that_could_not_be_written_is_kept_and_written_with_the_next(tmp_path, monkeypatch):
    store = HistoryStore(tmp_path / "history.json")
    real = storage._os_replace

    def full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "_os_replace", full)
    problem = store.add(_entry(1))
    assert problem.kind is storage.ProblemKind.NOT_SAVED and "No space" in problem.detail
    assert [e.excerpt for e in store.entries()] == ["message 1"]
    monkeypatch.setattr(storage, "_os_replace", real)
    assert store.add(_entry(2)) is None
    assert [e.excerpt for e in HistoryStore(tmp_path / "history.json").entries()] == ["message 2", "message 1"]


def test_a_file_system_without_locks_still_saves(tmp_path, monkeypatch):
    """Some network shares refuse locks (ENOLCK): the write goes ahead as it did before locks."""
    import errno

    def refuse(fd):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(storage, "_try_lock", refuse)
    store = HistoryStore(tmp_path / "history.json")
    assert store.add(_entry(1)) is None
    assert [e.excerpt for e in HistoryStore(tmp_path / "history.json").entries()] == ["message 1"]


def test_a_log_grown_past_its_limit_is_moved_aside_at_start_and_only_one_old_log_is_kept(tmp_path):
    log_file = tmp_path / "logs" / "sagicheck.log"
    log_file.parent.mkdir()
    older = log_file.with_name("sagicheck.log.1")
    older.write_text("the log before the last one\n", encoding="utf-8")
    log_file.write_text("x" * (storage.LOG_LIMIT + 1), encoding="utf-8")
    stream, problem = storage.open_log(log_file)
    with stream:
        stream.write("a new start\n")
    assert problem is None
    assert log_file.read_text(encoding="utf-8") == "a new start\n"
    assert older.stat().st_size == storage.LOG_LIMIT + 1  # the last log, the one before it gone
    stream, _ = storage.open_log(log_file)  # a small log is appended to, not moved
    with stream:
        stream.write("and another\n")
    assert log_file.read_text(encoding="utf-8") == "a new start\nand another\n"
