"""Per-OS metadata of the sagicheck bundle, generated from ``pyproject.toml``.

- Windows: the version resource (Properties > Details) built from the package version.
- macOS: bundle identifier and Info.plist entries.
- Linux: the ``.desktop`` entry (``packaging/sagicheck.desktop`` is the template).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "sagicheck"
DISPLAY_NAME_JA = "詐欺チェック"
BUNDLE_ID = "jp.sagicheck.app"
COPYRIGHT = "sagicheck contributors, MIT licence"


def project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]


def version() -> str:
    return project()["version"]


def version_tuple(text: str) -> tuple[int, int, int, int]:
    """``"0.1.0"`` -> ``(0, 1, 0, 0)``; pre-release tails (``"1.2.0rc1"``) are dropped."""
    release = re.match(r"\d+(?:\.\d+)*", text)
    if release is None:
        raise ValueError(f"no version number in {text!r}")
    numbers = [int(n) for n in release.group().split(".")[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def windows_version_file(text: str) -> str:
    """The version resource of ``sagicheck.exe``, in PyInstaller's version-file format.

    PyInstaller reads this on Windows (``EXE(version=path)``); it is written as text so that it
    can be generated and checked on any OS.
    """
    numbers = version_tuple(text)
    strings = {
        "CompanyName": "sagicheck",
        "FileDescription": project()["description"],
        "FileVersion": text,
        "InternalName": APP_NAME,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": text,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # 0x0411 = Japanese, 0x04B0 (1200) = Unicode; the strings are the same for every language.
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers!r}, prodvers={numbers!r}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('041104B0', [
          {table}])]),
    VarFileInfo([VarStruct('Translation', [0x0411, 1200])])
  ]
)
"""


def dist_metadata(text: str) -> str:
    """A minimal core-metadata file (``METADATA``) for the bundle's ``.dist-info`` folder."""
    summary = project()["description"]
    return f"Metadata-Version: 2.1\nName: {APP_NAME}\nVersion: {text}\nSummary: {summary}\n"


def macos_info_plist(text: str) -> dict:
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": text,
        "CFBundleVersion": text,
        "CFBundleDevelopmentRegion": "ja",
        "CFBundleLocalizations": ["ja", "en"],
        "LSApplicationCategoryType": "public.app-category.utilities",
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": COPYRIGHT,
    }
