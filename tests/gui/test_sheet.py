"""The printed guidance sheet: what a family member finds by the phone the next day."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import datetime
from importlib.resources import files
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QFont, QFontDatabase, QPdfWriter, QTextDocument

from core import check
from core.guidance import Walkthrough, load_guidance
from gui.causes import causes
from gui.sheet import (
    SheetStyleError, build_sheet, defanged_message, paint_sheet, parse_sheet_style, render_pdf, sheet_font,
    sheet_font_family, sheet_main, sheet_page_layout, sheet_style, write_sheet_pdf,
)

FEE_SMS = "ご利用料金の確認が取れておりません。本日中に050-1234-5678までご連絡ください"
PHISHING = "【Amazon】お支払い方法に問題があります。https://amazon-co-jp.example.xyz/login で確認してください。www.bad-shop.top も"
WHEN = datetime(2026, 11, 24, 9, 5)


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (the CI script does)")
    return path


def pdf_text(pdf: Path) -> str:
    """The PDF's text, NFKC-normalised (CJK fonts map some kanji to radical code points)."""
    out = subprocess.run([poppler("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                         check=True, capture_output=True, text=True).stdout
    return unicodedata.normalize("NFKC", out)


def squashed(text: str) -> str:
    return "".join(text.split())


def bank_details_walk() -> tuple[list[tuple[str, str]], list[str]]:
    walk = Walkthrough()
    walk.start(check(FEE_SMS).topics)
    walk.choose("called_or_replied")
    walk.choose("bank_card")
    return ([(q.text.ja, a.text.ja) for q, a in walk.path()], [s.text.ja for s in walk.steps()])


def test_sheet_for_a_fee_sms_has_date_verdict_reasons_default_steps_hotlines_and_memo(qapp):
    verdict = check(FEE_SMS)
    text = build_sheet(verdict, FEE_SMS, "ja", when=WHEN).toPlainText()
    assert "作成日: 2026年11月24日 9時05分" in text
    assert "危険" in text and verdict.headline.ja in text
    # One item per cause, as in the window: every reason's title, each cause's strongest in full.
    for cause in causes(verdict):
        assert cause.main.title.ja in text and cause.main.detail.ja in text
        for other in cause.others:
            assert other.title.ja in text
    assert "料金を求めるメッセージが届いただけのとき" in text  # default steps for the first topic
    assert "メッセージに書かれた番号に電話をかけない" in text
    assert "050-1234-5678" in text and "IP電話" in text
    for number in ("110", "#9110", "188", "0120-210-364"):
        assert number in text
    assert "メモ" in text and "いつ" in text and "何を言われ、何を話したか" in text
    assert "安全" not in text


def test_the_walk_through_answers_and_their_steps_are_printed_instead_of_the_defaults(qapp):
    path, steps = bank_details_walk()
    text = build_sheet(check(FEE_SMS), FEE_SMS, "ja", path=path, steps=steps, when=WHEN).toPlainText()
    assert "あなたの答え" in text
    assert "相手に何を伝えましたか? → 銀行口座・カードの番号や暗証番号" in text
    assert "カードの裏に書いてあります" in text and "自分の銀行に電話して" in text
    assert "料金を求めるメッセージが届いただけのとき" not in text


def test_links_in_the_message_are_defanged_and_nothing_is_a_hyperlink(qapp):
    verdict = check(PHISHING)
    assert verdict.links, "the check should find the links"
    doc = build_sheet(verdict, PHISHING, "ja", when=WHEN)
    text, html = doc.toPlainText(), doc.toHtml()
    assert "hxxps://amazon-co-jp[.]example[.]xyz/login" in text
    assert "www[.]bad-shop[.]top" in text
    assert "https://" not in text and "http://" not in text and "www.bad" not in text
    assert "<a " not in html and "href" not in html and "tel:" not in html
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            assert not it.fragment().charFormat().isAnchor()
            it += 1
        block = block.next()


def test_odd_addresses_and_other_schemes_print_dead_on_the_sheet(qapp):
    message = ("【Amazon】確認 amazon-secure。com/login または https:\\\\amaz0n.example.top\\a "
               "ftp://files.example.top/a.exe javascript:alert(1) mailto:help@amaz0n.example.top")
    verdict = check(message)
    doc = build_sheet(verdict, message, "ja", when=WHEN)
    text = doc.toPlainText()
    for live in ("amazon-secure。com", "https:", "ftp:", "javascript:", "mailto:", "example.top"):
        assert live not in text
    assert "amazon-secure[.]com/login" in text and "ftp[:]//files[.]example[.]top" in text


def test_addresses_beyond_the_checks_limit_are_defanged_too(qapp):
    message = "\n".join(f"https://shop{i}.example.com/x" for i in range(60))
    verdict = check(message)
    assert len(verdict.links) < 60  # the check stops at its limit
    text, cut = defanged_message(verdict, message, 10_000)
    assert not cut and "https://" not in text and text.count("hxxps://") == 60


def test_markup_in_the_message_is_printed_as_text(qapp):
    message = '<a href="https://evil.example/">押して</a> & <b>至急</b> 050-1234-5678'
    doc = build_sheet(check(message), message, "ja", when=WHEN)
    assert '<a href="hxxps://evil[.]example/">押して</a> & <b>至急</b>' in doc.toPlainText()
    assert "<a " not in doc.toHtml()


def test_a_long_message_is_cut_and_says_so(qapp):
    message = FEE_SMS + "あ" * 5000
    text = build_sheet(check(message), message, "ja", when=WHEN).toPlainText()
    assert "(長いので、ここから先は省いています)" in text
    assert "あ" * (sheet_style().max_message_chars + 1) not in text


def test_english_sheet_uses_english_labels_and_reasons(qapp):
    verdict = check(FEE_SMS)
    text = build_sheet(verdict, FEE_SMS, "en", when=WHEN).toPlainText()
    assert "Suspicious message: guidance sheet" in text and "Made on: 2026-11-24 09:05" in text
    assert "Danger" in text and verdict.reasons[0].title.en in text
    assert "Who to call" in text and "Consumer hotline" in text and "What was said" in text
    assert "safe" not in text.lower().replace("safety", "")


def test_type_is_large_and_headings_are_bold_in_a_face_that_has_bold(qapp):
    family = sheet_font_family()
    assert any(QFontDatabase.weight(family, s) >= QFont.Weight.DemiBold for s in QFontDatabase.styles(family)), (
        f"{family} has no bold face: install fonts-noto-cjk (the CI script does)")
    doc: QTextDocument = build_sheet(check(FEE_SMS), FEE_SMS, "ja", when=WHEN)
    assert doc.defaultFont().family() == family
    base = doc.defaultFont().pointSizeF()
    assert base >= 12
    headings = 0
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            size = fmt.fontPointSize() or base
            assert size >= 12, (size, it.fragment().text())
            if block.blockFormat().headingLevel():
                assert fmt.fontWeight() >= QFont.Weight.Bold, it.fragment().text()
                headings += 1
            it += 1
        block = block.next()
    assert headings >= 6


def test_the_pdf_is_a4_with_188_9110_defanged_links_a_bold_font_and_no_links(qapp, tmp_path):
    folder = tmp_path / "printed"
    folder.mkdir()
    out = folder / "sheet.pdf"
    path, steps = bank_details_walk()
    write_sheet_pdf(out, check(PHISHING), PHISHING, "ja", path=path, steps=steps)
    raw = out.read_bytes()
    assert raw.startswith(b"%PDF") and b"%%EOF" in raw[-1024:]
    # Qt lists an (empty) /Annots array per page; no annotation may be a link or a form field.
    assert b"/URI" not in raw and b"/Link" not in raw and b"/Widget" not in raw and b"/Launch" not in raw
    assert b"/Subtype /Annot" not in raw and b"/Type /Annot" not in raw
    text = pdf_text(out)
    flat = text.replace("\n", "")
    assert "188" in flat and "#9110" in flat and "カードの裏" in flat and "自分の銀行に電話して" in flat
    assert "hxxps://" in text and "http://" not in text and "https://" not in text
    info = subprocess.run([poppler("pdfinfo"), str(out)], check=True, capture_output=True, text=True).stdout
    assert "595 x 842 pts (A4)" in info
    fonts = subprocess.run([poppler("pdffonts"), str(out)], check=True, capture_output=True, text=True).stdout
    assert "Bold" in fonts and "Regular" in fonts
    assert list(folder.iterdir()) == [out]  # no temporary file left behind


def test_digits_in_english_words_and_addresses_survive_in_the_pdf_text_in_both_languages(qapp, tmp_path):
    # Digits next to Latin letters were printed but lost from the PDF's text (a font feature
    # swapped in glyphs the PDF could not map back to characters), in both languages.
    message = FEE_SMS + " https://pay7.example.xyz/k/2026 またはSMS認証コード 4821"
    verdict = check(message)
    numbers = [n.text for n in verdict.phone_numbers]
    assert numbers == ["050-1234-5678"]
    for lang, made_on, digits in (
        ("ja", "作成日:2026年11月24日9時05分", ["050-1234-5678(IP電話", "188(消費者ホットライン)"]),
        ("en", "Madeon:2026-11-2409:05", ["050-1234-5678(", "call188(consumerhotline)or#9110(police"]),
    ):
        out = tmp_path / f"{lang}.pdf"
        out.write_bytes(render_pdf(verdict, message, lang, when=WHEN))
        text = squashed(pdf_text(out))
        assert made_on in text, lang
        assert "hxxps://pay7[.]example[.]xyz/k/2026" in text, lang
        assert "SMS認証コード4821" in text, lang
        for expected in digits:
            assert expected in text, (lang, expected)


def test_the_sheet_font_turns_off_the_features_the_style_lists(qapp):
    style = sheet_style()
    assert style.font_features_off == ("locl",)
    font = sheet_font(style)
    assert font.family() == sheet_font_family(style) and font.pointSizeF() == style.body_pt
    for tag in style.font_features_off:
        assert font.isFeatureSet(QFont.Tag(tag)) and font.featureValue(QFont.Tag(tag)) == 0


@pytest.mark.parametrize(("change", "says"), [
    (("locl", "loc"), "four-letter OpenType feature tags"),
    (('["locl"]', '"locl"'), "'font_features_off' has the wrong type"),
    (('font_features_off = ["locl"]', ""), "expected exactly"),
    (("body_pt = 12", "body_pt = 11"), "at least 12pt"),
    (("line_height_percent = 80", "line_height_percent = 60"), "between 80 and 150"),
])
def test_the_sheet_style_loader_is_strict(change, says):
    text = (files("resources") / "guidance" / "sheet.toml").read_text(encoding="utf-8")
    assert parse_sheet_style(text) == sheet_style()
    old, new = change
    assert old in text
    with pytest.raises(SheetStyleError, match=says):
        parse_sheet_style(text.replace(old, new))


def test_a_sheet_laid_out_for_the_screen_prints_the_same_pages_as_one_laid_out_for_the_device(qapp):
    verdict = check(PHISHING)
    printed = []
    for device_given in (False, True):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(300)
        writer.setPageLayout(sheet_page_layout())
        doc = build_sheet(verdict, PHISHING, "ja", when=WHEN, device=writer if device_given else None)
        pages = paint_sheet(doc, writer)
        del writer  # finishes the PDF
        buffer.close()
        printed.append((pages, doc.toPlainText(), bytes(data.data()).count(b"/Type /Page\n")))
    assert printed[0] == printed[1]
    assert printed[0][0] >= 2 and printed[0][2] == printed[0][0]


# --- headless: python -m gui --sheet ... --------------------------------------------------------


def test_headless_sheet_from_text_and_from_a_file(qapp, tmp_path, capsys):
    out = tmp_path / "a.pdf"
    assert sheet_main(["--sheet", str(out), "--data-dir", str(tmp_path), FEE_SMS]) == 0  # the app option is accepted
    assert "#9110" in pdf_text(out)
    message_file = tmp_path / "sms.txt"
    message_file.write_text(PHISHING, encoding="utf-8")
    out_en = tmp_path / "b.pdf"
    assert sheet_main(["--sheet", str(out_en), "--message-file", str(message_file), "--lang", "en"]) == 0
    text = pdf_text(out_en)
    assert "Who to call" in text and "hxxps://" in text and "https://" not in text
    assert capsys.readouterr().err == ""


def test_headless_sheet_reads_a_shift_jis_file(qapp, tmp_path):
    message_file = tmp_path / "sms-sjis.txt"
    message_file.write_bytes(FEE_SMS.encode("cp932"))
    out = tmp_path / "c.pdf"
    assert sheet_main(["--sheet", str(out), "--message-file", str(message_file)]) == 0
    assert "050-1234-5678" in pdf_text(out)


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["   "], 2, "確認する文章が入っていません"),
        (["--lang", "en", ""], 2, "There is no text to check"),
        (["--message-file", "{tmp}/missing.txt"], 2, "ファイルを読めません"),
        (["--message-file", "{tmp}/empty.txt"], 2, "確認する文章が入っていません"),
        (["--message-file", "{tmp}/binary.bin", "--lang", "en"], 2, "not text"),
        (["--message-file", "{tmp}/empty.txt", "text too"], 2, "not both"),
        ([], 2, "not both"),
        (["--lang", "fr", "x"], 2, "invalid choice"),
    ],
)
def test_headless_sheet_refuses_bad_input_in_one_line(qapp, tmp_path, capsys, args, code, says):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "never.pdf"
    argv = ["--sheet", str(out)] + [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert sheet_main(argv) == code
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("sagicheck: ")
    assert not out.exists()


def test_headless_sheet_into_a_missing_folder_fails_cleanly(qapp, tmp_path, capsys):
    out = tmp_path / "no-such-folder" / "sheet.pdf"
    assert sheet_main(["--sheet", str(out), FEE_SMS]) == 1
    err = capsys.readouterr().err
    assert "PDFを書き込めません" in err and str(out) in err and err.count("\n") == 1


@pytest.mark.parametrize(("lang", "heading", "mark"), [
    ("ja", "この番号にはかけないでください", "✕ かけない: 050-1234-5678"),
    ("en", "Do not call these numbers", "✕ DO NOT CALL: 050-1234-5678"),
])
def test_the_scammers_number_is_marked_in_words_as_not_to_call_and_kept_apart_from_help_lines(qapp, lang, heading, mark):
    """Weeks later, by the phone, the message's number must not read as one to ring back."""
    message = FEE_SMS + " 困ったら110番"
    text = build_sheet(check(message), message, lang, when=WHEN).toPlainText()
    assert heading in text and mark in text
    # The help lines come earlier, under their own heading; the message's 110 is not crossed out.
    assert text.index(load_guidance().label("hotlines_heading", lang)) < text.index(heading)
    help_part = text.split(load_guidance().label("number_help_line", lang), 1)[1]
    assert "110" in help_part and "✕" not in help_part


# Every way through the guide to a page of steps that people print most: a message only
# received, a call made or taken, money paid, details given or typed in, an app, court papers.
GUIDE_WAYS = (
    "only_received,about_fee", "only_received,about_link", "called_or_replied,told_nothing",
    "called_or_replied,told_personal", "called_or_replied,bank_card", "called_or_replied,paid,paid_voucher",
    "called_or_replied,paid,paid_transfer", "called_or_replied,paid,paid_cash", "already_paid,paid_transfer",
    "already_paid,paid_voucher", "already_paid,paid_cash", "already_paid,gave_card_details",
    "opened_link,entered_card", "opened_link,entered_password", "installed_app", "court_letter,court_envelope",
    "got_call,call_police",
)
# The English steps after a payment run longer than the Japanese: on these three ways the last
# one or two hotlines go to the top of the second page (whole, under the first page's table).
ENGLISH_SPILLS = {"called_or_replied,paid,paid_voucher", "called_or_replied,paid,paid_transfer",
                  "already_paid,paid_transfer"}
MANY_REASONS = (
    "【重要】あなたのアカウントは停止されました。アカウント停止を解除するには24時間以内に https://bit.ly/xx にアクセスし、"
    "カード情報を入力してください。国際電話 +1-202-555-0147 へお電話ください。未納料金があります。"
)


def _pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, as poppler reads it."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext is missing: install poppler-utils (the CI script does)")
    text = subprocess.run([tool, "-enc", "UTF-8", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    # The CJK font's middle dot, en dash and 民 come back from the PDF as U+2027, U+2012 and U+2EA0,
    # and two em dashes as the one glyph that draws them, U+2E3A.
    same_glyph = str.maketrans({"\u2027": "\u30fb", "\u2012": "\u2013", "\u2ea0": "\u6c11", "\u2e3a": "\u2014\u2014"})
    return [unicodedata.normalize("NFKC", page).translate(same_glyph) for page in text.split("\f") if page.strip()]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("answers", GUIDE_WAYS)
def test_the_steps_and_every_hotline_fit_on_the_first_page(tmp_path, lang, answers):
    from core.guidance import load_guidance
    from gui.sheet import walk_answers

    def squash(text: str) -> str:
        return squashed(unicodedata.normalize("NFKC", text))

    out = tmp_path / "sheet.pdf"
    assert sheet_main(["--sheet", str(out), "--lang", lang, "--answers", answers, MANY_REASONS]) == 0
    pages = _pdf_pages(out)
    first = pages[0]
    _, steps = walk_answers(check(MANY_REASONS), answers.split(","), lang)
    assert steps
    for step in steps:  # every step whole on the first page, none carried over
        assert squash(step) in squash(first), step
    on_first = [h for h in load_guidance().hotlines if h.number in first]
    for hotline in load_guidance().hotlines:  # every row whole on one page
        last = [t for t in (hotline.hours, hotline.cost, hotline.note) if t is not None][-1]
        page = first if hotline in on_first else pages[1]
        assert squash(hotline.use.get(lang)) in squash(page) and squash(last.get(lang)) in squash(page), hotline.number
    heading = {"ja": "あなたの答え", "en": "Your answers"}[lang]
    if lang == "en" and answers in ENGLISH_SPILLS:
        assert len(on_first) < len(load_guidance().hotlines), "it fits now: take it off ENGLISH_SPILLS"
        assert heading in "".join(pages[1:])
    else:
        assert len(on_first) == len(load_guidance().hotlines)
        assert pages[1].strip().startswith(heading)  # the rest starts on a page of its own


def test_no_page_ends_on_a_heading_whatever_the_length_of_the_message(tmp_path):
    """Messages growing in steps push the later headings towards the page ends. Before headings
    were kept with what they head, five of these lengths left one alone at the foot of a page
    (そう判断した理由, the numbers', the links' heading)."""
    from core.guidance import load_guidance

    guidance = load_guidance()
    headings = {guidance.label(k, "ja") for k in (
        "path_heading", "sheet_memo", "sheet_message", "sheet_reasons", "sheet_numbers", "sheet_links")}
    for repeats in range(60, 180, 5):
        message = MANY_REASONS + "ご確認ください。" * repeats
        out = tmp_path / f"{repeats}.pdf"
        assert sheet_main(["--sheet", str(out), "--answers", "called_or_replied,told_nothing", message]) == 0
        for number, page in enumerate(_pdf_pages(out)[:-1], 1):
            last = [line.strip() for line in page.splitlines() if line.strip()][-2]  # above the page number
            assert last not in headings, (repeats, number, last)


def test_an_unknown_answer_is_refused_in_one_line(tmp_path, capsys):
    assert sheet_main(["--sheet", str(tmp_path / "x.pdf"), "--answers", "called_or_replied,flew_away", FEE_SMS]) == 2
    assert "flew_away" in capsys.readouterr().err
