"""A fresh main window per test (see ``window_helpers`` for pasting and checking)."""

from __future__ import annotations

import gc
import logging
import sys

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from gui.app import create_main_window
from gui.main_window import MainWindow


@pytest.fixture
def window(qtbot) -> MainWindow:
    win = create_main_window([])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    yield win
    win.runner.wait_done(10_000)
    for top in QApplication.topLevelWidgets():  # dialogs the test left open go with their window
        top.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _windows_deleted_after_each_test(qapp):
    """Every main window a test opened (a second one to see what was remembered, the
    self-test's) is deleted when the test ends, and not before: Python's cycle collector is
    off meanwhile. Left to the collector, a window is deleted in the middle of whatever runs
    next, and PySide then crashes the run now and then (25 windows made, checked and collected
    in a loop crash it, with or without this branch's window; deleted this way, never)."""
    gc.disable()
    try:
        yield
        for window in [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]:
            window.runner.wait_done(10_000)
            window.close()
            window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        gc.enable()
    gc.collect()  # the wrappers of windows already deleted: nothing of Qt's is left to delete


@pytest.fixture
def restored_hooks(monkeypatch):
    """``main`` installs a crash hook and a log handler; put both back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
