"""``check(text) -> Verdict``: the one entry point of the core.

Two steps. :func:`analyse` reads the text: bound the input -> normalise -> find brands, phone
numbers and links -> fire pattern rules and computed signals -> drop what a clause says someone
never does -> set aside what a warning about scams only quotes (see below) -> fire named
combinations -> the n-grams the wording model reads.
:func:`decide` weighs it: the rules' points (their scores, with per-group caps, times a weight),
plus the wording model's points, against the thresholds chosen by cross-validation
(``resources/model/judgement.toml``, see :mod:`core.judgement`). Reasons are the fired rules and
the model's reason themselves, with the spans that fired them, so what the user reads is exactly
what was scored, and the level comes from the sum of the points the reasons show.

Safeguards, so that no sentence a scammer adds can switch the check off:

- A warning about scams (a police or council notice quoting a scam) takes away only the score
  of what it quotes or reports, and only when the message asks the reader to do nothing
  (``ASKS_TO_ACT``: a live link, a number to call back, a payment, a code or personal data).
  A message that asks the reader to act is judged on that request, whatever it says about
  scams; the wording model does not read its warning.
- "We never ask for X" takes away the patterns in that clause: they are not asked of the reader.
  The rest of its sentence counts for points but sets no floor ("お宅に伺うことはありますが、
  …することはありません" says both what is and what is never done).
- Ordinary wording cannot lower a message that asks the reader to act; a warning that asks
  nothing is not made a scam by its wording alone.
- Signs of an ordinary notice (official links, ordinary wording) soften a verdict by one step at
  most, never clear it: what the warnings alone make danger stays at least caution. Hard
  evidence (a rule's ``floor``) sets the least level, when the message says it in its own voice.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from itertools import accumulate, groupby
from operator import itemgetter
import time
from collections.abc import Callable, Collection, Container, Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TypeVar

from . import snapshot
from .brands import LINKS_ELSEWHERE, BrandMention, find_brands, load_brands
from .guidance import GuidanceFileError, load_guidance
from .judgement import Judgement, JudgementFileError, highest, shipped_judgement, total
from .links import find_links, link_lists, ordered_risks
from .messages import load_messages, message
from .model import (
    BRAND_MARK, LINK_MARK, MAX_CHARS, NUMBER_MARK, ORDERS, ModelFileError, ModelText, WordingModel,
    confidence, explaining_spans, grams_of, model_text, shipped_model,
)
from .normalize import NormalizedText, extra_bytes, normalize
from .numbers import digits_key, find_numbers, is_number_only, number_lists
from .prefilter import LiteralIndex
from .rules import Rule, RuleFileError, RuleSet, compiled, load_rules, positive_ids
from .verdict import (
    CheckError, ErrorCode, Level, Link, LinkRisk, Listing, NumberKind, PhoneNumber, Reason,
    ReasonKind,
    Span, Text, Verdict,
)

# Ids of the signals the extractors and the model fire. Their wording and scores are in
# resources/rules/computed.toml; a test checks that every id here has a record there.
COMPUTED_IDS = (
    "PHONE_NUMBER", "NUMBER_KNOWN_SCAM", "NUMBER_IP_PHONE", "NUMBER_INTERNATIONAL",
    "NUMBER_PREMIUM", "NUMBER_MOBILE", "NUMBER_LANDLINE", "NUMBER_MASKED", "NUMBER_OFFICIAL",
    "NUMBER_POLICE_STATION", "NUMBER_NOT_LISTED", "NUMBER_ONLY", "OFFICIAL_CONTACT_ONLY",
    "LINK_PRESENT", "LINK_LIVE", "LINK_LOOKALIKE", "LINK_IP_ADDRESS", "LINK_PUNYCODE",
    "LINK_FREE_HOSTING", "LINK_ODD_TLD", "LINK_SHORTENER", "LINK_NOT_OFFICIAL", "LINK_OFFICIAL",
    "LINK_MASKED", "LINK_ODD_SCHEME",
    "BRAND_NAMED", "BRAND_MISSPELT",
    "NAMES_CARRIER", "NAMES_BANK", "NAMES_CARD", "NAMES_PAYMENT", "NAMES_SHOPPING",
    "NAMES_DELIVERY", "NAMES_GOVERNMENT", "NAMES_COURT", "NAMES_POLICE", "NAMES_UTILITY",
    "NAMES_BROADCASTER", "NAMES_TRANSPORT", "NAMES_TECH", "NAMES_CONTENT", "NAMES_MUNICIPAL",
    "QUOTED_SCAM_WORDS", "SCAM_WORDING", "ORDINARY_WORDING",
)
# The combination that says what counts as asking the reader to act, and the one that
# recognises a warning about scams (both in resources/rules/combinations.toml).
ASKS_TO_ACT = "ASKS_TO_ACT"
TALKS_ABOUT_SCAMS = "TALKS_ABOUT_SCAMS"
REPORTING_SIGNALS = ("TALKS_ABOUT_SCAMS", "REPORTS_AN_INCIDENT", "REPORTED_SPEECH", "TELLS_WHAT_WAS_SAID")
# What makes a text that names a scam a warning or an account of one (its quotes may then be set
# aside): advice, an incident, or saying outright what was said or sent. Reported speech alone
# (a passive verb, "という") does not: callers and lures use it too.
WARNING_CONTEXT = ("WARNS_READER", "REPORTS_AN_INCIDENT", "TELLS_WHAT_WAS_SAID")
WARNS_READER = "WARNS_READER"
TELLS_WHAT_WAS_SAID = "TELLS_WHAT_WAS_SAID"
HEARSAY = "HEARSAY"
NEVER_DOES = "NEVER_DOES"
# Sentences holding these are not the message's own voice for hard evidence: what someone said
# ("...って言われた"), what someone never does ("...ことは絶対にありません"). The clause that
# says what is never done is also taken out of what fired before anything is weighed
# (_set_denials_aside); the rest of its sentence ("お宅に伺うことはありますが、…") still gives no floor.
NOT_OWN_VOICE = (HEARSAY, NEVER_DOES)
SPEAKS_TO_YOU = "SPEAKS_TO_YOU"
QUOTED = "QUOTED_SCAM_WORDS"
SCAM_WORDING = "SCAM_WORDING"
ORDINARY_WORDING = "ORDINARY_WORDING"
# Signals that stay where they are even inside a quote: a link that can be opened is a link
# that can be opened, a number known from scams is that number, and the context signals are
# what recognise the quote.
_NEVER_QUOTED = frozenset({"LINK_LIVE", "NUMBER_KNOWN_SCAM", *REPORTING_SIGNALS, *WARNING_CONTEXT})
_LINK_SIGNALS = {
    LinkRisk.LOOKALIKE: "LINK_LOOKALIKE",
    LinkRisk.IP_ADDRESS: "LINK_IP_ADDRESS",
    LinkRisk.PUNYCODE: "LINK_PUNYCODE",
    LinkRisk.FREE_HOSTING: "LINK_FREE_HOSTING",
    LinkRisk.ODD_TLD: "LINK_ODD_TLD",
    LinkRisk.SHORTENER: "LINK_SHORTENER",
    LinkRisk.NOT_OFFICIAL: "LINK_NOT_OFFICIAL",
    LinkRisk.OFFICIAL: "LINK_OFFICIAL",
    LinkRisk.MASKED: "LINK_MASKED",
    LinkRisk.ODD_SCHEME: "LINK_ODD_SCHEME",
}
_NUMBER_SIGNALS = {
    NumberKind.IP_PHONE: "NUMBER_IP_PHONE",
    NumberKind.INTERNATIONAL: "NUMBER_INTERNATIONAL",
    NumberKind.PREMIUM: "NUMBER_PREMIUM",
    NumberKind.MOBILE: "NUMBER_MOBILE",
    NumberKind.FIXED_LINE: "NUMBER_LANDLINE",
    NumberKind.MASKED: "NUMBER_MASKED",
}
_NOT_CALLABLE = (NumberKind.SERVICE, NumberKind.SHORT_CODE)
# Junk: C0 control characters (other than tab and line breaks) and U+FFFD, the mark a decoder
# leaves for bytes that are not text. Counted over the whole paste; the check reads past them
# (normalisation removes them). Only a paste that is mostly junk is refused as not a message.
_JUNK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\ud800-\udfff]")
_JUNK_SHARE = 0.25  # of the characters that are not spaces
# Numbers the lists tie to a company or public body: confirmed on its own page, or only reported
# as its number. The detector weighs both alike; only what is printed about them differs.
_COMPANY_LISTED = (Listing.OFFICIAL, Listing.REPORTED)
_ENGINE_LOCK = threading.Lock()
T = TypeVar("T")
# Below this many characters a paste cannot grow past the byte limit by normalisation
# (one character becomes at most 18, of at most 3 bytes each).
_NO_GROWTH_RISK = 18_000
_GROWTH_CHUNK = 65_536
# A quote in a warning: what is inside Japanese or Western quotation marks, single ones included
# (an apostrophe between two letters, "couldn't", neither opens nor closes one).
_QUOTE = re.compile(r"「[^「」]{1,400}」|『[^『』]{1,400}』|“[^“”]{1,400}”|‘[^‘’\n]{1,400}’|\"[^\"\n]{1,400}\""
                    r"|(?<![A-Za-z])'(?=[A-Za-z])[^'\n]{0,400}?(?:[A-Za-z]'[A-Za-z][^'\n]{0,400}?)*(?<=[A-Za-z0-9.!?,])'(?![A-Za-z])")
_SENTENCE = re.compile(r"[^。!?\n]+[。!?]?")
# Where the clause a "...ことはありません" denies begins: after a sentence end or a clause joined by
# "so", "because", "but" ("…受け取れますので、ご心配いただくことはありません" denies only the worry).
_CLAUSE_BREAK = re.compile(r"[。!?\n]|(?:ので|から|けど|けれど|ため|が)[、,]")
_CLAUSE_REACH = 200  # characters looked back for it; a longer clause is cut there
# A line of a list: in a warning, lists enumerate the tricks or the advice.
_LIST_LINE = re.compile(r"^[ \t\u3000]*(?:[・●○◎◆◇■□▼▽★☆※⚫⚪➢➤→〇\-*]|\(?\d{1,2}[.)、)]|[①-⑳]).*$", re.MULTILINE)
# Spans of the model reason: how many n-grams are located, at most.
_EXPLAINED_NGRAMS = 12


@dataclass(frozen=True, slots=True)
class _Combination:
    rule: Rule
    explained_by: tuple[str, ...]  # the ids whose presence helps it: their spans are its spans
    holds: Callable[[Container[str]], bool]  # its 'when' (see rules.compiled)


@dataclass(frozen=True, slots=True)
class _Engine:
    rules: RuleSet
    by_id: dict[str, Rule]
    position: dict[str, int]  # rule id -> its place in file order
    link_notes: dict[LinkRisk, Text]
    literals: LiteralIndex  # which patterns could match a text (see core.prefilter)
    combinations: tuple[_Combination, ...]  # in file order
    floored: tuple[Rule, ...]  # the rules with a floor (hard evidence), in file order
    backers: frozenset[str]  # the warning rules that can back danger (see backs_danger)


@dataclass(frozen=True, slots=True)
class _Weights:
    model: WordingModel
    judgement: Judgement


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the rules and the model's input make of one text, before anything is weighed."""

    text_length: int
    analysed_length: int
    number_only: bool
    norm: NormalizedText
    numbers: tuple[PhoneNumber, ...]
    links: tuple[Link, ...]
    fired: dict[str, list[Span]]  # rule id -> spans in the original text
    quoted: tuple[Span, ...]  # what a warning quotes, set aside (spans of the signals found there)
    quotations: tuple[Span, ...]  # every quotation in the text (「...」 and the like)
    warns_about_scams: bool  # a warning about scams that asks nothing of the reader (SCAM_WARNING)
    asks_to_act: bool
    model_text: ModelText
    grams: frozenset[str]
    junk_characters: int = 0  # control characters and U+FFFD in what was examined (left out)

    @property
    def truncated(self) -> bool:
        return self.analysed_length < self.text_length


