"""The reasons of a Verdict gathered by cause, for showing: one card on screen, one item on the sheet.

The Verdict decides and ranks the reasons; this only groups what it gives. A cause is a guidance
topic of one kind (warning, reassuring, info), so that two rules about one international number,
or about one look-alike address, are read once; a reason without a topic is a cause of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.verdict import Reason, Span, Verdict


@dataclass(frozen=True, slots=True)
class Cause:
    """The reasons the Verdict gives for one cause, strongest first (the Verdict's order)."""

    reasons: tuple[Reason, ...]

    @property
    def main(self) -> Reason:
        return self.reasons[0]

    @property
    def others(self) -> tuple[Reason, ...]:
        return self.reasons[1:]

    @property
    def spans(self) -> tuple[Span, ...]:
        return tuple(sorted({s for r in self.reasons for s in r.spans}))


def causes(verdict: Verdict) -> list[Cause]:
    """The verdict's reasons gathered by cause, in the order the Verdict ranks them."""
    groups: dict[tuple[str, str], list[Reason]] = {}
    for reason in verdict.reasons:
        groups.setdefault((reason.kind.value, reason.topic or f"#{reason.id}"), []).append(reason)
    return [Cause(tuple(reasons)) for reasons in groups.values()]
