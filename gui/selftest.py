"""``sagicheck --self-test``: does this copy of the app work, end to end?

Run by the build on the freshly packaged app, and by anyone who doubts an installed copy::

    sagicheck --self-test [--verbose] [--pdf FILE]

Stages, each timed (``--verbose`` prints the times; the start-up benchmark compares the total):

window     the real start-up path, ``gui.app.create_main_window()``, shown on the offscreen
           platform (unless ``QT_QPA_PLATFORM`` names another) and one pass of the event loop;
           settings and history go to a temporary folder unless ``--data-dir`` is given
check      a built-in sample scam message (an unpaid-fee SMS with a call-back number and a same-day
           deadline) pasted into the window and checked with its Check button, as a user would:
           the verdict must be danger, the call-back number found, and the window must show it
           (banner level, highlighted text)
resources  data files reached through ``importlib.resources`` (the icon), Qt's own Japanese
           translation and, in a packaged app, the package version: all things a packaging
           mistake could leave out
sheet      the printed guidance sheet rendered to a temporary PDF (or ``--pdf FILE``), which must
           be a non-empty PDF
reader     only with ``--reader`` (a build with the picture reader): a screenshot of the sample
           message drawn with Qt is read in the window as a pasted picture would be; the call-back
           number must come out character for character in the message box

Exit status: 0 when every stage passed; 1 when a stage failed; 2 when a part of the app a stage
needs is not there at all. Anything but success prints one line saying which stage and what.
No stage is reported as passed unless it ran.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_MISSING = 2

# Written for this test; the number is made up. Fee claim + same-day deadline + legal threat +
# "call this 050 number": the shape of the commonest SMS scam.
SAMPLE_MESSAGE = (
    "【重要】有料動画サイトのご利用料金 39,800円 が未納となっております。"
    "本日中にご連絡がない場合、法的手続きに移ります。至急 050-3186-4927 までお電話ください。"
)
SAMPLE_NUMBER_E164 = "+815031864927"
CHECK_TIMEOUT_MS = 20_000
READ_TIMEOUT_MS = 120_000  # the reader's models load on first use
SAMPLE_NUMBER_SHOWN = "050-3186-4927"


class StageFailed(Exception):
    """A stage ran and found something wrong."""


class PartMissing(Exception):
    """A part of the app the stage needs does not exist in this build."""


@dataclass
class _Run:
    verbose: bool
    passed: list[tuple[str, float, str]] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)

    def stage(self, name: str, body: Callable[[], str]) -> None:
        """Run one stage; a missing part is recorded and the run goes on, a failure ends it."""
        start = time.perf_counter()
        try:
            note = body()
        except PartMissing as exc:
            self.missing.append((name, str(exc)))
            if self.verbose:
                _say(f"self-test: {name:<9} MISSING  {exc}")
            return
        except StageFailed as exc:
            raise StageFailed(_one_line(f"{name}: {exc}")) from None
        except Exception as exc:  # anything unexpected fails this stage, said in one line
            raise StageFailed(_one_line(f"{name}: {type(exc).__name__}: {exc}")) from exc
        elapsed = time.perf_counter() - start
        self.passed.append((name, elapsed, note))
        if self.verbose:
            _say(f"self-test: {name:<9} {elapsed * 1000:7.1f} ms  ok  {note}")


def run_self_test(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sagicheck --self-test")
    parser.add_argument("--verbose", action="store_true", help="print each stage and its time")
    parser.add_argument("--pdf", type=Path, help="write the sheet here and keep it")
    parser.add_argument("--reader", action="store_true", help="also read a drawn screenshot (picture reader)")
    args, rest = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    window_args = [a for a in rest if a != "--self-test"]  # --data-dir and Qt's own options
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    run = _Run(verbose=args.verbose)
    state: dict[str, Any] = {}
    started = time.perf_counter()
    data_dir = None
    if not any(a == "--data-dir" or a.startswith("--data-dir=") for a in window_args):
        data_dir = tempfile.TemporaryDirectory(prefix="sagicheck-selftest-")
        window_args += ["--data-dir", data_dir.name]  # the user's settings and history untouched
    try:
        run.stage("window", lambda: _open_window(state, window_args))
        run.stage("check", lambda: _check_sample(state))
        run.stage("resources", _check_resources)
        run.stage("sheet", lambda: _render_sheet(state, args.pdf))
        if args.reader:
            run.stage("reader", lambda: _read_picture(state))
    except StageFailed as exc:
        _say(f"self-test failed: {exc}")
        if args.verbose and exc.__cause__ is not None and sys.stderr is not None:
            traceback.print_exception(exc.__cause__, file=sys.stderr)  # for whoever fixes it
        return EXIT_FAILED
    finally:
        if state.get("window") is not None:
            _close(state["window"])
        if data_dir is not None:
            data_dir.cleanup()
    total = time.perf_counter() - started
    if run.missing:
        gaps = "; ".join(f"{name}: {what}" for name, what in run.missing)
        ran = ", ".join(name for name, _t, _n in run.passed) or "none"
        _say(f"self-test incomplete: missing {gaps} (stages that ran and passed: {ran})")
        return EXIT_MISSING
    if args.verbose:
        from PySide6 import __version__ as pyside_version

        build = "packaged" if getattr(sys, "frozen", False) else "from source"
        _say(f"self-test passed: {len(run.passed)} stages in {total * 1000:.1f} ms "
             f"({build}, Python {sys.version.split()[0]}, PySide6 {pyside_version})")
    else:
        _say("self-test passed")
    return EXIT_OK


def _close(window: Any) -> None:
    """Close the window and delete it now, not whenever Python's garbage collector gets to it
    (in the middle of whatever the process does next)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# --- stages -----------------------------------------------------------------------------------

