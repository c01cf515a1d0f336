"""Literal prefilters for rule patterns, so a pattern only runs (and is only compiled) when
the text could hold a match.

For a regular expression, :func:`required_literals` works out a set of plain strings of which
at least one must occur in any text the pattern matches ("(ご|御)?(連絡|電話)を" needs "連絡" or
"電話"). Checking ``literal in text`` is far cheaper than running the pattern, and when none of
the literals occurs the pattern cannot match, so it is skipped. When no such set can be found
the pattern always runs: the prefilter never changes a result, only the time it takes.

A pattern often needs more than one such set ("(\\d+)万円?...(して|でき)" needs "万" and one of
"して" or "でき"). :func:`checked_requirements` gives them all, the most selective first: the
index files a pattern under that one, and keeps it as a candidate only when each of the others
has a literal in the text too.

:func:`checked_requirements` also says whether the pattern is a valid regular expression: parsing
it is most of the work of compiling it, so the rule loader can reject a bad pattern without
compiling the ones a message never needs.
"""

from __future__ import annotations

import re

try:  # the regular-expression parser of the standard library (sre_parse before 3.11)
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - a Python without it simply runs every pattern
    _c = _p = None

Literals = frozenset[str]
LONG_TEXT = 20_000  # beyond this many characters, LiteralIndex searches for each literal instead


def required_literals(pattern: str, flags: int = 0) -> Literals | None:
    """A set of strings one of which every match contains, or None when none is known."""
    try:
        return checked_literals(pattern, flags)
    except Exception:  # noqa: BLE001 - any parser trouble just means "no prefilter"
        return None


def checked_literals(pattern: str, flags: int = 0) -> Literals | None:
    """Like :func:`required_literals`, but a pattern that is not a valid regular expression
    raises ``re.error``. Without the standard library's parser every pattern is compiled."""
    requirements = checked_requirements(pattern, flags)
    return requirements[0] if requirements else None


def checked_requirements(pattern: str, flags: int = 0) -> tuple[Literals, ...]:
    """Every set of strings found of which each match contains one, the most selective first
    (empty when none is known). A pattern that is not a valid regular expression raises
    ``re.error``; without the standard library's parser every pattern is compiled."""
    if _p is None:
        re.compile(pattern, flags)
        return ()
    parsed = _p.parse(pattern, flags)
    if parsed.state.flags & _c.SRE_FLAG_IGNORECASE:
        return ()  # literals would have to match in any case: no prefilter
    found = [c for c in _candidates(list(parsed)) if all(c)]
    best = _best(found)
    if best is None:
        return ()
    return (frozenset(best), *dict.fromkeys(frozenset(c) for c in found if c != best))


def _candidates(items: list) -> list[set[str]]:
    """Sets of literals that a match of this sequence must contain (any one of each set)."""
    found: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            found.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero-width: does not break a literal run's meaning for "contains"
        flush()
        if op is _c.SUBPATTERN:
            if not av[1] & _c.SRE_FLAG_IGNORECASE:  # (?i:...) matches its literals in any case
                found.extend(_candidates(list(av[-1])))
        elif op is _c.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                best = _best(_candidates(list(alternative)))
                if best is None:
                    union = set()
                    break
                union |= best
            if union:
                found.append(union)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
            low, _high, inner = av
            if low >= 1:
                found.extend(_candidates(list(inner)))
    flush()
    return found


def _best(candidates: list[set[str]]) -> set[str] | None:
    """The most selective candidate: longest shortest literal, then fewest alternatives."""
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(x) for x in c), -len(c)))


class LiteralIndex:
    """Which patterns of a rule set could match a text, found in one pass over the text.

    Each pattern is filed under the first two characters of each of its literals (or the one
    character of a one-character literal). A text's pairs of neighbouring characters then name
    every pattern one of whose literals could start in it, with a few set operations instead of
    a substring search per literal. Such a pattern then stays a candidate only when, for each
    set of literals it needs (the one it is filed under, and ``also_required``), the text holds
    every pair of neighbouring characters of one of them: a long literal whose first two
    characters happen to be there is not enough. The pattern itself still decides. A pattern
    with no literals is always a candidate.
    """

    def __init__(self, prefilters: dict[tuple[int, int], Literals | None],
                 also_required: dict[tuple[int, int], tuple[Literals, ...]] | None = None) -> None:
        self.always: frozenset[tuple[int, int]] = frozenset(k for k, lits in prefilters.items() if lits is None)
        by_pair: dict[str, set[tuple[int, int]]] = {}
        by_char: dict[str, set[tuple[int, int]]] = {}
        for key, lits in prefilters.items():
            for lit in lits or ():
                (by_pair if len(lit) >= 2 else by_char).setdefault(lit[:2], set()).add(key)
        self._by_pair = {k: frozenset(v) for k, v in by_pair.items()}
        self._by_char = {k: frozenset(v) for k, v in by_char.items()}
        self._literals = {k: lits for k, lits in prefilters.items() if lits is not None}
        self._also_required = {k: sets for k, sets in (also_required or {}).items()
                               if sets and prefilters.get(k) is not None}
        # Per pattern, per set of literals it needs: each literal's pairs (see _pairs_of).
        self._needs = {k: tuple(tuple(map(_pairs_of, lits)) for lits in (lits, *self._also_required.get(k, ())))
                       for k, lits in self._literals.items()}

    def candidates(self, text: str) -> set[tuple[int, int]]:
        """The patterns that could match ``text`` (keys as given to the index)."""
        found = set(self.always)
        chars = set(text)
        if len(text) > LONG_TEXT:  # a long paste: one substring search per literal is cheaper
            # ... after leaving out literals with a character the text lacks
            def holds(lit: str) -> bool:
                return chars.issuperset(lit) and lit in text

            found.update(k for k, lits in self._literals.items() if any(map(holds, lits)))
            for key in found & self._also_required.keys():
                if not all(any(map(holds, lits)) for lits in self._also_required[key]):
                    found.discard(key)
            return found
        pairs = set(map(str.__add__, text, text[1:]))
        for pair in pairs & self._by_pair.keys():
            found |= self._by_pair[pair]
        for char in chars & self._by_char.keys():
            found |= self._by_char[char]
        held = pairs | chars
        for key in found & self._needs.keys():
            if not all(any(map(held.issuperset, needs)) for needs in self._needs[key]):
                found.discard(key)
        return found


def _pairs_of(literal: str) -> frozenset[str]:
    """The pairs of neighbouring characters of ``literal`` (its one character, if it has one):
    a text holds the literal only if it holds all of them."""
    if len(literal) == 1:
        return frozenset(literal)
    return frozenset(map(str.__add__, literal, literal[1:]))
