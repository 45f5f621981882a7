"""Results of a group as CSV or Excel, one row per person, written as the rows come.

Names and answers come from volunteers and must never execute on the organiser's machine. Every
text cell is cleaned first (control characters XML cannot hold and unpaired surrogates removed)
and *then* neutralised: a cell that starts with =, +, -, @ (or their full-width forms), a tab
or a carriage return, after any leading spaces, gets a leading single quote. The order matters:
"\x01=HYPERLINK(...)" becomes a formula once the \x01 is gone. Excel cells holding text are
written with an explicit string type, so no text is ever stored as a formula.
"""

import csv
import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from app import i18n
from app.answers_file import (
    AnswersFileError,
    open_temp_beside,
    replace_atomically,
)
from app.group.members import AREAS, MemberResult
from app.i18n import _, language
from app.i18n.law_texts import prompt_of
from app.vocabulary import FILLS
from rules.questions import QUESTION_BY_ID

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_FORMULA_FIRST = frozenset(FORMULA_STARTS)
# Characters XML (and so .xlsx) cannot hold, and unpaired surrogates (no encoding holds them).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Spaces a spreadsheet may trim before it looks for a formula.
_LEADING_SPACE = " \n\u00a0\u3000"

RESULT_HEADERS: tuple[str, ...] = (
    "Source", "Row", "Name", "Email", "Reference", "Colour",
    *(f"{area.value.capitalize()} light" for area in AREAS),
    "Rules fired", "Top finding", "Missing facts", "Errors", "Duplicate", "Group defaults used",
    "Ignored answers", "Changed", "Edited", "Ruleset", "As of",
)
COLOUR_COLUMN = RESULT_HEADERS.index("Colour")
DUPLICATE_COLUMN = RESULT_HEADERS.index("Duplicate")


def clean_text(text: str) -> str:
    """`text` without the characters a spreadsheet cell cannot hold."""
    return _ILLEGAL_XML.sub("", text)


def neutralise(value: object) -> object:
    """Text cleaned (clean_text) and, when a spreadsheet would read it as a formula, prefixed
    with a single quote; other values unchanged."""
    if value.__class__ is not str or not value:
        return value
    text: str = value if value.isprintable() else clean_text(value)
    if text and (text[0] in _FORMULA_FIRST or (text[0] in _LEADING_SPACE and
                                               text.lstrip(_LEADING_SPACE)[:1] in _FORMULA_FIRST)):
        return "'" + text
    return text


def missing_text(qid: str) -> str:
    """'D1 Who pays ...': a missing fact's question, in the current language."""
    return f"{qid} {prompt_of(qid)}" if qid in QUESTION_BY_ID else qid


# The cells that carry text from volunteers or files (the others are colours, rule ids, dates).
_FREE_TEXT = (0, 2, 3, 4, *range(RESULT_HEADERS.index("Top finding"),
                                 RESULT_HEADERS.index("Edited") + 1))
# A text cell that is printable and starts with none of these is neutral as it is (neutralise
# returns it unchanged), so the row is not copied through neutralise cell by cell.
_CHECK_FIRST = _FORMULA_FIRST | frozenset(_LEADING_SPACE)
# The same few texts come back row after row (a rule's finding, a set of missing questions):
# worded once per language and remembered, up to this many of each.
_WORDED_LIMIT = 4096
# Those worded cells (Top finding, Missing facts), often hundreds of characters, are neutralised
# once per text rather than scanned again in every row; the other free-text cells, every row.
_WORDED = (RESULT_HEADERS.index("Top finding"), RESULT_HEADERS.index("Missing facts"))
_FREE_TEXT_ONCE = tuple(index for index in _FREE_TEXT if index not in _WORDED)
_safe_texts: dict[str, str] = {}
_findings: dict[tuple[str, str, object], str] = {}
_missing_texts: dict[tuple[tuple[str, ...], object], str] = {}


def _wording() -> object:
    """What the texts of rules/ are worded by now: the current language's catalogue (an object
    per language, and another one when a test swaps it for pseudo-translations)."""
    return i18n.catalogue(language(), "law")


def _remember(table: dict[Any, str], key: Any, text: str) -> str:
    """Keep `text` under `key` (the table starts again when full) and return it."""
    if len(table) >= _WORDED_LIMIT:
        table.clear()
    table[key] = text
    return text


def _top_finding(result: MemberResult) -> str:
    """result.top_finding, remembered per rule, engine wording and language."""
    top = result.top_rule
    if top is None:
        return ""
    key = (top, result.top_text, _wording())
    text = _findings.get(key)
    return text if text is not None else _remember(_findings, key, result.top_finding)


def _missing_cell(missing: tuple[str, ...]) -> str:
    """The Missing facts cell: each question's id and wording, remembered per language."""
    if not missing:
        return ""
    key = (missing, _wording())
    text = _missing_texts.get(key)
    if text is None:
        text = _remember(_missing_texts, key, "; ".join([missing_text(qid) for qid in missing]))
    return text


