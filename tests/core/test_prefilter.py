"""The literal prefilter only ever skips a pattern that cannot match the text."""

from __future__ import annotations

import pytest

from core.normalize import normalize
from core.prefilter import required_literals
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
        ("(ご|御)?(連絡|電話)を", {"連絡", "電話"}),
        ("未納|未払", {"未"}),
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


def test_the_literal_index_never_leaves_out_a_pattern_that_matches():
    from core.prefilter import LONG_TEXT, LiteralIndex

    keys = {(r, i): lits for r, rule in enumerate(RULES.rules) if rule.kind == "pattern"
            for i, lits in enumerate(rule.prefilters)}
    index = LiteralIndex(keys)
    long_text = "\n".join(TEXTS) * (LONG_TEXT // sum(map(len, TEXTS)) + 2)
    for text in TEXTS + [long_text]:
        candidates = index.candidates(text)
        for (r, i) in keys:
            if RULES.rules[r].pattern(i).search(text):
                assert (r, i) in candidates, (RULES.rules[r].id, text[:40])
