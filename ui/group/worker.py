"""Long group jobs off the GUI thread: import and screen, re-screen, export.

A job runs in its own QThread and reports through queued signals: results in batches (at most
every 0.1 s, so the table grows smoothly without flooding the event loop), progress as a
per-mille value with a line of text, and a final report. Cancel sets an event the job checks
between people.
"""

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.group.members import DuplicateIndex, Member, MemberResult, Screener
from app.group.pipeline import Progress, RunReport, screen_inputs
from app.group.reading import MAX_INTERACTIVE_BYTES

BATCH_SECONDS = 0.1
BATCH_MAX = 2000


class Job(QObject):
    """Base of the background jobs: `run` in a worker thread, signals to the GUI thread."""

    progress = Signal(int, str)  # per mille, text
    batch = Signal(object)  # list[MemberResult]
    finished = Signal(object)  # RunReport or the job's own result
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()

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
        """Emit results in batches, yielding the GIL between people."""
        pending: list[MemberResult] = []
        last = time.monotonic()
        for result in results:
            pending.append(result)
            now = time.monotonic()
            if now - last >= BATCH_SECONDS or len(pending) >= BATCH_MAX:
                self.batch.emit(pending)
                pending = []
                last = now
        if pending:
            self.batch.emit(pending)


class ImportJob(Job):
    """Read files and folders, screen everyone, send them to the table as they come."""

    def __init__(self, inputs: Iterable[Path | str], screener: Screener,
                 duplicates: DuplicateIndex) -> None:
        super().__init__()
        self.inputs = [Path(p) for p in inputs]
        self.screener = screener
        self.duplicates = duplicates
        self.report = RunReport()

    def _on_progress(self, progress: Progress) -> None:
        files = f" (file {progress.files_done + 1} of {progress.files_total})" \
            if progress.files_total > 1 else ""
        self.progress.emit(int(progress.fraction * 1000),
                           f"Reading {progress.current}{files}: {progress.people:,} people")

    def work(self) -> object:
        results = screen_inputs(self.inputs, self.screener, self.report,
                                duplicates=self.duplicates, max_bytes=MAX_INTERACTIVE_BYTES,
                                cancelled=lambda: self.cancelled, on_progress=self._on_progress)
        self._stream(results)
        if self.cancelled:
            self.report.cancelled = True
        return self.report


class RescreenJob(Job):
    """Screen people again (new group defaults, edited answers, an opened project)."""

    def __init__(self, members: list[Member], screener: Screener) -> None:
        super().__init__()
        self.members = members
        self.screener = screener
        self.report = RunReport()

    def _results(self) -> Iterator[MemberResult]:
        duplicates = DuplicateIndex()
        total = max(len(self.members), 1)
        last = 0.0
        for done, member in enumerate(self.members, start=1):
            if self.cancelled:
                self.report.cancelled = True
                return
            result = self.screener.screen(member)
            result.duplicate_of = duplicates.check(member)
            self.report.counts.add(result)
            yield result
            now = time.monotonic()
            if now - last >= BATCH_SECONDS:
                last = now
                self.progress.emit(done * 1000 // total, f"Screening {done:,} of {total:,}")

    def work(self) -> object:
        self._stream(self._results())
        return self.report


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
        self.thread: QThread | None = None

    @property
    def busy(self) -> bool:
        return self.thread is not None

    def start(self, job: Job, on_batch: Callable[[object], None] | None,
              on_progress: Callable[[int, str], None], on_done: Callable[[object], None],
              on_failed: Callable[[str], None]) -> None:
        assert self.thread is None, "one job at a time"
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
        self.job, self.thread = job, thread
        thread.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the job's thread has ended (closing the window)."""
        if self.thread is None:
            return True
        return self.thread.wait(milliseconds)

    def _cleanup(self) -> None:
        thread, job = self.thread, self.job
        self.thread, self.job = None, None
        if job is not None:
            job.deleteLater()
        if thread is not None:
            thread.deleteLater()
        self.idle.emit()
