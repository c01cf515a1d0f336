"""An environment in which an optional extra of pyproject.toml imports, for tests that need it.

This one when the extra is already there; otherwise the extra's pinned requirements installed
with pip into a temporary folder put first on PYTHONPATH (needs the network; the test skips,
saying why, when pip cannot install them), once a test run for every test that asks for it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The temporary folder each extra went into, so that it is installed once a test run.
_INSTALLED: dict[str, Path] = {}


def python_with_extra(extra: str, present: Callable[[], bool], tmp_path_factory) -> dict[str, str]:
    env = dict(os.environ)
    if present():  # perhaps through PYTHONPATH: keep what is there
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        return env
    target = _INSTALLED.get(extra)
    if target is None:
        target = tmp_path_factory.mktemp(f"{extra}-extra")
        wanted = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"][extra]
        install = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", str(target), *wanted],
                                 capture_output=True, text=True, timeout=900)
        if install.returncode != 0:
            pytest.skip(f"the {extra} extra could not be installed here ({install.stderr.strip()[-200:]})")
        _INSTALLED[extra] = target
    env["PYTHONPATH"] = os.pathsep.join([str(target), str(ROOT)])
    return env
