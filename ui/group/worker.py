"""Long group jobs off the GUI thread: import and screen, re-screen, export.

A job runs in its own QThread and reports through queued signals: results in batches, progress
as a per-mille value with a line of text, and a final report. Big imports and re-screens run in a
child process (app.group.background) that the thread only listens to, so the GUI thread never
competes for the GIL with the screening; small ones run in the thread itself. Cancel sets an
event the job (or the child) checks between batches of people (app.group.pipeline.BATCH_ROWS).
"""

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.group.background import ChildRun, Request, estimated_rows, processes_available
from app.group.members import DuplicateIndex, Member, MemberResult
from app.group.pipeline import (
    Progress,
    RunReport,
    make_screener,
    screen_inputs,
    screen_members,
)
from app.group.reading import MAX_INTERACTIVE_BYTES
from app.i18n import _

BATCH_SECONDS = 0.1
BATCH_MAX = 500
# Jobs with fewer people than this run in the worker thread (no process start-up).
PROCESS_THRESHOLD = 1000


class Job(QObject):
    """Base of the background jobs: `run` in a worker thread, signals to the GUI thread."""

    progress = Signal(int, str)  # per mille (-1: unknown), text
    batch = Signal(object)  # list[MemberResult]
    finished = Signal(object)  # RunReport or the job's own result
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()
        self.child: ChildRun | None = None

    def cancel(self) -> None:
        self.cancel_event.set()
        child = self.child
        if child is not None:
            child.cancel()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    @Slot()
    def run(self) -> None:
        try:
            self.finished.emit(self.work())
        except Exception as error:  # reported in the window, never a crash
            self.failed.emit(f"{type(error).__name__}: {error}")

    def work(self) -> object:
        raise NotImplementedError

    def _stream(self, results: Iterator[MemberResult]) -> None:
        """Emit results in batches (at most every 0.1 s or 500 people)."""
        pending: list[MemberResult] = []
        last = time.monotonic()
        for result in results:
            pending.append(result)
            now = time.monotonic()
            if now - last >= BATCH_SECONDS or len(pending) >= BATCH_MAX:
                self.batch.emit(pending)
                pending = []
                last = now
                time.sleep(0)  # let the GUI thread take the GIL
        if pending:
            self.batch.emit(pending)

    def _in_child(self, request: Request, duplicates: DuplicateIndex) -> RunReport:
        """Run `request` in a child process, relaying its messages as signals."""
        self.child = ChildRun(request)
        if self.cancelled:
            self.child.cancel()
        report = RunReport()
        for message in self.child.messages():
            kind = message[0]
            if kind == "batch":
                self.batch.emit(message[1])
            elif kind == "progress":
                self.progress.emit(message[1], message[2])
            elif kind == "done":
                report = message[1]
                duplicates.restore(message[2])
            else:
                raise RuntimeError(message[1])
        return report


class ImportJob(Job):
    """Read files and folders, screen everyone, send them to the table as they come."""

    def __init__(self, inputs: Iterable[Path | str], defaults: dict[str, Any],
                 as_of: date | None, duplicates: DuplicateIndex,
                 use_process: bool | None = None) -> None:
        super().__init__()
        self.inputs = [Path(p) for p in inputs]
        self.defaults = dict(defaults)
        self.as_of = as_of
        self.duplicates = duplicates
        self.use_process = (processes_available()
                            and estimated_rows(self.inputs) >= PROCESS_THRESHOLD) \
            if use_process is None else use_process

    def _on_progress(self, progress: Progress) -> None:
        people = f"{progress.people:,}"
        text = _("Reading {file} (file {number} of {total}): {people} people").format(
            file=progress.current, number=progress.files_done + 1, total=progress.files_total,
            people=people) if progress.files_total > 1 else \
            _("Reading {file}: {people} people").format(file=progress.current, people=people)
        self.progress.emit(int(progress.fraction * 1000), text)

    def work(self) -> object:
        if self.use_process:
            request = Request(self.defaults, self.as_of, inputs=[str(p) for p in self.inputs],
                              max_bytes=MAX_INTERACTIVE_BYTES,
                              seen=self.duplicates.state())
            return self._in_child(request, self.duplicates)
        report = RunReport()
        results = screen_inputs(self.inputs, make_screener(self.defaults, self.as_of), report,
                                duplicates=self.duplicates, max_bytes=MAX_INTERACTIVE_BYTES,
                                cancelled=lambda: self.cancelled, on_progress=self._on_progress)
        self._stream(results)
        if self.cancelled:
            report.cancelled = True
        return report


class RescreenJob(Job):
    """Screen people again (new group defaults, an opened project)."""

    def __init__(self, members: list[Member], defaults: dict[str, Any], as_of: date | None,
                 duplicates: DuplicateIndex, use_process: bool | None = None) -> None:
        super().__init__()
        self.members = members
        self.defaults = dict(defaults)
        self.as_of = as_of
        self.duplicates = duplicates
        self.use_process = (processes_available() and len(members) >= PROCESS_THRESHOLD) \
            if use_process is None else use_process

    def _results(self, report: RunReport) -> Iterator[MemberResult]:
        def progress(done: int, total: int) -> None:
            self.progress.emit(done * 1000 // max(total, 1), _("Screening {done} of {total}")
                               .format(done=f"{done:,}", total=f"{total:,}"))

        self.duplicates.forget()
        return screen_members(self.members, make_screener(self.defaults, self.as_of), report,
                              self.duplicates, cancelled=lambda: self.cancelled,
                              on_progress=progress, progress_every=BATCH_SECONDS)

    def work(self) -> object:
        if self.use_process:
            request = Request(self.defaults, self.as_of, members=self.members)
            return self._in_child(request, self.duplicates)
        report = RunReport()
        self._stream(self._results(report))
        return report


class CallJob(Job):
    """Run one function (an export) off the GUI thread; `finished` carries its return value."""

    def __init__(self, function: Callable[[], Any], text: str) -> None:
        super().__init__()
        self.function = function
        self.text = text

    def work(self) -> object:
        self.progress.emit(-1, self.text)
        return self.function()


class Runner(QObject):
    """Owns at most one running job and its thread; `idle` once the thread has ended."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self.job_thread: QThread | None = None

    @property
    def busy(self) -> bool:
        return self.job_thread is not None

    def start(self, job: Job, on_batch: Callable[[object], None] | None,
              on_progress: Callable[[int, str], None], on_done: Callable[[object], None],
              on_failed: Callable[[str], None]) -> None:
        assert self.job_thread is None, "one job at a time"
        thread = QThread()
        thread.setObjectName(f"group-{type(job).__name__}")
        job.moveToThread(thread)
        if on_batch is not None:
            job.batch.connect(on_batch)
        job.progress.connect(on_progress)
        job.finished.connect(on_done)
        job.failed.connect(on_failed)
        job.finished.connect(thread.quit)
        job.failed.connect(thread.quit)
        thread.started.connect(job.run)
        thread.finished.connect(self._cleanup)
        self.job, self.job_thread = job, thread
        thread.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the job's thread has ended (closing the window)."""
        if self.job_thread is None:
            return True
        return self.job_thread.wait(milliseconds)

    def _cleanup(self) -> None:
        thread, job = self.job_thread, self.job
        self.job_thread, self.job = None, None
        if job is not None:
            job.deleteLater()
        if thread is not None:
            thread.deleteLater()
        self.idle.emit()
