"""The reasons of a Verdict gathered by cause, for showing: one card on screen, one item on the sheet.

The Verdict decides and ranks the reasons; this only groups what it gives. Two reasons of one
kind (warning, reassuring, info) share a cause when they have the same guidance topic or point at
exactly the same places in the message: two rules about one international number, or about one
look-alike address, are read once. A reason without a topic or places is a cause of its own.
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
    reasons = verdict.reasons
    group = list(range(len(reasons)))  # each reason's first reason of its cause

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    def keys(reason: Reason) -> list[tuple[str, str, object]]:
        found: list[tuple[str, str, object]] = []
        if reason.topic:
            found.append((reason.kind.value, "topic", reason.topic))
        if reason.spans:
            found.append((reason.kind.value, "places", tuple(sorted(reason.spans))))
        return found

    first_with: dict[tuple[str, str, object], int] = {}
    for index, reason in enumerate(reasons):
        for key in keys(reason):
            if key in first_with:
                a, b = root(first_with[key]), root(index)
                group[max(a, b)] = min(a, b)
            else:
                first_with[key] = index
    gathered: dict[int, list[Reason]] = {}
    for index, reason in enumerate(reasons):
        gathered.setdefault(root(index), []).append(reason)
    return [Cause(tuple(members)) for members in gathered.values()]
