"""What a user does in the window, for the tests.

Japanese text goes in through the clipboard or ``setPlainText`` (``qtbot.keyClicks`` with
Japanese aborts the process). Tests wait on signals, never on time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication, QLabel, QWidget

from core.verdict import Verdict
from gui.main_window import MainWindow

SCAM = (
    "【Amazon】お支払い方法に問題があります。本日中に下記URLから確認してください。"
    "https://amazon-co-jp.security-check.xyz/login 未確認の場合はアカウントを停止します。"
    "お問い合わせ 050-1234-5678"
)
ORDINARY = "明日の集まりは10時からです。よろしくお願いします。"


def paste(window: MainWindow, text: str) -> None:
    """Copy the message elsewhere, then press 貼り付け."""
    QApplication.clipboard().setText(text)
    window.paste_button.click()


def check(qtbot, window: MainWindow, timeout: int = 30_000) -> Verdict:
    """Press 確認する and wait for the verdict."""
    with qtbot.waitSignal(window.runner.verdict_ready, timeout=timeout) as blocker:
        window.check_button.click()
    return blocker.args[0]


def label_texts(window: MainWindow, object_name: str) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel, object_name)]


def shown_texts(window: MainWindow, object_name: str) -> list[str]:
    """The texts of the labels named so that a user can see now (on the page shown)."""
    return [label.text() for label in window.findChildren(QLabel, object_name) if label.isVisible()]


def card_titles(window: MainWindow, shown_only: bool = False) -> list[str]:
    """The titles on the reason cards, top to bottom (only the ones a user sees now if ``shown_only``)."""
    return [card.findChild(QLabel, "reasonTitle").text() for card in window.verdict_view.reason_cards()
            if card.isVisible() or not shown_only]


def card_for(window: MainWindow, reason_id: str):
    """The reason card that shows the reason ``reason_id`` (alone or with others of its cause)."""
    (card,) = [c for c in window.verdict_view.reason_cards() if reason_id in c.reason_ids()]
    return card


def switch_language(qtbot, window: MainWindow, lang: str) -> None:
    """Choose the language in the menu and wait until the window is redrawn in it."""
    action = {"ja": window.commands.japanese, "en": window.commands.english}[lang]
    with qtbot.waitSignal(window.retranslated, check_params_cb=lambda shown: shown == lang):
        action.trigger()


@contextmanager
def focus_moves() -> Iterator[list[str]]:
    """The names of the widgets that gain the keyboard focus meanwhile (what a screen reader announces)."""
    moves: list[str] = []

    def note(_old: QWidget | None, new: QWidget | None) -> None:
        moves.append(new.objectName() if new is not None else "")

    app = QApplication.instance()
    app.focusChanged.connect(note)
    try:
        yield moves
    finally:
        app.focusChanged.disconnect(note)
