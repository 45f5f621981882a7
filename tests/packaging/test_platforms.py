"""The Windows and macOS packaging, checked on Linux: no test here builds or runs a bundle.

* packaging/policy.py evaluated for "win32" and "darwin": which files of the PySide6 wheels (by
  their real paths on that system) are kept, the executables' run-time options, the Info.plist.
* packaging/volunteer-check.spec executed with stand-ins for PyInstaller's Analysis, EXE,
  COLLECT and BUNDLE as if on Windows and on macOS: what it would hand to PyInstaller.
* packaging/build.py's system branches driven with a fake build tree: what it keeps, checks and
  archives (the DMG step with a stand-in for hdiutil).

What only a real Windows or macOS machine can show (the bundle starts, paints, writes a PDF) is
the smoke test tests/packaging/test_frozen.py, run there by .github/workflows/release.yml.
"""

import hashlib
import os
import plistlib
import struct
import subprocess
import sys
import tarfile
import types
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.packaging.build_module import load_build

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


build = load_build()
trimming = sys.modules["trimming"]
policy = trimming.policy
ABOUT = trimming.read_about(ROOT / "app" / "about.py")
APP = f"{ABOUT['APP_NAME']}.app"

# ---------------------------------------------------------------------------- Mach-O files

LC_BUILD_VERSION, LC_VERSION_MIN_MACOSX = 0x32, 0x24


def _encode(version: tuple[int, int, int]) -> int:
    return version[0] << 16 | version[1] << 8 | version[2]


def _thin(minos: tuple[int, int, int], old_style: bool = False) -> bytes:
    """A 64-bit Mach-O header with one load command naming the minimum macOS."""
    if old_style:
        command = struct.pack("<IIII", LC_VERSION_MIN_MACOSX, 16, _encode(minos), 0)
    else:  # cmd, cmdsize, platform (1 = macOS), minos, sdk, ntools
        command = struct.pack("<IIIIII", LC_BUILD_VERSION, 24, 1, _encode(minos),
                              _encode((15, 0, 0)), 0)
    uuid = struct.pack("<II", 0x1B, 24) + bytes(16)  # LC_UUID first, as real files have
    commands = uuid + command
    header = struct.pack("<IiiIIIII", 0xFEEDFACF, 0x0100000C, 0, 6, 2, len(commands), 0, 0)
    return header + commands


def macho(minos: tuple[int, int, int] = (13, 0, 0), fat: bool = True,
          other: tuple[int, int, int] | None = None, old_style: bool = False) -> bytes:
    """A Mach-O file: universal (x86_64 + arm64 slices, the second with `other`) or thin."""
    if not fat:
        return _thin(minos, old_style)
    first, second = _thin(minos, old_style), _thin(other or minos, old_style)
    head = struct.pack(">II", 0xCAFEBABE, 2)
    head += struct.pack(">IIIII", 0x01000007, 3, 4096, len(first), 12)
    head += struct.pack(">IIIII", 0x0100000C, 0, 8192, len(second), 14)
    return head.ljust(4096, b"\0") + first.ljust(4096, b"\0") + second


def test_minimum_macos_is_read_from_the_mach_o_header(tmp_path: Path) -> None:
    cases = {
        "universal": (macho((13, 0, 0)), (13, 0, 0)),
        "slices differ: the newer counts": (macho((11, 0, 0), other=(12, 3, 0)), (12, 3, 0)),
        "thin": (macho((14, 2, 1), fat=False), (14, 2, 1)),
        "LC_VERSION_MIN_MACOSX": (macho((10, 13, 0), old_style=True), (10, 13, 0)),
        "ELF": (b"\x7fELF" + bytes(60), None),
        "short": (b"\xca\xfe", None),
    }
    for name, (data, expected) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert trimming.macho_minimum_macos(path) == expected, name
    assert policy.macos_version((13, 0, 0)) == "13.0"
    assert policy.macos_version((10, 15, 4)) == "10.15.4"
    assert policy.macos_version((14,)) == "14.0"


