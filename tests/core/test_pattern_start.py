"""A rule pattern rewritten to start with a fixed character finds exactly what it finds as written."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.normalize import normalize
from core.pattern_start import compile_pattern
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
        assert _spans(compile_pattern(source), every_text) == _spans(re.compile(source), every_text), source


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
        r"\bcode\b|\botp\b",  # checked before the first character: checked right after it
        "(?<=x)ab|(?<!a)b",
        r"(?<![0-9a-z])(?=[0-9x ]{0,6}x)(?:0[0-9x]{0,2}|x{2,3})-?[0-9x]{2}",
        r"(お金|現金|\d+万円?)が?[^。]{0,2}(必要|いる)",  # a class among the choices: one class first
        r"\d[\d,]*円|¥\s?\d",
    ],
)
def test_a_pattern_that_starts_with_a_choice_is_rewritten_and_finds_the_same(source):
    rewritten = compile_pattern(source)
    assert rewritten.pattern is None  # compiled from the rewritten form, not from the source
    alphabet = sorted(set(source) - set("\\()|?*+{}[],0123") | {"0", "1", "2", "。", " ", "-"})
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
        "x?",  # could match nothing
        "^ab|^cd",  # anchored at the start: tried once already
        ".ab",  # any character first
        "(?i:ab)c",
        r"(a)\1",  # refers to a group: groups must stay as written
        "未納|未払",  # already starts with known characters
        "[をに]名乗(る|り)",
        "[^。]しましょう",
        "[^。]しましょう|用心",  # a negated class among other choices
    ],
)
def test_a_pattern_that_cannot_or_need_not_be_rewritten_is_compiled_as_written(source):
    assert compile_pattern(source).pattern == source


def test_the_number_patterns_find_the_same_compiled_to_skip_to_where_a_match_starts():
    from core import numbers
    from tests.core.test_hostile_inputs import SLOW_SHAPES

    keys = frozenset(numbers.number_lists().services)
    compiled = {numbers._masked_pattern(): re.compile(numbers._MASKED_SHAPE),
                numbers._service_pattern(keys): re.compile(numbers._service_shapes(keys), re.MULTILINE)}
    texts = TEXTS + [make(5_000) for make in SLOW_SHAPES.values()] + [
        "#9110 110番 0005-123456 188へ 03-xxxx-xxxx 050-****-**** ○○-○○○○-○○○○ x0x-xxxx-xxxx 1,110円 5.110"]
    for rewritten, as_written in compiled.items():
        assert rewritten.pattern is None  # compiled from the rewritten form
        for text in texts:
            assert _spans(rewritten, text) == _spans(as_written, text)
