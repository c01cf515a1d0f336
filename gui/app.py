"""Start-up of the sagicheck window, in stages: paths -> settings -> translators -> window.

``create_main_window`` runs the stages and returns the window without starting the event loop
(the tests use it); ``main`` is the ``sagicheck`` entry point and ``python -m gui``.

The app's own files never keep it from opening: a folder that cannot be used, a damaged or
unreadable settings or history file, something odd where the log should be, each gives the
defaults (or memory only) and one plain notice once the window is drawn.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .first_paint import AfterFirstPaint
from .history import HistoryStore
from .i18n import Translators
from .main_window import MainWindow
from .paths import AppPaths, open_data_folder
from .settings import SettingsStore
from .storage import FileProblem, not_saved, open_log

APP_NAME = "sagicheck"


def parse_options(args: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest (left for Qt, e.g. ``-platform``)."""
    parser = argparse.ArgumentParser(prog=APP_NAME, add_help=False)
    parser.add_argument("--data-dir", help="folder for settings, history and the log")
    return parser.parse_known_args(list(args))


def create_main_window(argv: Sequence[str] | None = None) -> MainWindow:
    options, qt_args = parse_options(_arguments(argv))
    paths, problems = open_data_folder(options.data_dir)
    return _build_window(paths, qt_args, problems)


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    if "--sheet" in args:
        return _run_sheet(args)
    if "--self-test" in args:
        return _run_self_test(args)
    from .crash import CrashReporter

    options, qt_args = parse_options(args)
    paths, problems = open_data_folder(options.data_dir)
    log_file, log_problem = _log_to(paths)
    reporter = CrashReporter(log_file)
    reporter.install()
    try:
        window = _build_window(paths, qt_args, [*problems, log_problem])
        window.show()
        return QApplication.instance().exec()
    except Exception:
        reporter.report(*sys.exc_info())
        return 1


def _build_window(paths: AppPaths, qt_args: list[str],
                  problems: Iterable[FileProblem | None] = ()) -> MainWindow:
    settings, settings_problem = SettingsStore(paths.settings_file, paths.on_disk).read()
    _, history_problem = HistoryStore(paths.history_file, paths.on_disk).read()  # a damaged one is set aside now
    _application(qt_args)
    translators = Translators()
    translators.install(settings.language)
    window = MainWindow(paths, settings, translators)
    translators.setParent(window)  # removed from the application with the window
    found = [p for p in (*problems, settings_problem, history_problem) if p is not None]
    if found:
        AfterFirstPaint(window.centralWidget(), lambda: window.storage_notice.report(found))
    return window


def _application(qt_args: list[str]) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_NAME)
    if app.style().name().lower() != "fusion":  # set once: a second setStyle re-polishes every widget alive
        app.setStyle("Fusion")
    return app


def _log_to(paths: AppPaths) -> tuple[Path | None, FileProblem | None]:
    """Send the log to its file when the data folder is usable (else it goes to standard error);
    the file's path, and what was in its way or why it could not be opened."""
    logging.getLogger().setLevel(logging.INFO)
    if not paths.on_disk:
        return None, None
    try:
        stream, problem = open_log(paths.log_file)
    except OSError as error:
        return None, not_saved(paths.log_file, error)
    handler = _LogFileHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return paths.log_file, problem


class _LogFileHandler(logging.StreamHandler):
    """A handler on a log file opened by :func:`gui.storage.open_log`; closing it closes the file."""

    def close(self) -> None:
        with self.lock:
            self.stream.close()
        super().close()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        """A log that cannot be written (a full disk) stays quiet: the user was told already,
        and a report on standard error for every line would help no one."""


def _run_sheet(args: list[str]) -> int:
    from .sheet import sheet_main

    return sheet_main(args)


def _run_self_test(args: list[str]) -> int:
    try:
        from .selftest import run_self_test
    except ImportError as error:
        if error.name != f"{__package__}.selftest":
            raise
        print("sagicheck: the self-test is not part of this build.", file=sys.stderr)
        return 2
    return run_self_test(args)


def _arguments(argv: Sequence[str] | None) -> list[str]:
    return list(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
