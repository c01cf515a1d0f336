"""Sentences the core says that belong to no rule, from ``resources/messages/core.toml``."""

from __future__ import annotations

from functools import cache
from importlib import resources

from . import snapshot
from .rules import RuleFileError
from .verdict import Text

FILE = "messages/core.toml"


@cache
def _messages() -> dict[str, Text]:
    return snapshot.kept("messages", read_messages)


def read_messages() -> dict[str, Text]:
    """Every sentence in the file, by ``group.name``."""
    import tomllib  # not needed when the snapshot is used

    path = resources.files("resources").joinpath(*FILE.split("/"))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(FILE, f"not valid TOML: {exc}") from None
    found: dict[str, Text] = {}
    for group, entries in data.items():
        for name, text in entries.items():
            try:
                found[f"{group}.{name}"] = Text.from_record(text, f"{group}.{name}")
            except ValueError as exc:
                raise RuleFileError(FILE, str(exc)) from None
    return found


def load_messages() -> None:
    """Read the file now, so a broken one shows up when the core loads."""
    _messages()


def message(key: str, **values: object) -> Text:
    """The sentence ``key`` in both languages, with ``{name}`` places filled from ``values``."""
    text = _messages()[key]
    return Text(ja=text.ja.format(**values), en=text.en.format(**values))
