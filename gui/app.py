"""Start-up of the sagicheck window, in stages: paths -> settings -> translators -> window.

``create_main_window`` runs the stages and returns the window without starting the event loop
(the tests use it); ``main`` is the ``sagicheck`` entry point and ``python -m gui``.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .i18n import Translators
from .main_window import MainWindow
from .paths import AppPaths, resolve_paths
from .settings import load_settings

APP_NAME = "sagicheck"


def parse_options(args: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest (left for Qt, e.g. ``-platform``)."""
    parser = argparse.ArgumentParser(prog=APP_NAME, add_help=False)
    parser.add_argument("--data-dir", help="folder for settings, history and the log")
    return parser.parse_known_args(list(args))


def create_main_window(argv: Sequence[str] | None = None) -> MainWindow:
    options, qt_args = parse_options(_arguments(argv))
    return _build_window(resolve_paths(options.data_dir), qt_args)


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    if "--sheet" in args:
        return _run_sheet(args)
    if "--self-test" in args:
        return _run_self_test(args)
    from .crash import CrashReporter

    options, qt_args = parse_options(args)
    paths = _paths_or_fallback(options.data_dir)
    reporter = CrashReporter(paths.log_file)
    reporter.install()
    _log_to(paths)
    try:
        window = _build_window(paths, qt_args)
        window.show()
        return QApplication.instance().exec()
    except Exception:
        reporter.report(*sys.exc_info())
        return 1


def _paths_or_fallback(data_dir: str | None) -> AppPaths:
    """The data folder; if it cannot be made, a folder under the system's temporary folder."""
    try:
        return resolve_paths(data_dir)
    except OSError:
        return resolve_paths(Path(tempfile.gettempdir()) / APP_NAME)


def _build_window(paths: AppPaths, qt_args: list[str]) -> MainWindow:
    settings = load_settings(paths.settings_file)
    _application(qt_args)
    translators = Translators()
    translators.install(settings.language)
    window = MainWindow(paths, settings, translators)
    translators.setParent(window)  # removed from the application with the window
    return window


def _application(qt_args: list[str]) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_NAME)
    app.setStyle("Fusion")
    return app


def _log_to(paths: AppPaths) -> None:
    paths.log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(paths.log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)


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
