"""No traceback ever reaches the user: an unexpected error is written to the log file and a
plain dialog says what happened and where the record is. Nothing is sent anywhere. When there is
no log file (the data folder cannot be written) the record goes to the standard error stream and
the dialog does not promise a file."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from .plain import plain_message_box
from .storage import open_log


class CrashReporter:
    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self._reporting = False
        self._written = False

    def install(self) -> None:
        sys.excepthook = self.report

    def report(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if self._reporting:  # an error while reporting: keep it short and quiet
            return
        self._reporting = True
        try:
            self._written = self._write(kind, error, tb)
            self._tell_user()
        except Exception:
            print(f"sagicheck: unexpected error; see {self.log_file}", file=sys.stderr)
        finally:
            self._reporting = False

    def message(self) -> str:
        if not self._written:
            return QCoreApplication.translate(
                "CrashReporter",
                "思わぬ問題が起きました。ご迷惑をおかけします。\n"
                "アプリをいったん閉じて、もう一度開いてください。",
            )
        return QCoreApplication.translate(
            "CrashReporter",
            "思わぬ問題が起きました。ご迷惑をおかけします。\n"
            "アプリをいったん閉じて、もう一度開いてください。\n\n"
            "問題の記録はこのファイルに保存しました(インターネットには送っていません):\n%1",
        ).replace("%1", str(self.log_file))

    def _write(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> bool:
        """Whether the record went to the log file (else to standard error)."""
        record = (f"\n=== {datetime.now().isoformat(timespec='seconds')} unexpected error\n"
                  + "".join(traceback.format_exception(kind, error, tb)))
        if self.log_file is not None:
            try:
                log, _ = open_log(self.log_file)
                with log:
                    log.write(record)
                return True
            except OSError:
                pass
        print(record, file=sys.stderr)
        return False

    def _tell_user(self) -> None:
        app = QApplication.instance()
        if app is not None and QThread.currentThread() is not app.thread():
            # An error printed on a worker thread (e.g. by a C extension failing to load while a
            # picture is read): a dialog may only be made on the GUI thread, so the log must do.
            return
        app = app or QApplication([sys.argv[0] if sys.argv else "sagicheck"])
        title = QCoreApplication.translate("CrashReporter", "問題が起きました")
        box = plain_message_box(app.activeWindow(), "crashDialog", title, self.message())
        box.setIcon(QMessageBox.Icon.Critical)
        box.exec()
