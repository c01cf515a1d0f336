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


def step_ids(walk: Walkthrough) -> list[str]:
    return [s.id for s in walk.steps()]


def walk_to(topics, first: str, answer: str) -> Walkthrough:
    """The walk-through for a message with ``topics``: ``first`` chosen on the first page, then
    ``answer``, which must lead the answers of the page it is on."""
    walk = Walkthrough()
    walk.start(topics)
    walk.choose(first)
    assert walk.answers()[0].id == answer
    walk.choose(answer)
    return walk


def test_fee_sms_then_called_and_gave_bank_details_stops_the_card_before_anything_else():
    walk = Walkthrough()
    first = walk.start(check(FEE_SMS).topics)
    assert first.id == "what_happened"
    assert walk.choose("called_or_replied").id == "told_what"
    final = walk.choose("bank_card")
    assert isinstance(final, StepList) and walk.finished()
    text = ja_steps(walk)
    assert "銀行" in text and "カード会社" in text and "#9110" in text
    ids = step_ids(walk)
    # What stops the money comes first; blocking the number (added by "called back") comes last.
    assert ids[0] == "card_stop" and "カードの裏" in walk.steps()[0].text.ja
    assert ids.index("keep_evidence") < ids.index("police_where") < ids.index("block_now")
    assert ids[-3:] == ["block_now", "court_bluff", "fake_centre"]
    assert len(ids) == len(set(ids))
    assert [(q.id, a.id) for q, a in walk.path()] == [("what_happened", "called_or_replied"), ("told_what", "bank_card")]


def test_i_already_paid_is_one_press_from_the_start():
    walk = Walkthrough()
    walk.start()
    assert [a.id for a in walk.answers()][:2] == ["someone_coming", "already_paid"]
    walk.choose("already_paid")
    assert {a.id for a in walk.answers()} >= {"paid_transfer", "paid_voucher", "paid_cash", "gave_card_details"}


def test_paid_by_bank_transfer_freezes_the_account_first_then_keeps_the_slip():
    walk = Walkthrough()
    walk.start()
    for answer in ("already_paid", "paid_transfer"):
        walk.choose(answer)
    steps = step_ids(walk)
    assert steps[:3] == ["transfer_stop", "keep_evidence", "police_where"]
    assert steps.index("transfer_stop") < steps.index("relief_law")
    text = ja_steps(walk)
    assert "振込先の銀行" in text and "振込の控え" in text
    assert "03-6262-6794" not in text  # not confirmed on the Deposit Insurance Corporation's page
    assert "預金保険機構から被害者に電話がかかってくることはありません" in text
    assert "more_demands_follow" in steps


def test_after_a_payment_the_police_are_reachable_at_night_too():
    """#9110 closes at 17:15 on weekdays: every paid page also names the police station."""
    for path in (("already_paid", "paid_transfer"), ("already_paid", "paid_voucher"), ("already_paid", "paid_cash")):
        walk = Walkthrough()
        walk.start()
        for answer in path:
            walk.choose(answer)
        text = ja_steps(walk)
        assert "警察署" in text and "110番" in text, path


def test_gift_card_payment_contacts_the_issuer_first_and_warns_about_more_demands():
    walk = Walkthrough()
    walk.start(["payment"])
    walk.choose("called_or_replied")
    walk.choose("paid")
    assert walk.answers()[0].id == "paid_voucher"
    walk.choose("paid_voucher")
    steps = walk.steps()
    assert steps[0].id == "voucher_issuer_first"
    first = steps[0].text.ja
    assert "カードを出した会社" in first and "Appleサポート" in first and "アカウントがあれば" in first
    # Google's own page asks for the police first: said so, and no other step reverses the order.
    assert "先に警察に届けてから" in first
    assert steps[1].id == "keep_evidence" and "ギフトカード" in steps[1].text.ja and "レシート" in steps[1].text.ja
    assert any("次々に請求" in s.text.ja for s in steps)


@pytest.mark.parametrize("path", [
    ("called_or_replied", "told_personal"), ("called_or_replied", "bank_card"), ("called_or_replied", "id_password"),
    ("already_paid", "paid_transfer"), ("already_paid", "paid_voucher"), ("already_paid", "paid_cash"),
    ("already_paid", "gave_card_details"), ("installed_app",), ("got_call", "call_police"),
    ("got_call", "call_family"), ("got_call", "call_refund"), ("got_call", "call_automated"),
])
def test_when_something_happened_keeping_the_evidence_comes_early(path):
    walk = Walkthrough()
    walk.start()
    for answer in path:
        walk.choose(answer)
    ids = step_ids(walk)
    assert "keep_evidence" in ids[:4], (path, ids)
    assert "ignore_and_delete" not in ids  # nothing here tells a victim to delete the message


