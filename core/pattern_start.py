"""Patterns compiled so that a search skips straight to where a match can start.

Python's ``re`` scans a text quickly for a pattern that starts with a fixed character, a
character class, or alternatives that each start with a fixed character: it looks only at the
positions holding one of those characters. A pattern that starts otherwise ("(言わ|聞か)れ|って…",
"(ご)?注意…", "\\d+日…") is tried at every position of the text, which costs several times as
much on a long message.

:func:`compile_pattern` rewrites such a pattern, once, into alternatives that each start
with a fixed character, by steps that keep the order in which the pattern tries its ways of
matching, so it finds exactly the same matches:

- ``(A|B)R`` tries ``AR`` and then ``BR``;
- ``X?R`` (greedy) tries ``XR`` and then ``R``; ``X{m,n}R`` with m >= 1 is ``X X{m-1,n-1}R``;
- a character class ``[をに]R`` tries ``をR`` or ``にR``, only one of which can start at a
  position;
- a group around the start is read as what it holds (only where a match starts and ends
  matters to the rules: the rewritten pattern's groups are not used);
- what is checked before the first character (``\\b``, a look-behind or look-ahead) is checked
  right after it instead, by a look-behind that spans the character: ``(?<![a-z])cR`` is
  ``c(?<=(?<![a-z])c)R``.

Where some alternatives start with a wide class ("\\d+万|お金|…"), the pattern starts with one
class of every first character instead, and each alternative checks, by a look-behind, that the
character it read is one of its own.

A pattern that cannot be rewritten so (it starts with ``.`` or a negated class among other
choices, or would need more than _MOST_ALTERNATIVES alternatives) is compiled as written.
"""

from __future__ import annotations

import itertools
import re

try:  # the regular-expression parser and compiler of the standard library
    from re import _compiler as _sre_compiler, _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - a Python without them compiles every pattern as written
    _sre_compiler = _c = _p = None

_MOST_ALTERNATIVES = 64
_MOST_CLASS_CHARACTERS = 16  # a class of more characters ("[^。]", "\\d") is not split up


class _CannotRewrite(Exception):
    """The pattern's start cannot be written as alternatives that each start with a character."""


def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, or an equivalent pattern whose search looks only at the
    positions where a match can start (see the module docstring)."""
    try:
        rewritten = _rewritten(source, flags)
    except Exception:  # noqa: BLE001 - the standard library's internals differ: compile as written
        rewritten = None
    return rewritten or re.compile(source, flags)


def _rewritten(source: str, flags: int) -> re.Pattern[str] | None:
    if _sre_compiler is None:
        return None
    parsed = _p.parse(source, flags)
    if _starts_findably(parsed) or parsed.state.flags & (_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_LOCALE) \
            or _refers_back(parsed.data):
        return None
    try:
        alternatives = _alternatives(list(parsed.data), parsed.state)
    except _CannotRewrite:
        return None
    if len(alternatives) == 1:  # one way to start: with a character class
        return _sre_compiler.compile(_p.SubPattern(parsed.state, alternatives[0]), flags)
    if all(a[0][0] is _c.LITERAL for a in alternatives):
        branch = (_c.BRANCH, (None, [_p.SubPattern(parsed.state, a) for a in alternatives]))
        return _sre_compiler.compile(_p.SubPattern(parsed.state, [branch]), flags)
    # Some start with a class ("\\d+万|お金"): one class of every first character, then each
    # alternative checks, looking back, that the character is one of its own.
    firsts = [member for a in alternatives for member in ([a[0]] if a[0][0] is _c.LITERAL else a[0][1])]
    if any(op is _c.NEGATE for op, _ in firsts):
        return None
    checked = [_p.SubPattern(parsed.state, [(_c.ASSERT, (-1, _p.SubPattern(parsed.state, a[:1])))] + a[1:])
               for a in alternatives]
    start = [(_c.IN, list(dict.fromkeys(firsts))), (_c.BRANCH, (None, checked))]
    return _sre_compiler.compile(_p.SubPattern(parsed.state, start), flags)


def _starts_findably(parsed) -> bool:
    """Whether re already skips to where a match of the parsed pattern can start."""
    flags = parsed.state.flags
    prefix, _, _ = _sre_compiler._get_literal_prefix(parsed, flags)
    return bool(prefix) or bool(_sre_compiler._get_charset_prefix(parsed, flags))


def _refers_back(items) -> bool:
    """True when the pattern refers to a group (``\\1``, ``(?(1)...)``): its groups must stay."""
    for op, av in items:
        if op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
            return True
        for sub in _subpatterns(op, av):
            if _refers_back(sub):
                return True
    return False


def _subpatterns(op, av):
    if op is _c.SUBPATTERN:
        return [av[-1]]
    if op is _c.BRANCH:
        return av[1]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]
    if op in _REPEATS:
        return [av[2]]
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return [av]
    return []


def _alternatives(items: list, state) -> list[list]:
    """Sequences, each starting with one character (mostly a fixed one), that together match
    as ``items`` does, tried in the same order."""
    if not items:
        raise _CannotRewrite  # a match could be empty here: it can start anywhere
    (op, av), rest = items[0], items[1:]
    if op in _ZERO_WIDTH:
        if (op, av) in _ANCHORS:
            raise _CannotRewrite  # re tries a pattern anchored at the start of the text once
        checks = list(itertools.takewhile(lambda item: item[0] in _ZERO_WIDTH, items))
        after = _alternatives(items[len(checks):], state)
        # The checks, made where the first character is, from just after it.
        return [[a[0], (_c.ASSERT, (-1, _p.SubPattern(state, checks + [a[0]])))] + a[1:] for a in after]
    if op is _c.LITERAL:
        return [items]
    if op is _c.IN:
        if len(av) > _MOST_CLASS_CHARACTERS or any(member_op is not _c.LITERAL for member_op, _ in av):
            return [items]  # a wide class ("\\d", "[^。]"): a start only if it is the only one
        return _at_most([[(_c.LITERAL, code)] + rest for _, code in av])
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        if add_flags or del_flags:
            raise _CannotRewrite
        return _alternatives(list(inner) + rest, state)
    if op is _c.BRANCH:
        return _at_most([a for branch in av[1] for a in _alternatives(list(branch) + rest, state)])
    if op is _c.MAX_REPEAT:
        low, high, inner = av
        if inner.getwidth()[0] == 0:
            raise _CannotRewrite  # an item that can match nothing repeats in ways not worth following
        one = (_c.SUBPATTERN, (None, 0, 0, inner))
        fewer = (_c.MAX_REPEAT, (max(low - 1, 0), high if high == _c.MAXREPEAT else high - 1, inner))
        with_one = _alternatives([one] + ([fewer] if high != 1 else []) + rest, state)
        if low >= 1:
            return with_one
        return _at_most(with_one + _alternatives(rest, state))
    raise _CannotRewrite


def _at_most(alternatives: list[list]) -> list[list]:
    if len(alternatives) > _MOST_ALTERNATIVES:
        raise _CannotRewrite
    return alternatives


_ZERO_WIDTH = () if _c is None else (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_ANCHORS = () if _c is None else ((_c.AT, _c.AT_BEGINNING), (_c.AT, _c.AT_BEGINNING_STRING))
_REPEATS = () if _c is None else tuple(
    op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None)
