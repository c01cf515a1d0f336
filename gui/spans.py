"""Character offsets from the core (Python indices) to positions in a Qt text document.

Qt counts UTF-16 code units, so every character outside the Basic Multilingual Plane
(most emoji, some rare kanji) before an offset shifts it by one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable

from core.verdict import Span

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_positions(text: str, upto: int | None = None) -> Callable[[int], int]:
    """A function mapping a Python index (up to ``upto``) to the matching Qt document position."""
    astral = [m.start() for m in _ASTRAL.finditer(text, 0, len(text) if upto is None else upto)]
    if not astral:
        return lambda index: index
    return lambda index: index + bisect_left(astral, index)


def to_document(text: str, spans: Iterable[Span]) -> list[Span]:
    """``spans`` as Qt document ranges, clipped to the text; empty ranges dropped."""
    clipped = [(max(0, start), min(end, len(text))) for start, end in spans]
    clipped = [(start, end) for start, end in clipped if end > start]
    position = utf16_positions(text, max((end for _, end in clipped), default=0))
    return [(position(start), position(end)) for start, end in clipped]
