"""Translations: the committed .ts/.qm match the code, and the words shown are ours."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"


def test_ts_and_qm_files_are_up_to_date_with_the_code():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_english_translation_loads_and_translates(qapp):
    translator = QTranslator()
    assert translator.load(str(FOLDER / "sagicheck_en.qm"))
    assert translator.translate("WindowActions", "確認する") == "Check"
    assert translator.translate("Wording", "特徴なし") == "No common signs"


def test_japanese_translation_is_the_source(qapp):
    translator = QTranslator()
    assert translator.load(str(FOLDER / "sagicheck_ja.qm"))
    assert translator.translate("MainWindow", "確認する") == "確認する"
    assert QCoreApplication.translate("NoSuchContext", "確認する") == "確認する"


def test_no_words_that_promise_safety():
    ja = (FOLDER / "sagicheck_ja.ts").read_text("utf-8")
    en = (FOLDER / "sagicheck_en.ts").read_text("utf-8")
    assert "安全" not in ja
    assert not re.search(r"(?i)\bsafe(ly|ty)?\b", en)
