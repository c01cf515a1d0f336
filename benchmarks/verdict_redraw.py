"""How long the verdict view takes to redraw a verdict with many reasons.

    python benchmarks/verdict_redraw.py [--runs N] [--rounds R] [--against OTHER_CHECKOUT] [--json]

The real window is built (``gui.app.create_main_window`` with a temporary data folder), shown,
and a message with 17 reasons (two numbers, one link) is checked once. Then, ``--runs`` times
for each way the view is redrawn:

- ``verdict``: ``show_verdict`` with that verdict again (what a new check draws);
- ``language``: ``set_language`` to the other language (what the View menu's language does);

**call** is the wall time of that call, **painted** the time from the call until the view has
been painted afterwards (the event loop runs meanwhile: layout passes, deferred deletes, paint),
**layouts** the layout requests the view got in between. Between two redraws the event loop runs
for 20 ms.

Each checkout runs in its own process, ``--rounds`` times in turn with ``--against`` (e.g. a
checkout of the main branch), so that whatever else the machine does falls on both alike.
Medians over all runs are printed with the 25th and 75th percentiles (``time.perf_counter``).
``QT_QPA_PLATFORM`` defaults to ``offscreen``; set it to ``xcb``, ``windows`` or ``cocoa`` to
measure on screen.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("verdict", "language")
MESSAGE = (  # written for this benchmark; the numbers and the address are made up
    "【Amazon】お支払い方法に問題があります。本日中に下記URLから確認してください。"
    "https://amazon-co-jp.security-check.xyz/login 未確認の場合はアカウントを停止します。"
    "お問い合わせ 050-1234-5678"
    "ご利用料金の確認が取れておりません。本日中に050-1234-6789までご連絡ください"
)


def measure(checkout: Path, runs: int) -> dict[str, list[dict[str, float]]]:
    """Run in this process, importing the window from ``checkout``."""
    sys.path.insert(0, str(checkout))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from gui.app import create_main_window

    class Watch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted = 0.0
            self.layouts = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint:
                self.painted = time.perf_counter()
            elif event.type() == QEvent.Type.LayoutRequest:
                self.layouts += 1
            return False

    def run_loop(msecs: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(msecs, loop.quit)
        loop.exec()

    def once(redraw, watch: Watch) -> dict[str, float]:
        run_loop(20)
        watch.layouts = 0
        start = time.perf_counter()
        redraw()
        returned = time.perf_counter()
        loop = QEventLoop()
        while watch.painted < returned:
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
            if time.perf_counter() - returned > 60:
                raise SystemExit("the view was not painted within a minute")
        return {"call_ms": 1000 * (returned - start), "painted_ms": 1000 * (watch.painted - start),
                "layouts": watch.layouts}

    with tempfile.TemporaryDirectory() as data:
        window = create_main_window(["--data-dir", data])
        window.show()
        run_loop(1500)  # the rules are read in the background; let that finish
        window.runner.wait_done()
        QApplication.clipboard().setText(MESSAGE)
        window.paste_button.click()
        window.check_button.click()
        window.runner.wait_done()
        run_loop(200)
        view = window.verdict_view
        verdict = view.verdict()
        if verdict is None or len(verdict.reasons) < 15:
            raise SystemExit(f"expected a verdict with at least 15 reasons, got {verdict!r}")
        watch = Watch()
        view.installEventFilter(watch)
        languages = iter(["en", "ja"] * runs)
        redraws = {"verdict": lambda: view.show_verdict(verdict), "language": lambda: view.set_language(next(languages))}
        results = {kind: [once(redraws[kind], watch) for _ in range(runs)] for kind in KINDS}
        results["reasons"] = len(verdict.reasons)
        window.close()
    return results


def _child(checkout: Path, runs: int) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", str(checkout), "--runs", str(runs)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _summary(runs: list[dict[str, float]]) -> dict[str, float]:
    out = {}
    for key in ("call_ms", "painted_ms", "layouts"):
        values = sorted(r[key] for r in runs)
        q1, _, q3 = statistics.quantiles(values, n=4)
        out[key] = statistics.median(values)
        out[f"{key}_p25"], out[f"{key}_p75"] = q1, q3
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="redraws of each kind per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout to measure in turn, e.g. of main")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.runs)))
        return 0

    checkouts = {"this checkout": ROOT}
    if args.against:
        checkouts[f"against {args.against.name}"] = args.against.resolve()
    collected: dict[str, dict[str, list]] = {name: {kind: [] for kind in KINDS} for name in checkouts}
    reasons = {}
    for _ in range(args.rounds):
        for name, checkout in checkouts.items():
            result = _child(checkout, args.runs)
            reasons[name] = result["reasons"]
            for kind in KINDS:
                collected[name][kind] += result[kind]
    summary = {name: {kind: _summary(runs) for kind, runs in kinds.items()} for name, kinds in collected.items()}
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    for name, kinds in summary.items():
        for kind, s in kinds.items():
            print(f"{name:24} {kind:8} call {s['call_ms']:6.1f} ms ({s['call_ms_p25']:.1f}-{s['call_ms_p75']:.1f})   "
                  f"painted {s['painted_ms']:6.1f} ms ({s['painted_ms_p25']:.1f}-{s['painted_ms_p75']:.1f})   "
                  f"layouts {s['layouts']:.0f}   ({reasons[name]} reasons, median of "
                  f"{args.rounds} x {args.runs})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
