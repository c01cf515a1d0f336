"""Keep the window's translations in step with the code.

    python tools/translations.py           # collect strings into the .ts files, then build the .qm
    python tools/translations.py --check   # exit 1 if a .ts or .qm is out of date (a test runs this)

Source strings are Japanese. ``sagicheck_ja.ts`` repeats each source as its translation (so a
wording can be adjusted without touching code); ``sagicheck_en.ts`` holds the English, edited
with Qt Linguist. The compiled ``.qm`` files are committed so installing needs no Qt tools.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "gui"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("ja", "en")
_UNFINISHED = re.compile(
    r"(<source>(?P<source>[^<]*)</source>\s*)<translation type=\"unfinished\">\s*</translation>"
)


def tool(name: str) -> str:
    """Path of a Qt tool shipped with PySide6 (``lupdate``, ``lrelease``)."""
    exe = Path(PySide6.__file__).parent / (name + (".exe" if os.name == "nt" else ""))
    found = str(exe) if exe.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"{name} not found: install PySide6")
    return found


def ts_file(lang: str, folder: Path = FOLDER) -> Path:
    return folder / f"sagicheck_{lang}.ts"


def qm_file(lang: str, folder: Path = FOLDER) -> Path:
    return folder / f"sagicheck_{lang}.qm"


def update(folder: Path) -> None:
    """Collect the strings of every module under gui/ into the .ts files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    targets = [str(ts_file(lang, folder)) for lang in LANGUAGES]
    _run([tool("lupdate"), *sources, "-source-language", "ja", "-locations", "none", "-no-obsolete",
          "-silent", "-ts", *targets])
    ja = ts_file("ja", folder)
    ja.write_text(_UNFINISHED.sub(r"\1<translation>\g<source></translation>", ja.read_text("utf-8")), "utf-8")


def release(folder: Path) -> None:
    for lang in LANGUAGES:
        _run([tool("lrelease"), "-silent", str(ts_file(lang, folder)), "-qm", str(qm_file(lang, folder))])


def unfinished(ts: Path) -> list[str]:
    """Source strings in ``ts`` that have no finished translation."""
    return [m.group("source") for m in _UNFINISHED.finditer(ts.read_text("utf-8"))]


def problems() -> list[str]:
    """What is out of date, in words; empty when the committed files match the code."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for lang in LANGUAGES:
            shutil.copy(ts_file(lang), ts_file(lang, scratch))
        update(scratch)
        release(scratch)
        for lang in LANGUAGES:
            if ts_file(lang, scratch).read_bytes() != ts_file(lang).read_bytes():
                found.append(f"{ts_file(lang).name} does not match the strings in gui/")
            if not qm_file(lang).exists() or qm_file(lang, scratch).read_bytes() != qm_file(lang).read_bytes():
                found.append(f"{qm_file(lang).name} is not built from {ts_file(lang).name}")
            found += [f"{ts_file(lang).name}: no translation for {s!r}" for s in unfinished(ts_file(lang))]
    return found


def _run(command: list[str]) -> None:
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only report what is out of date")
    if parser.parse_args().check:
        found = problems()
        print("\n".join(found) or "translations are up to date")
        return 1 if found else 0
    update(FOLDER)
    release(FOLDER)
    left = [s for lang in LANGUAGES for s in unfinished(ts_file(lang))]
    print(f"updated; {len(left)} string(s) still need a translation (open the .ts in Qt Linguist)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
