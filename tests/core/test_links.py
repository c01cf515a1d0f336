"""Links: found (also defanged or masked ones), never opened, judged against the brand named."""

from __future__ import annotations

import pytest

from core import LinkRisk, check
from core.links import defang


def links(text):
    return [(link.defanged, link.risks) for link in check(text).links]


@pytest.mark.parametrize(
    ("text", "risk"),
    [
        ("【Amazon】お支払い方法を更新してください https://amazon-co-jp.account-verify.top/", LinkRisk.LOOKALIKE),
        ("【イオンカード】ご利用確認 https://www.aeon.co.jp.secure-login.com/", LinkRisk.LOOKALIKE),
        ("ログインしてください http://192.168.10.5/login", LinkRisk.IP_ADDRESS),
        ("ご確認ください https://xn--80ak6aa92e.com/", LinkRisk.PUNYCODE),
        ("詳細 https://bit.ly/3abcd", LinkRisk.SHORTENER),
        ("重要なお知らせ http://notice.duckdns.org/", LinkRisk.FREE_HOSTING),
        ("【楽天カード】ご確認ください https://example-card.net/login", LinkRisk.NOT_OFFICIAL),
        ("【楽天カード】ご利用確認 https://r10.to/abcd", LinkRisk.OFFICIAL),
        ("【〇〇市】詳しくは https://www.city.example.lg.jp/page", LinkRisk.OFFICIAL),
        ("再配達はこちら https://~", LinkRisk.MASKED),
    ],
)
def test_each_link_gets_its_worst_risk_first(text, risk):
    ((_, risks),) = links(text)
    assert risks[0] == risk


def test_a_user_at_host_address_is_judged_by_where_it_really_goes():
    ((defanged, risks),) = links("【Amazon】https://www.amazon.co.jp@login-check.example.top/")
    assert risks[0] == LinkRisk.NOT_OFFICIAL or LinkRisk.ODD_TLD in risks
    assert "@login-check[.]example[.]top" in defanged


def test_already_defanged_links_are_still_found():
    ((defanged, _),) = links("荷物の確認 hxxps://t[.]co/AbCdE")
    assert defanged == "hxxps://t[.]co/AbCdE"


def test_a_company_name_that_looks_like_a_domain_is_not_a_link():
    assert links("Amazon.co.jpをご利用いただきありがとうございます") == []


def test_a_link_text_keeps_its_place_in_the_message():
    text = "不在のため持ち帰りました。ｈｔｔｐｓ：／／ｙａｍａｔｏ－ｘ．ｔｏｐ／ａ をご確認ください"
    (link,) = check(text).links
    assert text[link.start:link.end].startswith("ｈｔｔｐｓ")
    assert link.defanged == "hxxps://yamato-x[.]top/a"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.example.com/x.html", "hxxps://a[.]example[.]com/x.html"),
        ("http://evil.example/?next=https://b.example/", "hxxp://evil[.]example/?next=hxxps://b[.]example/"),
        ("example.com/login", "example[.]com/login"),
    ],
)
def test_defanging(url, expected):
    assert defang(url) == expected


def test_a_message_can_be_shown_with_every_link_defanged():
    from core import defang_text

    text = "再配達は https://yamato-x.top/a から。詳しくは www.example.com と http://b.example/ へ"
    shown = defang_text(text, check(text).links)
    assert "https://" not in shown and "http://" not in shown
    assert "hxxps://yamato-x[.]top/a" in shown and "www[.]example" in shown
    assert shown.startswith("再配達は ") and shown.endswith(" へ")
