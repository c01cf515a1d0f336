"""The normaliser's patterns that start with the character they find (so re's search skips to
it) find exactly what their plain forms, with the look-behind first, find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from core import normalize as N

PLAIN_FORMS = {
    "_NUMBER_DASH": f"(?:(?<=[{N._DIGITISH}])|(?<=[{N._DIGITISH}] ))[{N._DASHES}](?= ?[{N._DIGITISH}])",
    "_CJK_GAP": rf"(?<=[{N._CJK}])[ \t\u3000](?=[{N._CJK}])",
    "_SPACED_LETTERS": r"(?<![0-9a-z.])(?:[0-9a-z.] ){2,}[0-9a-z.](?![0-9a-z.])",
}
ALPHABET = list("0123x*○#ー―-– \t\u3000\nabz.詐欺あア々") + ["\U0001f600"]


@settings(max_examples=500, deadline=None, database=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join))
def test_each_pattern_finds_what_its_plain_form_finds(text):
    for name, plain in PLAIN_FORMS.items():
        found = [m.span() for m in getattr(N, name).finditer(text)]
        assert found == [m.span() for m in re.finditer(plain, text)], (name, text)
