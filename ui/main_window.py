"""The main window: start screen, the volunteer's wizard, the File menu, drafts and files.

Importing this module loads Qt only. The rules, pydantic and the app services are imported by
`finish_startup()`, which ui.main runs right after the first paint, so that the welcome page
appears as fast as a bare Qt window.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLayout, QMenuBar, QStackedWidget, QVBoxLayout, QWidget

from app.about import APP_NAME, VERSION
from ui.welcome import WelcomePage, long_date

if TYPE_CHECKING:  # annotations only: nothing here is imported before the first paint
    from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence

    from app.assessing import Outcome
    from ui.notice import NoticeBar
    from ui.wizard import Wizard

ANSWERS_FILTER = "Answers files (*.json);;All files (*)"
PDF_FILTER = "PDF files (*.pdf)"
def resource_folder(package: str, sub: str) -> Path | None:
    """A folder inside a top-level package, found without importing the package."""
    beside = Path(__file__).resolve().parents[1] / package / sub  # source tree, bundles
    if beside.is_dir():
        return beside
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / sub
        if candidate.is_dir():
            return candidate
    return None


def window_icon() -> QIcon:
    """Every PNG of resources/icons (several sizes of one icon), or an empty icon."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = resource_folder("resources", "icons")
    if folder is not None:
        for path in sorted(folder.glob("*.png")):
            icon.addFile(str(path))
    return icon


