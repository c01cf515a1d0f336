"""The user's story: paste a scam, check it, see the danger banner and why, in the message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from window_helpers import ORDINARY, SCAM, check, label_texts, paste, switch_language

from core.verdict import Level
from gui.spans import to_document


def test_pasted_scam_gets_a_danger_banner_with_reasons(qtbot, window):
    paste(window, SCAM)
    assert window.message_input.toPlainText() == SCAM

    verdict = check(qtbot, window)

    assert verdict.level is Level.DANGER
    assert label_texts(window, "verdictBanner") == [f"危険\n{verdict.headline.ja}"]
    assert window.verdict_view.banner.property("level") == "danger"
    cards = window.verdict_view.reason_cards()
    assert [c.accessibleName() for c in cards] == [r.title.ja for r in verdict.reasons]
    assert [c.accessibleDescription() for c in cards] == [r.detail.ja for r in verdict.reasons]
    assert label_texts(window, "reasonTitle") == [r.title.ja for r in verdict.reasons]


def test_highlights_sit_exactly_on_the_reasons_spans(qtbot, window):
    paste(window, SCAM)
    verdict = check(qtbot, window)

    spans = window.message_input.highlighted()
    assert spans == list(verdict.all_spans())
    assert any(SCAM[s:e] == "https://amazon-co-jp.security-check.xyz/login" for s, e in spans)


def test_choosing_a_reason_marks_its_own_place(qtbot, window):
    paste(window, SCAM)
    verdict = check(qtbot, window)
    index = next(i for i, r in enumerate(verdict.reasons) if r.id == "NUMBER_IP_PHONE")
    own = list(verdict.reasons[index].spans)

    window.verdict_view.reason_cards()[index].setFocus(Qt.FocusReason.TabFocusReason)

    assert window.message_input.highlighted() == [*verdict.all_spans(), *own]
    assert SCAM[slice(*own[0])] == "050-1234-5678"
    assert window.message_input.textCursor().position() == own[0][0]


def test_highlights_are_right_after_emoji(qtbot, window):
    message = "😀😀 " + SCAM
    paste(window, message)
    verdict = check(qtbot, window)

    drawn = window.message_input.highlighted()
    assert drawn == to_document(message, verdict.all_spans())
    assert drawn[0][0] == verdict.all_spans()[0][0] + 2
    cursor = window.message_input.textCursor()
    cursor.setPosition(drawn[0][0])
    cursor.setPosition(drawn[0][1], cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == message[slice(*verdict.all_spans()[0])]


def test_numbers_and_links_are_listed_defanged(qtbot, window):
    paste(window, SCAM)
    verdict = check(qtbot, window)

    assert label_texts(window, "numberItem") == [f"050-1234-5678  ({verdict.phone_numbers[0].kind_label.ja})"]
    assert label_texts(window, "linkItem") == [
        f"hxxps://amazon-co-jp[.]security-check[.]xyz/login\n{verdict.links[0].note.ja}"
    ]


def test_banner_colour_comes_from_the_stylesheet_by_level(qtbot, window):
    paste(window, SCAM)
    check(qtbot, window)
    banner = window.verdict_view.banner
    danger = QColor(banner.grab().toImage().pixel(banner.width() // 2, 6))

    paste(window, ORDINARY)
    verdict = check(qtbot, window)
    neutral = QColor(banner.grab().toImage().pixel(banner.width() // 2, 6))

    assert verdict.level is Level.NO_SIGNS and banner.property("level") == "no_signs"
    assert danger.red() > 150 and danger.green() < 80 and danger.blue() < 80
    assert max(neutral.red(), neutral.green(), neutral.blue()) - min(neutral.red(), neutral.green(), neutral.blue()) < 30
    assert "安全" not in banner.text()


def test_the_same_story_in_english(qtbot, window):
    switch_language(qtbot, window, "en")
    paste(window, SCAM)
    verdict = check(qtbot, window)

    assert label_texts(window, "verdictBanner") == [f"Danger\n{verdict.headline.en}"]
    assert label_texts(window, "reasonTitle") == [r.title.en for r in verdict.reasons]
    assert label_texts(window, "linkItem")[0].endswith(verdict.links[0].note.en)
    assert window.check_button.text() == "Check"
    assert window.paste_button.text() == "Paste"


def test_switching_language_redraws_the_shown_verdict(qtbot, window):
    paste(window, SCAM)
    verdict = check(qtbot, window)

    switch_language(qtbot, window, "en")
    assert label_texts(window, "reasonTitle") == [r.title.en for r in verdict.reasons]
    switch_language(qtbot, window, "ja")
    assert label_texts(window, "reasonTitle") == [r.title.ja for r in verdict.reasons]
    assert window.check_button.text() == "確認する"
    assert window.message_input.highlighted() == list(verdict.all_spans())
