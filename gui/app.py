"""Start-up of the sagicheck window. (Placeholder until the full window lands.)"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    label = QLabel("sagicheck")
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
