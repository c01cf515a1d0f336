"""JSON from outside, read with limits: deep nesting and NaN/Infinity refused, the rest as json."""

from __future__ import annotations

import json
import time

import pytest

from core.bounded_json import JsonInputError, loads, nesting_depth


@pytest.mark.parametrize("text, depth", [
    ("1", 0), ("[]", 1), ('{"a": [1, {"b": []}]}', 4),
    ('{"text": "[[[[{{{{"}', 1),  # brackets inside a string do not count
    ('{"text": "a \\" [[[[ \\\\"}', 1),  # nor after an escaped quote, nor after an escaped backslash
    ('["\\\\", [[]]]', 3),
])
def test_nesting_is_measured_outside_strings(text, depth):
    assert nesting_depth(text) == depth
    assert loads(text) == json.loads(text)


def test_nesting_past_the_limit_is_refused_with_its_depth():
    with pytest.raises(JsonInputError) as refused:
        loads("[" * 5000 + "]" * 5000)
    assert refused.value.code == "too_deep" and "5000 levels" in str(refused.value)
    assert loads("[" * 64 + "]" * 64, max_depth=64) is not None


@pytest.mark.parametrize("text", ["NaN", '{"id": Infinity}', "[-Infinity]"])
def test_nan_and_infinity_are_not_json(text):
    with pytest.raises(JsonInputError) as refused:
        loads(text)
    assert refused.value.code == "not_finite"


@pytest.mark.parametrize("text", ["{not json", '"unterminated', "1" * 5000, ""])
def test_anything_else_json_refuses_comes_as_not_json(text):
    with pytest.raises(JsonInputError) as refused:
        loads(text)
    assert refused.value.code == "not_json"


def test_a_long_line_is_read_in_about_the_time_json_takes():
    """The depth is only measured when there are enough brackets to matter: 10 MB of escaped
    Japanese (57 MB of JSON) in one line is not scanned twice."""
    line = json.dumps({"id": 1, "text": "お世話になっております。" * 800_000})
    start = time.process_time()
    assert loads(line)["id"] == 1
    assert time.process_time() - start < 5.0  # generous; about 0.1 s here
    brackets = "[" * 1_000_000
    start = time.process_time()
    with pytest.raises(JsonInputError):
        loads(brackets)
    assert time.process_time() - start < 5.0  # about 0.2 s here
