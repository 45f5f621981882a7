"""Answers files: every bad file gives AnswersFileError naming the file and the problem; writes
are atomic, owner-only (0600) and leave nothing behind when they fail."""

import json
import os
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app import answers_file
from app.answers_file import (
    MAX_FILE_BYTES,
    NEW_IN_SCHEMA,
    SCHEMA_VERSION,
    AnswersDocument,
    AnswersFileError,
    new_questions_to_answer,
    read_answers_file,
    write_answers_file,
    write_text_atomically,
)
from rules import Person
from tests.scenarios import SEED as SCENARIO

SEED = {k: v for k, v in SCENARIO.items() if k != "A2"}


def doc_text(**content: Any) -> str:
    return json.dumps({"schema_version": SCHEMA_VERSION, "answers": SEED, **content})


def problem_of(path: Path) -> str:
    with pytest.raises(AnswersFileError) as caught:
        read_answers_file(path)
    error = caught.value
    assert error.path == path
    assert str(error).startswith(f"{path}: "), "the message names the file first"
    assert error.problem and error.problem in str(error)
    return error.problem


# Reading: a good file -------------------------------------------------------------------


def test_a_good_file_reads_back_answers_person_and_saved_result(tmp_path: Path) -> None:
    path = tmp_path / "jane.json"
    path.write_text(doc_text(person={"name": " Jane ", "email": "jane@example.org"},
                             result={"colour": "AMBER", "ruleset": "2026.11.1"},
                             app="Volunteer Check", notes="kept"), "utf-8")
    doc = read_answers_file(path)
    assert doc.answers == SEED
    assert doc.person == Person(name="Jane", email="jane@example.org")
    assert (doc.last_colour, doc.ruleset_version) == ("AMBER", "2026.11.1")
    assert doc.extra == {"app": "Volunteer Check", "notes": "kept"}


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + doc_text().encode())
    assert read_answers_file(path).answers == SEED


def test_person_is_optional(tmp_path: Path) -> None:
    path = tmp_path / "anon.json"
    path.write_text(doc_text(), "utf-8")
    assert read_answers_file(path).person == Person()


# Reading: every kind of bad file --------------------------------------------------------

BAD_FILES: list[tuple[str, bytes, str]] = [
    ("malformed", b'{"schema_version": 1, "answers": {A1: federal}}', "not valid JSON"),
    ("truncated", doc_text().encode()[:40], "may be truncated"),
    ("empty", b"", "file is empty"),
    ("blank", b"  \n\t ", "file is empty"),
    ("binary", bytes(range(256)) * 4, "not a text file"),
    ("utf-16", doc_text().encode("utf-16"), "not a text file"),
    ("a list", b"[1, 2, 3]", "expected an object"),
    ("a string", b'"answers"', "expected an object"),
    ("no schema", json.dumps({"answers": SEED}).encode(), "has no schema_version"),
    ("schema as text", doc_text(schema_version="1").encode(), "must be a whole number"),
    ("schema as boolean", doc_text(schema_version=True).encode(), "must be a whole number"),
    ("schema as float", doc_text(schema_version=1.5).encode(), "must be a whole number"),
    ("schema zero", doc_text(schema_version=0).encode(), "unknown schema_version 0"),
    ("schema negative", doc_text(schema_version=-3).encode(), "unknown schema_version -3"),
    ("newer schema", doc_text(schema_version=SCHEMA_VERSION + 1).encode(),
     "written by a newer version"),
    ("no answers", json.dumps({"schema_version": 1}).encode(), "has no 'answers' object"),
    ("answers a list", doc_text(answers=["A1"]).encode(), "has no 'answers' object"),
    ("answers a string", doc_text(answers="A1=federal").encode(), "has no 'answers' object"),
    ("answers null", doc_text(answers=None).encode(), "has no 'answers' object"),
    ("person a string", doc_text(person="Jane").encode(), "'person' must be an object"),
    ("person name a number", doc_text(person={"name": 5}).encode(), "person.name"),
    ("person email a list", doc_text(person={"email": ["a@b"]}).encode(), "person.email"),
    ("person unknown field", doc_text(person={"passport": "X1"}).encode(), "person.passport"),
    ("person name too long", doc_text(person={"name": "x" * 500}).encode(), "person.name"),
    ("deeply nested", b'{"schema_version": 1, "answers": ' + b"[" * 100_000 + b"]" * 100_000
     + b"}", "nested too deeply"),
    ("deeply nested answer", b'{"schema_version": 1, "answers": {"F": ' + b"[" * 5_000
     + b"]" * 5_000 + b"}}", "nested too deeply"),
    ("a 5000-digit number", b'{"schema_version": ' + b"9" * 5000 + b', "answers": {}}',
     "cannot be read"),
]


@pytest.mark.parametrize(("name", "content", "expected"), BAD_FILES,
                         ids=[name for name, _, _ in BAD_FILES])
