"""The main window's file, draft and PDF commands (issue 11: MainWindow hands them here).

    files = FileCommands(window)   # the window keeps its dialogs: ask_open_path,
    files.open_file(path)          # ask_save_path, confirm and ask_save_first (tests replace them)

New check, Open and Quit with unsaved answers ask "Save first?" (Save / Don't save / Cancel).
The file dialogs start in the folder last used (QSettings); a saved file always gets its
extension. Importing this module loads Qt only; the app services load on first use.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.assessing import Outcome
    from ui.main_window import MainWindow

ANSWERS_FILTER = N_("Answers files (*.json);;All files (*)")
PDF_FILTER = N_("PDF files (*.pdf)")
# "Save first?" before each of these (the key is what the tests see).
SAVE_FIRST_QUESTIONS = {
    "start a new check": N_("Your answers are not saved in a file. Save them before you start "
                            "a new check?"),
    "open another file": N_("Your answers are not saved in a file. Save them before you open "
                            "another file?"),
    "quit": N_("Your answers are not saved in a file. Save them before you quit?"),
}
SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"
LAST_FOLDER = "files/lastFolder"


def opened_message(name: str, new: int, outcome: Outcome | None, ignored: list[str]) -> str:
    """What opening an answers file did, in the current language: new questions to answer, a
    colour changed under the current rules, answers that need attention or were ignored."""
    messages = [_("Opened {file}.").format(file=name)]
    if new:
        messages.append(ngettext(
            "It was made before the current rules, which ask {count} new question: answer "
            "it to see the result (nothing you answered before is lost).",
            "It was made before the current rules, which ask {count} new questions: answer "
            "them to see the result (nothing you answered before is lost).",
            new).format(count=new))
    if outcome is not None and outcome.colour_changed:
        from ui.language import colour_text

        before, after = outcome.colour_changed
        messages.append(_("Under the current rules its result changed from {old} to "
                          "{new}.").format(old=colour_text(str(before)),
                                           new=colour_text(str(after))))
    if outcome is not None and outcome.assessment is None and not new:
        messages.append(_("Some answers need attention before a result can be given."))
    if ignored:
        messages.append(_("Answers this version does not know were ignored: {ids}.")
                        .format(ids=", ".join(ignored)))
    return " ".join(messages)


def settings() -> Any:
    """The app's own settings (ui.settings)."""
    from ui.settings import settings as app_settings

    return app_settings()


def last_folder() -> str:
    """The folder the last file was opened from or saved to, else Documents (the file
    dialogs' own settings file is made owner-only first: it names folders visited)."""
    from ui.common import protect_qt_settings

    protect_qt_settings()
    stored = settings().value(LAST_FOLDER, "")
    if isinstance(stored, str) and stored and Path(stored).is_dir():
        return stored
    return documents()


def remember_folder(path: Path) -> None:
    settings().setValue(LAST_FOLDER, str(path.parent))


def documents() -> str:
    """The user's Documents folder (or home)."""
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found or str(Path.home())


def with_extension(path: Path, suffix: str) -> Path:
    """`path` ending in `suffix` ('.json', '.pdf'): added when missing, whatever else it has."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def open_path_dialog(parent: QWidget) -> Path | None:
    """The answers file to open, starting in the last folder used."""
    from PySide6.QtWidgets import QFileDialog

    path, _chosen = QFileDialog.getOpenFileName(parent, _("Open answers file"), last_folder(),
                                                _(ANSWERS_FILTER))
    if path:
        remember_folder(Path(path))
    return Path(path) if path else None


def save_path_dialog(parent: QWidget, caption: str, suggested: str, file_filter: str,
                     current: Path | None) -> Path | None:
    """Where to save: beside the current file, else in the last folder used."""
    from PySide6.QtWidgets import QFileDialog

    start = str(current.parent / suggested) if current else str(Path(last_folder()) / suggested)
    path, _chosen = QFileDialog.getSaveFileName(parent, caption, start, file_filter)
    if path:
        remember_folder(Path(path))
    return Path(path) if path else None


def confirm_dialog(parent: QWidget, title: str, text: str, yes: str) -> bool:
    """Ask before something destructive; Cancel is the default."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is accept


