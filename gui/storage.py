"""Small JSON files that survive power cuts, damage, odd folders and a second window.

- Writes go to a temporary file in the same folder, are flushed to disk, then replace the old
  file in one step, so a crash leaves either the old file or the new one.
- Every change is made under a lock file next to the data (``.<name>.lock``), reading the file
  again first, so two windows on one folder add to each other's work instead of overwriting it.
  A lock held too long is a failed write, never a frozen window.
- A file that cannot be read (damaged, not JSON, nested too deep, far too large, a folder or a
  pipe where the file should be) is set aside as ``<name>.corrupt`` and the caller uses its
  defaults; what happened comes back as a :class:`FileProblem` for the window to tell the user.
  One that cannot even be set aside is left alone and never written over.
- Temporary files left by a killed write are removed at start-up (under the same lock).
- The log is opened without following a symbolic link planted where it should be.

No Qt here. Files and folders are opened, made and renamed only through ``_os_open``,
``_os_mkdir`` and ``_os_replace`` (tests use them to act out permissions when run as root).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

from core.bounded_json import JsonInputError, loads

MAX_FILE_BYTES = 4 * 1024 * 1024  # settings and history are a few kilobytes
MAX_DEPTH = 16
LOCK_WAIT_S = 1.0  # a write takes milliseconds; a lock held longer belongs to a stuck window
_LOCK_POLL_S = 0.02

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a pipe where the file should be must not hang the read
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)

_os_open = os.open
_os_mkdir = os.mkdir
_os_replace = os.replace


class ProblemKind(StrEnum):
    SET_ASIDE = "set_aside"  # could not be read; renamed to ``moved_to``; defaults used
    UNREADABLE = "unreadable"  # could not be read nor set aside; defaults used, file left alone
    NOT_SAVED = "not_saved"  # a change could not be written
    NO_FOLDER = "no_folder"  # the data folder cannot be made or written: nothing is kept


@dataclass(frozen=True, slots=True)
class FileProblem:
    kind: ProblemKind
    path: Path
    moved_to: Path | None = None
    detail: str = ""  # for the log: the system's words, or which limit was hit


def not_saved(path: Path, error: OSError) -> FileProblem:
    return FileProblem(ProblemKind.NOT_SAVED, path, None, error.strerror or str(error))


class StoreUnavailable(OSError):
    """The file could not be read earlier and was left alone: it is not written over."""


@dataclass(frozen=True, slots=True)
class ReadResult:
    data: dict[str, Any] | None  # None: no file, or none usable (use the defaults)
    problem: FileProblem | None = None


# ----- reading ---------------------------------------------------------------------------------


def read_json_object(path: Path) -> ReadResult:
    """The JSON object in ``path``; a file that cannot be used is set aside and reported."""
    try:
        raw = _read_limited(path)
    except FileNotFoundError:
        return ReadResult(None)
    except OSError as exc:
        return ReadResult(None, _set_aside_or_leave(path, exc.strerror or str(exc)))
    if raw is None:
        return ReadResult(None, _set_aside_or_leave(path, f"larger than {MAX_FILE_BYTES:,} bytes"))
    try:
        data = loads(raw.decode("utf-8"), max_depth=MAX_DEPTH)
    except UnicodeDecodeError:
        return ReadResult(None, _set_aside_or_leave(path, "not UTF-8"))
    except JsonInputError as exc:
        return ReadResult(None, _set_aside_or_leave(path, f"{exc.code}: {exc}"))
    if not isinstance(data, dict):
        return ReadResult(None, _set_aside_or_leave(path, "not a JSON object"))
    return ReadResult(data)


def _read_limited(path: Path) -> bytes | None:
    """The file's bytes, or None when it is larger than ``MAX_FILE_BYTES``; OSError when it is
    not a regular file (a folder, a pipe, a device) or cannot be opened."""
    fd = _os_open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(0, "a folder, not a file" if stat.S_ISDIR(mode) else "not a regular file")
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
        return None
    finally:
        os.close(fd)


def _set_aside_or_leave(path: Path, detail: str) -> FileProblem:
    try:
        return FileProblem(ProblemKind.SET_ASIDE, path, set_aside(path), detail)
    except OSError as exc:
        return FileProblem(ProblemKind.UNREADABLE, path, None, f"{detail}; not set aside: {exc.strerror or exc}")


def set_aside(path: Path) -> Path:
    """Rename a damaged file (or whatever is in its place) to ``<name>.corrupt``, keeping an
    earlier one, and return the new path."""
    target = path.with_name(path.name + ".corrupt")
    n = 1
    while os.path.lexists(target):
        target = path.with_name(f"{path.name}.corrupt{n}")
        n += 1
    _os_replace(path, target)
    return target


# ----- writing ---------------------------------------------------------------------------------


def write_json_atomic(path: Path, data: Any) -> None:
    """Replace ``path`` with ``data`` as JSON in one step (its folder is made if need be)."""
    make_folder(path.parent)
    write_bytes_atomic(path, encode_json(data))


def encode_json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (its folder must exist)."""
    tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
    fd = _os_open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _os_replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def write_output_file(path: Path, data: bytes) -> None:
    """Write a file the user named: a regular file is replaced in one step; a pipe or a device
    (``/dev/stdout``, a named pipe) is written straight into, as a shell redirect would."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    if stat.S_ISREG(mode):
        write_bytes_atomic(path, data)
        return
    with open(path, "wb") as out:
        out.write(data)


def make_folder(folder: Path) -> None:
    """Make ``folder`` and any missing parents (private to the user)."""
    if folder.is_dir():
        return
    if folder.parent != folder:
        make_folder(folder.parent)
    try:
        _os_mkdir(folder, 0o700)
    except FileExistsError:
        if not folder.is_dir():
            raise


def update_json_object(path: Path, change: Callable[[dict[str, Any] | None], Any]) -> FileProblem | None:
    """Under the file's lock: read it again, apply ``change`` to what is there, write the result.

    Returns a problem met while reading (the file had been damaged meanwhile and was set aside);
    raises OSError when the change could not be written or the lock not taken in time.
    """
    with file_lock(path):
        found = read_json_object(path)
        if found.problem is not None and found.problem.kind is ProblemKind.UNREADABLE:
            raise StoreUnavailable(0, f"{path} could not be read and is left alone")
        write_bytes_atomic(path, encode_json(change(found.data)))
        return found.problem


@contextlib.contextmanager
def file_lock(path: Path, wait_s: float = LOCK_WAIT_S) -> Iterator[None]:
    """Hold ``.<name>.lock`` beside ``path``; give up with TimeoutError after ``wait_s``."""
    lock = path.with_name(f".{path.name}.lock")
    fd = _os_open(lock, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC | _BINARY, 0o600)
    try:
        locked = _lock_within(fd, wait_s, lock)
        try:
            yield
        finally:
            if locked:
                _unlock(fd)
    finally:
        os.close(fd)


def _lock_within(fd: int, wait_s: float, lock: Path) -> bool:
    """Take the lock on ``fd``: True once held; False on a file system without locks (some
    network shares), where the write goes ahead unlocked as it always did; TimeoutError."""
    deadline = time.monotonic() + wait_s
    try:
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise TimeoutError(0, f"{lock} is held by another window")
            time.sleep(_LOCK_POLL_S)
    except TimeoutError:
        raise
    except OSError as exc:
        if exc.errno not in _LOCKS_UNSUPPORTED:
            raise
        return False
    return True


_LOCKS_UNSUPPORTED = frozenset(getattr(errno, name) for name in ("ENOLCK", "EOPNOTSUPP", "ENOTSUP", "EINVAL")
                               if hasattr(errno, name))


if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def remove_stale_temp_files(path: Path) -> int:
    """Remove ``.<name>.*.tmp`` left beside ``path`` by a write that was killed; how many.

    Done under the file's lock, so a write in progress in another window is never touched.
    """
    removed = 0
    with file_lock(path):
        for tmp in path.parent.glob(f".{path.name}.*.tmp"):
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
                removed += 1
    return removed


def folder_is_writable(folder: Path) -> str | None:
    """None when a file can be made in ``folder``; otherwise the system's reason."""
    probe = folder / f".write-test.{os.urandom(6).hex()}.tmp"
    try:
        os.close(_os_open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600))
        probe.unlink()
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


