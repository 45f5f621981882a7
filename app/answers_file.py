"""Answers files: JSON read defensively and written atomically with owner-only permissions."""

import errno
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.about import APP_NAME, VERSION
from app.i18n import N_, _
from app.i18n.formats import format_number
from rules import Person, load_parameters
from rules.branching import is_asked
from rules.questions import QUESTIONS

SCHEMA_VERSION = 2
# Questions ruleset 2 (legal brief amendment 1) added; a schema 1 file has none of them. Schema 2
# changes nothing else: every schema 1 answer keeps its meaning, so migration adds nothing and
# loses nothing, and the wizard asks the new questions (new_questions_to_answer).
NEW_IN_SCHEMA = {2: ("A1b", "A3", "B9", "B10", "B11", "D5", "E3")}
MAX_FILE_BYTES = 1_000_000
FILE_MODE = 0o600


# What a file is expected to be, in messages (marked here, translated where used).
ANSWERS_FILE = N_("an answers file")

class AnswersFileError(Exception):
    """A file that cannot be read or written, with a message naming the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(_("{path}: {problem}").format(path=self.path, problem=problem))


@dataclass(frozen=True)
class AnswersDocument:
    """The content of one answers file: raw answers (validated later), person and metadata."""

    answers: dict[str, Any]
    person: Person = field(default_factory=Person)
    ruleset_version: str | None = None
    last_colour: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION

    @property
    def migrated(self) -> bool:
        """True for a file of an older schema, read (and saved) as the current one."""
        return self.schema_version < SCHEMA_VERSION


def read_problem(error: OSError, what: str = "") -> str:
    """Why a file could not be read, in words (for AnswersFileError)."""
    if isinstance(error, FileNotFoundError):
        return _("file not found")
    if isinstance(error, IsADirectoryError):
        return _("is a folder, not {what}").format(what=_(what)) if what else _("is a folder")
    if isinstance(error, PermissionError):
        return _("permission denied")
    return _("cannot be read ({reason})").format(reason=error.strerror or error)


def special_file_problem(mode: int, what: str = "") -> str | None:
    """Why a file of this st_mode cannot be read as `what` (None for a regular file): reading
    /dev/zero or /dev/urandom never ends, and a named pipe waits forever for a writer."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("is a folder, not {what}").format(what=_(what)) if what else _("is a folder")
    kind = (_("a device (such as /dev/zero)") if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
            _("a named pipe (FIFO)") if stat.S_ISFIFO(mode) else
            _("a socket") if stat.S_ISSOCK(mode) else _("not a regular file"))
    if what:
        return _("is {kind}, not a file; only regular files can be read as {what}").format(
            kind=kind, what=_(what))
    return _("is {kind}, not a file; only regular files can be read").format(kind=kind)


_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
               | getattr(os, "O_CLOEXEC", 0))


