"""Screen a group as a stream: inputs -> people -> results, with progress and cancelling.

Shared by the command line and the window's worker thread. Memory stays flat: people are read
and screened in batches of BATCH_ROWS and handed to the caller one at a time; only the duplicate
index (a few bytes per person) and a bounded cache of identical answers grow with the group.
"""

import gc
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from app.answers_file import AnswersFileError
from app.group.members import DuplicateIndex, GroupCounts, Member, MemberResult, Screener
from app.group.reading import CsvSource, Source, SourceInfo, expand_inputs, open_source
from app.i18n import _, labelled, ngettext
from rules import load_parameters

# People screened at once (Screener.screen_many): the batch functions of the rules work table by
# table over a batch, and a batch is the unit of cancelling, so it stays small: 500 rows take
# 20 to 30 ms here (docs/performance.md), well under the window's 100 ms budget for a stall.
BATCH_ROWS = 500
# The collector's thresholds while a group streams through (tune_gc): a young collection after
# this many allocations, about as many as a batch makes.
STREAMING_GC = (50_000, 20, 100)


@dataclass
class Progress:
    """Where a run is: files done of all files, the current file's share done, people so far."""

    files_done: int = 0
    files_total: int = 0
    current: str = ""
    current_fraction: float = 0.0
    people: int = 0

    @property
    def fraction(self) -> float:
        if not self.files_total:
            return 0.0
        return min(1.0, (self.files_done + self.current_fraction) / self.files_total)


@dataclass
class RunReport:
    """What a run found besides results: file problems, per-file notes, counts."""

    counts: GroupCounts = field(default_factory=GroupCounts)
    problems: list[str] = field(default_factory=list)
    sources: list[SourceInfo] = field(default_factory=list)
    cancelled: bool = False
    files_read: int = 0
    # Spreadsheets inside folders given as inputs, which are not read (see skipped_note).
    skipped: list[Path] = field(default_factory=list)

    def notes(self) -> list[str]:
        lines: list[str] = []
        answers_files = sum(info.kind == "answers file" and info.rows > 0 for info in self.sources)
        if answers_files:
            lines.append(ngettext("{count} answers file", "{count} answers files",
                                  answers_files).format(count=answers_files))
        for info in self.sources:
            if info.kind == "answers file":
                continue
            extra = f" ({'; '.join(info.notes)})" if info.notes else ""
            encoding = f", {info.encoding}" if info.encoding and info.encoding != "UTF-8" else ""
            people = ngettext("{count} person", "{count} people", info.rows).format(
                count=info.rows)
            lines.append(labelled(info.name, f"{people} [{info.kind}{encoding}]{extra}"))
        return lines


def tune_gc() -> None:
    """Fewer garbage collections while rows stream through: a batch's people, answers and
    results are many small objects without cycles that die together, and the default
    thresholds would collect (and promote, and walk again) them every 700 allocations; the
    loaded rules are frozen, so a full collection no longer walks them either."""
    gc.freeze()
    gc.set_threshold(*STREAMING_GC)


@contextmanager
def streaming_gc() -> Iterator[None]:
    """tune_gc() for a block of code, then the collector as it was (inside another such block:
    nothing more)."""
    thresholds = gc.get_threshold()
    if thresholds == STREAMING_GC:
        yield
        return
    tune_gc()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def batches(members: Iterable[Member], size: int = BATCH_ROWS) -> Iterator[list[Member]]:
    """`members` in lists of `size` (the last one shorter), read as each list is wanted."""
    iterator = iter(members)
    while batch := list(islice(iterator, size)):
        yield batch


def make_screener(defaults: dict[str, Any] | None = None, as_of: date | None = None) -> Screener:
    return Screener(defaults or {}, as_of or date.today(), load_parameters().ruleset_version)