# ---------------------------------------------------------------------------- the trim policy

# Paths as PyInstaller 6 collects them from PySide6-Essentials 6.11 (read from the wheels).
WINDOWS = [
    ("PySide6/Qt6Core.dll", "BINARY"), ("PySide6/Qt6Gui.dll", "BINARY"),
    ("PySide6/Qt6Widgets.dll", "BINARY"), ("PySide6/Qt6Network.dll", "BINARY"),
    ("PySide6/Qt6Svg.dll", "BINARY"), ("PySide6/Qt6OpenGL.dll", "BINARY"),
    ("PySide6/opengl32sw.dll", "BINARY"), ("PySide6/msvcp140.dll", "BINARY"),
    ("PySide6/pyside6.abi3.dll", "BINARY"), ("python311.dll", "BINARY"),
    ("PySide6/QtCore.pyd", "EXTENSION"),
    ("PySide6/plugins/platforms/qwindows.dll", "BINARY"),
    ("PySide6/plugins/platforms/qoffscreen.dll", "BINARY"),
    ("PySide6/plugins/platforms/qminimal.dll", "BINARY"),
    ("PySide6/plugins/platforms/qdirect2d.dll", "BINARY"),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", "BINARY"),
    ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", "BINARY"),
    ("PySide6/plugins/imageformats/qjpeg.dll", "BINARY"),
    ("PySide6/plugins/iconengines/qsvgicon.dll", "BINARY"),
    ("PySide6/plugins/tls/qschannelbackend.dll", "BINARY"),
    ("PySide6/plugins/networkinformation/qnetworklistmanager.dll", "BINARY"),
    ("PySide6/plugins/generic/qtuiotouchplugin.dll", "BINARY"),
    ("PySide6/translations/qtbase_fr.qm", "DATA"),
    ("PySide6/translations/qt_de.qm", "DATA"),
    ("resources/fonts/NotoSans-Regular.ttf", "DATA"),
    ("resources/icons/volunteer-check.ico", "DATA"),
]
WINDOWS_KEPT = {
    "PySide6/Qt6Core.dll", "PySide6/Qt6Gui.dll", "PySide6/Qt6Widgets.dll", "python311.dll",
    "PySide6/msvcp140.dll", "PySide6/pyside6.abi3.dll", "PySide6/QtCore.pyd",
    "PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/platforms/qoffscreen.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll", "resources/fonts/NotoSans-Regular.ttf",
}


def _framework(name: str, kind: str = "BINARY") -> list[tuple[str, str]]:
    """A Qt framework as PyInstaller collects it on macOS: the binary, its Info.plist, and the
    symbolic links osx.collect_files_from_framework_bundles adds (Current, top-level name,
    Resources)."""
    top = f"PySide6/Qt/lib/{name}.framework"
    return [(f"{top}/Versions/A/{name}", kind),
            (f"{top}/Versions/A/Resources/Info.plist", "DATA"),
            (f"{top}/Versions/Current", "SYMLINK:A"),
            (f"{top}/{name}", f"SYMLINK:Versions/Current/{name}"),
            (f"{top}/Resources", "SYMLINK:Versions/Current/Resources")]


MACOS = [
    *_framework("QtCore"), *_framework("QtGui"), *_framework("QtWidgets"),
    *_framework("QtDBus"), *_framework("QtNetwork"), *_framework("QtSvg"),
    *_framework("QtOpenGL"),
    ("Python", "BINARY"), ("PySide6/QtCore.abi3.so", "EXTENSION"),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.dylib", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqminimal.dylib", "BINARY"),
    ("PySide6/Qt/plugins/styles/libqmacstyle.dylib", "BINARY"),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.dylib", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/libqmacheif.dylib", "BINARY"),
    ("PySide6/Qt/plugins/tls/libqsecuretransportbackend.dylib", "BINARY"),
    ("PySide6/Qt/translations/qtbase_fr.qm", "DATA"),
    ("resources/icons/volunteer-check.icns", "DATA"),
    ("resources/icons/volunteer-check-256.png", "DATA"),
]
MACOS_KEPT = {
    *(dest for name in ("QtCore", "QtGui", "QtWidgets", "QtDBus")
      for dest, _ in _framework(name)),
    "Python", "PySide6/QtCore.abi3.so", "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
    "PySide6/Qt/plugins/platforms/libqoffscreen.dylib",
    "PySide6/Qt/plugins/styles/libqmacstyle.dylib", "resources/icons/volunteer-check-256.png",
}

