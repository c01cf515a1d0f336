"""The walk-through view as a grandparent uses it: big buttons, one question at a time."""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.etree import ElementTree

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QPushButton, QWidget

from core import check
import gui.walkthrough
from gui.walkthrough import WalkthroughView

FEE_SMS = "ご利用料金の確認が取れておりません。本日中に050-1234-5678までご連絡ください"
COURT_POSTCARD = "法務省管轄支局 国民訴訟通達センターです。訴訟最終告知のお知らせ。本日中にご連絡がない場合、裁判所に出廷となります。03-1234-5678"


@pytest.fixture
def view(qtbot):
    widget = WalkthroughView()
    qtbot.addWidget(widget)
    widget.resize(900, 900)  # never shown: the offscreen platform warns on top-level windows
    return widget


def answer_button(view: WalkthroughView, answer_id: str) -> QPushButton:
    button = view.findChild(QPushButton, f"answerButton_{answer_id}")
    assert button is not None and button.isVisibleTo(view), f"no answer button {answer_id}"
    return button


def answer_ids_in_order(view: WalkthroughView) -> list[str]:
    buttons = [b for b in view.findChildren(QPushButton) if b.objectName().startswith("answerButton_") and b.isVisibleTo(view)]
    # Children come in the order they were added to the column, top to bottom.
    return [b.objectName().removeprefix("answerButton_") for b in buttons]


def click(qtbot, view: WalkthroughView, button: QAbstractButton) -> None:
    with qtbot.waitSignal(view.path_changed, timeout=2000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_fee_sms_then_called_back_and_gave_bank_details_shows_bank_card_and_9110(qtbot, view):
    with qtbot.waitSignal(view.path_changed, timeout=2000):
        view.set_verdict(check(FEE_SMS), "ja")
    assert view.findChild(QLabel, "questionLabel").text() == "どうなりましたか?"
    assert view.chosen_path() == [] and view.chosen_steps() == []

    click(qtbot, view, answer_button(view, "called_or_replied"))
    assert view.findChild(QLabel, "questionLabel").text() == "相手に何を伝えましたか?"
    click(qtbot, view, answer_button(view, "bank_card"))

    assert view.chosen_path() == [
        ("どうなりましたか?", "メッセージの番号に電話をかけた・返事をした"),
        ("相手に何を伝えましたか?", "銀行口座・カードの番号や暗証番号"),
    ]
    steps = "\n".join(view.chosen_steps())
    assert "銀行" in steps and "カード会社" in steps and "#9110" in steps
    shown = view.findChild(QLabel, "step_card_stop")  # stopping the card comes first
    assert shown is not None and shown.isVisibleTo(view) and shown.text().startswith("1. ")
    assert not [b for b in view.findChildren(QPushButton) if b.objectName().startswith("answerButton_") and b.isVisibleTo(view)]


def test_switching_to_english_keeps_the_path_and_translates_it(qtbot, view):
    view.set_verdict(check(FEE_SMS), "ja")
    click(qtbot, view, answer_button(view, "called_or_replied"))
    click(qtbot, view, answer_button(view, "paid"))
    click(qtbot, view, answer_button(view, "paid_transfer"))
    view.retranslate("en")
    assert view.chosen_path()[-1] == ("How did you pay?", "A bank transfer (at the bank or an ATM)")
    assert any("frozen" in s for s in view.chosen_steps())
    assert view.findChild(QLabel, "questionLabel").text() == "You transferred money"
    assert view.findChild(QLabel, "stepsHeading").text() == "What to do next"


def test_back_goes_one_question_back_and_is_off_at_the_start(qtbot, view):
    view.set_verdict(None, "ja")
    back = view.findChild(QPushButton, "backButton")
    assert not back.isEnabled()
    click(qtbot, view, answer_button(view, "only_received"))
    click(qtbot, view, answer_button(view, "about_fee"))
    assert back.isEnabled() and len(view.chosen_path()) == 2
    click(qtbot, view, back)
    assert [a for _, a in view.chosen_path()] == ["メッセージが届いただけ。電話も返事もしていない"]
    assert answer_button(view, "about_fee").isVisibleTo(view)
    click(qtbot, view, view.findChild(QPushButton, "restartButton"))
    assert view.chosen_path() == [] and not back.isEnabled()


def test_a_court_postcard_offers_the_court_checklist_first_and_ticking_a_ministry_sender_says_fake(qtbot, view):
    view.set_verdict(check(COURT_POSTCARD), "ja")
    order = answer_ids_in_order(view)
    assert order[0] == "court_letter" and "only_received" in order and len(order) == 10  # every answer stays
    click(qtbot, view, answer_button(view, "court_letter"))
    click(qtbot, view, answer_button(view, "court_special_delivery"))

    checklist = view.findChild(QWidget, "courtChecklist")
    outcome = view.findChild(QLabel, "checklistOutcome")
    assert checklist.isVisibleTo(view) and outcome.property("outcome") == "unsure"
    box = view.findChild(QCheckBox, "checklistItem_ministry_branch")
    assert "法務省管轄支局" in box.accessibleName()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())  # on the text, not the box
    assert box.isChecked()
    assert outcome.property("outcome") == "fake"
    assert "裁判所からのものではない可能性が高い" in outcome.text()
    assert any("2週間" in s for s in view.chosen_steps())

    click(qtbot, view, view.findChild(QPushButton, "backButton"))
    assert not checklist.isVisibleTo(view)