def test_the_evidence_step_names_everything_a_victim_should_keep():
    text = load_guidance().steps["keep_evidence"].text
    for thing in ("メッセージ", "着信・発信の記録", "レシート", "ギフトカード", "振込の控え", "メモ欄"):
        assert thing in text.ja, thing
    for thing in ("message", "call history", "receipts", "gift cards", "transfer slips", "write down"):
        assert thing in text.en, thing


@pytest.mark.parametrize(("answer", "must_say"), [
    ("call_police", "自分で調べた警察署の番号"),
    ("call_family", "前から知っている本人の番号"),
    ("call_refund", "ATMを操作させることはありません"),
    ("call_automated", "自動音声"),
])
def test_someone_phoned_me_leads_to_what_to_do_for_each_kind_of_call(answer, must_say):
    walk = Walkthrough()
    walk.start()
    assert walk.choose("got_call").id == "call_who"
    walk.choose(answer)
    text = ja_steps(walk)
    assert must_say in text
    assert "切" in text  # hang up
    assert "最初の質問に戻って" in text  # if money already went: the paid pages


def test_a_fake_police_call_transcript_puts_the_call_answer_near_the_top():
    said = "警察です。あなたの口座が犯罪に使われています。逮捕状が出ています。誰にも言わないでください"
    walk = Walkthrough()
    walk.start(check(said).topics)
    ids = [a.id for a in walk.answers()]
    assert ids[:2] == ["someone_coming", "got_call"]


def test_a_refund_call_typed_in_gets_the_steps_for_refund_calls_not_for_fee_demands():
    said = "市役所保険年金課です。医療費の還付金があります。後ほど取引銀行から連絡させますので、手続きしてください"
    topics = check(said).topics
    assert topics[0] == "refund"
    steps = load_guidance().default_steps(topics)
    assert steps.id == "call_refund"
    walk = Walkthrough()
    walk.start(topics)
    assert walk.answers()[0].id == "got_call"
    walk.choose("got_call")
    assert walk.answers()[0].id == "call_refund"


@pytest.mark.parametrize("said", [
    "あなたに会うために日本へ行きたい。でも空港で税関に止められて、手数料が必要です。20万円を送ってくれませんか",
    "利益を出金するには、先に手数料として30万円を指定口座に振り込んでください",
])
def test_money_asked_for_by_someone_known_only_online_gets_the_steps_for_that_not_for_fee_demands(said):
    topics = check(said).topics
    assert load_guidance().default_steps(topics).id == "received_online_money"
    text = ja_steps(walk_to(topics, "only_received", "about_online_money"))
    assert "一度も会ったことのない" in text and "手数料や税金" in text


@pytest.mark.parametrize("said", [
    "今忙しい?近くのコンビニでアマゾンギフトカード買ってきてくれない?買ったら番号を写真で送って",
    "ごめん、今届いたSMSの4桁の認証番号を教えてくれる?",
])
def test_a_friends_account_asking_for_gift_cards_or_a_code_says_to_check_with_them_outside_the_app(said):
    topics = check(said).topics
    assert load_guidance().default_steps(topics).id == "received_takeover"
    text = ja_steps(walk_to(topics, "only_received", "about_takeover"))
    assert "LINEの通話ではなく" in text and "認証番号は" in text


@pytest.mark.parametrize("said", [
    "医療費の還付金があります。本日中にお電話ください。",
    "保険料の払い戻しがあります。今日中に手続きしてください。",
])
def test_a_refund_promised_without_a_link_gets_the_refund_steps_though_the_bait_rule_scores_more(said):
    verdict = check(said)
    # the "prize or refund" bait outscores the refund claim, and its steps are about opening links
    assert verdict.topics[0] == "prize" and "refund" in verdict.topics
    assert not verdict.links
    assert load_guidance().default_steps(verdict.topics).id == "call_refund"
    walk = Walkthrough()
    walk.start(verdict.topics)
    assert walk.answers()[0].id == "got_call"
    walk.choose("got_call")
    assert walk.answers()[0].id == "call_refund"


def test_a_refund_text_with_a_link_gets_the_steps_for_links():
    verdict = check("【市役所】医療費の還付金があります。本日中にこちらから手続きしてください https://kanpu-city.top/")
    assert {"refund", "link"} <= set(verdict.topics)
    assert load_guidance().default_steps(verdict.topics).id == "received_link"


def test_a_fake_virus_warning_with_a_support_number_gets_the_steps_to_close_it_not_those_for_links():
    verdict = check("Windowsセキュリティ警告 トロイの木馬に感染しています。今すぐサポートに電話してください 050-1234-5678")
    assert verdict.topics[0] == "tech"
    assert load_guidance().default_steps(verdict.topics).id == "fake_alert"
    text = ja_steps(walk_to(verdict.topics, "only_received", "about_fake_alert"))
    assert "電話をかけず" in text and "Escキー" in text


