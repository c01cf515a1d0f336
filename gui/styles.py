"""The window's look: a stylesheet file from ``resources/styles`` at the chosen text size.

The files use ``$text``, ``$large``, ``$huge`` and ``$chrome`` (point sizes) so one text-size step
scales every part of the window together. Headings and the banner grow by a share of the text
size but by no more than a few points, and the menus and the text-size buttons (``$chrome``)
stop growing at ``CHROME_MAX_PT``: at the largest sizes on a small screen every point of height
goes to the verdict and its reasons. Colours live in the files, not here.
"""

from __future__ import annotations

from importlib.resources import files
from string import Template

DEFAULT_STYLE = "default.qss"
HIGH_CONTRAST_STYLE = "high_contrast.qss"
_LARGE = 1.25
_HUGE = 1.6
_LARGE_MAX_STEP = 6  # points above the text size, at most
_HUGE_MAX_STEP = 10
CHROME_MAX_PT = 20


def stylesheet(high_contrast: bool, text_size_pt: int) -> str:
    name = HIGH_CONTRAST_STYLE if high_contrast else DEFAULT_STYLE
    template = Template(files("resources").joinpath("styles", name).read_text(encoding="utf-8"))
    return template.substitute(
        text=text_size_pt,
        large=min(round(text_size_pt * _LARGE), text_size_pt + _LARGE_MAX_STEP),
        huge=min(round(text_size_pt * _HUGE), text_size_pt + _HUGE_MAX_STEP),
        chrome=min(text_size_pt, CHROME_MAX_PT),
    )
