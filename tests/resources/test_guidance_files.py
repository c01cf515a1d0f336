"""The shipped guidance files: every path ends in steps, both languages are complete, and
nothing printed is a number or address the hotline table does not vouch for."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from core.guidance import Outcome, Sign, StepList, Walkthrough, load_guidance
from core.numbers import digits_key, number_lists
from core.rules import load_rules

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
PHONE_LIKE = re.compile(r"#\d+|(?<![\d-])0\d{1,4}-\d{1,6}(?:-\d{3,4})?(?![\d-])|(?<![\d#,.:/-])1\d\d(?![\d,:/])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WEB = re.compile(r"https?:|www\.|\b[\w-]+\.(?:jp|com|net|org|go\.jp|or\.jp)\b", re.IGNORECASE)


def all_texts():
    """Every (where, Text) the user can read."""
    g = load_guidance()
    for q in g.questions.values():
        yield f"question {q.id}", q.text
        for a in q.answers:
            yield f"answer {q.id}.{a.id}", a.text
    for sl in g.step_lists.values():
        yield f"list {sl.id}", sl.title
    for step in g.steps.values():
        yield f"step {step.id}", step.text
    for c in g.checklists.values():
        yield f"checklist {c.id}", c.title
        yield f"checklist {c.id}", c.intro
        for item in c.items:
            yield f"checklist item {item.id}", item.text
        for outcome, text in c.outcomes.items():
            yield f"checklist outcome {outcome}", text
    for h in g.hotlines:
        for field in (h.name, h.use, h.hours, h.cost, h.note):
            if field is not None:
                yield f"hotline {h.id}", field
    for key, text in g.labels.items():
        yield f"label {key}", text


def every_path():
    """Walk the real files depth-first through the same state object the window uses."""
    walk = Walkthrough()
    walk.start()
    found = []

    def explore() -> None:
        if walk.finished():
            found.append(([a.id for _, a in walk.path()], walk.step_list(), walk.steps()))
            return
        answers = walk.answers()
        assert answers, f"dead end at {walk.node.id}"
        for answer in answers:
            depth = len(walk.path())
            walk.choose(answer.id)
            assert len(walk.path()) == depth + 1
            explore()
            walk.back()
            assert len(walk.path()) == depth

    explore()
    return found


def test_every_path_from_the_first_question_ends_in_steps_in_both_languages():
    paths = every_path()
    assert len(paths) >= 20
    for answers, final, steps in paths:
        assert isinstance(final, StepList), answers
        assert steps, answers
        assert all(s.text.ja.strip() and s.text.en.strip() for s in steps), answers
        assert len(answers) <= 4, f"too many questions before any help: {answers}"


def test_every_step_list_and_question_can_be_reached_by_the_user():
    g = load_guidance()
    reached = {final.id for _, final, _ in every_path()}
    assert reached == set(g.step_lists)


def test_the_phrases_from_the_brief_are_all_reachable():
    reachable = {s.text.ja for _, _, steps in every_path() for s in steps}
    text = "\n".join(reachable)
    for phrase in ("110", "#9110", "188", "郵便番号", "フィッシング対策協議会", "カードの裏",
                   "パスワード", "消費生活センター", "次々に請求", "振込先の銀行", "機内モード",
                   "2週間", "法務省管轄支局", "答弁書", "振込の控え", "前から知っている本人の番号"):
        assert phrase in text, phrase


@pytest.mark.parametrize(("where", "text"), list(all_texts()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_text_is_written_in_both_languages(where, text):
    assert JAPANESE.search(text.ja), f"{where}: the Japanese text has no Japanese"
    latin = re.sub(r"「[^」]*」|\"[^\"]*\"|\([^)]*\)", "", text.en)
    assert not JAPANESE.search(latin), f"{where}: the English text is not translated: {text.en!r}"
    assert text.ja != text.en


def test_every_phone_number_printed_names_the_page_it_was_read_on():
    """A number in the guidance is one in the hotline table (with its page and date) or one the
    number lists confirm on its owner's page; a number seen only on blogs is never printed here."""
    g = load_guidance()
    lists = number_lists()
    sourced = {h.number for h in g.hotlines}
    sourced |= {n for n in set(lists.official) | set(lists.services)}
    for where, text in all_texts():
        for lang_text in (text.ja, text.en):
            for number in PHONE_LIKE.findall(EMAIL.sub("", lang_text)):
                assert number in sourced or digits_key(number) in sourced, f"{where}: {number} has no source"
                assert digits_key(number) not in lists.reported, f"{where}: {number} is only reported"


