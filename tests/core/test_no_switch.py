"""No sentence a scammer adds can switch the check off, and what the user reads agrees with the level.

A warning about scams may set aside only what it quotes, and only when it asks the reader to do
nothing; a message that asks the reader to act is judged on that request.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core import Level, check
from core.check import _loaded_engine, _loaded_weights, analyse
from core.verdict import ReasonKind

LURE = "ご利用料金のお支払い確認が取れておりません。本日中にご連絡ください。03-5555-0199 お客様サポートセンター"
WARNING_LINE = "当社を名乗る詐欺メールが確認されています。ご注意ください。"


def _ids(verdict) -> set[str]:
    return {r.id for r in verdict.reasons}


def test_a_warning_appended_to_a_lure_changes_nothing():
    alone, warned = check(LURE), check(LURE + "\n" + WARNING_LINE)
    assert alone.level == warned.level == Level.DANGER
    assert "CALLBACK_FOR_FEE" in _ids(warned)
    assert "SCAM_WARNING" not in _ids(warned) and "QUOTED_SCAM_WORDS" not in _ids(warned)
    # the wording model did not read the warning either
    assert "詐欺" not in analyse(LURE + "\n" + WARNING_LINE).model_text.text


def test_a_phishing_kits_copy_of_a_banks_banner_does_not_hide_its_link():
    text = ("【〇〇銀行】お客様の口座で不正な取引を検知したため、お取引を制限しております。"
            "下記よりご本人確認をお願いします。https://secure-bank-login.top/verify\n"
            "※当行を装ったフィッシング詐欺にご注意ください。")
    verdict = check(text)
    assert verdict.level == Level.DANGER, [(r.id, r.score) for r in verdict.reasons]
    assert "SCAM_WARNING" not in _ids(verdict)


def test_a_police_warning_that_quotes_the_same_lure_sets_the_quote_aside():
    text = f"【〇〇警察署】「{LURE}」というSMSが届いたとの相談が相次いでいます。電話をかけず、188に相談してください。"
    verdict = check(text)
    assert verdict.level == Level.NO_SIGNS
    assert {"SCAM_WARNING", "QUOTED_SCAM_WORDS"} <= _ids(verdict)
    assert "CALLBACK_FOR_FEE" not in _ids(verdict)
    quoted = next(r for r in verdict.reasons if r.id == "QUOTED_SCAM_WORDS")
    assert quoted.kind is ReasonKind.INFO and quoted.score == 0
    assert all(text.index("「") < start and end <= text.index("」") + 1 for start, end in quoted.spans)


def test_a_caller_who_names_the_fraud_group_he_investigates_is_not_a_warning():
    # "詐欺" and a passive verb ("引き出される") are in the caller's own script; only advice, an
    # incident or saying what was said makes a text about scams a warning
    call = "捜査中の詐欺グループの名簿に、お名前が載っていました。お金が勝手に引き出されるおそれがあるので、今日中に全額下ろしてください。"
    verdict = check(call)
    assert verdict.level == Level.DANGER, [(r.id, r.score) for r in verdict.reasons]
    assert "POLICE_ASSET_DEMAND" in _ids(verdict) and "SCAM_WARNING" not in _ids(verdict)
    # the police's warning that retells the same call is still a warning
    retold = ("警察官を名乗る者から「詐欺グループの名簿にお名前が載っていた。お金が勝手に引き出されるので"
              "全額下ろして」という電話がありました。絶対に応じないでください。")
    assert check(retold).level == Level.NO_SIGNS
    assert "SCAM_WARNING" in _ids(check(retold))



def test_a_police_alert_that_retells_the_callers_you_without_quotation_marks_is_still_a_warning():
    # a police alert says what callers said in its own sentence ("…あなたに容疑がかかっているなど
    # と申し向け"): that "you" is the caller's; the same claim said to the reader is the call
    call = "警察の者です。あなたの口座が犯罪に使われ、あなたに逮捕状が出ています。暗証番号を教えてください。"
    assert check(call).level == Level.DANGER
    alert = ("特殊詐欺の予兆電話が相次いでいます。警察官を名乗る男が、あなたの口座が犯罪に使われ、"
             "あなたに逮捕状が出ているなどと申し向け、暗証番号を聞き出そうとしています。"
             "警察が暗証番号を聞くことはありません。不審な電話はすぐに切ってください。")
    verdict = check(alert)
    assert verdict.level == Level.NO_SIGNS, [(r.id, r.score) for r in verdict.reasons]
    assert {"SCAM_WARNING", "QUOTED_SCAM_WORDS"} <= _ids(verdict)
    # without the advice it is only an account of what was said, with the reader as "you": judged whole
    assert check(alert.rsplit("。警察が", 1)[0] + "。").level != Level.NO_SIGNS

def test_a_sellers_scare_about_an_earthquake_or_a_fire_alarm_is_not_read_as_a_disaster_alert():
    # "if an earthquake comes, this house falls" and the fire alarms a door-to-door seller pushes
    # are the pitch, not an alert: no reassurance for them; a real earthquake alert keeps it
    for pitch in ("お宅の家は地震が起きたら必ず倒壊しますよ。今なら格安で補強工事ができます",
                  "消防署の方から来ました。お宅には住宅用火災警報器の設置済みシールがありませんね"):
        assert "DISASTER_ALERT_NOTICE" not in _ids(check(pitch))
    alert = check("【緊急速報】震度5強の地震が発生しました。津波に注意し、高台に避難してください")
    assert alert.level == Level.NO_SIGNS and "DISASTER_ALERT_NOTICE" in _ids(alert)


def test_a_warning_with_a_link_to_follow_is_judged_on_its_request():
    text = ("【〇〇カード】不正利用の可能性があるため、カードのご利用を制限しています。"
            "下記から確認してください https://card-secure-check.xyz/\n不審なメールにご注意ください。")
    verdict = check(text)
    assert verdict.level != Level.NO_SIGNS
    assert "SCAM_WARNING" not in _ids(verdict)


def test_what_a_caller_said_passed_on_by_a_relative_is_judged_as_the_call():
    # pasting "the police called and said 「...」" asks whether the call was a scam: it is
    verdict = check("母さんに警察から「あなたの口座が犯罪に使われている。キャッシュカードを預かりに行く」って電話があったんだけど、本当?")
    assert verdict.level != Level.NO_SIGNS, [(r.id, r.score) for r in verdict.reasons]
    assert "COLLECTION_BY_IMPOSTOR" in _ids(verdict) and "QUOTED_SCAM_WORDS" not in _ids(verdict)


def test_a_relative_who_already_knows_it_is_a_scam_is_not_the_scam():
    verdict = check("叔母さんのLINEから「コンビニでギフトカード買ってきて」って来た。乗っ取られてるっぽいから無視してね")
    assert verdict.level == Level.NO_SIGNS, [(r.id, r.score) for r in verdict.reasons]
    assert {"SCAM_WARNING", "QUOTED_SCAM_WORDS"} <= _ids(verdict)


def test_friendly_wording_cannot_lower_a_request_for_a_code():
    verdict = check("久しぶり!元気にしてる?また今度ご飯行こうね。そうそう、今届いたSMSの認証コードを教えてくれる?")
    assert verdict.level != Level.NO_SIGNS
    assert "ORDINARY_WORDING" not in _ids(verdict)
    assert "CODE_FORWARD_REQUEST" in _ids(verdict)


def test_hidden_signs_carry_no_points_so_the_shown_reasons_add_up_to_the_score():
    engine = _loaded_engine()
    assert [r.id for r in engine.rules.rules if not r.show and r.score != 0] == []


PIECES = [LURE, WARNING_LINE, "駅に着いたよ。", "「本日中にご連絡ください」という電話に注意してください。",
          "https://bit.ly/abc", "【Amazon】アカウントを停止しました。", "ありがとうございます。",
          "警察に相談しましょう。", "あなたの口座が犯罪に使われています。", "0120-000-000",
          "公式アプリからご確認ください。", "認証コードを教えて", "確認コード 123456 を誰にも教えないでください。"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5).map("\n".join))
def test_the_level_always_agrees_with_the_reasons_shown(text):
    verdict = check(text)
    judgement = _loaded_weights().judgement
    shown = sum(r.score for r in verdict.reasons)
    assert abs(max(shown, 0.0) - verdict.score) < 0.05
    warnings = sum(r.score for r in verdict.reasons if r.kind is ReasonKind.WARNING)
    order = [Level.NO_SIGNS, Level.CAUTION, Level.DANGER]
    # never below what the score says, never no-signs above warnings that alone make danger
    assert order.index(verdict.level) >= order.index(judgement.level_of(verdict.score))
    if warnings >= judgement.danger:
        assert verdict.level != Level.NO_SIGNS
