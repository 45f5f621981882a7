"""The fonts shipped in resources/fonts, registered with Qt, and the GUI application they need.

The report names Noto Sans first, then Noto Sans Arabic, then Droid Sans Fallback (pan-CJK), so
Latin, Arabic and CJK names render and stay extractable on machines with no fonts installed.
"""

import contextlib
import os
import sys
import threading
from importlib import resources

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication

from app.vocabulary import FONT_FAMILIES as FONT_FAMILIES  # the report names these, in order
from app.vocabulary import FONT_STACK as FONT_STACK

FONT_PACKAGE = "resources.fonts"

_lock = threading.Lock()
_registered: tuple[str, ...] | None = None
# as_file() gives the real path for files on disk (source tree, PyInstaller onedir) and a temporary
# copy for zipped packages; the stack keeps such copies alive as long as Qt may read them.
_files = contextlib.ExitStack()
_app: QGuiApplication | None = None


def ensure_gui_application() -> QCoreApplication:
    """The running Qt application, or a new QGuiApplication that needs no display.

    QTextDocument and QPdfWriter need a QGuiApplication. An existing one (the GUI's QApplication,
    pytest-qt's qapp) is reused. A new one, made only for PDFs (the CLI), never opens a window:
    on Linux and other X11 systems it uses the offscreen platform unless QT_QPA_PLATFORM says
    otherwise, so `assess --pdf` works headless and over ssh with a stale DISPLAY. The choice is
    passed as `-platform`, leaving the environment of child processes untouched.
    """
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("PDF export needs a QGuiApplication, but a QCoreApplication "
                               "is already running")
        return existing
    argv = [sys.argv[0] if sys.argv and sys.argv[0] else "volunteer-check"]
    if sys.platform not in ("win32", "darwin") and not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]
    _app = QGuiApplication(argv)
    return _app


def register_fonts() -> tuple[str, ...]:
    """Register every .ttf of resources/fonts with Qt once; returns the font families added.

    Idempotent and thread-safe. Needs a QGuiApplication (see ensure_gui_application).
    """
    global _registered
    with _lock:
        if _registered is not None:
            return _registered
        families: list[str] = []
        entries = sorted((entry for entry in resources.files(FONT_PACKAGE).iterdir()
                          if entry.name.lower().endswith(".ttf")), key=lambda e: e.name)
        for entry in entries:
            path = _files.enter_context(resources.as_file(entry))
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                continue
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in families:
                    families.append(family)
        _registered = tuple(families)
        return _registered
