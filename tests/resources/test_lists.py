"""The shipped number, link and brand lists parse, and say what they claim to."""

from __future__ import annotations

import phonenumbers

from core.brands import CATEGORIES, load_brands
from core.links import link_lists
from core.numbers import number_lists


def test_every_listed_number_is_a_real_japanese_number_or_a_service_code():
    lists = number_lists()
    for key in list(lists.scam) + list(lists.official):
        parsed = phonenumbers.parse(key, "JP")
        assert phonenumbers.is_valid_number(parsed), key
    assert set(lists.services) >= {"110", "119", "#9110", "188"}


def test_no_number_is_both_scam_and_official():
    lists = number_lists()
    assert set(lists.scam) & set(lists.official) == set()


def test_list_notes_speak_both_languages():
    lists = number_lists()
    for table in (lists.scam, lists.official, lists.services, lists.areas):
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


def test_brand_phone_numbers_are_also_in_the_official_list():
    lists = number_lists()
    official = set(lists.official) | set(lists.services)
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
