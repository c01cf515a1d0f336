"""What to do next: the guidance walk-through, checklists and hotlines, read from resources.

The guidance is data in ``resources/guidance/*.toml`` (Japanese and English side by side):

- ``walkthrough.toml``: questions, each with answers leading to a further question or to a
  list of steps; which step list to print for a topic when the walk-through was not used;
- ``steps.toml``: the steps and the step lists;
- ``checklists.toml``: interactive checklists (how to recognise genuine court papers);
- ``hotlines.toml``: who to call, when, hours and cost;
- ``labels.toml``: headings shared by the window and the printed sheet.

:func:`load_guidance` reads them once, strictly: an unknown key, a missing translation, a
reference to something that does not exist, a question that can never be reached or a loop is
a :class:`GuidanceFileError` naming the file and record. :class:`Walkthrough` keeps where the
user is: ``start(topics)`` -> ``choose(answer_id)`` ... -> ``back()``; ``path()`` and
``steps()`` tell what was chosen and what to do. Nothing here looks at a Verdict: topics are
plain strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from . import snapshot
from .verdict import Text

FILES = ("walkthrough.toml", "steps.toml", "checklists.toml", "hotlines.toml", "labels.toml")
LABEL_KEYS = frozenset({
    "steps_heading", "path_heading", "hotlines_heading", "hotline_number",
    "hotline_use", "hotline_hours", "sheet_title", "sheet_date", "sheet_message",
    "sheet_message_note", "sheet_message_cut", "sheet_verdict", "sheet_reasons", "sheet_numbers",
    "sheet_links", "sheet_memo", "memo_when", "memo_number", "memo_said", "sheet_footer",
    "level_danger", "level_caution", "level_no_signs", "date_format",
    "number_do_not_call", "number_help_line",
})
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class GuidanceFileError(ValueError):
    """A guidance file is malformed. ``where`` names the file (and record)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class UnknownAnswer(KeyError):
    """``choose`` was given an id that is not an answer on the current page."""


class Sign(StrEnum):
    GENUINE = "genuine"
    FAKE = "fake"
    DOUBT = "doubt"  # neither proves nor rules out a court: the reader must check with the court


class Outcome(StrEnum):
    FAKE = "fake"
    GENUINE = "genuine"
    UNSURE = "unsure"


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    text: Text
    source: str