def save_first_dialog(parent: QWidget, doing: str) -> str:
    """"Save first?" before `doing` ("start a new check", "open another file", "quit"):
    SAVE, DISCARD or CANCEL."""
    from PySide6.QtWidgets import QMessageBox

    question = SAVE_FIRST_QUESTIONS.get(doing)
    box = QMessageBox(QMessageBox.Icon.Question, _("Save first?"),
                      _(question) if question else _("Your answers are not saved in a file. "
                                                     "Save them first?"),
                      parent=parent)
    save = box.addButton(_("&Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_("&Don't save"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


class FileCommands:
    """Open, save, export, drafts, new check and delete, for one MainWindow."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.current_file: Path | None = None
        self.dirty = False
        self.autosave_failed = False

    def unsaved(self) -> bool:
        wizard = self.window.wizard
        return bool(self.dirty and wizard is not None and wizard.answers())

    def save_first(self, doing: str) -> bool:
        """Ask "Save first?" when there are unsaved answers; False when the person cancels
        (or the save did not happen)."""
        if not self.unsaved():
            return True
        choice = self.window.ask_save_first(doing)
        if choice == CANCEL:
            return False
        if choice == SAVE:
            return self.save()
        return True

    def closing(self) -> bool:
        """Quit: False when the person cancels. Unsaved answers ask "Save first?"; "Don't
        save" forgets them (the autosaved draft too); answers already in a file are kept as
        the draft offered at the next start, as before."""
        from app.draft import delete_draft

        wizard = self.window.wizard
        if self.unsaved():
            choice = self.window.ask_save_first("quit")
            if choice == CANCEL or (choice == SAVE and not self.save()):
                return False
            if choice == DISCARD:
                delete_draft()
                return True
        if wizard is not None and wizard.answers():
            self.autosave(wizard.answers(), wizard.current_page())
        return True

    def clear_banner(self, _page: str = "") -> None:
        """A banner's moment has passed once the person moves on (another page, a new
        check): information and confirmations go; a problem stays until dismissed or fixed."""
        notice = self.window.notice
        if notice.kind != "error":
            notice.hide()

    # ---- drafts ----

    def restore_draft(self) -> None:
        from app.draft import load_draft

        self.window.finish_startup()
        assert self.window.wizard is not None
        draft = load_draft()
        self.window.welcome.hide_draft_offer()
        if draft is None:
            self.window.notice.show_message(lambda: _("The saved answers could not be read."),
                                            "error")
            return
        self.window.screens.setCurrentWidget(self.window.wizard)
        self.window.wizard.load(draft.answers, draft.page)
        self.dirty = True

    def discard_draft(self) -> None:
        from app.draft import delete_draft

        delete_draft()
        self.window.welcome.hide_draft_offer()
        self.window.welcome.check_button.setFocus()
        self.window.notice.show_message(lambda: _("Your unfinished answers were deleted."),
                                        "success")

    def autosave(self, answers: dict[str, Any], page: str) -> None:
        from app.answers_file import AnswersFileError
        from app.draft import save_draft

        try:
            save_draft(answers, page)
        except AnswersFileError as error:
            if not self.autosave_failed:
                self.autosave_failed = True
                problem = error.problem
                self.window.notice.show_message(
                    lambda: _("Your answers could not be saved automatically ({problem}). Use "
                              "File, Save answers to keep them.").format(problem=problem),
                    "error")

    def edited(self) -> None:
        self.dirty = True

    # ---- files ----

    def open_dialog(self) -> None:
        path = self.window.ask_open_path()
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path | str) -> bool:
        """Open an answers file and show its result (re-assessed under the current rules)."""
        from app.answers_file import AnswersFileError, new_questions_to_answer, read_answers_file
        from app.recent import add_recent, remove_recent

        self.window.finish_startup()
        assert self.window.wizard is not None
        target = Path(path)
        if not self.save_first("open another file"):
            return False
        try:
            document = read_answers_file(target)
        except AnswersFileError as error:
            problem = error.problem
            self.window.notice.show_message(
                lambda: _("Could not open {file}: {problem}.").format(file=target.name,
                                                                      problem=problem), "error")
            if not target.exists():
                remove_recent(target)
            return False
        self.window.screens.setCurrentWidget(self.window.wizard)
        wizard = self.window.wizard
        new = new_questions_to_answer(document, wizard.as_of) if document.migrated else []
        ignored = wizard.load(document.answers, document=document, show_result=not new)
        self.current_file = target
        self.dirty = False
        self.window.update_title()
        add_recent(target)
        outcome = self.window.wizard.outcome()
        self.window.notice.show_message(
            lambda: opened_message(target.name, len(new), outcome, ignored), "info")
        return True

    def save(self) -> bool:
        if self.current_file is None:
            return self.save_as()
        return self.save_to(self.current_file)

    def save_as(self) -> bool:
        path = self.window.ask_save_path(_("Save answers"), "volunteer-check-answers.json",
                                         _(ANSWERS_FILTER))
        if path is None:
            return False
        return self.save_to(with_extension(path, ".json"))

    def save_to(self, path: Path | str) -> bool:
        """Save the answers (with the current colour) as an answers file."""
        from app.answers_file import AnswersDocument, AnswersFileError, write_answers_file
        from app.draft import delete_draft
        from app.recent import add_recent

        self.window.finish_startup()
        assert self.window.wizard is not None
        target = Path(path)
        answers = self.window.wizard.answers()
        if not answers:
            self.window.notice.show_message(lambda: _("There are no answers to save yet."), "info")
            return False
        outcome = self.window.wizard.compute_outcome()
        colour = str(outcome.assessment.colour) if outcome.assessment is not None else None
        document = AnswersDocument(answers=answers, person=outcome.document.person)
        try:
            write_answers_file(target, document, colour)
        except AnswersFileError as error:
            problem = error.problem
            self.window.notice.show_message(
                lambda: _("Could not save {file}: {problem}. Your answers are still here; try "
                          "another folder.").format(file=target.name, problem=problem), "error")
            return False
        self.current_file = target
        self.dirty = False
        self.window.update_title()
        add_recent(target)
        delete_draft()  # the answers are in the file now; autosave starts again on an edit
        self.autosave_failed = False
        self.window.notice.show_message(
            lambda: _("Answers saved to {path}.").format(path=target), "success")
        return True

    def export_pdf(self) -> bool:
        """Ask where, then write the PDF report of the current result."""
        self.window.finish_startup()
        assert self.window.wizard is not None
        outcome = self.window.wizard.compute_outcome()
        if outcome.assessment is None:
            self.window.notice.show_message(
                lambda: _("There is no result to export yet: answer the questions first."),
                "error")
            return False
        stem = self.current_file.stem if self.current_file else "volunteer-check-result"
        path = self.window.ask_save_path(_("Export PDF report"), f"{stem}.pdf", _(PDF_FILTER))
        if path is None:
            return False
        return self.export_pdf_to(with_extension(path, ".pdf"), outcome)

    def export_pdf_to(self, path: Path | str, outcome: Outcome | None = None) -> bool:
        """Write the PDF report; problems are shown in the notice bar and nothing is lost."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from app.answers_file import AnswersFileError

        self.window.finish_startup()
        assert self.window.wizard is not None
        target = Path(path)
        outcome = outcome or self.window.wizard.compute_outcome()
        self.autosave(self.window.wizard.answers(), self.window.wizard.current_page())
        try:
            pdf = importlib.import_module("app.pdf_report")
            page_module = importlib.import_module("app.pdf")
            choice = self.window.paper_choice()
            page = None if choice == "auto" else page_module.PageSize(choice)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                pdf.export_pdf(outcome, target, page)
            finally:
                QApplication.restoreOverrideCursor()
        except AnswersFileError as error:
            problem = error.problem
            self.window.notice.show_message(
                lambda: _("Could not save the PDF {file}: {problem}. Your answers are kept; "
                          "choose another folder.").format(file=target.name, problem=problem),
                "error")
            return False
        except (ImportError, NotImplementedError):
            self.window.notice.show_message(
                lambda: _("PDF export is not available in this version."), "error")
            return False
        except (OSError, RuntimeError, ValueError) as error:
            problem = str(error)
            self.window.notice.show_message(
                lambda: _("Could not create the PDF ({problem}). Your answers are kept.").format(
                    problem=problem), "error")
            return False
        self.window.notice.show_message(
            lambda: _("PDF report saved to {path}.").format(path=target), "success")
        return True

    def new_check(self) -> None:
        from app.draft import delete_draft

        self.window.finish_startup()
        assert self.window.wizard is not None
        if not self.save_first("start a new check"):
            return
        delete_draft()
        self.window.wizard.reset()
        self.current_file = None
        self.dirty = False
        self.window.update_title()
        self.window.welcome.hide_draft_offer()
        self.clear_banner()
        self.window.show_wizard(self.window.wizard.current_page())

    def delete_my_answers(self) -> bool:
        """Remove the autosaved answers and the recent-files list from this device."""
        from app.draft import delete_draft
        from app.recent import clear_recent

        if not self.window.confirm(
                _("Delete my answers?"),
                _("This deletes the answers this app saved automatically on this device and "
                  "the list of recent files, and clears this window. Files you saved yourself "
                  "are not deleted."), _("Delete my answers")):
            return False
        delete_draft()
        clear_recent()
        if self.window.wizard is not None:
            self.window.wizard.reset()
        self.current_file = None
        self.dirty = False
        self.window.update_title()
        self.window.welcome.hide_draft_offer()
        self.window.show_start()
        self.window.notice.show_message(
            lambda: _("Your answers were deleted from this device. Files you saved yourself "
                      "were not touched."), "success")
        return True