def test_genuine_hallmarks_ticked_say_do_not_ignore_it(qtbot, view):
    view.set_verdict(None, "en")
    click(qtbot, view, answer_button(view, "court_letter"))
    click(qtbot, view, answer_button(view, "court_special_delivery"))
    for item in ("special_delivery", "handed_over", "case_number"):
        view.findChild(QCheckBox, f"checklistItem_{item}").setChecked(True)
    outcome = view.findChild(QLabel, "checklistOutcome")
    assert outcome.property("outcome") == "genuine"
    assert "Do not ignore them" in outcome.text()


def test_an_answer_can_be_chosen_with_the_keyboard(qtbot, view):
    view.set_verdict(None, "ja")
    with qtbot.waitSignal(view.path_changed, timeout=2000):
        qtbot.keyClick(answer_button(view, "which_number"), Qt.Key.Key_Space)
    assert "110" in "\n".join(view.chosen_steps())


def test_every_control_has_an_accessible_name_and_nothing_is_a_link(qtbot, view):
    view.set_verdict(check(COURT_POSTCARD), "ja")
    click(qtbot, view, answer_button(view, "court_letter"))
    click(qtbot, view, answer_button(view, "court_envelope"))
    controls = [w for w in view.findChildren(QAbstractButton) if w.isVisibleTo(view)]
    assert len(controls) >= 10
    for control in controls:
        assert control.accessibleName().strip(), control.objectName()
    for label in view.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText or not label.text(), label.objectName()
        assert not label.openExternalLinks()
        assert "tel:" not in label.text() and "http" not in label.text()


def test_a_screen_reader_on_an_answer_also_hears_its_question(qtbot, view):
    view.set_verdict(check(FEE_SMS), "en")
    click(qtbot, view, answer_button(view, "called_or_replied"))
    descriptions = {b.accessibleDescription() for b in view.findChildren(QPushButton)
                    if b.objectName().startswith("answerButton_")}
    assert descriptions == {"What did you tell them?"}


def test_the_hotline_table_lists_110_9110_and_188_as_plain_text(view):
    view.set_verdict(None, "ja")
    table = view.findChild(QWidget, "hotlineTable")
    assert table.isVisibleTo(view) and table.accessibleName() == "相談先の電話番号"
    numbers = {label.text() for label in table.findChildren(QLabel) if label.objectName().startswith("hotlineNumber_")}
    assert {"110", "#9110", "188"} <= numbers
    texts = "\n".join(label.text() for label in table.findChildren(QLabel))
    assert "郵便番号" in texts and "平日8:30" in texts


def test_text_is_large_headings_larger_and_buttons_tall(view):
    view.set_verdict(None, "ja")
    heading = view.findChild(QLabel, "questionLabel")
    assert heading.font().pointSizeF() > view.font().pointSizeF()
    assert heading.font().bold()
    for answer in answer_ids_in_order(view):
        assert answer_button(view, answer).minimumHeight() >= 48
    bigger = view.font()
    bigger.setPointSizeF(view.font().pointSizeF() * 2)
    view.setFont(bigger)  # the window's text-size step
    assert heading.font().pointSizeF() > bigger.pointSizeF()


def test_the_view_has_the_object_names_the_window_relies_on(view):
    view.set_verdict(None, "ja")
    assert view.objectName() == "walkthroughView"
    assert view.findChild(QPushButton, "backButton") is not None
    assert view.findChild(QPushButton, "backButton").text() == "戻る"
    assert answer_button(view, "only_received").accessibleName() == "メッセージが届いただけ。電話も返事もしていない"


ENGLISH_CHROME = {
    "戻る": "Back",
    "ひとつ前の質問に戻ります": "Go back to the previous question",
    "最初から": "Start again",
    "最初の質問からやり直します": "Start again from the first question",
    "次にすることの案内": "What to do next",
    "本物の書類のしるし": "Signs of genuine papers",
    "偽物のしるし(ひとつでもあれば偽物です)": "Signs of a fake (any one of them means a fake)",
    "どちらとも言えないしるし(裁判所に確かめてください)": "Signs that prove nothing either way (check with the court)",
}


def test_the_views_own_words_are_found_by_linguist_and_follow_a_language_change(qtbot, view, tmp_path):
    tools = Path(PySide6.__file__).resolve().parent
    ts = tmp_path / "walkthrough_en.ts"
    source = Path(gui.walkthrough.__file__)
    subprocess.run([str(tools / "lupdate"), str(source), "-ts", str(ts)], check=True, capture_output=True)
    tree = ElementTree.parse(ts)
    contexts = {c.findtext("name"): c for c in tree.getroot().iter("context")}
    assert set(contexts) == {"WalkthroughView"}
    messages = contexts["WalkthroughView"].findall("message")
    assert {m.findtext("source") for m in messages} == set(ENGLISH_CHROME)
    for m in messages:
        translation = m.find("translation")
        translation.text = ENGLISH_CHROME[m.findtext("source")]
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "walkthrough_en.qm"
    subprocess.run([str(tools / "lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)

    translator = QTranslator()
    assert translator.load(str(qm))
    back = view.findChild(QPushButton, "backButton")
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: back.text() == "Back", timeout=2000)
        assert back.accessibleName() == "Back"
        assert view.findChild(QPushButton, "restartButton").text() == "Start again"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: back.text() == "戻る", timeout=2000)