def _open_window(state: dict[str, Any], window_args: list[str]) -> str:
    from PySide6.QtWidgets import QApplication

    from gui import app as app_module

    create = getattr(app_module, "create_main_window", None)
    if create is None:
        state["app"] = QApplication.instance() or QApplication(sys.argv[:1])  # later stages
        raise PartMissing("gui.app has no create_main_window(), the main window is not built")
    window = create(window_args)
    state["window"] = window
    window.show()
    QApplication.processEvents()
    if not window.isVisible():
        raise StageFailed("the main window did not show")
    return f"{type(window).__name__} on {QApplication.platformName()}"


def _check_sample(state: dict[str, Any]) -> str:
    from core import Level

    window = state.get("window")
    if window is None:
        from core import check

        verdict = check(SAMPLE_MESSAGE)
        how = "by the core alone (no window)"
    else:
        verdict = _check_in_window(window)
        how = "in the window"
    state["verdict"] = verdict
    if verdict.level is not Level.DANGER:
        raise StageFailed(f"the sample scam was rated {verdict.level.value}, not danger")
    if not any(n.e164 == SAMPLE_NUMBER_E164 for n in verdict.phone_numbers):
        raise StageFailed(f"the call-back number {SAMPLE_NUMBER_E164} was not found")
    return f"danger {how}, {len(verdict.reasons)} reasons, {len(verdict.phone_numbers)} number(s)"