def test_every_phone_number_a_rule_reason_prints_names_the_page_it_was_read_on():
    """Reasons are printed under そう判断した理由: their numbers need a source too."""
    g = load_guidance()
    lists = number_lists()
    sourced = {h.number for h in g.hotlines} | set(lists.official) | set(lists.services)
    for rule in load_rules().rules:
        for text in (rule.title, rule.detail):
            for lang_text in (text.ja, text.en):
                for number in PHONE_LIKE.findall(EMAIL.sub("", lang_text)):
                    assert number in sourced or digits_key(number) in sourced, f"{rule.id}: {number}"


def test_every_hotline_names_its_owners_page_and_when_it_was_read():
    for h in load_guidance().hotlines:
        assert re.fullmatch(r"https?://\S+", h.page), h.id
        assert re.fullmatch(r"20\d\d-\d\d(-\d\d)?", h.checked), h.id
        assert h.checked <= date.today().isoformat(), h.id


def test_110_comes_first_and_says_when_to_call_it():
    first = load_guidance().hotlines[0]
    assert first.number == "110"
    assert "命や体が危ない" in first.use.ja and "ATM" in first.use.ja


def test_no_web_address_appears_anywhere():
    for where, text in all_texts():
        for lang_text in (text.ja, text.en):
            assert not WEB.search(EMAIL.sub("", lang_text)), f"{where}: {lang_text!r}"


def test_the_hotline_table_has_the_three_lines_every_family_needs_with_hours_and_cost():
    g = load_guidance()
    by_number = {h.number: h for h in g.hotlines}
    assert {"110", "#9110", "188"} <= set(by_number)
    assert "無料" in by_number["110"].cost.ja
    assert "平日" in by_number["#9110"].hours.ja and "通話料" in by_number["#9110"].cost.ja
    assert "IP電話" in by_number["#9110"].note.ja
    assert "郵便番号" in by_number["188"].use.ja and "通話料" in by_number["188"].cost.ja


def test_every_topic_the_rules_can_name_has_steps_to_print():
    g = load_guidance()
    topics = {r.topic for r in load_rules().rules if r.topic}
    assert topics, "the rules name no topics"
    missing = topics - set(g.topic_steps)
    assert not missing, f"topics without guidance: {sorted(missing)}"


def test_every_step_item_and_hotline_cites_the_facts():
    g = load_guidance()
    sources = [s.source for s in g.steps.values()]
    sources += [i.source for c in g.checklists.values() for i in c.items]
    sources += [h.source for h in g.hotlines]
    cited = re.compile(
        r"guidance-facts\.md §[1-6]\b"  # the facts file, by section
        r"|guidance-review-2026-12\.md (?:[PHSCNR]\d+|usability \d+)"  # a finding of the review
        r"|https?://\S+ \(read 20\d\d-\d\d-\d\d\)"  # a page read for the step, and when
    )
    for source in sources:
        assert cited.match(source), source


def test_the_court_checklist_covers_the_hallmarks_and_the_fakes():
    court = load_guidance().checklists["court"]
    genuine = " ".join(i.text.ja for i in court.items if i.sign is Sign.GENUINE)
    fake = " ".join(i.text.ja for i in court.items if i.sign is Sign.FAKE)
    for phrase in ("特別送達", "手渡し", "不在票", "事件番号", "(ロ)", "督促異議申立書"):
        assert phrase in genuine, phrase
    for phrase in ("はがき", "訴状", "法務省管轄支局", "口座"):
        assert phrase in fake, phrase
    # An ordinary envelope proves nothing either way: it is a doubt, never a sign of a fake.
    assert "普通の郵便" not in fake and "ふつうの封筒" not in fake
    doubt = [i for i in court.items if i.sign is Sign.DOUBT]
    assert doubt and "ふつうの封筒" in doubt[0].text.ja
    assert "2週間" in court.outcomes[Outcome.GENUINE].ja
    assert "自分で調べた" in court.outcomes[Outcome.UNSURE].ja


def test_level_names_never_promise_safety():
    g = load_guidance()
    for key in ("level_danger", "level_caution", "level_no_signs"):
        assert "安全" not in g.labels[key].ja
        assert "safe" not in g.labels[key].en.lower()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_date_format_fills_in(lang):
    fmt = load_guidance().label("date_format", lang)
    when = datetime(2026, 11, 24, 9, 5)
    text = fmt.format(year=when.year, month=when.month, day=when.day, hour=when.hour, minute=when.minute)
    assert "2026" in text and "05" in text
