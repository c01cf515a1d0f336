"""What a check returns: the typed boundary between the core and everything that shows it.

Every field the window, the printed sheet or the CLI shows about a message comes from here.
Spans are ``(start, end)`` character offsets into the ORIGINAL text that was checked
(Python string indices, end exclusive), so a view can highlight exactly what triggered a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Span = tuple[int, int]

LANGUAGES = ("ja", "en")


class Level(StrEnum):
    """How worried the user should be. We never say "safe": only that no signs were found."""

    DANGER = "danger"
    CAUTION = "caution"
    NO_SIGNS = "no_signs"


@dataclass(frozen=True, slots=True)
class Text:
    """A sentence the user reads, in Japanese and English (taken from resource files)."""

    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja

    @classmethod
    def from_record(cls, value: object, key: str) -> Text:
        """From a resource record ``{ ja = "...", en = "..." }``; ValueError naming ``key`` if not."""
        if not isinstance(value, dict) or set(value) != {"ja", "en"}:
            raise ValueError(f"'{key}' must have exactly 'ja' and 'en'")
        if not all(isinstance(v, str) and v.strip() for v in value.values()):
            raise ValueError(f"'{key}.ja' and '{key}.en' must be non-empty text")
        return cls(ja=value["ja"], en=value["en"])


class ReasonKind(StrEnum):
    """What a reason says about the message, so a view can group them without reading scores."""

    WARNING = "warning"  # a sign of a scam
    REASSURING = "reassuring"  # a sign of an ordinary notice (it took score away)
    INFO = "info"  # neither (e.g. "this number is not on our lists")


@dataclass(frozen=True, slots=True)
class Reason:
    """One thing the check noticed, straight out of the scoring step.

    ``id`` is a stable UPPER_SNAKE rule id; ``score`` is what this reason added (negative for
    signs that the message is an ordinary notice); ``spans`` point into the original text.
    ``topic`` names the guidance topic this reason belongs to (e.g. "callback", "court").
    """

    id: str
    title: Text
    detail: Text
    score: float
    spans: tuple[Span, ...] = ()
    topic: str = ""
    kind: ReasonKind = ReasonKind.WARNING


class NumberKind(StrEnum):
    MOBILE = "mobile"  # 090 / 080 / 070
    FIXED_LINE = "fixed_line"  # 03-, 06-, ... (area code)
    IP_PHONE = "ip_phone"  # 050
    TOLL_FREE = "toll_free"  # 0120 / 0800
    NAVI_DIAL = "navi_dial"  # 0570 (caller pays, often expensive)
    PREMIUM = "premium"  # 0990 and similar
    INTERNATIONAL = "international"  # +country, 010-
    SERVICE = "service"  # 110, 119, #9110, 188 ...
    SHORT_CODE = "short_code"  # 0005-xxxx SMS sender codes, cannot be called
    MASKED = "masked"  # 03-xxxx-xxxx as quoted in warnings: digits hidden
    UNKNOWN = "unknown"


class Listing(StrEnum):
    KNOWN_SCAM = "known_scam"
    OFFICIAL = "official"  # confirmed on the owner's own page or a government page
    REPORTED = "reported"  # said to be a company's number, not confirmed on its own page
    NONE = "none"


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A phone number found in the text. Shown as text only; nothing ever dials it."""

    text: str  # as written in the message
    start: int
    end: int
    e164: str | None  # "+81362717243"; None when masked or not a dialable number
    kind: NumberKind
    kind_label: Text  # "IP phone (050)", "Tokyo 03 landline", "international (+1)" ...
    listed: Listing
    listed_note: Text | None = None  # who the list says it belongs to / why it is listed
    country: str | None = None  # ISO region for international numbers ("US"), else "JP"


class LinkRisk(StrEnum):
    LOOKALIKE = "lookalike"  # a brand name inside a host that is not the brand's
    NOT_OFFICIAL = "not_official"  # message names a brand, link goes elsewhere
    ODD_SCHEME = "odd_scheme"  # not a web page: runs a script, opens a file or another program
    IP_ADDRESS = "ip_address"
    PUNYCODE = "punycode"
    SHORTENER = "shortener"
    ODD_TLD = "odd_tld"
    FREE_HOSTING = "free_hosting"
    MASKED = "masked"  # "https://~" as quoted: address hidden
    OFFICIAL = "official"  # goes to a domain listed for the brand
    NONE = "none"  # nothing known either way