LINUX = [
    ("PySide6/Qt/lib/libQt6Core.so.6", "BINARY"), ("PySide6/Qt/lib/libQt6Network.so.6", "BINARY"),
    ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqwayland-egl.so", "BINARY"),
    ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
     "BINARY"),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "BINARY"),
    ("PySide6/Qt/translations/qtbase_fr.qm", "DATA"),
]
LINUX_KEPT = {
    "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
}


def _toc(entries: list[tuple[str, str]], folder: Path | None = None,
         ) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(binaries, datas) TOCs; "SYMLINK:target" kinds become SYMLINK entries."""
    binaries, datas = [], []
    for dest, kind in entries:
        if kind.startswith("SYMLINK:"):
            datas.append((dest, kind.split(":", 1)[1], "SYMLINK"))
            continue
        src = str(folder / dest) if folder else f"/wheel/{dest}"
        (binaries if kind in ("BINARY", "EXTENSION") else datas).append((dest, src, kind))
    return binaries, datas


@pytest.mark.parametrize(("system", "entries", "kept"), [
    ("win32", WINDOWS, WINDOWS_KEPT), ("darwin", MACOS, MACOS_KEPT), ("linux", LINUX, LINUX_KEPT),
])
def test_trim_policy_on_each_system(system: str, entries: list[tuple[str, str]],
                                    kept: set[str]) -> None:
    binaries, datas = _toc(entries)
    kept_bins, kept_datas = trimming.filter_entries(binaries, datas, system, languages=set())
    assert {e[0] for e in kept_bins + kept_datas} == kept
    # A language the app ships keeps Qt's catalogue for it (Windows keeps them elsewhere).
    _, with_fr = trimming.filter_entries(binaries, datas, system, languages={"fr"})
    assert any(e[0].endswith("qtbase_fr.qm") for e in with_fr)


def test_windows_paths_with_backslashes() -> None:
    """PyInstaller names files with the system's separator; the policy reads both."""
    assert not policy.keep_binary("PySide6\\plugins\\platforms\\qdirect2d.dll", "win32")
    assert policy.keep_binary("PySide6\\plugins\\platforms\\qwindows.dll", "win32")
    assert not policy.keep_binary("PySide6\\Qt6Network.dll", "win32")
    assert not policy.keep_binary("PySide6\\OPENGL32SW.DLL", "win32")


def test_qt_library_names_follow_each_system() -> None:
    assert "Qt6Network" in policy.qt_library_names("linux")
    assert "Qt6Network" in policy.qt_library_names("win32")
    assert "QtNetwork" in policy.qt_library_names("darwin")
    assert policy.is_dropped_qt_library("PySide6/Qt/lib/libQt6Network.so.6", "linux")
    assert policy.is_dropped_qt_library("PySide6/Qt6Network.dll", "win32")
    assert policy.is_dropped_qt_library(
        "Contents/Frameworks/PySide6/Qt/lib/QtNetwork.framework/Resources/Info.plist", "darwin")
    assert not policy.is_dropped_qt_library("PySide6/Qt/lib/QtNetwork.framework/x", "linux")
    assert not policy.is_dropped_qt_library("PySide6/Qt/lib/QtCore.framework/QtCore", "darwin")
    # opengl32sw.dll is a Windows decision only
    assert policy.is_dropped_library("PySide6/opengl32sw.dll", "win32")
    assert not policy.is_dropped_library("PySide6/opengl32sw.dll", "linux")


