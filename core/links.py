"""Web addresses in a message: found, defanged and judged, never opened or resolved.

Finds addresses as a browser or a phone's message app would read them: ``https://...`` (also
with one slash or back-slashes, already defanged ``hxxps://example[.]com``, or masked
``https://~`` as quoted in warnings), bare hosts such as ``example.com/path`` (also written with
the ideographic full stop ``example。com``), and addresses in other schemes (``ftp://``,
``mailto:``, ``javascript:``, ``data:``, ``file:``, any ``name://``). For each it works out the host
and the registrable domain (from a public-suffix subset in resources) and the risks: an IP
address, punycode, a link shortener, an odd top-level domain, free hosting, a brand name inside
someone else's domain, a scheme that is not a web page. Whether a link goes to a named brand's
official domain is decided in :mod:`core.check`, which knows the brands the message names.

Every pattern here runs in time linear in the text: a host is at most 127 labels (DNS allows no
more), a label cannot start right after a defanged dot, and the work per link is bounded.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from . import snapshot
from .brands import Brand, load_brands, one_edit_apart, owner_of
from .normalize import INVISIBLE, NormalizedText
from .verdict import Link, LinkRisk

_MASK_CHARS = "~*○〇●×◯…・"
_URL_CHARS = r"[!#-'*-;=?-Z\\^-z|~\[\]@%$&+,\-○〇●×◯…・]"
_COLON = r"(?::|\[:\]|\(:\))"
# Browsers read "https:/x", "https:\\x" and "https:///x" as "https://x".
_SCHEME = re.compile(
    rf"(?<![a-z])(?:h(?:tt|xx|\*\*|tx|xt)ps?|ttps?|hxxp){_COLON}(?:/{{1,3}}|\\{{1,2}}){_URL_CHARS}*"
    rf"|(?<![a-z0-9@._-])www(?:\.|\[\.\]){_URL_CHARS}+",
    re.IGNORECASE,
)
# Other schemes: any "name://", and the few without slashes that run or open something.
_OTHER_SCHEME = re.compile(
    rf"(?<![a-z0-9+.-])(?:[a-z][a-z0-9+.-]{{1,30}}{_COLON}//|(?:javascript|vbscript|mailto){_COLON}"
    rf"|data{_COLON}(?=[a-z]+/)|file{_COLON}(?=/)){_URL_CHARS}+",
    re.IGNORECASE,
)
_WWW = re.compile("www", re.IGNORECASE)
_WEB_SCHEME = re.compile(r"(?:h(?:tt|xx|\*\*|tx|xt)ps?|ttps?|hxxp)$", re.IGNORECASE)
# A label may not start right after a defanged dot: otherwise every label of "a[.]a[.]a[.]..."
# would start a new attempt that scans to the end (quadratic time). The pattern starts with the
# first label's first character, so re's search skips to letters and digits; what may not come
# before it is checked right after it, by look-behinds that span it.
_AFTER_FIRST = r"(?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.|\[\.\]|\(\.\))"  # a label after its first character, and its dot
_BARE = re.compile(
    r"([a-z0-9](?<![a-z0-9@._/-].)(?<!\[\.\].)(?<!\(\.\).)" + _AFTER_FIRST  # the first label: 1 to 126 in all
    + r"(?:[a-z0-9]" + _AFTER_FIRST + r"){0,125}"
    r"([a-z]{2,24}))(?![a-z0-9@-])(?![.][a-z0-9])((?:[/?#][!#-;=?-z~%]*)?)"
)
# The ideographic full stop between letters or digits: browsers read "evil。com" as "evil.com".
# (It starts with the full stop, so re's search skips to it; the look-behind spans it.)
_IDEOGRAPHIC_DOT = re.compile(r"。(?<=[a-z0-9]。)(?=[a-z0-9])", re.IGNORECASE)
_SCHEME_PREFIX = re.compile(rf"([a-z*][a-z0-9+.*-]*){_COLON}([/\\]*)", re.IGNORECASE)
_NO_SLASH_SCHEMES = frozenset({"mailto", "javascript", "vbscript", "data", "file"})
_COMPANY_FORM = re.compile(r"co\.(?:ltd|inc|llc)")
_CAREFUL_LENGTH = 4096  # beyond this, every dot and colon of an address is bracketed
_MAX_HOST = 253  # a host name has at most 253 characters (127 labels)
_MAX_SUFFIX_LABELS = 6  # the longest public suffix has fewer labels than this
_DEFANG = re.compile(r"\[\.\]|\(\.\)|\{\.\}")
_LEFTOVER_WWW = re.compile(r"(?<![a-z0-9])www\.", re.IGNORECASE)
# A plain e-mail address (ASCII, as mail programs and PDF viewers recognise one): its domain's
# dots are bracketed, as a link's are, so that nothing turns it into a live "mailto" link.
_EMAIL_DOMAIN = re.compile(
    r"(?<=[A-Za-z0-9._%+-]@)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+"
)
_ANY_SCHEME = re.compile(
    r"(?:h(?:tt|xx|\*\*|tx|xt)p|(?<![a-z])ttp|hxxp)(s?)(?::|\[:\]|\(:\))(?:/{1,3}|\\{1,2})", re.IGNORECASE
)
# Any other scheme that a viewer could make live: its colon is bracketed ("mailto[:]").
_OTHER_SCHEME_COLON = re.compile(
    r"(?<![a-z0-9+.-])((?!h(?:tt|xx)ps?:|hxxps?:)[a-z][a-z0-9+.-]{1,30}):(?=//)"
    r"|(?<![a-z0-9+.-])(javascript|vbscript|mailto|data|file):(?=[^\s])",
    re.IGNORECASE,
)
# Where a host begins in a defanged address: after "://" or after another scheme's "[:]".
_SCHEME_BREAK = re.compile(r"(://|\[:\](?://)?)")
_STARTS_WITH_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*\[:\]", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\"」』】>"
_RISK_ORDER = (
    LinkRisk.LOOKALIKE, LinkRisk.ODD_SCHEME, LinkRisk.IP_ADDRESS, LinkRisk.PUNYCODE, LinkRisk.NOT_OFFICIAL,
    LinkRisk.FREE_HOSTING, LinkRisk.ODD_TLD, LinkRisk.SHORTENER, LinkRisk.MASKED,
    LinkRisk.OFFICIAL, LinkRisk.NONE,
)


@dataclass(frozen=True, slots=True)
class LinkLists:
    suffixes: frozenset[str]  # multi-label public suffixes (co.jp, lg.jp, com.cn ...)
    tlds: frozenset[str]  # top-level domains accepted for bare hosts (com, jp ...)
    all_tlds: frozenset[str]  # every top-level domain in use (bare hosts with a path or www.)
    odd_tlds: frozenset[str]
    shorteners: frozenset[str]
    free_hosting: frozenset[str]
    well_known: frozenset[str]  # big platforms genuine notices link to (not "not official")


def _read(name: str) -> frozenset[str]:
    text = (resources.files("resources") / "links" / name).read_text(encoding="utf-8")
    return frozenset(
        line.split("#", 1)[0].strip().lower()
        for line in text.splitlines()
        if line.split("#", 1)[0].strip()
    )


@cache
def link_lists() -> LinkLists:
    """The shipped lists (from the build's snapshot when it is current)."""
    return snapshot.kept("link_lists", read_link_lists)


def read_link_lists() -> LinkLists:
    return LinkLists(
        suffixes=_read("public_suffixes.txt"),
        tlds=_read("tlds.txt"),
        all_tlds=_read("all_tlds.txt"),
        odd_tlds=_read("odd_tlds.txt"),
        shorteners=_read("shorteners.txt"),
        free_hosting=_read("free_hosting.txt"),
        well_known=_read("well_known.txt"),
    )


def ordered_risks(risks) -> tuple[LinkRisk, ...]:
    """Each risk once, worst first (the first is what a link's note talks about)."""
    return tuple(sorted(set(risks), key=_RISK_ORDER.index))


def defang(url: str) -> str:
    """``https://a.example.com/x`` -> ``hxxps://a[.]example[.]com/x``: shown, never clickable.

    Every scheme inside the address is defanged too (``...?next=http://b.example``), and
    every host that follows one; other schemes get a bracketed colon (``mailto[:]a@b[.]example``).
    """
    if len(url) > _CAREFUL_LENGTH:  # no real address is this long: the rest is made dead wholesale
        return defang(url[:_CAREFUL_LENGTH]) + url[_CAREFUL_LENGTH:].replace(".", "[.]").replace(":", "[:]")
    url = _DEFANG.sub(".", url)
    url = _ANY_SCHEME.sub(lambda m: f"hxxp{m.group(1).lower()}://", url)
    url = _OTHER_SCHEME_COLON.sub(lambda m: f"{m.group(1) or m.group(2)}[:]", url)
    pieces = _SCHEME_BREAK.split(url)
    # pieces alternate: text, separator, text ...; a host follows every separator
    if not _SCHEME_BREAK.match(url) and not _STARTS_WITH_SCHEME.match(url):
        pieces[0] = _defang_leading_host(pieces[0])
    for i in range(2, len(pieces), 2):
        pieces[i] = _defang_leading_host(pieces[i])
    return "".join(pieces)


def defang_text(text: str, links: Sequence[Link]) -> str:
    """``text`` with each found link replaced by its defanged form, for printing or saving.

    ``links`` are those of the verdict for ``text`` (their spans index into it). Addresses the
    check did not list (beyond its limits) still get every scheme and "www." broken.
    """
    pieces: list[str] = []
    pos = 0
    for link in sorted(links, key=lambda lk: lk.start):
        if link.start < pos or link.end > len(text):
            continue
        pieces += [_defang_leftovers(text[pos:link.start]), link.defanged]
        pos = link.end
    pieces.append(_defang_leftovers(text[pos:]))
    return "".join(pieces)


def _defang_leftovers(text: str) -> str:
    text = _ANY_SCHEME.sub(lambda m: f"hxxp{m.group(1).lower()}://", text)
    text = _OTHER_SCHEME_COLON.sub(lambda m: f"{m.group(1) or m.group(2)}[:]", text)
    text = _EMAIL_DOMAIN.sub(lambda m: m.group(0).replace(".", "[.]"), text)
    return _LEFTOVER_WWW.sub("www[.]", text)


def _shown(original: str) -> str:
    """The address as written, in plain half-width characters with invisible ones removed."""
    shown = INVISIBLE.sub("", unicodedata.normalize("NFKC", original)).replace("\n", "")
    return _IDEOGRAPHIC_DOT.sub(".", shown)


def _defang_leading_host(part: str) -> str:
    cut = re.search(r"[/?#\\]", part)
    host, tail = (part[: cut.start()], part[cut.start():]) if cut else (part, "")
    return host.replace(".", "[.]") + tail


def registrable_domain(host: str, suffixes: frozenset[str]) -> str:
    labels = host.split(".")
    for i in range(max(len(labels) - _MAX_SUFFIX_LABELS, 0), len(labels)):
        if ".".join(labels[i:]) in suffixes:
            return ".".join(labels[max(i - 1, 0):])
    return ".".join(labels[-2:])


def _scheme_of(url: str) -> re.Match[str] | None:
    """The scheme a URL (defanged dots undone) starts with, if any."""
    scheme = _SCHEME_PREFIX.match(url)
    if scheme and not scheme.group(2) and scheme.group(1).lower() not in _NO_SLASH_SCHEMES:
        return None  # "www.example.com:8080/": a port, not a scheme
    return scheme


def _host_of(url: str, scheme: re.Match[str] | None) -> tuple[str | None, bool]:
    """The host of a URL (defanged dots undone; lower case, no user or port) and whether it is
    masked. ``scheme`` is :func:`_scheme_of` the URL."""
    rest = url[scheme.end():] if scheme else url
    if scheme and scheme.group(1).lower() == "mailto":
        rest = rest.split("?", 1)[0]  # mailto:someone@host: the host is after the "@"
    host = re.split(r"[/?#\\]", rest, maxsplit=1)[0]
    host = host.rsplit("@", 1)[-1]  # https://www.amazon.co.jp@evil.example/ goes to evil.example
    host = re.sub(r":\d*$", "", host).strip(".").lower()
    if len(host) > _MAX_HOST:  # no real host is longer: judge what a resolver would still read
        host = host[-_MAX_HOST:].split(".", 1)[-1]
    masked = any(ch in host for ch in _MASK_CHARS) or host in {"", "xxx", "xxxx"} or bool(
        re.fullmatch(r"[x.]+", host)
    )
    if not host or not re.search(r"[a-z0-9]", host.replace("x", "")) and masked:
        return None, True
    return host, masked


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return bool(re.fullmatch(r"(?:0x[0-9a-f]+|\d{8,10})", host))


def _lookalike(host: str, domain: str, brands: tuple[Brand, ...], named: set[str]) -> Brand | None:
    """A brand word inside a host that is not that brand's (``yamato-xx.com``, ``aoen.co.jp.v-o-t.com``)."""
    labels = re.split(r"[.-]", host[: len(host) - len(domain)].rstrip(".")) + re.split(r"[.-]", domain.split(".")[0])
    for brand in brands:
        if _has_brand_word(labels, brand, brand.id in named) and not brand.owns(domain, host):
            return brand
    return None


def _has_brand_word(labels: list[str], brand: Brand, named: bool) -> bool:
    """Whether a label is one of the brand's words or holds a long one (five letters or more),
    or, for a brand the message names, is one of its words of four letters or more misspelt."""
    for token in brand.host_tokens:
        for label in labels:
            if not label:
                continue
            if token == label or (len(token) >= 5 and token in label):
                return True
            if named and len(token) >= 4 and one_edit_apart(label, token):
                return True
    return False


def _odd_scheme(scheme: re.Match[str] | None) -> bool:
    """Not a web page: ``ftp://``, ``javascript:``, ``data:``, ``file:``, ``app-name://`` ...
    (``mailto:`` only writes an e-mail: its address is judged like a host)."""
    if scheme is None:
        return False
    name = scheme.group(1).lower()
    return name != "mailto" and not _WEB_SCHEME.match(name)


def _judge(url: str, lists: LinkLists, named: set[str]) -> tuple[str | None, str | None, list[LinkRisk]]:
    """``(host, registrable domain, risks)`` of one address as written."""
    url = _DEFANG.sub(".", url)
    scheme = _scheme_of(url)
    host, masked = _host_of(url, scheme)
    domain, risks = _judge_host(host, masked, lists, named)
    if _odd_scheme(scheme):
        risks = [LinkRisk.ODD_SCHEME] + [r for r in risks if r is not LinkRisk.OFFICIAL]
    return host, domain, risks


def _judge_host(host: str | None, masked: bool, lists: LinkLists, named: set[str]) -> tuple[str | None, list[LinkRisk]]:
    if host is None:
        return None, [LinkRisk.MASKED]
    risks: list[LinkRisk] = []
    if _is_ip(host):
        return host, [LinkRisk.IP_ADDRESS]
    domain = registrable_domain(host, lists.suffixes)
    if owner_of(domain, host) is not None and "xn--" not in host:
        return domain, [LinkRisk.OFFICIAL] + ([LinkRisk.MASKED] if masked else [])
    if _lookalike(host, domain, load_brands(), named) is not None:
        risks.append(LinkRisk.LOOKALIKE)
    elif re.search(r"\.(?:co|ne|or|go|lg|ac)\.jp\.", host + ".") and not domain.endswith(".jp"):
        risks.append(LinkRisk.LOOKALIKE)  # "xxx.co.jp.example.com" pretends to be Japanese
    if "xn--" in host:
        risks.append(LinkRisk.PUNYCODE)
    if domain in lists.free_hosting or any(host.endswith("." + f) for f in lists.free_hosting):
        risks.append(LinkRisk.FREE_HOSTING)
    tld = host.rsplit(".", 1)[-1]
    if tld in lists.odd_tlds:
        risks.append(LinkRisk.ODD_TLD)
    if domain in lists.shorteners:
        risks.append(LinkRisk.SHORTENER)
    if masked:
        risks.append(LinkRisk.MASKED)
    return domain, risks


def _scheme_patterns(text: str) -> list[re.Pattern[str]]:
    """The patterns of addresses with a scheme that could match ``text``: one for a web page
    needs a slash or a back-slash after its colon, or "www"; any other needs a colon. (Both are
    case-blind, so re cannot skip to where they start: a quick look first spares the search.)"""
    patterns = []
    if "/" in text or "\\" in text or _WWW.search(text):
        patterns.append(_SCHEME)
    if ":" in text:
        patterns.append(_OTHER_SCHEME)
    return patterns


def find_links(norm: NormalizedText, named_brands: set[str], limit: int, notes) -> tuple[Link, ...]:
    """Every web address in the text, in order, at most ``limit``.

    ``notes(risk)`` gives the user-facing sentence for a risk (from the rule resources).
    """
    lists = link_lists()
    text = _IDEOGRAPHIC_DOT.sub(".", norm.text)  # same length: offsets still map
    found: list[Link] = []
    taken: list[tuple[int, int]] = []

    def add(a: int, b: int) -> None:
        raw = text[a:b].rstrip(_TRAILING)
        b = a + len(raw)
        if not raw or any(a < e and b > s for s, e in taken):
            return
        host, domain, risks = _judge(raw, lists, named_brands)
        risks = list(ordered_risks(risks))
        start, end = norm.to_original(a, b)
        original = norm.original[start:end]
        link = Link(
            text=original,
            start=start,
            end=end,
            defanged=defang(_shown(original)),
            host=host,
            registrable_domain=domain,
            risks=tuple(risks) or (LinkRisk.NONE,),
            note=notes(risks[0] if risks else LinkRisk.NONE),
        )
        found.append(link)
        taken.append((a, b))

    for pattern in _scheme_patterns(text):
        for m in pattern.finditer(text):
            if len(found) >= limit:
                break
            add(m.start(), m.end())
    for m in _BARE.finditer(text):
        if len(found) >= limit:
            break
        host = _DEFANG.sub(".", m.group(1))
        tld = m.group(2)
        if tld not in lists.tlds and tld not in lists.odd_tlds and not (
            tld in lists.all_tlds and (m.group(3) or host.startswith("www."))
        ):
            continue  # "Co.Ltd", "ver.2.one": a rarer ending counts only with a path
        if not re.search(r"[a-z]", host.split(".")[0]) and not m.group(3):
            continue  # "1.5.jp"-like noise
        if not m.group(3) and _COMPANY_FORM.fullmatch(host):
            continue  # "Sample Co.Ltd": a company's legal form, not an address
        if not m.group(3) and owner_of(registrable_domain(host, lists.suffixes), host) is not None:
            continue  # "Amazon.co.jp" written as a company name, not a link
        add(m.start(), m.end())
    found.sort(key=lambda link: link.start)  # offsets map in order: same as the normalised order
    return tuple(found)