def _loaded_engine() -> _Engine:
    """The rules' engine, or a coded error naming the broken data file (never a traceback).

    Built once under a lock: the window warms it up in the background while a first check
    may already be asking for it.
    """
    return _loaded(_engine)


def _loaded_weights() -> _Weights:
    """The wording model and the judgement, or a coded error naming the broken data file."""
    return _loaded(_weights)


def _loaded(build: Callable[[], T]) -> T:
    try:
        with _ENGINE_LOCK:
            return build()
    except (RuleFileError, ModelFileError, JudgementFileError, ValueError, OSError, UnicodeDecodeError) as exc:
        try:
            said = message("error.data_file", detail=exc)
        except Exception:  # noqa: BLE001 - the messages file itself may be the broken one
            said = Text(f"データファイルが壊れています({exc})", f"A data file is broken ({exc})")
        raise CheckError(ErrorCode.DATA_FILE, said) from exc


@cache
def _engine() -> _Engine:
    load_messages()  # read now, with the lists, so a broken file shows up here
    brand_list, number_list, link_list = load_brands(), number_lists(), link_lists()
    del brand_list, number_list, link_list
    rules = snapshot.kept("rules", load_rules)
    by_id = rules.by_id()
    missing = [i for i in (*COMPUTED_IDS, ASKS_TO_ACT, *REPORTING_SIGNALS, *WARNING_CONTEXT, SPEAKS_TO_YOU, *NOT_OWN_VOICE)
               if i not in by_id]
    if missing:
        raise RuleFileError("computed.toml", f"missing records for {missing}")
    notes = {risk: by_id[sig].detail for risk, sig in _LINK_SIGNALS.items()}
    notes[LinkRisk.NONE] = by_id["LINK_PRESENT"].detail
    patterns = [(r, rule) for r, rule in enumerate(rules.rules) if rule.kind == "pattern"]
    literals = LiteralIndex({(r, i): lits for r, rule in patterns for i, lits in enumerate(rule.prefilters)},
                            {(r, i): more for r, rule in patterns for i, more in enumerate(rule.also_required)})
    combinations = tuple(_Combination(rule, tuple(sorted(positive_ids(rule.when))), compiled(rule.when))
                         for rule in rules.rules if rule.kind == "combination")
    return _Engine(rules=rules, by_id=by_id, position={r.id: i for i, r in enumerate(rules.rules)},
                   link_notes=notes, literals=literals, combinations=combinations,
                   floored=tuple(r for r in rules.rules if r.floor is not None),
                   backers=frozenset(r.id for r in rules.rules if r.score >= rules.levels.danger_backing
                                     and r.backs_danger and r.id != SCAM_WORDING))