def test_executable_options_on_each_system() -> None:
    for system in policy.SYSTEMS:
        assert ("X utf8", None, "OPTION") in policy.runtime_options(system)
    gui, cli = policy.executables(ABOUT)
    assert (gui.name, gui.console) == ("volunteer-check-gui", False)
    assert (cli.name, cli.console) == ("volunteer-check", True)
    assert [policy.strip(s) for s in ("linux", "win32", "darwin")] == [True, False, True]
    assert policy.icon_file("win32") == "volunteer-check.ico"
    assert policy.icon_file("darwin") == "volunteer-check.icns"
    assert policy.icon_file("linux") is None
    for system in ("win32", "darwin"):
        assert (ROOT / "resources" / "icons" / str(policy.icon_file(system))).is_file()


def test_info_plist_keeps_the_app_in_the_foreground() -> None:
    info = policy.info_plist(ABOUT, "13.0")
    assert info["LSBackgroundOnly"] is False
    assert info["CFBundleExecutable"] == "volunteer-check-gui"
    assert info["LSMinimumSystemVersion"] == "13.0"
    assert info["NSHighResolutionCapable"] is True
    assert info["CFBundleShortVersionString"] == ABOUT["VERSION"]
    assert info["CFBundleName"] == ABOUT["APP_NAME"]


def test_archive_names_on_each_system() -> None:
    version = ABOUT["VERSION"]
    cases = [
        ("linux", "x86_64", f"volunteer-check-{version}-linux-x86_64.tar.xz"),
        ("linux", "aarch64", f"volunteer-check-{version}-linux-aarch64.tar.xz"),
        ("win32", "AMD64", f"volunteer-check-{version}-windows-x86_64.zip"),
        ("win32", "ARM64", f"volunteer-check-{version}-windows-arm64.zip"),
        ("darwin", "arm64", f"volunteer-check-{version}-macos-arm64.dmg"),
        ("darwin", "x86_64", f"volunteer-check-{version}-macos-x86_64.dmg"),
    ]
    for system, machine, name in cases:
        assert build.archive_path("app", system=system, machine=machine,
                                  out_dir=Path("out")) == Path("out", name)


# ---------------------------------------------------------------------------- the spec

class _Recorder:
    """Stand-ins for PyInstaller's spec globals that record what the spec gives them."""

    def __init__(self, entries: list[tuple[str, str]], folder: Path) -> None:
        self.entries, self.folder = entries, folder
        self.exes: list[dict[str, Any]] = []
        self.collect: tuple[Any, ...] = ()
        self.bundle: dict[str, Any] | None = None
        self.analyses: list[dict[str, Any]] = []

    def globals(self, spec: Path, work: Path) -> dict[str, Any]:
        recorder = self

        class Analysis:
            def __init__(self, scripts: list[str], **kwargs: Any) -> None:
                recorder.analyses.append({"scripts": scripts, **kwargs})
                self.binaries, self.datas = _toc(recorder.entries, recorder.folder)
                self.pure, self.scripts = [], [("entry", scripts[0], "PYSOURCE")]

        class EXE:
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                self.args, self.kwargs = args, kwargs
                recorder.exes.append({"args": args, **kwargs})

        def collect(*args: Any, **kwargs: Any) -> str:
            recorder.collect = args
            return "COLLECT"

        def bundle(*args: Any, **kwargs: Any) -> None:
            recorder.bundle = {"args": args, **kwargs}

        return {"__file__": str(spec), "SPECPATH": str(spec.parent), "workpath": str(work),
                "Analysis": Analysis, "EXE": EXE, "PYZ": lambda pure: ("PYZ", pure),
                "COLLECT": collect, "BUNDLE": bundle}


@pytest.fixture
def fake_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyInstaller.utils.hooks without starting Python subprocesses."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package, **options: []
    hooks.collect_submodules = lambda package: [package]
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)