def test_a_sextortion_letter_gets_the_steps_to_ignore_it_and_change_a_quoted_password_not_those_for_a_fee():
    verdict = check("あなたのパソコンをハッキングして、アダルトサイトを見ている動画を録画しました。"
                    "48時間以内にビットコインで10万円を送金しなければ、動画を知人全員に送ります。")
    assert "SEXTORTION_DEMAND" in {r.id for r in verdict.reasons}
    assert load_guidance().default_steps(verdict.topics).id == "blackmail"
    text = ja_steps(walk_to(verdict.topics, "only_received", "about_blackmail"))
    assert "無視" in text and "パスワード" in text


def test_gift_cards_for_a_virus_repair_get_the_virus_warning_steps_not_those_for_a_friends_account():
    verdict = check("パソコンがウイルスに感染している。遠隔操作で直すので、アップルギフトカードを3万円分買ってきてください")
    assert {"tech", "takeover"} <= set(verdict.topics)
    assert load_guidance().default_steps(verdict.topics).id == "fake_alert"


def test_a_virus_text_message_with_a_link_to_an_app_gets_the_steps_for_links():
    verdict = check("お使いのスマホがウイルスに感染しています。今すぐセキュリティアプリをインストールしてください https://secure-app.top/")
    assert {"tech", "link"} <= set(verdict.topics)
    assert load_guidance().default_steps(verdict.topics).id == "received_link"


def test_goods_said_to_be_ordered_long_ago_get_the_steps_for_unordered_goods():
    said = "以前お電話でご注文いただいたカニが入荷しましたので、明日代金引換でお届けします。受注生産品のためキャンセルはできません。"
    verdict = check(said)
    assert "UNORDERED_GOODS" in {r.id for r in verdict.reasons}
    assert load_guidance().default_steps(verdict.topics).id == "unordered_goods"
    text = ja_steps(walk_to(verdict.topics, "got_call", "call_goods"))
    assert "払う必要はありません" in text and "受け取りを断ります" in text


def test_a_recorded_voice_threatening_to_cut_the_phone_gets_the_steps_for_recorded_calls():
    said = "こちらはNTTです。2時間後にお使いの電話が使えなくなります。詳しくは1番を押してください"
    topics = check(said).topics
    assert load_guidance().default_steps(topics).id == "call_automated"
    walk = Walkthrough()
    walk.start(topics)
    assert walk.answers()[0].id == "got_call"
    walk.choose("got_call")
    assert walk.answers()[0].id == "call_automated"


def test_who_to_call_opens_with_life_and_safety_then_110():
    steps = load_guidance().step_lists["which_number"].steps
    assert [s.id for s in steps[:2]] == ["safety_first", "call_110_now"]
    # The condition comes before the instruction, so a worried reader does not ring 110 for advice.
    assert steps[1].text.ja.startswith("今まさに")
    assert "03-3446-0999" in " ".join(s.text.ja for s in steps)


def test_the_lunchtime_line_is_never_called_the_188_backup():
    g = load_guidance()
    kokusen = next(h for h in g.hotlines if h.number == "03-3446-0999")
    assert "お昼" in kokusen.name.ja and "11:00〜13:00" in kokusen.hours.ja
    assert "188" not in kokusen.use.ja and "188" not in kokusen.use.en


def test_188_and_9110_hours_say_when_they_do_not_answer():
    g = load_guidance()
    by_number = {h.number: h for h in g.hotlines}
    assert "原則" in by_number["188"].hours.ja and "夜" in by_number["188"].hours.ja
    assert "public holidays" in by_number["#9110"].hours.en and "祝日" in by_number["#9110"].hours.ja
    assert "public holidays" in g.steps["about_9110_hours"].text.en


def test_a_court_postcard_puts_the_court_answer_first_but_every_answer_stays():
    walk = Walkthrough()
    question = walk.start(check(COURT_POSTCARD).topics)
    ordered = [a.id for a in walk.answers()]
    assert ordered[0] == "court_letter"
    assert sorted(ordered) == sorted(a.id for a in question.answers)


