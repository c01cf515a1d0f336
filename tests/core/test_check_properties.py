"""Properties every verdict keeps, for any text at all (hypothesis), and the offline promise."""

from __future__ import annotations

import socket

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import CheckError, Level, check, max_input_bytes
from core.verdict import ReasonKind
from core.normalize import normalize

SCAM_BITS = [
    "未納", "本日中", "050-1234-5678", "https://bit.ly/x", "ご連絡ください", "法的手続き",
    "ｺﾞ利用料金", "０３ー１２３４ー５６７８", "\u200b", "\u202e", "【Amazon】", "アカウント停止",
    "hxxps://example[.]com", "#9110", "188", "+1 202 555 0143", "xn--", "😀", "\ud800",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(SCAM_BITS) | st.text(max_size=5), max_size=30).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_check_never_raises_anything_but_a_coded_error(text):
    try:
        verdict = check(text)
    except CheckError as exc:
        assert exc.code.value in {"empty", "not_text"}
        return
    assert verdict.level in set(Level)
    for reason in verdict.reasons:
        for start, end in reason.spans:
            assert 0 <= start <= end <= len(text)
    for item in verdict.phone_numbers + verdict.links:
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start:item.end] == item.text
    for link in verdict.links:
        assert "http://" not in link.defanged.lower() and "https://" not in link.defanged.lower()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_normalised_offsets_always_point_inside_the_original(text):
    norm = normalize(text)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for i in range(len(norm.text)):
        assert 0 <= norm.starts[i] < norm.ends[i] <= len(text)
    assert list(norm.starts) == sorted(norm.starts)


def test_spans_highlight_what_the_user_pasted_even_when_full_width():
    text = "ご利用料金の未納があります。本日中に０５０ー１２３４ー５６７８までご連絡ください"
    verdict = check(text)
    number = verdict.phone_numbers[0]
    assert text[number.start:number.end] == "０５０ー１２３４ー５６７８"
    assert number.e164 == "+815012345678"
    deadline = next(r for r in verdict.reasons if r.id == "DEADLINE")
    assert [text[a:b] for a, b in deadline.spans] == ["本日中"]


def test_filter_evasion_spacing_and_zero_width_do_not_hide_a_claim():
    spaced = check("お 支 払 い の 確 認 が 取 れ て お り ま せ ん 。本 日 中 に ご 連 絡 く だ さ い")
    hidden = check("未\u200b払\u200bい料金があります。本日中にご連絡ください")
    assert {"UNPAID_CHARGE", "DEADLINE"} <= {r.id for r in spaced.reasons}
    assert {"UNPAID_CHARGE", "DEADLINE"} <= {r.id for r in hidden.reasons}


def test_checking_never_touches_the_network(monkeypatch):
    """Sockets are blocked in every test (conftest); here we also prove none is even created."""
    created = []
    real_socket = socket.socket

    def spy(*args, **kwargs):
        created.append(args)
        return real_socket(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", spy)
    for text in ["https://bit.ly/abc ヤマト運輸です。不在のため持ち帰りました", "03-6271-7243", "+1 202 555 0143"]:
        check(text)
    assert created == []


def test_text_that_fits_max_input_bytes_is_judged_whole_and_one_more_character_is_cut():
    limit = max_input_bytes()
    fits = "あ" * (limit // 3) + "a" * (limit % 3)
    assert len(fits.encode("utf-8")) == limit
    assert not check(fits).truncated
    over = check(fits + "a")
    assert over.truncated and over.analysed_length == len(fits)


def test_a_warning_whose_score_the_group_cap_used_up_still_names_its_topic():
    # Two claims fill the claim group's cap; the third (a transfer request) adds no score,
    # but the walk-through must still know the message asks for money to be sent.
    text = "先月分の利用料が未払いです。おめでとうございます、抽選に当選しました。下記の口座へお振り込みください。"
    verdict = check(text)
    transfer = [r for r in verdict.reasons if r.id == "TRANSFER_REQUEST"]
    assert transfer and transfer[0].score == 0 and transfer[0].kind is ReasonKind.WARNING
    assert "payment" in verdict.topics
    assert verdict.topics.index("payment") > verdict.topics.index("billing")  # scored signs first


spans = st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted).map(tuple)


@settings(max_examples=300, deadline=None)
@given(st.lists(spans, max_size=12), st.lists(spans, max_size=12))
def test_a_span_is_held_by_the_regions_when_one_of_them_holds_it(regions, asked):
    """The sentences and quotations that set a warning's reports aside are searched by binary
    search: the same answer as looking through every region."""
    from core.check import _Regions

    found = _Regions(regions)
    for start, end in asked:
        assert found.hold((start, end)) == any(a <= start and end <= b for a, b in regions)
