"""Literal prefilters for rule patterns, so a pattern only runs (and is only compiled) when
the text could hold a match.

For a regular expression, :func:`required_literals` works out a set of plain strings of which
at least one must occur in any text the pattern matches ("(ご|御)?(連絡|電話)を" needs "連絡" or
"電話"). Checking ``literal in text`` is far cheaper than running the pattern, and when none of
the literals occurs the pattern cannot match, so it is skipped. When no such set can be found
the pattern always runs: the prefilter never changes a result, only the time it takes.

:func:`checked_literals` also says whether the pattern is a valid regular expression: parsing
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
    if _p is None:
        re.compile(pattern, flags)
        return None
    parsed = _p.parse(pattern, flags)
    if parsed.state.flags & _c.SRE_FLAG_IGNORECASE:
        return None  # literals would have to match in any case: no prefilter
    best = _best(_candidates(list(parsed)))
    if best is None or not all(best):
        return None
    return frozenset(best)


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
    a substring search per literal; the pattern itself still decides. A pattern with no
    literals is always a candidate.
    """

    def __init__(self, prefilters: dict[tuple[int, int], Literals | None]) -> None:
        self.always: frozenset[tuple[int, int]] = frozenset(k for k, lits in prefilters.items() if lits is None)
        by_pair: dict[str, set[tuple[int, int]]] = {}
        by_char: dict[str, set[tuple[int, int]]] = {}
        for key, lits in prefilters.items():
            for lit in lits or ():
                (by_pair if len(lit) >= 2 else by_char).setdefault(lit[:2], set()).add(key)
        self._by_pair = {k: frozenset(v) for k, v in by_pair.items()}
        self._by_char = {k: frozenset(v) for k, v in by_char.items()}
        self._literals = {k: lits for k, lits in prefilters.items() if lits is not None}

    def candidates(self, text: str) -> set[tuple[int, int]]:
        """The patterns that could match ``text`` (keys as given to the index)."""
        found = set(self.always)
        if len(text) > LONG_TEXT:  # a long paste: one substring search per literal is cheaper
            chars = set(text)  # ... after leaving out literals with a character the text lacks
            found.update(k for k, lits in self._literals.items()
                         if any(chars.issuperset(lit) and lit in text for lit in lits))
            return found
        for pair in set(map(str.__add__, text, text[1:])) & self._by_pair.keys():
            found |= self._by_pair[pair]
        for char in set(text) & self._by_char.keys():
            found |= self._by_char[char]
        return found
