"""The user's choices (language, text size, contrast), read tolerantly and saved atomically.

A missing or damaged file gives the defaults; a damaged file is set aside, never overwritten
unread. A single bad value falls back to its default without losing the others.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from core.verdict import LANGUAGES

from .storage import read_json_object, write_json_atomic

TEXT_SIZES_PT = (12, 14, 16, 18, 20, 24, 28, 32)
DEFAULT_TEXT_SIZE_PT = 18


@dataclass(frozen=True, slots=True)
class Settings:
    language: str = "ja"
    text_size_pt: int = DEFAULT_TEXT_SIZE_PT
    high_contrast: bool = False
    keep_history: bool = True

    def larger(self) -> Settings:
        return replace(self, text_size_pt=_step(self.text_size_pt, +1))

    def smaller(self) -> Settings:
        return replace(self, text_size_pt=_step(self.text_size_pt, -1))

    def default_size(self) -> Settings:
        return replace(self, text_size_pt=DEFAULT_TEXT_SIZE_PT)


def load_settings(path: Path) -> Settings:
    data = read_json_object(path)
    return Settings() if data is None else _from_dict(data)


def save_settings(path: Path, settings: Settings) -> None:
    write_json_atomic(path, asdict(settings))


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
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def _nearest(size: float) -> int:
    return min(TEXT_SIZES_PT, key=lambda s: abs(s - size))


def _step(size: int, direction: int) -> int:
    index = TEXT_SIZES_PT.index(_nearest(size)) + direction
    return TEXT_SIZES_PT[max(0, min(index, len(TEXT_SIZES_PT) - 1))]