@cache
def _weights() -> _Weights:
    return _Weights(model=shipped_model(), judgement=shipped_judgement())


def load() -> None:
    """Read every resource now: rules (each pattern checked; compiled when a text first needs
    it), the wording model, lists and guidance, and load phonenumbers. The packaged app takes
    what the files hold from a snapshot made by the build (see :mod:`core.snapshot`) when it is
    current.

    The window calls this at start-up, off the GUI thread, so the first check is quick.
    """
    _loaded_engine()
    _loaded_weights()
    try:
        load_guidance()
    except GuidanceFileError:
        pass  # the guidance view says what is broken when it is opened; checking still works
    # One small check loads phonenumbers' metadata for Japan and compiles the common patterns.
    check("０３-１２３４-５６７８ https://example.com/ 本日中にご連絡ください")


def max_input_bytes() -> int:
    """How much of a text a check examines, in UTF-8 bytes (``[limits] max_bytes``).

    A text whose UTF-8 form fits is judged whole; a longer one is cut and the verdict says so.
    Raises :class:`CheckError` (``ErrorCode.DATA_FILE``) when the data files cannot be read.
    """
    return _loaded_engine().rules.levels.max_bytes


class _OutOfTime(Exception):
    """The check ran past its deadline (caught in :func:`analyse`, never seen by callers)."""


