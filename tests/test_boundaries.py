"""Who may import whom, and who decides: checked on the sources, not by convention.

- core/ never imports Qt or the window: it is pure Python, text in -> Verdict out.
- gui/ never decides a level: it reads no scores, builds no Verdict or Reason and reaches
  the core only through its public entry points.
- The window's storage modules stay pure Python so they can be tested and reused without Qt.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = sorted((ROOT / "core").rglob("*.py"))
GUI = sorted((ROOT / "gui").rglob("*.py"))
PURE_GUI = ("paths.py", "storage.py", "settings.py", "history.py", "spans.py")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the package the file is in
                parts = path.parent.relative_to(ROOT).parts
                base = ".".join(parts[: len(parts) - node.level + 1])
                found.add(f"{base}.{node.module}" if node.module else base)
            else:
                found.add(node.module or "")
    return found


def _top(name: str) -> str:
    return name.split(".")[0]


def test_sources_are_found():
    assert CORE and GUI


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_never_imports_qt_or_the_window(path):
    tops = {_top(name) for name in _imports(path)}
    assert not tops & {"PySide6", "PyQt5", "PyQt6", "shiboken6", "gui"}, path.name


@pytest.mark.parametrize("name", PURE_GUI)
def test_storage_modules_are_pure_python(name):
    tops = {_top(n) for n in _imports(ROOT / "gui" / name)}
    assert "PySide6" not in tops, name


@pytest.mark.parametrize("path", GUI, ids=lambda p: p.name)
def test_the_window_never_decides_a_level(path):
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    scores = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "score"]
    assert not scores, f"{path.name} reads scores (lines {scores}); only the core weighs them"
    built = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Call)
             and getattr(n.func, "id", getattr(n.func, "attr", "")) in {"Verdict", "Reason"}]
    assert not built, f"{path.name} builds a Verdict or Reason (lines {built})"
    core_modules = {n for n in _imports(path) if _top(n) == "core"}
    # core.bounded_json reads JSON with limits (the stores' files); it decides nothing
    assert core_modules <= {"core", "core.verdict", "core.guidance", "core.bounded_json"}, (path.name, core_modules)
