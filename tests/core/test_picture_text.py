"""From the pieces of text found in a screenshot to the message, with a stand-in reader.

The real reader (ocr extra) is tested in test_ocr_reader.py; here every step around it runs
everywhere: reading order, bubbles kept apart, the phone's clutter left out, doubtful
characters, and the errors for pictures that are not read.
"""

from __future__ import annotations

import io
import json
import os

import pytest

import core
from core import picture_text
from core.cli import main
from core.picture import PictureFormat, PictureInfo, reading_settings
from core.picture_text import arrange, read_picture, read_picture_file
from core.verdict import CheckError, ErrorCode, Level
from picture_fakes import SCAM_SCREEN, SCAM_TEXT, FakeReader, piece, png_header, tiny_png

SCREEN = PictureInfo(PictureFormat.PNG, 1080, 2400)


def read(pieces) -> core.PictureText:
    return arrange(pieces, SCREEN, reading_settings())


def test_a_screenshot_becomes_the_message_in_reading_order_with_bubbles_apart():
    assert read(SCAM_SCREEN).text == SCAM_TEXT


def test_the_order_the_reader_found_the_pieces_in_does_not_matter():
    assert read(list(reversed(SCAM_SCREEN))).text == SCAM_TEXT


def test_status_bar_sms_label_day_and_times_beside_bubbles_are_left_out():
    result = read(SCAM_SCREEN)
    for clutter in ("9:41", "87%", "SMS/MMS", "今日", "9:42"):
        assert clutter not in result.text
    assert (result.pieces_read, result.pieces_left_out) == (12, 6)


def test_read_marks_and_dates_are_left_out_but_a_time_inside_a_sentence_stays():
    pieces = [
        piece("2024年5月12日(日)", 300, 300, 780, 350),
        piece("明日は9:30に駅前で待っています", 80, 450, 900, 510),
        piece("既読", 40, 560, 100, 590),
        piece("12:05", 40, 590, 110, 620),
    ]
    assert read(pieces).text == "明日は9:30に駅前で待っています"


def test_pieces_on_one_row_are_joined_left_to_right():
    pieces = [piece("下記より", 380, 500, 600, 560), piece("お荷物の確認は", 80, 502, 370, 558)]
    assert read(pieces).text == "お荷物の確認は下記より"


def test_two_pieces_of_latin_text_on_one_row_keep_a_space_between_them():
    pieces = [piece("Amazon", 80, 500, 300, 560), piece("Prime", 340, 502, 500, 558)]
    assert read(pieces).text == "Amazon Prime"


def test_bubbles_side_by_side_are_kept_apart_even_without_a_gap():
    sent = piece("わかりました", 600, 500, 1000, 560)
    received = piece("今日中に連絡ください", 80, 565, 500, 625)
    assert read([sent, received]).text == "わかりました\n\n今日中に連絡ください"


def test_characters_read_with_little_confidence_are_given_as_spans_of_the_text():
    result = read(SCAM_SCREEN)
    link_start = result.text.index("https://")
    assert result.doubtful == ((link_start + 15, link_start + 16),)
    assert result.text[link_start + 15] == "k"


def test_a_piece_the_reader_is_unsure_of_as_a_whole_is_left_out_as_noise():
    noise = piece("ﾛ川", 500, 1500, 560, 1540, (0.3, 0.4))
    assert read([*SCAM_SCREEN, noise]).text == SCAM_TEXT


def test_long_text_in_the_status_bar_is_kept():
    banner = piece("【重要】本日中にご連絡ください", 40, 20, 900, 80)
    assert read([banner]).text == "【重要】本日中にご連絡ください"


def test_read_picture_checks_the_file_before_the_reader_sees_it():
    reader = FakeReader(SCAM_SCREEN)
    with pytest.raises(CheckError) as caught:
        read_picture(b"%PDF-1.4\n", reader)
    assert caught.value.code == ErrorCode.PICTURE_UNSUPPORTED
    assert reader.pictures == []


def test_a_picture_with_nothing_but_phone_clutter_says_no_text_was_found():
    with pytest.raises(CheckError) as caught:
        read_picture(tiny_png(), FakeReader([SCAM_SCREEN[i] for i in (0, 1, 3, 4, 9)]))
    assert caught.value.code == ErrorCode.PICTURE_NO_TEXT