@dataclass(slots=True)
class _Watch:
    """Looked at between the passes of a check: stops it when asked to, or when it is late."""

    deadline: float | None  # on this thread's processor time (time.thread_time)
    stop: Callable[[], bool] | None
    # As many seconds from the start on the wall clock. A thread's processor time never runs
    # ahead of the wall clock, so it is only read (a much slower call) once this has passed.
    wall_deadline: float = 0.0

    @classmethod
    def starting_now(cls, seconds: float | None, stop: Callable[[], bool] | None) -> _Watch:
        """A watch whose deadline is ``seconds`` of processor time from now (None: no deadline)."""
        if seconds is None:
            return cls(None, stop)
        return cls(time.thread_time() + seconds, stop, time.perf_counter() + seconds)

    def __call__(self) -> None:
        if self.stop is not None and self.stop():
            raise CheckError(ErrorCode.CANCELLED, message("error.cancelled"))
        if (self.deadline is not None and time.perf_counter() > self.wall_deadline
                and time.thread_time() > self.deadline):
            raise _OutOfTime


def check(text: str, *, stop: Callable[[], bool] | None = None) -> Verdict:
    """Judge one message (or a phone number pasted alone). Never opens a network connection.

    Raises :class:`CheckError` with ``ErrorCode.EMPTY`` for blank input and
    ``ErrorCode.NOT_TEXT`` for binary data. Input beyond the configured limit is cut and the
    verdict says so (``truncated``); so is input that would take longer than the configured
    deadline (the verdict is then on its start). ``stop`` is asked between the passes of the
    check; when it answers true the check ends with ``ErrorCode.CANCELLED``.
    """
    engine = _loaded_engine()
    weights = _loaded_weights()
    return decide(analyse(text, engine, stop=stop), weights.model, weights.judgement, engine)


def analyse(text: str, engine: _Engine | None = None, *, stop: Callable[[], bool] | None = None,
            deadline: bool = True) -> Analysis:
    """Everything the rules find in ``text`` and what the model will read (nothing weighed yet).

    With ``deadline`` (the default), a text that takes longer than ``[limits] deadline_seconds``
    is judged on its first ``after_deadline_bytes`` instead, marked as cut.
    """
    if not isinstance(text, str):
        raise TypeError("check() takes str")
    engine = engine or _loaded_engine()
    levels = engine.rules.levels
    if not text.strip():
        raise CheckError(ErrorCode.EMPTY, message("error.empty"))
    junk = sum(1 for _ in _JUNK.finditer(text))
    if junk and junk > _JUNK_SHARE * (len(text) - sum(1 for _ in re.finditer(r"\s", text))):
        raise CheckError(ErrorCode.NOT_TEXT, message("error.not_text"))
    limit = levels.max_bytes
    # The deadline is on the processor time this thread spends: a busy machine does not cut a check.
    watch = _Watch.starting_now(levels.deadline_seconds if deadline else None, stop)
    try:
        return _analyse(text, engine, _first_bytes(text, limit), watch, junk)
    except _OutOfTime:
        watch.deadline = None
        start = _first_bytes(text, min(limit, levels.after_deadline_bytes))
        return _analyse(text, engine, start, watch, junk)


def _analyse(text: str, engine: _Engine, analysed: str, watch: _Watch, junk_in_text: int) -> Analysis:
    levels = engine.rules.levels
    analysed = _within_limit_once_normalised(analysed, levels.max_bytes)
    junk = junk_in_text if len(analysed) == len(text) else sum(1 for _ in _JUNK.finditer(analysed))
    norm = normalize(analysed)
    if not norm.text.strip():
        raise CheckError(ErrorCode.EMPTY, message("error.empty"))
    watch()

    brands = find_brands(norm)
    watch()
    numbers = find_numbers(norm, levels.max_numbers)
    watch()
    found_links = find_links(
        norm, {m.brand.id for m in brands}, levels.max_links, lambda risk: engine.link_notes[risk]
    )
    links = _with_brand_judgement(found_links, brands, engine)
    watch()

    fired: dict[str, list[Span]] = {}
    _fire_patterns(norm, engine, fired, levels.max_spans_per_rule, watch)
    number_only = is_number_only(analysed)
    _fire_numbers(numbers, brands, links, number_only, norm, fired)
    _fire_links(links, fired)
    _fire_brands(brands, fired)
    quotations = [m.span() for m in _QUOTE.finditer(analysed)]
    fired = _set_denials_aside(norm, engine, fired)
    fired, quoted, asks, unread = _set_quotes_aside(norm, engine, fired, quotations)
    _fire_combinations(engine, fired)
    watch()

    mtext = model_text(
        norm,
        [(span, "") for span in unread]
        + [((link.start, link.end), LINK_MARK) for link in links]
        + [((n.start, n.end), NUMBER_MARK) for n in numbers]
        + [(span, BRAND_MARK) for m in brands for span in m.spans],
        MAX_CHARS,
    )
    return Analysis(
        text_length=len(text), analysed_length=len(analysed), number_only=number_only,
        norm=norm, numbers=numbers, links=links, fired=fired, quoted=quoted, asks_to_act=asks,
        quotations=tuple(quotations),
        warns_about_scams="SCAM_WARNING" in fired,
        model_text=mtext, grams=grams_of(mtext.text, ORDERS),
        junk_characters=junk,
    )


