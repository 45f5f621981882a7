"""The organiser's group window: import, screen, filter, inspect, edit and export a group.

Everything slow (reading files, screening, re-screening after a change of group defaults,
exports) runs in a worker thread with a progress bar and Cancel; the table fills in batches while
the window stays responsive. Selecting a person shows their full assessment with the wizard's
ResultView; "Edit answers" opens their answers in the wizard.
"""

import gc
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.about import APP_NAME
from app.answers_file import AnswersDocument, AnswersFileError, check_outputs
from app.assessing import Outcome
from app.group.members import (
    DuplicateIndex,
    GroupCounts,
    IndexState,
    MemberResult,
    Screener,
    edited_member,
    rule_summary,
    rule_title,
)
from app.group.pipeline import RunReport, make_screener
from app.group.reading import skipped_note
from rules import RULE_BY_ID, Person, Validation, assess, validate_answers
from rules.questions import QUESTION_BY_ID
from ui.a11y import announce, install, mark_heading
from ui.common import label, protect_qt_settings
from ui.group.dialogs import DefaultsDialog, EditDialog, own_answers
from ui.group.frozen import FrozenColumnTable
from ui.group.model import (
    AREA_COLUMNS,
    COL_COLOUR,
    COL_ERRORS,
    COL_NAME,
    COL_NUMBER,
    COL_SOURCE,
    COL_TOP,
    GroupFilter,
    GroupModel,
    light_icon,
)
from ui.group.worker import CallJob, ImportJob, Job, RescreenJob, Runner
from ui.result_view import ResultView

SPREADSHEET_FILTER = "Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)"
ANSWERS_FILTER = "Answers files (*.json);;All files (*)"
PROJECT_FILTER = "Group projects (*.vcgroup.json *.json);;All files (*)"
COLOUR_FILTERS = (("Everyone", frozenset()), ("Red", frozenset({"RED"})),
                  ("Amber", frozenset({"AMBER"})), ("Green", frozenset({"GREEN"})),
                  ("Invalid (need correcting)", frozenset({"INVALID"})),
                  ("Red or amber", frozenset({"RED", "AMBER"})),
                  ("Not green", frozenset({"RED", "AMBER", "INVALID"})))
ALL_RULES = "All rules"
# The table keeps at least this much of the window when the result needs room (it scrolls).
TABLE_MIN_WIDTH = 340


def _documents() -> str:
    """The folder a file dialog starts in (called before every dialog, which may then write
    Qt's settings file: it is made owner-only first)."""
    protect_qt_settings()
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found or str(Path.home())


