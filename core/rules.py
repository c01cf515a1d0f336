"""Rule records from ``resources/rules/*.toml``, loaded strictly.

Three kinds of rule:

- ``pattern``: fires when any of its regular expressions matches the normalised text
  (and none of its ``unless`` expressions does). Weak signals score little. Each expression is
  checked when the file is read but compiled on first use, and only for a text holding one of
  the literal strings any match needs (see :mod:`core.prefilter`); one that starts with a
  choice ("(ご)?注意", "(言わ|聞か)れ|って…") is compiled so that a search skips to where a
  match can start (see :mod:`core.pattern_start`).
- ``computed``: fired by an extractor in code (phone numbers, links, brands); the record
  holds the id, score and wording so they stay data.
- ``combination``: a boolean expression over other rule ids
  (``"UNPAID_CHARGE and (CALLBACK_NUMBER or DEADLINE) and not SCAM_WARNING"``); named
  combinations carry most of the score.

Per-group caps, work limits and headlines live in ``resources/rules/levels.toml``; the level
thresholds, chosen by cross-validation with the wording model, in
``resources/model/judgement.toml``. A warning that is hard evidence on its own (a number listed
from scam reports, a look-alike address, a fee claim with a call-back number) has a ``floor``:
the level a message with it reaches whatever else it says. A rule file with an unknown key, a
bad regex or a reference to an unknown id is rejected with a :class:`RuleFileError` naming the
file and the record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from importlib.resources.abc import Traversable

from .pattern_start import compile_pattern
from .prefilter import Literals, checked_requirements
from .verdict import Level, Text

RULE_KINDS = ("pattern", "computed", "combination")
_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")
_RULE_KEYS = {
    "id": str,
    "kind": str,
    "score": (int, float),
    "group": str,
    "topic": str,
    "show": bool,
    "floor": str,
    "backs_danger": bool,
    "patterns": list,
    "unless": list,
    "when": str,
    "title": dict,
    "detail": dict,
    "source": str,
    "added": object,
    "must_match": list,
    "must_not_match": list,
}
_REQUIRED = ("id", "kind", "score", "title", "detail", "source", "added")


class RuleFileError(ValueError):
    """A rule or settings file is malformed. ``where`` names the file (and record)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    score: float
    group: str
    topic: str
    show: bool
    floor: Level | None  # the level a message reaches whenever this sign is in it (hard evidence)
    # whether this warning, with the wording, can make danger (levels.toml [danger]); false for
    # a story that real messages tell in the same words (a hospital's call about an accident)
    backs_danger: bool
    pattern_sources: tuple[str, ...]
    unless_sources: tuple[str, ...]
    when: Expr | None
    title: Text
    detail: Text
    source: str
    must_match: tuple[str, ...]
    must_not_match: tuple[str, ...]
    file: str
    # Per pattern, strings one of which must occur for it to match (None: no such strings known).
    prefilters: tuple[Literals | None, ...] = ()
    # Per pattern, further sets of strings one of each of which must occur too.
    also_required: tuple[tuple[Literals, ...], ...] = ()

    def pattern(self, index: int) -> re.Pattern[str]:
        """Pattern ``index``, compiled the first time it is needed."""
        compiled = self._compiled[index]
        if compiled is None:
            compiled = self._compiled[index] = compile_pattern(self.pattern_sources[index])
        return compiled

    @property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(self.pattern(i) for i in range(len(self.pattern_sources)))

    @cached_property
    def unless(self) -> tuple[re.Pattern[str], ...]:
        return tuple(map(compile_pattern, self.unless_sources))

    @cached_property
    def _compiled(self) -> list[re.Pattern[str] | None]:
        return [None] * len(self.pattern_sources)


@dataclass(frozen=True, slots=True)
class Levels:
    caps: dict[str, float]
    headlines: dict[Level, Text]
    # the banner of a message with no signs whose listed warnings were outweighed: it must not
    # say "no signs found" above a list of signs
    outweighed_headline: Text
    max_bytes: int
    max_numbers: int
    max_links: int
    max_spans_per_rule: int
    deadline_seconds: float
    after_deadline_bytes: int
    # danger needs a warning rule scored at least this in the rule files besides the wording
    # (the mention of a subject, a delivery or a bill, is scored below it)
    danger_backing: float


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    levels: Levels

    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}


# --- a tiny boolean expression language for combinations -------------------------------------

Expr = tuple  # ("id", name) | ("not", e) | ("and", a, b) | ("or", a, b)
_TOKEN = re.compile(r"\s*(\(|\)|[A-Z][A-Z0-9_]*|and\b|or\b|not\b)")


