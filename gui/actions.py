"""The window's commands (menu items and shortcuts), created once and retranslated in place."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget



@dataclass(frozen=True, slots=True)
class WindowActions:
    check: QAction
    paste: QAction
    print_sheet: QAction
    save_pdf: QAction
    quit: QAction
    larger: QAction
    smaller: QAction
    default_size: QAction
    high_contrast: QAction
    japanese: QAction
    english: QAction
    show_history: QAction
    keep_history: QAction
    clear_history: QAction
    about: QAction


def create_actions(parent: QWidget) -> WindowActions:
    actions = WindowActions(**{f.name: QAction(parent) for f in fields(WindowActions)})
    actions.check.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
    actions.print_sheet.setShortcut(QKeySequence("Ctrl+P"))
    actions.save_pdf.setShortcut(QKeySequence("Ctrl+S"))
    actions.quit.setShortcut(QKeySequence("Ctrl+Q"))
    actions.larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
    actions.smaller.setShortcuts([QKeySequence("Ctrl+-")])
    actions.default_size.setShortcut(QKeySequence("Ctrl+0"))
    for checkable in (actions.high_contrast, actions.japanese, actions.english, actions.keep_history):
        checkable.setCheckable(True)
    languages = QActionGroup(parent)
    languages.addAction(actions.japanese)
    languages.addAction(actions.english)
    actions.japanese.setData("ja")
    actions.english.setData("en")
    for action in (getattr(actions, f.name) for f in fields(WindowActions)):
        parent.addAction(action)
    return actions


def build_menus(bar: QMenuBar, actions: WindowActions) -> None:
    """Fill the menu bar; titles are set by :func:`retranslate_menus`."""
    bar.clear()
    check = bar.addMenu("")
    check.setObjectName("checkMenu")
    check.addActions([actions.paste, actions.check])
    check.addSeparator()
    check.addActions([actions.print_sheet, actions.save_pdf])
    check.addSeparator()
    check.addAction(actions.quit)
    view = bar.addMenu("")
    view.setObjectName("viewMenu")
    view.addActions([actions.larger, actions.smaller, actions.default_size])
    view.addSeparator()
    view.addAction(actions.high_contrast)
    view.addSeparator()
    view.addActions([actions.japanese, actions.english])
    history = bar.addMenu("")
    history.setObjectName("historyMenu")
    history.addActions([actions.show_history, actions.keep_history])
    history.addSeparator()
    history.addAction(actions.clear_history)
    help_menu = bar.addMenu("")
    help_menu.setObjectName("helpMenu")
    help_menu.addAction(actions.about)


def retranslate_menus(bar: QMenuBar, actions: WindowActions) -> None:
    titles = {
        "checkMenu": QCoreApplication.translate("WindowActions", "確認(&C)"),
        "viewMenu": QCoreApplication.translate("WindowActions", "表示(&V)"),
        "historyMenu": QCoreApplication.translate("WindowActions", "履歴(&S)"),
        "helpMenu": QCoreApplication.translate("WindowActions", "ヘルプ(&H)"),
    }
    for action in bar.actions():
        action.setText(titles.get(action.menu().objectName(), action.text()))
    texts = {
        actions.check: QCoreApplication.translate("WindowActions", "確認する"),
        actions.paste: QCoreApplication.translate("WindowActions", "貼り付け"),
        actions.print_sheet: QCoreApplication.translate("WindowActions", "印刷する…"),
        actions.save_pdf: QCoreApplication.translate("WindowActions", "PDFに保存…"),
        actions.quit: QCoreApplication.translate("WindowActions", "終了"),
        actions.larger: QCoreApplication.translate("WindowActions", "文字を大きく"),
        actions.smaller: QCoreApplication.translate("WindowActions", "文字を小さく"),
        actions.default_size: QCoreApplication.translate("WindowActions", "文字を標準の大きさに"),
        actions.high_contrast: QCoreApplication.translate("WindowActions", "見やすい配色(白黒はっきり)"),
        actions.japanese: "日本語",
        actions.english: "English",
        actions.show_history: QCoreApplication.translate("WindowActions", "これまでの確認を見る…"),
        actions.keep_history: QCoreApplication.translate("WindowActions", "確認の記録を残す"),
        actions.clear_history: QCoreApplication.translate("WindowActions", "記録をすべて消す…"),
        actions.about: QCoreApplication.translate("WindowActions", "このアプリについて"),
    }
    for action, text in texts.items():
        action.setText(text)
