"""``check(text) -> Verdict``: the one entry point of the core.

Steps: bound the input -> normalise -> find brands, phone numbers and links -> fire pattern
rules and computed signals -> fire named combinations -> add scores (with per-group caps) ->
level from the thresholds in ``levels.toml``. Reasons are the fired rules themselves, with the
spans that fired them, so what the user reads is exactly what was scored.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from functools import cache

from . import snapshot
from .brands import LINKS_ELSEWHERE, BrandMention, find_brands, load_brands
from .guidance import GuidanceFileError, load_guidance
from .links import find_links, link_lists, ordered_risks
from .messages import load_messages, message
from .normalize import NormalizedText, normalize
from .numbers import digits_key, find_numbers, is_number_only, number_lists
from .rules import Rule, RuleFileError, RuleSet, evaluate, load_rules, positive_ids
from .verdict import (
    CheckError, ErrorCode, Level, Link, LinkRisk, Listing, NumberKind, PhoneNumber, Reason,
    ReasonKind,
    Span, Text, Verdict,
)

# Ids of the signals the extractors fire. Their wording and scores are in
# resources/rules/computed.toml; a test checks that every id here has a record there.
COMPUTED_IDS = (
    "PHONE_NUMBER", "NUMBER_KNOWN_SCAM", "NUMBER_IP_PHONE", "NUMBER_INTERNATIONAL",
    "NUMBER_PREMIUM", "NUMBER_MOBILE", "NUMBER_LANDLINE", "NUMBER_MASKED", "NUMBER_OFFICIAL",
    "NUMBER_NOT_LISTED", "NUMBER_ONLY", "OFFICIAL_CONTACT_ONLY",
    "LINK_PRESENT", "LINK_LOOKALIKE", "LINK_IP_ADDRESS", "LINK_PUNYCODE", "LINK_FREE_HOSTING",
    "LINK_ODD_TLD", "LINK_SHORTENER", "LINK_NOT_OFFICIAL", "LINK_OFFICIAL", "LINK_MASKED",
    "BRAND_NAMED", "BRAND_MISSPELT",
    "NAMES_CARRIER", "NAMES_BANK", "NAMES_CARD", "NAMES_PAYMENT", "NAMES_SHOPPING",
    "NAMES_DELIVERY", "NAMES_GOVERNMENT", "NAMES_COURT", "NAMES_POLICE", "NAMES_UTILITY",
    "NAMES_BROADCASTER", "NAMES_TRANSPORT", "NAMES_TECH", "NAMES_CONTENT", "NAMES_MUNICIPAL",
)
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
# Share of C0 control characters (other than tab / newline) above which input is not a message.
_BINARY_SHARE = 0.05
_ENGINE_LOCK = threading.Lock()
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


@dataclass(frozen=True, slots=True)
class _Engine:
    rules: RuleSet
    by_id: dict[str, Rule]
    link_notes: dict[LinkRisk, Text]


def _loaded_engine() -> _Engine:
    """The engine, or a coded error naming the broken data file (never a traceback).

    Built once under a lock: the window warms it up in the background while a first check
    may already be asking for it.
    """
    try:
        with _ENGINE_LOCK:
            return _engine()
    except (RuleFileError, ValueError, OSError, UnicodeDecodeError) as exc:
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
    missing = [i for i in COMPUTED_IDS if i not in by_id]
    if missing:
        raise RuleFileError("computed.toml", f"missing records for {missing}")
    notes = {risk: by_id[sig].detail for risk, sig in _LINK_SIGNALS.items()}
    notes[LinkRisk.NONE] = by_id["LINK_PRESENT"].detail
    return _Engine(rules=rules, by_id=by_id, link_notes=notes)


def load() -> None:
    """Read every resource now: rules (each pattern checked; compiled when a text first needs
    it), lists and guidance, and load phonenumbers. The packaged app takes what the files hold
    from a snapshot made by the build (see :mod:`core.snapshot`) when it is current.

    The window calls this at start-up, off the GUI thread, so the first check is quick.
    """
    _loaded_engine()
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


def check(text: str) -> Verdict:
    """Judge one message (or a phone number pasted alone). Never opens a network connection.

    Raises :class:`CheckError` with ``ErrorCode.EMPTY`` for blank input and
    ``ErrorCode.NOT_TEXT`` for binary data. Input beyond the configured limit is cut and the
    verdict says so (``truncated``).
    """
    if not isinstance(text, str):
        raise TypeError("check() takes str")
    engine = _loaded_engine()
    levels = engine.rules.levels
    if not text.strip():
        raise CheckError(ErrorCode.EMPTY, message("error.empty"))
    sample = text[:4096]
    if len(_CONTROL.findall(sample)) > max(3, _BINARY_SHARE * len(sample)):
        raise CheckError(ErrorCode.NOT_TEXT, message("error.not_text"))
    analysed = _first_bytes(text, levels.max_bytes)
    truncated = len(analysed) < len(text)
    norm = normalize(analysed)
    if not norm.text.strip():
        raise CheckError(ErrorCode.EMPTY, message("error.empty"))

    brands = find_brands(norm)
    numbers = find_numbers(norm, levels.max_numbers)
    found_links = find_links(
        norm, {m.brand.id for m in brands}, levels.max_links, lambda risk: engine.link_notes[risk]
    )
    links = _with_brand_judgement(found_links, brands, engine)

    fired: dict[str, list[Span]] = {}
    _fire_patterns(norm, engine, fired, levels.max_spans_per_rule)
    number_only = is_number_only(analysed)
    _fire_numbers(numbers, brands, links, number_only, fired)
    _fire_links(links, fired)
    _fire_brands(brands, fired)
    _fire_combinations(engine, fired)

    reasons, score = _score(engine, fired)
    if score >= levels.danger:
        level = Level.DANGER
    elif score >= levels.caution:
        level = Level.CAUTION
    else:
        level = Level.NO_SIGNS
    # Every warning names its topic, also one whose score its group's cap used up: the
    # walk-through still asks about it first.
    topics = tuple(dict.fromkeys(r.topic for r in reasons if r.topic and r.kind is ReasonKind.WARNING))
    return Verdict(
        level=level,
        score=score,
        reasons=tuple(r for r in reasons if engine.by_id[r.id].show),
        phone_numbers=numbers,
        links=links,
        headline=levels.headlines[level],
        topics=topics,
        number_only=number_only,
        truncated=truncated,
        analysed_length=len(analysed),
        text_length=len(text),
    )


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


def _fire_patterns(norm: NormalizedText, engine: _Engine, fired: dict[str, list[Span]], cap: int) -> None:
    text = norm.text
    for rule in engine.rules.rules:
        if rule.kind != "pattern":
            continue
        spans: list[Span] = []
        for index, literals in enumerate(rule.prefilters):
            if literals is not None and not any(lit in text for lit in literals):
                continue  # cannot match: none of the strings it needs is there
            for m in rule.pattern(index).finditer(text):
                if m.end() > m.start():
                    spans.append(norm.to_original(m.start(), m.end()))
                if len(spans) >= cap:
                    break
            if len(spans) >= cap:
                break
        if spans and not any(u.search(text) for u in rule.unless):
            fired[rule.id] = spans


def _fire(fired: dict[str, list[Span]], rule_id: str, spans) -> None:
    fired.setdefault(rule_id, []).extend(spans)


def _fire_numbers(numbers, brands: tuple[BrandMention, ...], links, number_only: bool, fired) -> None:
    brand_numbers = {n for m in brands for n in m.brand.numbers}
    callable_numbers = [n for n in numbers if n.kind not in _NOT_CALLABLE]
    for n in callable_numbers:
        span = [(n.start, n.end)]
        if n.listed == Listing.OFFICIAL:
            _fire(fired, "NUMBER_OFFICIAL", span)
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
        n.listed == Listing.OFFICIAL and _digits(n) in brand_numbers for n in callable_numbers
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


def _fire_combinations(engine: _Engine, fired: dict[str, list[Span]]) -> None:
    for rule in engine.rules.rules:
        if rule.kind != "combination":
            continue
        if evaluate(rule.when, set(fired)):
            spans: list[Span] = []
            for part in positive_ids(rule.when):
                spans.extend(fired.get(part, []))
            fired[rule.id] = spans


def _score(engine: _Engine, fired: dict[str, list[Span]]) -> tuple[list[Reason], float]:
    caps = engine.rules.levels.caps
    used: dict[str, float] = {}
    reasons: list[Reason] = []
    total = 0.0
    for rule in engine.rules.rules:  # in file order: stable, explainable
        if rule.id not in fired:
            continue
        score = rule.score
        if rule.group in caps and score > 0:
            room = max(caps[rule.group] - used.get(rule.group, 0.0), 0.0)
            score = min(score, room)
            used[rule.group] = used.get(rule.group, 0.0) + score
        total += score
        spans = tuple(sorted(set(fired[rule.id])))
        kind = (ReasonKind.WARNING if rule.score > 0 else
                ReasonKind.REASSURING if rule.score < 0 else ReasonKind.INFO)
        reasons.append(Reason(
            id=rule.id, title=rule.title, detail=rule.detail, score=score, spans=spans,
            topic=rule.topic, kind=kind,
        ))
    reasons.sort(key=lambda r: -r.score)
    return reasons, max(total, 0.0)