def parse_when(source: str) -> Expr:
    tokens: list[str] = []
    pos = 0
    source = source.strip()
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        if not m:
            raise ValueError(f"cannot read {source[pos:]!r}")
        tokens.append(m.group(1))
        pos = m.end()
        while pos < len(source) and source[pos].isspace():
            pos += 1

    def parse_or(i: int) -> tuple[Expr, int]:
        left, i = parse_and(i)
        while i < len(tokens) and tokens[i] == "or":
            right, i = parse_and(i + 1)
            left = ("or", left, right)
        return left, i

    def parse_and(i: int) -> tuple[Expr, int]:
        left, i = parse_not(i)
        while i < len(tokens) and tokens[i] == "and":
            right, i = parse_not(i + 1)
            left = ("and", left, right)
        return left, i

    def parse_not(i: int) -> tuple[Expr, int]:
        if i < len(tokens) and tokens[i] == "not":
            inner, i = parse_not(i + 1)
            return ("not", inner), i
        if i < len(tokens) and tokens[i] == "(":
            inner, i = parse_or(i + 1)
            if i >= len(tokens) or tokens[i] != ")":
                raise ValueError("missing ')'")
            return inner, i + 1
        if i < len(tokens) and _ID.match(tokens[i]):
            return ("id", tokens[i]), i + 1
        raise ValueError(f"expected a rule id at {' '.join(tokens[i:]) or 'the end'}")

    expr, end = parse_or(0)
    if end != len(tokens):
        raise ValueError(f"unexpected {' '.join(tokens[end:])!r}")
    return expr


def evaluate(expr: Expr, fired: Container[str]) -> bool:
    op = expr[0]
    if op == "id":
        return expr[1] in fired
    if op == "not":
        return not evaluate(expr[1], fired)
    if op == "and":
        return evaluate(expr[1], fired) and evaluate(expr[2], fired)
    return evaluate(expr[1], fired) or evaluate(expr[2], fired)


def compiled(expr: Expr) -> Callable[[Container[str]], bool]:
    """The expression as a Python function of the fired ids: ``evaluate(expr, fired)`` without
    walking the tree on each call (a check asks each combination up to four times).

    Built from the parsed expression alone: rule ids (checked to be UPPER_SNAKE when parsed)
    as string constants, ``in``, ``and``, ``or``, ``not`` and parentheses.
    """
    def source(e: Expr) -> str:
        if e[0] == "id":
            if not _ID.match(e[1]):
                raise ValueError(f"not a rule id: {e[1]!r}")
            return f"{e[1]!r} in fired"
        if e[0] == "not":
            return f"not ({source(e[1])})"
        return f"({source(e[1])}) {e[0]} ({source(e[2])})"

    return eval(compile(f"lambda fired: {source(expr)}", "<combination>", "eval"), {"__builtins__": {}})


def referenced_ids(expr: Expr) -> set[str]:
    if expr[0] == "id":
        return {expr[1]}
    return set().union(*(referenced_ids(e) for e in expr[1:]))


def positive_ids(expr: Expr, negated: bool = False) -> set[str]:
    """Ids whose presence helps the expression (their spans explain a combination)."""
    op = expr[0]
    if op == "id":
        return set() if negated else {expr[1]}
    if op == "not":
        return positive_ids(expr[1], not negated)
    return set().union(*(positive_ids(e, negated) for e in expr[1:]))


# --- loading ---------------------------------------------------------------------------------


def _text(value: object, where: str, key: str) -> Text:
    try:
        return Text.from_record(value, key)
    except ValueError as exc:
        raise RuleFileError(where, str(exc)) from None


def _checked(patterns: list, where: str) -> tuple[tuple[str, ...], tuple[Literals | None, ...],
                                                   tuple[tuple[Literals, ...], ...]]:
    """The patterns, each checked to be a valid regular expression, with their prefilters: the
    strings one of which each needs, and the further such sets it needs too."""
    requirements = []
    for p in patterns:
        if not isinstance(p, str) or not p:
            raise RuleFileError(where, "patterns must be non-empty strings")
        try:
            requirements.append(checked_requirements(p))
        except re.error as exc:
            raise RuleFileError(where, f"bad pattern {p!r}: {exc}") from None
    prefilters = tuple(r[0] if r else None for r in requirements)
    return tuple(patterns), prefilters, tuple(r[1:] for r in requirements)


