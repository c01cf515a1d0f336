"""Draw the README's picture of the window: a danger verdict with its reasons marked in the message.

    QT_QPA_PLATFORM=offscreen python tools/screenshot.py docs/window-danger.png [--lang en]

Uses a throw-away data folder, so the settings and history of whoever runs it are untouched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MESSAGE = (
    "【Amazon】お支払い方法に問題があります。本日中に下記URLから確認してください。"
    "https://amazon-co-jp.security-check.xyz/login 未確認の場合はアカウントを停止します。"
    "お問い合わせ 050-1234-5678"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("ja", "en"), default="ja")
    parser.add_argument("--reason", default="LINK_LOOKALIKE", help="reason whose place is marked more strongly")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as data:
        os.environ["SAGICHECK_DATA_DIR"] = data
        from PySide6.QtCore import QEventLoop, Qt, QTimer
        from PySide6.QtWidgets import QApplication

        from gui.app import create_main_window

        window = create_main_window([])
        if args.lang == "en":
            window.commands.english.trigger()
        window.show()
        QApplication.clipboard().setText(MESSAGE)
        window.paste_button.click()
        window.check_button.click()
        verdict = window.verdict_view.verdict()
        if verdict is None:
            raise SystemExit("the check gave no verdict")
        index = next((i for i, r in enumerate(verdict.reasons) if r.id == args.reason), 0)
        window.activateWindow()
        window.verdict_view.reason_cards()[index].setFocus(Qt.FocusReason.OtherFocusReason)
        for _ in range(5):  # let layouts and queued shows settle
            loop = QEventLoop()
            QTimer.singleShot(100, loop.quit)
            loop.exec()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(args.out)):
            raise SystemExit(f"could not write {args.out}")
        window.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
