"""What goes into the Volunteer Check bundle, and why, on each system: the trim policy and the
per-platform build options, as data and pure functions of a system key.

The system key is "linux", "win32" or "darwin" (`system_key()` gives this machine's). Nothing
here looks at the machine it runs on unless asked (`system_key()`), so the tests evaluate the
Windows and macOS policy on Linux: which files are kept (by their path inside the bundle, as
PyInstaller names them for PySide6 on that system), the executables' run-time options, the macOS
Info.plist keys, the archive format and name.

Used by volunteer-check.spec and baseline/bare_wizard.spec (SPECPATH on sys.path), by build.py
and by the tests (loaded by path). Standard library only; no file is read or written here.
`trimming.py` holds the machinery that applies the policy to a PyInstaller Analysis.

Layouts of the PySide6 wheels (6.11), as collected by PyInstaller 6:

    Linux    PySide6/Qt/lib/libQt6Network.so.6    PySide6/Qt/plugins/platforms/libqxcb.so
    Windows  PySide6/Qt6Network.dll               PySide6/plugins/platforms/qwindows.dll
    macOS    PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork (+ Resources/Info.plist)
                                                  PySide6/Qt/plugins/platforms/libqcocoa.dylib

Translations: PySide6/Qt/translations/ (Linux, macOS), PySide6/translations/ (Windows).
"""

from __future__ import annotations

import fnmatch
import sys
from pathlib import PurePosixPath
from typing import Any, NamedTuple

SYSTEMS = ("linux", "win32", "darwin")
ALL = SYSTEMS


def system_key() -> str:
    """This machine's system key."""
    if sys.platform.startswith("linux"):
        return "linux"
    return sys.platform  # "win32", "darwin"


# ---------------------------------------------------------------------------- modules

# Standard-library and Qt binding modules left out of both executables.
# tests/packaging/test_frozen.py::test_excluded_modules_are_not_imported imports every module of
# app, rules and ui (plus pydantic, openpyxl, PySide6.QtWidgets) from source and fails if any of
# these shows up in sys.modules, so a new import of an excluded module cannot slip through.
EXCLUDED_MODULES = {
    "tkinter": "GUI is Qt; Tk and its Tcl libraries are never imported",
    "_tkinter": "as tkinter",
    "turtle": "needs tkinter",
    "turtledemo": "needs tkinter",
    "idlelib": "the IDLE editor",
    "unittest": "tests are not shipped; nothing at run time imports unittest",
    "doctest": "tests only",
    "pydoc": "interactive help(); imported only by help() and pydoc itself",
    "pydoc_data": "pydoc's topic texts (0.5 MB)",
    "pdb": "debugger; imported only by doctest and breakpoint()",
    "sqlite3": "no database: answers are JSON files, organiser input is CSV/XLSX",
    "_sqlite3": "as sqlite3 (drops libsqlite3)",
    "asyncio": "no event loop besides Qt's; pydantic and openpyxl do not import it",
    "lib2to3": "source conversion tool",
    "ensurepip": "no pip in a frozen app",
    "venv": "no virtual environments in a frozen app",
    "distutils": "build tooling",
    "setuptools": "build tooling (pulled in only by the editable install's finder)",
    "pkg_resources": "build tooling",
    "_distutils_hack": "setuptools shim",
    "xmlrpc": "no network: the app is offline",
    "ftplib": "no network",
    "imaplib": "no network",
    "poplib": "no network",
    "smtplib": "no network (email is imported by pydantic for names/validators, not smtplib)",
    "http.server": "no network server",
    "ssl": "no network: no TLS (drops libssl)",
    "_ssl": "as ssl",
    "curses": "terminal UI library, unused",
    "_curses": "as curses",
    "readline": "interactive prompt only",
    "dbm": "no key-value database",
    "_pydecimal": "pure-Python fallback of decimal; the C _decimal module is bundled",
    # Development tools installed in the same venv, reached only through optional plugins
    # (pydantic.mypy, pydantic's hypothesis plugin) that run-time code never imports.
    "mypy": "type checker (pydantic.mypy plugin is for mypy runs only)",
    "hypothesis": "property-based testing (pydantic._hypothesis_plugin is for test runs only)",
    "pytest": "test runner",
    "_pytest": "test runner",
    "rich": "pretty printing for hypothesis/pytest output",
    "pygments": "syntax highlighting for rich",
    "IPython": "interactive shell integration",
    # pydantic's PyInstaller hook collects every pydantic submodule; these are never imported by
    # a run of the app (the BaseModel v2 API lives elsewhere).
    "pydantic.v1": "the legacy pydantic 1 API (1.2 MB); the app uses pydantic 2 models only",
    "pydantic.mypy": "mypy plugin, used only by `mypy` runs",
    "pydantic.experimental": "experimental pipeline API, unused",
    "PySide6.QtNetwork": "offline app: no sockets, no TLS (drops the QtNetwork library)",
    "PySide6.QtDBus": "Python binding unused (the QtDBus library itself stays on Linux: QtGui "
                      "links it)",
    "PySide6.QtOpenGL": "widgets only, no GL views",
    "PySide6.QtSvg": "icons are PNG; no SVG rendering at run time",
}

