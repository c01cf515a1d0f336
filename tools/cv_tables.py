"""The README's tables of cross-validated figures, from the JSON of `python -m core eval`.

    python -m core eval --json --cv 5 corpus/messages.jsonl > now.json      (and the same for a build before)
    python -m core eval --json corpus/heldout.jsonl > heldout.json          (and heldout2 ... heldout5)
    python tools/cv_tables.py now.json before.json [--heldout heldout.json heldout2.json ...]   (the eval JSONs)

Prints, for the messages of ``corpus/messages.jsonl``: scams by kind and genuine messages by
kind (the kinds group the families as listed below), every family of 25 messages or more, and,
with ``--heldout``, scams by length beside the held-out scams of the files given. A message that
is not among an eval's misses was rated danger if a scam and no signs if genuine. The JSON of a
cross-validation holds its first draw's misses, so the tables are of the first draw.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

SCAM_KINDS = {
    "The billing call-back family (a fee claim and a number to call)": {"billing-callback", "delivery-callback"},
    "Paid-content and court threats": {"legal-threat", "fake-court", "oneclick-billing"},
    "What phone scammers say: fake police and prosecutors": {"fake-police"},
    "What phone scammers say: relatives in trouble": {"family-impersonation"},
    "What phone scammers say: refunds, cash-card swaps, pensions, officials, questions about savings": {
        "refund-scam", "cash-card-swap", "apo-call", "nursing-home-scam", "fake-gov", "benefit-scam", "fake-official",
        "name-lending", "bank-impersonation", "pension-scam", "card-impersonation", "utility-impersonation",
        "banknote-scam", "fake-bank", "data-removal", "fake-delivery"},
    "Automated voice calls": {"auto-voice"},
    "Door-to-door and phone sales: free inspections, push-buying, line and power sales": {
        "inspection-scam", "home-buying-scam", "deceptive-sales"},
    "LINE and SNS: romance, dating-site spam, wrong-number openers, sextortion": {
        "romance", "dating-spam", "wrong-number", "sextortion"},
    "LINE and SNS: investment, side jobs, prizes, hijacked accounts": {
        "investment", "side-job", "prize", "line-takeover", "sns-takeover", "crypto-phish"},
    "Other: fake company e-mails and goods, support scams, inheritances, donations, surveys": {
        "fake-business", "tech-support", "inheritance-scam", "disaster-donation", "fake-support", "malware-mail",
        "recovery-scam", "marketplace-scam", "fake-survey", "domain-scam"},
}
PHISHING = "Phishing in a company's or office's name (accounts, cards, banks, parcels, bills, tax ...)"  # the rest
GENUINE_KINDS = {
    "Everyday messages between people": {"everyday"},
    "Police, council and consumer-centre warnings and bulletins": {
        "police-notice", "gov-notice", "consumer-notice", "community-notice"},
    "School, clinic and disaster messages": {"school-notice", "medical-notice", "emergency-alert"},
}
NOTICES = "Company notices, security alerts, codes, reminders; an office's notices about your own dealings"  # the rest
LENGTHS = ((0, 30, "under 30"), (30, 80, "30–79"), (80, 200, "80–199"), (200, None, "200 or more"))


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def levels(eval_json: Path, messages: list[dict]) -> dict[str, str]:
    missed = {m["id"]: m["level"] for m in json.loads(eval_json.read_text(encoding="utf-8"))["misses"]}
    return {m["id"]: missed.get(m["id"], "danger" if m["label"] == "scam" else "no_signs") for m in messages}


def _judged_file(eval_json: Path) -> list[dict]:
    """The messages of the corpus file an eval judged: the one that holds all its misses and as
    many scams and genuine messages as it counted."""
    figures = json.loads(eval_json.read_text(encoding="utf-8"))
    missed = {m["id"] for m in figures["misses"]}
    for path in sorted(CORPUS.glob("*.jsonl")):
        records = [m for m in _read(path) if "label" in m]
        counts = Counter(m["label"] for m in records)
        if (counts["scam"], counts["genuine"]) == (figures["scam"], figures["genuine"]) \
                and missed <= {m["id"] for m in records}:
            return records
    raise SystemExit(f"{eval_json}: no corpus file matches what it judged")


def kind_of(message: dict) -> str:
    kinds, rest = (SCAM_KINDS, PHISHING) if message["label"] == "scam" else (GENUINE_KINDS, NOTICES)
    return next((k for k, families in kinds.items() if message["family"] in families), rest)


def _share(levels_: list[str], wanted, digits: int = 0) -> str:
    return f"{100 * sum(map(wanted, levels_)) / len(levels_):.{digits}f}%" if levels_ else "–"


def _flagged(level: str) -> bool:
    return level != "no_signs"


def _danger(level: str) -> bool:
    return level == "danger"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("now", type=Path)
    parser.add_argument("before", type=Path)
    parser.add_argument("--heldout", type=Path, nargs="*", default=[])
    args = parser.parse_args(argv)
    messages = _read(CORPUS / "messages.jsonl")
    now, before = levels(args.now, messages), levels(args.before, messages)

    for label, order in (("scam", [PHISHING, *SCAM_KINDS]), ("genuine", [*GENUINE_KINDS, NOTICES])):
        word = "caught" if label == "scam" else "flagged"
        print(f"| {label} | messages | {word} | as danger | before: {word} | as danger |")
        print("|---|---:|---:|---:|---:|---:|")
        for kind in order:
            ids = [m["id"] for m in messages if m["label"] == label and kind_of(m) == kind]
            a, b = [now[i] for i in ids], [before[i] for i in ids]
            d = 0 if label == "scam" else 1  # the genuine ones are weighed against 3% and 1%
            print(f"| {kind} | {len(ids):,} | {_share(a, _flagged, d)} | {_share(a, _danger, d)} "
                  f"| {_share(b, _flagged, d)} | {_share(b, _danger, d)} |")
        print()

    print("| family | messages | caught / danger (scams) or flagged / danger (genuine) | before |")
    print("|---|---:|---:|---:|")
    families = Counter((m["label"], m["family"]) for m in messages)
    for label in ("scam", "genuine"):
        for (lab, family), n in families.most_common():
            if lab != label or n < 25:
                continue
            ids = [m["id"] for m in messages if (m["label"], m["family"]) == (lab, family)]
            counts = [sum(f(levels_[i]) for i in ids) for levels_ in (now, before) for f in (_flagged, _danger)]
            print(f"| {label}/{family} | {n:,} | {counts[0]} / {counts[1]} | {counts[2]} / {counts[3]} |")

    if args.heldout:
        held: list[tuple[int, str]] = []
        for path in args.heldout:
            source = _judged_file(path)
            judged = levels(path, source)
            held += [(len(m["text"]), judged[m["id"]]) for m in source if m["label"] == "scam"]
        print()
        print("| characters | scams | caught | as danger | held-out scams | caught | as danger |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for low, high, name in LENGTHS:
            inside = lambda n: low <= n and (high is None or n < high)  # noqa: E731
            a = [now[m["id"]] for m in messages if m["label"] == "scam" and inside(len(m["text"]))]
            h = [level for n, level in held if inside(n)]
            print(f"| {name} | {len(a):,} | {_share(a, _flagged)} | {_share(a, _danger)} "
                  f"| {len(h)} | {_share(h, _flagged)} | {_share(h, _danger)} |")


if __name__ == "__main__":
    main()