def _run_spec(system: str, entries: list[tuple[str, str]], tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> _Recorder:
    monkeypatch.setattr(policy, "system_key", lambda: system)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec inserts SPECPATH
    recorder = _Recorder(entries, tmp_path / "wheel")
    spec = PACKAGING / "volunteer-check.spec"
    code = compile(spec.read_text("utf-8"), str(spec), "exec")
    exec(code, recorder.globals(spec, tmp_path / "work"))
    return recorder


def test_spec_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         fake_hooks: None) -> None:
    recorder = _run_spec("win32", WINDOWS, tmp_path, monkeypatch)
    gui, cli = recorder.exes
    assert (gui["name"], gui["console"], cli["name"], cli["console"]) == (
        "volunteer-check-gui", False, "volunteer-check", True)
    for exe in (gui, cli):
        assert ("X utf8", None, "OPTION") in exe["args"][2]  # EXE(pyz, scripts, options)
        assert exe["icon"].endswith("volunteer-check.ico")
        assert exe["strip"] is False
        version = Path(exe["version"]).read_text("utf-8")
        assert f"'{exe['name']}.exe'" in version and ABOUT["VERSION"] in version
    assert recorder.collect[0].kwargs["name"] == "volunteer-check-gui"  # GUI first
    assert recorder.bundle is None
    kept = {e[0] for part in recorder.collect[1:] if isinstance(part, list) for e in part}
    assert "PySide6/opengl32sw.dll" not in kept
    assert "PySide6/plugins/platforms/qwindows.dll" in kept
    assert all(a["excludes"] == policy.excluded_modules() for a in recorder.analyses)


def test_spec_on_macos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_hooks: None) -> None:
    qtcore = tmp_path / "wheel" / "PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore"
    qtcore.parent.mkdir(parents=True)
    qtcore.write_bytes(macho((13, 0, 0)))
    recorder = _run_spec("darwin", MACOS, tmp_path, monkeypatch)
    gui, cli = recorder.exes
    assert recorder.collect[0].kwargs["name"] == "volunteer-check-gui"  # GUI first
    assert cli["console"] is True and gui["console"] is False
    for exe in (gui, cli):
        assert ("X utf8", None, "OPTION") in exe["args"][2]
        assert exe["icon"].endswith("volunteer-check.icns")
        assert exe["version"] is None
    assert recorder.bundle is not None
    assert recorder.bundle["name"] == APP
    assert recorder.bundle["bundle_identifier"] == ABOUT["APP_ID"]
    info = recorder.bundle["info_plist"]
    assert info["LSBackgroundOnly"] is False
    assert info["CFBundleExecutable"] == "volunteer-check-gui"
    assert info["LSMinimumSystemVersion"] == "13.0"  # read from the (fake) QtCore


def test_qtcore_is_the_framework_not_the_binding() -> None:
    binaries = [("PySide6/QtCore.abi3.so", "/w/binding", "EXTENSION"),
                ("PySide6/Qt/lib/QtCore.framework/QtCore", "Versions/Current/QtCore", "SYMLINK"),
                ("PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore", "/w/framework", "BINARY")]
    assert trimming.qtcore_binary(binaries) == "/w/framework"
    assert trimming.qtcore_binary([("PySide6/QtCore.abi3.so", "/w/binding", "EXTENSION")]) is None
    linux = [("PySide6/Qt/lib/libQt6Core.so.6", "/w/so", "BINARY")]
    assert trimming.qtcore_binary(linux) == "/w/so"


def test_spec_on_macos_fails_without_a_readable_qtcore(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_hooks: None) -> None:
    qtcore = tmp_path / "wheel" / "PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore"
    qtcore.parent.mkdir(parents=True)
    qtcore.write_bytes(b"not a Mach-O file")
    with pytest.raises(SystemExit, match="no macOS version found in QtCore"):
        _run_spec("darwin", MACOS, tmp_path, monkeypatch)


# ---------------------------------------------------------------------------- build.py

APP_TARGET = build.TARGETS["app"]


