"""Screen a big CSV on every core: the command line's fast path.

The parent reads the file in blocks of whole records (a newline ends a record only outside
quotes) and hands each block, as bytes, to a pool of worker processes; each worker decodes,
parses, validates and screens its rows and returns the finished results-file cells. The parent
takes the blocks back in order (at most a few in flight, so memory stays flat), adds the one
thing that needs the whole group - the duplicate check - and writes.

Only plain CSV files go this way (UTF-8 or Windows-1252; not UTF-16); everything else is read
by the ordinary streaming pipeline.
"""

import codecs
import csv
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from app.answers_file import AnswersFileError
from app.group.columns import Header, read_header
from app.group.export import DUPLICATE_COLUMN, CsvText, safe_row
from app.group.members import DuplicateIndex, GroupCounts, Member, Screener
from app.group.pipeline import (
    BATCH_ROWS,
    Progress,
    RunReport,
    make_screener,
    tune_gc,
)
from app.group.reading import (
    COMMENT_MARK,
    MAX_LINE_BYTES,
    CsvSource,
    SourceInfo,
    _blank,
    _check_header,
    _member,
    delimiter_note,
    header_cells,
    is_comment,
    open_source,
    row_plans,
    sniff_delimiter,
    split_bare_cr,
)
from app.i18n import N_, _, language, set_language

if TYPE_CHECKING:  # multiprocessing and its pool load only when a pool starts: a small file
    # (and --jobs 1) never needs them, and importing them is a noticeable part of start-up
    from concurrent.futures import Future

BLOCK_BYTES = 512 * 1024
MIN_PARALLEL_BYTES = 2 * 1024 * 1024
NUL_MESSAGE = N_("contains NUL bytes: it is not a text spreadsheet, or it uses a text encoding "
               "this app cannot read; save it as CSV UTF-8 or as .xlsx")


@dataclass
class Block:
    """Whole records of one file, and the spreadsheet row number of the first."""

    data: bytes
    first_row: int


@dataclass
class BlockResult:
    """A worker's answer for one block: result rows with their duplicate keys, and counts."""

    # (cells, or with text rows CsvText.parts(cells), the duplicate keys, the row number)
    rows: list[tuple[list[object] | tuple[str, str], tuple[tuple[int, str], ...], int]] = \
        field(default_factory=list)
    counts: GroupCounts = field(default_factory=GroupCounts)
    records: int = 0
    windows_1252: bool = False
    error: str = ""


# ---- the worker side ----

_state: dict[str, Any] = {}


def _init_worker(defaults: dict[str, Any], as_of: date, source: str, header: Header,
                 delimiter: str, as_text: bool = False, language_code: str = "en") -> None:
    set_language(language_code)  # spawned workers start in English
    _state.update(screener=make_screener(defaults, as_of), as_of=as_of.isoformat(),
                  source=source, header=header, delimiter=delimiter,
                  plans=row_plans(header),
                  text=CsvText() if as_text else None)
    tune_gc()  # a worker only streams rows


def _split_lines(data: bytes) -> Iterator[bytes]:
    """Lines ending in \\n (as the streaming reader reads them), the last one maybe without."""
    position = 0
    while position < len(data):
        newline = data.find(b"\n", position)
        end = len(data) if newline < 0 else newline + 1
        yield data[position:end]
        position = end


def _lines(data: bytes, result: BlockResult) -> Iterator[str]:
    lines = _split_lines(data)
    if _has_bare_cr(data):  # old Mac line ends, or a file that mixes them
        lines = (piece for line in lines for piece in split_bare_cr(line))
    for line in lines:
        if b"\x00" in line:
            raise AnswersFileError(_state["source"], _(NUL_MESSAGE))
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError:
            result.windows_1252 = True
            yield line.decode("cp1252", errors="replace")


