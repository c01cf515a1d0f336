"""``python -m gui``: the window, or ``--sheet`` / ``--self-test``."""

import sys

from gui.app import main

if __name__ == "__main__":
    sys.exit(main())
