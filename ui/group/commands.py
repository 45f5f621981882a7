"""The group window's file commands: import files, save and open the group, export its
results, write a template, each with the file dialog that asks which file (an export never
overwrites a file the group was read from).

The writing itself runs in the window's worker; what is written is app.group.session's work.
"""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from app.answers_file import AnswersFileError
from app.group.session import busy_text
from app.group.session import save_template as write_template
from app.i18n import N_, _
from ui.common import protect_qt_settings
from ui.group.worker import CallJob, ImportJob

if TYPE_CHECKING:
    from ui.group.window import GroupWindow

SPREADSHEET_FILTER = N_("Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)")
ANSWERS_FILTER = N_("Answers files (*.json);;All files (*)")
PROJECT_FILTER = N_("Group projects (*.vcgroup.json *.json);;All files (*)")


def documents() -> str:
    """The folder a file dialog starts in (called before every dialog, which may then write
    Qt's settings file: it is made owner-only first)."""
    protect_qt_settings()
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found or str(Path.home())


def _with_suffix(path: str, suffix: str) -> str:
    return path if path.endswith(suffix) else path + suffix


class GroupFiles(QObject):
    """Reading and writing the group's files, for the window's actions."""

    def __init__(self, window: "GroupWindow") -> None:
        super().__init__(window)
        self.window = window

    def _write(self, work: Callable[[], str], target: Path) -> bool:
        text = _("Writing {file}").format(file=target.name)
        return self.window.start_job(CallJob(work, text), text, batches=False)

    def _refused(self, target: Path, what: str) -> bool:
        """Say so and return True when `target` must not be written (see output_clash)."""
        clash = self.window.session.output_clash(target, what, self.window.model.results())
        if clash:
            self.window.message(clash, "error")
        return bool(clash)

    def import_paths(self, paths: Iterable[Path | str]) -> bool:
        """Read these files and folders into the group (in the background)."""
        chosen = [Path(p) for p in paths]
        if not chosen:
            return False
        self.window.session.imported(chosen)
        names = ", ".join(p.name for p in chosen[:3]) + (" \u2026" if len(chosen) > 3 else "")
        session = self.window.session
        job = ImportJob(chosen, session.defaults, session.as_of, session.duplicates)
        return self.window.start_job(job, _("Reading {files}").format(files=names))

    def save_project(self, path: Path | str) -> bool:
        target = Path(path)
        if self._refused(target, _("the group file")):
            return False
        work = self.window.session.saver(target, self.window.model.results())
        text = _("Saving {file}").format(file=target.name)
        if self.window.start_job(CallJob(work, text), text, batches=False):
            self.window.session.project_path = target
            self.window.update_title()
            return True
        return False

    def open_project(self, path: Path | str) -> bool:
        """Replace the group by a saved one (its people are screened again, in the background)."""
        if self.window.runner.busy:
            self.window.message(busy_text(), "error")
            return False
        try:
            members = self.window.session.open(path, self.window.model.results())
        except AnswersFileError as error:
            self.window.message(str(error), "error")
            return False
        self.window.model.clear()
        self.window.update_title()
        return self.window.rescreen(members, _("Opening {file}").format(file=Path(path).name))

    def export_results(self, path: Path | str) -> bool:
        """Results as CSV or Excel (by suffix), one row per person, in the background."""
        target = Path(path)
        if self._refused(target, _("the results file")):
            return False
        results = self.window.model.results()
        return self._write(self.window.session.results_writer(target, results), target)

    def export_pdf(self, path: Path | str, redact: bool = False) -> bool:
        target = Path(path)
        if self._refused(target, _("the PDF report")):
            return False
        results = self.window.model.results()
        return self._write(self.window.session.pdf_writer(target, results, redact), target)

    def save_template(self, path: Path | str) -> bool:
        try:
            self.window.message(write_template(Path(path)))
        except AnswersFileError as error:
            self.window.message(str(error), "error")
            return False
        return True

    # ---- the file dialogs ----

    def choose_spreadsheets(self) -> None:
        files, _chosen = QFileDialog.getOpenFileNames(
            self.window, _("Import spreadsheets"), documents(), _(SPREADSHEET_FILTER))
        self.import_paths(files)

    def choose_answers_files(self) -> None:
        files, _chosen = QFileDialog.getOpenFileNames(self.window, _("Import answers files"),
                                                      documents(), _(ANSWERS_FILTER))
        self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, _("Import every answers file in a folder"), documents())
        if folder:
            self.import_paths([folder])

    def choose_save_project(self) -> None:
        start = str(self.window.session.project_path
                    or Path(documents()) / "group.vcgroup.json")
        path, _chosen = QFileDialog.getSaveFileName(self.window, _("Save group"), start,
                                                    _(PROJECT_FILTER))
        if path:
            self.save_project(path)

    def choose_open_project(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(self.window, _("Open group"), documents(),
                                                    _(PROJECT_FILTER))
        if path:
            self.open_project(path)

    def choose_export(self, suffix: str) -> None:
        kind = _("Excel workbook (*.xlsx)") if suffix == ".xlsx" else _("CSV (*.csv)")
        path, _chosen = QFileDialog.getSaveFileName(self.window, _("Export results"),
                                              str(Path(documents()) / f"results{suffix}"), kind)
        if path:
            self.export_results(_with_suffix(path, suffix))

    def choose_pdf(self, redact: bool) -> None:
        name = "group-report-initials.pdf" if redact else "group-report.pdf"
        path, _chosen = QFileDialog.getSaveFileName(self.window, _("Group PDF report"),
                                                    str(Path(documents()) / name),
                                                    _("PDF (*.pdf)"))
        if path:
            self.export_pdf(_with_suffix(path, ".pdf"), redact)

    def choose_template(self, suffix: str) -> None:
        kind = _("Excel workbook (*.xlsx)") if suffix == ".xlsx" else _("CSV (*.csv)")
        path, _chosen = QFileDialog.getSaveFileName(
            self.window, _("Save template"),
            str(Path(documents()) / f"volunteers-template{suffix}"), kind)
        if path:
            self.save_template(_with_suffix(path, suffix))