def screen_block(block: Block) -> BlockResult:
    """Screen every row of a block (in a worker process), in batches of BATCH_ROWS; a damaged
    record ends the block after the rows before it."""
    result = BlockResult()
    header: Header = _state["header"]
    source: str = _state["source"]
    plans = _state["plans"]
    row = block.first_row - 1
    batch: list[Member] = []
    try:
        for cells in csv.reader(_lines(block.data, result), delimiter=_state["delimiter"]):
            row += 1
            if _blank(cells) or is_comment(cells):
                continue
            batch.append(_member(source, row, header, cells, plans))
            if len(batch) >= BATCH_ROWS:
                _finish_batch(batch, result)
                batch = []
    except (AnswersFileError, csv.Error) as error:
        problem = error.problem if isinstance(error, AnswersFileError) else str(error)
        result.error = _("cannot be read after row {row} ({problem}); the rows before it were "
                         "imported").format(row=row, problem=problem)
    _finish_batch(batch, result)
    result.records = row - block.first_row + 1
    return result


def _finish_batch(batch: list[Member], result: BlockResult) -> None:
    """Screen a batch of a block's people and add their results-file rows and counts."""
    if not batch:
        return
    screener: Screener = _state["screener"]
    as_of: str = _state["as_of"]
    text: CsvText | None = _state["text"]
    rows = result.rows
    counts = result.counts
    keys_of = DuplicateIndex.keys_of
    for member, screened in zip(batch, screener.screen_many(batch), strict=True):
        counts.add(screened)
        keys = keys_of(member.email, member.name, member.reference)
        done: list[object] = safe_row(screened, as_of)
        rows.append((text.parts(done) if text is not None else done, keys, member.row or 0))


# ---- the parent side ----


def _last_record_end(buffer: bytes) -> int:
    """The index of the last newline that ends a record (outside quotes), or -1.

    `buffer` starts at a record boundary.
    """
    if b'"' not in buffer:
        return buffer.rfind(b"\n")
    cut, inside, position = -1, False, 0
    while True:
        newline = buffer.find(b"\n", position)
        if newline < 0:
            return cut
        if buffer.count(b'"', position, newline) % 2:
            inside = not inside
        if not inside:
            cut = newline
        position = newline + 1


