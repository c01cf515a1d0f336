"""Phone numbers in a message: found, classified and looked up in the shipped lists.

Real numbers are found with ``phonenumbers.PhoneNumberMatcher`` on the normalised text;
Japanese service numbers it does not know (110, #9110, 188, 0005 SMS codes ...) and the masked
forms that warnings quote ("03-xxxx-xxxx", "050-****-****") are found with patterns.
Nothing here dials or looks anything up on a network. ``phonenumbers.geocoder`` is never
imported (it costs about 250 ms and 100 MB); area names come from a short resource list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING
from importlib import resources

from . import snapshot
from .messages import message
from .normalize import NormalizedText
from .pattern_start import compile_pattern
from .verdict import Listing, NumberKind, PhoneNumber, Text

if TYPE_CHECKING:
    import phonenumbers

_MASK = "x*○〇●×◯"
# A number with some digits hidden: 03-xxxx-xxxx, 050-****-****, 0120-○○○-○○○, 〇〇-〇〇〇〇-〇〇〇〇
_MASKED_SHAPE = (
    rf"(?<![0-9a-z{_MASK}])(?=[0-9{_MASK} -]{{0,16}}[{_MASK}])"  # a mask within its reach: cheap to skip plain numbers
    rf"(?:0[0-9{_MASK}]{{0,4}}|[{_MASK}]{{2,5}})(?:[- ]?[0-9{_MASK}]{{2,4}}){{1,2}}[- ]?[0-9{_MASK}]{{3,4}}"
    rf"(?![0-9a-z{_MASK}])"
)
# Numbers people dial without an area code: emergency and consultation lines, SMS short codes.
# Only the listed ones are matched ("130" in "合計130" is not a phone number); see _service_pattern.
_SERVICE_SHAPES = (
    r"{hash_keys}(?!\d)"  # #9110, #7119, #8000 ...
    r"|(?<![\d.,\-#]){short_keys}(?!\d|[.,]\d|\s*[円万千百億人件歳年月日時分秒個回名点号階%]|\s*(?:km|kg|cm|mm))"  # 110番, 188へ
    r"|(?<![\d\-])0005[- ]?\d{{4,6}}(?!\d)"  # 共通ショートコード
)
_ONLY_NUMBER = re.compile(r"^[\s\d+#()\-.]*$")
_JP = "JP"
# Where the matcher is worth running: six digits or more joined by what may stand between the
# digit blocks of a number (phonenumbers' matcher allows up to four of these characters there,
# phonenumbermatcher._PUNCTUATION, and every whitespace); or, after a "+", four digits (the
# matcher takes "+49 12" as a German number). A number it accepts with fewer digits of its own
# is no number a person can call: five digits before an extension ("03090ext 0"), two before a
# run of x's ("00xxx090"), which hypothesis found it to accept. A long notice's dates and
# amounts (「8月30日」「3,100世帯」) are otherwise parsed one by one, the slowest part of checking
# it. The matcher reads each run with some text on either side, as it would read the whole text.
_NUMBER_SEPARATORS = r"\-x\u2010-\u2015\u2212\u30fc\uff0d-\uff0f\s\u00ad\u200b\u2060()\uff08\uff09\uff3b\uff3d.\[\]/~\u2053\u223c\uff5e"
_JOIN = rf"[{_NUMBER_SEPARATORS}]{{0,4}}"
_DIGIT_RUN = re.compile(rf"\d(?:{_JOIN}\d){{5,}}|[+\uff0b]{_JOIN}\d(?:{_JOIN}\d){{3,}}")
_AROUND_RUN = 24  # characters read on either side of a run (a leading "+", an extension)


# A web address and the day (or month) a number was read on it.
_PAGE = re.compile(r"https?://[^\s|]+")
_CHECKED = re.compile(r"20\d\d-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?")
# Lists whose every number names the page it was read on and when: ``number | ja | en | page | checked``.
SOURCED = frozenset({"official.txt", "service.txt", "reported.txt"})


@dataclass(frozen=True, slots=True)
class NumberSource:
    """Where a listed number was read, and when (``2026-12-05``, or ``2026-12`` when only the
    month is known)."""

    page: str
    checked: str


@dataclass(frozen=True, slots=True)
class NumberLists:
    scam: dict[str, Text]  # digits (national form, or +cc...) -> note
    official: dict[str, Text]  # confirmed on the owner's own page (or a government page)
    areas: dict[str, Text]  # area code "03" -> "東京" / "Tokyo"
    services: dict[str, Text]  # "110" -> "警察(緊急)" ...
    reported: dict[str, Text] = field(default_factory=dict)  # said to be a company's, not confirmed
    sources: dict[str, NumberSource] = field(default_factory=dict)  # for official, services, reported


def digits_key(number: str) -> str:
    """The key a number is listed under: national digits ("0362717243"), "#9110", or "+..."."""
    kept = "".join(ch for ch in number if ch.isdigit() or ch in "#+")
    if kept.startswith("+81"):
        return "0" + kept[3:]
    return kept


def _read_list(name: str, sources: dict[str, NumberSource] | None = None) -> dict[str, Text]:
    """``number | ja note | en note`` per line; '#' starts a comment line. The lists in
    :data:`SOURCED` have two more columns, ``| page | checked``, kept in ``sources``."""
    sourced = name in SOURCED
    columns = "'number | ja | en | page | checked'" if sourced else "'number | ja | en'"
    entries: dict[str, Text] = {}
    text = (resources.files("resources") / "numbers" / name).read_text(encoding="utf-8")
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("# ") or line == "#":
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != (5 if sourced else 3) or not all(parts):
            raise ValueError(f"numbers/{name}:{lineno}: expected {columns}")
        key = digits_key(parts[0])
        if key in entries:
            raise ValueError(f"numbers/{name}:{lineno}: {parts[0]} is listed twice")
        if sourced:
            if not _PAGE.fullmatch(parts[3]):
                raise ValueError(f"numbers/{name}:{lineno}: the page must be a web address, not {parts[3]!r}")
            if not _CHECKED.fullmatch(parts[4]):
                raise ValueError(f"numbers/{name}:{lineno}: 'checked' must be a date like 2026-12-05")
            if sources is not None:
                sources[key] = NumberSource(page=parts[3], checked=parts[4])
        entries[key] = Text(ja=parts[1], en=parts[2])
    return entries


@cache
def number_lists() -> NumberLists:
    """The shipped lists (from the build's snapshot when it is current)."""
    return snapshot.kept("number_lists", read_number_lists)


def read_number_lists() -> NumberLists:
    sources: dict[str, NumberSource] = {}
    official = _read_list("official.txt", sources)
    services = _read_list("service.txt", sources)
    reported = _read_list("reported.txt", sources)
    shared = (set(official) & set(reported)) | (set(services) & (set(official) | set(reported)))
    if shared:
        raise ValueError(f"numbers/: listed as confirmed and as only reported: {sorted(shared)}")
    return NumberLists(
        scam=_read_list("scam.txt"),
        official=official,
        areas=_read_list("area_codes.txt"),
        services=services,
        reported=reported,
        sources=sources,
    )


@cache
def _masked_pattern() -> re.Pattern[str]:
    """_MASKED_SHAPE compiled (on first use) so that a search skips to a "0" or a mask (see
    core.pattern_start)."""
    return compile_pattern(_MASKED_SHAPE)


@cache
def _service_pattern(keys: frozenset[str]) -> re.Pattern[str]:
    """The pattern for the listed service numbers (built once for the shipped list; a search
    skips to a "#" or a digit, see core.pattern_start)."""
    return compile_pattern(_service_shapes(keys), re.MULTILINE)


def _service_shapes(keys: frozenset[str]) -> str:
    def alternation(found):
        return "(?:" + "|".join(sorted(map(re.escape, found), key=len, reverse=True)) + ")" if found else "(?!)"
    return _SERVICE_SHAPES.format(
        hash_keys=alternation([k for k in keys if k.startswith("#")]),
        short_keys=alternation([k for k in keys if k.isdigit() and len(k) <= 4]),
    )


def _listing(key: str, lists: NumberLists) -> tuple[Listing, Text | None]:
    if key in lists.scam:
        return Listing.KNOWN_SCAM, lists.scam[key]
    if key in lists.official:
        return Listing.OFFICIAL, lists.official[key]
    if key in lists.services:
        return Listing.OFFICIAL, lists.services[key]
    if key in lists.reported:
        note = lists.reported[key]
        check = message("number.reported_check")
        return Listing.REPORTED, Text(ja=note.ja + check.ja, en=note.en + check.en)
    return Listing.NONE, None


def _kind_label(kind: NumberKind) -> Text:
    return message(f"number.{kind.value}")


def _classify(num: phonenumbers.PhoneNumber, lists: NumberLists) -> tuple[NumberKind, Text, str]:
    import phonenumbers
    from phonenumbers import PhoneNumberType

    region = phonenumbers.region_code_for_number(num) or "ZZ"
    if num.country_code != 81:
        label = message("number.international", code=num.country_code)
        return NumberKind.INTERNATIONAL, label, region
    kind = {
        PhoneNumberType.MOBILE: NumberKind.MOBILE,
        PhoneNumberType.VOIP: NumberKind.IP_PHONE,
        PhoneNumberType.TOLL_FREE: NumberKind.TOLL_FREE,
        PhoneNumberType.UAN: NumberKind.NAVI_DIAL,
        PhoneNumberType.PREMIUM_RATE: NumberKind.PREMIUM,
        PhoneNumberType.FIXED_LINE: NumberKind.FIXED_LINE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE: NumberKind.FIXED_LINE,
    }.get(phonenumbers.number_type(num), NumberKind.UNKNOWN)
    if kind == NumberKind.FIXED_LINE:
        national = str(num.national_number)
        area_len = phonenumbers.length_of_geographical_area_code(num)
        code = "0" + national[:area_len] if area_len else ""
        area = lists.areas.get(code)
        if area:
            label = Text(
                ja=message("number.landline_in_area", code=code, area=area.ja).ja,
                en=message("number.landline_in_area", code=code, area=area.en).en,
            )
        elif code:
            label = message("number.landline_with_code", code=code)
        else:
            label = message("number.landline")
        return kind, label, region
    return kind, _kind_label(kind), region


def find_numbers(norm: NormalizedText, limit: int) -> tuple[PhoneNumber, ...]:
    """Every phone number in the text, in order of position, at most ``limit``."""
    import phonenumbers  # imported on first use: it takes a while, and the window opens first

    lists = number_lists()
    text = norm.text
    found: list[PhoneNumber] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(a: int, b: int, e164: str | None, kind: NumberKind, label: Text, key: str, region: str | None):
        listed, note = _listing(key, lists) if key else (Listing.NONE, None)
        start, end = norm.to_original(a, b)
        found.append(PhoneNumber(
            text=norm.original[start:end], start=start, end=end, e164=e164, kind=kind,
            kind_label=label, listed=listed, listed_note=note, country=region,
        ))
        taken.append((a, b))

    # max_tries bounds the candidates the matcher itself throws away; the ones it returns and
    # this function throws away (" 01200120 " repeated) are bounded here: extraction never
    # parses more than a few times ``limit`` candidates, whatever the text holds.
    rejected = 0
    for match in _matches(phonenumbers, text, limit * 4):
        if len(found) >= limit or rejected >= limit * 4:
            break
        a, b = match.start, match.end
        while a < b and text[a] in "([":
            a += 1
        num = match.number
        if not phonenumbers.is_valid_number(num):
            if num.country_code == 81 or not phonenumbers.is_possible_number(num):
                rejected += 1
                continue
        kind, label, region = _classify(num, lists)
        e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
        add(a, b, e164, kind, label, digits_key(e164), region)

    for m in _service_pattern(frozenset(lists.services)).finditer(text):
        if len(found) >= limit:
            break
        key = digits_key(m.group())
        kind = NumberKind.SHORT_CODE if key.startswith("0005") else NumberKind.SERVICE
        if kind == NumberKind.SERVICE and key not in lists.services:
            continue  # "130" in "合計130" is not a phone number
        if not free(m.start(), m.end()):
            continue
        label = lists.services[key] if kind == NumberKind.SERVICE else _kind_label(kind)
        add(m.start(), m.end(), None, kind, label, key, "JP")

    for m in _masked_pattern().finditer(text):
        if len(found) >= limit:
            break
        digits = sum(ch.isdigit() for ch in m.group())
        masks = sum(ch in _MASK for ch in m.group())
        if masks < 3 or digits + masks < 9 or not free(m.start(), m.end()):
            continue
        add(m.start(), m.end(), None, NumberKind.MASKED, _kind_label(NumberKind.MASKED), "", None)

    found.sort(key=lambda n: n.start)
    return tuple(found)


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """The stretches of ``text`` worth giving the matcher, in order: each run of digits with some
    text on either side, overlapping ones merged. Found as they are read, so that a reader who
    stops early does not search the rest of the text."""
    span: tuple[int, int] | None = None
    for m in _DIGIT_RUN.finditer(text):
        a, b = max(m.start() - _AROUND_RUN, 0), min(m.end() + _AROUND_RUN, len(text))
        if span and a <= span[1]:
            span = (span[0], max(b, span[1]))
            continue
        if span:
            yield span
        span = (a, b)
    if span:
        yield span


def _matches(phonenumbers, text: str, tries: int):
    """What ``PhoneNumberMatcher`` finds in ``text``, run only where a number can be; each
    match's start and end are offsets in ``text``. ``tries`` bounds the candidates each run's
    matcher may throw away, and the runs read: each holds at least one candidate, so a text of
    thousands of runs costs no more than the whole text's matcher, which stopped after ``tries``
    thrown away."""
    for a, b in islice(_runs(text), tries):
        for match in phonenumbers.PhoneNumberMatcher(text[a:b], _JP, leniency=phonenumbers.Leniency.POSSIBLE,
                                                     max_tries=tries):
            match.start += a
            match.end += a
            yield match


def is_number_only(text: str) -> bool:
    """True when the input is just a phone number (with the usual punctuation)."""
    stripped = text.strip()
    if len(stripped) > 40:
        return False
    return bool(stripped) and sum(ch.isdigit() for ch in stripped) >= 3 and bool(_ONLY_NUMBER.match(stripped))
