"""The prebuilt snapshot: used only when it is current, and then changes nothing but the time."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core import snapshot
from core.cli import main
from core.snapshot import Status
from tests.core.test_detection_stories import STORY_TEXTS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """One snapshot of the shipped resources, made as the build makes it."""
    out = tmp_path_factory.mktemp("snapshot") / snapshot.FILE_NAME
    assert snapshot.write(out) == out
    return out


@pytest.fixture
def resources_copy(tmp_path) -> Path:
    """The resource folders the core reads, copied: free to edit."""
    root = tmp_path / "resources"
    for folder in snapshot.FOLDERS:
        shutil.copytree(ROOT / "resources" / folder, root / folder)
    return root


def test_the_snapshot_holds_exactly_what_the_files_give(made):
    status, found = snapshot.read(made)
    assert status is Status.CURRENT
    assert set(found) == {"messages", "brands", "number_lists", "link_lists", "rules", "guidance",
                          "wording_model", "judgement"}
    assert found == snapshot.contents()  # read from the TOML and text files again
    assert any(p is not None for rule in found["rules"].rules for p in rule.prefilters)


def test_it_is_current_for_an_unchanged_copy_of_the_resources(made, resources_copy):
    assert snapshot.read(made, root=resources_copy)[0] is Status.CURRENT


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda root: (root / "rules" / "claims.toml").write_text(
            (root / "rules" / "claims.toml").read_text(encoding="utf-8") + "\n# edited\n",
            encoding="utf-8"), id="edited"),
        pytest.param(lambda root: (root / "numbers" / "scam.txt").write_bytes(
            (root / "numbers" / "scam.txt").read_bytes().replace(b"0", b"1", 1)), id="one-digit"),
        pytest.param(lambda root: (root / "rules" / "extra.toml").write_text("", encoding="utf-8"),
                     id="added"),
        pytest.param(lambda root: (root / "guidance" / "labels.toml").unlink(), id="removed"),
        pytest.param(lambda root: (root / "links" / "tlds.txt").rename(root / "links" / "tld.txt"),
                     id="renamed"),
    ],
)
def test_a_change_to_the_resource_files_makes_it_stale(made, resources_copy, change):
    change(resources_copy)
    assert snapshot.read(made, root=resources_copy) == (Status.STALE, None)


def test_a_change_to_the_core_code_makes_it_stale(made, tmp_path):
    code = tmp_path / "core"
    shutil.copytree(ROOT / "core", code, ignore=shutil.ignore_patterns("__pycache__"))
    assert snapshot.read(made, code=code)[0] is Status.CURRENT
    rules = code / "rules.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert snapshot.read(made, code=code) == (Status.STALE, None)


def test_without_core_sources_only_the_resources_are_compared(made, tmp_path):
    """A packaged app has no .py files: its snapshot and code come from one build."""
    assert snapshot.code_digest(tmp_path) is None
    assert snapshot.read(made, code=tmp_path)[0] is Status.CURRENT


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:40], id="truncated-header"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[:-100] + bytes([data[-100] ^ 1]) + data[-99:], id="bit-flip"),
        pytest.param(lambda data: data.replace(b"docomo", b"dokomo", 1), id="same-length-edit"),
        pytest.param(lambda data: b"PK\x03\x04" + data[4:], id="not-a-snapshot"),
    ],
)
def test_a_damaged_snapshot_is_ignored(made, tmp_path, damage):
    broken = tmp_path / snapshot.FILE_NAME
    broken.write_bytes(damage(made.read_bytes()))
    assert broken.read_bytes() != made.read_bytes()
    assert snapshot.read(broken) == (Status.CORRUPT, None)


def test_a_snapshot_naming_anything_but_core_data_is_not_loaded(tmp_path, monkeypatch):
    """Only the core's own classes are rebuilt: not a function from elsewhere."""
    monkeypatch.setattr(snapshot, "contents", lambda: {"messages": shutil.rmtree})
    odd = snapshot.write(tmp_path / snapshot.FILE_NAME)
    assert snapshot.read(odd) == (Status.CORRUPT, None)


def _snapshot_of(payload: bytes, where: Path) -> Path:
    """A snapshot file that is current for the shipped resources and holds ``payload`` as is."""
    where.write_bytes(b"".join([snapshot._MAGIC, snapshot.resources_digest(),
                                snapshot.code_digest() or snapshot._NO_CODE,
                                snapshot._sha256(payload).digest(), payload]))
    return where


def _global(module: str, name: str) -> bytes:
    """Pickle opcodes (protocol 4) pushing ``module``'s attribute ``name``, memo and all."""
    import pickle

    def text(s: str) -> bytes:
        return pickle.SHORT_BINUNICODE + bytes([len(s.encode())]) + s.encode() + pickle.MEMOIZE

    return text(module) + text(name) + pickle.STACK_GLOBAL + pickle.MEMOIZE


