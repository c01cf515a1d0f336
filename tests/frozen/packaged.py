"""The packaged app for the frozen tests: built by packaging/build.py into a temporary folder,
and the built program run as a user's machine would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXE = "sagicheck.exe" if sys.platform == "win32" else "sagicheck"


def build_app(base: Path, *options: str, env: dict[str, str], timeout: int) -> tuple[subprocess.CompletedProcess, Path, Path]:
    """``packaging/build.py *options`` into ``base``: the build's process, its dist folder and
    PyInstaller's work folder for the app."""
    dist, work = base / "dist", base / "work"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), *options, "--dist", str(dist), "--work", str(work)],
        capture_output=True, text=True, timeout=timeout, env=env,
    )
    return proc, dist, work / "pyinstaller" / "sagicheck"


def run_app(dist: Path, *args: str, cwd: Path, timeout: int = 120, **env: str) -> subprocess.CompletedProcess:
    """The built program with ``args``, offscreen, in ``cwd``, with ``env`` added to the environment."""
    return subprocess.run([str(dist / "sagicheck" / EXE), *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **env))
