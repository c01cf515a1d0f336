"""Entry point of the packaged app (PyInstaller runs this file as ``__main__``).

``--self-test`` goes straight to the self-test, so the build can be smoke-tested whatever the
window's own argument handling looks like; everything else is the window's ``main``.
"""

import sys


def _run() -> int:
    argv = sys.argv[1:]
    if "--self-test" in argv:
        from gui.selftest import run_self_test

        return run_self_test([a for a in argv if a != "--self-test"])
    from gui.app import main

    return main()


if __name__ == "__main__":
    sys.exit(_run())