def test_without_the_ocr_extra_reading_says_how_to_add_it(monkeypatch):
    monkeypatch.setattr("core.ocr_engine.installed", lambda: False)
    picture_text.shipped_reader.cache_clear()
    with pytest.raises(CheckError) as caught:
        read_picture(tiny_png())
    assert caught.value.code == ErrorCode.READER_MISSING
    assert 'pip install "sagicheck[ocr]"' in caught.value.message.en


def test_a_missing_file_and_a_too_large_file(tmp_path):
    with pytest.raises(CheckError) as caught:
        read_picture_file(tmp_path / "gone.png", FakeReader(SCAM_SCREEN))
    assert caught.value.code == ErrorCode.PICTURE_NOT_OPENED
    huge = tmp_path / "huge.png"
    with open(huge, "wb") as file:
        file.write(png_header(1080, 2400))
        file.truncate(reading_settings().limits.max_bytes + 1)  # sparse: nothing is written
    with pytest.raises(CheckError) as caught:
        read_picture_file(huge, FakeReader(SCAM_SCREEN))
    assert caught.value.code == ErrorCode.PICTURE_TOO_LARGE


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def fake_reader(monkeypatch) -> FakeReader:
    reader = FakeReader(SCAM_SCREEN)
    monkeypatch.setattr(picture_text, "shipped_reader", lambda: reader)
    return reader


def test_cli_checks_the_message_in_a_picture_and_its_json_says_where_the_text_came_from(
        tmp_path, fake_reader, monkeypatch):
    folder = tmp_path / "pictures"
    folder.mkdir()
    shot = folder / "shot.png"
    shot.write_bytes(tiny_png())
    monkeypatch.chdir(folder)
    code, out, err = run(["check", "--image", str(shot), "--json"])
    assert (code, err) == (0, "")
    verdict = json.loads(out)
    assert verdict["input"]["source"] == "picture"
    assert verdict["input"]["text"] == SCAM_TEXT
    assert verdict["level"] == Level.DANGER.value
    assert "LINK_LOOKALIKE" in {r["id"] for r in verdict["reasons"]}
    assert verdict == {**core.check(SCAM_TEXT).to_dict("ja"), "input": verdict["input"]}
    assert sorted(os.listdir(folder)) == ["shot.png"]  # nothing written beside it or here


def test_cli_says_the_text_was_read_from_a_picture(tmp_path, fake_reader):
    shot = tmp_path / "shot.png"
    shot.write_bytes(tiny_png())
    code, out, _ = run(["check", "--image", str(shot), "--lang", "en"])
    assert code == 0
    assert out.startswith("Text read from the picture")
    assert "  | https://sagawa-kz.com/track?id=5821" in out
    assert "[DANGER]" in out


@pytest.mark.parametrize(("content", "words"), [
    (b"%PDF-1.4\n", "(PDF)"), (png_header(20_000, 10_000), "too large"), (b"", "broken"),
])
def test_cli_turns_away_a_picture_it_does_not_read_with_exit_2(tmp_path, fake_reader, content, words):
    shot = tmp_path / "file"
    shot.write_bytes(content)
    code, out, err = run(["check", "--image", str(shot), "--lang", "en"])
    assert (code, out) == (2, "")
    assert words in err


def test_cli_refuses_text_and_a_picture_together(tmp_path, fake_reader):
    code, _, err = run(["check", "--image", str(tmp_path / "x.png"), "some text"])
    assert code == 2 and "not both" in err


def test_a_sender_centred_at_the_top_of_a_screenshot_cut_below_the_status_bar_is_kept():
    sender = piece("03-5555-0123", 383, 20, 692, 70)  # centred, where a status bar would be
    clock = piece("9:41", 36, 15, 125, 72)
    body = piece("至急ご連絡ください", 80, 300, 600, 360)
    assert read([sender, clock, body]).text == "03-5555-0123\n\n至急ご連絡ください"


def test_a_small_time_beside_a_bubble_is_known_with_a_stray_point_read_in_it():
    # 7:13 beside a link's bubble on a forwarded JPEG, read as 7:1.3: left out, not joined to the link
    link = piece("https://amaz0n-jp.co/login", 40, 444, 411, 498)
    time = piece("7:1.3", 430, 483, 474, 513)
    assert read([link, time]).text == "https://amaz0n-jp.co/login"
    assert "1.3" in read([piece("比率は1:1.3です", 80, 300, 600, 360)]).text  # inside a sentence it stays


def test_clutter_is_known_whatever_the_reader_made_of_upper_and_lower_case():
    label = piece("smS/mms", 460, 188, 620, 238)
    body = piece("至急ご連絡ください", 80, 300, 600, 360)
    assert read([label, body]).text == "至急ご連絡ください"
