"""Start-up and size of the packaged app, side by side with an empty PySide6 window.

    python benchmarks/startup.py                 # reuse both bundles if they are there
    python benchmarks/startup.py --runs 9 --json
    python benchmarks/startup.py --rebuild-empty --check
    python benchmarks/startup.py --floor          # and the stack's own floor

The reference is the smallest PySide6 program that shows a window: QApplication, one
QMainWindow, show, quit from the event loop. It is packaged by the same PyInstaller in the same
way as sagicheck (one folder, windowed, ``strip=True``, ``upx=False``) but with nothing trimmed,
under ``build/startup-bench/``. The app is ``dist/sagicheck/`` as made by
``python packaging/build.py`` (with the picture reader; the size target below was set for the app
without it, ``--without-reader``: the reader adds about 107 MB and nothing to the start-up, as it
loads on first use).

Measured, with ``QT_QPA_PLATFORM=offscreen``:

- bundle size: every regular file under each folder (symlinks not followed), in MB (10**6 bytes);
- start-to-exit wall time: the empty window's show-and-quit against ``sagicheck --self-test``
  (which starts the real window, checks a sample, renders the printed sheet and exits).
  One warm-up run each, then ``--runs`` runs alternating between the two; the median is reported.
- window up: for ``sagicheck --self-test --verbose``, the time from launch until its line saying
  the window stage passed (the real window built, shown and drawn once) reaches this script, the
  part of the start a user waits through; median of ``--runs`` more runs.
- with ``--floor``, a third program in the same rounds: only the library work any self-test of
  this kind does, with none of sagicheck's code (the ``Qt`` namespace, a window with a stylesheet
  and one Japanese label, phonenumbers parsing one number, a one-page Japanese PDF with its fonts
  embedded, a normal exit). It shows how much of the time is the stack's before any of ours.

Targets (issue 4): self-test time <= 1.5x the empty window; bundle size <= 1.0x the empty bundle.
``--check`` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "build" / "startup-bench"
EXE = ".exe" if os.name == "nt" else ""
TIME_TARGET = 1.5
SIZE_TARGET = 1.0

EMPTY_APP = '''\
"""The empty reference: show one window, quit from the event loop."""
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
'''

FLOOR_APP = '''\
"""The floor: the library work of a self-test like sagicheck's, with none of its code."""
import os
import sys
import tempfile

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
label = QLabel("危険 詐欺の可能性が高いメッセージです", window)
label.setTextFormat(Qt.TextFormat.PlainText)
window.setCentralWidget(label)
window.setStyleSheet("QLabel { font-size: 16pt; color: #1b1b1b; background: #ffd6d6; }")
window.show()
app.processEvents()

import phonenumbers

