"""Where a paste too long for the check is cut (``fitting_start``), for any text at all."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from PySide6.QtCore import QTextBoundaryFinder

from gui.message_input import PasteOutcome, fitting_start, has_long_run

PIECES = [
    "あ", "ア", "漢", "a", " ", "\n", "\r\n", "\t", "\u3099", "\u0301", "\u200d", "\ufe0f",
    "\U0001F468", "\U0001F469\u200d\U0001F467", "\U0001F1EF\U0001F1F5", "\U0001F1EF", "\U0001F44D\U0001F3FD",
    "\U00020BB7", "\ud800", "é", "。",
]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=80).map("".join)


def utf8(text: str) -> int:
    return len(text.encode("utf-8", errors="surrogatepass"))


def grapheme_boundaries(text: str) -> set[int]:
    """Every grapheme boundary of ``text``, as code point indices."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    by_unit, units = {}, 0
    for index, char in enumerate(text):
        by_unit[units] = index
        units += 2 if ord(char) > 0xFFFF else 1
    by_unit[units] = len(text)
    found = {0}
    position = finder.toNextBoundary()
    while position != -1:
        # Qt sometimes reports a boundary inside a surrogate pair (an astral character before
        # Thai text): no place to cut a str, so it is not one.
        if position in by_unit:
            found.add(by_unit[position])
        position = finder.toNextBoundary()
    return found


@given(texts, st.integers(min_value=-1, max_value=120))
@example("a" * 10 + "\U0001F468\u200d\U0001F469\u200d\U0001F467", 16)
@example("か\u3099" * 5, 10)
@example("\U0001F1EF\U0001F1F5" * 5, 14)
@example("ab\r\ncd", 3)
@example("\U0001F468\u0e01", 4)
def test_the_cut_fits_is_a_start_and_falls_between_graphemes(text, room):
    kept = fitting_start(text, room)

    assert text.startswith(kept)
    assert utf8(kept) <= max(room, 0)
    boundaries = grapheme_boundaries(text)
    assert len(kept) in boundaries
    if kept != text and text[len(kept)] not in "\r\n":
        # not a line end: the next whole grapheme would not have fitted
        following = min(b for b in boundaries if b > len(kept))
        assert utf8(text[:following]) > room


def test_text_that_fits_is_kept_whole():
    assert fitting_start("確認", 6) == "確認"
    assert fitting_start("確認", 5) == "確"
    assert fitting_start("確認", 0) == ""


def test_a_line_end_near_the_limit_is_preferred_to_half_a_line():
    lines = "一行目の文章です。\n" * 100
    kept = fitting_start(lines, 1000)
    assert kept.endswith("一行目の文章です。") and lines.startswith(kept + "\n")
    assert utf8(kept) > 900


def test_far_from_any_line_end_the_cut_keeps_as_much_as_fits():
    text = "はじめの行\n" + "あ" * 1000
    kept = fitting_start(text, 1000)
    assert utf8(kept) > 997 and "\n" in kept


def test_a_paste_outcome_says_what_happened():
    assert PasteOutcome(offered=10, taken=10).whole
    assert PasteOutcome(offered=10, taken=4).cut
    assert PasteOutcome(offered=10, taken=0).refused
    assert PasteOutcome(offered=0, taken=0).no_text
    assert not PasteOutcome(offered=0, taken=0).whole


def test_a_long_run_without_a_space_is_told_apart_from_long_text():
    assert has_long_run("a" * 10_000)
    assert not has_long_run(("a" * 9_999 + " ") * 10)
    assert not has_long_run("短い")
