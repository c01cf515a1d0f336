"""The labelled messages the detector is trained and measured on (``corpus/messages.jsonl``).

One JSON object a line: ``id``, ``text``, ``label`` (scam / genuine), ``family``, ``lang``,
``channel``, ``source`` (the public page it was quoted from, or ``written``) and optional
``numbers``, ``urls`` and ``note``. The corpus lives beside the code, is never shipped, and is
read only by ``python -m core corpus``, ``eval`` and ``train``.

:func:`problems` is the validator behind ``python -m core corpus check``: bad records, sources
kept for an independent evaluation (``corpus/reserved-sources.txt``), and duplicates or
variants of one template anywhere in the corpus (which would let a message be learned from on
one side of a cross-validation split and measured on the other).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import bounded_json

LABELS = ("scam", "genuine")
LANGS = ("ja", "en")
CHANNELS = ("sms", "email", "line", "call", "letter", "web", "unknown")
WRITTEN = "written"
_REQUIRED = {"id": str, "text": str, "label": str, "family": str, "lang": str, "channel": str,
             "source": str}
_OPTIONAL = {"numbers": list, "urls": list, "note": str}
_ID = re.compile(r"^msg-[0-9a-f]{10}$")
_FAMILY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffd]")
MAX_TEXT = 20_000

# --- what counts as one template (the conventions of the corpus README) ----------------------
SIMILAR = 0.8  # difflib ratio at or above which two texts are one template
SHARED_RUN = 40  # a verbatim run this long (normalised) ...
SHARED_RUN_SHARE = 0.5  # ... covering this share of the shorter text: the same kit or template
MIN_CONTAINED = 12  # a text this long (normalised) found inside another is that other's copy
_SHINGLE = 6
_MASKING = "x*○〇●×◯~…・※"
_URLISH = re.compile(r"(?:h..ps?|ttps?)://\S*|www\.\S*|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?")
_NAMES = re.compile(r"[\u30a0-\u30ffa-z]+")  # katakana and latin runs: company and person names


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    text: str
    label: str
    family: str
    lang: str
    channel: str
    source: str
    note: str = ""
    numbers: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()

    @property
    def is_scam(self) -> bool:
        return self.label == "scam"

    @property
    def site(self) -> str:
        """The group a cross-validation keeps together: the source's host (``written`` for ours)."""
        return site_of(self.source)


@dataclass(frozen=True, slots=True)
class Problem:
    line: int  # 1-based line in the file (0: the file as a whole)
    what: str
    other_line: int = 0

    def __str__(self) -> str:
        also = f" (and line {self.other_line})" if self.other_line else ""
        return f"line {self.line}{also}: {self.what}"


@dataclass
class Corpus:
    messages: list[Message] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # file line of each message
    problems: list[Problem] = field(default_factory=list)

    def digest(self) -> str:
        """SHA-256 over what training reads (ids, texts, labels), in id order."""
        h = hashlib.sha256()
        for m in sorted(self.messages, key=lambda m: m.id):
            h.update(json.dumps([m.id, m.text, m.label], ensure_ascii=False).encode("utf-8"))
            h.update(b"\n")
        return h.hexdigest()


def site_of(source: str) -> str:
    if source == WRITTEN:
        return WRITTEN
    host = (urlsplit(source).hostname or source).lower().rstrip(".")  # "example.jp." is example.jp
    return host[4:] if host.startswith("www.") else host


def message_id(text: str) -> str:
    """``msg-`` and the start of a SHA-256 over the text with spacing collapsed."""
    key = " ".join(unicodedata.normalize("NFKC", text).split())
    return "msg-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


def same_page(a: str, b: str) -> bool:
    return _page_key(a) == _page_key(b)


def _page_key(url: str) -> str:
    """One key for every way of writing a page's address: no scheme, no ``www.``, no trailing
    slash, percent-escapes decoded and width folded (a Japanese path is written both ways)."""
    url = unicodedata.normalize("NFKC", unquote(url.strip()))
    url = re.sub(r"^https?://", "", url, flags=re.IGNORECASE)
    url = re.sub(r"^www\.", "", url, flags=re.IGNORECASE)
    host, _, path = url.rstrip("/").partition("/")
    return host.lower() + ("/" + path if path else "")