def _check_in_window(window: Any):
    """Paste the sample, press Check, wait for the runner's answer, read what the window shows."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def answered(kind: str, value: object) -> None:
        outcome[kind] = value
        loop.quit()

    runner = window.runner
    runner.verdict_ready.connect(lambda verdict: answered("verdict", verdict))
    runner.check_failed.connect(lambda failure: answered("failure", failure))
    # The window starts reading the rules in the background once it has been drawn; let that
    # start and finish, as it would before a user has pasted anything.
    QApplication.processEvents()
    runner.wait_done(CHECK_TIMEOUT_MS)
    window.message_input.setPlainText(SAMPLE_MESSAGE)
    window.check_button.click()
    if not outcome:
        QTimer.singleShot(CHECK_TIMEOUT_MS, loop.quit)
        loop.exec()
    if "failure" in outcome:
        raise StageFailed(f"the window's check failed: {outcome['failure'].code}")
    if "verdict" not in outcome:
        raise StageFailed(f"no verdict within {CHECK_TIMEOUT_MS // 1000} s of pressing Check")
    verdict = outcome["verdict"]
    if window.verdict_view.verdict() is not verdict:
        raise StageFailed("the window does not show the verdict it was given")
    banner = window.verdict_view.banner.property("level")
    if banner != verdict.level.value:
        raise StageFailed(f"the banner shows level {banner!r}, the verdict is {verdict.level.value}")
    if not window.message_input.highlighted():
        raise StageFailed("nothing is highlighted in the message")
    return verdict


def _check_resources() -> str:
    from importlib.resources import files

    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QImage

    icon = files("resources") / "icons" / "sagicheck.png"
    image = QImage.fromData(icon.read_bytes())
    if image.isNull():
        raise StageFailed("resources/icons/sagicheck.png did not load as an image")
    translator = QTranslator()
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_ja", qt_translations):
        raise StageFailed(f"Qt's qtbase_ja.qm did not load from {qt_translations}")
    note = f"icon {image.width()}px, qtbase_ja"
    if getattr(sys, "frozen", False):  # a packaged app carries its own version
        note += f", version {_bundled_version()}"
    return note


def _bundled_version() -> str:
    """The version in the bundle's package metadata, which the About box shows.

    Read straight from the ``.dist-info/METADATA`` file where ``importlib.metadata`` finds it:
    importing ``importlib.metadata`` (email parser, zip support) costs more than this whole stage.
    """
    bundle = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    for metadata in sorted(bundle.glob("sagicheck-*.dist-info/METADATA")):
        for line in metadata.read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition(":")
            if name == "Version" and value.strip():
                return value.strip()
    raise StageFailed("the package metadata (sagicheck's version) is not in the bundle")


def _render_sheet(state: dict[str, Any], keep: Path | None) -> str:
    try:
        from gui.sheet import write_sheet_pdf
    except ModuleNotFoundError as exc:
        if exc.name != "gui.sheet":
            raise
        raise PartMissing("gui.sheet: the printed guidance sheet is not built") from None
    verdict = state["verdict"]
    with tempfile.TemporaryDirectory(prefix="sagicheck-selftest-") as tmp:
        out = keep if keep is not None else Path(tmp, "sheet.pdf")
        write_sheet_pdf(out, verdict, SAMPLE_MESSAGE, "ja")
        data = out.read_bytes() if out.exists() else b""
    if not data:
        raise StageFailed("the sheet PDF was not written or is empty")
    if not data.startswith(b"%PDF-"):
        raise StageFailed("the sheet file is not a PDF")
    return f"{len(data):,} bytes of PDF"


def _read_picture(state: dict[str, Any]) -> str:
    """Draw the sample as a phone screenshot, have the window read it, look for the number."""
    from PySide6.QtCore import QEventLoop, QRect, Qt, QTimer
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    window = state.get("window")
    if window is None:
        raise PartMissing("there is no window to read the picture in")
    if not window.picture_reader.available():
        raise PartMissing("the picture reader is not in this build")
    image = QImage(1080, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(46)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRect(60, 60, 960, 780), Qt.TextFlag.TextWordWrap, SAMPLE_MESSAGE)
    painter.end()

    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    window.picture_reader.picture_read.connect(lambda read: (outcome.setdefault("read", read), loop.quit()))
    window.picture_reader.reading_failed.connect(lambda failure: (outcome.setdefault("failure", failure), loop.quit()))
    window.picture_reader.read(image)
    QTimer.singleShot(READ_TIMEOUT_MS, loop.quit)
    loop.exec()
    if "failure" in outcome:
        raise StageFailed(f"reading the picture failed: {outcome['failure'].code}")
    if "read" not in outcome:
        raise StageFailed(f"no text within {READ_TIMEOUT_MS // 1000} s of reading the picture")
    text = window.message_input.toPlainText()
    if SAMPLE_NUMBER_SHOWN not in text:
        raise StageFailed(f"the number {SAMPLE_NUMBER_SHOWN} was not read from the picture: {text!r}")
    return f"{len(text)} characters read in {outcome['read'].seconds:.1f} s"


# --- output -----------------------------------------------------------------------------------

def _one_line(text: str) -> str:
    return " ".join(text.split())


def _say(line: str) -> None:
    """Print even from a windowed Windows build, whose sys.stdout is None."""
    stream = sys.stdout if sys.stdout is not None else _console()
    if stream is not None:
        try:
            print(line, file=stream, flush=True)
        except OSError:  # output closed early (e.g. piped into head): the exit status still says
            pass


def _console():
    if sys.platform != "win32":
        return None
    import ctypes

    if not ctypes.windll.kernel32.AttachConsole(-1):  # the console we were started from
        return None
    try:
        return open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115  (lives until exit)
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(run_self_test())