class MainWindow(QWidget):
    """Start screen plus the wizard; File menu with open, save, export, recent, delete.

    A plain top-level QWidget with a QMenuBar, not a QMainWindow: the app needs no docks,
    toolbars or status bar, and a QMainWindow's first paint alone costs ~13 ms (as much as a
    whole bare QWizard's).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(640, 480)
        self.setAcceptDrops(True)
        self.wizard: Wizard | None = None
        self.current_file: Path | None = None
        self._ready = False
        self._dirty = False
        self._autosave_failed = False
        self._group_window: QWidget | None = None
        self._draft_saved_at: str | None = None
        self._notice: NoticeBar | None = None

        self._column = QVBoxLayout(self)
        # no minimum-size hints pushed to the platform window (the offscreen one warns)
        self._column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._menu_bar = QMenuBar(self)
        self._menu_bar.setObjectName("menuBar")
        self._column.setMenuBar(self._menu_bar)
        self.screens = QStackedWidget()
        self.screens.setObjectName("screens")
        self.welcome = WelcomePage()
        self.screens.addWidget(self.welcome)
        self._column.addWidget(self.screens, 1)

        self.welcome.check_myself.connect(self.check_myself)
        self.welcome.screen_group.connect(self.screen_group)
        self.welcome.restore_draft.connect(self.restore_draft)
        self.welcome.discard_draft.connect(self.discard_draft)
        # The menus' titles are there from the first paint; their actions come right after it
        # (creating them loads dozens of Qt enums, a visible share of the start-up time).
        self.file_menu = self.menuBar().addMenu("&File")
        self.file_menu.setObjectName("fileMenu")
        self.help_menu = self.menuBar().addMenu("&Help")
        self.help_menu.setObjectName("helpMenu")
        self._menus_built = False

    def menuBar(self) -> QMenuBar:
        return self._menu_bar

    @property
    def notice(self) -> NoticeBar:
        """The message bar across the top (created on first use, after the first paint)."""
        if self._notice is None:
            from ui.notice import NoticeBar

            self._notice = NoticeBar()
            self._column.insertWidget(0, self._notice)
        return self._notice

    # ---- menus ----

    def _action(self, text: str, slot: Any, shortcut: QKeySequence | str | None = None,
                name: str = "") -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if name:
            action.setObjectName(name)
        return action

    def build_menus(self) -> None:
        """Fill the File and Help menus (once)."""
        if self._menus_built:
            return
        self._menus_built = True
        from PySide6.QtGui import QAction, QActionGroup, QKeySequence
        from PySide6.QtWidgets import QMenu

        file_menu = self.file_menu
        self.new_action = self._action("&New check", self.new_check,
                                       QKeySequence.StandardKey.New, "newAction")
        self.open_action = self._action("&Open answers file…", self.open_dialog,
                                        QKeySequence.StandardKey.Open, "openAction")
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.save_action = self._action("&Save answers", self.save,
                                        QKeySequence.StandardKey.Save, "saveAction")
        self.save_as_action = self._action("Save answers &as…", self.save_as,
                                           QKeySequence.StandardKey.SaveAs, "saveAsAction")
        if self.save_as_action.shortcut().isEmpty():
            self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.export_action = self._action("&Export PDF…", self.export_pdf, "Ctrl+E",
                                          "exportAction")
        self.delete_action = self._action("&Delete my answers…", self.delete_my_answers,
                                          None, "deleteAction")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit,
                                        "quitAction")
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addAction(self.export_action)
        paper = file_menu.addMenu("PDF &paper size")
        self.paper_group = QActionGroup(self)
        self.paper_actions: dict[str, QAction] = {}
        for key, text in (("auto", "&Automatic (Letter in North America, A4 elsewhere)"),
                          ("A4", "A&4"), ("Letter", "US &Letter")):
            action = QAction(text, self, checkable=True)
            action.setChecked(key == "auto")
            self.paper_group.addAction(action)
            paper.addAction(action)
            self.paper_actions[key] = action
        file_menu.addSeparator()
        file_menu.addAction(self.delete_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.help_menu.addAction(self._action("&About Volunteer Check", self.about, None,
                                         "aboutAction"))

    def _fill_recent_menu(self) -> None:
        from app.recent import recent_files

        self.recent_menu.clear()
        files = recent_files()
        for index, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{index} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_file(p))
        if not files:
            empty = self.recent_menu.addAction("No recent files")
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("&Clear this list", self._clear_recent)

    def _clear_recent(self) -> None:
        from app.recent import clear_recent

        clear_recent()

    # ---- start-up ----

    def is_ready(self) -> bool:
        return self._ready

    def finish_startup(self) -> None:
        """Load the rules and build the wizard (run right after the first paint)."""
        if self._ready:
            return
        self._ready = True
        from ui.a11y import install

        install()  # screen-reader roles: headings, links ... (fixes the start page's too)
        self.build_menus()
        self.setWindowIcon(window_icon())
        self.welcome.finish()
        _ = self.notice
        self._register_fonts()
        from rules import load_parameters
        from rules.disclaimer import disclaimer
        from ui.wizard import Wizard

        params = load_parameters()
        self.welcome.set_ruleset(params.ruleset_version, params.research_reviewed)
        self.welcome.set_disclaimer(disclaimer())
        self.wizard = Wizard()
        self.screens.addWidget(self.wizard)
        self.wizard.exit_to_start.connect(self.show_start)
        self.wizard.autosave.connect(self._autosave)
        self.wizard.answers_edited.connect(self._edited)
        result = self.wizard.result_page()
        result.save_requested.connect(self.save)
        result.export_requested.connect(self.export_pdf)
        result.new_check_requested.connect(self.new_check)
        self._check_group_available()
        self._offer_draft()

    def startup_failed(self, detail: str) -> None:
        """The rules could not be loaded: say so on the start screen."""
        self.welcome.check_button.setEnabled(False)
        self.notice.show_message(
            "The app could not load its rules and cannot check answers. Please reinstall it. "
            f"Details: {detail.strip().splitlines()[-1]}", "error")

    def _register_fonts(self) -> None:
        """Bundled fonts as fallbacks after the system font, so any script in a name renders."""
        try:
            fonts = importlib.import_module("app.fonts")
            families = tuple(fonts.register_fonts())
        except (ImportError, AttributeError, OSError, RuntimeError):
            return
        if not families:
            return
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            font = app.font()
            font.setFamilies([font.family(), *(f for f in families if f != font.family())])
            app.setFont(font)

    def _check_group_available(self) -> None:
        try:
            found = importlib.util.find_spec("ui.group.window") is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            self.welcome.set_group_available(
                False, "Group screening is not part of this version of the app.")

    def _offer_draft(self) -> None:
        from app.draft import load_draft

        draft = load_draft()
        if draft is None or not draft.answers:
            return
        self._draft_saved_at = draft.saved_at
        self.welcome.offer_draft(_friendly_time(draft.saved_at))

    # ---- screens ----

    def show_start(self) -> None:
        from PySide6.QtCore import Qt

        self.screens.setCurrentWidget(self.welcome)
        self.welcome.check_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_wizard(self, page: str | None = None) -> Wizard:
        self.finish_startup()
        assert self.wizard is not None
        self.screens.setCurrentWidget(self.wizard)
        if page is not None:
            self.wizard.go_to(page)
        else:
            self.wizard.go_to(self.wizard.current_page())
        return self.wizard

    def check_myself(self) -> None:
        """Start (or continue) the volunteer's own check."""
        self.finish_startup()
        self.welcome.hide_draft_offer()
        self.show_wizard()

    def screen_group(self) -> None:
        """Open the organiser's group window, if this version has it."""
        try:
            module = importlib.import_module("ui.group.window")
            window_class = module.GroupWindow
        except (ImportError, AttributeError):
            reason = "Group screening is not part of this version of the app."
            self.welcome.set_group_available(False, reason)
            self.notice.show_message(reason, "info")
            return
        if self._group_window is None or not self._group_window.isVisible():
            self._group_window = window_class()
        assert self._group_window is not None
        self._group_window.show()
        self._group_window.raise_()
        self._group_window.activateWindow()

    # ---- drafts ----

    def restore_draft(self) -> None:
        from app.draft import load_draft

        self.finish_startup()
        assert self.wizard is not None
        draft = load_draft()
        self.welcome.hide_draft_offer()
        if draft is None:
            self.notice.show_message("The saved answers could not be read.", "error")
            return
        self.screens.setCurrentWidget(self.wizard)
        self.wizard.load(draft.answers, draft.page)
        self._dirty = True

    def discard_draft(self) -> None:
        from app.draft import delete_draft

        delete_draft()
        self.welcome.hide_draft_offer()
        self.welcome.check_button.setFocus()
        self.notice.show_message("Your unfinished answers were deleted.", "success")

    def _autosave(self, answers: dict[str, Any], page: str) -> None:
        from app.answers_file import AnswersFileError
        from app.draft import save_draft

        try:
            save_draft(answers, page)
        except AnswersFileError as error:
            if not self._autosave_failed:
                self._autosave_failed = True
                self.notice.show_message(
                    f"Your answers could not be saved automatically ({error.problem}). "
                    "Use File, Save answers to keep them.", "error")

    def _edited(self) -> None:
        self._dirty = True

    # ---- files ----

    def ask_open_path(self) -> Path | None:
        """The file to open (a dialog; tests replace this method)."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Open answers file", _documents(),
                                              ANSWERS_FILTER)
        return Path(path) if path else None

    def ask_save_path(self, caption: str, suggested: str, file_filter: str) -> Path | None:
        """Where to save (a dialog; tests replace this method)."""
        from PySide6.QtWidgets import QFileDialog

        start = str(self.current_file.parent / suggested) if self.current_file \
            else str(Path(_documents()) / suggested)
        path, _ = QFileDialog.getSaveFileName(self, caption, start, file_filter)
        return Path(path) if path else None

    def confirm(self, title: str, text: str, yes: str) -> bool:
        """Ask before something destructive (a dialog; tests replace this method)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        accept = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is accept

    def open_dialog(self) -> None:
        path = self.ask_open_path()
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path | str) -> bool:
        """Open an answers file and show its result (re-assessed under the current rules)."""
        from app.answers_file import AnswersFileError, new_questions_to_answer, read_answers_file
        from app.recent import add_recent, remove_recent

        self.finish_startup()
        assert self.wizard is not None
        target = Path(path)
        if self._dirty and self.wizard.answers() and not self.confirm(
                "Open another file?",
                "Your current answers have not been saved to a file. Opening a file "
                "replaces them.", "Open the file"):
            return False
        try:
            document = read_answers_file(target)
        except AnswersFileError as error:
            self.notice.show_message(f"Could not open {target.name}: {error.problem}.", "error")
            if not target.exists():
                remove_recent(target)
            return False
        self.screens.setCurrentWidget(self.wizard)
        new = new_questions_to_answer(document, self.wizard.as_of) if document.migrated else []
        ignored = self.wizard.load(document.answers, document=document, show_result=not new)
        self.current_file = target
        self._dirty = False
        self._update_title()
        add_recent(target)
        outcome = self.wizard.outcome()
        messages = [f"Opened {target.name}."]
        if new:
            messages.append(
                f"It was made before the current rules, which ask {len(new)} new "
                f"question{'s' if len(new) > 1 else ''}: answer "
                f"{'them' if len(new) > 1 else 'it'} to see the result "
                "(nothing you answered before is lost).")
        if outcome is not None and outcome.colour_changed:
            old, new = outcome.colour_changed
            messages.append(f"Under the current rules its result changed from {old} to {new}.")
        if outcome is not None and outcome.assessment is None and not new:
            messages.append("Some answers need attention before a result can be given.")
        if ignored:
            messages.append("Answers this version does not know were ignored: "
                            + ", ".join(ignored) + ".")
        self.notice.show_message(" ".join(messages), "info")
        return True

    def save(self) -> bool:
        if self.current_file is None:
            return self.save_as()
        return self.save_to(self.current_file)

    def save_as(self) -> bool:
        path = self.ask_save_path("Save answers", "volunteer-check-answers.json",
                                  ANSWERS_FILTER)
        if path is None:
            return False
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        return self.save_to(path)

    def save_to(self, path: Path | str) -> bool:
        """Save the answers (with the current colour) as an answers file."""
        from app.answers_file import AnswersDocument, AnswersFileError, write_answers_file
        from app.draft import delete_draft
        from app.recent import add_recent

        self.finish_startup()
        assert self.wizard is not None
        target = Path(path)
        answers = self.wizard.answers()
        if not answers:
            self.notice.show_message("There are no answers to save yet.", "info")
            return False
        outcome = self.wizard.compute_outcome()
        colour = str(outcome.assessment.colour) if outcome.assessment is not None else None
        document = AnswersDocument(answers=answers, person=outcome.document.person)
        try:
            write_answers_file(target, document, colour)
        except AnswersFileError as error:
            self.notice.show_message(
                f"Could not save {target.name}: {error.problem}. Your answers are still here; "
                "try another folder.", "error")
            return False
        self.current_file = target
        self._dirty = False
        self._update_title()
        add_recent(target)
        delete_draft()  # the answers are in the file now; autosave starts again on an edit
        self._autosave_failed = False
        self.notice.show_message(f"Answers saved to {target}.", "success")
        return True

    def export_pdf(self) -> bool:
        """Ask where, then write the PDF report of the current result."""
        self.finish_startup()
        assert self.wizard is not None
        outcome = self.wizard.compute_outcome()
        if outcome.assessment is None:
            self.notice.show_message(
                "There is no result to export yet: answer the questions first.", "error")
            return False
        stem = self.current_file.stem if self.current_file else "volunteer-check-result"
        path = self.ask_save_path("Export PDF report", f"{stem}.pdf", PDF_FILTER)
        if path is None:
            return False
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return self.export_pdf_to(path, outcome)

    def paper_choice(self) -> str:
        for key, action in self.paper_actions.items():
            if action.isChecked():
                return key
        return "auto"

    def set_paper_choice(self, key: str) -> None:
        self.paper_actions[key].setChecked(True)

    def export_pdf_to(self, path: Path | str, outcome: Outcome | None = None) -> bool:
        """Write the PDF report; problems are shown in the notice bar and nothing is lost."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from app.answers_file import AnswersFileError

        self.finish_startup()
        assert self.wizard is not None
        target = Path(path)
        outcome = outcome or self.wizard.compute_outcome()
        self._autosave(self.wizard.answers(), self.wizard.current_page())
        try:
            pdf = importlib.import_module("app.pdf_report")
            page_module = importlib.import_module("app.pdf")
            choice = self.paper_choice()
            page = None if choice == "auto" else page_module.PageSize(choice)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                pdf.export_pdf(outcome, target, page)
            finally:
                QApplication.restoreOverrideCursor()
        except AnswersFileError as error:
            self.notice.show_message(
                f"Could not save the PDF {target.name}: {error.problem}. Your answers are "
                "kept; choose another folder.", "error")
            return False
        except (ImportError, NotImplementedError):
            self.notice.show_message("PDF export is not available in this version.", "error")
            return False
        except (OSError, RuntimeError, ValueError) as error:
            self.notice.show_message(
                f"Could not create the PDF ({error}). Your answers are kept.", "error")
            return False
        self.notice.show_message(f"PDF report saved to {target}.", "success")
        return True

    def new_check(self) -> None:
        from app.draft import delete_draft

        self.finish_startup()
        assert self.wizard is not None
        if self.wizard.answers() and not self.confirm(
                "Start a new check?",
                "Your current answers will be cleared from this window. Files you saved are "
                "kept.", "Start a new check"):
            return
        delete_draft()
        self.wizard.reset()
        self.current_file = None
        self._dirty = False
        self._update_title()
        self.welcome.hide_draft_offer()
        self.show_wizard(self.wizard.current_page())

    def delete_my_answers(self) -> bool:
        """Remove the autosaved answers and the recent-files list from this device."""
        from app.draft import delete_draft
        from app.recent import clear_recent

        if not self.confirm(
                "Delete my answers?",
                "This deletes the answers this app saved automatically on this device and the "
                "list of recent files, and clears this window. Files you saved yourself are "
                "not deleted.", "Delete my answers"):
            return False
        delete_draft()
        clear_recent()
        if self.wizard is not None:
            self.wizard.reset()
        self.current_file = None
        self._dirty = False
        self._update_title()
        self.welcome.hide_draft_offer()
        self.show_start()
        self.notice.show_message(
            "Your answers were deleted from this device. Files you saved yourself were not "
            "touched.", "success")
        return True

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from rules import load_parameters

        params = load_parameters()
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"{APP_NAME} {VERSION}\nRules version {params.ruleset_version}, research last "
            f"reviewed {long_date(params.research_reviewed)}.\n\nGeneral information, not "
            "legal advice. Your answers stay on this device.")

    def _update_title(self) -> None:
        name = self.current_file.name if self.current_file else ""
        self.setWindowTitle(f"{name} \u2013 {APP_NAME}" if name else APP_NAME)

    # ---- drag and drop, closing ----

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            path = Path(urls[0].toLocalFile())
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, lambda: self.open_file(path))
        else:
            event.ignore()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.wizard is not None and self.wizard.answers():
            self._autosave(self.wizard.answers(), self.wizard.current_page())
        if self._group_window is not None:
            self._group_window.close()
        event.accept()


def _documents() -> str:
    """The folder a file dialog starts in (called before every dialog, which may then write
    Qt's settings file: it is made owner-only first)."""
    from PySide6.QtCore import QStandardPaths

    from ui.common import protect_qt_settings

    protect_qt_settings()

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found or str(Path.home())


def _friendly_time(saved_at: str | None) -> str | None:
    """'28 November 2026, 14:05' (local time) from an ISO timestamp."""
    if not saved_at:
        return None
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(saved_at).astimezone()
    except ValueError:
        return None
    return f"{long_date(moment.date())}, {moment:%H:%M}"
