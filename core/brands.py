"""Brands and bodies that scams impersonate, from ``resources/brands/brands.toml``.

A brand record names how it is written (Japanese and Latin), the web domains and phone numbers
it really uses, and what kind of body it is (carrier, bank, court ...). The check uses it to say
"this message names Amazon but its link goes elsewhere" and to spot misspelt names
("アマソン", "SoffBank") that imitate a brand.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from dataclasses import dataclass
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import compress
from importlib import resources

from . import snapshot
from .normalize import NormalizedText
from .prefilter import character_pairs
from .rules import RuleFileError
from .verdict import Span, Text

_KEYS = {"id", "display", "category", "names", "latin_names", "host_tokens", "domains", "numbers", "not_within"}
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
# Greek and Cyrillic small letters drawn like Latin ones (the text is already in lower case):
# "amαzon", "аpple" with a Cyrillic а. Japanese fonts carry both alphabets, so a lone one turns
# up in genuine text too ("ATМ" typed from the Cyrillic row); only a brand's name spelt with
# one counts, as an imitation.
_LATIN_LOOKALIKES = str.maketrans(
    "αβεικνορτυχаеорсухіјѕһԁӏ",
    "abeiknoptuxaeopcyxijshdl",
)
_FOREIGN_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
# A capital I standing for a small l inside a word as written ("AppIe", "PayPaI").
# (Written to start with the I itself, which lets re skip through the text to each I.)
_CAPITAL_I_FOR_L = re.compile(r"I(?:(?<=[A-Za-z]I)(?=[a-z])|(?<=[a-z]I)(?![A-Za-z]))")
_LONGEST_NAME = 30  # a word longer than this on either side of the odd letter is no brand's name


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
    # longer words a name is part of without naming the brand ("ライン" in "オンライン")
    not_within: tuple[str, ...] = ()

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
    """The shipped brands (from the build's snapshot when it is current)."""
    return snapshot.kept("brands", read_brands)


def read_brands() -> tuple[Brand, ...]:
    """Every brand in ``brands.toml``, checked."""
    import tomllib  # not needed when the snapshot is used

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
            not_within=tuple(w.lower() for w in record.get("not_within", [])),
        ))
    return tuple(brands)


@cache
def _name_index() -> tuple[dict[str, tuple[Brand, ...]], frozenset[str]]:
    """Who each brand name belongs to, and which names count only as whole Latin words."""
    owners: dict[str, list[Brand]] = {}
    for brand in load_brands():
        for name in brand.names + brand.latin_names:
            owners.setdefault(name, []).append(brand)
    latin = frozenset(n for b in load_brands() for n in b.latin_names)
    return {n: tuple(bs) for n, bs in owners.items()}, latin


@cache
def _names_and_pairs() -> tuple[tuple[str, ...], tuple[frozenset[int], ...]]:
    """The brand names in the order of _name_index, and the character pairs of each."""
    names = tuple(_name_index()[0])
    return names, tuple(map(character_pairs, names))


@cache
def _katakana_index() -> tuple[re.Pattern[str] | None, dict[str, tuple[Brand, ...]]]:
    """Katakana brand names with voicing marks removed ("アマゾン" -> "アマソン"), as one pattern."""
    owners: dict[str, list[Brand]] = {}
    for brand in load_brands():
        for name in brand.names:
            if _KATAKANA_WORD.fullmatch(name) and len(name) >= 4:
                owners.setdefault(name.translate(_DAKUTEN), []).append(brand)
    if not owners:
        return None, {}
    # Matched in the text as written: each character stands for itself and its voiced forms
    # ("[カガ]"), the first one written out in each of its forms so that every alternative
    # starts with a fixed character (re's search then skips to those characters).
    read_as: dict[str, list[str]] = {}
    for voiced, plain in _DAKUTEN.items():
        read_as.setdefault(plain, [plain]).append(chr(voiced))
    alternatives = []
    for name in sorted(owners, key=len, reverse=True):
        rest = "".join(_one_of(read_as.get(ch, [ch])) for ch in name[1:])
        alternatives += [re.escape(first) + rest for first in read_as.get(name[0], [name[0]])]
    return re.compile("|".join(alternatives)), {n: tuple(bs) for n, bs in owners.items()}


