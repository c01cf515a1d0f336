"""A prebuilt copy of what the core reads from ``resources/``, so a packaged app starts quickly.

Reading the rules, lists, brands, guidance and core messages means parsing TOML and checking
every rule pattern: most of the core's start-up. ``python -m core snapshot OUT`` (run by the
build) stores what the loaders build, pickled, with a fingerprint of what it was built from:

- every file in the resource folders the core reads, by name and content (SHA-256), so an edited,
  added or removed file is noticed;
- the core's own source files when they are there (running from a checkout), so a snapshot made
  before a change to the code is not used after it; a packaged app has no sources, and its
  snapshot and code come from the same build;
- the Python it was made with.

The loaders take their result from the snapshot in ``resources/core.snapshot`` only when it is
current (see :class:`Status`); otherwise they read the files as they always do, and a broken
file is reported the usual way. The resource files stay the one source of truth; the snapshot
is a build artefact, never edited and never committed.
"""

from __future__ import annotations

import io
import os
import sys
import threading
from collections.abc import Callable
from enum import StrEnum
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

FILE_NAME = "core.snapshot"
# The resource folders the core reads (see the loaders).
FOLDERS = ("brands", "guidance", "links", "messages", "model", "numbers", "rules")
# Bumped when the layout below changes.
_MAGIC = b"sagicheck core snapshot 2\n"
_DIGEST = 32
_NO_CODE = bytes(_DIGEST)
_HEADER = len(_MAGIC) + 3 * _DIGEST  # magic, resources digest, code digest, payload digest
_LOCK = threading.Lock()

T = TypeVar("T")


class Status(StrEnum):
    CURRENT = "current"  # made from the files as they are now: used
    ABSENT = "absent"
    STALE = "stale"  # made from other resource files, other core code or another Python
    CORRUPT = "corrupt"  # not a snapshot, truncated or damaged


