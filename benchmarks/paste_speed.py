"""Does a huge paste stall the window? Times the paste and the event loop right after it.

    python benchmarks/paste_speed.py [--runs N] [--settle MS] [--json]

The real window is built (``gui.app.create_main_window`` with a temporary data folder), shown,
and given a moment to read its rules. Then, for each kind of paste, ``--runs`` times:

1. the box is emptied and the event loop run until it is quiet;
2. the text is put on the clipboard and the 貼り付け (Paste) button is clicked:
   **paste** is the wall time of that ``click()`` call;
3. the event loop then runs for ``--settle`` ms with a 5 ms repeating timer, and waits until the
   box has been painted: **next pass** is the time from the click's return to the timer's first
   tick, **longest gap** the longest time between two ticks (or from the return to the first
   tick) until then, i.e. the longest the window could not answer a click or a key, painting
   included.

Medians over the runs are printed (``time.perf_counter``, wall clock). ``QT_QPA_PLATFORM``
defaults to ``offscreen``; set it to ``xcb``, ``windows`` or ``cocoa`` to measure on screen.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app import create_main_window  # noqa: E402

SAMPLE = (
    "【Amazon】お支払い方法に問題があります。本日中に下記URLから確認してください。"
    "https://amazon-co-jp.security-check.xyz/login 未確認の場合はアカウントを停止します。"
    "お問い合わせ 050-1234-5678"
)
MB = 1024 * 1024


def _sized(unit: str, size: int) -> str:
    """``unit`` repeated to at least ``size`` UTF-8 bytes."""
    return unit * (size // len(unit.encode("utf-8")) + 1)


CASES = {
    "10 MB, one line": lambda: _sized(SAMPLE, 10 * MB),
    "10 MB, many lines": lambda: _sized(SAMPLE + "\n", 10 * MB),
    "1 MB, one line": lambda: _sized(SAMPLE, MB),
    "1 MB, many lines": lambda: _sized(SAMPLE + "\n", MB),
    "1 MB ASCII, one line": lambda: _sized("call 03-1234-5678 or see http://example.com/x now ", MB),
    "1 MB without a space": lambda: _sized("QUJD", MB),  # e.g. an attachment copied as text
    "short message": lambda: SAMPLE,
}


class _PaintWatch(QObject):
    """Notes when the box's viewport was last painted."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = time.perf_counter()
        return False


def _run_loop(msecs: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def _quiet(window) -> None:
    window.message_input.clear()
    _run_loop(100)


def measure_once(window, text: str, settle_ms: int, watch: _PaintWatch) -> dict[str, float]:
    _quiet(window)
    QApplication.clipboard().setText(text)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    start = time.perf_counter()
    window.paste_button.click()
    returned = time.perf_counter()
    timer.start()
    deadline = returned + settle_ms / 1000
    loop = QEventLoop()
    while time.perf_counter() < deadline or watch.painted < returned:
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        if time.perf_counter() - returned > 120:
            raise SystemExit("the box was not painted within two minutes")
    timer.stop()
    points = [returned, *ticks]
    return {
        "paste_ms": 1000 * (returned - start),
        "next_pass_ms": 1000 * (ticks[0] - returned) if ticks else float("nan"),
        "longest_gap_ms": 1000 * max(b - a for a, b in zip(points, points[1:])),
        "box_chars": len(window.message_input.toPlainText()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--settle", type=int, default=300, help="ms of event loop watched after each paste")
    parser.add_argument("--only", action="append", help="run only the named case (repeatable)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as data:
        window = create_main_window(["--data-dir", data])
        window.show()
        watch = _PaintWatch()
        window.message_input.viewport().installEventFilter(watch)
        _run_loop(1500)  # the rules are read in the background; let that finish
        window.runner.wait_done()
        results = {}
        for name, make in CASES.items():
            if args.only and name not in args.only:
                continue
            text = make()
            runs = [measure_once(window, text, args.settle, watch) for _ in range(args.runs)]
            results[name] = {
                "offered_chars": len(text),
                "offered_bytes": len(text.encode("utf-8")),
                "box_chars": runs[-1]["box_chars"],
                **{key: statistics.median(r[key] for r in runs)
                   for key in ("paste_ms", "next_pass_ms", "longest_gap_ms")},
                "runs": args.runs,
            }
            if not args.json:
                r = results[name]
                print(f"{name:20} paste {r['paste_ms']:8.1f} ms   next pass {r['next_pass_ms']:8.1f} ms   "
                      f"longest gap {r['longest_gap_ms']:8.1f} ms   box {r['box_chars']:,} of "
                      f"{r['offered_chars']:,} chars (median of {args.runs})", flush=True)
        window.close()
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
