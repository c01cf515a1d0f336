"""A checklist as the user left it in the guide, for the printed sheet (plain data, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChecklistResult:
    """Its title, each sign with whether it was ticked (in the order shown), and the conclusion."""

    title: str
    items: tuple[tuple[str, bool], ...]
    conclusion: str