def _rule(record: dict, file: str) -> Rule:
    where = f"{file} [{record.get('id', '?')}]"
    unknown = set(record) - set(_RULE_KEYS)
    if unknown:
        raise RuleFileError(where, f"unknown keys {sorted(unknown)}")
    for key in _REQUIRED:
        if key not in record:
            raise RuleFileError(where, f"missing '{key}'")
    for key, expected in _RULE_KEYS.items():
        if key in record and expected is not object and not isinstance(record[key], expected):
            raise RuleFileError(where, f"'{key}' has the wrong type")
    if not _ID.match(record["id"]):
        raise RuleFileError(where, "id must be UPPER_SNAKE")
    kind = record["kind"]
    if kind not in RULE_KINDS:
        raise RuleFileError(where, f"kind must be one of {RULE_KINDS}")
    patterns, prefilters, also_required = _checked(record.get("patterns", []), where)
    unless, _, _ = _checked(record.get("unless", []), where)
    when = None
    if kind == "pattern" and not patterns:
        raise RuleFileError(where, "a pattern rule needs patterns")
    if kind != "pattern" and (patterns or unless):
        raise RuleFileError(where, "only pattern rules have patterns")
    if kind == "combination":
        if "when" not in record:
            raise RuleFileError(where, "a combination needs 'when'")
        try:
            when = parse_when(record["when"])
        except ValueError as exc:
            raise RuleFileError(where, f"bad 'when': {exc}") from None
    elif "when" in record:
        raise RuleFileError(where, "only combinations have 'when'")
    for key in ("must_match", "must_not_match"):
        if not all(isinstance(x, str) for x in record.get(key, [])):
            raise RuleFileError(where, f"{key} must be a list of strings")
    return Rule(
        id=record["id"],
        kind=kind,
        score=float(record["score"]),
        group=record.get("group", ""),
        topic=record.get("topic", ""),
        show=record.get("show", True),
        floor=_floor(record, where),
        backs_danger=record.get("backs_danger", True),
        pattern_sources=patterns,
        unless_sources=unless,
        when=when,
        title=_text(record["title"], where, "title"),
        detail=_text(record["detail"], where, "detail"),
        source=record["source"],
        must_match=tuple(record.get("must_match", [])),
        must_not_match=tuple(record.get("must_not_match", [])),
        file=file,
        prefilters=prefilters,
        also_required=also_required,
    )


def _floor(record: dict, where: str) -> Level | None:
    if "floor" not in record:
        return None
    if record["floor"] not in (Level.CAUTION.value, Level.DANGER.value):
        raise RuleFileError(where, "floor must be 'caution' or 'danger'")
    if float(record["score"]) <= 0:
        raise RuleFileError(where, "only a warning (score above 0) can have a floor")
    return Level(record["floor"])


OUTWEIGHED = "no_signs_outweighed"  # [headline.no_signs_outweighed] in levels.toml


def _levels(data: dict, file: str) -> Levels:
    allowed = {"caps", "headline", "limits", "danger"}
    unknown = set(data) - allowed
    if unknown:
        raise RuleFileError(file, f"unknown sections {sorted(unknown)}")
    try:
        limits = data["limits"]
        headline_data = dict(data["headline"])
        outweighed = _text(headline_data.pop(OUTWEIGHED, None), f"{file} [headline.{OUTWEIGHED}]", "headline")
        headlines = {Level(k): _text(v, f"{file} [headline.{k}]", "headline")
                     for k, v in headline_data.items()}
        caps = {str(k): float(v) for k, v in data.get("caps", {}).items()}
        result = Levels(
            caps=caps,
            headlines=headlines,
            outweighed_headline=outweighed,
            max_bytes=int(limits["max_bytes"]),
            max_numbers=int(limits["max_numbers"]),
            max_links=int(limits["max_links"]),
            max_spans_per_rule=int(limits["max_spans_per_rule"]),
            deadline_seconds=float(limits["deadline_seconds"]),
            after_deadline_bytes=int(limits["after_deadline_bytes"]),
            danger_backing=float(data["danger"]["backing_score"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleFileError(file, f"missing or bad value: {exc}") from None
    if set(headlines) != set(Level):
        raise RuleFileError(file, "a headline is needed for every level")
    return result


def load_rules(folder: Traversable | None = None) -> RuleSet:
    """Read every ``*.toml`` rule file in ``folder`` (default: the shipped rules)."""
    import tomllib  # not needed when the snapshot is used

    folder = folder or resources.files("resources") / "rules"
    rules: list[Rule] = []
    levels: Levels | None = None
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        try:
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise RuleFileError(entry.name, f"not valid TOML: {exc}") from None
        if entry.name == "levels.toml":
            levels = _levels(data, entry.name)
            continue
        if set(data) - {"rule"}:
            raise RuleFileError(entry.name, f"unknown sections {sorted(set(data) - {'rule'})}")
        for record in data.get("rule", []):
            rules.append(_rule(record, entry.name))
    if levels is None:
        raise RuleFileError("levels.toml", "missing")
    _check_references(rules)
    return RuleSet(rules=_ordered(rules), levels=levels)


def _check_references(rules: list[Rule]) -> None:
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleFileError(f"{rule.file} [{rule.id}]", "duplicate id")
        seen.add(rule.id)
    for rule in rules:
        if rule.when is not None:
            missing = referenced_ids(rule.when) - seen
            if missing:
                raise RuleFileError(f"{rule.file} [{rule.id}]", f"unknown ids {sorted(missing)}")


def _ordered(rules: list[Rule]) -> tuple[Rule, ...]:
    """Pattern and computed rules first, then combinations in dependency order."""
    base = [r for r in rules if r.kind != "combination"]
    pending = [r for r in rules if r.kind == "combination"]
    done = {r.id for r in base}
    ordered = list(base)
    while pending:
        ready = [r for r in pending if referenced_ids(r.when) <= done]
        if not ready:
            names = ", ".join(r.id for r in pending)
            raise RuleFileError(pending[0].file, f"combinations refer to each other in a loop: {names}")
        for r in ready:
            ordered.append(r)
            done.add(r.id)
        pending = [r for r in pending if r.id not in done]
    return tuple(ordered)
