"""An environment in which an optional extra of pyproject.toml imports, for tests that need it.

This one when the extra is already there (by default: every package it names is installed, at
the version it pins if it pins one; a machine may well have scipy without scikit-learn);
otherwise the extra's pinned requirements installed with pip into a temporary folder put first
on PYTHONPATH (needs the network; the test skips, saying why, when pip cannot install them),
once a test run for every test that asks for it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The temporary folder each extra went into, so that it is installed once a test run.
_INSTALLED: dict[str, Path] = {}


def requirements(extra: str) -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"][extra]


def pinned_and_installed(extra: str) -> bool:
    """Every package of the extra is installed, and a pinned one at its pinned version."""
    for wanted in requirements(extra):
        name, pin = re.match(r"([A-Za-z0-9_.\-]+)\s*(?:==\s*([^\s,;]+))?", wanted).groups()
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            return False
        if pin is not None and version != pin:
            return False
    return True


def python_with_extra(extra: str, tmp_path_factory, present: Callable[[], bool] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    there = present() if present is not None else pinned_and_installed(extra)
    if there:  # perhaps through PYTHONPATH: keep what is there
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        return env
    target = _INSTALLED.get(extra)
    if target is None:
        target = tmp_path_factory.mktemp(f"{extra}-extra")
        install = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", str(target),
                                  *requirements(extra)],
                                 capture_output=True, text=True, timeout=900)
        if install.returncode != 0:
            pytest.skip(f"the {extra} extra could not be installed here ({install.stderr.strip()[-200:]})")
        _INSTALLED[extra] = target
    env["PYTHONPATH"] = os.pathsep.join([str(target), str(ROOT)])
    return env
