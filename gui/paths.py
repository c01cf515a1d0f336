"""Where the window keeps its files: one folder, chosen once at start-up.

Order: the ``--data-dir`` option, then ``SAGICHECK_DATA_DIR``, then the platform's user data
folder. Nothing is created at import time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DATA_DIR_ENV = "SAGICHECK_DATA_DIR"


@dataclass(frozen=True, slots=True)
class AppPaths:
    data_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def history_file(self) -> Path:
        return self.data_dir / "history.json"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "logs" / "sagicheck.log"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Pick the data folder and make sure it exists."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        folder = Path(chosen).expanduser()
        folder.mkdir(parents=True, exist_ok=True)
    else:
        import platformdirs  # only when no folder was chosen

        folder = platformdirs.user_data_path("sagicheck", appauthor=False, ensure_exists=True)
    return AppPaths(data_dir=folder.resolve())