def test_bad_files_are_explained(tmp_path: Path, name: str, content: bytes,
                                 expected: str) -> None:
    path = tmp_path / f"{name.replace(' ', '_')}.json"
    path.write_bytes(content)
    problem = problem_of(path)
    assert expected in problem
    assert "Traceback" not in problem and len(problem) < 300


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.json"
    path.write_text(doc_text(padding="x" * (MAX_FILE_BYTES + 10)), "utf-8")
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a huge file"))
    problem = problem_of(path)
    assert "too large" in problem and f"{path.stat().st_size:,}" in problem


def test_a_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    text = doc_text(padding="")
    path.write_text(doc_text(padding="x" * (MAX_FILE_BYTES - len(text) - 10)), "utf-8")
    assert path.stat().st_size <= MAX_FILE_BYTES
    assert read_answers_file(path).answers == SEED


def test_missing_file_folder_and_unreadable_file(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert problem_of(tmp_path / "nope.json") == "file not found"
    assert "is a folder" in problem_of(tmp_path)
    locked = tmp_path / "locked.json"
    locked.write_text(doc_text(), "utf-8")

    real_open = os.open

    def denied(path: object, *args: object, **kwargs: object) -> int:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)  # the tests may run as root
    assert problem_of(locked) == "permission denied"


def test_answer_values_are_not_checked_here(tmp_path: Path) -> None:
    """Wrong codes are validation issues (V03), reported by the assessment, not file errors."""
    path = tmp_path / "odd.json"
    path.write_text(doc_text(answers={"A1": "senate", "D3": "lots"}), "utf-8")
    assert read_answers_file(path).answers == {"A1": "senate", "D3": "lots"}


# Writing ------------------------------------------------------------------------------


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder to write in (tmp_path also holds the isolated home folder)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_written_files_are_owner_only_and_read_back(out: Path) -> None:
    path = out / "jane.json"
    old_umask = os.umask(0o000)  # even with a permissive umask
    try:
        write_answers_file(path, AnswersDocument(SEED, Person(name="Jane")), colour="AMBER")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _leftovers(out, {"jane.json"}) == []
    doc = read_answers_file(path)
    assert doc.answers == SEED and doc.person.name == "Jane" and doc.last_colour == "AMBER"
    content = json.loads(path.read_text("utf-8"))
    assert content["schema_version"] == SCHEMA_VERSION and content["result"]["ruleset"]


def test_overwriting_keeps_0600_even_if_the_old_file_was_open(out: Path) -> None:
    path = out / "jane.json"
    path.write_text("old", "utf-8")
    path.chmod(0o644)
    write_answers_file(path, AnswersDocument(SEED))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_answers_file(path).answers == SEED


def test_a_failed_replace_leaves_the_old_file_and_no_temp_file(
        out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = out / "jane.json"
    write_answers_file(path, AnswersDocument(SEED))
    before = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(answers_file.os, "replace", broken_replace)
    with pytest.raises(AnswersFileError) as caught:
        write_answers_file(path, AnswersDocument({"A1": "unknown"}))
    assert str(caught.value).startswith(f"{path}: ")
    assert "No space left on device" in caught.value.problem
    assert path.read_bytes() == before
    assert _leftovers(out, {"jane.json"}) == []


def test_a_failed_write_leaves_no_temp_file(out: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = out / "new.json"

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(answers_file.os, "fsync", broken_fsync)
    with pytest.raises(AnswersFileError, match="Input/output error"):
        write_text_atomically(path, "{}")
    assert not path.exists() and _leftovers(out, set()) == []


def test_writing_into_a_missing_or_read_only_folder(out: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(AnswersFileError, match="does not exist"):
        write_answers_file(out / "no" / "such" / "f.json", AnswersDocument(SEED))

    def denied(**_: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(answers_file.tempfile, "mkstemp", denied)  # the tests may run as root
    with pytest.raises(AnswersFileError, match="permission denied") as caught:
        write_answers_file(out / "f.json", AnswersDocument(SEED))
    assert str(caught.value).startswith(f"{out / 'f.json'}: ")
    assert _leftovers(out, set()) == []


def test_a_schema_1_file_is_read_as_schema_2_and_names_the_new_questions(tmp_path: Path) -> None:
    """Migration from schema 1: nothing answered is lost; the new questions the branching asks
    are named in question order; saving writes schema 2."""
    old = {k: v for k, v in SEED.items() if k not in NEW_IN_SCHEMA[2]}
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"schema_version": 1, "answers": old,
                                "result": {"colour": "AMBER", "ruleset": "2026.11.1"}}), "utf-8")
    doc = read_answers_file(path)
    assert doc.migrated and doc.schema_version == 1 and doc.answers == old
    assert new_questions_to_answer(doc, date(2026, 11, 28)) == ["B9", "B10", "B11", "E3", "D5"]
    write_answers_file(path, doc, "AMBER")
    again = read_answers_file(path)
    assert again.schema_version == SCHEMA_VERSION == 2 and not again.migrated
    assert again.answers == old


def test_a_schema_2_file_has_no_new_questions(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    path.write_text(doc_text(), "utf-8")
    doc = read_answers_file(path)
    assert not doc.migrated and new_questions_to_answer(doc, date(2026, 11, 28)) == []
