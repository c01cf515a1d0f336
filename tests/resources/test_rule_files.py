"""The shipped rule files load strictly, and every rule's own examples hold."""

from __future__ import annotations

import pytest

from core.check import COMPUTED_IDS
from core.normalize import normalize
from core.rules import load_rules

RULES = load_rules()
PATTERN_RULES = [r for r in RULES.rules if r.kind == "pattern"]


def _fires(rule, text: str) -> bool:
    norm = normalize(text).text
    return any(p.search(norm) for p in rule.patterns) and not any(u.search(norm) for u in rule.unless)


def test_every_pattern_rule_has_examples_both_ways():
    missing = [r.id for r in PATTERN_RULES if not r.must_match or not r.must_not_match]
    assert missing == []


@pytest.mark.parametrize(
    ("rule", "example"),
    [(r, ex) for r in PATTERN_RULES for ex in r.must_match],
    ids=lambda v: v.id if hasattr(v, "id") else v[:20],
)
def test_rule_matches_its_own_examples(rule, example):
    assert _fires(rule, example), f"{rule.id} should match {example!r}"


@pytest.mark.parametrize(
    ("rule", "example"),
    [(r, ex) for r in PATTERN_RULES for ex in r.must_not_match],
    ids=lambda v: v.id if hasattr(v, "id") else v[:20],
)
def test_rule_does_not_match_its_counter_examples(rule, example):
    assert not _fires(rule, example), f"{rule.id} should not match {example!r}"


def test_every_signal_fired_by_code_has_a_record():
    by_id = RULES.by_id()
    assert [i for i in COMPUTED_IDS if i not in by_id] == []
    assert all(by_id[i].kind == "computed" for i in COMPUTED_IDS)


def test_no_computed_record_is_left_without_code():
    computed = {r.id for r in RULES.rules if r.kind == "computed"}
    assert computed == set(COMPUTED_IDS)


def test_visible_rules_speak_both_languages_in_plain_sentences():
    for rule in RULES.rules:
        if rule.show:
            assert rule.title.ja and rule.title.en and rule.detail.ja and rule.detail.en, rule.id
            assert "安全です" not in rule.detail.ja, f"{rule.id} must never call a message safe"


def test_limits_are_positive():
    levels = RULES.levels
    assert levels.max_bytes >= 1_000_000
    assert levels.max_numbers > 0 and levels.max_links > 0
