"""Read a group from spreadsheets (CSV, XLSX) and answers files, one person at a time.

Every reader streams: rows are read, parsed and handed on one by one, never loaded whole. A
problem with a whole file raises AnswersFileError (naming the file); a problem with one row is
attached to that row, which is then listed as invalid rather than dropped.
"""

import codecs
import csv
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, NamedTuple

from app.answers_file import (
    AnswersFileError,
    read_answers_file,
    read_problem,
    special_file_problem,
)
from app.group.columns import (
    AMOUNT_IDS,
    Header,
    amount_issues,
    label_issues,
    labels_read,
    parse_cell_cached,
    parse_value,
    person_text,
    read_header,
)
from app.group.members import Member
from app.i18n import N_, _, ngettext
from app.i18n.formats import format_number
from rules import Issue

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
ANSWERS_SUFFIXES = frozenset({".json"})
SPREADSHEET_SUFFIXES = CSV_SUFFIXES | XLSX_SUFFIXES
# Interactive imports refuse larger spreadsheets (the command line streams any size).
MAX_INTERACTIVE_BYTES = 32 * 1024 * 1024
MAX_LINE_BYTES = 1024 * 1024
# A CSV is read in chunks of about this many bytes of whole lines (_chunk_lines).
CHUNK_BYTES = 64 * 1024
# Caps against "bombs" (docs/organiser-mode.md): what an Excel file may decompress to, the
# longest text between two XML tags (one cell: Excel itself stops at 32,767 characters), and
# the columns read beyond the header (a row of 500,000 extra cells is one issue, not 500,000).
MAX_XLSX_SHEET_BYTES = 512 * 1024 * 1024
MAX_XLSX_PART_BYTES = 32 * 1024 * 1024
MAX_XLSX_RATIO = 200
MAX_XLSX_PARTS = 10_000
MAX_XML_TEXT_BYTES = 256 * 1024
MAX_EXTRA_COLUMNS = 64
DELIMITERS = (",", ";", "\t")

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What a known binary file is, marked here and translated where it is named.
_KNOWN_BINARY = {
    b"%PDF": N_("a PDF document"),
    b"\x89PNG": N_("a PNG image"),
    b"\xff\xd8\xff": N_("a JPEG image"),
    b"GIF8": N_("a GIF image"),
    b"\x1f\x8b": N_("a gzip archive"),
    b"7z\xbc\xaf": N_("a 7-Zip archive"),
    b"Rar!": N_("a RAR archive"),
    b"\x7fELF": N_("a program"),
    b"MZ": N_("a Windows program"),
}
NUL_BYTES = N_("contains NUL bytes: it is not a text spreadsheet, or it uses a text encoding "
               "this app cannot read; save it as CSV UTF-8 or as .xlsx")
SPREADSHEET_OR_ANSWERS = N_("a spreadsheet or answers file")


@dataclass
class SourceInfo:
    """What a source said about itself while being read (shown to the organiser)."""

    name: str
    kind: str
    notes: list[str] = field(default_factory=list)
    rows: int = 0
    encoding: str = ""


