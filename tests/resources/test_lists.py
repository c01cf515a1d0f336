"""The shipped number, link and brand lists parse, and say what they claim to."""

from __future__ import annotations

import re
from datetime import date

import phonenumbers

from core.brands import CATEGORIES, load_brands
from core.links import link_lists
from core.numbers import number_lists


def test_every_listed_number_is_a_real_japanese_number_or_a_service_code():
    lists = number_lists()
    for key in list(lists.scam) + list(lists.official) + list(lists.reported):
        parsed = phonenumbers.parse(key, "JP")
        assert phonenumbers.is_valid_number(parsed), key
    assert set(lists.services) >= {"110", "119", "#9110", "188"}


def test_no_number_is_both_scam_and_official_or_reported():
    lists = number_lists()
    assert set(lists.scam) & (set(lists.official) | set(lists.reported) | set(lists.services)) == set()


def test_every_number_printed_as_someones_names_the_page_it_was_read_on_and_when():
    """A family member reads "this is X's number" on the sheet: the list must say where we saw it."""
    lists = number_lists()
    printed = set(lists.official) | set(lists.services) | set(lists.reported)
    assert printed and printed <= set(lists.sources)
    for key in printed:
        source = lists.sources[key]
        assert re.fullmatch(r"https?://\S+", source.page), key
        assert re.fullmatch(r"20\d\d-\d\d(-\d\d)?", source.checked), key
        assert source.checked <= date.today().isoformat(), f"{key} checked in the future"


def test_numbers_only_reported_for_a_company_are_never_called_official():
    """Amazon's number is only quoted by blogs: it is shown with a reminder to check it, and not
    as Amazon's official number (the issuer's own page never showed it)."""
    from core import Listing, check

    verdict = check("Amazonカスタマーサービス 0120-899-543")
    number = verdict.phone_numbers[0]
    assert number.listed is Listing.REPORTED
    assert "公式サイトで番号を確かめて" in number.listed_note.ja
    assert "check the number there before calling" in number.listed_note.en
    assert "公式の番号" not in number.listed_note.ja


def test_a_number_a_page_itself_calls_possibly_spoofed_is_on_no_list():
    lists = number_lists()
    assert "05031311651" not in set(lists.official) | set(lists.reported)


def test_list_notes_speak_both_languages():
    lists = number_lists()
    for table in (lists.scam, lists.official, lists.services, lists.areas, lists.reported):
        for note in table.values():
            assert note.ja.strip() and note.en.strip()


def test_brands_are_well_formed_and_never_own_a_shortener_or_free_host():
    links = link_lists()
    shared = links.shorteners | links.free_hosting
    for brand in load_brands():
        assert brand.category in CATEGORIES
        assert brand.names or brand.latin_names
        assert not set(brand.domains) & shared, brand.id
        assert all(d == d.lower() for d in brand.domains)


def test_brand_phone_numbers_are_also_in_a_sourced_list():
    lists = number_lists()
    official = set(lists.official) | set(lists.services) | set(lists.reported)
    for brand in load_brands():
        for number in brand.numbers:
            assert number in official, (brand.id, number)


def test_link_lists_are_plain_lower_case_names():
    links = link_lists()
    for table in (links.suffixes, links.tlds, links.odd_tlds, links.shorteners, links.free_hosting, links.well_known):
        assert table and all(entry == entry.lower() and " " not in entry for entry in table)


def test_every_number_kind_and_core_sentence_has_wording():
    from core import Level, NumberKind
    from core.messages import message

    for kind in NumberKind:
        if kind not in (NumberKind.FIXED_LINE, NumberKind.INTERNATIONAL):  # these name a code
            assert message(f"number.{kind.value}").ja
    for level in Level:
        assert message(f"cli.{level.value}").en
    assert "{" not in message("error.data_file", detail="x").ja
    assert message("number.international", code=44).en == "international number (+44)"
