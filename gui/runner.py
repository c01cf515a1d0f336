"""The window's one door to the core: run ``core.check`` and report what it said.

Short messages are checked at once; long ones on a worker thread so the window keeps
responding. Only the latest request is answered: a result for text the user has since
changed is dropped. The runner passes the core's Verdict on untouched; it decides nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

import core
from core.verdict import CheckError, Verdict

from .wording import INTERNAL

INLINE_LIMIT = 20_000  # characters; longer text is checked off the GUI thread

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CheckFailure:
    """Why there is no verdict: an ``ErrorCode`` value from the core, or ``INTERNAL``."""

    code: str


def attempt(text: str, stop: Callable[[], bool] | None = None) -> Verdict | CheckFailure:
    """Run the check; a failure comes back as a value, never as an exception.

    ``stop`` is asked between the check's passes: a check whose answer nobody wants any more
    ends early instead of holding up the next one.
    """
    try:
        return core.check(text) if stop is None else core.check(text, stop=stop)
    except CheckError as error:
        return CheckFailure(error.code.value)
    except Exception:
        log.exception("the check failed unexpectedly")
        return CheckFailure(INTERNAL)


class _JobSignals(QObject):
    finished = Signal(int, object)


class _CheckJob(QRunnable):
    def __init__(self, ticket: int, text: str, signals: _JobSignals, current: Callable[[], int]) -> None:
        super().__init__()
        self._ticket, self._text, self._signals, self._current = ticket, text, signals, current

    def run(self) -> None:
        outcome = attempt(self._text, stop=self._replaced)
        self._signals.finished.emit(self._ticket, outcome)

    def _replaced(self) -> bool:
        return self._current() != self._ticket


class _WarmUpJob(QRunnable):
    def run(self) -> None:
        try:
            core.load()
        except Exception:  # the first check will report it properly
            log.exception("loading the rules failed")


class CheckRunner(QObject):
    check_started = Signal()  # a long text went to the background: its answer comes later
    verdict_ready = Signal(object)  # Verdict
    check_failed = Signal(object)  # CheckFailure

    def __init__(self, parent: QObject | None = None, inline_limit: int = INLINE_LIMIT) -> None:
        super().__init__(parent)
        self._inline_limit = inline_limit
        self._ticket = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _JobSignals(self)
        self._signals.finished.connect(self._deliver)

    def warm_up(self) -> None:
        """Read and compile the rules in the background so the first check is quick."""
        self._pool.start(_WarmUpJob())

    def run(self, text: str) -> None:
        self._ticket += 1
        self._pool.clear()
        if len(text) <= self._inline_limit:
            self._deliver(self._ticket, attempt(text))  # answered at once: nothing to wait for
        else:
            self.check_started.emit()
            self._pool.start(_CheckJob(self._ticket, text, self._signals, self._current_ticket))

    def cancel(self) -> None:
        """Forget any check under way: its result will not be reported."""
        self._ticket += 1
        self._pool.clear()

    def _current_ticket(self) -> int:
        return self._ticket  # read from the worker thread: an int, replaced whole

    def wait_done(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _deliver(self, ticket: int, outcome: Verdict | CheckFailure) -> None:
        if ticket != self._ticket:
            return
        if isinstance(outcome, CheckFailure):
            self.check_failed.emit(outcome)
        else:
            self.verdict_ready.emit(outcome)
