"""Where the app keeps its own files (drafts, settings, recent files) on each platform."""

import os
import sys
from pathlib import Path

APP_DIR_NAME = "volunteer-check"


def user_data_dir() -> Path:
    """The per-user data folder; VOLUNTEER_CHECK_HOME overrides it (tests use this)."""
    override = os.environ.get("VOLUNTEER_CHECK_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / APP_DIR_NAME
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        base = Path(xdg) / APP_DIR_NAME
    return base


def ensure_user_data_dir() -> Path:
    """The data folder, created with owner-only permissions if missing."""
    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder
