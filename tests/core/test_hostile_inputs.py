"""What a hostile or broken paste does: it never hangs the check, never hides a scam behind
junk, and never makes the check read more than its limit.

The time bound here is generous (a check of half a megabyte of any shape is well under a
second on an ordinary machine, see benchmarks/check_speed.py); it is there to catch work that
grows with the square of the text, which would take minutes.
"""

from __future__ import annotations

import dataclasses
import time

import pytest

from core import check
from core.check import _loaded_engine, analyse
from core.verdict import CheckError, ErrorCode, Level

SCAM = "【Amazon】お支払い方法に問題があります。https://amaz0n-secure.top/login 本日中に更新してください"
HALF_MB = 500_000
GENEROUS_SECONDS = 5.0

# Shapes that used to take time growing with the square of their length (minutes at 1 MB).
SLOW_SHAPES = {
    "defanged dots a[.]": lambda n: "a[.]" * (n // 4),
    "defanged dots a(.)": lambda n: "a(.)" * (n // 4),
    "www. repeated": lambda n: "www." * (n // 4),
    "labels then a top-level domain": lambda n: "a." * (n // 2) + "com",
    "one link with a huge host": lambda n: "https://" + "a." * (n // 2) + "com",
    "a link then dots": lambda n: "https://a.com/" + "." * n,
    "numbers that are possible but not valid": lambda n: " 01200120 " * (n // 10),
    "mobile numbers": lambda n: "090-1234-5678 " * (n // 14),
    "three-digit numbers": lambda n: "130 " * (n // 4),
    "masked numbers": lambda n: "03-xxxx-xxxx " * (n // 13),
    "ideographic full stops": lambda n: "a。" * (n // 4),
    "schemes": lambda n: "ab://" * (n // 5),
    "opening quotes": lambda n: "「" * (n // 3),
    "spaced letters": lambda n: "a " * (n // 2),
}


@pytest.mark.parametrize("shape", SLOW_SHAPES, ids=list(SLOW_SHAPES))
def test_no_shape_of_paste_makes_the_check_slow(shape):
    text = SLOW_SHAPES[shape](HALF_MB)
    started = time.perf_counter()
    verdict = check(text)
    assert time.perf_counter() - started < GENEROUS_SECONDS
    assert verdict.level in Level


def test_four_junk_characters_do_not_hide_a_scam():
    verdict = check(SCAM + "\ufffd" * 4)
    assert verdict.level is Level.DANGER
    assert verdict.junk_characters == 4
    assert verdict.to_dict()["junk_characters"] == 4


def test_junk_inside_a_word_does_not_break_the_word():
    clean = check("ご利用料金の確認が取れておりません。本日中にご連絡ください 050-1234-5678")
    dirty = check("ご利用料金の確認が\x00取れておりません。本日中にご\ufffd連絡ください 050-1234-5678")
    assert {r.id for r in dirty.reasons} == {r.id for r in clean.reasons}
    assert dirty.level is clean.level


def test_a_paste_that_is_mostly_junk_is_refused_as_not_a_message():
    with pytest.raises(CheckError) as raised:
        check("\x00\x01\x02\ufffd" * 1000 + "abc")
    assert raised.value.code is ErrorCode.NOT_TEXT


def test_junk_after_the_first_few_kilobytes_still_counts():
    with pytest.raises(CheckError) as raised:
        check("ふつうの文章です。" * 500 + "\x00\x01\ufffd\x7f" * 20_000)
    assert raised.value.code is ErrorCode.NOT_TEXT


def test_a_paste_that_grows_when_normalised_is_cut_to_the_limit_and_says_so():
    text = "\ufdfa" * 333_333  # one character, 18 once normalised
    started = time.perf_counter()
    verdict = check(text)
    assert time.perf_counter() - started < GENEROUS_SECONDS
    assert verdict.truncated
    assert verdict.analysed_length < 60_000
    limit = _loaded_engine().rules.levels.max_bytes
    analysis = analyse(text)
    assert len(analysis.norm.text.encode()) <= limit


def test_a_check_past_its_deadline_judges_the_start_and_says_it_was_cut():
    engine = _loaded_engine()
    hurried = dataclasses.replace(
        engine, rules=dataclasses.replace(
            engine.rules, levels=dataclasses.replace(engine.rules.levels, deadline_seconds=0.0)))
    text = SCAM + "\n" + "ふつうの文章です。" * 20_000
    analysis = analyse(text, hurried)
    assert analysis.truncated
    assert len(analysis.norm.original.encode()) <= engine.rules.levels.after_deadline_bytes
    assert "LINK_LOOKALIKE" in analysis.fired or "LINK_ODD_TLD" in analysis.fired


def test_a_check_asked_to_stop_ends_with_its_own_code():
    with pytest.raises(CheckError) as raised:
        check(SCAM * 100, stop=lambda: True)
    assert raised.value.code is ErrorCode.CANCELLED
