"""``sagicheck --self-test`` run in-process, from source (the packaged run is tests/frozen)."""

from __future__ import annotations

import importlib.util
import re

import pytest

import core
from core import Level
from gui import app as app_module
from gui import selftest

WINDOW_BUILT = hasattr(app_module, "create_main_window")
SHEET_BUILT = importlib.util.find_spec("gui.sheet") is not None


def test_sample_is_danger_with_its_call_back_number() -> None:
    verdict = core.check(selftest.SAMPLE_MESSAGE)
    assert verdict.level is Level.DANGER
    assert selftest.SAMPLE_NUMBER_E164 in {n.e164 for n in verdict.phone_numbers}


def test_self_test_runs_every_stage_it_can(qapp, capsys) -> None:
    status = selftest.run_self_test(["--verbose"])
    out = capsys.readouterr().out
    for stage in ("check", "resources"):
        assert re.search(rf"^self-test: {stage} +[0-9.]+ ms  ok", out, re.MULTILINE), out
    if WINDOW_BUILT and SHEET_BUILT:
        assert status == selftest.EXIT_OK, out
        assert "self-test passed: 4 stages" in out
    else:
        # Until the window and the sheet exist the test says so, and never says "passed".
        assert status == selftest.EXIT_MISSING, out
        assert out.splitlines()[-1].startswith("self-test incomplete: missing ")
        assert ("window: gui.app has no create_main_window" in out) is not WINDOW_BUILT
        assert ("sheet: gui.sheet" in out) is not SHEET_BUILT


def test_a_wrong_verdict_fails_with_one_line(qapp, capsys, monkeypatch) -> None:
    real_check = core.check

    def not_danger(text: str):
        verdict = real_check(text)
        return type(verdict)(**{**{f: getattr(verdict, f) for f in verdict.__slots__},
                                "level": Level.CAUTION})

    monkeypatch.setattr(core, "check", not_danger)
    status = selftest.run_self_test([])
    out = capsys.readouterr().out
    assert status == selftest.EXIT_FAILED
    assert out.splitlines() == ["self-test failed: check: the sample scam was rated caution, not danger"]


@pytest.mark.skipif(not SHEET_BUILT, reason="gui.sheet is not built yet")
def test_the_sheet_must_be_a_pdf(qapp, capsys, monkeypatch, tmp_path) -> None:
    import gui.sheet

    monkeypatch.setattr(gui.sheet, "write_sheet_pdf",
                        lambda out, *args, **kwargs: out.write_bytes(b"not a pdf"))
    status = selftest.run_self_test([])
    assert status == selftest.EXIT_FAILED
    assert capsys.readouterr().out.strip() == "self-test failed: sheet: the sheet file is not a PDF"
