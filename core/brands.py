"""Brands and bodies that scams impersonate, from ``resources/brands/brands.toml``.

A brand record names how it is written (Japanese and Latin), the web domains and phone numbers
it really uses, and what kind of body it is (carrier, bank, court ...). The check uses it to say
"this message names Amazon but its link goes elsewhere" and to spot misspelt names
("アマソン", "SoffBank") that imitate a brand.
"""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .normalize import NormalizedText
from .rules import RuleFileError
from .verdict import Span, Text

_KEYS = {"id", "display", "category", "names", "latin_names", "host_tokens", "domains", "numbers"}
CATEGORIES = (
    "carrier", "bank", "card", "payment", "shopping", "delivery", "government", "court",
    "police", "utility", "broadcaster", "transport", "tech", "content", "municipal",
)
# Bodies that normally link to other sites too (mail services, partner pages): a link elsewhere
# is not a sign of impersonation for them.
LINKS_ELSEWHERE = ("municipal", "police")
_DAKUTEN = str.maketrans({chr(c): chr(c - 1) for c in range(0x30AC, 0x30C3, 2)}
                         | {"ヅ": "ツ", "デ": "テ", "ド": "ト", "ヴ": "ウ"}
                         | {chr(c): chr(c - 1) for c in range(0x30D0, 0x30DE, 3)}
                         | {chr(c): chr(c - 2) for c in range(0x30D1, 0x30DF, 3)})
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}")
_LATIN_WORD = re.compile(r"[a-z]{5,}")


@dataclass(frozen=True, slots=True)
class Brand:
    id: str
    display: Text
    category: str
    names: tuple[str, ...]  # substrings matched in the normalised text
    latin_names: tuple[str, ...]  # Latin names matched as whole words
    host_tokens: tuple[str, ...]  # words that point at the brand inside a web address
    domains: tuple[str, ...]  # registrable domains the brand really uses
    numbers: tuple[str, ...]  # national digits of numbers the brand really uses

    def owns(self, domain: str, host: str | None = None) -> bool:
        """True when ``domain`` (or ``host``) is one the brand really uses.

        Entries starting with "." match any domain below them (".go.jp"); entries with "*"
        are matched against the host ("city.*.jp" matches "www.city.ito.shizuoka.jp").
        """
        host = host or domain
        for entry in self.domains:
            if "*" in entry:
                if fnmatch(host, entry) or fnmatch(host, "*." + entry):
                    return True
            elif domain == entry or (entry.startswith(".") and domain.endswith(entry)):
                return True
        return False


@dataclass(frozen=True, slots=True)
class BrandMention:
    brand: Brand
    spans: tuple[Span, ...]  # in the original text
    misspelt: bool  # written like the brand but not quite (アマソン, SoffBank)


@cache
def load_brands() -> tuple[Brand, ...]:
    path = resources.files("resources") / "brands" / "brands.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError("brands.toml", f"not valid TOML: {exc}") from None
    if set(data) != {"brand"}:
        raise RuleFileError("brands.toml", "expected only [[brand]] records")
    brands = []
    seen = set()
    for record in data["brand"]:
        where = f"brands.toml [{record.get('id', '?')}]"
        unknown = set(record) - _KEYS
        if unknown:
            raise RuleFileError(where, f"unknown keys {sorted(unknown)}")
        if record.get("category") not in CATEGORIES:
            raise RuleFileError(where, f"category must be one of {CATEGORIES}")
        if record["id"] in seen:
            raise RuleFileError(where, "duplicate id")
        seen.add(record["id"])
        display = record.get("display", {})
        if set(display) != {"ja", "en"}:
            raise RuleFileError(where, "display needs ja and en")
        names = tuple(n.lower() for n in record.get("names", []))
        latin = tuple(n.lower() for n in record.get("latin_names", []))
        if not names and not latin:
            raise RuleFileError(where, "a brand needs names or latin_names")
        brands.append(Brand(
            id=record["id"],
            display=Text(**display),
            category=record["category"],
            names=names,
            latin_names=latin,
            host_tokens=tuple(t.lower() for t in record.get("host_tokens", [])),
            domains=tuple(d.lower() for d in record.get("domains", [])),
            numbers=tuple("".join(ch for ch in n if ch.isdigit() or ch == "#") for n in record.get("numbers", [])),
        ))
    return tuple(brands)


@cache
def _matchers() -> tuple[tuple[Brand, re.Pattern[str]], ...]:
    out = []
    for brand in load_brands():
        parts = [re.escape(n) for n in sorted(brand.names, key=len, reverse=True)]
        parts += [rf"(?<![a-z]){re.escape(n)}(?![a-z])" for n in brand.latin_names]
        out.append((brand, re.compile("|".join(parts))))
    return tuple(out)


@cache
def _katakana_index() -> dict[str, Brand]:
    """Brand names with voicing marks removed: "アマソン" and "アマゾン" both become "アマソン"."""
    index: dict[str, Brand] = {}
    for brand in load_brands():
        for name in brand.names:
            if _KATAKANA_WORD.fullmatch(name) and len(name) >= 4:
                index.setdefault(name.translate(_DAKUTEN), brand)
    return index


@cache
def _latin_index() -> tuple[tuple[str, Brand], ...]:
    return tuple((n, b) for b in load_brands() for n in b.latin_names + b.names
                 if n.isascii() and n.isalpha() and len(n) >= 6)


def one_edit_apart(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one substitution, insertion, deletion or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def find_brands(norm: NormalizedText) -> tuple[BrandMention, ...]:
    text = norm.text
    found: dict[str, tuple[Brand, list[Span], bool]] = {}
    for brand, pattern in _matchers():
        spans = [norm.to_original(m.start(), m.end()) for m in pattern.finditer(text)]
        if spans:
            found[brand.id] = (brand, spans[:20], False)
    katakana = _katakana_index()
    for m in _KATAKANA_WORD.finditer(text):
        word = m.group()
        for name, brand in katakana.items():
            if name in word.translate(_DAKUTEN) and not any(n in word for n in brand.names):
                _, spans, _ = found.get(brand.id, (brand, [], False))
                found[brand.id] = (brand, spans + [norm.to_original(m.start(), m.end())], True)
    for m in _LATIN_WORD.finditer(text):
        word = m.group()
        for name, brand in _latin_index():
            if one_edit_apart(word, name) and not any(word == n for n in brand.latin_names + brand.names):
                _, spans, _ = found.get(brand.id, (brand, [], False))
                found[brand.id] = (brand, spans + [norm.to_original(m.start(), m.end())], True)
    return tuple(BrandMention(brand=b, spans=tuple(s), misspelt=miss) for b, s, miss in found.values())


def owner_of(domain: str, host: str | None = None) -> Brand | None:
    """The brand that really uses ``domain``, if any."""
    return next((b for b in load_brands() if b.owns(domain, host)), None)
