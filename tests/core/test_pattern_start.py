"""A rule pattern rewritten to start with a fixed character finds exactly what it finds as written."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.normalize import normalize
from core.pattern_start import compile_rule_pattern
from core.rules import load_rules
from tests.core.test_detection_stories import STORY_TEXTS

RULES = load_rules()
SOURCES = sorted({s for r in RULES.rules for s in r.pattern_sources + r.unless_sources})
TEXTS = [normalize(t).text for t in
         [ex for r in RULES.rules for ex in r.must_match + r.must_not_match] + STORY_TEXTS]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_every_shipped_pattern_finds_the_same_matches_rewritten_as_written():
    every_text = "\n".join(TEXTS)
    for source in SOURCES:
        assert _spans(compile_rule_pattern(source), every_text) == _spans(re.compile(source), every_text), source


@pytest.mark.parametrize(
    "source",
    [
        "(言わ|聞か|頼ま)れ|って(言|い)(わ|っ)|と言って",
        "(ご)?注意(して|を)|にご注意",
        "(お)?支払い?期(限|日)",
        r"\d+日(以内|後に)",
        "大?至急|今すぐ",
        "(を|に)(装|騙)(っ|い)|装った",
        "([をに])?名乗(る|り)",
        "(ab|)c",
        "(x{1,3}|y)z",
        "(a|ab)?(c|bcd)",
        "((a|ab)c|b)?d",
        "a*b",
    ],
)
def test_a_pattern_that_starts_with_a_choice_is_rewritten_and_finds_the_same(source):
    rewritten = compile_rule_pattern(source)
    assert rewritten.pattern is None  # compiled from the rewritten form, not from the source
    alphabet = sorted(set(source) - set("\\()|?*+{}[],0123") | {"1", "2", "。"})
    texts = ["".join(alphabet) * 3, source, "x1y12z。" * 5]

    @settings(max_examples=200, deadline=None, database=None)
    @given(st.lists(st.sampled_from(alphabet), max_size=40).map("".join))
    def finds_the_same(text: str) -> None:
        assert _spans(rewritten, text) == _spans(re.compile(source), text)

    for text in texts:
        assert _spans(rewritten, text) == _spans(re.compile(source), text)
    finds_the_same()


@pytest.mark.parametrize(
    "source",
    [
        r"\bcode\b",  # a word boundary first: nothing to start with
        "(?<=x)ab",
        "x?",  # could match nothing
        "(?i:ab)c",
        r"(a)\1",  # refers to a group: groups must stay as written
        "未納|未払",  # already starts with known characters
        "[をに]名乗(る|り)",
        "[^。]しましょう",
    ],
)
def test_a_pattern_that_cannot_or_need_not_be_rewritten_is_compiled_as_written(source):
    assert compile_rule_pattern(source).pattern == source