# Modules the standard library tries to import and does without (try/except ImportError). The
# test imports everything with these blocked, so the fallback is what runs in source tests too.
EXCLUDED_OPTIONAL_MODULES = {
    "_hashlib": "OpenSSL-backed hashing (drops libcrypto, 4.6 MB): hashlib falls back to the "
                "built-in _sha256/_sha512/_md5/_blake2 modules, which cover app/assessing.py's "
                "sha256",
}


def excluded_modules() -> list[str]:
    """Every module name given to Analysis(excludes=...)."""
    return [*EXCLUDED_MODULES, *EXCLUDED_OPTIONAL_MODULES]


# ---------------------------------------------------------------------------- Qt plugins

# Qt platform plugins kept per system; every other platform plugin is dropped (eglfs, linuxfb,
# minimal, minimalegl, vnc, vkkhrdisplay, wayland; direct2d on Windows: a desktop app needs none).
QT_PLATFORM_PLUGINS = {
    "linux": ["qxcb", "qoffscreen"],  # X11 (also XWayland); offscreen: CLI PDF export, CI, tests
    "win32": ["qwindows", "qoffscreen"],
    "darwin": ["qcocoa", "qoffscreen"],
}

# Qt plugin folders kept, on which systems, and why (others dropped entirely, see
# QT_PLUGIN_FOLDERS_DROPPED).
QT_PLUGIN_FOLDERS_KEPT = {
    "platforms": (ALL, "the windowing system (filtered by QT_PLATFORM_PLUGINS)"),
    "platforminputcontexts": (
        ("linux",),
        "compose/dead keys and IBus input methods on Linux: volunteers type names like 'Zoë' or "
        "'東京' (190 kB, needs only libs kept anyway). On Windows and macOS the folder holds only "
        "the virtual-keyboard plugin, which needs QtVirtualKeyboard (not in PySide6-Essentials); "
        "input methods there go through qwindows / qcocoa themselves"),
    "styles": (ALL, "native look on Windows 11 (qmodernwindowsstyle) and macOS (qmacstyle)"),
}
QT_PLUGIN_FOLDERS_DROPPED = {  # documentation only: anything not kept above is dropped
    "egldeviceintegrations": "EGLFS (embedded, no windowing system) only",
    "generic": "evdev/tslib/tuio input for EGLFS/linuxfb; X11, Windows and macOS deliver input "
               "themselves",
    "iconengines": "SVG icon engine; the app's icons are PNG",
    "imageformats": "GIF/JPEG/TIFF/WebP/SVG/ICO/HEIF readers; PNG is built into QtGui",
    "networkinformation": "network status; the app is offline",
    "tls": "TLS backends (OpenSSL, Schannel, SecureTransport); the app is offline",
    "platformthemes": "GTK3/xdg-portal themes pull in the GTK/cairo/pango stack (~30 libs); "
                      "Qt's own Fusion style and file dialog are used instead",
    "xcbglintegrations": "OpenGL on X11; plain widgets paint with the raster engine",
    "wayland-decoration-client": "Wayland; the app runs on XWayland there",
    "wayland-graphics-integration-client": "Wayland",
    "wayland-shell-integration": "Wayland",
}


# ---------------------------------------------------------------------------- libraries

# Qt libraries removed outright even if some dropped plugin referenced them, by module name: the
# file is libQt6Network.so.6 on Linux, Qt6Network.dll on Windows and QtNetwork.framework on
# macOS (qt_library_names). build.py fails if one is still in the bundle.
QT_LIBRARIES_DROPPED = {
    "Network": "offline app (needed only by the tls/networkinformation plugins)",
    "Svg": "only the SVG plugins use it; icons are PNG",
    "OpenGL": "only the GL integrations use it",
    "WaylandClient": "Wayland plugins only",
    "WlShellIntegration": "Wayland plugins only",
    "EglFSDeviceIntegration": "EGLFS platform only",
    "EglFsKmsSupport": "EGLFS platform only",
}

# Other shared libraries dropped, per system (fnmatch patterns on the file name).
LIBRARIES_DROPPED: dict[str, dict[str, str]] = {
    "linux": {},
    "win32": {
        "opengl32sw.dll": "Mesa llvmpipe, Qt's software OpenGL (19.7 MiB; 7.7 MB in the zip). Qt "
                          "loads it only when something creates an OpenGL context on a machine "
                          "without a usable GL driver; the app paints widgets with the raster "
                          "engine and ships no GL module (QtOpenGL is dropped), so it never does",
    },
    "darwin": {},
}