@dataclass(frozen=True, slots=True)
class Link:
    """A web address found in the text. Never opened, resolved or made clickable."""

    text: str  # as written
    start: int
    end: int
    defanged: str  # hxxps://example[.]com/...
    host: str | None
    registrable_domain: str | None
    risks: tuple[LinkRisk, ...]
    note: Text  # one plain sentence about the worst risk

    @property
    def risk(self) -> LinkRisk:
        return self.risks[0] if self.risks else LinkRisk.NONE


@dataclass(frozen=True, slots=True)
class Verdict:
    level: Level
    score: float
    reasons: tuple[Reason, ...]
    phone_numbers: tuple[PhoneNumber, ...]
    links: tuple[Link, ...]
    headline: Text  # one line for the banner, chosen by level
    topics: tuple[str, ...] = ()  # guidance topics, most important first
    number_only: bool = False  # the input was just a phone number
    truncated: bool = False  # only the first ``analysed_length`` characters were examined
    analysed_length: int = 0
    text_length: int = 0
    junk_characters: int = 0  # control characters and U+FFFD left out of what was examined

    def all_spans(self) -> tuple[Span, ...]:
        """Every highlighted range, merged and sorted (for drawing)."""
        ranges = sorted({s for r in self.reasons if r.kind == ReasonKind.WARNING for s in r.spans})
        return tuple(_merge(ranges))

    def to_dict(self, lang: str = "ja") -> dict[str, Any]:
        """The CLI's JSON contract."""
        return {
            "level": self.level.value,
            "score": round(self.score, 2),
            "headline": self.headline.get(lang),
            "reasons": [
                {
                    "id": r.id,
                    "title": r.title.get(lang),
                    "detail": r.detail.get(lang),
                    "score": round(r.score, 2),
                    "kind": r.kind.value,
                    "spans": [list(s) for s in r.spans],
                }
                for r in self.reasons
            ],
            "phone_numbers": [
                {
                    "text": n.text,
                    "e164": n.e164,
                    "kind": n.kind.value,
                    "kind_label": n.kind_label.get(lang),
                    "listed": n.listed.value,
                    "span": [n.start, n.end],
                }
                for n in self.phone_numbers
            ],
            "links": [
                {
                    "text": link.defanged,
                    "defanged": link.defanged,
                    "host": _defang_host(link.host),
                    "registrable_domain": _defang_host(link.registrable_domain),
                    "risk": link.risk.value,
                    "risks": [r.value for r in link.risks],
                    "note": link.note.get(lang),
                    "span": [link.start, link.end],
                }
                for link in self.links
            ],
            "topics": list(self.topics),
            "number_only": self.number_only,
            "truncated": self.truncated,
            "analysed_length": self.analysed_length,
            "text_length": self.text_length,
            "junk_characters": self.junk_characters,
        }


class ErrorCode(StrEnum):
    EMPTY = "empty"  # nothing but whitespace
    NOT_TEXT = "not_text"  # binary data, not a message
    CANCELLED = "cancelled"  # the caller asked the check to stop (a newer one replaced it)
    DATA_FILE = "data_file"  # a shipped data file is broken
    # Reading a picture (core.read_picture)
    PICTURE_UNSUPPORTED = "picture_unsupported"  # not PNG, JPEG, BMP, WebP or GIF (e.g. HEIC, PDF)
    PICTURE_BROKEN = "picture_broken"  # empty, cut short, or it cannot be decoded
    PICTURE_NOT_OPENED = "picture_not_opened"  # the file is gone or may not be read
    PICTURE_TOO_LARGE = "picture_too_large"  # more bytes or pixels than the reading limits
    PICTURE_NO_TEXT = "picture_no_text"  # read, but no message text was found in it
    READER_MISSING = "reader_missing"  # the optional reader (the ocr extra) is not installed


@dataclass(frozen=True)
class CheckError(Exception):
    """Raised by ``check`` for input it cannot judge. Carries a code, not a message to parse."""

    code: ErrorCode
    message: Text = field(default_factory=lambda: Text("", ""))

    def __str__(self) -> str:
        return f"{self.code.value}: {self.message.en}"


def _defang_host(host: str | None) -> str | None:
    return host.replace(".", "[.]") if host else host


def _merge(ranges: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in ranges:
        if merged and start < merged[-1][1]:  # touching ranges stay apart: a link stays a link
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
