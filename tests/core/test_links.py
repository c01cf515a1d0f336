"""Links: found (also defanged or masked ones), never opened, judged against the brand named."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
        # the Metropolitan Police's and Tokyo's own addresses from before the move to .lg.jp
        ("警視庁HP https://www.keishicho.metro.tokyo.jp/kurashi/index.html", LinkRisk.OFFICIAL),
        ("東京都 https://www.metro.tokyo.jp/", LinkRisk.OFFICIAL),
        ("警視庁です https://keishicho-metro-tokyo.jp/", LinkRisk.LOOKALIKE),
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


# --- addresses as a browser or a phone's message app reads them ------------------------------


@pytest.mark.parametrize(
    ("text", "defanged"),
    [
        # the ideographic full stop: "amazon-secure。com" opens amazon-secure.com
        ("【Amazon】アカウント確認 amazon-secure。com/login", "amazon-secure[.]com/login"),
        ("【Amazon】 https:/amaz0n-jp.com/x", "hxxps://amaz0n-jp[.]com/x"),  # one slash
        ("ログイン https:\\\\amaz0n-jp.com\\login", "hxxps://amaz0n-jp[.]com\\login"),  # back-slashes
        ("請求書 invoice.zip を開いてください", "invoice[.]zip"),  # real top-level domains since 2023
        ("動画 video.mov はこちら", "video[.]mov"),
    ],
)
def test_addresses_written_oddly_are_still_found_and_defanged(text, defanged):
    assert [d for d, _ in links(text)] == [defanged]


def test_a_lookalike_written_with_an_ideographic_full_stop_is_a_lookalike():
    with_dot = check("【Amazon】アカウント確認 amazon-secure.com/login")
    with_maru = check("【Amazon】アカウント確認 amazon-secure。com/login")
    assert [lk.risks for lk in with_maru.links] == [lk.risks for lk in with_dot.links]
    assert LinkRisk.LOOKALIKE in with_maru.links[0].risks
    assert "LINK_LOOKALIKE" in {r.id for r in with_maru.reasons}


@pytest.mark.parametrize(
    ("text", "defanged"),
    [
        ("ダウンロード ftp://files.example.top/setup.exe", "ftp[:]//files[.]example[.]top/setup.exe"),
        ("こちらを開いてください javascript:void(0)", "javascript[:]void"),
        ("表示 data:text/html;base64,PHNjcmlwdD4=", "data[:]text/html;base64,PHNjcmlwdD4="),
        ("file:///C:/Users/Public/update.exe を実行", "file[:]///C:/Users/Public/update.exe"),
        ("アプリで開く intent://scan/#Intent;scheme=zxing;end", "intent[:]//scan/#Intent;scheme=zxing;end"),
    ],
)
def test_every_scheme_that_is_not_a_web_page_is_found_defanged_and_named(text, defanged):
    verdict = check(text)
    assert [lk.defanged for lk in verdict.links] == [defanged]
    assert verdict.links[0].risks[0] is LinkRisk.ODD_SCHEME
    assert "LINK_ODD_SCHEME" in {r.id for r in verdict.reasons}


def test_a_mail_address_link_is_defanged_and_its_domain_judged():
    (link,) = check("お問い合わせ mailto:support@amaz0n-help.top").links
    assert link.defanged == "mailto[:]support@amaz0n-help[.]top"
    assert link.registrable_domain == "amaz0n-help.top"
    assert LinkRisk.ODD_TLD in link.risks


def test_a_port_is_not_mistaken_for_a_scheme():
    (link,) = check("www.example.com:8080/x").links
    assert link.host == "www.example.com"
    assert LinkRisk.ODD_SCHEME not in link.risks


def test_company_names_and_phone_labels_do_not_become_links():
    assert links("株式会社サンプル Sample Co.Ltd TEL:03-1234-5678") == []
    assert links("TEL:03-1234-5678 までお電話ください") == []


def test_no_scheme_survives_on_what_is_printed():
    from core import defang_text

    text = "javascript:alert(1) と mailto:a@example.com と ftp://x.example.com/ と https:\\\\y.example.com"
    shown = defang_text(text, check(text).links)
    for live in ("javascript:", "mailto:", "ftp:", "https:", "http:"):
        assert live not in shown


def test_a_huge_address_is_dead_all_the_way_through():
    shown = defang("https://a.example.com/?next=" + "http://b.example.com/" * 500)
    assert shown.startswith("hxxps://a[.]example[.]com/")
    assert "http://" not in shown and "example.com" not in shown


def test_a_plain_email_address_is_printed_dead_so_no_viewer_makes_it_a_mail_link():
    from core import defang_text

    text = "至急こちらにご返信ください: support-desk@example-help.com"
    shown = defang_text(text, check(text).links)
    assert "support-desk@example-help[.]com" in shown
    assert "example-help.com" not in shown
    assert defang_text("メールは×××@××.ne.jpです", []) == "メールは×××@××.ne.jpです"  # masked: nothing to link


BARE_AS_FIRST_WRITTEN = (
    r"(?<![a-z0-9@._/-])(?<!\[\.\])(?<!\(\.\))"
    r"((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.|\[\.\]|\(\.\))){1,126}"
    r"([a-z]{2,24}))(?![a-z0-9@-])(?![.][a-z0-9])((?:[/?#][!#-;=?-z~%]*)?)"
)


@settings(max_examples=500, deadline=None, database=None)
@given(st.lists(st.sampled_from(list("ab0.-[](/@_x 。") + ["co", "jp", "com", "[.]", "(.)", "www."]),
                max_size=30).map("".join))
def test_a_bare_address_is_found_as_by_the_pattern_with_its_checks_first(text):
    """The bare-address pattern starts with a letter or digit (re's search skips to those) and
    checks what comes before it after it: the same matches, and the same host, ending and path."""
    import re

    from core.links import _BARE

    def found(pattern):
        return [(m.span(), m.groups()) for m in pattern.finditer(text)]

    assert found(_BARE) == found(re.compile(BARE_AS_FIRST_WRITTEN))


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from(list("aZ0。.K ſı\n")), max_size=20).map("".join))
def test_an_ideographic_full_stop_is_read_as_a_dot_between_the_same_characters_as_before(text):
    import re

    from core.links import _IDEOGRAPHIC_DOT

    plain = re.compile(r"(?<=[a-z0-9])。(?=[a-z0-9])", re.IGNORECASE)
    assert [m.span() for m in _IDEOGRAPHIC_DOT.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=500, deadline=None, database=None)
@given(st.lists(st.sampled_from(["h", "t", "p", "s", "x", ":", "/", "\\", "w", "W", ".", "[", "]", "(", ")",
                                 "a", "mailto", "data", "file", "javascript", "hxxps", "www", " ", "あ"]),
                max_size=25).map("".join))
def test_an_address_with_a_scheme_is_only_looked_for_where_it_could_be(text):
    """The scheme patterns run only on a text with the colon, slash or "www" each needs: no
    address they would find is missed."""
    from core.links import _OTHER_SCHEME, _SCHEME, _scheme_patterns

    for pattern in (_SCHEME, _OTHER_SCHEME):
        if pattern.search(text):
            assert pattern in _scheme_patterns(text)
