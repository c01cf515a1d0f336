"""The learned wording scorer: a linear model over character n-grams, applied in pure Python.

Rules recognise the families we have written patterns for; this model catches their
paraphrases and the families the rules miss. It is trained with scikit-learn
(``python -m core train``, the ``train`` extra) on ``corpus/messages.jsonl`` and shipped as plain
data in ``resources/model/wording.json``: the n-gram weights, the bias and what it was trained
on. Nothing here needs numpy or scikit-learn.

What the model sees (:func:`model_text`): the normalised text (NFKC, lower case, invisible
characters and evasion spacing removed, see :mod:`core.normalize`) with every web address
replaced by one mark, every phone number by another, every company or office name the brand
list knows by a third (so that the model learns how a message is worded, not which company a
corpus happened to collect more scams for), every other digit by ``0`` and every run of spacing
by one space. Its features are the distinct 1- to 3-character n-grams of that text, each worth
``1 / sqrt(number of distinct n-grams)``; the margin (log-odds) is the bias plus the weights of
the n-grams present times that worth, and the evidence the judgement weighs is the margin
without the bias. Training builds its features with the same function, so the two cannot
drift apart.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import chain

from . import snapshot
from .normalize import NormalizedText
from .verdict import Span

FORMAT = 1
ORDERS = (1, 2, 3)  # the n-gram lengths the model reads
MAX_CHARS = 20_000  # how much of the model text it reads
MIN_WORDING = 3  # a text with fewer letters than this (a number, a link) is not judged by its wording
FULL_LETTERS = 20  # from this many letters on, the wording counts fully
# The corpus is Japanese but for a few dozen messages: the model has not learned how English
# scams and English everyday messages differ, and reads any English as ordinary. Its lean counts
# fully while at least half of a text's letters are not Latin (Japanese with names such as
# Apple ID or PayPay in it), and falls to nothing as the text turns wholly Latin; measured over
# the first LANGUAGE_SPAN characters (what language a message is in shows at its start).
LANGUAGE_SPAN = 400
_LATIN = re.compile(r"[a-z]")  # the model text is folded to lower case
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script (the marks are private-use: not letters)
LINK_MARK = "\ue000"
NUMBER_MARK = "\ue001"
BRAND_MARK = "\ue002"
MARKS = LINK_MARK + NUMBER_MARK + BRAND_MARK
_MARK_SET = frozenset(MARKS)
_SPACE_RUN = re.compile(r" {2,}")  # in the text with each spacing character a space: one space for the run
_SPACE = re.compile(r"\s")
_DIGIT = re.compile(r"\d")


class ModelFileError(ValueError):
    """``resources/model/wording.json`` is missing or malformed."""


@dataclass(frozen=True, slots=True)
class WordingModel:
    orders: tuple[int, ...]
    bias: float
    weights: dict[str, float]
    max_chars: int  # the model reads this much of the model text
    corpus_sha256: str  # what it was trained on (see core.corpus.Corpus.digest)
    corpus_messages: int
    trainer: dict[str, object]
    # The n-grams of the longest order with a weight above zero (1) and below zero (-1): where
    # explaining_spans looks for what pushed a score each way. Worked out from ``weights``.
    pointing: dict[int, frozenset[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        longest = max(self.orders)
        pointing = {
            1: frozenset(g for g, w in self.weights.items() if len(g) == longest and w > 0),
            -1: frozenset(g for g, w in self.weights.items() if len(g) == longest and w < 0),
        }
        object.__setattr__(self, "pointing", pointing)

    def margin(self, grams: set[str]) -> float:
        """Log-odds that the text is a scam, from its n-gram set (the bias included)."""
        return self.bias + self.evidence(grams)

    def evidence(self, grams: set[str]) -> float:
        """What the text's own wording adds to the log-odds (the margin without the bias: zero
        for a text whose n-grams the model knows nothing about). The judgement weighs this, so
        that the corpus's share of scams is not taken for a sign in every message.

        Each n-gram is looked up once (an unknown one gives None, left out of the sum): on a
        long text these look-ups in a large table are most of the model's time."""
        return math.fsum(filter(None, map(self.weights.get, grams))) * worth(len(grams))