def _one_of(chars: list[str]) -> str:
    return re.escape(chars[0]) if len(chars) == 1 else "[" + "".join(map(re.escape, chars)) + "]"


@cache
def _latin_index() -> tuple[tuple[str, Brand], ...]:
    return tuple((n, b) for b in load_brands() for n in b.latin_names + b.names
                 if n.isascii() and n.isalpha() and len(n) >= 6)


@lru_cache(maxsize=64)
def _latin_names_near(length: int) -> tuple[tuple[str, Brand], ...]:
    """The Latin names a word of ``length`` letters can be one edit away from (one letter
    longer, shorter or as long), in the order of :func:`_latin_index`."""
    return tuple((n, b) for n, b in _latin_index() if abs(len(n) - length) <= 1)


def one_edit_apart(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one substitution, insertion, deletion or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) >= 3 and len(b) >= 3 and a[0] != b[0] and a[-1] != b[-1]:
        return False  # one edit of words this long leaves the first or the last letter as it was
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_MAX_SPANS = 20


def _inside_word(text: str, start: int, end: int) -> bool:
    """A whole-word name ("au", "jcb") inside a longer Latin word ("autumn") is not the name."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return ("a" <= before <= "z") or ("a" <= after <= "z")


_ADDRESS_LOOKBACK = 300  # how far back a web address's start is looked for
_SPACES = (" ", "\n", "\t", "\r", "\f", "\v")  # what ends a web address (the text is normalised)


def _in_address_path(text: str, start: int) -> bool:
    """The name at ``start`` lies in the path of a web address (".../ems/..."), after its host.
    A short Latin name there ("ems", "au") is most often a folder's name, not the brand: the
    host is what the links' look-alike checks read, and a message naming the brand says so."""
    floor = max(start - _ADDRESS_LOOKBACK, 0)
    token = text[max(floor, *(text.rfind(space, floor, start) + 1 for space in _SPACES)):start]
    scheme = token.rfind("://")
    if scheme != -1:
        return "/" in token[scheme + 3:]
    www = token.rfind("www.")
    return www != -1 and "/" in token[www:]


def _is_ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _is_latin_or_lookalike(ch: str) -> bool:
    return "a" <= ch <= "z" or "\u0370" <= ch <= "\u04ff"


def _words_around(odd: re.Pattern[str], text: str, letter) -> Iterator[tuple[int, int]]:
    """The words (runs of ``letter`` characters) that hold a match of ``odd``, as (start, end),
    at most _MAX_WORDS of them and none longer than twice _LONGEST_NAME around the match: one
    regular search for the odd letter through the text, and a short look either side of it."""
    pos = 0
    for _ in range(_MAX_WORDS):
        m = odd.search(text, pos)
        if m is None:
            return
        a, b = m.start(), m.end()
        floor, ceiling = max(a - _LONGEST_NAME, 0), min(b + _LONGEST_NAME, len(text))
        while a > floor and letter(text[a - 1]):
            a -= 1
        while b < ceiling and letter(text[b]):
            b += 1
        pos = b
        if (a == 0 or not letter(text[a - 1])) and (b == len(text) or not letter(text[b])):
            yield a, b  # a whole word: one cut short by the look's reach is longer than any name


def _within_other_word(text: str, start: int, end: int, name: str, words: tuple[str, ...]) -> bool:
    """The name at ``start`` is part of one of ``words`` written there ("オンライン" holds "ライン")."""
    for word in words:
        offset = word.find(name)
        while offset != -1:
            if start >= offset and text.startswith(word, start - offset):
                return True
            offset = word.find(name, offset + 1)
    return False


_MAX_WORDS = 2000  # words (or places of one name) looked at by each of find_brands's passes, for a bounded cost