@pytest.mark.parametrize("module, name", [
    ("core.snapshot", "os.system"),  # a dotted name reached through a core module's imports
    ("core.snapshot", "_unpickle"),  # a core function
    ("core.verdict", "field"),  # something a core module imported
    ("core", "check"),
    ("os", "system"),
])
def test_a_snapshot_cannot_call_anything_but_core_data_classes(tmp_path, module, name):
    """Before, the restriction allowed any name under a core module, dots included: the first
    case ran a shell command while the snapshot was read."""
    import pickle

    ran = tmp_path / "ran"
    payload = (b"\x80\x04" + _global(module, name) + pickle.SHORT_BINUNICODE
               + bytes([len(f"touch {ran}".encode())]) + f"touch {ran}".encode() + pickle.MEMOIZE
               + pickle.TUPLE1 + pickle.REDUCE + pickle.STOP)
    assert snapshot.read(_snapshot_of(payload, tmp_path / snapshot.FILE_NAME)) == (Status.CORRUPT, None)
    assert not ran.exists()


def test_no_snapshot_is_absent(tmp_path):
    assert snapshot.read(tmp_path / snapshot.FILE_NAME) == (Status.ABSENT, None)


def test_a_broken_resource_file_writes_no_snapshot(tmp_path, monkeypatch):
    from core.rules import RuleFileError

    def broken():
        raise RuleFileError("claims.toml [X]", "bad pattern")

    monkeypatch.setattr("core.rules.load_rules", broken)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(RuleFileError):
        snapshot.write(out / snapshot.FILE_NAME)
    assert list(out.iterdir()) == []


def test_the_command_writes_a_current_snapshot(tmp_path):
    out = tmp_path / snapshot.FILE_NAME
    stdout = io.StringIO()
    assert main(["snapshot", str(out)], stdout=stdout) == 0
    assert str(out) in stdout.getvalue()
    assert snapshot.read(out)[0] is Status.CURRENT


# --- end to end: a copy of the core and its resources, with and without a snapshot ------------

# Loads the core, then prints whether the snapshot was used, whether TOML was parsed, and every
# verdict (both languages) for the messages given on stdin.
_CHILD = """
import json, sys
import core
from core import snapshot
from core.guidance import load_guidance
core.load()
texts = json.load(sys.stdin)
print(json.dumps({
    "status": snapshot.status().value,
    "parsed_toml": "tomllib" in sys.modules,
    "guidance": repr(load_guidance()),
    "verdicts": [[core.check(t).to_dict(lang) for lang in ("ja", "en")] for t in texts],
}))
"""


def _copy_of_the_core(where: Path) -> Path:
    for package in ("core", "resources"):
        shutil.copytree(ROOT / package, where / package,
                        ignore=shutil.ignore_patterns("__pycache__", snapshot.FILE_NAME))
    return where


def _run(where: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=where, input=stdin, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> tuple[Path, Path]:
    """Two copies of the core: one reading the files, one with a snapshot in its resources."""
    files = _copy_of_the_core(tmp_path_factory.mktemp("files"))
    snapped = _copy_of_the_core(tmp_path_factory.mktemp("snapped"))
    made = _run(snapped, "-m", "core", "snapshot", f"resources/{snapshot.FILE_NAME}")
    assert made.returncode == 0, made.stderr
    return files, snapped


def test_verdicts_and_guidance_are_the_same_from_the_snapshot(copies):
    texts = json.dumps(STORY_TEXTS, ensure_ascii=False)
    files, snapped = (json.loads(_run(where, "-c", _CHILD, stdin=texts).stdout) for where in copies)
    assert (files["status"], files["parsed_toml"]) == ("absent", True)
    assert (snapped["status"], snapped["parsed_toml"]) == ("current", False)
    assert snapped["guidance"] == files["guidance"]
    assert snapped["verdicts"] == files["verdicts"]
    assert len(files["verdicts"]) == len(STORY_TEXTS)


def test_a_broken_file_beside_a_snapshot_is_still_a_coded_error(copies):
    """The edit makes the snapshot stale, the files are read, and the break is reported."""
    _files, snapped = copies
    claims = snapped / "resources" / "rules" / "claims.toml"
    kept = claims.read_text(encoding="utf-8")
    try:
        claims.write_text(kept.replace("[[rule]]", "[[rule", 1), encoding="utf-8")
        broken = _run(snapped, "-m", "core", "check", "本日中にご連絡ください")
    finally:
        claims.write_text(kept, encoding="utf-8")
    assert broken.returncode == 3  # EXIT_DATA: CheckError(ErrorCode.DATA_FILE)
    assert "claims.toml" in broken.stderr and "not valid TOML" in broken.stderr


def test_a_truncated_snapshot_in_the_app_is_ignored(copies):
    files, snapped = copies
    shipped = snapped / "resources" / snapshot.FILE_NAME
    kept = shipped.read_bytes()
    child = ("import json, core; from core import snapshot; "
             f"print(json.dumps([snapshot.status().value, core.check({STORY_TEXTS[0]!r}).to_dict()]))")
    try:
        shipped.write_bytes(kept[: len(kept) // 3])
        truncated = json.loads(_run(snapped, "-c", child).stdout)
    finally:
        shipped.write_bytes(kept)
    from_files = json.loads(_run(files, "-c", child).stdout)
    assert truncated[0] == "corrupt" and from_files[0] == "absent"
    assert truncated[1] == from_files[1]
