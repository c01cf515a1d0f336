"""The runner: the window's one door to the core."""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QCoreApplication, QEvent

from core.verdict import ErrorCode, Level, Verdict
from gui import runner as runner_module
from gui.runner import CheckFailure, CheckRunner
from gui.wording import INTERNAL

SCAM = "ご利用料金の確認が取れておりません。本日中に050-1234-5678までご連絡ください"


def _flush(runner: CheckRunner) -> None:
    runner.wait_done()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)


def test_short_text_is_answered_at_once(qtbot):
    runner = CheckRunner()
    got: list[Verdict] = []
    runner.verdict_ready.connect(got.append)
    runner.run(SCAM)
    assert [v.level for v in got] == [Level.DANGER]


def test_long_text_is_checked_on_another_thread(qtbot, monkeypatch):
    threads: list[int] = []
    real = runner_module.core.check

    def recording(text, stop=None):
        threads.append(threading.get_ident())
        return real(text, stop=stop)

    monkeypatch.setattr(runner_module.core, "check", recording)
    runner = CheckRunner(inline_limit=10)
    with qtbot.waitSignal(runner.verdict_ready) as blocker:
        runner.run(SCAM)
    assert blocker.args[0].level is Level.DANGER
    assert threads and threads[0] != threading.get_ident()


def test_a_cancelled_check_reports_nothing(qtbot):
    runner = CheckRunner(inline_limit=10)
    got: list[object] = []
    runner.verdict_ready.connect(got.append)
    runner.check_failed.connect(got.append)
    runner.run(SCAM)
    runner.cancel()
    _flush(runner)
    assert got == []


def test_a_new_check_stops_the_one_under_way_instead_of_queueing_behind_it(qtbot, monkeypatch):
    """A huge paste is being checked; the user pastes something else: the first check is told
    to stop at its next pass, so the second one does not wait for it."""
    real = runner_module.core.check
    first_started = threading.Event()
    stopped: list[bool] = []

    def slow_then_real(text, stop=None):
        if text.startswith("HUGE"):
            first_started.set()
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:  # a pass that takes long, asking between steps
                if stop is not None and stop():
                    stopped.append(True)
                    return real("stopped early", stop=None)
                time.sleep(0.01)
            stopped.append(False)
        return real(text, stop=stop)

    monkeypatch.setattr(runner_module.core, "check", slow_then_real)
    runner = CheckRunner(inline_limit=10)
    got: list[Verdict] = []
    runner.verdict_ready.connect(got.append)
    runner.run("HUGE " + SCAM)
    assert first_started.wait(5)
    with qtbot.waitSignal(runner.verdict_ready, timeout=5000):
        runner.run(SCAM)
    _flush(runner)
    assert stopped == [True]
    assert [v.level for v in got] == [Level.DANGER]


def test_only_the_latest_request_is_answered(qtbot):
    runner = CheckRunner(inline_limit=10)
    got: list[Verdict] = []
    runner.verdict_ready.connect(got.append)
    runner.run(SCAM)
    runner.run("明日の集まりは10時からです。よろしくお願いします。")
    _flush(runner)
    assert [v.level for v in got] == [Level.NO_SIGNS]


def test_blank_text_fails_with_the_cores_code(qtbot):
    runner = CheckRunner()
    with qtbot.waitSignal(runner.check_failed) as blocker:
        runner.run(" \n ")
    assert blocker.args == [CheckFailure(ErrorCode.EMPTY.value)]


def test_an_unexpected_fault_becomes_a_failure_and_is_logged(qtbot, monkeypatch, caplog):
    def broken(text, stop=None):
        raise RuntimeError("rule engine exploded")

    monkeypatch.setattr(runner_module.core, "check", broken)
    runner = CheckRunner(inline_limit=10)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(runner.check_failed) as blocker:
        runner.run(SCAM)
    assert blocker.args == [CheckFailure(INTERNAL)]
    assert "rule engine exploded" in caplog.text
