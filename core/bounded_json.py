"""JSON that comes from outside (a file on disk, a line of input), read with limits.

``json.loads`` alone recurses once per level of nesting (a line of 5,000 ``[`` ends in a
``RecursionError``) and accepts ``NaN`` and ``Infinity``, which are not JSON and cannot be
written back as JSON. :func:`loads` refuses both, with an error that says which limit was hit.
Nesting is measured before parsing, in one pass over the text outside its strings.
"""

from __future__ import annotations

import json
import re
from typing import Any

DEFAULT_MAX_DEPTH = 64

# A JSON string: a quote, then runs of plain characters and escapes, then a quote (linear: the
# two parts never match the same character).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


class JsonInputError(ValueError):
    """Input that is not JSON we accept; ``code`` is one of ``not_json``, ``too_deep``,
    ``not_finite``."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` in ``text``, brackets inside strings not counted."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _refuse_constant(name: str) -> Any:
    raise JsonInputError("not_finite", f"{name} is not a JSON number")


def loads(text: str, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """Parse ``text`` as JSON, refusing nesting deeper than ``max_depth`` and NaN/Infinity."""
    # Few brackets in all cannot nest deeper than the limit: no need to look past the strings.
    if text.count("[") + text.count("{") > max_depth and (depth := nesting_depth(text)) > max_depth:
        raise JsonInputError("too_deep", f"nested {depth} levels deep (at most {max_depth})")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except JsonInputError:
        raise
    except (ValueError, RecursionError) as exc:  # JSONDecodeError; an integer of 4,300+ digits
        raise JsonInputError("not_json", str(exc)) from None