@dataclass(frozen=True, slots=True)
class StepList:
    id: str
    title: Text
    steps: tuple[Step, ...]
    checklist: str | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    id: str
    text: Text
    next: str  # id of a Question or a StepList
    topics: tuple[str, ...] = ()
    adds: tuple[Step, ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: Text
    answers: tuple[Answer, ...]

    def answer(self, answer_id: str) -> Answer:
        for a in self.answers:
            if a.id == answer_id:
                return a
        raise UnknownAnswer(answer_id)


Node = Question | StepList


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str
    text: Text
    sign: Sign
    essential: bool
    source: str


@dataclass(frozen=True, slots=True)
class Checklist:
    id: str
    title: Text
    intro: Text
    items: tuple[ChecklistItem, ...]
    outcomes: dict[Outcome, Text]

    def assess(self, ticked: Iterable[str]) -> Outcome:
        """Any fake sign -> FAKE; otherwise any doubtful sign -> UNSURE (check with the court);
        every essential hallmark -> GENUINE."""
        ticked = set(ticked)
        if any(i.sign is Sign.FAKE and i.id in ticked for i in self.items):
            return Outcome.FAKE
        if any(i.sign is Sign.DOUBT and i.id in ticked for i in self.items):
            return Outcome.UNSURE
        essential = {i.id for i in self.items if i.essential}
        if essential and essential <= ticked:
            return Outcome.GENUINE
        return Outcome.UNSURE


@dataclass(frozen=True, slots=True)
class Hotline:
    id: str
    number: str  # shown as text only, never dialled
    name: Text
    use: Text
    source: str
    page: str  # where the number was read: its owner's page, or a government page listing it
    checked: str  # when it was read there: 2026-12-05 (or 2026-12)
    hours: Text | None = None
    cost: Text | None = None
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class Guidance:
    start: str
    questions: dict[str, Question]
    step_lists: dict[str, StepList]
    checklists: dict[str, Checklist]
    hotlines: tuple[Hotline, ...]
    topic_steps: dict[str, str]
    fallback: str
    labels: dict[str, Text]
    steps: dict[str, Step] = field(default_factory=dict)
    # topic -> the topics it comes before whenever both are among a message's topics
    leads: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def node(self, node_id: str) -> Node:
        if node_id in self.questions:
            return self.questions[node_id]
        return self.step_lists[node_id]

    def ranked(self, topics: Sequence[str]) -> tuple[str, ...]:
        """``topics`` (a verdict's, by the score of their reasons) with each topic that says more
        about the message moved before the first topic it leads (``[leads]`` in walkthrough.toml):
        a refund promised is the refund call, whatever points the "prize or refund" bait got."""
        ranked = list(dict.fromkeys(topics))
        for _ in range(len(self.leads)):  # a chain (link before refund before prize) settles in as many passes
            moved = False
            for topic, led in self.leads.items():
                if topic not in ranked:
                    continue
                first = min((ranked.index(t) for t in led if t in ranked), default=len(ranked))
                if first < ranked.index(topic):
                    ranked.remove(topic)
                    ranked.insert(first, topic)
                    moved = True
            if not moved:
                break
        return tuple(ranked)

    def default_steps(self, topics: Sequence[str]) -> StepList:
        """The step list for the first topic that has one (what to print without a walk-through)."""
        for topic in self.ranked(topics):
            if topic in self.topic_steps:
                return self.step_lists[self.topic_steps[topic]]
        return self.step_lists[self.fallback]

    def label(self, key: str, lang: str) -> str:
        return self.labels[key].get(lang)


class Walkthrough:
    """Where the user is in the walk-through. Pure state: no Qt, no verdicts."""

    def __init__(self, guidance: Guidance | None = None) -> None:
        self._guidance = guidance or load_guidance()
        self._topics: tuple[str, ...] = ()
        self._trail: list[tuple[Question, Answer]] = []
        self._node: Node = self._guidance.questions[self._guidance.start]
        self._ticked: set[str] = set()

    @property
    def guidance(self) -> Guidance:
        return self._guidance

    @property
    def node(self) -> Node:
        return self._node

    @property
    def topics(self) -> tuple[str, ...]:
        return self._topics

    def start(self, topics: Sequence[str] = ()) -> Question:
        """Back to the first question; answers matching ``topics`` (most important first) lead."""
        self._topics = self._guidance.ranked(topics)
        self._trail.clear()
        self._ticked.clear()
        first = self._guidance.questions[self._guidance.start]
        self._node = first
        return first

    def answers(self) -> tuple[Answer, ...]:
        """The current question's answers, those tagged with the message's topics first."""
        if not isinstance(self._node, Question):
            return ()
        rank = {t: i for i, t in enumerate(self._topics)}

        def key(item: tuple[int, Answer]) -> tuple[int, int]:
            index, answer = item
            best = min((rank[t] for t in answer.topics if t in rank), default=len(rank))
            return best, index

        return tuple(a for _, a in sorted(enumerate(self._node.answers), key=key))

    def choose(self, answer_id: str) -> Node:
        if not isinstance(self._node, Question):
            raise UnknownAnswer(answer_id)
        answer = self._node.answer(answer_id)
        self._trail.append((self._node, answer))
        self._node = self._guidance.node(answer.next)
        self._ticked.clear()
        return self._node

    def can_go_back(self) -> bool:
        return bool(self._trail)

    def back(self) -> Node:
        """One page back (staying on the first question when already there)."""
        if self._trail:
            question, _ = self._trail.pop()
            self._node = question
            self._ticked.clear()
        return self._node

    def finished(self) -> bool:
        return isinstance(self._node, StepList)

    def path(self) -> list[tuple[Question, Answer]]:
        return list(self._trail)

    def step_list(self) -> StepList | None:
        return self._node if isinstance(self._node, StepList) else None

    def steps(self) -> list[Step]:
        """The final list's steps, then those collected on the way, each once, in order.

        The final list leads because it holds what cannot wait (stopping a card, a transfer);
        steps an earlier answer adds (blocking the number ...) come after it."""
        final = self.step_list()
        collected: list[Step] = list(final.steps) if final is not None else []
        collected += [s for _, answer in self._trail for s in answer.adds]
        return list(dict.fromkeys(collected))

    def checklist(self) -> Checklist | None:
        final = self.step_list()
        if final is None or final.checklist is None:
            return None
        return self._guidance.checklists[final.checklist]

    def tick(self, item_id: str, ticked: bool) -> Outcome:
        checklist = self.checklist()
        if checklist is None or item_id not in {i.id for i in checklist.items}:
            raise KeyError(item_id)
        if ticked:
            self._ticked.add(item_id)
        else:
            self._ticked.discard(item_id)
        return checklist.assess(self._ticked)

    def ticked(self) -> frozenset[str]:
        return frozenset(self._ticked)

    def outcome(self) -> Outcome | None:
        checklist = self.checklist()
        return None if checklist is None else checklist.assess(self._ticked)


# --- loading ---------------------------------------------------------------------------------


@cache
def load_guidance() -> Guidance:
    """The shipped guidance, read on first use (from the build's snapshot when it is current)
    and kept."""
    return snapshot.kept("guidance", read_guidance)


def read_guidance(folder: Traversable | None = None) -> Guidance:
    """Read and check every guidance file in ``folder`` (default: the shipped guidance)."""
    folder = folder or resources.files("resources") / "guidance"
    data = {name: _read_toml(folder, name) for name in FILES}
    steps = _steps(data["steps.toml"])
    checklists = _checklists(data["checklists.toml"])
    step_lists = _step_lists(data["steps.toml"], steps, checklists)
    walk = data["walkthrough.toml"]
    _keys(walk, "walkthrough.toml", required={"start", "fallback", "topics", "question"}, optional={"leads"})
    questions = _questions(walk["question"], steps)
    clash = set(questions) & set(step_lists)
    if clash:
        raise GuidanceFileError("walkthrough.toml", f"ids used for a question and a step list: {sorted(clash)}")
    topic_steps = _topic_steps(walk, step_lists)
    guidance = Guidance(
        start=_str(walk["start"], "walkthrough.toml", "start"),
        questions=questions,
        step_lists=step_lists,
        checklists=checklists,
        hotlines=_hotlines(data["hotlines.toml"]),
        topic_steps=topic_steps,
        fallback=_str(walk["fallback"], "walkthrough.toml", "fallback"),
        labels=_labels(data["labels.toml"]),
        steps=steps,
        leads=_leads(walk, topic_steps),
    )
    _check_graph(guidance)
    return guidance


def _read_toml(folder: Traversable, name: str) -> dict:
    import tomllib  # not needed when the snapshot is used

    try:
        return tomllib.loads((folder / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuidanceFileError(name, "missing") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise GuidanceFileError(name, f"not valid TOML: {exc}") from None


def _keys(record: object, where: str, required: set[str], optional: frozenset[str] | set[str] = frozenset()) -> dict:
    if not isinstance(record, dict):
        raise GuidanceFileError(where, "expected a table")
    unknown = set(record) - required - set(optional)
    if unknown:
        raise GuidanceFileError(where, f"unknown keys {sorted(unknown)}")
    missing = required - set(record)
    if missing:
        raise GuidanceFileError(where, f"missing {sorted(missing)}")
    return record


def _str(value: object, where: str, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise GuidanceFileError(where, f"'{key}' must be non-empty text")
    return value


def _id(value: object, where: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise GuidanceFileError(where, "id must be lower_snake")
    return value


def _text(value: object, where: str, key: str) -> Text:
    try:
        return Text.from_record(value, key)
    except ValueError as exc:
        raise GuidanceFileError(where, str(exc)) from None


def _records(data: dict, section: str, file: str) -> list[dict]:
    records = data.get(section, [])
    if not isinstance(records, list) or not records:
        raise GuidanceFileError(file, f"needs at least one [[{section}]]")
    return records


def _unique(ids: list[str], where: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise GuidanceFileError(where, f"duplicate id '{i}'")
        seen.add(i)


def _steps(data: dict) -> dict[str, Step]:
    file = "steps.toml"
    _keys(data, file, required={"step", "list"})
    steps: dict[str, Step] = {}
    for record in _records(data, "step", file):
        where = f"{file} [step {record.get('id', '?') if isinstance(record, dict) else '?'}]"
        _keys(record, where, required={"id", "text", "source"})
        step = Step(id=_id(record["id"], where), text=_text(record["text"], where, "text"),
                    source=_str(record["source"], where, "source"))
        _unique([*steps, step.id], file)
        steps[step.id] = step
    return steps


def _resolve_steps(ids: object, steps: dict[str, Step], where: str, key: str) -> tuple[Step, ...]:
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise GuidanceFileError(where, f"'{key}' must be a list of step ids")
    missing = [i for i in ids if i not in steps]
    if missing:
        raise GuidanceFileError(where, f"unknown steps {missing}")
    if len(set(ids)) != len(ids):
        raise GuidanceFileError(where, f"a step is listed twice in '{key}'")
    return tuple(steps[i] for i in ids)


def _step_lists(data: dict, steps: dict[str, Step], checklists: dict[str, Checklist]) -> dict[str, StepList]:
    file = "steps.toml"
    lists: dict[str, StepList] = {}
    for record in _records(data, "list", file):
        where = f"{file} [list {record.get('id', '?') if isinstance(record, dict) else '?'}]"
        _keys(record, where, required={"id", "title", "steps"}, optional={"checklist"})
        checklist = record.get("checklist")
        if checklist is not None and checklist not in checklists:
            raise GuidanceFileError(where, f"unknown checklist '{checklist}'")
        resolved = _resolve_steps(record["steps"], steps, where, "steps")
        if not resolved:
            raise GuidanceFileError(where, "a step list needs at least one step")
        item = StepList(id=_id(record["id"], where), title=_text(record["title"], where, "title"),
                        steps=resolved, checklist=checklist)
        _unique([*lists, item.id], file)
        lists[item.id] = item
    return lists


def _questions(records: object, steps: dict[str, Step]) -> dict[str, Question]:
    file = "walkthrough.toml"
    if not isinstance(records, list) or not records:
        raise GuidanceFileError(file, "needs at least one [[question]]")
    questions: dict[str, Question] = {}
    for record in records:
        where = f"{file} [question {record.get('id', '?') if isinstance(record, dict) else '?'}]"
        _keys(record, where, required={"id", "text", "answer"})
        answers = []
        for a in record["answer"] if isinstance(record["answer"], list) else [None]:
            a_where = f"{where} [answer {a.get('id', '?') if isinstance(a, dict) else '?'}]"
            _keys(a, a_where, required={"id", "text", "next"}, optional={"topics", "adds"})
            topics = a.get("topics", [])
            if not isinstance(topics, list) or not all(isinstance(t, str) and t for t in topics):
                raise GuidanceFileError(a_where, "'topics' must be a list of names")
            answers.append(Answer(
                id=_id(a["id"], a_where),
                text=_text(a["text"], a_where, "text"),
                next=_str(a["next"], a_where, "next"),
                topics=tuple(topics),
                adds=_resolve_steps(a.get("adds", []), steps, a_where, "adds"),
            ))
        if len(answers) < 2:
            raise GuidanceFileError(where, "a question needs at least two answers")
        _unique([a.id for a in answers], where)
        question = Question(id=_id(record["id"], where), text=_text(record["text"], where, "text"),
                            answers=tuple(answers))
        _unique([*questions, question.id], file)
        questions[question.id] = question
    return questions


def _topic_steps(walk: dict, step_lists: dict[str, StepList]) -> dict[str, str]:
    where = "walkthrough.toml [topics]"
    topics = walk["topics"]
    if not isinstance(topics, dict) or not topics:
        raise GuidanceFileError(where, "expected a table of topic = step list")
    for topic, target in topics.items():
        if not isinstance(target, str) or target not in step_lists:
            raise GuidanceFileError(where, f"'{topic}' points to unknown step list {target!r}")
    if walk["fallback"] not in step_lists:
        raise GuidanceFileError("walkthrough.toml", f"fallback {walk['fallback']!r} is not a step list")
    return dict(topics)


def _leads(walk: dict, topic_steps: dict[str, str]) -> dict[str, tuple[str, ...]]:
    where = "walkthrough.toml [leads]"
    leads = walk.get("leads", {})
    if not isinstance(leads, dict):
        raise GuidanceFileError(where, "expected a table of topic = [topics it comes before]")
    out: dict[str, tuple[str, ...]] = {}
    for topic, led in leads.items():
        if not isinstance(led, list) or not all(isinstance(t, str) for t in led) or not led:
            raise GuidanceFileError(where, f"'{topic}' needs a list of topics")
        unknown = [t for t in (topic, *led) if t not in topic_steps]
        if unknown:
            raise GuidanceFileError(where, f"'{topic}': topics without a step list {unknown}")
        out[str(topic)] = tuple(led)
    for topic in out:  # no topic may come, through others, before itself
        seen, todo = set(), list(out[topic])
        while todo:
            t = todo.pop()
            if t == topic:
                raise GuidanceFileError(where, f"'{topic}' would come before itself")
            if t not in seen:
                seen.add(t)
                todo.extend(out.get(t, ()))
    return out


def _checklists(data: dict) -> dict[str, Checklist]:
    file = "checklists.toml"
    _keys(data, file, required={"checklist"})
    checklists: dict[str, Checklist] = {}
    for record in _records(data, "checklist", file):
        where = f"{file} [checklist {record.get('id', '?') if isinstance(record, dict) else '?'}]"
        _keys(record, where, required={"id", "title", "intro", "item", "outcome"})
        items = []
        for item in record["item"] if isinstance(record["item"], list) else [None]:
            i_where = f"{where} [item {item.get('id', '?') if isinstance(item, dict) else '?'}]"
            _keys(item, i_where, required={"id", "text", "sign", "essential", "source"})
            if item["sign"] not in {s.value for s in Sign}:
                raise GuidanceFileError(i_where, f"sign must be one of {[s.value for s in Sign]}")
            if not isinstance(item["essential"], bool):
                raise GuidanceFileError(i_where, "essential must be true or false")
            if item["essential"] and item["sign"] != Sign.GENUINE.value:
                raise GuidanceFileError(i_where, "only a genuine hallmark can be essential")
            items.append(ChecklistItem(
                id=_id(item["id"], i_where), text=_text(item["text"], i_where, "text"),
                sign=Sign(item["sign"]), essential=item["essential"],
                source=_str(item["source"], i_where, "source"),
            ))
        _unique([i.id for i in items], where)
        if not any(i.essential for i in items) or not any(i.sign is Sign.FAKE for i in items):
            raise GuidanceFileError(where, "needs essential genuine hallmarks and fake signs")
        outcome = _keys(record["outcome"], f"{where} [outcome]", required={o.value for o in Outcome})
        checklist = Checklist(
            id=_id(record["id"], where), title=_text(record["title"], where, "title"),
            intro=_text(record["intro"], where, "intro"), items=tuple(items),
            outcomes={o: _text(outcome[o.value], f"{where} [outcome]", o.value) for o in Outcome},
        )
        _unique([*checklists, checklist.id], file)
        checklists[checklist.id] = checklist
    return checklists


def _hotlines(data: dict) -> tuple[Hotline, ...]:
    file = "hotlines.toml"
    _keys(data, file, required={"hotline"})
    hotlines: list[Hotline] = []
    for record in _records(data, "hotline", file):
        where = f"{file} [hotline {record.get('id', '?') if isinstance(record, dict) else '?'}]"
        _keys(record, where, required={"id", "number", "name", "use", "source", "page", "checked"},
              optional={"hours", "cost", "note"})
        number = _str(record["number"], where, "number")
        if not re.fullmatch(r"#?[0-9][0-9-]*[0-9]", number):
            raise GuidanceFileError(where, f"number {number!r} must be digits and hyphens")
        page = _str(record["page"], where, "page")
        if not re.fullmatch(r"https?://\S+", page):
            raise GuidanceFileError(where, f"page {page!r} must be the web address the number was read on")
        checked = record["checked"]
        if isinstance(checked, date):
            checked = checked.isoformat()
        if not isinstance(checked, str) or not re.fullmatch(r"20\d\d-\d\d(?:-\d\d)?", checked):
            raise GuidanceFileError(where, "'checked' must be the date the number was read, like 2026-12-05")
        optional = {k: _text(record[k], where, k) if k in record else None for k in ("hours", "cost", "note")}
        hotlines.append(Hotline(
            id=_id(record["id"], where), number=number, name=_text(record["name"], where, "name"),
            use=_text(record["use"], where, "use"), source=_str(record["source"], where, "source"),
            page=page, checked=checked, **optional,
        ))
    _unique([h.id for h in hotlines], file)
    _unique([h.number for h in hotlines], file)
    return tuple(hotlines)


def _labels(data: dict) -> dict[str, Text]:
    file = "labels.toml"
    _keys(data, file, required={"label"})
    labels = _keys(data["label"], f"{file} [label]", required=set(LABEL_KEYS))
    return {k: _text(v, f"{file} [label]", k) for k, v in labels.items()}


def _check_graph(g: Guidance) -> None:
    """Every answer leads somewhere, every page is reachable, and no path loops."""
    if g.start not in g.questions:
        raise GuidanceFileError("walkthrough.toml", f"start {g.start!r} is not a question")
    for q in g.questions.values():
        for a in q.answers:
            if a.next not in g.questions and a.next not in g.step_lists:
                raise GuidanceFileError(f"walkthrough.toml [question {q.id}] [answer {a.id}]",
                                        f"leads to unknown {a.next!r}")
            unknown = set(a.topics) - set(g.topic_steps)
            if unknown:
                raise GuidanceFileError(f"walkthrough.toml [question {q.id}] [answer {a.id}]",
                                        f"unknown topics {sorted(unknown)} (add them to [topics])")
    reached: set[str] = set()
    visiting: list[str] = []

    def visit(node_id: str) -> None:
        if node_id in visiting:
            loop = " -> ".join([*visiting[visiting.index(node_id):], node_id])
            raise GuidanceFileError("walkthrough.toml", f"the questions loop: {loop}")
        if node_id in reached:
            return
        reached.add(node_id)
        if node_id in g.questions:
            visiting.append(node_id)
            for a in g.questions[node_id].answers:
                visit(a.next)
            visiting.pop()

    visit(g.start)
    unreachable = (set(g.questions) | set(g.step_lists)) - reached
    if unreachable:
        raise GuidanceFileError("walkthrough.toml", f"never reached: {sorted(unreachable)}")
    used = {s.id for sl in g.step_lists.values() for s in sl.steps}
    used |= {s.id for q in g.questions.values() for a in q.answers for s in a.adds}
    unused = set(g.steps) - used
    if unused:
        raise GuidanceFileError("steps.toml", f"steps in no list: {sorted(unused)}")