def test_an_account_alert_in_a_shops_name_keeps_the_answers_in_their_order():
    # A shop's name on a phishing text is not the police or family at the door: the answers keep
    # the file's order (the emergency, "I paid", then "only received"), and the sheet's list is
    # the one for links.
    alert = ("【Rakuten】ご利用のアカウントに不正なログインがありました。本日中に下記より確認してください。"
             "https://rakuten-co-jp.account-check.top/login")
    verdict = check(alert)
    walk = Walkthrough()
    walk.start(verdict.topics)
    assert "impersonation" not in verdict.topics and "police" not in verdict.topics
    assert [a.id for a in walk.answers()][:4] == ["someone_coming", "already_paid", "only_received", "got_call"]
    assert load_guidance().default_steps(verdict.topics).id == "received_link"


def test_a_tax_office_payment_link_leads_with_the_link_steps_not_a_visitor():
    # The office's name says who is impersonated, not what to do: the link and the unpaid tax do.
    lure = "【国税庁】未払いの所得税があります。本日中に下記から納付手続きをしてください。https://nta-nozei.example-pay.top/"
    verdict = check(lure)
    assert any(r.id == "GOVERNMENT_LURE" for r in verdict.reasons)
    walk = Walkthrough()
    walk.start(verdict.topics)
    assert [a.id for a in walk.answers()][:3] == ["someone_coming", "already_paid", "only_received"]
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
    walk.choose("court_special_delivery")
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


def test_an_ordinary_envelope_never_leads_to_ignore_it():
    """A genuine complaint can come by registered post and count as delivered: an envelope in the
    mailbox means 'check with the court at a number you looked up', never 'not from a court'."""
    walk = Walkthrough()
    walk.start()
    walk.choose("court_letter")
    walk.choose("court_envelope")
    assert walk.tick("plain_envelope", True) is Outcome.UNSURE
    unsure = walk.checklist().outcomes[Outcome.UNSURE].ja
    assert "自分で調べた裁判所の番号" in unsure and "放っておかず" in unsure
    steps = ja_steps(walk)
    assert "捨てたり放っておいたりしないで" in steps
    fake_text = walk.checklist().outcomes[Outcome.FAKE].ja
    assert "可能性が高い" in fake_text and "自分で調べた裁判所" in fake_text


def test_a_court_text_message_does_not_frighten_with_enforcement():
    walk = Walkthrough()
    walk.start()
    walk.choose("only_received")
    walk.choose("about_court")
    walk.choose("court_by_message")
    text = ja_steps(walk)
    assert "裁判所ではありません" in text.split("\n")[0]
    assert "強制執行" not in text and "仮執行" not in text
    assert "特別送達" in text  # but says what a real one looks like
    assert walk.checklist() is None


def test_a_genuine_lawsuit_gets_its_own_step_answer_by_the_date_and_legal_help():
    walk = Walkthrough()
    walk.start()
    walk.choose("court_letter")
    walk.choose("court_special_delivery")
    ids = step_ids(walk)
    assert "court_lawsuit" in ids and "court_legal_help" in ids
    text = ja_steps(walk)
    assert "答弁書" in text and "期限まで" in text and "0570-078374" in text


def test_default_steps_follow_the_first_topic_that_has_guidance():
    g = load_guidance()
    assert g.default_steps(["court", "pressure"]).id == "court_fake"
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
        ("walkthrough.toml", 'court = "court_fake"', 'court = "court_fakes"', "unknown step list 'court_fakes'"),
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
        ("walkthrough.toml", 'link = ["refund", "tech"]', 'link = ["refund", "tech"]\nprize = ["link"]', "would come before itself"),
        ("walkthrough.toml", 'refund = ["prize"]', 'refund = ["prizes"]', "topics without a step list ['prizes']"),
        ("walkthrough.toml", 'refund = ["prize"]', 'refund = "prize"', "'refund' needs a list of topics"),
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


def test_the_pointer_to_the_paid_pages_quotes_the_answer_exactly_in_both_languages():
    g = load_guidance()
    pointer = g.steps["if_already_paid"].text
    answer = g.questions["what_happened"].answer("already_paid").text
    assert f"「{answer.ja}」" in pointer.ja
    assert f'"{answer.en}"' in pointer.en


def test_a_caller_asking_for_the_pin_is_told_so_first_and_gets_the_steps_for_impostors():
    """The hard evidence leads the topics: a caller who asks for the PIN and sends someone for
    the card is an impostor at the door, though the request also reads as phishing for details."""
    verdict = check("警察です。特殊詐欺の捜査のため、キャッシュカードの暗証番号を教えてください。"
                    "銀行協会の職員がご自宅に伺いますので、封筒にカードを入れておいてください。")
    assert verdict.topics[0] == "impersonation", verdict.topics
    assert "credentials" in verdict.topics  # still named, after the hard evidence
    assert load_guidance().default_steps(verdict.topics).id == "received_impersonation"
    # and the reason read first is the PIN asked for, not the wording
    assert verdict.reasons[0].id == "PIN_REQUEST", [r.id for r in verdict.reasons]
