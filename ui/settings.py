"""The app's own settings file (Qt only): read before the first window, so kept light."""

import contextlib
import os

from PySide6.QtCore import QSettings

from app.paths import ensure_user_data_dir


def settings() -> QSettings:
    """The app's own settings: an owner-only INI file in the app's data folder (so tests,
    whose VOLUNTEER_CHECK_HOME is their own, each get theirs; Qt reads its default settings
    path only once per process)."""
    name = ensure_user_data_dir() / "settings.ini"
    # a read-only home: QSettings then keeps the values for this run only
    with contextlib.suppress(OSError):
        os.close(os.open(name, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600))
    return QSettings(str(name), QSettings.Format.IniFormat)
