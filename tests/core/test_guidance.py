"""The walk-through as the user lives it, and a loader that refuses broken guidance files."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from core import check
from core.guidance import (
    FILES, GuidanceFileError, Outcome, Question, StepList, UnknownAnswer, Walkthrough,
    load_guidance, read_guidance,
)

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "guidance"
FEE_SMS = "ご利用料金の確認が取れておりません。本日中に050-1234-5678までご連絡ください"
COURT_POSTCARD = "法務省管轄支局 国民訴訟通達センターです。訴訟最終告知のお知らせ。本日中にご連絡がない場合、裁判所に出廷となります。03-1234-5678"


def ja_steps(walk: Walkthrough) -> str:
    return "\n".join(s.text.ja for s in walk.steps())


def test_fee_sms_then_called_and_gave_bank_details_leads_to_bank_card_and_police():
    walk = Walkthrough()
    first = walk.start(check(FEE_SMS).topics)
    assert first.id == "what_happened"
    assert walk.choose("called_or_replied").id == "told_what"
    final = walk.choose("bank_card")
    assert isinstance(final, StepList) and walk.finished()
    text = ja_steps(walk)
    assert "銀行" in text and "カード会社" in text and "#9110" in text
    # Steps the "called back" answer adds come first, each once.
    ids = [s.id for s in walk.steps()]
    assert ids[:3] == ["block_now", "court_bluff", "fake_centre"]
    assert len(ids) == len(set(ids))
    assert [(q.id, a.id) for q, a in walk.path()] == [("what_happened", "called_or_replied"), ("told_what", "bank_card")]


def test_paid_by_bank_transfer_says_police_first_then_the_receiving_bank():
    walk = Walkthrough()
    walk.start()
    for answer in ("called_or_replied", "paid", "paid_transfer"):
        walk.choose(answer)
    steps = [s.id for s in walk.steps()]
    assert steps.index("transfer_police_then_bank") < steps.index("relief_law")
    assert "03-6262-6794" in ja_steps(walk)
    assert "more_demands_follow" in steps


def test_gift_card_payment_contacts_the_issuer_and_warns_about_more_demands():
    walk = Walkthrough()
    walk.start(["payment"])
    walk.choose("called_or_replied")
    walk.choose("paid")
    assert walk.answers()[0].id == "paid_voucher"
    walk.choose("paid_voucher")
    text = walk.steps()
    assert any("発行元" in s.text.ja for s in text)
    assert any("次々に請求" in s.text.ja for s in text)


def test_a_court_postcard_puts_the_court_answer_first_but_every_answer_stays():
    walk = Walkthrough()
    question = walk.start(check(COURT_POSTCARD).topics)
    ordered = [a.id for a in walk.answers()]
    assert ordered[0] == "court_letter"
    assert sorted(ordered) == sorted(a.id for a in question.answers)


def test_an_account_alert_in_a_shops_name_does_not_lead_with_someone_coming_to_collect():
    # A shop's name on a phishing text is not the police or family at the door: the answers
    # about how far things went keep their place, and the sheet's list is the one for links.
    alert = ("【Rakuten】ご利用のアカウントに不正なログインがありました。本日中に下記より確認してください。"
             "https://rakuten-co-jp.account-check.top/login")
    verdict = check(alert)
    walk = Walkthrough()
    walk.start(verdict.topics)
    assert "impersonation" not in verdict.topics and "police" not in verdict.topics
    assert [a.id for a in walk.answers()][:3] == ["only_received", "called_or_replied", "opened_link"]
    assert load_guidance().default_steps(verdict.topics).id == "received_link"


def test_a_tax_office_payment_link_leads_with_the_link_steps_not_a_visitor():
    # The office's name says who is impersonated, not what to do: the link and the unpaid tax do.
    lure = "【国税庁】未払いの所得税があります。本日中に下記から納付手続きをしてください。https://nta-nozei.example-pay.top/"
    verdict = check(lure)
    assert any(r.id == "GOVERNMENT_LURE" for r in verdict.reasons)
    walk = Walkthrough()
    walk.start(verdict.topics)
    assert walk.answers()[0].id == "only_received"
    assert load_guidance().default_steps(verdict.topics).id == "received_link"


def test_without_topics_answers_keep_the_file_order():
    walk = Walkthrough()
    question = walk.start()
    assert walk.answers() == question.answers


def test_back_returns_to_the_previous_question_and_forgets_the_answer():
    walk = Walkthrough()
    walk.start()
    walk.choose("called_or_replied")
    walk.choose("paid")
    assert walk.back().id == "told_what"
    assert [a.id for _, a in walk.path()] == ["called_or_replied"]
    assert [s.id for s in walk.steps()] == ["block_now", "court_bluff", "fake_centre"]
    assert walk.back().id == "what_happened"
    assert not walk.can_go_back()
    assert walk.back().id == "what_happened"  # already at the start: stays
    assert walk.path() == [] and walk.steps() == []


def test_an_answer_not_on_the_page_is_refused_and_nothing_moves():
    walk = Walkthrough()
    walk.start()
    with pytest.raises(UnknownAnswer):
        walk.choose("bank_card")  # belongs to a later question
    assert walk.node.id == "what_happened" and walk.path() == []
    walk.choose("which_number")
    with pytest.raises(UnknownAnswer):
        walk.choose("only_received")  # a step list has no answers
    assert walk.answers() == ()


def test_start_again_clears_the_path():
    walk = Walkthrough()
    walk.start()
    walk.choose("only_received")
    walk.choose("about_fee")
    assert isinstance(walk.start(["court"]), Question)
    assert walk.path() == [] and walk.topics == ("court",)


def test_court_checklist_says_fake_for_a_ministry_postcard_and_genuine_for_special_delivery():
    walk = Walkthrough()
    walk.start(["court"])
    walk.choose("court_letter")
    checklist = walk.checklist()
    assert checklist is not None and checklist.id == "court"
    assert walk.outcome() is Outcome.UNSURE
    for item in ("special_delivery", "handed_over"):
        assert walk.tick(item, True) is Outcome.UNSURE
    assert walk.tick("case_number", True) is Outcome.GENUINE
    assert walk.tick("ministry_branch", True) is Outcome.FAKE
    assert walk.tick("ministry_branch", False) is Outcome.GENUINE
    assert walk.ticked() == {"special_delivery", "handed_over", "case_number"}
    with pytest.raises(KeyError):
        walk.tick("no_such_item", True)
    walk.back()
    assert walk.checklist() is None and walk.ticked() == frozenset()


def test_default_steps_follow_the_first_topic_that_has_guidance():
    g = load_guidance()
    assert g.default_steps(["court", "pressure"]).id == "court_papers"
    assert g.default_steps(["pressure", "court"]).id == "received_fee"
    assert g.default_steps(["not_a_topic", "delivery"]).id == "received_delivery"
    assert g.default_steps([]).id == g.fallback


def test_guidance_is_read_once_and_only_when_asked():
    load_guidance.cache_clear()
    assert load_guidance.cache_info().currsize == 0
    assert load_guidance() is load_guidance()
    assert load_guidance.cache_info().hits >= 1


def test_the_guidance_module_has_no_qt_and_no_verdict_logic():
    tree = ast.parse((Path(__file__).resolve().parents[2] / "core" / "guidance.py").read_text(encoding="utf-8"))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    assert not any(name.startswith(("PySide6", "gui", "shiboken")) for name in imported)
    assert "Verdict" not in {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names}


# --- the strict loader ------------------------------------------------------------------------


def copy_with(tmp_path: Path, file: str, old: str, new: str) -> Path:
    for name in FILES:
        shutil.copy(SHIPPED / name, tmp_path / name)
    text = (tmp_path / file).read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {file}"
    (tmp_path / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def test_an_unchanged_copy_loads(tmp_path):
    g = read_guidance(copy_with(tmp_path, "labels.toml", "[label]", "[label]"))
    assert g.start == "what_happened" and "court" in g.checklists


@pytest.mark.parametrize(
    ("file", "old", "new", "problem"),
    [
        ("walkthrough.toml", 'id = "only_received"\n', 'id = "only_received"\ncolour = "red"\n', "unknown keys ['colour']"),
        ("walkthrough.toml", 'next = "what_about"', 'next = "nowhere"', "leads to unknown 'nowhere'"),
        ("walkthrough.toml", 'next = "told_nothing"', 'next = "what_happened"', "the questions loop"),
        ("walkthrough.toml", 'start = "what_happened"', 'start = "told_what"', "never reached"),
        ("walkthrough.toml", 'court = "court_papers"', 'court = "court_paper"', "unknown step list 'court_paper'"),
        ("walkthrough.toml", 'topics = ["court"]', 'topics = ["courts"]', "unknown topics ['courts']"),
        ("walkthrough.toml", 'adds = ["block_now",', 'adds = ["block_it",', "unknown steps ['block_it']"),
        ("walkthrough.toml", 'id = "about_other"', 'id = "about_fee"', "duplicate id 'about_fee'"),
        ("walkthrough.toml", '{ ja = "どうなりましたか?", en = "What has happened so far?" }', '{ ja = "どうなりましたか?" }', "must have exactly 'ja' and 'en'"),
        ("steps.toml", 'en = "Put the phone into airplane mode." }', 'en = " " }', "must be non-empty text"),
        ("steps.toml", '"received_fee"\ntitle', '"received_fee"\nchecklist = "bank"\ntitle', "unknown checklist 'bank'"),
        ("steps.toml", '"international_calls", "police_apps",', '"international_calls",', "steps in no list: ['police_apps']"),
        ("steps.toml", 'steps = ["dont_answer_unknown", "consult_188_9110"]', 'steps = []', "at least one step"),
        ("checklists.toml", 'sign = "fake"', 'sign = "maybe"', "sign must be one of"),
        ("checklists.toml", 'unsure = {', '# unsure = {', "missing ['unsure']"),
        ("checklists.toml", 'unsure = {', 'not_sure = {', "unknown keys ['not_sure']"),
        ("hotlines.toml", 'number = "188"', 'number = "188 (いやや)"', "must be digits and hyphens"),
        ("hotlines.toml", 'number = "188"', 'number = "110"', "duplicate id '110'"),
        ("labels.toml", 'sheet_footer =', 'sheet_foot =', "unknown keys ['sheet_foot']"),
        ("labels.toml", '[label]', 'oops = 1\n[label]', "unknown keys ['oops']"),
    ],
)
def test_a_broken_file_is_refused_naming_the_file(tmp_path, file, old, new, problem):
    with pytest.raises(GuidanceFileError) as info:
        read_guidance(copy_with(tmp_path, file, old, new))
    assert problem in str(info.value)
    assert info.value.where.startswith(file)


def test_a_missing_file_is_named(tmp_path):
    folder = copy_with(tmp_path, "labels.toml", "[label]", "[label]")
    (folder / "hotlines.toml").unlink()
    with pytest.raises(GuidanceFileError, match="hotlines.toml: missing"):
        read_guidance(folder)


def test_a_file_that_is_not_toml_is_named(tmp_path):
    folder = copy_with(tmp_path, "checklists.toml", "[[checklist]]", "[[checklist")
    with pytest.raises(GuidanceFileError, match="checklists.toml: not valid TOML"):
        read_guidance(folder)