# Linux: binaries that start the DT_NEEDED walk besides executables, Python extensions and the
# kept plugins. Every other shared library that no kept binary needs is dropped (the GTK theme
# stack, OpenSSL, Kerberos, cairo/pango, libjpeg/libtiff/libwebp of the dropped plugins...).
ROOT_LIBRARIES = ["python3"]  # libpython is dlopen()ed by the bootloader, not DT_NEEDED
ALWAYS_KEEP_LIBRARIES = ["gcc_s"]  # glibc dlopen()s libgcc_s for thread cancellation/unwinding


def qt_library_names(system: str) -> set[str]:
    """File stems of the dropped Qt libraries on `system` (see library_stem)."""
    prefix = "Qt" if system == "darwin" else "Qt6"
    return {prefix + module for module in QT_LIBRARIES_DROPPED}


def library_stem(name: str) -> str:
    """libqxcb.so -> qxcb, qwindows.dll -> qwindows, libQt6Network.so.6 -> Qt6Network,
    QtNetwork.framework -> QtNetwork, QtNetwork (a framework's binary) -> QtNetwork."""
    stem = PurePosixPath(name.replace("\\", "/")).name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def is_dropped_qt_library(dest: str, system: str) -> bool:
    """A dropped Qt library's file, or any file inside a dropped macOS .framework."""
    names = qt_library_names(system)
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if parts and library_stem(parts[-1]) in names:
        return True
    return any(part.endswith(".framework") and part[:-len(".framework")] in names
               for part in parts[:-1])


def is_dropped_library(dest: str, system: str) -> bool:
    name = PurePosixPath(dest.replace("\\", "/")).name
    return any(fnmatch.fnmatchcase(name.lower(), pattern.lower())
               for pattern in LIBRARIES_DROPPED.get(system, {}))


# ---------------------------------------------------------------------------- data

# Data files dropped (fnmatch patterns on the path inside the bundle).
DATA_DROPPED = {
    "resources/icons/*.ico": "Windows icon: embedded in the .exe at build time, not read at run "
                             "time",
    "resources/icons/*.icns": "macOS icon: copied into the .app by BUNDLE, not read at run time",
    "resources/icons/*.svg": "icon source; the app loads the PNGs (no SVG plugin ships)",
    "pydantic-*.dist-info/*": "read only by pydantic.version.version_info() (a debugging aid) and, "
                              "on Python >= 3.13, to word a pydantic-core version mismatch error",
}

# Qt's own translation catalogues (file dialogs, standard buttons), kept only for the languages
# the app ships: app.i18n.LANGUAGES besides English (issue 12), plus any *_xx.qm in its own
# packages. qtbase_xx.qm alone: ui.language loads it; qt_xx.qm only pulls in the catalogues of Qt
# modules the bundle does not ship.
APP_LANGUAGES = ["es", "fr"]
QT_TRANSLATION_CATALOGUES = ["qtbase"]


