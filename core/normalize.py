"""Text normalisation before matching, with a map back to the original text.

Rules and extractors match on the normalised form: NFKC (full-width digits and letters become
ASCII, half-width katakana become full-width), lower-case Latin, zero-width and bidi control
characters removed, dash look-alikes between digits made "-", and the filter-evasion spacing
scammers put between Japanese characters ("支 払 い") removed. Every normalised character
remembers the original range it came from, so a match can be highlighted in what the user pasted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import compress, repeat

from .verdict import Span

# Characters that carry no visible text: zero-width, joiners, bidi embeddings/overrides/isolates,
# soft hyphen, word joiner, BOM, Mongolian vowel separator, variation selectors; and junk: C0
# control characters other than tab and line breaks, DEL, and U+FFFD (what a decoder leaves for
# bytes that are not text), so that "詐\x00欺" reads as "詐欺" and junk never splits a word.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e0fff]"
)
# Dash look-alikes that people and scammers use inside phone numbers (after NFKC).
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\u2500\u2501\uff70\u02d7\u2043\ufe63"
_DIGITISH = "0-9x*○〇●×◯#"
# A dash after a digit (or a digit and a space) and before one. This pattern and the two below
# start with the character they find, so that re's search looks only at such characters; what
# must come before it is checked after it, by a look-behind that spans it ("(?<=[0-9].)").
_NUMBER_DASH = re.compile(f"[{_DASHES}](?:(?<=[{_DIGITISH}].)|(?<=[{_DIGITISH}] .))(?= ?[{_DIGITISH}])")
# Characters that combine with the one before (handled together so NFKC can compose them).
_COMBINING_EXTRA = "\uff9e\uff9f\u3099\u309a"
_CJK = r"\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(rf"[ \t\u3000](?<=[{_CJK}].)(?=[{_CJK}])")  # one gap character between CJK ones
_REMOVED = re.compile("\x00+")
_SURROGATE = re.compile("[\ud800-\udfff]")
# "A m a z o n . c o . j p": three or more single Latin letters, digits or dots spaced apart.
_SPACED_LETTERS = re.compile(r"[0-9a-z.](?<![0-9a-z.]{2}) (?:[0-9a-z.] )+[0-9a-z.](?![0-9a-z.])")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` is what rules see; ``starts[i]``/``ends[i]`` is the original range of ``text[i]``."""

    original: str
    text: str
    starts: Sequence[int]
    ends: Sequence[int]

    def to_original(self, start: int, end: int) -> Span:
        """Map a normalised range [start, end) back to a range of the original text."""
        if not self.text or start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return (pos, pos)
        return (self.starts[start], self.ends[end - 1])


@lru_cache(maxsize=8192)
def _fold(chunk: str) -> str:
    folded = unicodedata.normalize("NFKC", chunk).lower()
    return INVISIBLE.sub("", folded)


def _is_combining(ch: str) -> bool:
    return bool(unicodedata.combining(ch)) or ch in _COMBINING_EXTRA


def _ranges(codepoints) -> str:
    """A regex character class body for a sorted iterable of code points."""
    parts: list[str] = []
    run_start = prev = None
    for cp in codepoints:
        if prev is not None and cp == prev + 1:
            prev = cp
            continue
        if run_start is not None:
            parts.append(_range(run_start, prev))
        run_start = prev = cp
    if run_start is not None:
        parts.append(_range(run_start, prev))
    return "".join(parts)


def _range(a: int, b: int) -> str:
    return re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"


# Where characters that NFKC, lower-casing or invisibility removal would change can live.
# CJK ideographs (U+3400-4DBF, U+4E00-9FFF) and Hangul syllables (U+AC00-D7A3) are left out:
# folding never changes them.
_SCANNED = (range(0x0000, 0x3400), range(0x4DC0, 0x4E00), range(0xA000, 0xAC00),
            range(0xD7A4, 0xD800), range(0xE000, 0x10000), range(0x1D400, 0x1D800),
            range(0x1F100, 0x1F300), range(0x2F800, 0x2FA20), range(0xE0000, 0xE1000))

# How one character folds (see _char_fold).
_KEPT, _ONE_TO_ONE, _COMBINING, _REST = range(4)
# Characters seen that folding keeps as they are (see _changing).
_STAYING: set[str] = set()
_MOST_REMEMBERED = 65_536


@lru_cache(maxsize=65536)
def _char_fold(ch: str) -> tuple[int, int]:
    """How ``ch`` folds, and for ``_ONE_TO_ONE`` the code point it becomes (else -1)."""
    cp = ord(ch)
    if not any(map(range.__contains__, _SCANNED, repeat(cp))):
        return _KEPT, -1
    return _scanned_fold(ch)


@cache
def _scanned_fold(ch: str) -> tuple[int, int]:
    """Worked out from the Unicode database the first time a character is seen, so that only the
    characters people actually paste are ever looked at (a message uses a few dozen)."""
    if _is_combining(ch):
        return _COMBINING, -1
    folded = unicodedata.normalize("NFKC", ch).lower()
    if INVISIBLE.match(ch):
        return _REST, -1
    if folded == ch:
        return _KEPT, -1
    if len(folded) == 1 and not _is_combining(folded):
        return _ONE_TO_ONE, ord(folded)
    return _REST, -1


@cache
def extra_bytes(ch: str) -> int:
    """How many more UTF-8 bytes ``ch`` takes once normalised (0 for almost every character)."""
    if _char_fold(ch)[0] != _REST:
        return 0
    before = len(ch.encode("utf-8", errors="surrogatepass"))
    return max(len(unicodedata.normalize("NFKC", ch).encode("utf-8", errors="surrogatepass")) - before, 0)