class Source:
    """One input being read: an iterator of members plus progress through it."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.info = SourceInfo(name=path.name, kind=kind)
        self.total = 1
        self.done = 0

    def members(self) -> Iterator[Member]:
        raise NotImplementedError

    def _members_of(self, rows: Iterable[tuple[int, Sequence[Any] | None]],
                    header: Header) -> Iterator[Member]:
        """The people of numbered spreadsheet rows: blank rows skipped, comment rows counted
        in a note."""
        name = self.path.name
        plans = row_plans(header)
        comments = 0
        for row, cells in rows:
            if cells is None or _blank(cells):
                continue
            if is_comment(cells):
                comments += 1
                continue
            self.info.rows += 1
            yield _member(name, row, header, cells, plans)
        if comments:
            self.info.notes.append(_comment_note(comments))


def _size(path: Path) -> int:
    """The size of a regular file (devices, pipes and sockets are refused: /dev/zero never
    ends, a named pipe blocks)."""
    try:
        info = path.stat()
    except OSError as error:
        raise AnswersFileError(path, read_problem(error)) from None
    problem = special_file_problem(info.st_mode, SPREADSHEET_OR_ANSWERS)
    if problem:
        raise AnswersFileError(path, problem)
    return info.st_size


def _head(path: Path, count: int = 8192) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(count)
    except OSError as error:
        raise AnswersFileError(path, read_problem(error)) from None


def _not_a_spreadsheet(path: Path, what: str) -> AnswersFileError:
    return AnswersFileError(
        path, _("is {what}, not a spreadsheet; import a CSV or Excel (.xlsx) file with one row "
                "per person, or answers files (.json)").format(what=_(what)))


def open_source(path: Path | str, max_bytes: int | None = None) -> Source:
    """Identify a file by its content (not only its name) and return a reader for it."""
    where = Path(path)
    if where.is_dir():
        raise AnswersFileError(where, _("is a folder; use answers_in_folder() for folders"))
    size = _size(where)
    if size == 0:
        raise AnswersFileError(where, _("file is empty"))
    if max_bytes is not None and size > max_bytes:
        raise AnswersFileError(
            where, _("is {size} MB; the window opens spreadsheets up to {limit} MB (about "
                     "{people} people). Split it, or screen it with the command line "
                     "`volunteer-check screen`, which reads files of any size").format(
                size=format_number(round(size / 1_048_576)),
                limit=format_number(round(max_bytes / 1_048_576)),
                people=format_number(100_000)))
    head = _head(where)
    suffix = where.suffix.casefold()
    if head.startswith(_ZIP_MAGIC):
        # By content, not name: an Excel workbook renamed (or saved) as .csv is still read.
        if not _is_xlsx(where):
            raise _not_a_spreadsheet(where, N_("a ZIP archive (not an Excel workbook)"))
        source = XlsxSource(where, size)
        if suffix not in XLSX_SUFFIXES:
            source.info.notes.append(
                _("an Excel workbook named {suffix}; read as Excel").format(suffix=suffix)
                if suffix else _("an Excel workbook without an extension; read as Excel"))
        return source
    if head.startswith(_OLE_MAGIC):
        if _is_encrypted_ooxml(where, head):
            raise AnswersFileError(
                where, _("is a password-protected Excel workbook, which cannot be read; in "
                         "Excel open it, then File > Info > Protect Workbook > Encrypt with "
                         "Password, clear the password and save it again (or save a copy as CSV "
                         "UTF-8)"))
        raise AnswersFileError(
            where, _("is an old Excel 97-2003 (.xls) workbook, which cannot be read; in Excel "
                     "use File > Save As > Excel Workbook (.xlsx) or CSV UTF-8"))
    for magic, what in _KNOWN_BINARY.items():
        if head.startswith(magic):
            raise _not_a_spreadsheet(where, what)
    if suffix in XLSX_SUFFIXES:
        raise AnswersFileError(where, _("is named .xlsx but is not an Excel workbook (it may "
                                        "be damaged, or a CSV file renamed)"))
    if suffix in ANSWERS_SUFFIXES or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return AnswersSource(where)
    return CsvSource(where, size, head)


_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def _is_encrypted_ooxml(path: Path, head: bytes) -> bool:
    """An OLE2 (compound file) holding an "EncryptedPackage" stream: how Excel saves a
    password-protected .xlsx. The stream's name is in the compound file's directory, whose
    first sector the header names."""
    if _ENCRYPTED_PACKAGE in head:
        return True
    if len(head) < 512:
        return False
    sector_size = 1 << int.from_bytes(head[30:32], "little")
    first_directory = int.from_bytes(head[48:52], "little")
    if not 7 <= sector_size.bit_length() - 1 <= 16 or first_directory >= 0xFFFFFFFA:
        return False
    try:
        with path.open("rb") as stream:
            stream.seek((first_directory + 1) * sector_size)
            directory = stream.read(max(sector_size, 4096))
    except OSError:
        return False
    return _ENCRYPTED_PACKAGE in directory


def _is_xlsx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def answers_in_folder(folder: Path | str, skipped: list[Path] | None = None) -> list[Path]:
    """Every answers file (*.json) in a folder and its sub-folders, in name order.

    Spreadsheets found there are not read (a folder may also hold templates and earlier results
    files); they are appended to `skipped`, so the caller can say so.
    """
    where = Path(folder)
    found: list[Path] = []
    try:
        for path in where.rglob("*"):
            suffix = path.suffix.casefold()
            if path.name.startswith((".", "~$")) or suffix not in ANSWERS_SUFFIXES | \
                    SPREADSHEET_SUFFIXES or not path.is_file():
                continue
            if suffix in ANSWERS_SUFFIXES:
                found.append(path)
            elif skipped is not None:
                skipped.append(path)
    except OSError as error:
        raise AnswersFileError(where, _("cannot be read ({reason})").format(
            reason=error.strerror or error)) from None
    if skipped is not None:
        skipped.sort(key=lambda p: str(p).casefold())
    return sorted(found, key=lambda p: str(p).casefold())


def expand_inputs(paths: Iterable[Path | str], skipped: list[Path] | None = None) -> list[Path]:
    """Files as given; folders replaced by the answers files inside them (the spreadsheets in
    them are appended to `skipped`)."""
    expanded: list[Path] = []
    for path in paths:
        where = Path(path)
        expanded.extend(answers_in_folder(where, skipped) if where.is_dir() else [where])
    return expanded


def skipped_note(skipped: Sequence[Path | str], shown: int = 5) -> str:
    """'skipped 2 spreadsheets in folders (a.csv, b.xlsx): ...' or '' when none was skipped."""
    if not skipped:
        return ""
    names = ", ".join(str(p) for p in skipped[:shown])
    if len(skipped) > shown:
        names = _("{names} and {count} more").format(names=names, count=len(skipped) - shown)
    return ngettext(
        "skipped a spreadsheet in folders ({names}): folders are searched for answers files "
        "(.json) only; to screen a spreadsheet, name the file itself",
        "skipped {count} spreadsheets in folders ({names}): folders are searched for answers "
        "files (.json) only; to screen a spreadsheet, name the file itself",
        len(skipped)).format(count=len(skipped), names=names)


# -- CSV ---------------------------------------------------------------------------------------


# A line ends after \n, \r\n or a carriage return alone (old Mac files, and files that mix
# line ends), as Python's universal newlines read text: split after a lone \r.
_BARE_CR = re.compile(rb"(?<=\r)(?!\n)")
_TEXT_LINE_END = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")


def split_bare_cr(line: bytes) -> list[bytes]:
    """`line` (ending in \n or not) cut after every carriage return not followed by \n."""
    cr = line.find(b"\r")
    if cr == -1 or (cr == len(line) - 2 and line.endswith(b"\r\n")):
        return [line]
    return [piece for piece in _BARE_CR.split(line) if piece]


def _raw_lines(readline: Callable[[int], bytes], source: "CsvSource") -> Iterator[bytes]:
    """The lines `readline` reads, as bytes, each ending in \n, \r\n or a lone \r (the last
    maybe in none); a line longer than MAX_LINE_BYTES is an error."""
    limit = MAX_LINE_BYTES + 1
    pending = b""
    while True:
        got = readline(limit)
        cut = len(got) == limit and not got.endswith(b"\n")
        line = pending + got if pending else got
        if not line:
            return
        source.done += len(got)
        pieces = split_bare_cr(line)
        pending = pieces.pop() if cut else b""
        if len(pending) > MAX_LINE_BYTES:
            raise AnswersFileError(
                source.path, _line_too_long(source.done))
        yield from pieces


def _text_lines(raw: IO[bytes], source: "CsvSource") -> Iterator[str]:
    """Decode line by line: UTF-8 (with or without BOM), else Windows-1252 (Excel's 'CSV').

    The lines are split and decoded a chunk of whole lines at a time, in C (_chunk_lines): the
    same lines as _raw_lines and _decoded give one by one.
    """
    return chain.from_iterable(_chunk_lines(raw, source))


def _chunk_lines(raw: IO[bytes], source: "CsvSource") -> Iterator[Iterable[str]]:
    """The file's decoded lines, a chunk of whole lines (about CHUNK_BYTES) at a time; from a
    line longer than a chunk on (no spreadsheet of people has one), the rest of the file line by
    line (_raw_lines, which refuses lines over MAX_LINE_BYTES)."""
    pending = b""
    first = True  # the next line is the file's first (which may start with a byte-order mark)
    while True:
        data = raw.read(CHUNK_BYTES)
        source.done += len(data)
        buffer = pending + data if pending else data
        if not data:
            if buffer:
                yield _decoded_lines(buffer, source, first)
            return
        cut = buffer.rfind(b"\n") + 1
        pending = buffer[cut:]
        if cut:
            yield _decoded_lines(buffer[:cut], source, first)
            first = False
        if len(pending) > CHUNK_BYTES:
            source.done -= len(pending)  # read again, by _raw_lines
            rest = _Prefixed(pending, raw)
            yield _each_decoded(_raw_lines(rest.readline, source), source, first)
            return


def _decoded_lines(chunk: bytes, source: "CsvSource", first: bool) -> Iterable[str]:
    """The lines of a chunk of whole lines, decoded: at once when it is UTF-8 without NUL bytes
    (io.StringIO splits at \n, \r\n and a lone \r, as _raw_lines does), else line by line
    (and so the file's first chunk, for its byte-order mark)."""
    if not first and b"\x00" not in chunk:
        try:
            return io.StringIO(chunk.decode("utf-8"), newline="")
        except UnicodeDecodeError:
            pass  # some line is Windows-1252: each line is decoded on its own
    # bytes.splitlines splits at the same three line ends (str.splitlines knows more)
    return _each_decoded(chunk.splitlines(keepends=True), source, first)


def _each_decoded(lines: Iterable[bytes], source: "CsvSource", first: bool) -> Iterator[str]:
    """Each line decoded (_decoded); `first`: the first line is the file's, without its UTF-8
    byte-order mark."""
    for line in lines:
        if first:
            line = line.removeprefix(codecs.BOM_UTF8)
            first = False
        yield _decoded(line, source)


def _decoded(line: bytes, source: "CsvSource") -> str:
    """One line as text: UTF-8, else Windows-1252; NUL bytes are an error."""
    if b"\x00" in line:
        raise AnswersFileError(source.path, _(NUL_BYTES))
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        source.windows_1252 = True
        return line.decode("cp1252", errors="replace")


class _Prefixed:
    """readline() over `prefix` and then the stream `rest`, as if they were one stream."""

    def __init__(self, prefix: bytes, rest: IO[bytes]) -> None:
        self._prefix = io.BytesIO(prefix)
        self._rest = rest

    def readline(self, limit: int) -> bytes:
        line = self._prefix.readline(limit)
        if line.endswith(b"\n") or len(line) == limit:
            return line
        return line + self._rest.readline(limit - len(line))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf16_lines(raw: IO[bytes], source: "CsvSource") -> Iterator[str]:
    """UTF-16 with a byte-order mark (Excel's "Unicode text"), decoded incrementally; damage
    (an odd trailing byte, an unpaired surrogate) stops the file with a message, after the
    lines before it."""
    # surrogatepass: an unpaired surrogate is decoded (and then found), so the lines before
    # it are still read.
    decoder = codecs.getincrementaldecoder("utf-16")(errors="surrogatepass")
    pending = ""
    while True:
        chunk = raw.read(65536)
        damage = ""
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            text, damage = "", (_("it ends in the middle of a character") if not chunk
                                else _("it has {reason}").format(reason=error.reason))
        bad = _SURROGATE.search(text)
        if bad is not None:
            text, damage = text[:bad.start()], _("it has an unpaired surrogate")
        pending += text
        lines = [piece for piece in _TEXT_LINE_END.split(pending) if piece]
        # The last piece may go on in the next chunk (a \r may be half of \r\n).
        pending = lines.pop() if (chunk or damage) and lines and \
            not lines[-1].endswith("\n") else ""
        if len(pending) > MAX_LINE_BYTES:
            raise AnswersFileError(
                source.path, _line_too_long(source.done))
        if any("\x00" in line for line in lines):
            raise AnswersFileError(source.path, _("contains NUL characters: it is not a text "
                                                  "spreadsheet"))
        yield from lines
        if damage:
            raise AnswersFileError(
                source.path, _("is not valid UTF-16: {damage} near byte {offset}; the rows "
                               "before it were imported. Save it again as CSV UTF-8 or "
                               ".xlsx").format(damage=damage,
                                               offset=format_number(source.done)))
        source.done += len(chunk)
        if not chunk:
            return


def sniff_delimiter(header_line: str) -> str:
    """The delimiter (',' ';' or tab) under which the header names the most known columns."""
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([header_line], delimiter=delimiter), [])
        except csv.Error:  # e.g. a cell over the csv module's field size limit
            continue
        score = (read_header(cells).recognised, len(cells))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def header_cells(path: Path, line: str, delimiter: str) -> list[str]:
    """The cells of the header line; AnswersFileError when it cannot be parsed."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error as error:
        raise AnswersFileError(path, _("has a header row that cannot be read ({reason})")
                               .format(reason=error)) \
            from None


_MISS = object()


class Plans(NamedTuple):
    """How one file's rows become members, worked out once per file (row_plans)."""

    # (cell index, position in PERSON_FIELDS) of the person columns
    person: tuple[tuple[int, int], ...]
    # (cell index, question id, that question's parse memo) of the question columns, in order
    answers: tuple[tuple[int, str, dict[object, object]], ...]
    # A row's question cells at once, for rows that reach the last question column
    answer_cells: Callable[[Sequence[object]], tuple[object, ...]]
    # (question id, parse memo) in the same order as answer_cells gives the cells
    columns: tuple[tuple[str, dict[object, object]], ...]


def row_plans(header: Header) -> Plans:
    """The Plans of a file with this header."""
    answers = header.answer_plan()
    indexes = [index for index, _, _ in answers]

    def answer_cells(cells: Sequence[object]) -> tuple[object, ...]:
        return tuple(cells[index] for index in indexes)

    # itemgetter takes the cells in one call (with one index it returns the cell, not a tuple)
    getter = itemgetter(*indexes) if len(indexes) > 1 else answer_cells
    return Plans(header.person_plan(), answers, getter,
                 tuple((qid, memo) for _, qid, memo in answers))


def _member(source: str, row: int, header: Header, cells: Sequence[object],
            plans: Plans | None = None) -> Member:
    """One row as a member: person fields as text, answers parsed (bad values kept as written).

    `plans` is row_plans(header), computed once per file.
    """
    plans = plans or row_plans(header)
    count = len(cells)
    person = ["", "", ""]
    for index, position in plans.person:
        if index < count:
            value = cells[index]
            if value.__class__ is str:
                person[position] = value.strip()
            elif value is not None:
                person[position] = person_text(value)
    answer_plan = plans.answers
    if answer_plan and count > answer_plan[-1][0]:
        answers = _answers(plans.columns, plans.answer_cells(cells))
    else:  # a short row: only the cells it has (the plan is in column order)
        values = [cells[index] for index, _, _ in answer_plan if index < count]
        answers = _answers(plans.columns[:len(values)], values)
    issues: tuple[Issue, ...] = ()
    if count > len(header.keys):
        issues = _extra_cells(header, cells)
    for qid in AMOUNT_IDS:  # an amount that could not be read with certainty ('1.200')
        if answers.get(qid).__class__ is str:
            issues += amount_issues(answers)
            break
    if labels_read():  # else every choice answer is an exact code (no label look-ups built)
        issues += label_issues(answers)
    # (Member's fields in order: keywords cost more than the rest of this line)
    return Member(source, row, person[0], person[1], person[2], answers, header.titles, issues)


def _answers(columns: Sequence[tuple[str, dict[object, object]]], values: Iterable[object]
             ) -> dict[str, Any]:
    """The parsed answers of a row's question cells (blank cells left out); each question's
    memo answers for values seen before."""
    answers: dict[str, Any] = {}
    for (qid, memo), value in zip(columns, values):  # noqa: B905  # as many values as columns
        if value == "" or value is None:
            continue
        parsed = memo.get(value, _MISS)
        if parsed is _MISS:
            parsed = parse_cell_cached(qid, value)
        elif parsed.__class__ is tuple:
            parsed = list(parsed)
        if parsed is not None:
            answers[qid] = parsed
    return answers


def _extra_cells(header: Header, cells: Sequence[object]) -> tuple[Issue, ...]:
    """One issue for the values beyond the last header column (however many there are)."""
    width = len(header.keys)
    found = [index for index in range(width, len(cells))
             if cells[index] is not None and str(cells[index]).strip()]
    if not found:
        return ()
    first = found[0]
    if len(found) > 1:
        message = ngettext(
            "this row has a value in column {column} and {count} more column after it, which "
            "have no header (the header has {width} columns); a missing or extra delimiter?",
            "this row has a value in column {column} and {count} more columns after it, which "
            "have no header (the header has {width} columns); a missing or extra delimiter?",
            len(found) - 1)
    else:
        message = _("this row has a value in column {column}, which has no header (the header "
                    "has {width} columns); a missing or extra delimiter?")
    return (Issue(code="V03", question=_("column {number}").format(number=first + 1),
                  value=str(cells[first])[:60],
                  message=message.format(column=first + 1, count=format_number(len(found) - 1),
                                         width=width)),)


def _check_header(path: Path, header: Header, info: SourceInfo) -> None:
    if not header.questions:
        if header.recognised:
            raise AnswersFileError(
                path, _("has no question columns (A1 ... G); is it a results file? Use the "
                        "template's header row"))
        raise AnswersFileError(
            path, _("has no recognised columns in its first row; expected a header row with "
                    "name, email, reference and the question ids A1 ... G (see the "
                    "template)"))
    if header.ignored:
        shown = ", ".join(header.ignored[:8]) + (" ..." if len(header.ignored) > 8 else "")
        info.notes.append(_("ignored columns: {columns}").format(columns=shown))
    if header.repeated:
        info.notes.append(_("repeated columns ignored (the first one is used): {columns}")
                          .format(columns=", ".join(header.repeated)))


def _blank(cells: Sequence[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


# A row whose first cell starts with this (after spaces) is a comment: the templates' rows of
# questions, allowed codes and examples. "#" alone or "#12" is data (a numbered column).
COMMENT_MARK = "# "


def is_comment(cells: Sequence[object]) -> bool:
    """True for a comment row (its first cell starts with '# ')."""
    first = cells[0] if cells else None
    return isinstance(first, str) and first.lstrip().startswith(COMMENT_MARK)


def _comment_note(count: int) -> str:
    return ngettext("{count} comment row skipped (first cell starting with '{mark}')",
                    "{count} comment rows skipped (first cell starting with '{mark}')",
                    count).format(count=format_number(count), mark=COMMENT_MARK.strip())


def delimiter_note(delimiter: str) -> str:
    """'delimiter: ;' or 'delimiter: tab' (a CSV not separated by commas)."""
    shown = _("tab") if delimiter == "\t" else delimiter
    return _("delimiter: {delimiter}").format(delimiter=shown)


def _line_too_long(offset: int) -> str:
    return _("has a line longer than {size} KB near byte {offset}; it is not a spreadsheet of "
             "people").format(size=MAX_LINE_BYTES // 1024, offset=format_number(offset))


class CsvSource(Source):
    """A CSV (or tab-separated) file: UTF-8, UTF-8 with BOM, UTF-16 with BOM or Windows-1252."""

    def __init__(self, path: Path, size: int, head: bytes) -> None:
        super().__init__(path, "CSV")
        self.total = size
        self.windows_1252 = False
        self.utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        if not self.utf16 and b"\x00" in head:
            raise AnswersFileError(
                path, _(NUL_BYTES))

    def members(self) -> Iterator[Member]:
        try:
            with self.path.open("rb") as raw:
                yield from self._members(raw)
        except OSError as error:
            raise AnswersFileError(self.path, _("cannot be read ({reason})").format(
                reason=error.strerror or error)) from None
        finally:
            self.done = self.total
            self.info.encoding = ("UTF-16" if self.utf16 else
                                  "Windows-1252" if self.windows_1252 else "UTF-8")

    def _members(self, raw: IO[bytes]) -> Iterator[Member]:
        lines = _utf16_lines(raw, self) if self.utf16 else _text_lines(raw, self)
        first = ""
        row = 0
        for line in lines:
            row += 1
            if line.strip() and not line.lstrip().startswith(COMMENT_MARK):
                first = line
                break
        if not first:
            raise AnswersFileError(self.path, _("has no rows (only blank lines)"))
        delimiter = sniff_delimiter(first)
        header = read_header(header_cells(self.path, first, delimiter))
        _check_header(self.path, header, self.info)
        if delimiter != ",":
            self.info.notes.append(delimiter_note(delimiter))
        reader = csv.reader(lines, delimiter=delimiter)
        yield from self._rows(reader, row, header)

    def _rows(self, reader: Iterator[list[str]], row: int, header: Header) -> Iterator[Member]:
        """The people of the rows after the header (Source._members_of for text cells, in one
        loop: this runs for every row); a broken row stops the file with an error naming where
        (the rows before it are kept)."""
        name = self.path.name
        plans = row_plans(header)
        info = self.info
        comments = 0
        try:
            for cells in reader:
                row += 1
                first = cells[0].lstrip() if cells else ""
                if not first:
                    if not "".join(cells).strip():  # every cell blank (_blank)
                        continue
                elif first.startswith(COMMENT_MARK):  # (is_comment)
                    comments += 1
                    continue
                info.rows += 1
                yield _member(name, row, header, cells, plans)
        except csv.Error as error:
            raise AnswersFileError(
                self.path, _("cannot be read after row {row} ({problem}); the rows before "
                             "it were imported").format(row=row, problem=error)) from None
        if comments:
            info.notes.append(_comment_note(comments))


# -- XLSX --------------------------------------------------------------------------------------


def check_workbook_parts(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a workbook that would decompress to far more than any real one (a "zip bomb")
    before openpyxl reads it: sizes as the archive declares them (Python's zipfile never
    returns more than the declared size, and the CRC check fails on a lie)."""
    infos = archive.infolist()
    if len(infos) > MAX_XLSX_PARTS:
        raise AnswersFileError(path, _("has {count} parts inside; no real workbook has more "
                                       "than {limit}").format(
            count=format_number(len(infos)), limit=format_number(MAX_XLSX_PARTS)))
    for info in infos:
        sheet = info.filename.startswith("xl/worksheets/")
        cap = MAX_XLSX_SHEET_BYTES if sheet else MAX_XLSX_PART_BYTES
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > cap or (info.file_size > 16 * 1024 * 1024 and
                                    ratio > MAX_XLSX_RATIO):
            raise AnswersFileError(
                path, _("is refused: its part {part} would decompress to {size} MB ({ratio} "
                        "times its packed size); a workbook of people is far smaller (limit "
                        "{limit} MB per part)").format(
                    part=info.filename, size=format_number(round(info.file_size / 1_048_576)),
                    ratio=format_number(round(ratio)), limit=cap // 1_048_576))
    # openpyxl loads every other XML part (shared strings, styles, ...) whole: scan them first.
    for info in infos:
        if not info.filename.startswith("xl/worksheets/") and \
                info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as stream:
                capped = CappedXml(stream, path)
                while capped.read(1 << 20):
                    pass


class CappedXml:
    """A read-only stream of XML that stops with AnswersFileError when the text between two
    tags (one cell's value) grows past MAX_XML_TEXT_BYTES: a cell that decompresses to
    gigabytes is refused after a quarter of a megabyte, not held in memory."""

    def __init__(self, stream: IO[bytes], path: Path) -> None:
        self._stream = stream
        self._path = path
        self._run = 0  # bytes since the last '<'

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size if size is not None and size >= 0 else 1 << 20)
        if not data:
            return data
        first = data.find(b"<")
        if first < 0:
            self._run += len(data)
        else:
            self._run += first
            if self._run <= MAX_XML_TEXT_BYTES:
                self._run = len(data) - data.rfind(b"<") - 1
        # A run inside one read can only pass the cap when the read itself is that large.
        if len(data) > MAX_XML_TEXT_BYTES and first >= 0 and \
                max(map(len, data.split(b"<"))) > MAX_XML_TEXT_BYTES:
            self._run = MAX_XML_TEXT_BYTES + 1
        if self._run > MAX_XML_TEXT_BYTES:
            raise AnswersFileError(
                self._path, _("has a cell with more than {size} KB of text (Excel itself "
                              "holds at most {characters} characters in a cell); it is damaged "
                              "or not a workbook of people").format(
                    size=MAX_XML_TEXT_BYTES // 1024, characters=format_number(32_767)))
        return data

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> "CappedXml":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _cap_sheet_sources(book: Any, path: Path) -> None:
    """Make openpyxl's read-only sheets read their XML through CappedXml."""
    for sheet in book.worksheets:
        original = getattr(sheet, "_get_source", None)
        if original is None:
            continue

        def capped(original: Any = original) -> CappedXml:
            return CappedXml(original(), path)

        sheet._get_source = capped


class XlsxSource(Source):
    """An Excel workbook, read with openpyxl in read-only (streaming) mode."""

    def __init__(self, path: Path, size: int) -> None:
        super().__init__(path, "Excel")
        self.total = 1

    def members(self) -> Iterator[Member]:
        import openpyxl  # only when a workbook is read

        try:
            # A stream, not the path: openpyxl refuses names not ending in .xlsx/.xlsm, and a
            # workbook saved as team.csv is read by its content.
            stream = self.path.open("rb")
        except OSError as error:
            raise AnswersFileError(self.path, _("cannot be read ({reason})").format(
                reason=error.strerror or error)) from None
        try:
            try:
                with zipfile.ZipFile(stream) as archive:
                    check_workbook_parts(self.path, archive)
                stream.seek(0)
                book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
                _cap_sheet_sources(book, self.path)
            except AnswersFileError:
                raise
            except Exception as error:  # openpyxl raises many types for damaged files
                raise AnswersFileError(
                    self.path, _("is not a readable Excel workbook ({reason})").format(
                        reason=f"{type(error).__name__}: {str(error)[:120]}")) from None
            try:
                yield from self._members(book)
            finally:
                book.close()
        finally:
            stream.close()
            self.done = self.total

    def _members(self, book: Any) -> Iterator[Member]:
        chosen = None
        for sheet in book.worksheets:
            found = self._header_of(sheet)
            if found is not None and found[1].questions:
                chosen = (sheet, *found)
                break
        if chosen is None:
            sheet = book.worksheets[0] if book.worksheets else None
            found = self._header_of(sheet) if sheet is not None else None
            if found is None:
                raise AnswersFileError(self.path, _("has no rows (the workbook is empty)"))
            _check_header(self.path, found[1], self.info)
            return
        sheet, header_row, header = chosen
        _check_header(self.path, header, self.info)
        if len(book.worksheets) > 1:
            self.info.notes.append(_("sheet read: {sheet}").format(sheet=sheet.title))
        self.total = max(int(sheet.max_row or 1), 1)
        # Columns beyond the header are read only so far (a declared A1:XFD1048576 would
        # otherwise pad every row to 16,384 cells).
        width = len(header.keys) + MAX_EXTRA_COLUMNS
        rows = enumerate(sheet.iter_rows(min_row=header_row + 1, max_col=width, values_only=True),
                         start=header_row + 1)
        try:
            yield from self._members_of(self._counted(rows), header)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise AnswersFileError(
                self.path, _("is damaged after row {row} ({reason}); the rows before it were "
                             "imported").format(row=self.done, reason=error)) from None

    def _counted(self, rows: Iterator[tuple[int, Any]]) -> Iterator[tuple[int, Any]]:
        """The numbered rows, keeping how far the reading got (progress, error messages)."""
        for row, cells in rows:
            self.done = row
            yield row, cells

    def _header_of(self, sheet: Any) -> tuple[int, Header] | None:
        for row, cells in enumerate(sheet.iter_rows(max_row=50, max_col=1024, values_only=True),
                                    start=1):
            if cells is not None and not _blank(cells) and not is_comment(cells):
                return row, read_header(cells)
        return None


# -- answers files -----------------------------------------------------------------------------


class AnswersSource(Source):
    """One answers file written by the wizard (JSON): one person."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "answers file")

    def members(self) -> Iterator[Member]:
        doc = read_answers_file(self.path)
        answers = {key: parse_value(key, value) for key, value in doc.answers.items()}
        answers = {k: v for k, v in answers.items() if v is not None}
        person = doc.person
        self.done = self.total
        self.info.rows = 1
        yield Member(
            source=self.path.name, row=None, name=person.name or "", email=person.email or "",
            reference=person.reference or "",
            answers=answers, read_issues=amount_issues(answers) + label_issues(answers),
            last_colour=doc.last_colour, last_ruleset=doc.ruleset_version,
            path=os.fspath(self.path))
