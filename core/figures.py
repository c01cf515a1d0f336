"""Detection figures: how many scams a detector caught and how many genuine messages it flagged,
overall and per family, with the misses. Shared by ``python -m core eval`` (the shipped detector
on a labelled file) and its cross-validated form (:mod:`core.train`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .verdict import Level


@dataclass(frozen=True, slots=True)
class Outcome:
    """One labelled message and the level it got (None: the check refused it)."""

    label: str  # "scam" or "genuine"
    family: str
    level: Level | None
    miss: Callable[[], dict]  # how to list it among the misses, when it is one
    error: dict | None = None  # why the check refused it, listed first


def tally(outcomes: Iterable[Outcome]) -> dict:
    """Scams caught (danger or caution) and as danger, genuine flagged and as danger, overall and
    per family; misses are scams not rated danger and genuine messages flagged."""
    per_family: dict[str, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    misses: list[dict] = []
    for o in outcomes:
        if o.error is not None:
            misses.append(o.error)
        fam = per_family[f"{o.label}/{o.family}"]
        fam["n"] += 1
        totals[o.label] += 1
        flagged = o.level in (Level.DANGER, Level.CAUTION)
        danger = o.level == Level.DANGER
        kind = ("caught", "scam_") if o.label == "scam" else ("flagged", "genuine_")
        fam[kind[0]] += flagged
        fam["danger"] += danger
        totals[kind[1] + kind[0]] += flagged
        totals[kind[1] + "danger"] += danger
        if (o.label == "scam" and not danger) or (o.label != "scam" and flagged):
            misses.append(o.miss())
    scams, genuine = totals["scam"], totals["genuine"]
    return {
        "scam": scams,
        "genuine": genuine,
        "scam_caught": totals["scam_caught"],
        "scam_caught_rate": totals["scam_caught"] / scams if scams else None,
        "scam_danger": totals["scam_danger"],
        "scam_danger_rate": totals["scam_danger"] / scams if scams else None,
        "genuine_flagged": totals["genuine_flagged"],
        "genuine_flagged_rate": totals["genuine_flagged"] / genuine if genuine else None,
        "genuine_danger": totals["genuine_danger"],
        "genuine_danger_rate": totals["genuine_danger"] / genuine if genuine else None,
        "families": {k: dict(v) for k, v in sorted(per_family.items())},
        "misses": misses,
    }
