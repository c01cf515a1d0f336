"""Open the real window on a screen of a given size and say what a user would not see.

    python tests/gui/layout_probe.py WIDTHxHEIGHT

Run in a process of its own (by ``test_window_fits_screens``) because Qt picks its screens once
per process: the offscreen platform is given a screen of that size. At every text-size step and
in both languages the window is walked like a user does: paste a danger message with many
reasons, 確認する, 次へ. At each page it checks, from the widgets' geometry, that the window lies
on the screen, that the page's main button lies on the screen, and that the banner, the first
reason's title and the guide's question and first answer lie in the visible part of the page
without scrolling. Prints one JSON object: the problems found (empty when there are none) and
what was measured.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Many reasons of many causes: an unpaid fee, a frozen account, a link, two foreign numbers, a threat.
MANY_REASONS = (
    "【重要】あなたのアカウントは停止されました。アカウント停止を解除するには24時間以内に https://bit.ly/xx にアクセスし、"
    "カード情報を入力してください。国際電話 +1-202-555-0147 010-1-202-555-0147 へお電話ください。"
    "未納料金があります。法的措置をとります。"
)


def _screen_config(width: int, height: int) -> str:
    config = {"synchronousWindowSystemEvents": True, "windowFrameMargins": False,
              "screens": [{"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
                           "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    path = Path(tempfile.mkdtemp()) / "screen.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return str(path)


def main() -> int:
    width, height = (int(n) for n in sys.argv[1].split("x"))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen_config(width, height)}"
    os.environ["SAGICHECK_DATA_DIR"] = tempfile.mkdtemp()
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QWidget

    from gui.app import create_main_window
    from gui.settings import TEXT_SIZES_PT

    problems: list[str] = []
    measured: dict[str, object] = {}
    window = create_main_window([])
    window.show()
    app = QApplication.instance()
    screen = window.screen().availableGeometry()
    measured["screen"] = [screen.width(), screen.height()]
    measured["window"] = [window.width(), window.height()]

    def settle() -> None:
        for _ in range(3):
            app.processEvents()
            window.centralWidget().layout().activate()

    def on_screen(widget: QWidget) -> QRect:
        return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())

    def check_shown(where: str, widget: QWidget, page) -> None:
        """``widget`` is shown whole on the screen and, on a scrolled page, in its visible part."""
        if not widget.isVisible():
            problems.append(f"{where}: {widget.objectName() or type(widget).__name__} is not shown")
            return
        rect = on_screen(widget)
        if not screen.contains(rect):
            problems.append(f"{where}: {widget.objectName()} at {rect.getRect()} is off the screen {screen.getRect()}")
        if page is not None:
            viewport = on_screen(page.scroll.viewport())
            if not viewport.contains(rect):
                problems.append(f"{where}: {widget.objectName()} at {rect.getRect()} is outside the page's "
                                f"visible part {viewport.getRect()}")

    for lang, action in (("ja", window.commands.japanese), ("en", window.commands.english)):
        action.trigger()
        window.commands.default_size.trigger()
        for _ in range(TEXT_SIZES_PT.index(window.settings().text_size_pt)):
            window.commands.smaller.trigger()
        for size in TEXT_SIZES_PT:
            where = f"{width}x{height} {lang} {size}pt"
            assert window.settings().text_size_pt == size, (where, window.settings())
            window.back_to_result_button.click()
            window.back_to_message_button.click()
            window.message_input.setPlainText(MANY_REASONS)
            settle()
            if not screen.contains(window.frameGeometry()):
                problems.append(f"{where}: the window {window.frameGeometry().getRect()} is off the screen")
            check_shown(f"{where} message", window.check_button, None)
            if window.message_input.height() < 2 * window.message_input.fontMetrics().lineSpacing():
                problems.append(f"{where} message: the message box shows less than two lines")
            window.check_button.click()
            settle()
            result = window.result_page
            check_shown(f"{where} result", window.verdict_view.banner, result)
            first = window.verdict_view.reason_cards()[0].findChild(QLabel, "reasonTitle")
            check_shown(f"{where} result", first, result)
            check_shown(f"{where} result", window.next_button, None)
            window.next_button.click()
            settle()
            guide = window.guide_page
            check_shown(f"{where} guide", window.walkthrough.findChild(QLabel, "questionLabel"), guide)
            answer = window.walkthrough.first_control()
            # The first answer starts in view (its whole text may need a scroll at the largest size).
            top = on_screen(answer).topLeft()
            if not on_screen(guide.scroll.viewport()).contains(top):
                problems.append(f"{where} guide: the first answer starts below the visible part")
            check_shown(f"{where} guide", window.print_button, None)
            measured[f"{lang} {size}pt"] = {
                "banner": on_screen(window.verdict_view.banner).getRect(),
                "next": on_screen(window.next_button).getRect(),
                "print": on_screen(window.print_button).getRect(),
            }
            window.commands.larger.trigger()

    scrolled = [w for w in window.findChildren(QAbstractScrollArea)]
    for area in scrolled:
        outer = area.parentWidget()
        while outer is not None:
            if isinstance(outer, QAbstractScrollArea):
                problems.append(f"{area.objectName() or type(area).__name__} scrolls inside "
                                f"{outer.objectName() or type(outer).__name__}")
            outer = outer.parentWidget()
    print(json.dumps({"problems": problems, "measured": measured}, ensure_ascii=False))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
