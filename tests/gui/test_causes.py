"""Reasons the Verdict gives for one cause are read once: grouped for showing, never re-decided."""

from __future__ import annotations

from core import check
from gui.causes import causes


def _ids(message: str) -> list[list[str]]:
    return [[r.id for r in cause.reasons] for cause in causes(check(message))]


def test_two_rules_about_one_international_number_are_one_cause():
    grouped = _ids("+1-202-555-0147")
    # the named pattern (hard evidence: at least caution) is read first, the plain fact after it
    assert ["UNKNOWN_INTERNATIONAL_NUMBER", "NUMBER_INTERNATIONAL"] in grouped
    assert ["NUMBER_NOT_LISTED"] in grouped  # information about the same number, of another kind


def test_every_reason_is_kept_once_and_causes_follow_the_verdicts_order():
    message = ("【Amazon】お支払い方法に問題があります。本日中に下記URLから確認してください。"
               "https://amazon-co-jp.security-check.xyz/login 未確認の場合はアカウントを停止します。お問い合わせ 050-1234-5678")
    verdict = check(message)
    found = causes(verdict)
    assert sorted(r.id for c in found for r in c.reasons) == sorted(r.id for r in verdict.reasons)
    order = [verdict.reasons.index(c.main) for c in found]
    assert order == sorted(order) and order[0] == 0
    link = next(c for c in found if "LINK_LOOKALIKE" in [r.id for r in c.reasons])
    assert link.main.id == "DECEPTIVE_LINK"  # the hard evidence about the link is read first
    assert "LINK_ODD_TLD" in [r.id for r in link.others]
    assert set(link.spans) >= set(next(r for r in verdict.reasons if r.id == "LINK_ODD_TLD").spans)