def read_reserved(path: Path) -> frozenset[str]:
    """Page keys of the addresses listed in a reserved-sources file (``#`` starts a comment)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return frozenset()
    return frozenset(_page_key(line) for line in (raw.split("#", 1)[0].strip() for raw in lines) if line)


def load(path: Path, reserved: Path | None = None) -> Corpus:
    """Every record of ``path`` that is well formed, and what is wrong with the rest.

    ``reserved`` (default: ``reserved-sources.txt`` beside ``path``) lists pages that must not
    feed the corpus.
    """
    path = Path(path)
    reserved_pages = read_reserved(reserved if reserved is not None else path.parent / "reserved-sources.txt")
    corpus = Corpus()
    seen_ids: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                record = bounded_json.loads(raw)
            except bounded_json.JsonInputError as exc:
                corpus.problems.append(Problem(lineno, f"not JSON ({exc.code.replace('_', ' ')}): {exc}"))
                continue
            what = _record_problem(record, reserved_pages)
            if what:
                corpus.problems.append(Problem(lineno, what))
                continue
            if record["id"] in seen_ids:
                corpus.problems.append(Problem(lineno, f"duplicate id {record['id']}", seen_ids[record["id"]]))
                continue
            seen_ids[record["id"]] = lineno
            corpus.messages.append(Message(
                id=record["id"], text=record["text"], label=record["label"], family=record["family"],
                lang=record["lang"], channel=record["channel"], source=record["source"],
                note=record.get("note", ""), numbers=tuple(record.get("numbers", ())),
                urls=tuple(record.get("urls", ())),
            ))
            corpus.lines.append(lineno)
    return corpus


def _record_problem(record: object, reserved_pages: frozenset[str]) -> str:
    if not isinstance(record, dict):
        return "not a JSON object"
    missing = [k for k in _REQUIRED if k not in record]
    if missing:
        return f"missing {missing}"
    unknown = set(record) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        return f"unknown keys {sorted(unknown)}"
    for key, kind in {**_REQUIRED, **_OPTIONAL}.items():
        if key in record and not isinstance(record[key], kind):
            return f"'{key}' has the wrong type"
    if not _ID.match(record["id"]):
        return f"id {record['id']!r} is not msg- and 10 hex digits"
    text = record["text"]
    if not text.strip():
        return "empty text"
    if len(text) > MAX_TEXT:
        return f"text longer than {MAX_TEXT:,} characters"
    if _CONTROL.search(text):
        return "control characters or U+FFFD in the text"
    if record["label"] not in LABELS:
        return f"label must be one of {LABELS}"
    if record["lang"] not in LANGS:
        return f"lang must be one of {LANGS}"
    if record["channel"] not in CHANNELS:
        return f"channel must be one of {CHANNELS}"
    if not _FAMILY.match(record["family"]):
        return f"family {record['family']!r} is not a lower-case slug"
    source = record["source"]
    if source == WRITTEN:
        if record["label"] != "genuine":
            return "only genuine messages may be written by us; scams must be real"
    elif not re.match(r"^https?://[^\s/]+", source):
        return "source must be the page's address (http/https) or 'written'"
    elif _page_key(source) in reserved_pages:
        return "source is a page kept for the independent evaluation"
    return ""


# --- duplicates and template variants --------------------------------------------------------


def template_key(text: str) -> str:
    """The text reduced to what a template keeps: no spacing, digits, masking, punctuation or links."""
    folded = unicodedata.normalize("NFKC", text).lower()
    folded = _URLISH.sub("", folded)
    return "".join(
        ch for ch in folded
        if not ch.isspace() and not ch.isdigit() and ch not in _MASKING
        and not unicodedata.category(ch).startswith(("P", "S"))
    )


def _without_names(key: str) -> str:
    return _NAMES.sub("", key)


def _longest_run(a: str, b: str) -> int:
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size


class TemplateIndex:
    """Template keys of the messages seen so far, to find the ones a new message is a variant of.

    Candidates share several 6-character shingles of their template keys; each candidate is then
    tested as the corpus README describes. Messages with different labels are never variants of
    each other: a scam and a genuine notice worded alike are a hard case to keep, and cannot
    flatter a cross-validated figure.
    """

    def __init__(self) -> None:
        self._messages: list[Message] = []
        self._keys: list[str] = []
        self._sizes: list[int] = []
        self._by_key: dict[tuple[str, str], int] = {}
        self._index: dict[str, list[int]] = defaultdict(list)

    def variant_of(self, message: Message) -> tuple[int, str] | None:
        """``(position, why)`` of an earlier message this one is a variant of, else None."""
        key = template_key(message.text)
        same = self._by_key.get((message.label, key))
        if same is not None:
            return same, "the same text"
        grams = _shingles(key)
        counts: dict[int, int] = defaultdict(int)
        for g in grams:
            for j in self._index.get(g, ()):
                counts[j] += 1
        for j, shared in sorted(counts.items()):
            if self._messages[j].label != message.label:
                continue
            if shared < max(2, 0.3 * min(len(grams), self._sizes[j])):
                continue
            why = _why_variant(key, self._keys[j])
            if why:
                return j, why
        return None

    def add(self, message: Message) -> int:
        key = template_key(message.text)
        position = len(self._messages)
        self._messages.append(message)
        self._keys.append(key)
        grams = _shingles(key)
        self._sizes.append(len(grams))
        self._by_key.setdefault((message.label, key), position)
        for g in grams:
            self._index[g].append(position)
        return position


def _shingles(key: str) -> set[str]:
    if not key:
        return set()
    return {key[k:k + _SHINGLE] for k in range(max(len(key) - _SHINGLE + 1, 1))}


def variant_pairs(messages: list[Message]) -> Iterable[tuple[int, int, str]]:
    """Pairs ``(i, j, why)``, ``i < j``, of messages that are one template."""
    index = TemplateIndex()
    for j, message in enumerate(messages):
        found = index.variant_of(message)
        if found:
            yield found[0], j, found[1]
        index.add(message)


def _why_variant(a: str, b: str) -> str:
    short, long_ = sorted((a, b), key=len)
    if len(short) >= MIN_CONTAINED and short in long_:
        return "one text contains the other"
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR:
        return f"{matcher.ratio():.0%} alike"
    na, nb = _without_names(a), _without_names(b)
    if min(len(na), len(nb)) >= MIN_CONTAINED:
        named = SequenceMatcher(None, na, nb, autojunk=False)
        if named.quick_ratio() >= SIMILAR and named.ratio() >= SIMILAR:
            return f"{named.ratio():.0%} alike once names are left out"
    run = _longest_run(a, b)
    if run >= SHARED_RUN and run >= SHARED_RUN_SHARE * len(short):
        return f"share a verbatim run of {run} characters"
    return ""



def problems(corpus: Corpus) -> list[Problem]:
    """Everything the validator rejects: bad records and template variants."""
    found = list(corpus.problems)
    for i, j, why in variant_pairs(corpus.messages):
        found.append(Problem(corpus.lines[j], f"a variant of another message: {why}", corpus.lines[i]))
    return sorted(found, key=lambda p: (p.line, p.other_line))