def read_regular_file(path: Path, max_bytes: int = MAX_FILE_BYTES, what: str = ANSWERS_FILE
                      ) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; anything else (a device, a pipe, a
    folder, a symlink to one, a larger file) raises AnswersFileError at once.

    Opened without blocking (a named pipe with no writer would wait forever), checked on the
    opened descriptor (no race with a file swapped in between), read with a cap (a file that
    grows while being read stops at the cap)."""
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise AnswersFileError(path, read_problem(error, what)) from None
    try:
        info = os.fstat(handle)
        problem = special_file_problem(info.st_mode, what)
        if problem:
            raise AnswersFileError(path, problem)
        if info.st_size > max_bytes:
            raise AnswersFileError(path, _("file is too large ({size} bytes) to be {what}").format(
                size=format_number(info.st_size), what=_(what)))
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(handle, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise AnswersFileError(path, _("file is too large (over {size} bytes) to be "
                                           "{what}").format(size=format_number(max_bytes),
                                                            what=_(what)))
        return b"".join(chunks)
    except OSError as error:
        raise AnswersFileError(path, read_problem(error, what)) from None
    finally:
        os.close(handle)


def _read_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES, what: str = ANSWERS_FILE
                ) -> bytes:
    return read_regular_file(path, max_bytes, what)


def _decode(path: Path, data: bytes, what: str = ANSWERS_FILE) -> dict[str, Any]:
    if not data.strip():
        raise AnswersFileError(path, _("file is empty"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AnswersFileError(path, _("is not a text file (not UTF-8)")) from None
    try:
        loaded = json.loads(text)
    except json.JSONDecodeError as error:
        raise AnswersFileError(
            path, _("is not valid JSON (line {line}, column {column}: {reason}); it may be "
                    "truncated or not {what}").format(line=error.lineno, column=error.colno,
                                                      reason=error.msg, what=_(what))) from None
    except RecursionError:
        raise AnswersFileError(path, _("is nested too deeply to be {what}").format(
            what=_(what))) from None
    except ValueError as error:  # e.g. a number with thousands of digits
        reason = str(error).split(";")[0]
        raise AnswersFileError(path, _("cannot be read as {what} ({reason})").format(
            what=_(what), reason=reason)) from None
    if not isinstance(loaded, dict):
        raise AnswersFileError(path, _("is JSON but not {what} (expected an object)").format(
            what=_(what)))
    if _SURROGATE_ESCAPE.search(text):
        where = unpaired_surrogate_at(loaded)
        if where is not None:
            raise AnswersFileError(
                path, _("has text that is not valid Unicode at {where} (an unpaired surrogate "
                        "escape such as {example}, which no file or screen can show); the file "
                        "is damaged or was not written by a text editor").format(
                    where=where, example="\\udfff"))
    return loaded


# JSON can only carry a surrogate as an escape (raw surrogates are not valid UTF-8).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def unpaired_surrogate_at(content: object) -> str | None:
    """Where (e.g. "answers.B1", "answers key 'x?'") a key or string of decoded JSON holds an
    unpaired surrogate, or None. Iterative: the nesting depth is whatever the JSON had."""
    stack: list[tuple[object, str]] = [(content, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return where or _("the top level")
        elif isinstance(value, dict):
            for key, item in value.items():
                if _SURROGATE.search(key):
                    shown = _SURROGATE.sub("?", key)
                    return f"{where + ' ' if where else ''}key '{shown}'"
                stack.append((item, f"{where}.{key}" if where else key))
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{index}]") for index, item in enumerate(value))
    return None


def read_json_object(path: Path | str, max_bytes: int, what: str) -> dict[str, Any]:
    """Read a JSON object defensively; any problem raises AnswersFileError naming `what`."""
    where = Path(path)
    return _decode(where, _read_bytes(where, max_bytes, what), what)


def _schema(path: Path, content: dict[str, Any]) -> None:
    version = content.get("schema_version")
    if version is None:
        raise AnswersFileError(path, _("has no schema_version; it is not an answers file"))
    if not isinstance(version, int) or isinstance(version, bool):
        raise AnswersFileError(path, _("schema_version must be a whole number, not "
                                       "{value}").format(value=repr(version)))
    if version > SCHEMA_VERSION:
        raise AnswersFileError(
            path, _("was written by a newer version of {app} (schema {version}; this version "
                    "reads schema {supported}); please update the app").format(
                app=APP_NAME, version=version, supported=SCHEMA_VERSION))
    if version < 1:
        raise AnswersFileError(path, _("has an unknown schema_version {version}").format(
            version=version))


def parse_document(path: Path, content: dict[str, Any]) -> AnswersDocument:
    """Turn the decoded JSON of an answers file into a document, or explain what is wrong."""
    _schema(path, content)
    answers = content.get("answers")
    if not isinstance(answers, dict):
        raise AnswersFileError(path, _("has no 'answers' object"))
    person_raw = content.get("person") or {}
    if not isinstance(person_raw, dict):
        raise AnswersFileError(path, _("'person' must be an object with name, email, "
                                       "reference"))
    try:
        person = Person.model_validate(person_raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise AnswersFileError(path, f"person.{where}: {first['msg']}") from None
    saved = content.get("result")
    result: dict[str, Any] = saved if isinstance(saved, dict) else {}
    known = {"schema_version", "answers", "person", "result"}
    return AnswersDocument(
        answers=answers,
        person=person,
        ruleset_version=_str_or_none(result.get("ruleset")),
        last_colour=_str_or_none(result.get("colour")),
        extra={k: v for k, v in content.items() if k not in known},
        schema_version=content["schema_version"],
    )


def new_questions_to_answer(doc: AnswersDocument, as_of: date) -> list[str]:
    """Questions added since the file's schema that the branching asks and it does not answer,
    in question order (the wizard takes the person to them)."""
    added = {qid for version, qids in NEW_IN_SCHEMA.items() if version > doc.schema_version
             for qid in qids}
    return [q.id for q in QUESTIONS
            if q.id in added and q.id not in doc.answers and is_asked(q.id, doc.answers, as_of)]


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def read_answers_file(path: Path | str) -> AnswersDocument:
    """Read an answers file; any problem raises AnswersFileError with a clear message."""
    where = Path(path)
    return parse_document(where, _decode(where, _read_bytes(where)))


def document_json(doc: AnswersDocument, colour: str | None = None) -> str:
    """The JSON text of an answers file (stable key order)."""
    content: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "app": APP_NAME,
        "app_version": VERSION,
        "saved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "answers": doc.answers,
        "person": doc.person.model_dump(mode="json", exclude_none=True),
    }
    if colour is not None:
        content["result"] = {"colour": colour, "ruleset": load_parameters().ruleset_version}
    return json.dumps(content, indent=2, ensure_ascii=False) + "\n"


def same_file(first: Path | str, second: Path | str) -> bool:
    """True when two paths name the same file (links, `..`, symlinks and existing hard links
    included), as `cp` checks "are the same file"."""
    try:
        return os.path.samefile(first, second)
    except OSError:  # one does not exist (yet): compare where they would be
        return os.path.realpath(first) == os.path.realpath(second)


def check_outputs(outputs: list[tuple[str, Path]], inputs: list[Path]) -> None:
    """Refuse, before anything is written, an output that is an input, a folder, or the same
    file as another output. `outputs` are (what, path) pairs such as ("--csv", Path(...))."""
    for index, (what, out) in enumerate(outputs):
        if out.is_dir():
            raise AnswersFileError(out, _("is a folder; {option} needs a file name").format(
                option=what))
        for source in inputs:
            if same_file(out, source):
                raise AnswersFileError(
                    out, _("{option} would overwrite the input {source} (they are the same "
                           "file); choose another name").format(option=what, source=source))
        for other_what, other in outputs[:index]:
            if same_file(out, other):
                raise AnswersFileError(
                    out, _("is given to both {first} and {second}; choose two names").format(
                        first=other_what, second=what))


def write_text_atomically(path: Path | str, text: str, mode: int = FILE_MODE) -> None:
    """Write via a temporary file in the same folder and rename; the old file survives errors."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:  # an unpaired surrogate: refuse, nothing is written
        raise AnswersFileError(
            path, _("could not be saved: it holds text that is not valid Unicode (character "
                    "{position}, an unpaired surrogate)").format(position=error.start + 1)) \
            from None
    write_bytes_atomically(path, data, mode)