@dataclass(frozen=True, slots=True)
class ModelText:
    """The text the model reads, and for each of its characters the normalised range it stands for."""

    text: str
    starts: Sequence[int]
    ends: Sequence[int]


def model_text(norm: NormalizedText, marked: Iterable[tuple[Span, str]], max_chars: int) -> ModelText:
    """What the model reads (see the module docstring), at most ``max_chars`` characters.

    ``marked`` are ``((start, end), mark)`` ranges of the ORIGINAL text to be replaced by one mark
    each (the links, phone numbers and names the extractors found), or left out where the mark
    is empty.
    """
    source = norm.text
    limit = min(len(source), 2 * max_chars)  # enough to fill max_chars: the work stays bounded
    # Digits as 0 and every spacing character as a space, one character for one, so offsets hold.
    plain = _SPACE.sub(" ", _DIGIT.sub("0", source[:limit]))
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for (a, b), mark in sorted(_to_normalised(norm, marked)):
        if a >= limit:
            break
        if a < pos:
            continue
        _plain(plain, pos, a, pieces, starts, ends)
        if mark:
            pieces.append(mark)
            starts.append(a)
            ends.append(b)
        else:
            pieces.append(" ")  # what is left out still parts the words around it
            starts.append(a)
            ends.append(max(a, b))
        pos = b
    _plain(plain, pos, max(pos, limit), pieces, starts, ends)
    text = "".join(pieces)[:max_chars]
    return ModelText(text=text, starts=starts[:len(text)], ends=ends[:len(text)])


def _plain(plain: str, a: int, b: int, pieces: list[str], starts: list[int], ends: list[int]) -> None:
    """Copy ``plain[a:b]`` with each run of spaces as one space."""
    pos = a
    for m in _SPACE_RUN.finditer(plain, a, b):
        _copy(plain, pos, m.start(), pieces, starts, ends)
        pieces.append(" ")
        starts.append(m.start())
        ends.append(m.end())
        pos = m.end()
    _copy(plain, pos, b, pieces, starts, ends)


def _copy(plain: str, a: int, b: int, pieces: list[str], starts: list[int], ends: list[int]) -> None:
    if a >= b:
        return
    pieces.append(plain[a:b])
    starts.extend(range(a, b))
    ends.extend(range(a + 1, b + 1))