def test_layout_on_each_system() -> None:
    bundle = Path("dist")
    linux = build.layout(APP_TARGET, "linux")
    assert linux.exe(bundle / linux.artifact, "volunteer-check") == Path(
        "dist/volunteer-check/volunteer-check")
    assert linux.internal == "_internal"
    windows = build.layout(APP_TARGET, "win32")
    assert windows.exe(bundle / windows.artifact, "volunteer-check-gui") == Path(
        "dist/volunteer-check/volunteer-check-gui.exe")
    mac = build.layout(APP_TARGET, "darwin")
    assert mac.artifact == APP
    assert mac.exe(bundle / mac.artifact, "volunteer-check") == Path(
        f"dist/{APP}/Contents/MacOS/volunteer-check")
    assert mac.internal == "Contents/Frameworks"
    # The bare-wizard baseline has no .app: a folder on every system.
    assert build.layout(build.TARGETS["baseline"], "darwin").artifact == "bare-wizard"


def _write(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def fake_app(fresh: Path, plist: dict[str, Any] | None = None,
             minos: tuple[int, int, int] = (13, 0, 0)) -> Path:
    """What PyInstaller writes on macOS: the COLLECT folder and the BUNDLE .app."""
    _write(fresh / "volunteer-check" / "volunteer-check-gui", macho(minos))
    _write(fresh / "volunteer-check" / "_internal" / "base_library.zip")
    app = fresh / APP
    for name in ("volunteer-check-gui", "volunteer-check"):
        _write(app / "Contents" / "MacOS" / name, macho(minos)).chmod(0o755)
    frameworks = app / "Contents" / "Frameworks"
    _write(frameworks / "PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore", macho(minos))
    os.symlink("A", frameworks / "PySide6/Qt/lib/QtCore.framework/Versions/Current")
    os.symlink("Versions/Current/QtCore", frameworks / "PySide6/Qt/lib/QtCore.framework/QtCore")
    _write(frameworks / "Python", macho((11, 0, 0)))
    _write(app / "Contents" / "Resources" / "rules" / "data" / "parameters.json", b"{}")
    os.symlink("../Resources/rules", frameworks / "rules")
    info = policy.info_plist(ABOUT, "13.0") | (plist or {})
    _write(app / "Contents" / "Info.plist", plistlib.dumps(info))
    return app


def fake_folder(fresh: Path, system: str) -> Path:
    suffix = ".exe" if system == "win32" else ""
    folder = fresh / "volunteer-check"
    for name in ("volunteer-check-gui", "volunteer-check"):
        _write(folder / f"{name}{suffix}").chmod(0o755)
    qt = "PySide6/Qt6Core.dll" if system == "win32" else "PySide6/Qt/lib/libQt6Core.so.6"
    _write(folder / "_internal" / qt)
    return folder


def test_install_keeps_the_app_on_macos(tmp_path: Path) -> None:
    fresh, dist, work = tmp_path / "work/dist-new", tmp_path / "dist", tmp_path / "work"
    fake_app(fresh)
    _write(dist / APP / "Contents" / "old-build")  # the previous build is replaced
    final = build.install(APP_TARGET, fresh, dist, work, system="darwin")
    assert final == dist / APP
    assert sorted(p.name for p in dist.iterdir()) == [APP]  # not the bare COLLECT folder
    assert not fresh.exists() and not (work / "dist-old").exists()
    assert (final / "Contents/MacOS/volunteer-check").is_file()
    assert not (final / "Contents/old-build").exists()
    link = final / "Contents/Frameworks/PySide6/Qt/lib/QtCore.framework/Versions/Current"
    assert link.is_symlink()  # frameworks keep their symbolic links
    assert build.is_up_to_date(APP_TARGET, dist, "darwin") is False  # no stamp yet


@pytest.mark.parametrize(("change", "problem"), [
    ({"LSBackgroundOnly": True}, "LSBackgroundOnly"),
    ({"CFBundleExecutable": "volunteer-check"}, "not the GUI"),
    ({"LSMinimumSystemVersion": "11.0"}, "needs macOS 13.0"),
])
def test_install_checks_the_info_plist_on_macos(tmp_path: Path, change: dict[str, Any],
                                                problem: str) -> None:
    fresh = tmp_path / "work/dist-new"
    fake_app(fresh, plist=change)
    with pytest.raises(SystemExit, match=problem):
        build.install(APP_TARGET, fresh, tmp_path / "dist", tmp_path / "work", system="darwin")
    assert not (tmp_path / "dist" / APP).exists()  # nothing replaced


def test_check_names_the_dropped_framework_once(tmp_path: Path) -> None:
    app = fake_app(tmp_path)
    network = app / "Contents/Frameworks/PySide6/Qt/lib/QtNetwork.framework"
    _write(network / "Versions/A/QtNetwork", macho())
    _write(network / "Versions/A/Resources/Info.plist")
    with pytest.raises(SystemExit) as failure:
        build.check_bundle(APP_TARGET, app, "darwin")
    message = str(failure.value)
    assert message.count("QtNetwork") == 1, message
    assert "QtNetwork.framework" in message


def test_check_needs_both_executables_in_contents_macos(tmp_path: Path) -> None:
    app = fake_app(tmp_path)
    (app / "Contents/MacOS/volunteer-check").unlink()
    with pytest.raises(SystemExit, match="missing executable Contents/MacOS/volunteer-check"):
        build.check_bundle(APP_TARGET, app, "darwin")


def test_install_on_windows(tmp_path: Path) -> None:
    fresh, dist = tmp_path / "work/dist-new", tmp_path / "dist"
    fake_folder(fresh, "win32")
    final = build.install(APP_TARGET, fresh, dist, tmp_path / "work", system="win32")
    assert final == dist / "volunteer-check"
    assert (final / "volunteer-check.exe").is_file()
    for dropped in ("PySide6/Qt6Network.dll", "PySide6/opengl32sw.dll"):
        fresh = tmp_path / "again" / "dist-new"
        _write(fake_folder(fresh, "win32") / "_internal" / dropped)
        with pytest.raises(SystemExit, match=Path(dropped).name):
            build.install(APP_TARGET, fresh, dist, tmp_path / "again", system="win32")


def test_install_on_linux_keeps_the_folder(tmp_path: Path) -> None:
    fresh, dist = tmp_path / "work/dist-new", tmp_path / "dist"
    fake_folder(fresh, "linux")
    final = build.install(APP_TARGET, fresh, dist, tmp_path / "work", system="linux",
                          run_cli=False)
    assert final == dist / "volunteer-check"
    assert sorted(p.name for p in dist.iterdir()) == ["volunteer-check"]


def test_install_says_what_pyinstaller_made_instead(tmp_path: Path) -> None:
    fresh = tmp_path / "work/dist-new"
    fake_folder(fresh, "darwin")  # no .app: e.g. a spec without BUNDLE
    with pytest.raises(SystemExit, match=r"made no Volunteer Check\.app .*volunteer-check"):
        build.install(APP_TARGET, fresh, tmp_path / "dist", tmp_path / "work", system="darwin")


def test_zip_of_the_windows_folder(tmp_path: Path) -> None:
    folder = fake_folder(tmp_path / "dist", "win32")
    out = build.archive_path("app", out_dir=tmp_path, system="win32", machine="AMD64")
    build.make_archive(folder, out, "zip")
    top = out.name.removesuffix(".zip")
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
    assert f"{top}/volunteer-check.exe" in names
    assert f"{top}/volunteer-check-gui.exe" in names
    assert f"{top}/_internal/PySide6/Qt6Core.dll" in names


def test_zip_of_the_app_keeps_its_name_and_links(tmp_path: Path) -> None:
    app = fake_app(tmp_path / "fresh")
    out = build.make_archive(app, tmp_path / "app.zip", "zip")
    with zipfile.ZipFile(out) as archive:
        infos = {info.filename: info for info in archive.infolist()}
    assert f"{APP}/Contents/MacOS/volunteer-check-gui" in infos
    link = infos[f"{APP}/Contents/Frameworks/PySide6/Qt/lib/QtCore.framework/Versions/Current"]
    assert (link.external_attr >> 16) & 0o170000 == 0o120000  # a symbolic link


def test_dmg_holds_the_app_and_a_link_to_applications(tmp_path: Path) -> None:
    app = fake_app(tmp_path / "fresh")
    seen: dict[str, Any] = {}

    def hdiutil(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        staging = Path(cmd[cmd.index("-srcfolder") + 1])
        seen["cmd"] = cmd
        seen["content"] = sorted(p.name for p in staging.iterdir())
        seen["link"] = os.readlink(staging / "Applications")
        seen["gui"] = (staging / APP / "Contents/MacOS/volunteer-check-gui").is_file()
        Path(cmd[-1]).write_bytes(b"disk image")
        return subprocess.CompletedProcess(cmd, 0, "", "")

    out = build.archive_path("app", out_dir=tmp_path / "out", system="darwin", machine="arm64")
    assert build.make_archive(app, out, "dmg", run=hdiutil) == out
    assert out.read_bytes() == b"disk image"
    assert seen["content"] == sorted([APP, "Applications"])
    assert seen["link"] == "/Applications"
    assert seen["gui"]
    cmd = seen["cmd"]
    assert cmd[:2] == ["hdiutil", "create"]
    assert cmd[cmd.index("-volname") + 1] == ABOUT["APP_NAME"]
    assert cmd[cmd.index("-format") + 1] == "UDZO"
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # staging removed


def test_dmg_failures(tmp_path: Path) -> None:
    folder = fake_folder(tmp_path / "dist", "linux")
    with pytest.raises(SystemExit, match=r"holds the macOS \.app"):
        build.make_archive(folder, tmp_path / "x.dmg", "dmg")
    app = fake_app(tmp_path / "fresh")

    def failing(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(cmd, 1, "", "hdiutil: create failed - no space")

    with pytest.raises(SystemExit, match="no space"):
        build.make_archive(app, tmp_path / "y.dmg", "dmg", run=failing)
    assert not (tmp_path / "y.dmg").exists()


def test_linux_archive_is_unchanged(tmp_path: Path) -> None:
    folder = fake_folder(tmp_path / "dist", "linux")
    out = build.archive_path("app", out_dir=tmp_path, system="linux", machine="x86_64")
    build.make_archive(folder, out, "tar.xz")
    top = out.name.removesuffix(".tar.xz")
    with tarfile.open(out) as tar:
        names = set(tar.getnames())
    assert f"{top}/volunteer-check-gui" in names
    assert build.default_archive_format("linux") == "tar.xz"
    assert build.default_archive_format("win32") == "zip"
    assert build.default_archive_format("darwin") == "dmg"


def test_checksum_file(tmp_path: Path) -> None:
    archive = _write(tmp_path / "volunteer-check-1-windows-x86_64.zip", b"payload" * 1000)
    out = build.write_checksum(archive)
    assert out.name == archive.name + ".sha256"
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert out.read_text("utf-8") == f"{digest}  {archive.name}\n"


def test_minimum_macos_of_a_bundle(tmp_path: Path) -> None:
    app = fake_app(tmp_path, minos=(12, 0, 0))
    _write(app / "Contents/Frameworks/PySide6/QtGui.abi3.so", macho((14, 0, 0), fat=False))
    assert build.minimum_macos(app) == ((14, 0, 0), "Contents/Frameworks/PySide6/QtGui.abi3.so")


def test_checksum_option_writes_only_checksums(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    image = _write(tmp_path / "out" / "volunteer-check-1-macos-arm64.dmg", b"signed image")
    assert build.main(["--checksum", str(image)]) == 0
    assert (image.parent / (image.name + ".sha256")).read_text("utf-8").startswith(
        hashlib.sha256(b"signed image").hexdigest())
    assert sorted(p.name for p in image.parent.iterdir()) == [image.name, image.name + ".sha256"]
    assert capsys.readouterr().out.strip().endswith(".sha256")