# Temporary files are hidden, 0600 (mkstemp), and carry the writer's process id, so the next
# save in a folder can remove those a killed run left (its process is gone).
MAX_NAME_BYTES = 255
_TEMP_NAME = re.compile(r"^\..*\.vc(\d+)\.[A-Za-z0-9_]{8}\.tmp$", re.DOTALL)
_STALE_SECONDS = 24 * 3600  # where process ids cannot be checked (Windows)


def _fits(name: str, limit: int) -> str:
    """`name` cut (at a character boundary) to at most `limit` bytes on disk."""
    data = os.fsencode(name)
    if len(data) <= limit:
        return name
    cut = limit
    while cut and (data[cut] & 0xC0) == 0x80:  # not inside a UTF-8 character
        cut -= 1
    return os.fsdecode(data[:cut])


def _process_gone(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # another user's process, or no permission to ask: it may be alive
        return False
    return False


def remove_stale_temps(folder: Path) -> int:
    """Remove the temporary files of earlier runs that were killed mid-write (our name
    pattern, our user, a regular file, its process gone); how many were removed."""
    removed = 0
    posix = os.name == "posix"
    now = datetime.now(UTC).timestamp()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        found = _TEMP_NAME.match(entry.name)
        if found is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or (posix and info.st_uid != os.getuid()):
                continue
            stale = _process_gone(int(found.group(1))) if posix else \
                now - info.st_mtime > _STALE_SECONDS
            if stale:
                os.unlink(entry.path)
                removed += 1
        except (OSError, ValueError):
            continue
    return removed


def make_temp_beside(target: Path) -> tuple[int, Path]:
    """A new empty temporary file (descriptor, path) in the target's folder, so the rename is
    atomic; its name stays within 255 bytes whatever the target is called. Leftovers of
    killed runs in that folder are removed first. OSError when the folder refuses."""
    folder = target.parent
    remove_stale_temps(folder)
    tail = f".vc{os.getpid()}."
    room = MAX_NAME_BYTES - 1 - len(tail) - 8 - len(".tmp")  # 8: mkstemp's random part
    handle, temp = tempfile.mkstemp(prefix=f".{_fits(target.name, room)}{tail}", suffix=".tmp",
                                    dir=folder)
    return handle, Path(temp)


def sync_folder(folder: Path) -> None:
    """fsync a folder, so a rename into it survives a power cut (POSIX; best effort)."""
    if os.name != "posix":
        return
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_bytes_atomically(path: Path | str, data: bytes, mode: int = FILE_MODE) -> None:
    """Atomic binary write with the given permissions; errors name the file."""
    target = Path(path)
    handle, temp = open_temp_beside(target)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise AnswersFileError(target, _("could not be saved: {reason}").format(
            reason=error.strerror or error)) from None
    replace_atomically(temp, target, mode)


def replace_atomically(temp: Path, target: Path, mode: int = FILE_MODE) -> None:
    """Put a finished temporary file in place with the given permissions: its data on disk
    first (fsync), then the rename, then the folder's entry (fsync of the folder)."""
    try:
        handle = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise AnswersFileError(target, _("could not be saved: {reason}").format(
            reason=error.strerror or error)) \
            from None
    sync_folder(target.parent)


def open_temp_beside(target: Path) -> tuple[int, Path]:
    """A new temporary file (open handle, path) in the target's folder, on the same file system
    so the rename is atomic; errors name the file and say why in words."""
    folder = target.parent
    if not folder.is_dir():
        raise AnswersFileError(target, _("folder {folder} does not exist").format(
            folder=folder))
    if target.is_dir():
        raise AnswersFileError(target, _("is a folder; give a file name"))
    try:
        return make_temp_beside(target)
    except OSError as error:
        raise AnswersFileError(target, _("cannot be written there: {reason}").format(
            reason=_refusal(error, folder))) from None


def _refusal(error: OSError, folder: Path) -> str:
    """Why a file cannot be created in an existing folder, in words."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return _("permission denied in folder {folder}").format(folder=folder)
    if error.errno == errno.EROFS:
        return _("folder {folder} is on a read-only file system").format(folder=folder)
    if error.errno == errno.ENOENT:  # /proc, /sys: the folder exists but takes no new files
        return _("folder {folder} does not accept new files").format(folder=folder)
    if error.errno == errno.ENOSPC:
        return _("the disk holding folder {folder} is full").format(folder=folder)
    return _("folder {folder} refuses new files ({reason})").format(
        folder=folder, reason=error.strerror or error)


def write_answers_file(path: Path | str, doc: AnswersDocument, colour: str | None = None) -> None:
    """Save an answers file atomically with permissions 0600 (immigration status is private)."""
    write_text_atomically(path, document_json(doc, colour))
