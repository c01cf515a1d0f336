"""A local list of past checks: when, what the verdict was, and the start of the message.

Only a short excerpt is kept, with any web address defanged, newest first and at most
``MAX_ENTRIES``. Stored as JSON next to the settings; a damaged file is set aside.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from core import defang_text
from core.verdict import Level, Verdict

from .storage import read_json_object, write_json_atomic

MAX_ENTRIES = 200
EXCERPT_CHARS = 60
_FORMAT_VERSION = 1
_LEVELS = frozenset(level.value for level in Level)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    when: str  # local time, ISO 8601 to the minute
    level: str  # a Level value, as the core decided it
    excerpt: str


def entry_for(message: str, verdict: Verdict, when: datetime) -> HistoryEntry:
    return HistoryEntry(
        when=when.isoformat(timespec="minutes"),
        level=verdict.level.value,
        excerpt=excerpt(message, verdict),
    )


def excerpt(message: str, verdict: Verdict, limit: int = EXCERPT_CHARS) -> str:
    """The start of the message on one line, links replaced by their defanged form.

    A link that starts within the excerpt is kept whole.
    """
    cut = max([limit] + [link.end for link in verdict.links if link.start < limit])
    shown = defang_text(message[:cut], [link for link in verdict.links if link.end <= cut])
    return " ".join(shown.split()) + ("…" if len(message) > cut else "")


class HistoryStore:
    def __init__(self, path: Path) -> None:
        self._path = path

    def entries(self) -> list[HistoryEntry]:
        data = read_json_object(self._path)
        if data is None:
            return []
        raw = data.get("entries")
        return [e for e in map(_entry, raw) if e is not None] if isinstance(raw, list) else []

    def add(self, entry: HistoryEntry) -> None:
        self._write([entry, *self.entries()][:MAX_ENTRIES])

    def clear(self) -> None:
        self._write([])

    def _write(self, entries: list[HistoryEntry]) -> None:
        write_json_atomic(self._path, {"version": _FORMAT_VERSION, "entries": [asdict(e) for e in entries]})


def _entry(raw: Any) -> HistoryEntry | None:
    if not isinstance(raw, dict):
        return None
    when, level, text = raw.get("when"), raw.get("level"), raw.get("excerpt")
    if not (isinstance(when, str) and isinstance(text, str) and level in _LEVELS):
        return None
    return HistoryEntry(when=when, level=level, excerpt=text)
