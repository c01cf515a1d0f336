"""The user's story: paste a scam, check it, see the danger banner and why, in the message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from window_helpers import ORDINARY, SCAM, card_for, card_titles, check, label_texts, paste, switch_language

from core.verdict import Level
from gui.spans import to_document


def test_pasted_scam_gets_a_danger_banner_with_reasons(qtbot, window):
    paste(window, SCAM)
    assert window.message_input.toPlainText() == SCAM

    verdict = check(qtbot, window)

    assert verdict.level is Level.DANGER
    assert label_texts(window, "verdictBanner") == [f"危険\n{verdict.headline.ja}"]
    assert window.verdict_view.banner.property("level") == "danger"
    # One card per cause, in the Verdict's order; every reason it gives is on exactly one card.
    cards = window.verdict_view.reason_cards()
    assert sorted(i for c in cards for i in c.reason_ids()) == sorted(r.id for r in verdict.reasons)
    firsts = [next(r for r in verdict.reasons if r.id == c.reason_ids()[0]) for c in cards]
    assert [c.accessibleName() for c in cards] == [r.title.ja for r in firsts]
    assert [verdict.reasons.index(r) for r in firsts] == sorted(verdict.reasons.index(r) for r in firsts)
    # The three strongest causes show at once, the rest behind 'その他の理由'.
    assert card_titles(window, shown_only=True) == [r.title.ja for r in firsts[:3]]
    assert window.verdict_view.other_reasons_button.isVisible()
    window.verdict_view.other_reasons_button.click()
    assert card_titles(window, shown_only=True) == [r.title.ja for r in firsts]


def test_reasons_for_one_cause_are_one_card_that_names_the_others(qtbot, window):
    paste(window, SCAM)
    verdict = check(qtbot, window)

    link = card_for(window, "LINK_LOOKALIKE")
    assert link is card_for(window, "LINK_ODD_TLD")  # two rules about the one look-alike address
    # the card is named by the hard evidence about that address, and names the other reasons
    assert link.accessibleName() == next(r for r in verdict.reasons if r.id == "DECEPTIVE_LINK").title.ja
    for rid in ("LINK_LOOKALIKE", "LINK_ODD_TLD"):
        assert next(r for r in verdict.reasons if r.id == rid).title.ja in link.accessibleDescription()
    assert len({c.accessibleName() for c in window.verdict_view.reason_cards()}) == len(
        window.verdict_view.reason_cards())


def test_no_signs_says_that_it_does_not_mean_genuine(qtbot, window):
    paste(window, ORDINARY)
    verdict = check(qtbot, window)

    assert verdict.level is Level.NO_SIGNS
    note = window.verdict_view.not_safe_note
    assert note.isVisible() and "言い切れません" in note.text()
    paste(window, SCAM)
    check(qtbot, window)
    assert not note.isVisible()


def test_highlights_sit_exactly_on_the_reasons_spans(qtbot, window):
    paste(window, SCAM)
    verdict = check(qtbot, window)

    # Every place is marked; the first reason has the keyboard focus, so its places are marked more strongly.
    first = window.verdict_view.reason_cards()[0]
    assert first.hasFocus()
    spans = window.message_input.highlighted()
    assert spans == [*verdict.all_spans(), *first.cause.spans]
    assert any(SCAM[s:e] == "https://amazon-co-jp.security-check.xyz/login" for s, e in spans)


def test_choosing_a_reason_marks_its_own_place(qtbot, window):
    paste(window, SCAM)
    verdict = check(qtbot, window)
    own = list(next(r for r in verdict.reasons if r.id == "NUMBER_IP_PHONE").spans)

    card_for(window, "NUMBER_IP_PHONE").setFocus(Qt.FocusReason.TabFocusReason)

    assert window.message_input.highlighted() == [*verdict.all_spans(), *own]
    assert SCAM[slice(*own[0])] == "050-1234-5678"
    assert window.message_input.textCursor().position() == own[0][0]


def test_highlights_are_right_after_emoji(qtbot, window):
    message = "😀😀 " + SCAM
    paste(window, message)
    verdict = check(qtbot, window)

    drawn = window.message_input.highlighted()[:len(verdict.all_spans())]
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
    assert card_titles(window) == [c.cause.main.title.en for c in window.verdict_view.reason_cards()]
    assert label_texts(window, "linkItem")[0].endswith(verdict.links[0].note.en)
    assert window.check_button.text() == "Check"
    assert window.paste_button.text() == "Paste"


def test_switching_language_redraws_the_shown_verdict(qtbot, window):
    paste(window, SCAM)
    verdict = check(qtbot, window)

    mains = [c.cause.main for c in window.verdict_view.reason_cards()]
    switch_language(qtbot, window, "en")
    assert card_titles(window) == [r.title.en for r in mains]
    switch_language(qtbot, window, "ja")
    assert card_titles(window) == [r.title.ja for r in mains]
    assert window.check_button.text() == "確認する"
    assert window.message_input.highlighted()[:len(verdict.all_spans())] == list(verdict.all_spans())
