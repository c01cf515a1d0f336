"""Draw the README's pictures of the window on a 1366x768 screen (a common laptop).

    python tools/screenshot.py docs/ [--lang en]

Writes, into the folder given:
  window-caution.png     the result of a bare international number (caution), standard text size
  window-danger.png      the result of a fake Amazon SMS (danger)
  window-no-signs.png    the result of an ordinary note (特徴なし, with the line that it does not
                         mean the message is genuine)
  window-guide-largest.png  the guide's first question for the fake SMS at the largest text size

Runs offscreen with one screen of 1366x768 (Qt's offscreen platform, given a screen of that
size), in a throw-away data folder, so the settings and history of whoever runs it are untouched.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1366, 768)
MESSAGES = {  # the danger one last: the guide is drawn for it
    "caution": "+1-202-555-0147",
    "no-signs": "明日の集まりは10時からです。よろしくお願いします。",
    "danger": (
        "【Amazon】お支払い方法に問題があります。本日中に下記URLから確認してください。"
        "https://amazon-co-jp.security-check.xyz/login 未確認の場合はアカウントを停止します。"
        "お問い合わせ 050-1234-5678"
    ),
}


def _offscreen_screen(folder: str) -> str:
    config = {"synchronousWindowSystemEvents": True, "windowFrameMargins": False,
              "screens": [{"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
                           "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    path = Path(folder) / "screen.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return f"offscreen:configfile={path}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--lang", choices=("ja", "en"), default="ja")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    args.folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        os.environ["SAGICHECK_DATA_DIR"] = data
        os.environ["QT_QPA_PLATFORM"] = _offscreen_screen(data)
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        from gui.app import create_main_window

        window = create_main_window([])
        if args.lang == "en":
            window.commands.english.trigger()
        window.show()
        window.activateWindow()

        def settle() -> None:
            for _ in range(3):  # let layouts and queued shows settle
                loop = QEventLoop()
                QTimer.singleShot(50, loop.quit)
                loop.exec()

        def save(name: str) -> None:
            settle()
            out = args.folder / name
            if not window.grab().save(str(out)):
                raise SystemExit(f"could not write {out}")
            print(out)

        for level, message in MESSAGES.items():
            window.back_to_result_button.click()
            window.back_to_message_button.click()
            QApplication.clipboard().setText(message)
            window.paste_button.click()
            window.check_button.click()
            if window.verdict_view.verdict() is None:
                raise SystemExit("the check gave no verdict")
            save(f"window-{level}.png")
        for _ in range(8):
            window.commands.larger.trigger()
        window.next_button.click()
        save("window-guide-largest.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
