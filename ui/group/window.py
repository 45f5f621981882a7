"""The organiser's group window: import, screen, filter, inspect, edit and export a group.

Everything slow (reading files, screening, re-screening after a change of group defaults,
exports) runs in a worker thread with a progress bar and Cancel; the table fills in batches while
the window stays responsive. Selecting a person shows their full assessment with the wizard's
ResultView; "Edit answers" opens their answers in the wizard.

The group itself (defaults, duplicates, counts, backup, re-assessing and editing a person) is
app.group.session.GroupSession; the rows above the table are ui.group.filters, the detail pane
ui.group.detail, and the menus, toolbar and file dialogs ui.group.actions.
"""

import gc
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.about import APP_NAME
from app.group.members import GroupCounts, MemberResult
from app.group.pipeline import RunReport
from app.group.reading import skipped_note
from app.group.session import (
    GroupSession,
    busy_text,
    counts_text,
    defaults_text,
    detail_note,
    detail_title,
)
from app.i18n import _
from rules.questions import QUESTION_BY_ID
from ui.a11y import announce, install
from ui.common import named
from ui.group.actions import GroupActions
from ui.group.commands import GroupFiles
from ui.group.detail import TABLE_MIN_WIDTH, DetailPane
from ui.group.dialogs import DefaultsDialog, EditDialog
from ui.group.filters import CountsRow, FilterRow
from ui.group.model import GroupFilter, GroupModel
from ui.group.progress import ProgressRow
from ui.group.table import empty_page, group_table
from ui.group.worker import Job, RescreenJob, Runner