number = phonenumbers.parse("050-3186-4927", "JP")
assert phonenumbers.is_valid_number(number)
with tempfile.TemporaryDirectory() as tmp:
    writer = QPdfWriter(os.path.join(tmp, "floor.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setHtml("<h1>危険</h1><p>書かれた番号に電話をしないでください。188 #9110</p>")
    painter = QPainter(writer)
    document.drawContents(painter)
    painter.end()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
'''

# Packaged exactly like packaging/sagicheck.spec, minus every trimming step.
REFERENCE_SPEC = '''\
# -*- mode: python -*-
a = Analysis([{script!r}], excludes=[], noarchive=False)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name={name!r}, console=False,
          debug=False, strip=True, upx=False)
coll = COLLECT(exe, a.binaries, a.datas, strip=True, upx=False, name={name!r})
'''
REFERENCES = {"empty": EMPTY_APP, "floor": FLOOR_APP}


def reference_bundle(name: str) -> Path:
    return BENCH / "dist" / name


def empty_bundle() -> Path:
    return reference_bundle("empty")


def build_reference(name: str, python: str) -> Path:
    """Package one reference program (takes a minute or two)."""
    BENCH.mkdir(parents=True, exist_ok=True)
    script = BENCH / f"{name}_window.py"
    script.write_text(REFERENCES[name], encoding="utf-8")
    spec = BENCH / f"{name}.spec"
    spec.write_text(REFERENCE_SPEC.format(script=str(script), name=name), encoding="utf-8")
    subprocess.run(
        [python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(BENCH / "dist"), "--workpath", str(BENCH / "work"), str(spec)],
        check=True,
    )
    return reference_bundle(name)


def folder_bytes(folder: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath, name)
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def run_once(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          timeout=120)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} exited {proc.returncode}: "
                         f"{proc.stderr.decode(errors='replace').strip()[-500:]}")
    return elapsed


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """Start-to-exit seconds of each command: one warm-up run each (page cache, font cache),
    then ``runs`` rounds that run every command once, in turn."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for cmd in commands.values():
        run_once(cmd, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(run_once(cmd, env))
    return times


def window_up(app_cmd: list[str], runs: int) -> list[float]:
    """Seconds from launch until ``--verbose`` reports the window stage passed, per run."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        seen = None
        with subprocess.Popen([*app_cmd, "--verbose"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True) as proc:
            for line in proc.stdout:
                if seen is None and line.startswith("self-test: window ") and " ok " in line:
                    seen = time.perf_counter() - start
        if proc.returncode != 0 or seen is None:
            raise SystemExit(f"{app_cmd[0]} --self-test --verbose did not report its window")
        times.append(seen)
    return times


def stage_times(app_cmd: list[str]) -> dict[str, float]:
    """One ``--self-test --verbose`` run: the time of each stage, in seconds, as it reports them."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([*app_cmd, "--verbose"], env=env, capture_output=True, text=True,
                         timeout=120).stdout
    stages = {}
    for line in out.splitlines():
        match = re.match(r"self-test: (\w+) +([0-9.]+) ms", line)
        if match:
            stages[match.group(1)] = float(match.group(2)) / 1000
    return stages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "sagicheck",
                        help="the built sagicheck folder (default: dist/sagicheck)")
    parser.add_argument("--rebuild-empty", action="store_true",
                        help="package the empty window (and the floor) again even if there")
    parser.add_argument("--floor", action="store_true",
                        help="also time the floor: the library work alone, none of sagicheck's code")
    parser.add_argument("--python", default=sys.executable,
                        help="the Python whose PyInstaller and PySide6 package the empty window")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)

    app_exe = args.app / f"sagicheck{EXE}"
    if not app_exe.exists():
        print(f"no built app at {app_exe}: run packaging/build.py first", file=sys.stderr)
        return 2
    commands = {"empty": None, "sagicheck": [str(app_exe), "--self-test"]}
    if args.floor:
        commands["floor"] = None
    for name in [n for n, cmd in commands.items() if cmd is None]:
        exe = reference_bundle(name) / f"{name}{EXE}"
        if args.rebuild_empty or not exe.exists():
            build_reference(name, args.python)
        commands[name] = [str(exe)]

    empty_size = folder_bytes(empty_bundle())
    app_size = folder_bytes(args.app)
    times = measure(commands, args.runs)
    empty_times, app_times = times["empty"], times["sagicheck"]
    stages = stage_times([str(app_exe), "--self-test"])
    up_times = window_up([str(app_exe), "--self-test"], args.runs)
    empty_median = statistics.median(empty_times)
    app_median = statistics.median(app_times)
    result = {
        "runs": args.runs,
        "empty_size_mb": round(empty_size / 1e6, 1),
        "app_size_mb": round(app_size / 1e6, 1),
        "size_ratio": round(app_size / empty_size, 3),
        "empty_median_s": round(empty_median, 3),
        "app_median_s": round(app_median, 3),
        "time_ratio": round(app_median / empty_median, 3),
        "window_up_median_s": round(statistics.median(up_times), 3),
        "self_test_stages_s": {k: round(v, 4) for k, v in stages.items()},
        "empty_times_s": [round(t, 3) for t in empty_times],
        "app_times_s": [round(t, 3) for t in app_times],
    }
    if args.floor:
        floor_median = statistics.median(times["floor"])
        result["floor_median_s"] = round(floor_median, 3)
        result["floor_ratio"] = round(floor_median / empty_median, 3)
    size_ok = result["size_ratio"] <= SIZE_TARGET
    time_ok = result["time_ratio"] <= TIME_TARGET
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(textwrap.dedent(f"""\
            bundle size   empty window {result['empty_size_mb']:7.1f} MB   sagicheck {result['app_size_mb']:7.1f} MB   ratio {result['size_ratio']:.2f}  (target <= {SIZE_TARGET}: {'met' if size_ok else 'MISSED'})
            start-to-exit empty show+quit {empty_median:.3f} s   sagicheck --self-test {app_median:.3f} s   ratio {result['time_ratio']:.2f}  (target <= {TIME_TARGET}: {'met' if time_ok else 'MISSED'})
            window up     sagicheck's window built, shown and drawn {result['window_up_median_s']:.3f} s after launch (ratio {result['window_up_median_s'] / empty_median:.2f} to the empty window's whole run)
            medians of {args.runs} runs each, offscreen; empty {result['empty_times_s']}, sagicheck {result['app_times_s']}
            self-test stages (one --verbose run): {', '.join(f'{k} {v * 1000:.0f} ms' for k, v in stages.items())}"""))
        if args.floor:
            print(f"floor         the same library work with none of sagicheck's code "
                  f"{result['floor_median_s']:.3f} s   ratio {result['floor_ratio']:.2f}")
    return 0 if (size_ok and time_ok) or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