def _members_of(source: Source, report: RunReport) -> Generator[Member, None, None]:
    """The members of one source; a failure mid-file keeps the rows read so far."""
    try:
        yield from source.members()
    except AnswersFileError as error:
        report.problems.append(str(error))
    except MemoryError:
        report.problems.append(_("{path}: too large to read").format(path=source.path))
    except Exception as error:  # a damage no reader foresaw: this file stops, the others go on
        report.problems.append(unexpected_problem(source.path, error))


def unexpected_problem(path: Path | str, error: Exception) -> str:
    """The message for a failure no reader foresaw (a bug or an unforeseen damage), naming the
    file; the rows read before it are kept."""
    return _("{path}: could not be read further (unexpected {error}); the rows before it were "
             "kept").format(path=path, error=f"{type(error).__name__}: {str(error)[:160]}")


def screen_inputs(
    inputs: Iterable[Path | str],
    screener: Screener,
    report: RunReport,
    *,
    duplicates: DuplicateIndex | None = None,
    max_bytes: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    on_progress: Callable[[Progress], None] | None = None,
    progress_every: float = 0.1,
) -> Iterator[MemberResult]:
    """Read every input (files, or folders of answers files), screen each person, yield results.

    File-level problems are appended to `report.problems` and the run carries on with the next
    input; every person read is yielded (invalid ones with their issues), never dropped.
    """
    index = duplicates if duplicates is not None else DuplicateIndex()
    try:
        paths = expand_inputs(inputs, report.skipped)
    except AnswersFileError as error:
        report.problems.append(str(error))
        return
    progress = Progress(files_total=len(paths))
    last = 0.0
    for path in paths:
        if cancelled():
            report.cancelled = True
            return
        progress.current = Path(path).name
        progress.current_fraction = 0.0
        try:
            source = open_source(path, max_bytes)
        except AnswersFileError as error:
            report.problems.append(str(error))
            progress.files_done += 1
            continue
        except Exception as error:  # never lose the other inputs to one file
            report.problems.append(unexpected_problem(path, error))
            progress.files_done += 1
            continue
        report.sources.append(source.info)
        if isinstance(source, CsvSource):  # room for its people at once: no regrowing
            index.reserve(source.total // 100)  # two keys per person, ~200 bytes a row
        members = _members_of(source, report)
        try:
            for batch in batches(members):
                if cancelled():
                    report.cancelled = True
                    return
                results = screener.screen_many(batch)
                for member, result in zip(batch, results, strict=True):
                    result.duplicate_of = index.check(member)
                    report.counts.add(result)
                    progress.people += 1
                    yield result
                    if on_progress is not None:
                        now = time.monotonic()
                        if now - last >= progress_every:
                            last = now
                            progress.current_fraction = source.done / max(source.total, 1)
                            on_progress(progress)
        finally:
            members.close()
        report.files_read += 1
        progress.files_done += 1
        progress.current_fraction = 0.0
        if on_progress is not None:
            on_progress(progress)


def screen_members(
    members: Sequence[Member],
    screener: Screener,
    report: RunReport,
    index: DuplicateIndex,
    *,
    cancelled: Callable[[], bool] = lambda: False,
    on_progress: Callable[[int, int], None] | None = None,
    progress_every: float = 0.1,
) -> Iterator[MemberResult]:
    """Screen people already read (a re-screen), in batches of BATCH_ROWS, and yield results in
    order; `on_progress(done, total)` at most every `progress_every` seconds."""
    total = len(members)
    done = 0
    last = 0.0
    for start in range(0, total, BATCH_ROWS):
        if cancelled():
            report.cancelled = True
            return
        batch = members[start:start + BATCH_ROWS]
        for member, result in zip(batch, screener.screen_many(batch), strict=True):
            result.duplicate_of = index.check(member)
            report.counts.add(result)
            done += 1
            yield result
            if on_progress is not None:
                now = time.monotonic()
                if now - last >= progress_every:
                    last = now
                    on_progress(done, total)