def backs_danger(engine: _Engine, reasons: Iterable[Reason]) -> bool:
    """Whether a warning among ``reasons`` can back a danger verdict: a rule (not the wording)
    that warned, scored at least the backing score of ``levels.toml`` in its rule file, and
    not marked ``backs_danger = false`` there."""
    return any(r.kind is ReasonKind.WARNING and r.score > 0 and r.id in engine.backers for r in reasons)


def decide(analysis: Analysis, model: WordingModel, judgement: Judgement,
           engine: _Engine | None = None) -> Verdict:
    """Weigh an analysis: rule scores plus the wording model's points, against the thresholds.

    :func:`check` passes the shipped model and judgement; cross-validation passes others.
    """
    engine = engine or _loaded_engine()
    own = said_in_own_voice(engine, analysis)  # for the rules' extras and the hard evidence
    reasons = _score(engine, analysis.fired, rule_points(judgement, own))
    if analysis.quoted:
        reasons.append(_reason(engine.by_id[QUOTED], 0.0, analysis.quoted, ReasonKind.INFO))
    points = judgement.model_points(model.evidence(analysis.grams),
                                    confidence(analysis.model_text.text), analysis.asks_to_act)
    if points > 0 and analysis.warns_about_scams:
        points = 0.0  # a warning that asks nothing is not made a scam by its wording alone
    if points:
        rule = engine.by_id[SCAM_WORDING if points > 0 else ORDINARY_WORDING]
        spans = explaining_spans(model, analysis.model_text, analysis.norm, analysis.grams,
                                 1 if points > 0 else -1, _EXPLAINED_NGRAMS)
        kind = ReasonKind.WARNING if points > 0 else ReasonKind.REASSURING
        reasons.append(_reason(rule, points, spans, kind))
    reasons.sort(key=lambda r: -r.score)
    score = max(total(r.score for r in reasons), 0.0)
    warnings = total(r.score for r in reasons if r.kind is ReasonKind.WARNING)
    hard = hard_evidence(engine, analysis, own)
    level = judgement.level(score, warnings, highest(r.floor for r in hard), backs_danger(engine, reasons))
    # The hard evidence says best what happened (a PIN asked for by a caller, not "wording often
    # seen in scams"): its reasons lead, then the other named patterns, then the wording (a
    # lean, however many points it adds: the patterns are what a reader can check and repeat),
    # then what informs or reassures; by score within each part, and so do their topics. Every
    # warning names its topic, also one whose score its group's cap used up: the walk-through
    # still asks about it first.
    hard_ids = {r.id for r in hard}
    reasons.sort(key=lambda r: (r.id not in hard_ids, _place(r)))  # stable: by score within each part
    topics = tuple(dict.fromkeys(r.topic for r in reasons if r.topic and r.kind is ReasonKind.WARNING))
    shown = tuple(r for r in reasons if engine.by_id[r.id].show)
    return Verdict(
        level=level,
        score=score,
        reasons=shown,
        phone_numbers=analysis.numbers,
        links=analysis.links,
        headline=_headline(engine, level, shown),
        topics=topics,
        number_only=analysis.number_only,
        truncated=analysis.truncated,
        analysed_length=analysis.analysed_length,
        text_length=analysis.text_length,
        junk_characters=analysis.junk_characters,
    )


def _place(reason: Reason) -> int:
    """Where a reason stands after the hard evidence: named warnings, the wording, the rest."""
    if reason.kind is ReasonKind.WARNING:
        return 1 if reason.id == SCAM_WORDING else 0
    return 2


