"""Literal prefilters for rule patterns, so a pattern only runs (and is only compiled) when
the text could hold a match.

For a regular expression, :func:`required_literals` works out a set of plain strings of which
at least one must occur in any text the pattern matches ("(ご|御)?(連絡|電話)を" needs "連絡を" or
"電話を"; neighbouring choices combine, "(認証|確認)(コード|番号)" needs one of four strings such
as "確認コード"). Checking ``literal in text`` is far cheaper than running the pattern, and when none of
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
from array import array
from collections import Counter
from functools import lru_cache
from itertools import chain

try:  # the regular-expression parser of the standard library (sre_parse before 3.11)
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - a Python without it simply runs every pattern
    _c = _p = None
_REPEATS = () if _c is None else tuple(
    op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None)

Literals = frozenset[str]
_PIECE = 1024  # the pairs of a text are worked out on its distinct pieces of this many characters
_MOST_STRINGS = 64  # strings worked out for a run of items that can match only a few (see _candidates)
_MOST_REPEATS = 3  # "x{0,3}" is read as its few strings; "x{0,4}" or "x*" break a run


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
    found = [c for c in _candidates(_items(parsed)) if all(c)]
    best = _best(found)
    if best is None:
        return ()
    return (frozenset(best), *dict.fromkeys(frozenset(c) for c in found if c != best))


def _candidates(items: list) -> list[set[str]]:
    """Sets of literals that a match of this sequence must contain (any one of each set).

    Neighbouring items that can match only a few strings make one set together: every string
    one of them can match followed by every string the next can ("(認証|確認)(コード|番号)" needs
    one of "認証コード", "認証番号", "確認コード" or "確認番号", not just "認証" or "確認" and
    "コード" or "番号" anywhere).
    """
    found: list[set[str]] = []
    run: set[str] = {""}  # what the items since the last break can match, one after the other

    def flush() -> None:
        shortest = _shortest(run)
        if "" not in shortest:
            found.append(shortest)

    for item in items:
        strings = _strings(item)
        if strings is not None:
            longer = {a + b for a in run for b in strings}
            if len(longer) <= _MOST_STRINGS:
                run = longer
                continue
            flush()  # too many together: what came before is one set, and a new run starts
            run = strings
            continue
        flush()
        run = {""}
        op, av = item
        if op is _c.SUBPATTERN:
            if not av[1] & _c.SRE_FLAG_IGNORECASE:  # (?i:...) matches its literals in any case
                found.extend(_candidates(_items(av[-1])))
        elif op is _c.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                best = _best(_candidates(_items(alternative)))
                if best is None:
                    union = set()
                    break
                union |= best
            if union:
                found.append(union)
        elif op in _REPEATS:
            low, _high, inner = av
            if low >= 1:
                found.extend(_candidates(_items(inner)))
    flush()
    return found


def _strings(item) -> set[str] | None:
    """Every string ``item`` can match, when there are at most _MOST_STRINGS of them and no
    case folding (None otherwise). A zero-width item matches the empty string."""
    op, av = item
    if op is _c.LITERAL:
        return {chr(av)}
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return {""}  # zero-width: does not break a literal run's meaning for "contains"
    if op is _c.IN:
        if all(member_op is _c.LITERAL for member_op, _ in av) and len(av) <= _MOST_STRINGS:
            return {chr(code) for _, code in av}
        return None
    if op is _c.SUBPATTERN:
        return None if av[1] & _c.SRE_FLAG_IGNORECASE else _sequence_strings(_items(av[-1]))
    if op is _c.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            strings = _sequence_strings(_items(alternative))
            if strings is None:
                return None
            union |= strings
            if len(union) > _MOST_STRINGS:
                return None
        return union
    if op in _REPEATS:
        low, high, inner = av
        strings = _sequence_strings(_items(inner))
        if strings is None or high > _MOST_REPEATS:
            return None
        return _sequence_strings([(_c.SUBPATTERN, (None, 0, 0, inner))] * low
                                 + [(_c.BRANCH, (None, [[], inner]))] * (high - low))
    return None


def _sequence_strings(items: list) -> set[str] | None:
    """Every string the sequence ``items`` can match, when they are few (see :func:`_strings`)."""
    run = {""}
    for item in items:
        strings = _strings(item)
        if strings is None:
            return None
        run = {a + b for a in run for b in strings}
        if len(run) > _MOST_STRINGS:
            return None
    return run


def _items(sequence) -> list:
    """The items of a parsed sequence (a parser SubPattern's own list: iterating the SubPattern
    itself goes through a Python method per item)."""
    return sequence.data if isinstance(sequence, _p.SubPattern) else list(sequence)


def _shortest(strings: set[str]) -> set[str]:
    """``strings`` without those that hold another of them: a text that holds "ご連絡" holds
    "連絡", so {"ご連絡", "連絡"} asks no more than {"連絡"}."""
    kept: list[str] = []
    for string in sorted(strings, key=len):  # what another holds is shorter than it
        if not any(shorter in string for shorter in kept):
            kept.append(string)
    return set(kept)


def _best(candidates: list[set[str]]) -> set[str] | None:
    """The most selective candidate: longest shortest literal, then fewest alternatives."""
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(x) for x in c), -len(c)))


class LiteralIndex:
    """Which patterns of a rule set could match a text, found in one pass over the text.

    A text holds a literal of several characters only if it holds every pair of neighbouring
    characters of it. Each such literal is filed under the one of its pairs that fewest other
    literals share, so a text's pairs name the few literals worth checking, with a few set
    operations instead of a substring search per literal; a one-character literal is looked
    for directly. A pattern is a candidate when each set of literals it needs (the one it is
    filed under, and ``also_required``) has a literal the text holds in that sense: worked out
    once per set of literals, since many patterns share them. The pattern itself still decides.
    A pattern with no literals is always a candidate.
    """

    def __init__(self, prefilters: dict[tuple[int, int], Literals | None],
                 also_required: dict[tuple[int, int], tuple[Literals, ...]] | None = None) -> None:
        self.always: frozenset[tuple[int, int]] = frozenset(k for k, lits in prefilters.items() if lits is None)
        needs = {key: (lits, *(also_required or {}).get(key, ())) for key, lits in prefilters.items()
                 if lits is not None}
        numbered = {lits: n for n, lits in enumerate(dict.fromkeys(s for sets in needs.values() for s in sets))}
        filed: dict[int, set[tuple[int, int]]] = {}
        for key, sets in needs.items():
            filed.setdefault(numbered[sets[0]], set()).add(key)
        self._filed = {n: frozenset(keys) for n, keys in filed.items()}  # set number -> patterns filed under it
        # Patterns that need more than one set: the numbers of all of them.
        self._all_needed = {key: frozenset(numbered[s] for s in sets) for key, sets in needs.items() if len(sets) > 1}
        # Per literal, the numbers of the sets it is in: by its character, or by its pairs (see
        # character_pairs), filed under the rarest of them.
        by_character: dict[str, set[int]] = {}
        by_literal: dict[str, set[int]] = {}
        for lits, n in numbered.items():
            for lit in lits:
                (by_character if len(lit) == 1 else by_literal).setdefault(lit, set()).add(n)
        by_pairs: dict[frozenset[int], set[int]] = {}
        for (lit, ns), pairs in zip(by_literal.items(), _pairs_of_each(list(by_literal))):
            by_pairs.setdefault(pairs, set()).update(ns)
        self._sets_by_character = {ch: frozenset(ns) for ch, ns in by_character.items()}
        self._sets_by_pairs = {pairs: frozenset(ns) for pairs, ns in by_pairs.items()}
        shared = Counter(chain.from_iterable(by_pairs))
        by_rarest: dict[int, list[frozenset[int]]] = {}
        for pairs in by_pairs:
            by_rarest.setdefault(min(pairs, key=shared.__getitem__), []).append(pairs)
        self._by_rarest = {pair: tuple(all_pairs) for pair, all_pairs in by_rarest.items()}

    def candidates(self, text: str) -> set[tuple[int, int]]:
        """The patterns that could match ``text`` (keys as given to the index)."""
        pairs = character_pairs(text)
        worth_checking = chain.from_iterable(map(self._by_rarest.__getitem__, pairs & self._by_rarest.keys()))
        met = set().union(*map(self._sets_by_pairs.__getitem__, filter(pairs.issuperset, worth_checking)),
                          *map(self._sets_by_character.__getitem__, filter(text.__contains__, self._sets_by_character)))
        found = set(self.always).union(*map(self._filed.__getitem__, met & self._filed.keys()))
        found.difference_update([key for key in found & self._all_needed.keys() if not self._all_needed[key] <= met])
        return found


@lru_cache(maxsize=4)
def character_pairs(text: str) -> frozenset[int]:
    """The pairs of neighbouring characters of ``text``, each as one number: the two characters'
    codes side by side, read eight bytes at a time from the text's UTF-32 form (from its first
    character, then from its second). Far quicker than making a two-character string of each.
    A literal can only be in a text that holds all of its pairs.

    Worked out on the text's distinct pieces of _PIECE characters (each overlapping the next by
    one, so no pair is missed): a long paste that repeats itself is read once. The last few
    texts' pairs are kept: the rules' prefilter and the brand search read the same text.
    """
    pieces = {text[at:at + _PIECE + 1] for at in range(0, len(text), _PIECE)} if len(text) > _PIECE else (text,)
    numbers = chain.from_iterable(_pair_numbers(piece.encode("utf-32-le", "surrogatepass")) for piece in pieces)
    return frozenset(chain.from_iterable(numbers))


def _pair_numbers(code: bytes) -> tuple[array, array]:
    """The pairs from the first character of the UTF-32 text ``code`` on, and from its second."""
    return array("Q", code[:len(code) // 8 * 8]), array("Q", code[4:4 + (len(code) - 4) // 8 * 8])


def _pairs_of_each(literals: list[str]) -> list[frozenset[int]]:
    """:func:`character_pairs` of each literal, read from one UTF-32 form of them all: the
    literals are thousands and short, and reading each one's form apart took most of the time
    building the index took."""
    joined = "".join(literals)
    from_first, from_second = _pair_numbers(joined.encode("utf-32-le", "surrogatepass"))
    at = [0] * max(len(joined) - 1, 0)  # the pair starting at each character
    at[0::2] = from_first
    at[1::2] = from_second
    found = []
    start = 0
    for literal in literals:
        found.append(frozenset(at[start:start + len(literal) - 1]))
        start += len(literal)
    return found
