"""Where the window keeps its files: one folder, chosen once at start-up.

Order: the ``--data-dir`` option, then ``SAGICHECK_DATA_DIR``, then the platform's user data
folder. Nothing is created at import time. A folder that cannot be made or written is never
swapped for another one (a shared temporary folder can be prepared by someone else): the window
then keeps its settings and history in memory and says so.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from .storage import FileProblem, ProblemKind, folder_is_writable, make_folder, remove_stale_temp_files

DATA_DIR_ENV = "SAGICHECK_DATA_DIR"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AppPaths:
    data_dir: Path
    on_disk: bool = True  # False: the folder cannot be used; settings and history stay in memory

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def history_file(self) -> Path:
        return self.data_dir / "history.json"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "logs" / "sagicheck.log"


def chosen_data_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The data folder asked for (nothing is created)."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().absolute()
    import platformdirs  # only when no folder was chosen

    return platformdirs.user_data_path("sagicheck", appauthor=False, ensure_exists=False)


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Pick the data folder and make sure it exists (OSError when it cannot be made)."""
    folder = chosen_data_dir(data_dir)
    make_folder(folder)
    return AppPaths(data_dir=folder.resolve())


def open_data_folder(data_dir: str | os.PathLike[str] | None = None) -> tuple[AppPaths, list[FileProblem]]:
    """The data folder made ready: made if need be, checked writable, temporary files left by
    a killed write removed. A folder that cannot be used gives in-memory paths and a problem."""
    folder = chosen_data_dir(data_dir)
    try:
        paths = resolve_paths(folder)
    except OSError as exc:
        return AppPaths(folder, on_disk=False), [FileProblem(ProblemKind.NO_FOLDER, folder, None,
                                                             exc.strerror or str(exc))]
    refused = folder_is_writable(paths.data_dir)
    if refused is not None:
        return AppPaths(paths.data_dir, on_disk=False), [FileProblem(ProblemKind.NO_FOLDER, paths.data_dir,
                                                                     None, refused)]
    for kept in (paths.settings_file, paths.history_file):
        try:
            if removed := remove_stale_temp_files(kept):
                log.info("removed %d temporary files left beside %s", removed, kept.name)
        except OSError as exc:  # another window holds the lock: it cleans up after itself
            log.info("temporary files beside %s left for now: %s", kept.name, exc)
    return paths, []