def _first_bytes(text: str, limit: int) -> str:
    """The longest start of ``text`` whose UTF-8 form fits in ``limit`` bytes."""
    if len(text) * 4 <= limit:
        return text
    encoded = text[:limit].encode("utf-8", errors="surrogatepass")
    if len(encoded) <= limit:
        return text[:limit]
    for back in range(4):  # step back over a character cut in the middle
        try:
            return text[: len(encoded[: limit - back].decode("utf-8", errors="surrogatepass"))]
        except UnicodeDecodeError:
            continue
    return text[: limit // 4]


def _within_limit_once_normalised(text: str, limit: int) -> str:
    """The start of ``text`` whose normalised form still fits in ``limit`` UTF-8 bytes.

    Normalisation can make a text longer (one "ﷺ" becomes 18 characters): the limit on what
    a check examines holds for what it actually reads, not only for what was pasted. Each
    character is measured alone, which never undercounts (composing only shortens).
    """
    if len(text) < _NO_GROWTH_RISK:
        return text
    growth = {ch: extra for ch in set(text) if (extra := extra_bytes(ch)) > 0}
    if not growth:
        return text
    total = 0
    for at in range(0, len(text), _GROWTH_CHUNK):
        chunk = text[at:at + _GROWTH_CHUNK]
        size = _chunk_bytes(chunk, growth)
        if total + size > limit:
            for i, ch in enumerate(chunk):  # the one chunk that overflows, a character at a time
                total += len(ch.encode("utf-8", errors="surrogatepass")) + growth.get(ch, 0)
                if total > limit:
                    return text[:at + i]
        total += size
    return text


def _chunk_bytes(chunk: str, growth: dict[str, int]) -> int:
    grown = sum(chunk.count(ch) * extra for ch, extra in growth.items())
    return len(chunk.encode("utf-8", errors="surrogatepass")) + grown


def _fire_patterns(norm: NormalizedText, engine: _Engine, fired: dict[str, list[Span]], cap: int,
                   watch: Callable[[], None] = lambda: None) -> None:
    """Run the patterns the prefilter leaves (see :mod:`core.prefilter`), rule by rule in file
    order; the others cannot match. ``watch`` is asked once per rule."""
    text = norm.text
    rules = engine.rules.rules
    by_rule = groupby(sorted(engine.literals.candidates(text)), key=itemgetter(0))
    for r, keys in by_rule:
        rule = rules[r]
        watch()
        spans: list[Span] = []
        for _, index in keys:
            for m in rule.pattern(index).finditer(text):
                start, end = m.span()
                if end > start:
                    spans.append(norm.to_original(start, end))
                if len(spans) >= cap:
                    break
            if len(spans) >= cap:
                break
        if spans and not any(u.search(text) for u in rule.unless):
            fired[rule.id] = spans


def _fire(fired: dict[str, list[Span]], rule_id: str, spans) -> None:
    fired.setdefault(rule_id, []).extend(spans)


def _is_police_station(n: PhoneNumber, norm: NormalizedText) -> bool:
    """A landline ending in 0110 next to the name of a police station: the station's own line
    (Japanese police stations keep that ending), which a warning gives for questions."""
    if n.kind is not NumberKind.FIXED_LINE or not _digits(n).endswith("0110"):
        return False
    start = max(0, n.start - 40)
    return "警察" in norm.original[start:n.end + 10]


def _fire_numbers(numbers, brands: tuple[BrandMention, ...], links, number_only: bool,
                  norm: NormalizedText, fired) -> None:
    brand_numbers = {n for m in brands for n in m.brand.numbers}
    callable_numbers = [n for n in numbers if n.kind not in _NOT_CALLABLE]
    for n in callable_numbers:
        span = [(n.start, n.end)]
        if n.listed in _COMPANY_LISTED:
            _fire(fired, "NUMBER_OFFICIAL", span)
            continue
        if n.listed == Listing.NONE and _is_police_station(n, norm):
            _fire(fired, "NUMBER_POLICE_STATION", span)
            continue
        _fire(fired, "PHONE_NUMBER", span)
        if n.listed == Listing.KNOWN_SCAM:
            _fire(fired, "NUMBER_KNOWN_SCAM", span)
        signal = _NUMBER_SIGNALS.get(n.kind)
        if signal:
            _fire(fired, signal, span)
    if number_only:
        _fire(fired, "NUMBER_ONLY", [(n.start, n.end) for n in numbers])
        if all(n.listed == Listing.NONE for n in numbers):
            _fire(fired, "NUMBER_NOT_LISTED", [(n.start, n.end) for n in numbers])
    if (brands and callable_numbers and not links and all(
        n.listed in _COMPANY_LISTED and _digits(n) in brand_numbers for n in callable_numbers
    )) or (brands and not callable_numbers and not links and any(
        n.kind == NumberKind.SERVICE and _digits(n) in brand_numbers for n in numbers
    )):
        _fire(fired, "OFFICIAL_CONTACT_ONLY", [(n.start, n.end) for n in numbers])


def _digits(n: PhoneNumber) -> str:
    return digits_key(n.e164 or n.text)


def _with_brand_judgement(found: tuple[Link, ...], brands: tuple[BrandMention, ...], engine: _Engine) -> tuple[Link, ...]:
    """Add NOT_OFFICIAL to links that leave every brand the message names."""
    named = [m.brand for m in brands if m.brand.category not in LINKS_ELSEWHERE]
    well_known = link_lists().well_known
    out = []
    judged_elsewhere = {LinkRisk.OFFICIAL, LinkRisk.LOOKALIKE, LinkRisk.SHORTENER, LinkRisk.MASKED}
    for link in found:
        domain = link.registrable_domain
        if (named and domain and not judged_elsewhere & set(link.risks) and domain not in well_known
                and not any(b.owns(domain, link.host) for b in named)):
            risks = ordered_risks([r for r in link.risks if r != LinkRisk.NONE] + [LinkRisk.NOT_OFFICIAL])
            link = replace(link, risks=risks, note=engine.link_notes[risks[0]])
        out.append(link)
    return tuple(out)


def _fire_links(links: tuple[Link, ...], fired) -> None:
    for link in links:
        span = [(link.start, link.end)]
        _fire(fired, "LINK_PRESENT", span)
        if LinkRisk.MASKED not in link.risks and LinkRisk.OFFICIAL not in link.risks:
            _fire(fired, "LINK_LIVE", span)
        for risk in link.risks:
            signal = _LINK_SIGNALS.get(risk)
            if signal:
                _fire(fired, signal, span)


def _fire_brands(brands: tuple[BrandMention, ...], fired) -> None:
    for mention in brands:
        spans = list(mention.spans)
        _fire(fired, "BRAND_NAMED", spans)
        _fire(fired, "NAMES_" + mention.brand.category.upper(), spans)
        if mention.misspelt:
            _fire(fired, "BRAND_MISSPELT", spans)


def _reported_sentences(norm: NormalizedText, fired: dict[str, list[Span]]) -> list[Span]:
    """The sentences of a text about scams in which it names a scam, reports what happened or
    advises the reader. Spans in the original text."""
    return _sentences_with(norm, [s for rid in (*REPORTING_SIGNALS, WARNS_READER) for s in fired.get(rid, ())])


def _sentences_with(norm: NormalizedText, marks) -> list[Span]:
    """The sentences of the original text that overlap any of ``marks``."""
    marks = _Regions(list(marks))
    if not marks:
        return []
    return [sentence for sentence in _sentences(norm.original) if marks.meet(sentence)]


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[Span, ...]:
    """The sentences of ``text`` (kept for the last few texts: a check asks up to three times)."""
    return tuple(m.span() for m in _SENTENCE.finditer(text))


class _Regions:
    """Stretches of the text (sentences, quotations, list lines, a rule's matches; they may
    overlap), asked whether one of them holds or meets a span: the regions sorted by start, and
    the furthest any of the first k reaches, so each question is one binary search."""

    def __init__(self, regions: list[Span]) -> None:
        ordered = sorted(regions)
        self._starts = [a for a, _ in ordered]
        self._reach = list(accumulate((b for _, b in ordered), max))  # furthest end among the first k

    def __bool__(self) -> bool:
        return bool(self._starts)

    def hold(self, span: Span) -> bool:
        """Whether one region contains ``span``."""
        k = bisect_right(self._starts, span[0])  # regions that start no later than the span
        return k > 0 and self._reach[k - 1] >= span[1]

    def meet(self, span: Span) -> bool:
        """Whether one region overlaps ``span``."""
        k = bisect_left(self._starts, span[1])  # regions that start before the span ends
        return k > 0 and self._reach[k - 1] > span[0]


def _set_denials_aside(norm: NormalizedText, engine: _Engine, fired: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """``fired`` without the patterns found only in a clause that says what someone never does:
    "Amazonギフト券の番号を教えてくださいと求めることはありません" asks nothing of the reader and
    demands no gift card. The clause runs from the sentence's start, or from a "so" or "but"
    joining it to the one before, to the "...ことはありません"; what the rest of the message asks
    still counts, and links, numbers and the context signals stay where they are."""
    denials = fired.get(NEVER_DOES)
    if not denials:
        return fired
    text = norm.original
    clauses = []
    for start, end in denials:
        reach = max(start - _CLAUSE_REACH, 0)
        clauses.append((max((m.end() for m in _CLAUSE_BREAK.finditer(text, reach, start)), default=reach), end))
    regions = _Regions(clauses)
    return {rid: spans for rid, spans in fired.items()
            if rid == NEVER_DOES or rid in _NEVER_QUOTED or engine.by_id[rid].kind != "pattern"
            or not spans or not all(map(regions.hold, spans))}


def _set_quotes_aside(norm: NormalizedText, engine: _Engine, fired: dict[str, list[Span]],
                      quotes: list[Span]):
    """``(fired, quoted spans, asks_to_act, unread spans)``: what a text about scams only quotes
    or reports counts only when the text itself asks nothing of the reader.

    A text about scams names a scam (or a suspicious message) and advises the reader or reports
    what happened, and does not speak to the reader as "you" outside its quotations, its lists
    of what callers say and its advice (a caller or a lure does). It quotes inside quotation
    marks (「...」 and the like) and reports in the sentences that name a scam or say what
    happened, and in its lists. Whether it asks the reader to act is judged on what it says
    outside all that, and on every live link wherever it is. A message that is not about scams
    is judged whole, quotes included: "the police called and said 「...」" is a call to check.

    - If it asks nothing, the signals found only in what it quotes or reports are set aside
      (returned as quoted spans); the wording model reads it whole, and may find it ordinary
      but not, by wording alone, a scam (see :func:`decide`).
    - If it asks the reader to act, every signal counts, and the wording model does not read
      the warning's reports (unread spans) but reads any lure it quotes: a sentence about scams
      appended to a lure changes nothing.
    """
    if TALKS_ABOUT_SCAMS not in fired or not any(rid in fired for rid in WARNING_CONTEXT):
        return fired, (), _asks_to_act(engine, fired), ()
    listed = [m.span() for m in _LIST_LINE.finditer(norm.original)]
    advice = _sentences_with(norm, fired.get(WARNS_READER, ()))
    # in a text that advises the reader, a sentence saying what callers said ("…あなたに容疑が
    # かかっているなどと申し向けられ") speaks in the caller's "you", not the text's own
    told = _sentences_with(norm, fired.get(TELLS_WHAT_WAS_SAID, ())) if advice else []
    addressed = _Regions(quotes + listed + advice + told)
    if not all(map(addressed.hold, fired.get(SPEAKS_TO_YOU, ()))):
        return fired, (), _asks_to_act(engine, fired), ()
    reports = _reported_sentences(norm, fired) + listed
    regions = _Regions(quotes + reports)
    outside = {rid: spans for rid, spans in fired.items()
               if rid in _NEVER_QUOTED or not all(map(regions.hold, spans))}
    if _asks_to_act(engine, outside):
        return fired, (), True, _outside_all(reports, quotes)
    quoted = sorted({s for rid, spans in fired.items() if rid not in outside
                     and engine.by_id[rid].score > 0 for s in spans})
    return outside, tuple(quoted), False, ()


def _outside_all(spans: list[Span], keep: list[Span]) -> tuple[Span, ...]:
    """``spans`` that lie in none of ``keep`` (a quoted lure inside a report is still read)."""
    return tuple(s for s in spans if not any(a <= s[0] and s[1] <= b or s[0] <= a and b <= s[1]
                                             for a, b in keep))


def _asks_to_act(engine: _Engine, fired: dict[str, list[Span]]) -> bool:
    view = dict(fired)
    _fire_combinations(engine, view, upto=ASKS_TO_ACT)
    return ASKS_TO_ACT in view


def _fire_combinations(engine: _Engine, fired: dict[str, list[Span]], upto: str | None = None) -> None:
    for combination in engine.combinations:
        rule = combination.rule
        if combination.holds(fired.keys()):
            spans: list[Span] = []
            for part in combination.explained_by:
                spans.extend(fired.get(part, []))
            fired[rule.id] = spans
        if rule.id == upto:
            return


def floor_of(engine: _Engine, analysis: Analysis, own: Collection[str] | None = None) -> Level:
    """The least level the hard evidence among the fired warnings gives (see hard_evidence;
    ``own``: the rules said in the message's own voice, when already worked out)."""
    return highest(r.floor for r in hard_evidence(engine, analysis, own))


def hard_evidence(engine: _Engine, analysis: Analysis, own: Collection[str] | None = None) -> list[Rule]:
    """The fired rules with a floor that count: a rule with a floor counts only when the
    message says it in its own voice: a pattern with a match outside quotation marks,
    sentences that report what someone said ("...って言われた") and sentences that say what
    someone never does ("...ことは絶対にありません"), a combination that holds on such
    signals alone."""
    floored = [r for r in engine.floored if r.id in analysis.fired]
    if not floored:
        return []
    own = said_in_own_voice(engine, analysis) if own is None else own
    return [r for r in floored if r.id in own]


def said_in_own_voice(engine: _Engine, analysis: Analysis) -> Collection[str]:
    """The fired rules the message says in its own voice: a pattern with a match outside
    quotation marks, sentences that report what someone said and sentences that say what someone
    never does; a combination that holds on such signals alone."""
    reported = [*analysis.quotations, *_sentences_with(
        analysis.norm, [s for rid in NOT_OWN_VOICE for s in analysis.fired.get(rid, ())])]
    if not reported:
        return analysis.fired.keys()
    regions = _Regions(reported)  # the combinations again, on what is said outside them
    own = {rid: spans for rid, spans in analysis.fired.items() if engine.by_id[rid].kind != "combination"
           and (not spans or not all(map(regions.hold, spans)))}
    _fire_combinations(engine, own)
    return own.keys()


def rule_points(judgement: Judgement, own: Collection[str]) -> Callable[[float, str], float]:
    """The judgement's points for each rule: a rule's extra (what the corpus showed a pattern is
    worth in a scam's own words) counts only for the rules in ``own``, those the message says in
    its own voice; quoted or retold, as a family's warning retells a caller, a rule is worth its
    score."""
    return lambda score, rule_id: judgement.rule_points(score, rule_id if rule_id in own else "")


def _headline(engine: _Engine, level: Level, shown: tuple[Reason, ...]):
    """The banner's line: the level's own, but a message with no signs on balance that still
    lists warnings says so rather than "no signs found" above them."""
    levels = engine.rules.levels
    if level is Level.NO_SIGNS and any(r.kind is ReasonKind.WARNING and r.score > 0 for r in shown):
        return levels.outweighed_headline
    return levels.headlines[level]


def _reason(rule: Rule, score: float, spans, kind: ReasonKind) -> Reason:
    return Reason(id=rule.id, title=rule.title, detail=rule.detail, score=score,
                  spans=tuple(sorted(set(spans))), topic=rule.topic, kind=kind)


def _score(engine: _Engine, fired: dict[str, list[Span]],
           points: Callable[[float, str], float] = lambda score, rule_id: score) -> list[Reason]:
    """A reason for each fired rule, in file order, its score cut to what its group's cap leaves
    and then turned into ``points`` (the judgement's weighing; as it is by default)."""
    caps = engine.rules.levels.caps
    used: dict[str, float] = {}
    reasons: list[Reason] = []
    for rule_id in sorted(fired, key=engine.position.__getitem__):  # in file order: stable, explainable
        rule = engine.by_id[rule_id]
        score = rule.score
        if rule.group in caps and score > 0:
            room = max(caps[rule.group] - used.get(rule.group, 0.0), 0.0)
            score = min(score, room)
            used[rule.group] = used.get(rule.group, 0.0) + score
        kind = (ReasonKind.WARNING if rule.score > 0 else
                ReasonKind.REASSURING if rule.score < 0 else ReasonKind.INFO)
        reasons.append(_reason(rule, points(score, rule.id), fired[rule.id], kind))
    return reasons

