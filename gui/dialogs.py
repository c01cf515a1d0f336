"""Small dialogs: About, the history list, and the question before clearing the history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QListWidget, QMessageBox, QVBoxLayout, QWidget,
)

from core.verdict import Level

from .history import HistoryEntry
from .plain import plain_label, plain_message_box
from .wording import level_word


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # slow to import: only when asked

    try:
        return version("sagicheck")
    except PackageNotFoundError:
        return "0+unknown"


def about_box(parent: QWidget) -> QMessageBox:
    box = plain_message_box(
        parent,
        "aboutBox",
        QCoreApplication.translate("Dialogs", "sagicheck について"),
        QCoreApplication.translate(
            "Dialogs",
            "sagicheck バージョン %1\n\n"
            "怪しいSMSやメールを貼り付けると、詐欺によくある特徴があるかを確かめます。\n"
            "インターネットにはつながず、リンクを開いたり電話をかけたりもしません。\n"
            "結果は目安です。迷ったときは、家族や相談窓口に相談してください。"
        ).replace("%1", app_version()),
    )
    box.setIcon(QMessageBox.Icon.Information)
    return box


def confirm_clear_history(parent: QWidget) -> QMessageBox:
    box = plain_message_box(
        parent,
        "confirmClearHistory",
        QCoreApplication.translate("Dialogs", "記録を消す"),
        QCoreApplication.translate("Dialogs", "これまでの確認の記録をすべて消します。よろしいですか?"),
    )
    box.setIcon(QMessageBox.Icon.Question)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box


def is_yes(result: int) -> bool:
    """Whether a question box opened with ``open()`` finished with its Yes button."""
    return result == QMessageBox.StandardButton.Yes.value


class HistoryDialog(QDialog):
    """Past checks, newest first, as plain lines."""

    def __init__(self, entries: list[HistoryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("これまでの確認"))
        self.resize(900, 600)
        self.entries = QListWidget(self)
        self.entries.setObjectName("historyList")
        self.entries.setAccessibleName(self.tr("これまでの確認の一覧"))
        self.entries.setWordWrap(True)
        self.entries.addItems([_line(e) for e in entries])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not entries:
            layout.addWidget(plain_label(self.tr("まだ記録はありません。"), "historyEmpty", self))
        layout.addWidget(self.entries)
        layout.addWidget(buttons)


def _line(entry: HistoryEntry) -> str:
    return f"{entry.when.replace('T', ' ')}  【{level_word(Level(entry.level))}】  {entry.excerpt}"