# ----- the log ---------------------------------------------------------------------------------


def open_log(path: Path) -> tuple[TextIO, FileProblem | None]:
    """The log opened for appending, never through a symbolic link; whatever is in the way (a
    link, a folder, a file where the ``logs`` folder should be) is set aside first and reported.

    Raises OSError when the log cannot be opened at all (e.g. a read-only folder).
    """
    problem = None
    folder = path.parent
    if os.path.lexists(folder) and (folder.is_symlink() or not folder.is_dir()):
        problem = FileProblem(ProblemKind.SET_ASIDE, folder, set_aside(folder), "not a folder")
    make_folder(folder)
    if os.path.lexists(path) and (path.is_symlink() or not path.is_file()):
        problem = FileProblem(ProblemKind.SET_ASIDE, path, set_aside(path), "not a regular file")
    _keep_log_small(path)
    fd = _os_open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _NONBLOCK | _CLOEXEC, 0o600)
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped in between: refuse rather than follow
        os.close(fd)
        raise OSError(0, f"{path} is not a regular file")
    return os.fdopen(fd, "a", encoding="utf-8"), problem


LOG_LIMIT = 512 * 1024  # a log past this size at start is moved to <name>.1 (the one before is dropped)


def _keep_log_small(path: Path) -> None:
    """At most two logs of about LOG_LIMIT each: the current one and the one before. A log
    that could not be moved aside is simply appended to (it is never worth stopping the app)."""
    try:
        if path.stat().st_size <= LOG_LIMIT:
            return
        os.replace(path, path.with_name(path.name + ".1"))
    except OSError:
        return


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
