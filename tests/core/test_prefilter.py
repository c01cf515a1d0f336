"""The literal prefilter only ever skips a pattern that cannot match the text."""

from __future__ import annotations

import pytest

from core.normalize import normalize
from core.prefilter import checked_requirements, required_literals
from core.rules import load_rules
from tests.core.test_detection_stories import STORY_TEXTS

RULES = load_rules()
TEXTS = [normalize(t).text for t in
         [ex for r in RULES.rules for ex in r.must_match + r.must_not_match] + STORY_TEXTS]


def test_no_shipped_pattern_matches_a_text_its_prefilter_would_skip():
    for rule in (r for r in RULES.rules if r.kind == "pattern"):
        for index, literals in enumerate(rule.prefilters):
            if literals is None:
                continue
            pattern = rule.pattern(index)
            for text in TEXTS:
                if pattern.search(text):
                    assert any(lit in text for lit in literals), (rule.id, pattern.pattern, text)


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        ("(ご|御)?(連絡|電話)を", {"連絡を", "電話を"}),  # "ご連絡を" holds "連絡を"
        ("未納|未払", {"未納", "未払"}),
        ("(認証|確認)(コード|番号)", {"認証コード", "認証番号", "確認コード", "確認番号"}),
        ("a[bc]?d", {"abd", "acd", "ad"}),
        ("ab{2}c", {"abbc"}),
        ("a?bc", {"bc"}),
        ("(ab|)c", {"c"}),
        ("a(?=x)b", {"ab"}),
        ("(?i:ab)cd", {"cd"}),  # letters of any case inside (?i:...) are not literals
        ("(?i)abc", None),
        ("x*", None),
        ("[0-9]+円", {"円"}),
        ("(", None),  # not a pattern at all
    ],
)
def test_required_literals(pattern, literals):
    assert required_literals(pattern) == (frozenset(literals) if literals is not None else None)


def test_a_pattern_that_needs_two_things_has_both_as_requirements_the_most_selective_first():
    requirements = checked_requirements(r"(\d+)万円?[^。]{0,12}(して|でき)")
    assert requirements == (frozenset({"して", "でき"}), frozenset({"万"}))
    assert checked_requirements("x*") == ()


def test_no_shipped_pattern_matches_a_text_that_lacks_one_of_its_further_requirements():
    for rule in (r for r in RULES.rules if r.kind == "pattern"):
        for index, further in enumerate(rule.also_required):
            pattern = rule.pattern(index)
            for text in TEXTS:
                if pattern.search(text):
                    for literals in further:
                        assert any(lit in text for lit in literals), (rule.id, pattern.pattern, text)


def test_the_literal_index_never_leaves_out_a_pattern_that_matches():
    from core.prefilter import LiteralIndex

    patterns = [(r, rule) for r, rule in enumerate(RULES.rules) if rule.kind == "pattern"]
    keys = {(r, i): lits for r, rule in patterns for i, lits in enumerate(rule.prefilters)}
    further = {(r, i): more for r, rule in patterns for i, more in enumerate(rule.also_required)}
    index = LiteralIndex(keys, further)
    long_text = "\n".join(TEXTS) * 2
    for text in TEXTS + [long_text]:
        candidates = index.candidates(text)
        for (r, i) in keys:
            if RULES.rules[r].pattern(i).search(text):
                assert (r, i) in candidates, (RULES.rules[r].id, text[:40])


def test_the_literal_index_leaves_out_a_pattern_whose_further_requirement_is_missing():
    from core.prefilter import LiteralIndex

    index = LiteralIndex({(0, 0): frozenset({"して", "でき"})}, {(0, 0): (frozenset({"万"}),)})
    for text in ("用意してください", "用意してください" * 10_000):
        assert (0, 0) not in index.candidates(text)
        assert (0, 0) in index.candidates("百万円用意して" + text)


def test_a_long_literal_is_not_taken_as_there_when_only_its_first_two_characters_are():
    from core.prefilter import LiteralIndex

    index = LiteralIndex({(0, 0): frozenset({"介護保険料"})})
    assert (0, 0) not in index.candidates("介護の相談はこちら")
    assert (0, 0) in index.candidates("介護保険料の還付があります")


def test_every_pair_of_neighbouring_characters_is_found_however_the_paste_repeats():
    from core.prefilter import character_pairs

    pairs = ["ab", "ba", "aa", "お支", "支払", "\U0001f600a", "a\U0001f600"]
    assert len({frozenset(character_pairs(pair)) for pair in pairs}) == len(pairs)
    assert all(len(character_pairs(pair)) == 1 for pair in pairs)
    for text in ["", "a", "ab", "abc", "お支払い" * 1000, "call 03-1234-5678 now " * 500, "\n".join(TEXTS[:200]),
                 "x" * 1024 + "y", "x" * 1023 + "yz" + "x" * 2000, "😀あ😀" * 400]:
        one_by_one = set().union(*(character_pairs(text[i:i + 2]) for i in range(len(text) - 1)))
        assert character_pairs(text) == one_by_one


def test_the_pairs_of_many_literals_read_together_are_the_pairs_of_each():
    from core.prefilter import _pairs_of_each, character_pairs

    literals = ["ab", "ba", "確認コード", "😀あ", "a😀", "xyz", "ご連絡", "\\n\\n"] + [r for r in RULES.rules[0].pattern_sources[:3]]
    assert _pairs_of_each(literals) == [character_pairs(lit) for lit in literals]
