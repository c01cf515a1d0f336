"""Work-arounds for faults in the libraries underneath, each called once at start-up."""

from __future__ import annotations

import ctypes
import sys

_MARGIN = 1 << 40


def keep_singletons_alive() -> None:
    """Stop a reference-count fault in PySide6 from aborting the app on Python 3.11.

    PySide6 6.12 returns ``None``, ``True`` and ``False`` without taking a reference on many
    calls (``QLabel.setText`` and ``Signal.emit`` are two) as if they were immortal, which they
    are only from Python 3.12 on. On 3.11 their counts fall with every such call and after a
    few thousand Python aborts with "deallocating None" / "deallocating True or False".
    Give the three more references than any session can drop. Safe to call more than once.
    """
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):  # immortal, or a debug build
        return
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _MARGIN:
            count.value += _MARGIN
