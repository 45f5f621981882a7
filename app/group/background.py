"""Screen a group in a child process, streaming results back in batches.

Why a process and not only a thread: screening is pure Python. A worker *thread* holds the GIL
while it screens, and every call Qt makes into Python on the GUI thread (each table cell, each
sort comparison, each timer) then waits up to the interpreter's switch interval for it: with
thousands of such calls per batch the window freezes for seconds. A child process screens on its
own interpreter (and its own core); the parent's worker thread only waits on a pipe (GIL
released) and unpickles batches of a few hundred people.

No Qt here: the child imports only the rules and app.group.
"""

import multiprocessing
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from app.group.members import DuplicateIndex, IndexState, Member, MemberResult
from app.group.pipeline import (
    Progress,
    RunReport,
    make_screener,
    screen_inputs,
    screen_members,
    tune_gc,
)
from app.i18n import _, language, ngettext, set_language
from app.i18n.formats import format_number

BATCH_ROWS = 500
BATCH_SECONDS = 0.1


@dataclass
class Request:
    """What the child screens: files (import) or members (re-screen), with defaults and date."""

    defaults: dict[str, Any]
    as_of: date | None
    inputs: list[str] = field(default_factory=list)
    members: list[Member] | None = None
    max_bytes: int | None = None
    seen: IndexState | None = None
    # The parent's language: the child words its notes and duplicates in it.
    language: str = field(default_factory=language)


def _send_batches(conn: Connection, results: Iterator[MemberResult]) -> None:
    batch: list[MemberResult] = []
    last = time.monotonic()
    for result in results:
        batch.append(result)
        now = time.monotonic()
        if len(batch) >= BATCH_ROWS or now - last >= BATCH_SECONDS:
            conn.send(("batch", batch))
            batch = []
            last = now
    if batch:
        conn.send(("batch", batch))


def _rescreen(request: Request, report: RunReport, index: DuplicateIndex, conn: Connection,
              cancelled: Any) -> Iterator[MemberResult]:
    def progress(done: int, total: int) -> None:
        conn.send(("progress", done * 1000 // max(total, 1), _("Screening {done} of {total}")
                   .format(done=format_number(done), total=format_number(total))))

    return screen_members(request.members or [], make_screener(request.defaults, request.as_of),
                          report, index, cancelled=cancelled.is_set, on_progress=progress,
                          progress_every=BATCH_SECONDS)


def progress_text(state: Progress) -> str:
    """'Reading team.csv (file 2 of 3): 1,200 people'."""
    people = ngettext("{count} person", "{count} people", state.people).format(
        count=format_number(state.people))
    if state.files_total > 1:
        return _("Reading {file} (file {number} of {total}): {people}").format(
            file=state.current, number=state.files_done + 1, total=state.files_total,
            people=people)
    return _("Reading {file}: {people}").format(file=state.current, people=people)


def child_main(request: Request, conn: Connection, cancelled: Any) -> None:
    """The child process: screen, send ("batch", results) / ("progress", per mille, text)
    messages, and finally ("done", report, duplicate index state) or ("error", text)."""
    try:
        set_language(request.language)
        tune_gc()  # this process only screens
        report = RunReport()
        index = DuplicateIndex()
        if request.seen is not None:
            index.restore(request.seen)

        def progress(state: Progress) -> None:
            conn.send(("progress", int(state.fraction * 1000), progress_text(state)))

        if request.members is not None:
            results = _rescreen(request, report, index, conn, cancelled)
        else:
            screener = make_screener(request.defaults, request.as_of)
            results = screen_inputs(request.inputs, screener, report, duplicates=index,
                                    max_bytes=request.max_bytes,
                                    cancelled=cancelled.is_set, on_progress=progress)
        _send_batches(conn, results)
        if cancelled.is_set():
            report.cancelled = True
        conn.send(("done", report, index.state()))
    except BaseException as error:  # the parent reports it; the child just ends
        conn.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        conn.close()


def _context() -> Any:
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["app.group.background"])
        return context
    return multiprocessing.get_context("spawn")


def processes_available() -> bool:
    """False in frozen builds, whose entry point would have to hand over to multiprocessing."""
    return not getattr(sys, "frozen", False)


class ChildRun:
    """One request screened in a child process; iterate `messages()` from a worker thread."""

    def __init__(self, request: Request) -> None:
        context = _context()
        self._receive, send = context.Pipe(duplex=False)
        self._cancelled = context.Event()
        self._process = context.Process(target=child_main, args=(request, send, self._cancelled),
                                        name="volunteer-check-group", daemon=True)
        self._process.start()
        send.close()

    def cancel(self) -> None:
        self._cancelled.set()

    def messages(self, poll: float = 0.05) -> Iterator[tuple[Any, ...]]:
        """Messages from the child until "done" or "error" (one is always the last)."""
        try:
            while True:
                if self._receive.poll(poll):
                    try:
                        message = self._receive.recv()
                    except EOFError:
                        yield ("error", _("the screening process ended unexpectedly"))
                        return
                    yield message
                    if message[0] in ("done", "error"):
                        return
                elif not self._process.is_alive() and not self._receive.poll(0):
                    code = self._process.exitcode
                    yield ("error", _("the screening process ended unexpectedly (code "
                                      "{code})").format(code=code))
                    return
        finally:
            self.close()

    def close(self) -> None:
        self._receive.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(timeout=5)
        self._process.close()


def estimated_rows(inputs: list[Path]) -> int:
    """A rough count of people in these inputs (bytes / 150; folders count as many)."""
    total = 0
    for path in inputs:
        try:
            total += 10_000 if path.is_dir() else path.stat().st_size // 150
        except OSError:
            continue
    return total
