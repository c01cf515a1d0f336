"""Telling the user, once and in plain words, what of their own files could not be read or kept.

The stores (:mod:`gui.storage`) report a :class:`FileProblem`; this turns it into a sentence that
says what happened, what it means for them (the check itself always works) and where the old
file was set aside. Each problem is told once per session; nothing here is a crash dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from .plain import plain_label
from .storage import FileProblem, ProblemKind

log = logging.getLogger(__name__)

_SETTINGS, _HISTORY, _LOG = "settings", "history", "log"


def _what(problem: FileProblem) -> str:
    name = problem.path.name
    if name.startswith("settings"):
        return _SETTINGS
    if name.startswith("history"):
        return _HISTORY
    return _LOG


def sentence(problem: FileProblem) -> str:
    """One problem in plain words, ending with the file or folder it is about."""
    kind, what = problem.kind, _what(problem)
    if kind is ProblemKind.NO_FOLDER:
        text = QCoreApplication.translate(
            "StorageNotice",
            "設定と確認の記録をしまうフォルダーが使えません。確認はいつもどおりできますが、"
            "設定と記録はアプリを閉じると消えます。\nフォルダー: %1")
    elif kind is ProblemKind.SET_ASIDE and what == _SETTINGS:
        text = QCoreApplication.translate(
            "StorageNotice",
            "設定のファイルが読めなかったので、はじめの設定で開きました。"
            "元のファイルは名前を変えて残してあります:\n%1")
    elif kind is ProblemKind.SET_ASIDE and what == _HISTORY:
        text = QCoreApplication.translate(
            "StorageNotice",
            "確認の記録のファイルが読めなかったので、記録は空から始めます。"
            "元のファイルは名前を変えて残してあります:\n%1")
    elif kind is ProblemKind.SET_ASIDE:
        text = QCoreApplication.translate(
            "StorageNotice",
            "問題が起きたときの記録をしまう場所に別のものがあったので、名前を変えて残しました:\n%1")
    elif kind is ProblemKind.UNREADABLE and what == _SETTINGS:
        text = QCoreApplication.translate(
            "StorageNotice",
            "設定のファイルを開けなかったので、はじめの設定で開きました。"
            "変えた設定は、アプリを閉じるまでの間だけ使われます。\nファイル: %1")
    elif kind is ProblemKind.UNREADABLE and what == _HISTORY:
        text = QCoreApplication.translate(
            "StorageNotice",
            "確認の記録のファイルを開けませんでした。今回の確認は、"
            "アプリを閉じるまでの間だけ覚えておきます。\nファイル: %1")
    elif what == _SETTINGS:  # NOT_SAVED
        text = QCoreApplication.translate(
            "StorageNotice",
            "設定を保存できませんでした(ディスクがいっぱいか、書き込めない場所です)。"
            "変えた設定は、アプリを閉じるまでの間だけ使われます。\nファイル: %1")
    elif what == _HISTORY:
        text = QCoreApplication.translate(
            "StorageNotice",
            "確認の記録を保存できませんでした(ディスクがいっぱいか、書き込めない場所です)。"
            "記録は、アプリを閉じるまでの間だけ覚えておきます。\nファイル: %1")
    else:
        text = QCoreApplication.translate(
            "StorageNotice",
            "問題が起きたときの記録を残せません。確認はいつもどおりできます。\nファイル: %1")
    return text.replace("%1", str(problem.moved_to or problem.path))


def notice_text(problems: Iterable[FileProblem]) -> str:
    """The sentences for ``problems``, one paragraph each; a log problem is left out when the
    whole folder is (its sentence already says nothing is kept)."""
    found = list(problems)
    no_folder = any(p.kind is ProblemKind.NO_FOLDER for p in found)
    shown = [p for p in found if not (no_folder and p.kind is not ProblemKind.NO_FOLDER and _what(p) == _LOG)]
    return "\n\n".join(sentence(p) for p in sorted(shown, key=_order))


def _order(problem: FileProblem) -> int:
    """The folder first, then what the user chose and did, the log last."""
    if problem.kind is ProblemKind.NO_FOLDER:
        return 0
    return {_SETTINGS: 1, _HISTORY: 2}.get(_what(problem), 3)


class StorageNotice(QObject):
    """Shows problems with the user's files in one plain box, each problem once per session."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._told: set[tuple[ProblemKind, str]] = set()
        self.told: list[FileProblem] = []  # every problem told so far, in order
        self.box: NoticeDialog | None = None  # the last one shown

    def report(self, problems: Iterable[FileProblem | None]) -> None:
        new = []
        for problem in problems:
            if problem is None:
                continue
            log.warning("%s: %s (%s)%s", problem.kind.value, problem.path, problem.detail,
                        f", set aside as {problem.moved_to}" if problem.moved_to else "")
            key = (problem.kind, str(problem.path))
            if key not in self._told:
                self._told.add(key)
                self.told.append(problem)
                new.append(problem)
        if not new:
            return
        self.box = NoticeDialog(notice_text(new), self._parent)
        self.box.open()


class NoticeDialog(QDialog):
    """Plain text in a box that fits the screen at any text size (it scrolls when it must),
    and one OK button."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("storageNotice")
        self.setWindowTitle(QCoreApplication.translate("StorageNotice", "保存についてのお知らせ"))
        self._label = plain_label(text, "storageNoticeText")
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self._label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self._fit_screen()

    def text(self) -> str:
        return self._label.text()

    def _fit_screen(self) -> None:
        screen = (self.parentWidget() or self).screen().availableGeometry()
        width = min(screen.width() * 9 // 10, max(screen.width() // 2, 720))
        self._label.setMinimumWidth(width - 60)
        height = self._label.heightForWidth(width - 60) + 120
        self.resize(width, min(height, screen.height() * 9 // 10))
