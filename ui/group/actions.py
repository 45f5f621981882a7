"""The group window's actions, in its menus and toolbar (their file commands are
ui.group.commands.GroupFiles)."""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from app.i18n import _

if TYPE_CHECKING:
    from ui.group.window import GroupWindow

class GroupActions(QObject):
    """Every command of the group window, in its menus and toolbar."""

    def __init__(self, window: "GroupWindow") -> None:
        super().__init__(window)
        self.window = window
        files = window.files
        self.import_sheet = self._action(
            _("&Import spreadsheet\u2026"), files.choose_spreadsheets, "importSpreadsheet",
            "Ctrl+I", _("CSV or Excel file: one row per person, one column per question"))
        self.import_files = self._action(
            _("Import &answers files\u2026"), files.choose_answers_files, "importAnswers",
            tip=_("Answers files saved by volunteers with this app"))
        self.import_folder = self._action(
            _("Import a &folder\u2026"), files.choose_folder, "importFolder",
            tip=_("Every answers file in a folder and its sub-folders"))
        self.defaults = self._action(
            _("Group &defaults\u2026"), window.edit_defaults, "groupDefaults", "Ctrl+D",
            _("Answers that are the same for everyone (campaign, trip, housing)"))
        self.export_csv = self._action(_("Results as &CSV\u2026"),
                                       lambda: files.choose_export(".csv"), "exportCsv")
        self.export_xlsx = self._action(_("Results as &Excel\u2026"),
                                        lambda: files.choose_export(".xlsx"), "exportXlsx")
        self.export_pdf = self._action(_("Group &PDF report\u2026"),
                                       lambda: files.choose_pdf(False), "exportPdf")
        self.export_pdf_redacted = self._action(
            _("Group PDF with &initials only\u2026"), lambda: files.choose_pdf(True),
            "exportPdfRedacted", tip=_("Names as initials, no emails"))
        self.csv_template = self._action(_("CSV &template\u2026"),
                                         lambda: files.choose_template(".csv"), "csvTemplate")
        self.xlsx_template = self._action(_("Excel template (with &drop-downs)\u2026"),
                                          lambda: files.choose_template(".xlsx"), "xlsxTemplate")
        self.save_project = self._action(_("&Save group\u2026"), files.choose_save_project,
                                         "saveProject", "Ctrl+S")
        self.open_project = self._action(_("&Open group\u2026"), files.choose_open_project,
                                         "openProject", "Ctrl+O")
        self.clear = self._action(_("&New (empty) group"), window.clear_group, "clearGroup")
        self.close = self._action(_("&Close window"), window.close, "closeWindow", "Ctrl+W")
        # Off while a job runs (reading, screening or writing the group).
        self.busy_sensitive = (self.defaults, self.open_project, self.clear, self.save_project,
                               self.export_csv, self.export_xlsx, self.export_pdf,
                               self.export_pdf_redacted)

    def _action(self, text: str, slot: Any, name: str, shortcut: str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        return action

    def set_busy(self, busy: bool) -> None:
        for action in self.busy_sensitive:
            action.setEnabled(not busy)

    def build_menus(self) -> None:
        bar = self.window.menuBar()
        menu = bar.addMenu(_("&Group"))
        for action in (self.open_project, self.save_project, self.clear):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.import_sheet, self.import_files, self.import_folder):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.defaults)
        menu.addSeparator()
        menu.addAction(self.close)
        export = bar.addMenu(_("&Export"))
        for action in (self.export_csv, self.export_xlsx, self.export_pdf,
                       self.export_pdf_redacted):
            export.addAction(action)
        export.addSeparator()
        export.addAction(self.csv_template)
        export.addAction(self.xlsx_template)

    def build_toolbar(self) -> QToolBar:
        toolbar = QToolBar(_("Group"), self.window)
        toolbar.setObjectName("groupToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.import_sheet, self.import_files, self.import_folder, self.defaults):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.export_csv, self.export_xlsx, self.export_pdf):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.save_project)
        for action in toolbar.actions():  # toolbar buttons are reachable with Tab
            widget = toolbar.widgetForAction(action)
            if widget is not None and not action.isSeparator():
                widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return toolbar
