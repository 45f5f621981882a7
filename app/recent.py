"""Recently opened or saved answers files: at most eight, newest first, missing files pruned."""

import contextlib
import json
from pathlib import Path

from app.answers_file import AnswersFileError, write_text_atomically
from app.paths import ensure_user_data_dir, user_data_dir

RECENT_NAME = "recent.json"
MAX_RECENT = 8


def recent_path() -> Path:
    return user_data_dir() / RECENT_NAME


def _read() -> list[Path]:
    try:
        loaded = json.loads(recent_path().read_text("utf-8"))
    except (OSError, ValueError):
        return []
    entries = loaded.get("files") if isinstance(loaded, dict) else None
    if not isinstance(entries, list):
        return []
    return [Path(entry) for entry in entries if isinstance(entry, str) and entry]


def _write(paths: list[Path]) -> None:
    """Rewrite the list; a data folder that cannot be written (full, read-only) only means the
    list is not remembered: it never stops an open or a save."""
    try:
        folder = ensure_user_data_dir()
    except OSError:
        return
    text = json.dumps({"files": [str(p) for p in paths]}, indent=2, ensure_ascii=False) + "\n"
    with contextlib.suppress(AnswersFileError):
        write_text_atomically(folder / RECENT_NAME, text)


def recent_files() -> list[Path]:
    """The recent files that still exist, newest first (the list is rewritten if some vanished)."""
    stored = _read()
    existing = [path for path in stored if path.is_file()][:MAX_RECENT]
    if existing != stored:
        _write(existing)
    return existing


def add_recent(path: Path | str) -> list[Path]:
    """Put `path` first in the list (absolute), keep at most MAX_RECENT; returns the new list."""
    first = Path(path).expanduser().absolute()
    paths = [first, *(p for p in recent_files() if p != first)][:MAX_RECENT]
    _write(paths)
    return paths


def remove_recent(path: Path | str) -> list[Path]:
    gone = Path(path).expanduser().absolute()
    paths = [p for p in recent_files() if p != gone]
    _write(paths)
    return paths


def clear_recent() -> None:
    """Forget every recent file (part of "Delete my answers")."""
    with contextlib.suppress(OSError):
        recent_path().unlink(missing_ok=True)
