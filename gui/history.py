"""A local list of past checks: when, what the verdict was, and the start of the message.

Only a short excerpt is kept, with any web address defanged, newest first and at most
``MAX_ENTRIES``. Stored as JSON next to the settings; a damaged file is set aside. Each entry is
added under the file's lock to what the file holds then, so two windows lose nothing. An entry
that could not be written (full disk, read-only folder, no data folder at all) is kept in memory,
still listed, and written with the next entry that can be.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from core import defang_text
from core.verdict import Level, Verdict

from .storage import FileProblem, not_saved, read_json_object, update_json_object

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
    """The history file; with ``on_disk=False`` (a data folder that cannot be written) what it
    holds is still listed, but this session's entries are kept in memory only."""

    def __init__(self, path: Path, on_disk: bool = True) -> None:
        self._path = path
        self._on_disk = on_disk
        self._unsaved: list[HistoryEntry] = []  # newest first

    def entries(self) -> list[HistoryEntry]:
        return self.read()[0]

    def read(self) -> tuple[list[HistoryEntry], FileProblem | None]:
        """Every entry, newest first (never raises), and what went wrong reading the file."""
        if not self._path.parent.is_dir():  # no data folder at all
            return list(self._unsaved), None
        found = read_json_object(self._path)
        return [*self._unsaved, *_entries(found.data)][:MAX_ENTRIES], found.problem

    def add(self, entry: HistoryEntry) -> FileProblem | None:
        """Add ``entry`` (never raises); what went wrong, if anything. An entry that could not be
        written is kept in memory and written with the next one."""
        self._unsaved = [entry, *self._unsaved][:MAX_ENTRIES]
        if not self._on_disk:
            return None
        try:
            problem = update_json_object(self._path, lambda data: _document([*self._unsaved, *_entries(data)]))
        except OSError as error:
            return not_saved(self._path, error)
        self._unsaved = []
        return problem

    def clear(self) -> FileProblem | None:
        """Forget every entry (never raises); what went wrong, if anything."""
        self._unsaved = []
        if not self._on_disk:
            return None
        try:
            return update_json_object(self._path, lambda data: _document([]))
        except OSError as error:
            return not_saved(self._path, error)


def _document(entries: list[HistoryEntry]) -> dict[str, Any]:
    return {"version": _FORMAT_VERSION, "entries": [asdict(e) for e in entries[:MAX_ENTRIES]]}


def _entries(data: dict[str, Any] | None) -> list[HistoryEntry]:
    raw = data.get("entries") if data is not None else None
    return [e for e in map(_entry, raw) if e is not None] if isinstance(raw, list) else []


def _entry(raw: Any) -> HistoryEntry | None:
    if not isinstance(raw, dict):
        return None
    when, level, text = raw.get("when"), raw.get("level"), raw.get("excerpt")
    if not (isinstance(when, str) and isinstance(text, str) and level in _LEVELS):
        return None
    return HistoryEntry(when=when, level=level, excerpt=text)