def qt_part(dest: str) -> tuple[str, ...] | None:
    """('plugins', 'platforms', 'libqxcb.so') for PySide6/Qt/plugins/platforms/libqxcb.so (Linux,
    macOS) and for PySide6/plugins/platforms/qwindows.dll (Windows); same for translations."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if len(parts) >= 3 and parts[0] == "PySide6":
        if parts[1] == "Qt":
            return parts[2:]
        if parts[1] in ("plugins", "translations"):
            return parts[1:]
    return None


def keep_plugin(dest: str, system: str) -> bool:
    """False for a Qt plugin the policy drops on `system`; True for anything else."""
    part = qt_part(dest)
    if part is None or part[0] != "plugins" or len(part) < 3:
        return True
    folder, name = part[1], part[-1]
    kept = QT_PLUGIN_FOLDERS_KEPT.get(folder)
    if kept is None or system not in kept[0]:
        return False
    if folder == "platforms":
        return library_stem(name) in QT_PLATFORM_PLUGINS.get(system, [])
    return True


def keep_binary(dest: str, system: str) -> bool:
    """Whether a (non-symlink) binary entry stays, before the Linux DT_NEEDED walk."""
    return (keep_plugin(dest, system) and not is_dropped_qt_library(dest, system)
            and not is_dropped_library(dest, system))


def keep_data(dest: str, system: str, languages: set[str]) -> bool:
    """Whether a data entry stays (Qt translations only for `languages`)."""
    posix = dest.replace("\\", "/")
    if any(fnmatch.fnmatchcase(posix, pattern) for pattern in DATA_DROPPED):
        return False
    if is_dropped_qt_library(dest, system):  # a dropped framework's Info.plist etc.
        return False
    part = qt_part(dest)
    if part is None:
        return True
    if part[0] == "translations":
        stem = PurePosixPath(part[-1]).stem  # qtbase_fr, qt_help_pt_BR
        for prefix in QT_TRANSLATION_CATALOGUES:
            if stem.startswith(prefix + "_") and stem[len(prefix) + 1:] in languages:
                return True
        return False
    if part[0] == "plugins":
        return keep_plugin(dest, system)
    return True


# ---------------------------------------------------------------------------- executables

# Python run-time options of both executables (the spec passes them to EXE as OPTION entries).
RUNTIME_OPTIONS = {
    "X utf8": "Python's UTF-8 mode: stdin/stdout/stderr and open() use UTF-8 whatever the "
              "locale. Without it the Windows CLI writes piped or redirected output in the ANSI "
              "code page (cp1252) and `--json` with 'Łódź محمد 東京' raises UnicodeEncodeError. "
              "On Linux and macOS with a UTF-8 locale (every desktop) nothing changes",
}


def runtime_options(system: str) -> list[tuple[str, None, str]]:
    """The OPTION entries given to each EXE (the same on every system)."""
    del system  # the same everywhere: one behaviour to test
    return [(option, None, "OPTION") for option in RUNTIME_OPTIONS]


class Executable(NamedTuple):
    name: str
    entry: str  # script in packaging/
    console: bool  # Windows: console subsystem; macOS: LSBackgroundOnly unless overridden
    description: str


def executables(about: dict[str, str]) -> list[Executable]:
    """The two executables, GUI FIRST: PyInstaller's BUNDLE names the first executable of the
    COLLECT as CFBundleExecutable (what Finder and the Dock start); the CLI sits beside it in
    Contents/MacOS."""
    return [
        Executable("volunteer-check-gui", "entry_gui.py", False, about["APP_NAME"]),
        Executable("volunteer-check", "entry_cli.py", True, f"{about['APP_NAME']} command line"),
    ]


def strip(system: str) -> bool:
    """Strip symbols (-23 MiB on libpython alone); Windows binaries carry none to strip."""
    return system != "win32"


def icon_file(system: str) -> str | None:
    """The icon given to EXE/BUNDLE (in resources/icons/); Linux executables carry none (see
    packaging/linux/*.desktop)."""
    return {"win32": "volunteer-check.ico", "darwin": "volunteer-check.icns"}.get(system)


def macos_version(version: tuple[int, ...]) -> str:
    """(13, 0, 0) -> '13.0'; (10, 15, 4) -> '10.15.4'."""
    parts = list(version) + [0] * (2 - len(version))
    while len(parts) > 2 and parts[-1] == 0:
        parts.pop()
    return ".".join(str(part) for part in parts)


def info_plist(about: dict[str, str], minimum_macos: str) -> dict[str, Any]:
    """Info.plist keys of the macOS .app, merged over PyInstaller's defaults.

    `minimum_macos` is read from the bundled QtCore binary (its LC_BUILD_VERSION minos, by
    trimming.macho_minimum_macos), so it follows the PySide6 wheel: 13.0 for PySide6 6.11."""
    gui = executables(about)[0]
    return {
        "CFBundleName": about["APP_NAME"],
        "CFBundleDisplayName": about["APP_NAME"],
        "CFBundleExecutable": gui.name,
        "CFBundleShortVersionString": about["VERSION"],
        "CFBundleVersion": about["VERSION"],
        "NSHighResolutionCapable": True,
        # PyInstaller copies the console flag of the LAST executable given to COLLECT (the CLI)
        # and then writes LSBackgroundOnly=True: no Dock icon, no menu bar. The app is a GUI.
        "LSBackgroundOnly": False,
        "LSMinimumSystemVersion": minimum_macos,
    }


# ---------------------------------------------------------------------------- archives

def archive_format(system: str) -> str:
    """The download's format: tar.xz (Linux), zip (Windows), dmg holding the .app (macOS)."""
    return {"linux": "tar.xz", "win32": "zip", "darwin": "dmg"}[system]


def os_name(system: str) -> str:
    return {"linux": "linux", "win32": "windows", "darwin": "macos"}[system]


def machine_name(machine: str) -> str:
    """platform.machine() as archive names spell it: AMD64 (Windows) and amd64 -> x86_64,
    ARM64 (Windows) -> arm64; arm64 (macOS), x86_64 and aarch64 (Linux) unchanged."""
    lowered = machine.lower()
    return {"amd64": "x86_64", "x64": "x86_64", "x86-64": "x86_64"}.get(lowered, lowered)


def archive_name(name: str, version: str, system: str, machine: str, fmt: str) -> str:
    return f"{name}-{version}-{os_name(system)}-{machine_name(machine)}.{fmt}"