def find_brands(norm: NormalizedText) -> tuple[BrandMention, ...]:
    """Brands named in the text, with where, and whether a name is a misspelt imitation."""
    text = norm.text
    found: dict[str, tuple[Brand, list[Span], bool]] = {}

    def note_original(brand: Brand, span: Span, misspelt: bool) -> None:
        _, spans, was = found.get(brand.id, (brand, [], False))
        if len(spans) < _MAX_SPANS:
            spans.append(span)
        found[brand.id] = (brand, spans, was or misspelt)

    def note(brand: Brand, a: int, b: int, misspelt: bool) -> None:  # a, b: in the normalised text
        note_original(brand, norm.to_original(a, b), misspelt)

    owners, whole_words = _name_index()
    names, needs = _names_and_pairs()
    # A quick look before searching the text for a name: it must hold every pair of the name's
    # neighbouring characters (see core.prefilter.character_pairs).
    for name in compress(names, map(character_pairs(text).issuperset, needs)):
        brands = owners[name]
        at = text.find(name)
        hits = looked = 0
        while at != -1 and hits < _MAX_SPANS and looked < _MAX_WORDS:
            end = at + len(name)
            if name not in whole_words or not (_inside_word(text, at, end) or _in_address_path(text, at)):
                for brand in brands:
                    if not _within_other_word(text, at, end, name, brand.not_within):
                        note(brand, at, end, False)
                hits += 1
            looked += 1
            at = text.find(name, end)

    kata_pattern, kata_owners = _katakana_index()
    if kata_pattern is not None:
        real_names = set(owners)
        for m in kata_pattern.finditer(text):
            written = m.group()
            if written not in real_names:  # "アマソン" where "アマゾン" was meant
                for brand in kata_owners[written.translate(_DAKUTEN)]:
                    note(brand, m.start(), m.end(), True)

    for a, b in _words_around(_FOREIGN_LETTER, text, _is_latin_or_lookalike):
        for brand in owners.get(text[a:b].translate(_LATIN_LOOKALIKES), ()):
            note(brand, a, b, True)
    for a, b in _words_around(_CAPITAL_I_FOR_L, norm.original, _is_ascii_letter):
        for brand in owners.get(norm.original[a:b].replace("I", "l").lower(), ()):
            note_original(brand, (a, b), True)  # found in the text as written

    seen: set[str] = set()
    for m in _LATIN_WORD.finditer(text):
        word = m.group()
        if word in seen:
            continue
        if len(seen) >= _MAX_WORDS:
            break
        seen.add(word)
        if word in owners:
            continue  # a real name, found above
        first, last = word[0], word[-1]
        for name, brand in _latin_names_near(len(word)):
            # (one edit of words this long leaves the first or the last letter: see one_edit_apart)
            # a name without its first letter is an ordinary word ("cloud" in icloud, "tunes" in
            # itunes: Google Cloud is not an imitation of iCloud), not the lure of a look-alike
            if (name[0] == first or name[-1] == last) and word != name[1:] and one_edit_apart(word, name):
                note(brand, m.start(), m.end(), True)
    return tuple(BrandMention(brand=b, spans=tuple(s), misspelt=miss) for b, s, miss in found.values())


def owner_of(domain: str, host: str | None = None) -> Brand | None:
    """The brand that really uses ``domain``, if any (the first in the file, as
    :meth:`Brand.owns` tells, found through :func:`_domain_index` instead of asking each brand)."""
    exact, below, patterns = _domain_index()
    host = host or domain
    owners = [i for entry, i in below if domain.endswith(entry)]
    owners += [i for entry, i in patterns if fnmatch(host, entry) or fnmatch(host, "*." + entry)]
    if domain in exact:
        owners.append(exact[domain])
    return load_brands()[min(owners)] if owners else None


@cache
def _domain_index() -> tuple[dict[str, int], tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    """The brands' domains, for :func:`owner_of`: each plain entry with the position of the first
    brand that has it; the entries starting with "." (a whole branch, ".go.jp"); the entries with
    "*" (matched against the host). Positions are in load_brands()."""
    exact: dict[str, int] = {}
    below, patterns = [], []
    for i, brand in enumerate(load_brands()):
        for entry in brand.domains:
            if "*" in entry:
                patterns.append((entry, i))
                continue
            exact.setdefault(entry, i)
            if entry.startswith("."):
                below.append((entry, i))
    return exact, tuple(below), tuple(patterns)
