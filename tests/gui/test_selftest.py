"""``sagicheck --self-test`` run in-process, from source (the packaged run is tests/frozen)."""

from __future__ import annotations

import re

import pytest

import core
import gui.sheet
from core import Level
from gui import selftest


def test_sample_is_danger_with_its_call_back_number() -> None:
    verdict = core.check(selftest.SAMPLE_MESSAGE)
    assert verdict.level is Level.DANGER
    assert selftest.SAMPLE_NUMBER_E164 in {n.e164 for n in verdict.phone_numbers}


def test_self_test_passes_every_stage(qapp, capsys, tmp_path) -> None:
    pdf = tmp_path / "sheet.pdf"
    status = selftest.run_self_test(["--verbose", "--pdf", str(pdf)])
    out = capsys.readouterr().out
    assert status == selftest.EXIT_OK, out
    for stage in ("window", "check", "resources", "sheet"):
        assert re.search(rf"^self-test: {stage} +[0-9.]+ ms  ok", out, re.MULTILINE), out
    assert "danger in the window" in out
    assert out.splitlines()[-1].startswith("self-test passed: 4 stages in ")
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_the_reader_stage_says_plainly_when_the_build_has_no_reader(qapp, capsys, monkeypatch) -> None:
    monkeypatch.setattr(core, "reader_installed", lambda: False)
    assert selftest.run_self_test(["--reader"]) == selftest.EXIT_MISSING
    assert "missing reader: the picture reader is not in this build" in capsys.readouterr().out


@pytest.mark.skipif(not core.reader_installed(), reason='the ocr extra is not installed (pip install ".[ocr]")')
def test_the_reader_stage_reads_the_sample_number_from_a_drawn_screenshot(qapp, capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    status = selftest.run_self_test(["--verbose", "--reader"])
    out = capsys.readouterr().out
    assert status == selftest.EXIT_OK, out
    assert re.search(r"^self-test: reader +[0-9.]+ ms  ok", out, re.MULTILINE), out
    assert out.splitlines()[-1].startswith("self-test passed: 5 stages in ")


def test_self_test_leaves_the_users_data_alone(qapp, capsys, _data_dir) -> None:
    assert selftest.run_self_test([]) == selftest.EXIT_OK, capsys.readouterr().out
    assert list(_data_dir.iterdir()) == []  # settings and history went to a temporary folder


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


def test_the_sheet_must_be_a_pdf(qapp, capsys, monkeypatch) -> None:
    monkeypatch.setattr(gui.sheet, "write_sheet_pdf",
                        lambda out, *args, **kwargs: out.write_bytes(b"not a pdf"))
    status = selftest.run_self_test([])
    assert status == selftest.EXIT_FAILED
    assert capsys.readouterr().out.strip() == "self-test failed: sheet: the sheet file is not a PDF"


def test_an_unexpected_error_is_one_line_and_the_traceback_only_with_verbose(
        qapp, capsys, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise OSError("disk full\nsecond line")

    monkeypatch.setattr(gui.sheet, "write_sheet_pdf", broken)
    assert selftest.run_self_test([]) == selftest.EXIT_FAILED
    captured = capsys.readouterr()
    assert captured.out == "self-test failed: sheet: OSError: disk full second line\n"
    assert captured.err == ""
    assert selftest.run_self_test(["--verbose"]) == selftest.EXIT_FAILED
    assert "Traceback" in capsys.readouterr().err


def test_a_packaged_app_reports_the_version_its_metadata_carries(
        qapp, capsys, monkeypatch, tmp_path) -> None:
    info = tmp_path / "sagicheck-9.8.7.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: sagicheck\nVersion: 9.8.7\n",
                                   encoding="utf-8")
    monkeypatch.setattr(selftest.sys, "frozen", True, raising=False)
    monkeypatch.setattr(selftest.sys, "_MEIPASS", str(tmp_path), raising=False)
    assert selftest.run_self_test(["--verbose"]) == selftest.EXIT_OK
    assert re.search(r"^self-test: resources .* version 9\.8\.7$", capsys.readouterr().out, re.MULTILINE)


def test_a_packaged_app_without_its_metadata_fails_the_resources_stage(
        qapp, capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(selftest.sys, "frozen", True, raising=False)
    monkeypatch.setattr(selftest.sys, "_MEIPASS", str(tmp_path), raising=False)
    assert selftest.run_self_test([]) == selftest.EXIT_FAILED
    assert capsys.readouterr().out.strip() == (
        "self-test failed: resources: the package metadata (sagicheck's version) is not in the bundle")
