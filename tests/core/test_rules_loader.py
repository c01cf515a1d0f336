"""The rule loader is strict: a broken rule file is rejected with a message that names it."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from core import CheckError, ErrorCode, check
from core.rules import RuleFileError, evaluate, load_rules, parse_when, referenced_ids

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "rules"
GOOD_RULE = """
[[rule]]
id = "SAMPLE"
kind = "pattern"
score = 1.0
patterns = ['未納']
title = { ja = "題", en = "Title" }
detail = { ja = "説明", en = "Detail" }
source = "test"
added = 2026-11-24
"""


def folder_with(tmp_path: Path, rules_text: str) -> Path:
    (tmp_path / "levels.toml").write_text((SHIPPED / "levels.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "sample.toml").write_text(rules_text, encoding="utf-8")
    return tmp_path


def test_a_well_formed_file_loads(tmp_path):
    rules = load_rules(folder_with(tmp_path, GOOD_RULE))
    assert [r.id for r in rules.rules] == ["SAMPLE"]
    assert rules.rules[0].prefilters == (frozenset({"未納"}),)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda t: t.replace('source = "test"', 'source = "test"\ncolour = "red"'), "unknown keys"),
        (lambda t: t.replace("['未納']", "['未納(']"), "bad pattern"),
        (lambda t: t.replace('id = "SAMPLE"', 'id = "sample"'), "UPPER_SNAKE"),
        (lambda t: t.replace('en = "Title"', 'fr = "Titre"'), "exactly 'ja' and 'en'"),
        (lambda t: t.replace('kind = "pattern"', 'kind = "combination"\nwhen = "SAMPLE and NOPE"'), "only pattern rules"),
        (lambda t: t + t, "duplicate id"),
        (lambda t: t.replace("score = 1.0", 'score = "high"'), "wrong type"),
        (lambda t: t.replace("score = 1.0", 'score = 1.0\nbacks_danger = "no"'), "wrong type"),
        (lambda t: t.replace("[[rule]]", "[[rule"), "not valid TOML"),
    ],
)
def test_broken_rule_files_are_rejected_with_the_reason(tmp_path, change, problem):
    with pytest.raises(RuleFileError) as caught:
        load_rules(folder_with(tmp_path, change(GOOD_RULE)))
    assert problem in str(caught.value)
    assert "sample.toml" in str(caught.value)


def test_the_rules_that_cannot_back_danger_say_so_in_their_files():
    rules = {r.id: r for r in load_rules().rules}
    assert rules["DEADLINE"].backs_danger is False and rules["DELIVERY_PHISHING"].backs_danger
    assert not rules["RELATIVE_TROUBLE_STORY"].backs_danger and rules["RELATIVE_IN_TROUBLE_MONEY"].backs_danger
    assert load_rules().levels.danger_backing == 2.0


def test_levels_without_the_danger_backing_are_rejected(tmp_path):
    levels = (SHIPPED / "levels.toml").read_text(encoding="utf-8").replace("[danger]\nbacking_score = 2.0\n", "")
    folder = folder_with(tmp_path, GOOD_RULE)
    (folder / "levels.toml").write_text(levels, encoding="utf-8")
    with pytest.raises(RuleFileError, match="danger"):
        load_rules(folder)


def test_a_combination_naming_an_unknown_rule_is_rejected(tmp_path):
    combo = GOOD_RULE + GOOD_RULE.replace('id = "SAMPLE"', 'id = "COMBO"').replace(
        'kind = "pattern"', 'kind = "combination"\nwhen = "SAMPLE and MISSING"').replace("patterns = ['未納']\n", "")
    with pytest.raises(RuleFileError, match="unknown ids"):
        load_rules(folder_with(tmp_path, combo))


def test_the_combination_language():
    expr = parse_when("A and (B or not C)")
    assert evaluate(expr, {"A", "B"}) and evaluate(expr, {"A"}) and not evaluate(expr, {"A", "C"})
    with pytest.raises(ValueError):
        parse_when("A and (B or")


def test_a_compiled_combination_holds_exactly_when_its_expression_does():
    from core.rules import compiled

    expressions = [parse_when(w) for w in ("A", "not A", "A and (B or not C)", "(A or B) and not (C and D)")]
    expressions += [r.when for r in load_rules().rules if r.kind == "combination"]
    for expr in expressions:
        ids = sorted(referenced_ids(expr))[:12]
        holds = compiled(expr)
        for bits in range(2 ** len(ids)):
            fired = {i for k, i in enumerate(ids) if bits >> k & 1}
            assert holds(fired) == evaluate(expr, fired), (expr, fired)


def test_a_broken_data_file_gives_a_coded_error_not_a_traceback(monkeypatch):
    def broken():
        raise RuleFileError("claims.toml [X]", "bad pattern")

    monkeypatch.setattr(importlib.import_module("core.check"), "_engine", broken)
    with pytest.raises(CheckError) as caught:
        check("本日中にご連絡ください")
    assert caught.value.code == ErrorCode.DATA_FILE
    assert "claims.toml" in caught.value.message.ja
