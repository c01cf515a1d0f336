"""Entry point of the packaged app (PyInstaller runs this file as ``__main__``).

Everything goes to ``gui.app.main``, the same start-up as the installed ``sagicheck`` command,
except ``--self-test``: that goes straight to the self-test, before the window's modules are
imported, so that importing them is part of (and timed in) its window stage, and an import that
fails in a broken bundle is reported in one line like any other failure.
"""

import sys


def _run() -> int:
    if "--self-test" in sys.argv[1:]:
        from gui.selftest import run_self_test

        return run_self_test(sys.argv[1:])
    from gui.app import main

    return main()


if __name__ == "__main__":
    sys.exit(_run())
