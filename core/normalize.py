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
from functools import lru_cache

from .verdict import Span

# Characters that carry no visible text: zero-width, joiners, bidi embeddings/overrides/isolates,
# soft hyphen, word joiner, BOM, Mongolian vowel separator, variation selectors.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e0fff]"
)
# Dash look-alikes that people and scammers use inside phone numbers (after NFKC).
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\u2500\u2501\uff70\u02d7\u2043\ufe63"
# Characters that combine with the one before (handled together so NFKC can compose them).
_COMBINING_EXTRA = "\uff9e\uff9f\u3099\u309a"
_CJK = r"\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+(?=[{_CJK}])")
# "A m a z o n . c o . j p": three or more single Latin letters, digits or dots spaced apart.
_SPACED_LETTERS = re.compile(r"(?<![0-9a-z.])(?:[0-9a-z.] ){2,}[0-9a-z.](?![0-9a-z.])")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` is what rules see; ``starts[i]``/``ends[i]`` is the original range of ``text[i]``."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> Span:
        """Map a normalised range [start, end) back to a range of the original text."""
        if not self.text or start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return (pos, pos)
        return (self.starts[start], self.ends[end - 1])


@lru_cache(maxsize=4096)
def _fold(chunk: str) -> str:
    folded = unicodedata.normalize("NFKC", chunk).lower()
    return _INVISIBLE.sub("", folded)


def _clusters(text: str):
    """Yield (start, end) of each base character with the combining marks that follow it."""
    n = len(text)
    i = 0
    combining = unicodedata.combining
    while i < n:
        j = i + 1
        while j < n and (combining(text[j]) or text[j] in _COMBINING_EXTRA):
            j += 1
        yield i, j
        i = j


def _needs_fold(line: str) -> bool:
    return not (
        unicodedata.is_normalized("NFKC", line)
        and line == line.lower()
        and not _INVISIBLE.search(line)
    )


def _fold_with_map(text: str) -> tuple[str, list[int], list[int]]:
    """NFKC + lower + invisible removal, keeping the source range of every output character."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        end_of_line = pos + len(line)
        if not _needs_fold(line):
            out.append(line)
            starts.extend(range(pos, end_of_line))
            ends.extend(range(pos + 1, end_of_line + 1))
        else:
            for a, b in _clusters(line):
                piece = line[a:b]
                folded = piece if piece.isascii() and piece.islower() else _fold(piece)
                if not folded:
                    continue
                out.append(folded)
                starts.extend([pos + a] * len(folded))
                ends.extend([pos + b] * len(folded))
        pos = end_of_line
    return "".join(out), starts, ends


def _drop(text: str, starts: list[int], ends: list[int], pattern: re.Pattern[str], keep=None):
    """Delete the matched characters (or keep only ``keep(match)``), carrying the map along."""
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        pieces.append(text[last : m.start()])
        new_starts.extend(starts[last : m.start()])
        new_ends.extend(ends[last : m.start()])
        if keep is not None:
            for k in range(m.start(), m.end()):
                if keep(text[k]):
                    pieces.append(text[k])
                    new_starts.append(starts[k])
                    new_ends.append(ends[k])
        last = m.end()
    if last == 0:
        return text, starts, ends
    pieces.append(text[last:])
    new_starts.extend(starts[last:])
    new_ends.extend(ends[last:])
    return "".join(pieces), new_starts, new_ends


def _unify_dashes(text: str) -> str:
    """Dash look-alikes between digits (or digit masks) become "-"; length is unchanged.

    "03ー1234ー5678" and "06 – 6867 – 9803" are phone numbers; "サービス" keeps its "ー".
    """
    if not any(d in text for d in _DASHES):
        return text
    chars = list(text)
    last = len(chars) - 1
    for i, ch in enumerate(chars):
        if ch not in _DASHES:
            continue
        before = i - 1
        while before > 0 and chars[before] == " " and i - before < 2:
            before -= 1
        after = i + 1
        while after < last and chars[after] == " " and after - i < 2:
            after += 1
        if 0 <= before and after <= last and _digitish(chars[before]) and _digitish(chars[after]):
            chars[i] = "-"
    return "".join(chars)


def _digitish(ch: str) -> bool:
    return ch.isdigit() or ch in "x*○〇●×◯#"


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for matching. Lone surrogates are treated as unknown characters."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        # Not encodable: replace one-for-one so offsets still line up.
        text_for_fold = re.sub("[\ud800-\udfff]", "\ufffd", text)
    else:
        text_for_fold = text
    folded, starts, ends = _fold_with_map(text_for_fold)
    folded = _unify_dashes(folded)
    folded, starts, ends = _drop(folded, starts, ends, _CJK_GAP)
    folded, starts, ends = _drop(folded, starts, ends, _SPACED_LETTERS, keep=lambda c: c != " ")
    return NormalizedText(original=text, text=folded, starts=tuple(starts), ends=tuple(ends))