def _to_normalised(norm: NormalizedText, marked: Iterable[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Original-text ranges as normalised-text ranges (the normalised characters they cover)."""
    out = []
    for (start, end), mark in marked:
        a = bisect_left(norm.starts, start)
        b = bisect_left(norm.starts, end)
        if a < b:
            out.append(((a, b), mark))
    return out


def letters(text: str, enough: int) -> int:
    """How many letters of a model text are words (not marks, digits or spacing), counted up to
    ``enough``."""
    count = 0
    for ch in text:
        if ch not in MARKS and not ch.isspace() and ch != "0":
            count += 1
            if count >= enough:
                break
    return count


def confidence(text: str) -> float:
    """How far the wording of a model text can be judged, from 0 to 1: a number or a link alone
    has no wording (0); a greeting of a few letters says little, so its weight grows with its
    length up to FULL_LETTERS letters (1); and an English message is judged by the rules alone
    (see LANGUAGE_SPAN)."""
    count = letters(text, FULL_LETTERS)
    if count < MIN_WORDING:
        return 0.0
    return min(1.0, count / FULL_LETTERS) * min(1.0, 2.0 * (1.0 - latin_share(text[:LANGUAGE_SPAN])))


def latin_share(text: str) -> float:
    """The share of the letters of ``text`` (kana, kanji, Latin ...; not digits, punctuation,
    spacing or marks) that are Latin."""
    counted = len(_LETTER.findall(text))
    return len(_LATIN.findall(text)) / counted if counted else 0.0


def worth(count: int) -> float:
    """What each n-gram of a text with ``count`` distinct n-grams is worth."""
    return 1.0 / math.sqrt(max(count, 1))


def grams_of(text: str, orders: Sequence[int]) -> frozenset[str]:
    """The distinct n-grams of ``text`` for each order in ``orders``."""
    if orders == (1, 2, 3):  # the model's own orders, built without slicing in Python
        pairs = list(map(str.__add__, text, text[1:]))
        return frozenset(chain(text, pairs, map(str.__add__, pairs, text[2:])))
    return frozenset(text[i:i + n] for n in orders for i in range(len(text) - n + 1))


def explaining_spans(model: WordingModel, mtext: ModelText, norm: NormalizedText,
                     grams: set[str], sign: int, most: int) -> tuple[Span, ...]:
    """Where the n-grams that pushed the score most in direction ``sign`` are, in the original text
    (``grams``: the text's n-grams).

    The strongest ``most`` n-grams of the longest order (three characters: shorter ones are
    particles and pieces of words a person cannot read as a reason) are located, merged where
    they overlap, and mapped back to what was pasted. N-grams that hold a link's, number's or name's
    mark are left out: those have reasons of their own, and the wording is what this one shows.
    """
    weights = model.weights
    longest = max(model.orders)
    pointing = [(sign * weights[g], g) for g in grams & model.pointing[sign]]
    strongest = sorted(pointing, reverse=True)[:4 * most]
    candidates = [g for _, g in strongest if len(g.strip()) == longest and _MARK_SET.isdisjoint(g)][:most]
    ranges: list[tuple[int, int]] = []
    text = mtext.text
    for gram in candidates:
        at = text.find(gram)
        found = 0
        while at >= 0 and found < 3:
            first, last = at, at + len(gram) - 1
            while text[first] == " " and first < last:
                first += 1
            while text[last] == " " and last > first:
                last -= 1
            ranges.append((mtext.starts[first], mtext.ends[last]))
            found += 1
            at = text.find(gram, at + 1)
    merged: list[list[int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return tuple(norm.to_original(a, b) for a, b in merged if b > a)


# --- the shipped model -----------------------------------------------------------------------


def read_model(data: str) -> WordingModel:
    """A model from the JSON text of ``wording.json``; ModelFileError when it is not one."""
    try:
        raw = json.loads(data)
        if raw.get("format") != FORMAT:
            raise ModelFileError(f"format {raw.get('format')!r}, expected {FORMAT}")
        orders = tuple(int(n) for n in raw["orders"])
        weights = raw["weights"]
        features = (orders, int(raw["max_chars"]))
        if features != (ORDERS, MAX_CHARS):
            raise ModelFileError(f"wording.json was trained on other features {features}; "
                                 f"this code reads {(ORDERS, MAX_CHARS)}")
        if not isinstance(weights, dict):
            raise ModelFileError("weights are malformed")
        try:  # one pass in C: every weight a finite number (a string or null raises TypeError)
            finite = math.isfinite(math.fsum(weights.values()))
        except TypeError:
            finite = False
        if not finite:
            raise ModelFileError("a weight is not a finite number")
        bias = float(raw["bias"])
        if not math.isfinite(bias):
            raise ModelFileError("the bias is not a finite number")
        return WordingModel(
            orders=orders,
            bias=bias,
            weights=weights,
            max_chars=int(raw["max_chars"]),
            corpus_sha256=str(raw["corpus"]["sha256"]),
            corpus_messages=int(raw["corpus"]["messages"]),
            trainer=dict(raw.get("trainer", {})),
        )
    except ModelFileError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ModelFileError(f"wording.json: {exc}") from None


def read_shipped_model() -> WordingModel:
    path = resources.files("resources") / "model" / "wording.json"
    try:
        return read_model(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelFileError("resources/model/wording.json is missing") from None


@cache
def shipped_model() -> WordingModel:
    """The shipped model (from the build's snapshot when it is current)."""
    return snapshot.kept("wording_model", read_shipped_model)
