"""Fixed words the window shows for things the core decided: level names and failure messages.

Marked with ``QT_TRANSLATE_NOOP`` so Qt Linguist collects them; translated when shown.
"""

from __future__ import annotations

import sys

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


# Why a picture was not read (the message box is left as it was).
PICTURE_MESSAGES = {
    ErrorCode.PICTURE_UNSUPPORTED.value: QT_TRANSLATE_NOOP(
        "Wording", "この種類のファイルは読み取れません。PNG・JPEG・BMP・WebP・GIF の画像(スクリーンショット)を選んでください。"
                   "iPhone の写真(HEIC)や PDF は、スクリーンショットを撮り直すと読み取れます。"),
    ErrorCode.PICTURE_BROKEN.value: QT_TRANSLATE_NOOP(
        "Wording", "画像ファイルが壊れているため、読み取れませんでした。欄の文章はそのままです。"),
    ErrorCode.PICTURE_NOT_OPENED.value: QT_TRANSLATE_NOOP(
        "Wording", "画像ファイルを開けませんでした。ファイルがあるか確かめて、もう一度選んでください。"),
    ErrorCode.PICTURE_TOO_LARGE.value: QT_TRANSLATE_NOOP(
        "Wording", "画像が大きすぎるため読み取れません。スクリーンショットか、小さくした画像を選んでください。"),
    ErrorCode.PICTURE_NO_TEXT.value: QT_TRANSLATE_NOOP(
        "Wording", "画像の中にメッセージの文字が見つかりませんでした。メッセージが写っている画像を選んでください。"),
    ErrorCode.READER_MISSING.value: QT_TRANSLATE_NOOP(
        "Wording", "画像から文字を読み取る部品が入っていないため、画像は読み取れません。"
                   "部品は「pip install \"sagicheck[ocr]\"」で追加できます(家族の詳しい人に頼んでください)。"
                   "それまでは、メッセージの文章をコピーして貼り付けてください。"),
    INTERNAL: QT_TRANSLATE_NOOP(
        "Wording", "画像の読み取りの途中で問題が起きました。もう一度お試しください。"),
}


# The packaged app has no pip to add the reader with.
READER_MISSING_PACKAGED = QT_TRANSLATE_NOOP(
    "Wording", "このアプリには、画像から文字を読み取る部品が入っていません。"
               "メッセージの文章をコピーして貼り付けてください。")


def picture_failure_message(code: str) -> str:
    if code == ErrorCode.READER_MISSING.value and getattr(sys, "frozen", False):
        return QCoreApplication.translate(_CONTEXT, READER_MISSING_PACKAGED)
    return QCoreApplication.translate(_CONTEXT, PICTURE_MESSAGES.get(code, PICTURE_MESSAGES[INTERNAL]))


def level_word(level: Level) -> str:
    return QCoreApplication.translate(_CONTEXT, LEVEL_WORDS[level])


def failure_message(code: str) -> str:
    return QCoreApplication.translate(_CONTEXT, FAILURE_MESSAGES.get(code, FAILURE_MESSAGES[INTERNAL]))
