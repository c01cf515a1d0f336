"""Phone numbers: found as written, classified, looked up in the shipped lists."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import Level, Listing, NumberKind, check


def numbers(text):
    return [(n.text, n.kind, n.listed) for n in check(text).phone_numbers]


@pytest.mark.parametrize(
    ("text", "kind", "e164"),
    [
        ("03-1234-5678", NumberKind.FIXED_LINE, "+81312345678"),
        ("090-1234-5678", NumberKind.MOBILE, "+819012345678"),
        ("050-1234-5678", NumberKind.IP_PHONE, "+815012345678"),
        ("0120-123-456", NumberKind.TOLL_FREE, "+81120123456"),
        ("0570-012-345", NumberKind.NAVI_DIAL, "+81570012345"),
        ("+44 20 7946 0958", NumberKind.INTERNATIONAL, "+442079460958"),
    ],
)
def test_a_number_pasted_alone_is_classified(text, kind, e164):
    verdict = check(text)
    assert verdict.number_only
    (number,) = verdict.phone_numbers
    assert (number.kind, number.e164) == (kind, e164)


def test_a_landline_says_its_area():
    (number,) = check("06-6123-4567").phone_numbers
    assert "06" in number.kind_label.ja and "大阪" in number.kind_label.ja


def test_service_numbers_phonenumbers_does_not_know_are_recognised():
    found = numbers("困ったら#9110か188へ。緊急なら110番")
    assert [(t, k) for t, k, _ in found] == [("#9110", NumberKind.SERVICE), ("188", NumberKind.SERVICE), ("110", NumberKind.SERVICE)]
    assert all(listed == Listing.OFFICIAL for _, _, listed in found)


def test_prices_and_counts_are_not_phone_numbers():
    assert numbers("合計110円、188人が参加、119件") == []


def test_sms_short_codes_are_labelled_as_not_callable():
    ((text, kind, _),) = numbers("送信元 0005-1234-56")
    assert kind == NumberKind.SHORT_CODE


def test_masked_numbers_as_quoted_in_warnings_still_count():
    ((text, kind, _),) = numbers("03-XXXX-XXXXまでご連絡ください")
    assert (text, kind) == ("03-XXXX-XXXX", NumberKind.MASKED)


def test_a_listed_scam_number_is_danger_even_alone_and_written_differently():
    verdict = check("０３（６２７１）７２４３")
    assert verdict.level == Level.DANGER
    assert verdict.phone_numbers[0].listed == Listing.KNOWN_SCAM


def test_an_unlisted_number_alone_says_so_without_calling_it_safe():
    verdict = check("03-1234-5678")
    assert verdict.level == Level.NO_SIGNS
    assert [r.id for r in verdict.reasons] == ["NUMBER_NOT_LISTED"]


def test_an_official_number_alone_is_named():
    verdict = check("0120-210-364")
    (number,) = verdict.phone_numbers
    assert number.listed == Listing.OFFICIAL
    assert "国際電話" in number.listed_note.ja


def test_the_number_of_numbers_examined_is_capped():
    text = " ".join(f"03-1234-{i:04d}" for i in range(500))
    assert len(check(text).phone_numbers) == 50


# --- the matcher runs only where a number can be --------------------------------------------

def _whole_text_matches(text: str) -> list[tuple[int, int, str]]:
    import phonenumbers

    return [(m.start, m.end, m.raw_string) for m in phonenumbers.PhoneNumberMatcher(
        text, "JP", leniency=phonenumbers.Leniency.POSSIBLE, max_tries=10_000)]


def _callable_matches(text: str) -> list[tuple[int, int, str]]:
    """What the matcher finds in the whole text, but for what no one can call: a number with
    fewer than six digits of its own (before an extension's marker), or four written with "+"."""
    import re

    def own_digits(raw: str) -> int:
        before_extension = re.split(r"[^\d\s+\uff0b\-().\[\]/~\u2010-\u2015\u2212\u30fc\uff0d-\uff0f\uff08\uff09]", raw)[0]
        return len(re.sub(r"\D", "", before_extension))

    return [m for m in _whole_text_matches(text)
            if own_digits(m[2]) >= (4 if m[2].lstrip().startswith(("+", "\uff0b")) else 6)]


def _windowed_matches(text: str) -> list[tuple[int, int, str]]:
    import phonenumbers

    from core.numbers import _matches

    return [(m.start, m.end, m.raw_string) for m in _matches(phonenumbers, text, 10_000)]


def test_every_separator_the_matcher_allows_between_digit_blocks_joins_a_run():
    """core.numbers gives the matcher only runs of six digits or more (four after a "+"); what
    may stand between their digits must include all that phonenumbers' matcher allows there."""
    import re

    from phonenumbers import phonenumbermatcher

    from core.numbers import _NUMBER_SEPARATORS

    theirs = phonenumbermatcher._PUNCTUATION
    theirs = re.compile(theirs[:theirs.index("]{") + 1])
    ours = re.compile(f"[{_NUMBER_SEPARATORS}]")
    assert [hex(c) for c in range(0x10000) if theirs.match(chr(c)) and not ours.match(chr(c))] == []


@pytest.mark.parametrize("text", [
    "お問い合わせは03-1234-5678(平日9:00~17:00)まで。2024年8月30日、3,100世帯が対象です",
    "call +81-3-1234-5678 ext. 123 or +49 1234 today",
    "(03)1234-5678 / 090 1234 5678 / 0120-123-456 内線12 / +1 (202) 555-0147",
    "令和6年10月1日から12月31日まで。電話0120-000-111、FAX 03-3333-4444",
    "ドイツの番号は +49 1234 です",  # the shortest a number can be: a country code and four digits
])
def test_the_matcher_finds_in_the_runs_what_it_finds_in_the_whole_text(text):
    assert _windowed_matches(text) == _whole_text_matches(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789-() +.x/年月日時分、。:~,#") + ["03", "090", "0120", "+81", "+49 ", "ext ", "内線"]),
                max_size=40).map("".join))
def test_on_any_mix_of_digits_and_separators_the_runs_hold_every_number(text):
    found = _windowed_matches(text)
    # every number someone can call, and nothing the whole-text matcher would not find
    assert set(_callable_matches(text)) <= set(found) <= set(_whole_text_matches(text))
    assert found == sorted(found)


@pytest.mark.parametrize(("text", "whole", "ours"), [
    ("+49 12", [(0, 6, "+49 12")], [(0, 6, "+49 12")]),  # a country code and two digits: kept
    ("03090ext 0", [(0, 8, "03090ext")], []),  # five digits before an extension
    ("00xxx090", [(0, 8, "00xxx090")], []),  # two digits before a run of x's
])
def test_the_runs_leave_out_only_what_no_one_can_call(text, whole, ours):
    assert _whole_text_matches(text) == whole
    assert _windowed_matches(text) == ours