def _records(stream: IO[bytes], path: Path) -> Iterator[bytes]:
    """Blocks of whole CSV records, about BLOCK_BYTES each."""
    pending = b""
    while True:
        data = stream.read(BLOCK_BYTES)
        if not data:
            if pending:
                yield pending
            return
        buffer = pending + data
        cut = _last_record_end(buffer)
        if cut < 0:
            if len(buffer) > MAX_LINE_BYTES * 4:
                raise AnswersFileError(path, _("has a record longer than {size} KB; it is not "
                                               "a spreadsheet of people").format(
                    size=MAX_LINE_BYTES * 4 // 1024))
            pending = buffer
            continue
        yield buffer[: cut + 1]
        pending = buffer[cut + 1:]


def _header_line(stream: IO[bytes], path: Path) -> tuple[str, int, int]:
    """The first non-blank line (the header), its row number, and the byte offset after it."""
    row = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            raise AnswersFileError(path, _("has no rows (only blank lines)"))
        row += 1
        if row == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if line.strip() and not line.lstrip().startswith(COMMENT_MARK.encode()):
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                text = line.decode("cp1252", errors="replace")
            return text, row, stream.tell()


def parallel_eligible(path: Path, jobs: int) -> bool:
    """Worth the pool: several cores, a plain CSV (not UTF-16) of at least a few MB."""
    if jobs < 2:
        return False
    try:
        if path.is_dir() or path.stat().st_size < MIN_PARALLEL_BYTES:
            return False
        source = open_source(path)
    except (AnswersFileError, OSError):
        return False
    if not isinstance(source, CsvSource) or source.utf16:
        return False
    try:
        with path.open("rb") as stream:
            head = stream.read(65536)
    except OSError:
        return False
    # Lone carriage returns ending the lines (old Mac files): the parent cuts blocks at line
    # feeds, so such a file is read by the streaming reader.
    return not _has_bare_cr(head[:-1])


def default_jobs() -> int:
    """One process per core (at most 8); one in frozen builds that cannot fork (their entry
    point would have to hand over to multiprocessing first)."""
    if getattr(sys, "frozen", False) and not sys.platform.startswith("linux"):
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def _context() -> Any:
    from multiprocessing import get_context  # loaded only when a pool starts (see top)

    # The command line has no threads when it forks, so fork is safe and starts at once.
    if sys.platform.startswith("linux"):
        return get_context("fork")
    return get_context("spawn")


def screen_csv_parallel(
    path: Path,
    screener: Screener,
    report: RunReport,
    duplicates: DuplicateIndex,
    jobs: int,
    on_progress: Callable[[Progress], None] | None = None,
    progress: Progress | None = None,
    as_text: bool = False,
) -> Iterator[list[object] | str]:
    """Yield the results-file cells of every person in a big CSV, in file order; with
    `as_text`, each row as CSV text for CsvResultsWriter.write_text instead (rendered by the
    workers). The caller tunes the collector (pipeline.streaming_gc), as the command line
    does around every input."""
    from concurrent.futures import ProcessPoolExecutor  # loaded only when a pool starts

    state = progress or Progress(files_total=1)
    state.current = path.name
    size = max(path.stat().st_size, 1)
    info = SourceInfo(name=path.name, kind="CSV")
    report.sources.append(info)
    with path.open("rb") as stream:
        header_text, header_row, _ = _header_line(stream, path)
        delimiter = sniff_delimiter(header_text)
        header = read_header(header_cells(path, header_text, delimiter))
        _check_header(path, header, info)
        if delimiter != ",":
            info.notes.append(delimiter_note(delimiter))
        windows = False
        pool = ProcessPoolExecutor(
            max_workers=jobs, mp_context=_context(), initializer=_init_worker,
            initargs=(screener.defaults, screener.as_of, path.name, header, delimiter,
                      as_text, language()))
        render = CsvText()
        pending: deque[tuple[Future[BlockResult], int]] = deque()
        next_row = header_row + 1
        blocks = _records(stream, path)
        last = 0.0
        duplicate_at = DUPLICATE_COLUMN
        name = path.name
        duplicates.reserve(2 * size // 200)  # two keys per person, ~200 bytes a row
        try:
            exhausted = False
            while True:
                while not exhausted and len(pending) < jobs * 2:
                    try:
                        data = next(blocks)
                    except StopIteration:
                        exhausted = True
                        break
                    pending.append((pool.submit(screen_block, Block(data, next_row)),
                                    len(data)))
                    next_row += _record_count(data)
                if not pending:
                    break
                future, _ = pending.popleft()
                block = future.result()
                windows = windows or block.windows_1252
                for cells, keys, row in block.rows:
                    found = duplicates.check_keys(name, row, keys)
                    if found:
                        block.counts.duplicates += 1
                    if isinstance(cells, tuple):
                        head, tail = cells
                        yield head + render.field(found) + tail if found else head + tail
                        continue
                    if found:
                        cells[duplicate_at] = found
                    yield cells
                report.counts.merge(block.counts)
                info.rows += len(block.rows)
                state.people += len(block.rows)
                if block.error:
                    report.problems.append(f"{path}: {block.error}")
                    break
                if on_progress is not None:
                    now = time.monotonic()
                    if now - last >= 0.5:
                        last = now
                        state.current_fraction = min(1.0, stream.tell() / size)
                        on_progress(state)
        except AnswersFileError as error:
            report.problems.append(str(error))
        finally:
            for future, _ in pending:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            info.encoding = "Windows-1252" if windows else "UTF-8"
    report.files_read += 1


def _has_bare_cr(data: bytes) -> bool:
    return data.count(b"\r") != data.count(b"\r\n")


def _record_count(data: bytes) -> int:
    """Records in a block of whole records (newlines outside quotes; a last line without one
    counts too)."""
    if _has_bare_cr(data):  # lone carriage returns end records too: count as csv reads them
        lines = (piece.decode("latin-1") for line in _split_lines(data)
                 for piece in split_bare_cr(line))
        try:
            return sum(1 for _ in csv.reader(lines))
        except csv.Error:
            pass  # the worker reports the damage; count by line feeds
    if b'"' not in data:
        newlines = data.count(b"\n")
    else:
        newlines, inside, position = 0, False, 0
        while True:
            newline = data.find(b"\n", position)
            if newline < 0:
                break
            if data.count(b'"', position, newline) % 2:
                inside = not inside
            if not inside:
                newlines += 1
            position = newline + 1
    return newlines + (0 if data.endswith(b"\n") else 1)