def resources_digest(root: Traversable | None = None) -> bytes:
    """SHA-256 over the name and content of every file in the core's resource folders."""
    root = root or resources.files("resources")
    digest = _sha256(sys.implementation.cache_tag.encode())
    for folder in FOLDERS:
        try:
            entries = sorted((e for e in (root / folder).iterdir() if e.is_file()),
                             key=lambda e: e.name)
        except FileNotFoundError:
            entries = []
        for entry in entries:
            data = entry.read_bytes()
            digest.update(f"\0{folder}/{entry.name}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.digest()


def code_digest(folder: Path | None = None) -> bytes | None:
    """SHA-256 over the core's source files, or None where there are none (a packaged app)."""
    folder = folder or Path(__file__).resolve().parent
    try:
        sources = sorted(folder.glob("*.py"))
        if not sources:
            return None
        digest = _sha256()
        for source in sources:
            data = source.read_bytes()
            digest.update(f"\0{source.name}\0{len(data)}\0".encode())
            digest.update(data)
    except OSError:
        return None
    return digest.digest()


def contents() -> dict[str, Any]:
    """What each loader builds, read from the resource files (never from a snapshot)."""
    from .brands import read_brands
    from .guidance import read_guidance
    from .judgement import read_shipped_judgement
    from .links import read_link_lists
    from .messages import read_messages
    from .model import read_shipped_model
    from .numbers import read_number_lists
    from .rules import load_rules

    return {
        "messages": read_messages(),
        "brands": read_brands(),
        "number_lists": read_number_lists(),
        "link_lists": read_link_lists(),
        "rules": load_rules(),
        "guidance": read_guidance(),
        "wording_model": read_shipped_model(),
        "judgement": read_shipped_judgement(),
    }


def write(out: Path) -> Path:
    """Read every resource file now and store the result in ``out`` (replaced in one step).

    A broken resource file raises the loader's error and nothing is written.
    """
    import pickle
    import tempfile

    before = resources_digest()
    payload = pickle.dumps(contents(), protocol=pickle.HIGHEST_PROTOCOL)
    if resources_digest() != before:
        raise RuntimeError("the resource files changed while the snapshot was made")
    data = b"".join([_MAGIC, before, code_digest() or _NO_CODE,
                     _sha256(payload).digest(), payload])
    out = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        os.chmod(tmp, 0o644)  # like any other file of the app, not private to whoever built it
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def read(path: Traversable | Path, root: Traversable | None = None,
         code: Path | None = None) -> tuple[Status, dict[str, Any] | None]:
    """The snapshot at ``path`` and whether it is current for the resources in ``root`` and the
    core's sources in ``code`` (defaults: the shipped ones); the contents only when it is."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Status.ABSENT, None
    except OSError:
        return Status.CORRUPT, None
    if len(data) < _HEADER or not data.startswith(_MAGIC):
        return Status.CORRUPT, None
    at = len(_MAGIC)
    made_from, made_by, payload_digest = (data[at + i * _DIGEST: at + (i + 1) * _DIGEST]
                                          for i in range(3))
    payload = data[_HEADER:]
    if _sha256(payload).digest() != payload_digest:
        return Status.CORRUPT, None
    if made_from != resources_digest(root):
        return Status.STALE, None
    running = code_digest(code)
    if running is not None and running != made_by:
        return Status.STALE, None
    try:
        found = _unpickle(payload)
    except Exception:  # noqa: BLE001 - whatever is wrong with it, the files are read instead
        return Status.CORRUPT, None
    if not isinstance(found, dict):
        return Status.CORRUPT, None
    return Status.CURRENT, found


def shipped() -> tuple[Status, dict[str, Any] | None]:
    """The snapshot shipped in ``resources/``, checked once (the window and the background
    loading may both ask first)."""
    with _LOCK:
        return _shipped()


@cache
def _shipped() -> tuple[Status, dict[str, Any] | None]:
    return read(resources.files("resources") / FILE_NAME)


def status() -> Status:
    """Whether the loaders take their results from the shipped snapshot (``CURRENT``) or why not."""
    return shipped()[0]


def kept(key: str, read_files: Callable[[], T]) -> T:
    """What the current shipped snapshot holds under ``key``, else ``read_files()``."""
    found = shipped()[1]
    if found is not None and key in found:
        return found[key]
    return read_files()


# hashlib and pickle are imported only where there is a snapshot to read or make: an installed
# copy without one does not pay for them.


def _sha256(data: bytes = b""):
    import hashlib

    return hashlib.sha256(data)


# The modules whose data classes a snapshot holds (what :func:`contents` returns is built of them
# and of plain types). Anything else named in a snapshot makes it corrupt.
_DATA_MODULES = frozenset({"core.brands", "core.guidance", "core.judgement", "core.links", "core.model",
                           "core.numbers", "core.rules", "core.verdict"})


def data_class(module: str, name: str) -> type:
    """The class a snapshot may name: a dataclass or an enum defined in one of the core's data
    modules, named directly (``"os.system"`` reached through a module's attributes is refused).

    Raises ``pickle.UnpicklingError`` for anything else.
    """
    import dataclasses
    import enum
    import importlib
    import pickle

    if module not in _DATA_MODULES or not name.isidentifier():
        raise pickle.UnpicklingError(f"{module}.{name} is not core data")
    found = getattr(importlib.import_module(module), name, None)
    if not (isinstance(found, type) and found.__module__ == module
            and (dataclasses.is_dataclass(found) or issubclass(found, enum.Enum))):
        raise pickle.UnpicklingError(f"{module}.{name} is not core data")
    return found


def _unpickle(payload: bytes) -> object:
    """The pickled data, rebuilding only the core's own data classes (and the plain types they
    hold): no function, no class from elsewhere, nothing reached through a dotted name."""
    import pickle

    class CoreUnpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            return data_class(module, name)

    return CoreUnpickler(io.BytesIO(payload)).load()
