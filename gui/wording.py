"""Fixed words the window shows for things the core decided: level names and failure messages.

Marked with ``QT_TRANSLATE_NOOP`` so Qt Linguist collects them; translated when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.verdict import ErrorCode, Level

_CONTEXT = "Wording"
INTERNAL = "internal"  # failure code for a fault inside the check itself (it is logged)

LEVEL_WORDS = {
    Level.DANGER: QT_TRANSLATE_NOOP("Wording", "危険"),
    Level.CAUTION: QT_TRANSLATE_NOOP("Wording", "注意"),
    Level.NO_SIGNS: QT_TRANSLATE_NOOP("Wording", "特徴なし"),
}

FAILURE_MESSAGES = {
    ErrorCode.EMPTY.value: QT_TRANSLATE_NOOP(
        "Wording", "確認する文章が入っていません。メッセージを欄に貼り付けてから「確認する」を押してください。"),
    ErrorCode.NOT_TEXT.value: QT_TRANSLATE_NOOP(
        "Wording", "文字ではないデータのようです。メッセージの文章だけを貼り付けてください。"),
    ErrorCode.CANCELLED.value: QT_TRANSLATE_NOOP(
        "Wording", "確認を取り消しました。"),
    ErrorCode.DATA_FILE.value: QT_TRANSLATE_NOOP(
        "Wording", "アプリのデータが壊れているため確認できません。アプリを入れ直してください。"),
    INTERNAL: QT_TRANSLATE_NOOP(
        "Wording", "確認の途中で問題が起きました。もう一度「確認する」を押してください。"),
}


def level_word(level: Level) -> str:
    return QCoreApplication.translate(_CONTEXT, LEVEL_WORDS[level])


def failure_message(code: str) -> str:
    return QCoreApplication.translate(_CONTEXT, FAILURE_MESSAGES.get(code, FAILURE_MESSAGES[INTERNAL]))