def result_row(result: MemberResult, as_of: str = "") -> list[object]:
    """One person's results as cells (before neutralisation)."""
    member = result.member
    areas = result.areas
    row = member.row
    return [
        member.source, row if row is not None else "", member.name, member.email,
        member.reference, result.colour_word,
        *[colour or "" for colour in map(areas.get, AREAS)],
        " ".join(result.fired), _top_finding(result), _missing_cell(result.missing),
        result.errors_text if result.issues else "",
        result.duplicate_of or "", " ".join(result.defaults_used), " ".join(result.dropped),
        # (both are empty unless an answers file said its colour, or the app edited answers)
        result.changed_text if member.last_colour is not None else "",
        member.edited_text if member.original is not None else "",
        result.ruleset, as_of,
    ]


def _safe_text(text: str) -> str:
    """neutralise(text), remembered: for texts that come back row after row."""
    safe = _safe_texts.get(text)
    if safe is None:
        safe = _remember(_safe_texts, text, str(neutralise(text)))
    return safe


def safe_row(result: MemberResult, as_of: str = "") -> list[object]:
    """result_row with every text cell cleaned and neutralised (see neutralise)."""
    cells = result_row(result, as_of)
    for index in _WORDED:
        value = cells[index]
        if value.__class__ is str and value:  # neutralise leaves a neutral text as it is
            cells[index] = _safe_text(value)
    check = _CHECK_FIRST
    for index in _FREE_TEXT_ONCE:
        value = cells[index]
        if value.__class__ is str and value and (value[0] in check or not value.isprintable()):
            cells[index] = neutralise(value)
    return cells


def csv_line(cells: Sequence[object]) -> str | None:
    """`cells` as csv.writer writes them (the excel dialect: ',' between cells, a cell holding
    a comma in quotes, '\r\n' at the end), or None for the writer to write them: a cell that
    is None or holds a quote or a line end.

    The csv module looks up every character of every cell in the line terminator, one call
    each (several microseconds a results row); here the row's text is scanned once, and only
    cells holding a comma are looked at one by one."""
    if None in cells:  # the writer writes an empty cell, not 'None'
        return None
    texts = list(map(str, cells))
    line = ",".join(texts)
    if '"' in line or "\r" in line or "\n" in line or not (line or len(texts) > 1):
        return None  # (a lone empty cell is written '""')
    if line.count(",") != len(texts) - 1:  # some cells hold commas: those are quoted
        line = ",".join([f'"{text}"' if "," in text else text for text in texts])
    return line + "\r\n"


class CsvText:
    """Results rows rendered as CSV text, exactly as CsvResultsWriter writes them, cut around
    the Duplicate cell: the command line's workers render rows in parallel and the parent only
    fills in the duplicate (which needs the whole group) and writes the text."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer)

    def _text(self, cells: Sequence[object]) -> str:
        line = csv_line(cells)
        if line is not None:
            return line
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        self._writer.writerow(cells)
        return buffer.getvalue()

    def parts(self, cells: Sequence[object]) -> tuple[str, str]:
        """(the cells before Duplicate and a delimiter, a delimiter and the cells after it)."""
        head = self._text(cells[:DUPLICATE_COLUMN])
        tail = self._text(cells[DUPLICATE_COLUMN + 1:])
        return head[:-2] + ",", "," + tail  # the csv module ends rows with \r\n

    def field(self, value: str) -> str:
        """One cell as CSV (quoted when it must be); `value` is not empty."""
        return self._text((value,))[:-2]


def temp_beside(target: Path) -> Path:
    """A new empty temporary file in the target's folder (same file system: atomic rename)."""
    handle, temp = open_temp_beside(target)
    os.close(handle)
    return temp


def check_writable(path: Path | str) -> None:
    """Raise AnswersFileError now if a file cannot be created at `path` (nothing is left)."""
    temp_beside(Path(path)).unlink(missing_ok=True)


@contextmanager
def atomic_target(path: Path | str) -> Iterator[Path]:
    """A temporary path beside `path`, renamed over it (mode 0600) only if the block succeeds."""
    target = Path(path)
    temp = temp_beside(target)
    try:
        yield temp
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    replace_atomically(temp, target)


