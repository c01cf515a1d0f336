"""Text in both looks is readable: every rule that sets a text or background colour keeps the
text at least 4.5:1 against its background in the standard look and 7:1 in the high-contrast
look (WCAG AA and AAA). Disabled controls are exempt, as in WCAG."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

LOOKS = {  # file, the text and page colours every rule starts from, the least contrast
    "default.qss": ("#1b1b1b", "#fafaf7", 4.5),
    "high_contrast.qss": ("#ffffff", "#000000", 7.0),
}
_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_COLOUR = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})")
_BACKGROUND = re.compile(r"(?<![-\w])background:\s*(#[0-9a-fA-F]{6})")
_STATE = re.compile(r":(hover|focus|pressed|checked)")


def _luminance(colour: str) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rules(name: str) -> dict[str, tuple[str | None, str | None]]:
    text = re.sub(r"/\*.*?\*/", "", files("resources").joinpath("styles", name).read_text("utf-8"), flags=re.S)
    rules: dict[str, tuple[str | None, str | None]] = {}
    for selectors, body in _RULE.findall(text):
        colour, background = _COLOUR.search(body), _BACKGROUND.search(body)
        for selector in (" ".join(s.split()) for s in selectors.split(",")):
            rules[selector] = (colour.group(1) if colour else None, background.group(1) if background else None)
    return rules


def test_contrast_is_measured_as_wcag_does():
    assert round(contrast("#ffffff", "#000000"), 1) == 21.0
    assert round(contrast("#ffffff", "#ff0000"), 1) == 4.0  # the old high-contrast danger banner


@pytest.mark.parametrize("name", LOOKS)
def test_every_text_colour_stands_out_from_its_background(name):
    text, page, least = LOOKS[name]
    rules = _rules(name)
    checked = 0
    for selector, (colour, background) in rules.items():
        if ":disabled" in selector or "::item" in selector or (colour is None and background is None):
            continue
        base = rules.get(_STATE.sub("", selector), (None, None))  # a :focus rule keeps the rest of its base
        fg = colour or base[0] or text
        bg = background or base[1] or page
        assert contrast(fg, bg) >= least, f"{name} {selector}: {fg} on {bg} is {contrast(fg, bg):.2f}:1"
        checked += 1
    assert checked >= 10
