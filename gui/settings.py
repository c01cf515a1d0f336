"""The user's choices (language, text size, contrast, where the window was), read tolerantly and saved atomically.

A missing or damaged file gives the defaults; a damaged file is set aside, never overwritten
unread. A single bad value falls back to its default without losing the others. A save writes
only the choices that changed into the file as it is then, so two windows keep each other's.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from core.verdict import LANGUAGES

from .storage import FileProblem, not_saved, read_json_object, update_json_object, write_json_atomic
from .window_place import WindowPlace

TEXT_SIZES_PT = (12, 14, 16, 18, 20, 24, 28, 32)
DEFAULT_TEXT_SIZE_PT = 18


@dataclass(frozen=True, slots=True)
class Settings:
    language: str = "ja"
    text_size_pt: int = DEFAULT_TEXT_SIZE_PT
    high_contrast: bool = False
    keep_history: bool = True
    window: WindowPlace | None = None  # where the window was last left

    def larger(self) -> Settings:
        return replace(self, text_size_pt=_step(self.text_size_pt, +1))

    def smaller(self) -> Settings:
        return replace(self, text_size_pt=_step(self.text_size_pt, -1))

    def default_size(self) -> Settings:
        return replace(self, text_size_pt=DEFAULT_TEXT_SIZE_PT)


def load_settings(path: Path) -> Settings:
    return read_settings(path)[0]


def read_settings(path: Path) -> tuple[Settings, FileProblem | None]:
    """The settings in ``path`` (defaults where there are none) and what went wrong reading it."""
    found = read_json_object(path)
    return (Settings() if found.data is None else _from_dict(found.data)), found.problem


def save_settings(path: Path, settings: Settings) -> None:
    write_json_atomic(path, _to_dict(settings))


def _to_dict(settings: Settings) -> dict[str, Any]:
    """The settings as the file holds them (the window's place as a list of five numbers)."""
    data = asdict(settings)
    data["window"] = settings.window.to_list() if settings.window is not None else None
    return data


class SettingsStore:
    """The settings file; with ``on_disk=False`` (a data folder that cannot be written) changes
    are used until the window closes but not saved."""

    def __init__(self, path: Path, on_disk: bool = True) -> None:
        self._path = path
        self._on_disk = on_disk

    def read(self) -> tuple[Settings, FileProblem | None]:
        if not self._path.parent.is_dir():  # no data folder at all
            return Settings(), None
        return read_settings(self._path)

    def save(self, before: Settings, after: Settings) -> FileProblem | None:
        """Write the choices that differ between ``before`` and ``after`` into the file as it is
        now, keeping what another window saved meanwhile (never raises); what went wrong."""
        if not self._on_disk:
            return None
        old, new = _to_dict(before), _to_dict(after)
        changed = {key: value for key, value in new.items() if old[key] != value}

        def merged(data: dict[str, Any] | None) -> dict[str, Any]:
            return {**_to_dict(Settings() if data is None else _from_dict(data)), **changed}

        try:
            return update_json_object(self._path, merged)
        except OSError as error:
            return not_saved(self._path, error)


def _from_dict(data: dict[str, Any]) -> Settings:
    defaults = Settings()
    language = data.get("language")
    size = data.get("text_size_pt")
    contrast = data.get("high_contrast")
    keep = data.get("keep_history")
    return Settings(
        language=language if language in LANGUAGES else defaults.language,
        text_size_pt=_nearest(size) if _is_number(size) else defaults.text_size_pt,
        high_contrast=contrast if isinstance(contrast, bool) else defaults.high_contrast,
        keep_history=keep if isinstance(keep, bool) else defaults.keep_history,
        window=WindowPlace.from_value(data.get("window")),
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def _nearest(size: float) -> int:
    return min(TEXT_SIZES_PT, key=lambda s: abs(s - size))


def _step(size: int, direction: int) -> int:
    index = TEXT_SIZES_PT.index(_nearest(size)) + direction
    return TEXT_SIZES_PT[max(0, min(index, len(TEXT_SIZES_PT) - 1))]
