"""How fast is the printed guidance sheet? The first render in a fresh process, then warm renders.

    python benchmarks/sheet_speed.py                       # 15 fresh processes, ja
    python benchmarks/sheet_speed.py --lang en --runs 25 --warm 30
    python benchmarks/sheet_speed.py --compare OTHER_CHECKOUT   # A/B, runs interleaved
    python benchmarks/sheet_speed.py --font IPAexGothic    # what another font costs to embed

Each run is a new Python process (its byte code compiled beforehand, as a packaged app has it),
set up the way ``sagicheck --self-test`` is when it reaches its sheet stage: the real window
(``gui.app.create_main_window``, a temporary data folder) shown on the offscreen platform, one
pass of the event loop, the self-test's sample message checked. Then it times:

- import:  ``import gui.sheet``;
- first:   the first ``write_sheet_pdf`` of the sample (what the self-test's sheet stage does,
           besides the import);
- embed:   the part of ``first`` spent in ``QPainter.end``, where Qt's PDF writer subsets and
           writes the fonts;
- warm:    the median of ``--warm`` more renders in the same process.

Each figure is given as wall time (``time.perf_counter``) and as the CPU time of the thread that
renders (``time.thread_time``; the render is single-threaded): CPU time leaves out time spent
waiting for a CPU on a busy machine, though not slow-downs from shared caches or a busy host.
The figures printed are medians over ``--runs`` processes, and the best first render. With
``--compare`` the processes alternate between this checkout and the other one (which comes
first alternates too), so that both see the same machine load; other work on the machine still
adds noise, so use many runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class _Stopwatch:
    """Wall time (``time.perf_counter``) and this thread's CPU time (``time.thread_time``) of a
    stretch of work."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def __enter__(self) -> _Stopwatch:
        self._wall, self._cpu = time.perf_counter(), time.thread_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.thread_time() - self._cpu


def child(tree: str, lang: str, warm: int, font: str | None) -> dict:
    """One fresh process: window up, sample checked, then the sheet timed (see the module doc)."""
    sys.path.insert(0, tree)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    from core import check
    from gui.app import create_main_window
    from gui.selftest import SAMPLE_MESSAGE

    with tempfile.TemporaryDirectory(prefix="sheet-speed-") as tmp:
        window = create_main_window(["--data-dir", tmp])
        window.show()
        QApplication.processEvents()
        verdict = check(SAMPLE_MESSAGE)

        ends: list[_Stopwatch] = []
        real_end = QPainter.end

        def timed_end(painter: QPainter) -> bool:
            with _Stopwatch() as watch:
                done = real_end(painter)
            ends.append(watch)
            return done

        QPainter.end = timed_end
        out = Path(tmp, "sheet.pdf")
        with _Stopwatch() as imported:
            import gui.sheet
        if font is not None:
            _use_font(gui.sheet, font)
        with _Stopwatch() as first:
            gui.sheet.write_sheet_pdf(out, verdict, SAMPLE_MESSAGE, lang)
        pdf = out.read_bytes()
        warm_runs = []
        for _ in range(warm):
            with _Stopwatch() as again:
                gui.sheet.write_sheet_pdf(out, verdict, SAMPLE_MESSAGE, lang)
            warm_runs.append(again)
        window.close()
    fonts = sorted({name.decode() for name in re.findall(rb"/FontName /\w+\+([\w-]+)", pdf)})
    result = {"bytes": len(pdf), "fonts": fonts}
    for kind in ("wall", "cpu"):
        result[kind] = {
            "import": getattr(imported, kind), "first": getattr(first, kind), "embed": getattr(ends[0], kind),
            "warm": statistics.median(getattr(w, kind) for w in warm_runs) if warm_runs else float("nan"),
        }
    return result


def _use_font(sheet_module, family: str) -> None:
    """Make the sheet's style list only ``family`` (to compare what fonts cost)."""
    import dataclasses

    style = dataclasses.replace(sheet_module.sheet_style(), fonts=(family,))
    sheet_module.sheet_style = lambda: style


def run_child(tree: Path, args: argparse.Namespace, pycache: str) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(tree), "--lang", args.lang,
           "--warm", str(args.warm)] + (["--font", args.font] if args.font else [])
    # Compiled modules kept under a temporary folder, as a packaged app has them.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=pycache)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"run in {tree} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def summary(results: list[dict]) -> dict:
    figures = {"runs": len(results), "pdf_bytes": results[0]["bytes"], "fonts": results[0]["fonts"]}
    for kind in ("wall", "cpu"):
        runs = [r[kind] for r in results]
        figures[kind] = {key: round(1000 * statistics.median(r[key] for r in runs), 1)
                         for key in ("import", "first", "embed", "warm")}
        both = statistics.median(r["import"] + r["first"] for r in runs)
        figures[kind]["import_plus_first"] = round(1000 * both, 1)
        figures[kind]["first_best"] = round(1000 * min(r["first"] for r in runs), 1)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh processes per checkout")
    parser.add_argument("--warm", type=int, default=20, help="warm renders in each process")
    parser.add_argument("--lang", choices=("ja", "en"), default="ja")
    parser.add_argument("--compare", type=Path, metavar="CHECKOUT",
                        help="another checkout of sagicheck to measure the same way, interleaved")
    parser.add_argument("--font", help="list only this font family in the sheet style")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(child(args.child, args.lang, args.warm, args.font)))
        return 0

    trees = {"this": ROOT} | ({"other": args.compare.resolve()} if args.compare else {})
    results: dict[str, list[dict]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory(prefix="sheet-speed-pycache-") as pycache:
        for tree in trees.values():  # one unmeasured run each: byte code, page cache, font cache
            run_child(tree, argparse.Namespace(**{**vars(args), "warm": 1}), pycache)
        for i in range(args.runs):
            order = list(trees.items()) if i % 2 == 0 else list(trees.items())[::-1]
            for name, tree in order:
                results[name].append(run_child(tree, args, pycache))
    figures = {name: summary(runs) for name, runs in results.items()}
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"sheet ({args.lang}{', font ' + args.font if args.font else ''}): medians of {args.runs} fresh "
          f"processes, {args.warm} warm renders each; ms of wall time [ms of CPU time]")
    for name, f in figures.items():
        w, c = f["wall"], f["cpu"]
        where = trees[name] if name != "this" else "this checkout"
        print(f"  {where}: {f['pdf_bytes']:,} bytes, fonts {', '.join(f['fonts'])}")
        print(f"    import {w['import']:.1f} [{c['import']:.1f}]   first render {w['first']:.1f} [{c['first']:.1f}] "
              f"(best {w['first_best']:.1f} [{c['first_best']:.1f}])   import + first {w['import_plus_first']:.1f} "
              f"[{c['import_plus_first']:.1f}]")
        print(f"    of the first render, QPainter.end {w['embed']:.1f} [{c['embed']:.1f}]   "
              f"warm render {w['warm']:.1f} [{c['warm']:.1f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
