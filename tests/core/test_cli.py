"""`python -m core`: the command-line contract, including odd input that must never crash it."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from core.cli import main

SCAM = "ご利用料金のお支払い確認が取れておりません。本日中に050-1234-5678までご連絡ください"


class _Stdin(io.TextIOWrapper):
    """A stdin whose bytes are what a pipe would deliver."""


def run(argv, stdin_bytes: bytes = b""):
    stdin = io.TextIOWrapper(io.BytesIO(stdin_bytes), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=stdin, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_check_prints_a_readable_verdict():
    code, out, err = run(["check", SCAM])
    assert code == 0 and err == ""
    assert out.startswith("[危険]")
    assert "050-1234-5678" in out


def test_check_in_english():
    code, out, _ = run(["check", "--lang", "en", SCAM])
    assert code == 0 and out.startswith("[DANGER]")


def test_check_json_follows_the_contract():
    code, out, _ = run(["check", "--json", SCAM])
    assert code == 0
    data = json.loads(out)
    assert data["level"] == "danger"
    assert isinstance(data["score"], (int, float))
    assert {"id", "title", "detail", "spans"} <= set(data["reasons"][0])
    for reason in data["reasons"]:
        for start, end in reason["spans"]:
            assert 0 <= start <= end <= len(SCAM)
    number = data["phone_numbers"][0]
    assert number == {**number, "text": "050-1234-5678", "e164": "+815012345678", "kind": "ip_phone", "listed": "none"}


def test_check_reads_stdin_when_no_text_is_given():
    code, out, _ = run(["check", "--json"], SCAM.encode())
    assert code == 0 and json.loads(out)["level"] == "danger"


@pytest.mark.parametrize("blank", [b"", b"   \n\t  ", "\u200b\u200b".encode()])
def test_empty_input_exits_non_zero_with_a_clear_message(blank):
    code, out, err = run(["check"], blank)
    assert code == 2 and out == ""
    assert "確認する文章が入っていません" in err


def test_binary_input_is_refused_clearly():
    code, out, err = run(["check"], bytes(range(256)) * 40)
    assert code == 2 and out == ""
    assert "文字ではないデータ" in err


def test_links_are_only_ever_printed_defanged():
    code, out, _ = run(["check", "--json", "ヤマト運輸です。不在のため持ち帰りました https://yamato-xx.top/a.b"])
    assert code == 0
    assert "https://" not in out and "http://" not in out
    link = json.loads(out)["links"][0]
    assert link["defanged"] == "hxxps://yamato-xx[.]top/a.b"
    assert link["risk"] == "lookalike"


def test_jsonl_answers_every_line_in_order_and_goes_on_after_bad_lines():
    lines = [
        json.dumps({"id": "a", "text": SCAM}, ensure_ascii=False),
        "this is not json",
        json.dumps({"id": "c", "text": "  "}),
        json.dumps({"id": "d"}),
        json.dumps({"text": "晩ごはん、カレーでいい?"}, ensure_ascii=False),
    ]
    code, out, err = run(["check", "--jsonl"], "\n".join(lines).encode())
    assert code == 2  # some lines got no verdict, and stderr says which
    assert "3 of 5 lines got an error instead of a verdict (line 2, 3, 4)" in err
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a.get("id") for a in answers] == ["a", 2, "c", "d", 5]
    assert answers[0]["level"] == "danger"
    assert answers[1]["error"] == "bad_line"
    assert answers[2]["error"] == "empty"
    assert answers[3]["error"] == "bad_line"
    assert answers[4]["level"] == "no_signs"


def _strict_json(line: str):
    """Parse as JSON proper: NaN and Infinity (which Python's json writes and reads) refused."""
    def refuse(name):
        raise ValueError(f"{name} is not JSON")
    return json.loads(line, parse_constant=refuse)


def test_jsonl_a_line_nested_5000_deep_gets_an_error_in_its_place():
    """Before, this line ended the whole batch with a RecursionError traceback."""
    lines = [json.dumps({"id": "a", "text": SCAM}, ensure_ascii=False), "[" * 5000 + "]" * 5000,
             '{"id": "c", "text": ' + "[" * 5000 + "]" * 5000 + "}",
             json.dumps({"id": "d", "text": SCAM}, ensure_ascii=False)]
    code, out, err = run(["check", "--jsonl"], "\n".join(lines).encode())
    answers = [_strict_json(line) for line in out.splitlines()]
    assert [a["id"] for a in answers] == ["a", 2, 3, "d"]
    assert [a.get("error") for a in answers] == [None, "bad_line", "bad_line", None]
    assert "nested 5000 levels deep" in answers[1]["message"]
    assert code == 2 and "Traceback" not in err


def test_jsonl_output_is_always_valid_json_and_blank_lines_keep_their_place():
    """Before, NaN and Infinity ids were echoed (invalid JSON) and a blank line had no answer."""
    stdin = '{"id": NaN, "text": "a"}\n{"id": -Infinity, "text": "b"}\n\n  \n{"id": 5, "text": "駅に着いたよ"}\n'
    code, out, _ = run(["check", "--jsonl"], stdin.encode())
    answers = [_strict_json(line) for line in out.splitlines()]
    assert [(a["id"], a.get("error")) for a in answers] == [
        (1, "bad_line"), (2, "bad_line"), (3, "blank_line"), (4, "blank_line"), (5, None)]
    assert "NaN is not a JSON number" in answers[0]["message"]
    assert code == 2


def test_jsonl_with_every_line_good_exits_zero_and_says_nothing():
    stdin = "\n".join(json.dumps({"id": n, "text": SCAM}, ensure_ascii=False) for n in range(3)) + "\n"
    code, out, err = run(["check", "--jsonl"], stdin.encode())
    assert (code, err, len(out.splitlines())) == (0, "", 3)


class _FullDisk(io.StringIO):
    def write(self, text):
        raise OSError(28, "No space left on device")


def test_a_full_output_is_not_called_a_broken_data_file():
    err = io.StringIO()
    code = main(["check", "--json", SCAM], stdin=io.StringIO(), stdout=_FullDisk(), stderr=err)
    assert code == 4
    assert "could not write the output" in err.getvalue() and "data file" not in err.getvalue()


@pytest.mark.skipif(not __import__("os").path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_stdout_as_a_program_sees_it():
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "core", "check", "--json", SCAM], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 4
    assert result.stderr.strip() == "sagicheck: could not write the output: [Errno 28] No space left on device"


ODD_INPUTS = [
    "\u202eこれは右から左へ\u202c 050-1234-5678 まで至急ご連絡ください",
    "未\u200b納\u200d料\u200c金があります。本日中にご連絡ください",
    "lone surrogate \ud800 in the middle \udfff",
    "😀🎉 絵文字だけのメッセージ 👍🏽👨‍👩‍👧",
    "https://xn--amazon-9x3g.com/login にログインしてください",
    "\x00\x01 control then text: ご連絡ください",
]


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_input_gets_a_verdict_not_a_traceback(text):
    payload = json.dumps({"id": 1, "text": text}) + "\n"
    code, out, err = run(["check", "--jsonl"], payload.encode("utf-8", "surrogatepass"))
    assert code == 0 and err == ""
    answer = json.loads(out)
    assert answer["id"] == 1
    assert answer.get("level") in {"danger", "caution", "no_signs"} or answer.get("error")


def test_invalid_utf8_bytes_are_read_not_crashed_on():
    code, out, _ = run(["check", "--json"], "本日中にご連絡ください".encode() + b"\xff\xfe\x80")
    assert code == 0 and json.loads(out)["level"] in {"caution", "no_signs", "danger"}


def test_a_10_megabyte_paste_is_cut_and_says_so():
    huge = ("お世話になっております。" * 900_000)[: 10_000_000]
    code, out, _ = run(["check", "--json"], huge.encode())
    data = json.loads(out)
    assert code == 0
    assert data["truncated"] is True
    assert data["analysed_length"] < data["text_length"]


def test_eval_reports_rates_per_family_and_misses(tmp_path):
    corpus = tmp_path / "c.jsonl"
    items = [
        {"id": "s1", "text": SCAM, "label": "scam", "family": "billing-callback"},
        {"id": "s2", "text": "明日は晴れるかな", "label": "scam", "family": "odd"},
        {"id": "g1", "text": "駅に着いたよ", "label": "genuine", "family": "everyday"},
    ]
    corpus.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8")
    code, out, _ = run(["eval", str(corpus), "--json"])
    report = json.loads(out)
    assert code == 0
    assert (report["scam"], report["scam_caught"], report["genuine_flagged"]) == (2, 1, 0)
    assert report["families"]["scam/billing-callback"] == {"n": 1, "caught": 1, "danger": 1}
    assert [m["id"] for m in report["misses"]] == ["s2"]


def test_eval_gives_every_bad_line_an_error_in_order_and_measures_the_rest(tmp_path):
    """Before, a line without text, a non-object line or a non-string text ended eval with a
    traceback, and a label that was not scam or genuine was counted as genuine."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"id": "s1", "text": SCAM, "label": "scam", "family": "billing"}, ensure_ascii=False),
        json.dumps({"id": "no-text", "label": "scam"}),
        "[1, 2]",
        json.dumps({"text": 5, "label": "scam"}),
        json.dumps({"text": "駅に着いたよ", "label": 7}, ensure_ascii=False),
        "{not json",
        "",
        "[" * 3000,
        json.dumps({"id": "g1", "text": "駅に着いたよ", "label": "genuine", "family": "everyday"}, ensure_ascii=False),
    ]), encoding="utf-8")
    code, out, err = run(["eval", str(corpus), "--json"])
    report = json.loads(out)
    assert code == 2 and "Traceback" not in err
    assert [(b["line"], b["error"]) for b in report["bad_lines"]] == [
        (2, "bad_line"), (3, "bad_line"), (4, "bad_line"), (5, "bad_line"), (6, "bad_line"), (8, "bad_line")]
    assert (report["scam"], report["genuine"], report["scam_caught"]) == (1, 1, 1)
    assert "c.jsonl:5: \"label\" must be one of scam, genuine (left out)" in err


def test_corpus_check_lists_a_line_nested_5000_deep_as_a_problem(tmp_path):
    """Before, the corpus loader (used by corpus check and eval --cv) died with a RecursionError."""
    corpus = tmp_path / "messages.jsonl"
    corpus.write_text("[" * 5000 + "]" * 5000 + "\n" + '{"id": NaN}\n', encoding="utf-8")
    code, out, _ = run(["corpus", "check", str(corpus)])
    assert code == 2
    assert f"{corpus}: line 1: not JSON (too deep)" in out
    assert f"{corpus}: line 2: not JSON (not finite)" in out


def test_cross_validation_refuses_fewer_than_two_folds_or_one_draw_or_draws_without_folds(tmp_path):
    corpus = tmp_path / "messages.jsonl"
    corpus.write_text("", encoding="utf-8")
    for args in (["--cv", "1"], ["--cv", "5", "--draws", "0"], ["--draws", "3"]):
        code, _, err = run(["eval", *args, str(corpus)])
        assert code == 2 and "Traceback" not in err and "sagicheck: --" in err


def test_module_entry_point_runs_as_a_program():
    result = subprocess.run(
        [sys.executable, "-m", "core", "check", "--json", SCAM],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["level"] == "danger"
