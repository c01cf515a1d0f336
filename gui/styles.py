"""The window's look: a stylesheet file from ``resources/styles`` at the chosen text size.

The files use ``$text``, ``$large`` and ``$huge`` (point sizes) so one text-size step scales
every part of the window together. Colours live in the files, not here.
"""

from __future__ import annotations

from importlib.resources import files
from string import Template

DEFAULT_STYLE = "default.qss"
HIGH_CONTRAST_STYLE = "high_contrast.qss"
_LARGE = 1.25
_HUGE = 1.6


def stylesheet(high_contrast: bool, text_size_pt: int) -> str:
    name = HIGH_CONTRAST_STYLE if high_contrast else DEFAULT_STYLE
    template = Template(files("resources").joinpath("styles", name).read_text(encoding="utf-8"))
    return template.substitute(
        text=text_size_pt, large=round(text_size_pt * _LARGE), huge=round(text_size_pt * _HUGE)
    )