def _rest_pattern(folds: dict[str, int]) -> re.Pattern[str] | None:
    """Stretches of the characters that fold to zero or several characters, or compose
    (``folds``: how the text's characters that folding changes fold, see :func:`_changing`).

    The same matches as one pattern built over every character would find, because the
    character classes only leave out characters that are not in the text.
    """
    combining = tuple(sorted(ord(ch) for ch, kind in folds.items() if kind == _COMBINING))
    rest = tuple(sorted(ord(ch) for ch, kind in folds.items() if kind == _REST))
    return _pattern_for(combining, rest) if combining or rest else None


def _changing(chars: set[str]) -> dict[str, tuple[int, int]]:
    """How the characters of ``chars`` that folding changes fold (see :func:`_char_fold`).

    The characters found to stay as they are are remembered (up to _MOST_REMEMBERED), so that
    a message's usual characters are set aside in one set operation instead of one look-up each.
    """
    folds = {}
    for ch in chars - _STAYING:
        fold = _char_fold(ch)
        if fold[0] != _KEPT:
            folds[ch] = fold
        elif len(_STAYING) < _MOST_REMEMBERED:
            _STAYING.add(ch)
    return folds


@lru_cache(maxsize=256)
def _pattern_for(combining: tuple[int, ...], rest: tuple[int, ...]) -> re.Pattern[str] | None:
    """The pattern for these combining and other folding code points (the same few recur)."""
    comb = _ranges(combining)
    alternatives = []
    if combining:
        alternatives.append(f"(?s:.)[{comb}]+")
    if rest:
        alternatives.append(f"[{_ranges(rest)}][{comb}]*" if combining else f"[{_ranges(rest)}]")
    if combining:
        alternatives.append(f"[{comb}]+")
    return re.compile("|".join(alternatives)) if alternatives else None


def _fold_with_map(text: str) -> tuple[str, Sequence[int], Sequence[int]]:
    """NFKC + lower + invisible removal, keeping the source range of every output character.

    Most changes are one character for one (full-width "Ａ" -> "a", half-width "ｱ" -> "ア"):
    those go through ``str.translate`` and keep every offset. The rest (invisible characters,
    "㈱" -> "(株)", a character followed by combining marks) is matched by a pattern and folded
    piece by piece, which keeps normalising a large paste fast.
    """
    folds = _changing(set(text))
    one_to_one = {ord(ch): target for ch, (kind, target) in folds.items() if kind == _ONE_TO_ONE}
    if one_to_one:
        text = text.translate(one_to_one)
        targets = {chr(cp) for cp in one_to_one.values()}
        folds = {ch: fold for ch, fold in folds.items() if fold[0] != _ONE_TO_ONE} | _changing(targets)
    rest = _rest_pattern({ch: kind for ch, (kind, _) in folds.items()})
    matches = list(rest.finditer(text)) if rest is not None else []
    if not matches:  # nothing changes length: offsets are the identity
        n = len(text)
        return text, range(n), range(1, n + 1)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in matches:
        a, b = m.span()
        if a > pos:
            out.append(text[pos:a])
            starts.extend(range(pos, a))
            ends.extend(range(pos + 1, a + 1))
        folded = _fold(m.group())
        if folded:
            out.append(folded)
            starts.extend([a] * len(folded))
            ends.extend([b] * len(folded))
        pos = b
    if pos < len(text):
        out.append(text[pos:])
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return "".join(out), starts, ends


def _drop_gaps(text: str, starts: Sequence[int], ends: Sequence[int]):
    """Remove spacing used to dodge filters ("支 払 い", "a m a z o n"), carrying the map along."""
    marked = _CJK_GAP.sub("\x00", text)  # one character per match: lengths are kept
    spaced = list(_SPACED_LETTERS.finditer(marked))
    if spaced:
        chars = list(marked)
        for m in spaced:
            for k in range(m.start(), m.end()):
                if chars[k] == " ":
                    chars[k] = "\x00"
        marked = "".join(chars)
    if marked == text:
        return text, starts, ends
    removed = marked.count("\x00")
    if removed > len(marked) // 16:  # gaps everywhere ("a b c d ..."): one flag per character
        keep = list(map("\x00".__ne__, marked))
        return marked.replace("\x00", ""), list(compress(starts, keep)), list(compress(ends, keep))
    # Few gaps: copy the stretches between them (slices run in C, a stretch at a time).
    kept_starts: list[int] = []
    kept_ends: list[int] = []
    pos = 0
    for gap in _REMOVED.finditer(marked):
        kept_starts.extend(starts[pos:gap.start()])
        kept_ends.extend(ends[pos:gap.start()])
        pos = gap.end()
    kept_starts.extend(starts[pos:])
    kept_ends.extend(ends[pos:])
    return marked.replace("\x00", ""), kept_starts, kept_ends


def _unify_dashes(text: str) -> str:
    """Dash look-alikes between digits (or digit masks) become "-"; length is unchanged.

    "03ー1234ー5678" and "06 – 6867 – 9803" are phone numbers; "サービス" keeps its "ー".
    """
    return _NUMBER_DASH.sub("-", text)


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for matching. Lone surrogates are treated as unknown characters."""
    if _SURROGATE.search(text):
        # Not encodable: replace one-for-one so offsets still line up.
        text_for_fold = _SURROGATE.sub("\ufffd", text)
    else:
        text_for_fold = text
    folded, starts, ends = _fold_with_map(text_for_fold)
    folded = _unify_dashes(folded)
    folded, starts, ends = _drop_gaps(folded, starts, ends)
    return NormalizedText(original=text, text=folded, starts=starts, ends=ends)