class CountChip(QFrame):
    """'RED 3' with its lamp; clicking it filters the table to that colour."""

    clicked = Signal(str)

    def __init__(self, word: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"Show only {text} people (click again for everyone)")
        self.word = word
        self.setObjectName(f"count_{word}")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 10, 4)
        icon = QLabel()
        icon.setPixmap(light_icon(word if word != "INVALID" else None, 20).pixmap(20, 20))
        icon.setAccessibleName(f"{text.capitalize()} light")
        self.number = QLabel("0")
        font = self.number.font()
        font.setPointSizeF(max(font.pointSizeF(), 1.0) * 1.4)
        font.setBold(True)
        self.number.setFont(font)
        row.addWidget(icon)
        row.addWidget(self.number)
        row.addWidget(QLabel(text))
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def set_count(self, count: int) -> None:
        self.number.setText(f"{count:,}")
        self.setAccessibleName(f"{self.word}: {count}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.word)
        super().mouseReleaseEvent(event)


class GroupWindow(QMainWindow):
    """Screen a group of volunteers from spreadsheets, answers files and folders."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install()  # accessibility roles (headings) before a screen reader asks
        self.setObjectName("groupWindow")
        self.setWindowTitle(f"Group screening \u2013 {APP_NAME}")
        self.resize(1280, 800)
        self.setAcceptDrops(True)
        layout = self.layout()
        if layout is not None:  # no minimum-size hints pushed to the platform window
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.defaults: dict[str, Any] = {}
        self.as_of: date | None = None
        self.project_path: Path | None = None
        self.duplicates = DuplicateIndex()
        self.counts = GroupCounts()
        self.runner = Runner(self)
        self.runner.idle.connect(self._idle)
        self._backup: tuple[list[MemberResult], dict[str, Any], IndexState] | None = None
        self._queued: list[Path] = []
        self.last_report: RunReport | None = None
        self.last_error = ""
        self.input_paths: list[Path] = []  # files and folders imported: never overwritten

        self.model = GroupModel(self)
        self.proxy = GroupFilter(self)
        self.proxy.setSourceModel(self.model)

        self._build_actions()
        central = QWidget(objectName="groupCentral")
        column = QVBoxLayout(central)
        column.setContentsMargins(10, 6, 10, 6)
        column.setSpacing(6)
        column.addLayout(self._build_counts())
        column.addLayout(self._build_filters())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="groupSplitter")
        self.stack = QStackedWidget(objectName="tableStack")
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_table())
        self.splitter.addWidget(self.stack)
        self.stack.setMinimumWidth(TABLE_MIN_WIDTH)  # not the empty page's buttons' width
        self.splitter.addWidget(self._build_detail())
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([620, 660])  # ResultView needs ~630 px (two-column area grid)
        column.addWidget(self.splitter, 1)
        column.addWidget(self._build_messages())
        column.addLayout(self._build_progress())
        self.setCentralWidget(central)
        self._refresh_counts()
        self._set_busy(False)

    # ---- building ----

    def _action(self, text: str, slot: Any, name: str, shortcut: str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        return action

    def _build_actions(self) -> None:
        self.import_sheet_action = self._action(
            "&Import spreadsheet\u2026", self.choose_spreadsheets, "importSpreadsheet", "Ctrl+I",
            "CSV or Excel file: one row per person, one column per question")
        self.import_files_action = self._action(
            "Import &answers files\u2026", self.choose_answers_files, "importAnswers",
            tip="Answers files saved by volunteers with this app")
        self.import_folder_action = self._action(
            "Import a &folder\u2026", self.choose_folder, "importFolder",
            tip="Every answers file in a folder and its sub-folders")
        self.defaults_action = self._action(
            "Group &defaults\u2026", self.edit_defaults, "groupDefaults", "Ctrl+D",
            "Answers that are the same for everyone (campaign, trip, housing)")
        self.export_csv_action = self._action("Results as &CSV\u2026",
                                              lambda: self.choose_export(".csv"), "exportCsv")
        self.export_xlsx_action = self._action("Results as &Excel\u2026",
                                               lambda: self.choose_export(".xlsx"), "exportXlsx")
        self.export_pdf_action = self._action("Group &PDF report\u2026",
                                              lambda: self.choose_pdf(False), "exportPdf")
        self.export_pdf_redacted_action = self._action(
            "Group PDF with &initials only\u2026", lambda: self.choose_pdf(True),
            "exportPdfRedacted", tip="Names as initials, no emails")
        self.csv_template_action = self._action("CSV &template\u2026",
                                                lambda: self.choose_template(".csv"),
                                                "csvTemplate")
        self.xlsx_template_action = self._action("Excel template (with &drop-downs)\u2026",
                                                 lambda: self.choose_template(".xlsx"),
                                                 "xlsxTemplate")
        self.save_project_action = self._action("&Save group\u2026", self.choose_save_project,
                                                "saveProject", "Ctrl+S")
        self.open_project_action = self._action("&Open group\u2026", self.choose_open_project,
                                                "openProject", "Ctrl+O")
        self.clear_action = self._action("&New (empty) group", self.clear_group, "clearGroup")
        self.close_action = self._action("&Close window", self.close, "closeWindow", "Ctrl+W")

        menu = self.menuBar().addMenu("&Group")
        for action in (self.open_project_action, self.save_project_action, self.clear_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.import_sheet_action, self.import_files_action,
                       self.import_folder_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.defaults_action)
        menu.addSeparator()
        menu.addAction(self.close_action)
        export = self.menuBar().addMenu("&Export")
        for action in (self.export_csv_action, self.export_xlsx_action, self.export_pdf_action,
                       self.export_pdf_redacted_action):
            export.addAction(action)
        export.addSeparator()
        export.addAction(self.csv_template_action)
        export.addAction(self.xlsx_template_action)

        toolbar = QToolBar("Group", self)
        toolbar.setObjectName("groupToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.import_sheet_action, self.import_files_action,
                       self.import_folder_action, self.defaults_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.export_csv_action, self.export_xlsx_action, self.export_pdf_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.save_project_action)
        for action in toolbar.actions():  # toolbar buttons are reachable with Tab
            widget = toolbar.widgetForAction(action)
            if widget is not None and not action.isSeparator():
                widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.addToolBar(toolbar)

    def _build_counts(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.chips = {word: CountChip(word, text) for word, text in (
            ("RED", "red"), ("AMBER", "amber"), ("GREEN", "green"),
            ("INVALID", "invalid"))}
        for chip in self.chips.values():
            chip.clicked.connect(self._chip_clicked)
            row.addWidget(chip)
        self.group_label = label("", name="groupResult")
        self.defaults_label = label("", name="defaultsSummary")
        self.defaults_label.setStyleSheet("color: #5f6368;")
        row.addSpacing(12)
        row.addWidget(self.group_label, 1)
        row.addWidget(self.defaults_label, 1)
        return row

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        show_label = QLabel("Show:")
        row.addWidget(show_label)
        self.colour_filter = QComboBox(objectName="colourFilter")
        for text, colours in COLOUR_FILTERS:
            self.colour_filter.addItem(text, colours)
        self.colour_filter.currentIndexChanged.connect(self._colour_filter_changed)
        self.colour_filter.setAccessibleName("Show people with this result")
        row.addWidget(self.colour_filter)
        rule_label = QLabel("Rule:")
        row.addWidget(rule_label)
        self.rule_filter = QComboBox(objectName="ruleFilter")
        self.rule_filter.setEditable(True)
        # Enter filters by what was typed (_rule_filter_typed); it never adds an item.
        self.rule_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.rule_filter.setMinimumWidth(260)
        self.rule_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rule_filter.setMinimumContentsLength(28)
        self.rule_filter.addItem(ALL_RULES, "")
        self.rule_filter.currentIndexChanged.connect(self._rule_filter_changed)
        self.rule_filter.activated.connect(self._rule_filter_changed)  # the same item again
        line = self.rule_filter.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._rule_filter_typed)
        self.rule_filter.setAccessibleName("Show people for whom this rule fired")
        if line is not None:
            line.setAccessibleName("Rule to show (type a rule id, such as R12)")
        # On Linux a combo box's accessible name is its current value: the label names it.
        show_label.setBuddy(self.colour_filter)
        rule_label.setBuddy(self.rule_filter)
        row.addWidget(self.rule_filter)
        self.search = QLineEdit(objectName="searchBox")
        self.search.setPlaceholderText("Find a name, email or reference")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Find a person by name, email or reference")
        self.search.textChanged.connect(self._search_changed)
        row.addWidget(self.search, 1)
        self.shown_label = label("", name="shownCount")
        row.addWidget(self.shown_label)
        return row

    def _build_empty(self) -> QWidget:
        page = QWidget(objectName="emptyPage")
        column = QVBoxLayout(page)
        column.addStretch(1)
        title = label("No one in this group yet", name="emptyTitle")
        font = title.font()
        font.setPointSizeF(max(font.pointSizeF(), 1.0) * 1.5)
        font.setBold(True)
        title.setFont(font)
        mark_heading(title)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(title)
        text = label(
            "Import a spreadsheet (CSV or Excel, one row per person and one column per question "
            "id A1 \u2026 G), answers files, or a whole folder of them \u2014 or drop them on "
            "this window. Start from a template if you have no spreadsheet yet.",
            name="emptyText")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(text)
        for actions in ((self.import_sheet_action, self.import_files_action,
                         self.import_folder_action),
                        (self.xlsx_template_action, self.csv_template_action)):
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            for action in actions:
                push = QPushButton(action.text().replace("&", ""))
                push.setObjectName(f"empty_{action.objectName()}")
                push.clicked.connect(action.trigger)
                buttons.addWidget(push)
            buttons.addStretch(1)
            column.addLayout(buttons)
        column.addStretch(2)
        return page

    def _build_table(self) -> QWidget:
        # The number and the name stay in view while the table scrolls sideways.
        self.table = FrozenColumnTable(COL_NAME + 1)
        self.table.setObjectName("groupTable")
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = header.fontMetrics()
        widths = {COL_NUMBER: 48, COL_NAME: 170, COL_COLOUR: 92, COL_TOP: 300,
                  COL_ERRORS: 100, COL_SOURCE: 130}
        for column in (COL_NUMBER, *AREA_COLUMNS, COL_ERRORS):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widths[column] = max(widths.get(column, 34),
                                 metrics.horizontalAdvance(text) + 28)  # room for the arrow
        for column, width in widths.items():
            header.resizeSection(column, width)
        self.table.setIconSize(self.table.iconSize().expandedTo(self.table.iconSize()))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.frozen.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.setAccessibleName("People in the group")
        return self.table

    def _build_detail(self) -> QWidget:
        panel = QWidget(objectName="detailPanel")
        self.detail_panel = panel
        column = QVBoxLayout(panel)
        column.setContentsMargins(4, 0, 0, 0)
        top = QHBoxLayout()
        self.detail_title = label("Select a person to see their full result", name="detailTitle")
        font = self.detail_title.font()
        font.setBold(True)
        self.detail_title.setFont(font)
        mark_heading(self.detail_title)
        self.edit_button = QPushButton("Edit &answers\u2026", objectName="editAnswers")
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.edit_button.setEnabled(False)
        top.addWidget(self.detail_title, 1)
        top.addWidget(self.edit_button)
        column.addLayout(top)
        self.detail_note = label("", name="detailNote")
        self.detail_note.setStyleSheet("color: #5f6368;")
        column.addWidget(self.detail_note)
        self.result_view = ResultView()
        # Narrower than the result needs (a small window): scroll sideways, never cut it off.
        self.result_view.scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.result_view.question_requested.connect(self.edit_selected)
        self.result_view.hide()
        column.addWidget(self.result_view, 1)
        self.detail_placeholder = label(
            "Click a person in the table to see their full result here: every finding with "
            "its reason, what would make it green and the sources.", name="detailPlaceholder")
        self.detail_placeholder.setStyleSheet("color: #5f6368;")
        self.detail_placeholder.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.detail_placeholder, 1)
        return panel

    def _build_messages(self) -> QWidget:
        self.messages = QListWidget(objectName="importMessages")
        self.messages.setMaximumHeight(66)
        self.messages.setAccessibleName("Messages about the files read")
        self.messages.hide()
        return self.messages

    def _build_progress(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress_text = label("", name="progressText")
        self.progress = QProgressBar(objectName="progressBar")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(320)
        self.cancel_button = QPushButton("Cancel", objectName="cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.progress_text, 1)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        return row

    # ---- state ----

    def results(self) -> list[MemberResult]:
        return self.model.results()

    def screener(self) -> Screener:
        return make_screener(self.defaults, self.as_of)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def _set_busy(self, busy: bool, text: str = "") -> None:
        for widget in (self.progress, self.cancel_button, self.progress_text):
            widget.setVisible(busy)
        self.progress_text.setText(text)
        if busy:
            self.progress.setValue(0)
        for action in (self.defaults_action, self.open_project_action, self.clear_action,
                       self.save_project_action, self.export_csv_action, self.export_xlsx_action,
                       self.export_pdf_action, self.export_pdf_redacted_action):
            action.setEnabled(not busy)
        self.edit_button.setEnabled(not busy and self._selected() is not None)

    def _refresh_counts(self) -> None:
        counts = self.counts
        for word, number in (("RED", counts.red), ("AMBER", counts.amber),
                             ("GREEN", counts.green), ("INVALID", counts.invalid)):
            self.chips[word].set_count(number)
        total = counts.total
        plural = "s" if counts.duplicates > 1 else ""
        duplicates = f"; {counts.duplicates} possible duplicate{plural}" \
            if counts.duplicates else ""
        group = counts.group_colour if total else "\u2014"
        self.group_label.setText(f"{total:,} people{duplicates}.  Group result: {group}")
        if not total and self.stack.currentIndex() != 0:  # the empty page's buttons need room
            width = sum(self.splitter.sizes())
            self.splitter.setSizes([width * 31 // 64, width - width * 31 // 64])
        self.stack.setCurrentIndex(1 if total else 0)
        shown = self.proxy.rowCount()
        self.shown_label.setText(f"{shown:,} of {total:,} shown" if shown != total
                                 else f"all {total:,} shown" if total else "")
        if self.defaults:
            parts = ", ".join(f"{k}={'+'.join(v) if isinstance(v, list) else v}"
                              for k, v in self.defaults.items())
            self.defaults_label.setText(f"Group defaults: {parts}")
        else:
            self.defaults_label.setText("No group defaults")

    def _recount(self) -> None:
        counts = GroupCounts()
        for result in self.model.results():
            counts.add(result)
        self.counts = counts
        self._refresh_counts()
        self._refresh_rules()

    def _refresh_rules(self) -> None:
        current = self.rule_filter.currentData() or ""
        self.rule_filter.blockSignals(True)
        self.rule_filter.clear()
        self.rule_filter.addItem(ALL_RULES, "")
        for rule_id in sorted(self.counts.by_rule, key=lambda r: (len(r), r)):
            count = self.counts.by_rule[rule_id]
            people = "person" if count == 1 else "people"
            self.rule_filter.addItem(f"{rule_title(rule_id)} ({count:,} {people})", rule_id)
            self.rule_filter.setItemData(self.rule_filter.count() - 1, rule_summary(rule_id),
                                         Qt.ItemDataRole.ToolTipRole)
        index = self.rule_filter.findData(current)
        self.rule_filter.setCurrentIndex(max(index, 0))
        self.rule_filter.blockSignals(False)
        view = self.rule_filter.view()  # the list shows whole titles, wider than the box
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 24)
        self._show_rule_start()

    def _show_rule_start(self) -> None:
        """Show a chosen rule from its id on ('R31 Flights or ...'), not its tail."""
        line = self.rule_filter.lineEdit()
        if line is not None:
            line.setCursorPosition(0)

    def message(self, text: str, kind: str = "info") -> None:
        item = QListWidgetItem(("Problem: " if kind == "error" else "") + text)
        if kind == "error":
            item.setForeground(Qt.GlobalColor.darkRed)
            self.last_error = text
        self.messages.addItem(item)
        self.messages.scrollToBottom()
        self.messages.show()
        announce(self.messages, item.text(), assertive=kind == "error")

    # ---- filters ----

    def _colour_filter_changed(self, index: int) -> None:
        self.proxy.set_colours(self.colour_filter.itemData(index) or frozenset())
        self._refresh_counts()

    def _rule_filter_changed(self, index: int) -> None:
        self.proxy.set_rule(self.rule_filter.itemData(index) or "")
        self._show_rule_start()
        self._refresh_counts()

    def _rule_filter_typed(self) -> None:
        """A rule typed by id ('r31') or by words of its name ('foreign principal')."""
        text = self.rule_filter.currentText().strip()
        rule = "" if text in ("", ALL_RULES) else text.split()[0].upper()
        if rule and rule not in RULE_BY_ID:
            wanted = text.casefold()
            for index in range(1, self.rule_filter.count()):
                if wanted in self.rule_filter.itemText(index).casefold():
                    rule = str(self.rule_filter.itemData(index))
                    break
        found = self.rule_filter.findData(rule)
        if rule and found >= 0:  # show the rule's whole title, as if it had been picked
            self.rule_filter.blockSignals(True)
            self.rule_filter.setCurrentIndex(found)
            self.rule_filter.blockSignals(False)
            self._show_rule_start()
        self.proxy.set_rule(rule)
        self._refresh_counts()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._refresh_counts()

    def _chip_clicked(self, word: str) -> None:
        if self.colour_filter.currentData() == frozenset({word}):
            self.filter_colour()
        else:
            self.filter_colour(word)

    def filter_colour(self, *words: str) -> None:
        """Show only people with these colours (none: everyone)."""
        wanted = frozenset(words)
        for index in range(self.colour_filter.count()):
            if self.colour_filter.itemData(index) == wanted:
                self.colour_filter.setCurrentIndex(index)
                return
        self.proxy.set_colours(wanted)
        self._refresh_counts()

    def filter_rule(self, rule: str) -> None:
        """Show only people for whom `rule` fired ('' for everyone)."""
        index = self.rule_filter.findData(rule.upper())
        if index >= 0:
            self.rule_filter.setCurrentIndex(index)
        else:
            self.rule_filter.setEditText(rule)
            self.proxy.set_rule(rule)
        self._refresh_counts()

    # ---- jobs ----

    def _start(self, job: Job, text: str, batches: bool = True) -> bool:
        if self.runner.busy:
            self.message("Please wait for the current task to finish, or cancel it.", "error")
            return False
        self._set_busy(True, text)
        gc.freeze()  # a full collection over everything alive would stall the window mid-job
        self.runner.start(job, self._on_batch if batches else None, self._on_progress,
                          self._on_done, self._on_failed)
        return True

    def _on_batch(self, batch: object) -> None:
        results: list[MemberResult] = list(batch)  # type: ignore[call-overload]
        self.model.append(results)
        for result in results:
            self.counts.add(result)
        self._refresh_counts()
        # The group's results live as long as the window: keep them out of the garbage
        # collector's full passes, which otherwise grow with the group and stall the window.
        gc.freeze()

    def _on_progress(self, per_mille: int, text: str) -> None:
        if per_mille < 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(per_mille)
        self.progress_text.setText(text)

    def _on_failed(self, text: str) -> None:
        self._restore_backup()
        self.message(text, "error")
        self._after_job()

    def _on_done(self, outcome: object) -> None:
        if isinstance(outcome, RunReport):
            self.last_report = outcome
            for problem in outcome.problems:
                self.message(problem, "error")
            if outcome.skipped:
                note = skipped_note(outcome.skipped)
                self.message(note[:1].upper() + note[1:])
            for note in outcome.notes():
                self.message(f"Read {note}")
            if outcome.cancelled:
                if self._backup is not None:
                    self._restore_backup()
                    self.message("Cancelled: nothing was changed.")
                else:
                    self.message(f"Cancelled: the {self.counts.total:,} people read so far "
                                 "are kept.")
            self._backup = None
        elif isinstance(outcome, str) and outcome:
            self.message(outcome)
        self.model.resort()
        self._recount()
        self._after_job()

    def _after_job(self) -> None:
        self.progress.setRange(0, 1000)

    def _idle(self) -> None:
        self._set_busy(False)

    def _restore_backup(self) -> None:
        if self._backup is None:
            return
        results, defaults, seen = self._backup
        self._backup = None
        self.defaults = defaults
        self.duplicates.restore(seen)
        self.model.reset(results)
        self._recount()

    def cancel(self) -> None:
        self.runner.cancel()
        self.progress_text.setText("Cancelling\u2026")

    # ---- import ----

    def import_paths(self, paths: Iterable[Path | str]) -> bool:
        """Read these files and folders into the group (in the background)."""
        chosen = [Path(p) for p in paths]
        if not chosen:
            return False
        self.input_paths.extend(chosen)
        names = ", ".join(p.name for p in chosen[:3]) + (" \u2026" if len(chosen) > 3 else "")
        job = ImportJob(chosen, self.defaults, self.as_of, self.duplicates)
        return self._start(job, f"Reading {names}")

    def choose_spreadsheets(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import spreadsheets", _documents(),
                                                SPREADSHEET_FILTER)
        self.import_paths(files)

    def choose_answers_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import answers files", _documents(),
                                                ANSWERS_FILTER)
        self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import every answers file in a folder",
                                                  _documents())
        if folder:
            self.import_paths([folder])

    # ---- defaults and re-screening ----

    def edit_defaults(self) -> None:
        dialog = DefaultsDialog(self.defaults, self)
        if dialog.exec():
            defaults, _ = dialog.defaults()
            self.set_defaults(defaults)

    def set_defaults(self, defaults: dict[str, Any]) -> bool:
        """Use new group defaults and screen everyone again (cancelling restores the old)."""
        if self.runner.busy:
            self.message("Please wait for the current task to finish, or cancel it.", "error")
            return False
        old = self.defaults
        self.defaults = dict(defaults)
        self._refresh_counts()
        return self._rescreen(backup_defaults=old, text="Applying the group defaults")

    def _rescreen(self, backup_defaults: dict[str, Any], text: str) -> bool:
        results = self.model.results()
        members = [r.member for r in results]
        self._backup = (results, backup_defaults, self.duplicates.state())
        self.model.clear()
        self.counts = GroupCounts()
        return self._start(RescreenJob(members, self.defaults, self.as_of, self.duplicates), text)

    # ---- projects ----

    def _overwrites_an_input(self, target: Path, what: str) -> bool:
        """Say so and return True when `target` is a folder, a file imported into the group
        (an answers file, a spreadsheet) or inside an imported folder's answers files."""
        inputs = [*self.input_paths,
                  *(Path(r.member.path) for r in self.model.results() if r.member.path)]
        try:
            check_outputs([(what, target)], [p for p in inputs if not p.is_dir()])
        except AnswersFileError as error:
            self.message(str(error), "error")
            return True
        return False

    def save_project(self, path: Path | str) -> bool:
        from app.group.project import save_project

        target = Path(path)
        if self._overwrites_an_input(target, "the group file"):
            return False
        results, defaults, as_of = self.model.results(), dict(self.defaults), self.as_of

        def work() -> str:
            save_project(target, defaults, results, as_of)
            return f"Group saved to {target}"

        if self._start(CallJob(work, f"Saving {target.name}"), f"Saving {target.name}",
                       batches=False):
            self.project_path = target
            self.setWindowTitle(f"{target.name} \u2013 Group screening \u2013 {APP_NAME}")
            return True
        return False

    def open_project(self, path: Path | str) -> bool:
        """Replace the group by a saved one (its people are screened again, in the background)."""
        from app.group.project import open_project

        if self.runner.busy:
            self.message("Please wait for the current task to finish, or cancel it.", "error")
            return False
        try:
            project = open_project(path)
        except AnswersFileError as error:
            self.message(str(error), "error")
            return False
        backup = (self.model.results(), dict(self.defaults), self.duplicates.state())
        self.defaults = project.defaults
        self.as_of = project.as_of
        self.model.clear()
        self.counts = GroupCounts()
        self._backup = backup
        self.project_path = Path(path)
        self.setWindowTitle(f"{Path(path).name} \u2013 Group screening \u2013 {APP_NAME}")
        return self._start(RescreenJob(project.members, self.defaults, self.as_of,
                                       self.duplicates), f"Opening {Path(path).name}")

    def clear_group(self) -> None:
        if self.runner.busy:
            return
        self.model.clear()
        self.defaults = {}
        self.duplicates = DuplicateIndex()
        self.project_path = None
        self.input_paths = []
        self.messages.clear()
        self.messages.hide()
        self.result_view.clear()
        self.result_view.hide()
        self.detail_placeholder.show()
        self._recount()

    def choose_save_project(self) -> None:
        start = str(self.project_path or Path(_documents()) / "group.vcgroup.json")
        path, _ = QFileDialog.getSaveFileName(self, "Save group", start, PROJECT_FILTER)
        if path:
            self.save_project(path)

    def choose_open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open group", _documents(), PROJECT_FILTER)
        if path:
            self.open_project(path)

    # ---- exports ----

    def export_results(self, path: Path | str) -> bool:
        """Results as CSV or Excel (by suffix), one row per person, in the background."""
        from app.group.export import open_writer

        target = Path(path)
        if self._overwrites_an_input(target, "the results file"):
            return False
        results = self.model.results()
        as_of = (self.as_of or date.today()).isoformat()

        def work() -> str:
            with open_writer(target, as_of) as writer:
                for result in results:
                    writer.write(result)
            return f"Results of {len(results):,} people written to {target}"

        return self._start(CallJob(work, f"Writing {target.name}"), f"Writing {target.name}",
                           batches=False)

    def export_pdf(self, path: Path | str, redact: bool = False) -> bool:
        from app.group.group_pdf import write_group_pdf

        target = Path(path)
        if self._overwrites_an_input(target, "the PDF report"):
            return False
        results = self.model.results()
        as_of = self.as_of

        def work() -> str:
            write_group_pdf(results, target, as_of=as_of, redact=redact)
            return f"Group report written to {target}"

        return self._start(CallJob(work, f"Writing {target.name}"), f"Writing {target.name}",
                           batches=False)

    def save_template(self, path: Path | str) -> bool:
        from app.group.templates import write_csv_template, write_xlsx_template

        target = Path(path)
        try:
            if target.suffix.casefold() == ".xlsx":
                write_xlsx_template(target)
            else:
                write_csv_template(target)
        except AnswersFileError as error:
            self.message(str(error), "error")
            return False
        self.message(f"Template written to {target}")
        return True

    def choose_export(self, suffix: str) -> None:
        kind = "Excel workbook (*.xlsx)" if suffix == ".xlsx" else "CSV (*.csv)"
        path, _ = QFileDialog.getSaveFileName(self, "Export results",
                                              str(Path(_documents()) / f"results{suffix}"), kind)
        if path:
            self.export_results(path if path.endswith(suffix) else path + suffix)

    def choose_pdf(self, redact: bool) -> None:
        name = "group-report-initials.pdf" if redact else "group-report.pdf"
        path, _ = QFileDialog.getSaveFileName(self, "Group PDF report",
                                              str(Path(_documents()) / name), "PDF (*.pdf)")
        if path:
            self.export_pdf(path if path.endswith(".pdf") else path + ".pdf", redact)

    def choose_template(self, suffix: str) -> None:
        kind = "Excel workbook (*.xlsx)" if suffix == ".xlsx" else "CSV (*.csv)"
        path, _ = QFileDialog.getSaveFileName(
            self, "Save template", str(Path(_documents()) / f"volunteers-template{suffix}"), kind)
        if path:
            self.save_template(path if path.endswith(suffix) else path + suffix)

    # ---- selection, detail and editing ----

    def _selected(self) -> int | None:
        """The model row of the selected person."""
        if not hasattr(self, "table"):
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.mapToSource(rows[0]).row()

    def select_row(self, model_row: int) -> None:
        """Select the person in model row `model_row` (shows their result)."""
        index = self.proxy.mapFromSource(self.model.index(model_row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        row = self._selected()
        self.edit_button.setEnabled(row is not None and not self.runner.busy)
        if row is None:
            self.result_view.clear()
            self.result_view.hide()
            self.detail_placeholder.show()
            self.detail_title.setText("Select a person to see their full result")
            self.detail_note.setText("")
            return
        self.show_detail(row)

    def outcome_of(self, result: MemberResult) -> Outcome:
        """The full assessment (with remedies and alternatives) of one person."""
        member = result.member
        as_of = result.as_of or self.as_of or date.today()
        document = AnswersDocument(
            answers=dict(result.answers),
            person=Person(name=member.name or None, email=member.email or None,
                          reference=member.reference or None),
            ruleset_version=member.last_ruleset, last_colour=member.last_colour)
        source = Path(member.path) if member.path else Path(member.source)
        if not result.valid:
            validation = Validation(answers=None, issues=result.issues)
            return Outcome(document, validation, None, source)
        validation = validate_answers(result.answers, as_of)
        assessment = assess(validation.answers, as_of) \
            if validation.ok and validation.answers is not None else None
        return Outcome(document, validation, assessment, source)

    def show_detail(self, row: int) -> None:
        result = self.model.result(row)
        member = result.member
        # Left to right, the name isolated: an Arabic or Hebrew name does not turn the line.
        self.detail_title.setText(f"\u200e\u2068{member.label}\u2069 \u2014 "
                                  f"{result.colour_word}")
        notes = [member.where]
        if member.email and member.email != member.label:
            notes.append(member.email)
        if result.defaults_used:
            notes.append(f"group defaults used: {', '.join(result.defaults_used)}")
        if result.duplicate_of:
            notes.append(result.duplicate_of)
        if result.changed_text:
            notes.append(result.changed_text)
        if member.edited:
            notes.append(member.edited_text)
        read_problems = [i for i in result.issues if i.question not in QUESTION_BY_ID]
        notes += [f"{i.question}: {i.message}" for i in read_problems]
        self.detail_note.setText(" \u00b7 ".join(notes))
        self.result_view.show_outcome(self.outcome_of(result))
        self.detail_placeholder.hide()
        self.result_view.show()
        self.fit_detail()

    def fit_detail(self) -> None:
        """Give the detail pane the width the result needs (its area grid does not wrap); the
        table, which scrolls sideways, gives way down to TABLE_MIN_WIDTH. In a window too narrow
        for both, the result scrolls sideways instead of being cut off."""
        if self.result_view.isHidden():
            return
        content = self.result_view.scroll.widget()
        if content is None:
            return
        content.ensurePolished()
        scroll = self.result_view.scroll
        bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, scroll)
        margins = self.detail_panel.contentsMargins()
        needed = (content.minimumSizeHint().width() + bar + 2 * scroll.frameWidth()
                  + margins.left() + margins.right() + 4)
        table, detail = self.splitter.sizes()
        total = table + detail
        if total <= 0 or detail >= needed:
            return
        detail = min(needed, max(total - TABLE_MIN_WIDTH, total // 2))
        self.splitter.setSizes([total - detail, detail])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit_detail)  # once the splitter has its new width

    def edit_selected(self, question: str | None = None) -> None:
        row = self._selected()
        if row is None or self.runner.busy:
            return
        result = self.model.result(row)
        dialog = EditDialog(result, self.as_of, self)
        if question and question in QUESTION_BY_ID:
            dialog.wizard.go_to(QUESTION_BY_ID[question].page)
        if dialog.exec():
            self.apply_edit(row, dialog.answers())
        dialog.deleteLater()

    def apply_edit(self, row: int, answers: dict[str, Any]) -> MemberResult:
        """Take over edited answers for the person in model row `row` and screen them again."""
        old = self.model.result(row)
        own = own_answers(answers, old, self.defaults)
        member = edited_member(old.member, own)
        result = self.screener().screen(member)
        result.duplicate_of = old.duplicate_of
        self.model.replace(row, result)
        self.proxy.refilter()
        self._recount()
        if self._selected() == row:
            self.show_detail(row)
        self.message(f"{member.label}: answers edited, now {result.colour_word}")
        return result

    # ---- drag and drop, closing ----

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        data = event.mimeData()
        paths = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()] \
            if data.hasUrls() else []
        if paths:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        paths = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()] \
            if data.hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.busy:
            self.runner.cancel()
            self.runner.wait()
        event.accept()