class GroupWindow(QMainWindow):
    """Screen a group of volunteers from spreadsheets, answers files and folders."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install()  # accessibility roles (headings) before a screen reader asks
        self.setObjectName("groupWindow")
        self.resize(1280, 800)
        self.setAcceptDrops(True)
        layout = self.layout()
        if layout is not None:  # no minimum-size hints pushed to the platform window
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.session = GroupSession()
        self.runner = Runner(self)
        self.runner.idle.connect(lambda: self._set_busy(False))
        self.last_report: RunReport | None = None
        self.last_error = ""

        self.model = GroupModel(self)
        self.proxy = GroupFilter(self)
        self.proxy.setSourceModel(self.model)

        self.files = GroupFiles(self)
        self._build()
        from ui.language import switcher

        switcher().changed.connect(self.retranslate)

    # ---- building ----

    def _build(self) -> None:
        """The menus, toolbar and widgets, in the current language (again after a switch)."""
        self.update_title()
        self.actions_ = GroupActions(self)
        self.actions_.build_menus()
        from ui.language import fill_language_menu

        self.language_menu = self.menuBar().addMenu(_("&Language"))
        self.language_menu.setObjectName("languageMenu")
        fill_language_menu(self.language_menu)
        self.addToolBar(self.actions_.build_toolbar())
        central = named(QWidget(), "groupCentral")
        column = QVBoxLayout(central)
        column.setContentsMargins(10, 6, 10, 6)
        column.setSpacing(6)
        self.counts_row = CountsRow()
        self.filters = FilterRow(self.proxy)
        for chip in self.counts_row.chips.values():
            chip.clicked.connect(self.filters.toggle_colour)
        column.addLayout(self.counts_row)
        self.filters.changed.connect(self._refresh_counts)
        column.addLayout(self.filters)
        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "groupSplitter")
        self.stack = named(QStackedWidget(), "tableStack")
        acts = self.actions_
        self.stack.addWidget(empty_page(((acts.import_sheet, acts.import_files,
                                          acts.import_folder),
                                         (acts.xlsx_template, acts.csv_template))))
        self.table = group_table(self.model, self.proxy)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.frozen.doubleClicked.connect(lambda _index: self.edit_selected())
        self.stack.addWidget(self.table)
        self.splitter.addWidget(self.stack)
        self.stack.setMinimumWidth(TABLE_MIN_WIDTH)  # not the empty page's buttons' width
        self.detail = DetailPane()
        self.detail.edit_requested.connect(self.edit_selected)
        self.splitter.addWidget(self.detail)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([620, 660])  # ResultView needs ~630 px (two-column area grid)
        column.addWidget(self.splitter, 1)
        self.messages = named(QListWidget(), "importMessages")
        self.messages.setMaximumHeight(66)
        self.messages.setAccessibleName(_("Messages about the files read"))
        self.messages.hide()
        column.addWidget(self.messages)
        self.progress_row = ProgressRow(self.cancel)
        column.addLayout(self.progress_row)
        self.setCentralWidget(central)
        # The widgets the tests and the screen-reader driver reach by name.
        self.chips = self.counts_row.chips
        self.group_label, self.defaults_label = (self.counts_row.group_label,
                                                 self.counts_row.defaults_label)
        self.colour_filter, self.rule_filter = self.filters.colour_filter, self.filters.rule_filter
        self.search, self.shown_label = self.filters.search, self.filters.shown_label
        self.detail_panel, self.result_view = self.detail, self.detail.result_view
        self.detail_title, self.detail_note = self.detail.title, self.detail.note
        self.edit_button = self.detail.edit_button
        self.progress, self.cancel_button = self.progress_row.bar, self.progress_row.cancel_button
        self.filter_colour, self.filter_rule = self.filters.filter_colour, self.filters.filter_rule
        self.save_project, self.open_project = self.files.save_project, self.files.open_project
        self.export_results, self.export_pdf = self.files.export_results, self.files.export_pdf
        self.save_template, self.import_paths = self.files.save_template, self.files.import_paths
        self._refresh_counts()
        self._set_busy(False)

    def update_title(self) -> None:
        project = self.session.project_path
        title = _("Group screening \u2013 {app}").format(app=APP_NAME)
        self.setWindowTitle(f"{project.name} \u2013 {title}" if project else title)

    def retranslate(self, _code: str = "") -> None:
        """Another language was chosen: build the menus, toolbar and widgets again in it,
        keeping the group, the filters, the selected person and the messages."""
        if self.runner.busy:  # the job's widgets are in use: switch once it has ended
            self.runner.idle.connect(self._retranslate_when_idle)
            return
        colours = self.filters.colour_filter.currentData() or frozenset()
        rule = str(self.filters.rule_filter.currentData() or "")
        search = self.search.text()
        selected = self._selected()
        sizes = self.splitter.sizes()
        messages = [(self.messages.item(i).text(), self.messages.item(i).foreground())
                    for i in range(self.messages.count())]
        self.menuBar().clear()
        for bar in self.findChildren(QToolBar):
            self.removeToolBar(bar)
            bar.deleteLater()
        old_actions = self.actions_
        old_central = self.takeCentralWidget()
        self._build()
        old_actions.deleteLater()
        if old_central is not None:
            old_central.deleteLater()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)
        self._recount()
        for text, brush in messages:
            item = QListWidgetItem(text)
            item.setForeground(brush)
            self.messages.addItem(item)
        self.messages.setVisible(bool(messages))
        self.search.setText(search)
        self.filters.filter_colour(*colours)
        if rule:
            self.filters.filter_rule(rule)
        self.splitter.setSizes(sizes)
        if selected is not None:
            self.select_row(selected)

    def _retranslate_when_idle(self) -> None:
        self.runner.idle.disconnect(self._retranslate_when_idle)
        self.retranslate()

    # ---- state ----

    @property
    def defaults(self) -> dict[str, Any]:
        return self.session.defaults

    @defaults.setter
    def defaults(self, defaults: dict[str, Any]) -> None:
        self.session.defaults = defaults

    @property
    def counts(self) -> GroupCounts:
        return self.session.counts

    def results(self) -> list[MemberResult]:
        return self.model.results()

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.progress_row.set_busy(busy, text)
        self.actions_.set_busy(busy)
        self.edit_button.setEnabled(not busy and self._selected() is not None)

    def _refresh_counts(self) -> None:
        counts = self.session.counts
        self.counts_row.show_counts(counts)
        total = counts.total
        self.group_label.setText(counts_text(counts))
        if not total and self.stack.currentIndex() != 0:  # the empty page's buttons need room
            width = sum(self.splitter.sizes())
            self.splitter.setSizes([width * 31 // 64, width - width * 31 // 64])
        self.stack.setCurrentIndex(1 if total else 0)
        self.filters.show_shown(total)
        self.defaults_label.setText(defaults_text(self.session.defaults))

    def _recount(self) -> None:
        self.session.recount(self.model.results())
        self._refresh_counts()
        self.filters.show_rules(self.session.counts.by_rule)

    def message(self, text: str, kind: str = "info") -> None:
        item = QListWidgetItem(_("Problem: {problem}").format(problem=text) if kind == "error"
                               else text)
        if kind == "error":
            item.setForeground(Qt.GlobalColor.darkRed)
            self.last_error = text
        self.messages.addItem(item)
        self.messages.scrollToBottom()
        self.messages.show()
        announce(self.messages, item.text(), assertive=kind == "error")

    # ---- jobs ----

    def start_job(self, job: Job, text: str, batches: bool = True) -> bool:
        if self.runner.busy:
            self.message(busy_text(), "error")
            return False
        self._set_busy(True, text)
        gc.freeze()  # a full collection over everything alive would stall the window mid-job
        self.runner.start(job, self._on_batch if batches else None, self.progress_row.show_progress,
                          self._on_done, self._on_failed)
        return True

    def _on_batch(self, batch: object) -> None:
        results: list[MemberResult] = list(batch)  # type: ignore[call-overload]  # a list
        self.model.append(results)
        self.session.add(results)
        self._refresh_counts()
        # The group's results live as long as the window: keep them out of the garbage
        # collector's full passes, which otherwise grow with the group and stall the window.
        gc.freeze()

    def _on_failed(self, text: str) -> None:
        self._restore_backup()
        self.message(text, "error")
        self.progress_row.finished()

    def _on_done(self, outcome: object) -> None:
        if isinstance(outcome, RunReport):
            self.last_report = outcome
            for problem in outcome.problems:
                self.message(problem, "error")
            if outcome.skipped:
                note = skipped_note(outcome.skipped)
                self.message(note[:1].upper() + note[1:])
            for note in outcome.notes():
                self.message(_("Read {what}").format(what=note))
            if outcome.cancelled:
                if self._restore_backup():
                    self.message(_("Cancelled: nothing was changed."))
                else:
                    self.message(_("Cancelled: the {count} people read so far are kept.")
                                 .format(count=f"{self.counts.total:,}"))
            self.session.backup = None
        elif isinstance(outcome, str) and outcome:
            self.message(outcome)
        self.model.resort()
        self._recount()
        self.progress_row.finished()

    def _restore_backup(self) -> bool:
        results = self.session.restore()
        if results is None:
            return False
        self.model.reset(results)
        self._recount()
        return True

    def cancel(self) -> None:
        self.runner.cancel()
        self.progress_row.cancelling()

    # ---- import, defaults and projects ----

    def edit_defaults(self) -> None:
        dialog = DefaultsDialog(self.defaults, self)
        if dialog.exec():
            defaults, _problems = dialog.defaults()
            self.set_defaults(defaults)

    def set_defaults(self, defaults: dict[str, Any]) -> bool:
        """Use new group defaults and screen everyone again (cancelling restores the old)."""
        if self.runner.busy:
            self.message(busy_text(), "error")
            return False
        members = self.session.rescreen(self.model.results(), defaults)
        self.model.clear()
        self._refresh_counts()
        return self.rescreen(members, _("Applying the group defaults"))

    def rescreen(self, members: list[Any], text: str) -> bool:
        session = self.session
        return self.start_job(RescreenJob(members, session.defaults, session.as_of,
                                       session.duplicates), text)

    def clear_group(self) -> None:
        if self.runner.busy:
            return
        self.model.clear()
        self.session.clear()
        self.messages.clear()
        self.messages.hide()
        self.detail.show_nobody()
        self._recount()

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
            self.detail.show_nobody()
        else:
            self.show_detail(row)

    def show_detail(self, row: int) -> None:
        result = self.model.result(row)
        self.detail.show_person(detail_title(result), detail_note(result),
                                self.session.outcome_of(result))
        self.fit_detail()

    def fit_detail(self) -> None:
        self.detail.fit(self.splitter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit_detail)  # once the splitter has its new width

    def edit_selected(self, question: str | None = None) -> None:
        row = self._selected()
        if row is None or self.runner.busy:
            return
        dialog = EditDialog(self.model.result(row), self.session.as_of, self)
        if question and question in QUESTION_BY_ID:
            dialog.wizard.go_to(QUESTION_BY_ID[question].page)
        if dialog.exec():
            self.apply_edit(row, dialog.answers())
        dialog.deleteLater()

    def apply_edit(self, row: int, answers: dict[str, Any]) -> MemberResult:
        """Take over edited answers for the person in model row `row` and screen them again."""
        result = self.session.edit(self.model.result(row), answers)
        self.model.replace(row, result)
        self.proxy.refilter()
        self._recount()
        if self._selected() == row:
            self.show_detail(row)
        from ui.language import colour_text

        self.message(_("{person}: answers edited, now {colour}").format(
            person=result.member.label, colour=colour_text(result.colour_word)))
        return result

    # ---- drag and drop, closing ----

    @staticmethod
    def _dropped(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        data = event.mimeData()
        return [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()] \
            if data.hasUrls() else []

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped(event)
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