class ResultsWriter:
    """Base of the streaming writers: `write` each result, then `close` (or `abort`).

    Rows go to a temporary file beside the target, which replaces the target only on `close`:
    an interrupted run leaves any earlier results file untouched.
    """

    def __init__(self, path: Path | str, as_of: str = "") -> None:
        self.path = Path(path)
        self.as_of = as_of
        self.rows = 0
        self.temp = temp_beside(self.path)

    def write(self, result: MemberResult) -> None:
        self._write(safe_row(result, self.as_of))
        self.rows += 1

    def write_cells(self, cells: list[object]) -> None:
        """Write a row made by safe_row (the command line's parallel path)."""
        self._write(cells)
        self.rows += 1

    def _write(self, cells: list[object]) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        raise NotImplementedError

    def _discard(self) -> None:
        """Release what the writer holds (open files) without finishing."""

    def close(self) -> None:
        """Finish the file and put it in place."""
        try:
            self._finish()
        except BaseException:
            self.abort()
            raise
        replace_atomically(self.temp, self.path)

    def abort(self) -> None:
        """Throw the partial file away; an earlier file at the path is untouched."""
        try:
            self._discard()
        finally:
            self.temp.unlink(missing_ok=True)

    def __enter__(self) -> "ResultsWriter":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


class CsvResultsWriter(ResultsWriter):
    """Results as CSV in UTF-8 with a byte-order mark, so Excel opens names correctly."""

    def __init__(self, path: Path | str, as_of: str = "") -> None:
        super().__init__(path, as_of)
        self._stream: IO[str] = self.temp.open("w", encoding="utf-8-sig", newline="")
        self._csv = csv.writer(self._stream)
        self._csv.writerow(RESULT_HEADERS)

    def _write(self, cells: list[object]) -> None:
        line = csv_line(cells)
        if line is None:
            self._csv.writerow(cells)
        else:
            self._stream.write(line)

    def write_text(self, line: str) -> None:
        """Write a row rendered by CsvText (the command line's parallel path)."""
        self._stream.write(line)
        self.rows += 1

    def _finish(self) -> None:
        self._stream.flush()
        os.fsync(self._stream.fileno())
        self._stream.close()

    def _discard(self) -> None:
        self._stream.close()






class XlsxResultsWriter(ResultsWriter):
    """Results as an Excel workbook (openpyxl write-only mode: rows go to disk as they come)."""

    def __init__(self, path: Path | str, as_of: str = "") -> None:
        super().__init__(path, as_of)
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        self._text_cell = WriteOnlyCell
        self._book = Workbook(write_only=True)
        self._sheet: Any = self._book.create_sheet("Results")
        self._sheet.freeze_panes = "A2"
        widths = {"Source": 16, "Name": 22, "Email": 26, "Top finding": 60, "Errors": 60,
                  "Missing facts": 30, "Rules fired": 24, "Changed": 24, "Duplicate": 30,
                  "Edited": 40}
        from openpyxl.utils import get_column_letter

        for index, title in enumerate(RESULT_HEADERS, start=1):
            width = widths.get(title, 11)
            self._sheet.column_dimensions[get_column_letter(index)].width = width
        self._text_cells = [WriteOnlyCell(self._sheet) for _ in RESULT_HEADERS]
        self._write(list(RESULT_HEADERS))

    def _write(self, cells: list[object]) -> None:
        """Text cells typed as text ('s'): never a formula ('=...') or an error ('#N/A').

        One reusable cell object per column: openpyxl writes each cell as its row is
        appended, so the objects are free again for the next row."""
        text_cells = self._text_cells
        row: list[object] = []
        for index, value in enumerate(cells):
            if value.__class__ is str:
                cell = text_cells[index] if index < len(text_cells) else \
                    self._text_cell(self._sheet)
                cell.value = value if value.isprintable() else clean_text(value)
                cell.data_type = "s"
                row.append(cell)
            else:
                row.append(value)
        self._sheet.append(row)

    def _finish(self) -> None:
        from openpyxl.formatting.rule import CellIsRule
        from openpyxl.styles import PatternFill
        from openpyxl.utils import get_column_letter

        last = self.rows + 1
        self._sheet.auto_filter.ref = f"A1:{get_column_letter(len(RESULT_HEADERS))}{last}"
        first_light = COLOUR_COLUMN + 1
        last_light = first_light + len(AREAS)
        span = f"{get_column_letter(first_light)}2:{get_column_letter(last_light)}{max(last, 2)}"
        for word, colour in FILLS.items():
            fill = PatternFill(start_color=colour, end_color=colour, fill_type="solid")
            self._sheet.conditional_formatting.add(
                span, CellIsRule(operator="equal", formula=[f'"{word}"'], fill=fill))
        self._book.save(self.temp)


WRITERS: dict[str, Callable[[Path | str, str], ResultsWriter]] = {
    ".csv": CsvResultsWriter,
    ".xlsx": XlsxResultsWriter,
}


def open_writer(path: Path | str, as_of: str = "", kind: str | None = None) -> ResultsWriter:
    """The writer for `kind` ('.csv' or '.xlsx', as the command line's --csv/--xlsx say),
    else for the path's suffix."""
    suffix = kind or Path(path).suffix.casefold()
    factory = WRITERS.get(suffix)
    if factory is None:
        raise AnswersFileError(path, _("results can be written as .csv or .xlsx"))
    return factory(path, as_of)
