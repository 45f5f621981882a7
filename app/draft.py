"""The unfinished answers of the wizard, autosaved after every page to the user's data folder.

The draft is an ordinary answers file (app.answers_file) with one extra key, "draft", that
remembers the page the volunteer was on. It is written atomically with permissions 0600: it
may hold an immigration status.

app.answers_file (pydantic) loads only when a draft is saved or read: the desktop app asks
whether there is one at start-up, and usually there is none.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.paths import ensure_user_data_dir, user_data_dir

DRAFT_NAME = "draft.json"


@dataclass(frozen=True)
class Draft:
    """Answers saved automatically, the page they were saved on and when."""

    answers: dict[str, Any]
    page: str | None
    saved_at: str | None


def draft_path() -> Path:
    """Where the draft lives (it may not exist)."""
    return user_data_dir() / DRAFT_NAME


def has_draft() -> bool:
    return draft_path().is_file()


def save_draft(answers: dict[str, Any], page: str | None = None) -> Path:
    """Save the answers so far; AnswersFileError if the data folder cannot be written."""
    from app.answers_file import (
        AnswersDocument,
        AnswersFileError,
        document_json,
        write_text_atomically,
    )

    try:
        folder = ensure_user_data_dir()
    except OSError as error:
        raise AnswersFileError(user_data_dir(), f"the data folder cannot be created "
                               f"({error.strerror or error})") from None
    content = json.loads(document_json(AnswersDocument(answers=dict(answers))))
    content["draft"] = {"page": page}
    path = folder / DRAFT_NAME
    write_text_atomically(path, json.dumps(content, indent=2, ensure_ascii=False) + "\n")
    return path


def load_draft() -> Draft | None:
    """The saved draft, or None when there is none or it cannot be read (it is then ignored)."""
    path = draft_path()
    if not path.is_file():
        return None
    from app.answers_file import AnswersFileError, read_answers_file

    try:
        document = read_answers_file(path)
    except AnswersFileError:
        return None
    meta = document.extra.get("draft")
    page = meta.get("page") if isinstance(meta, dict) else None
    saved_at = document.extra.get("saved_at")
    return Draft(
        answers=dict(document.answers),
        page=page if isinstance(page, str) else None,
        saved_at=saved_at if isinstance(saved_at, str) else None,
    )


def delete_draft() -> bool:
    """Remove the draft; True when there was one and it is gone (a data folder that refuses
    is not an error here: the draft is an ordinary 0600 file and stays)."""
    path = draft_path()
    try:
        path.unlink()
    except OSError:
        return False
    return True
