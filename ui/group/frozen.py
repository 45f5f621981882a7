"""A table whose first columns stay in view while it scrolls sideways (Qt's "Frozen Column"
example): a second QTableView, showing only those columns, lies over the table's left edge and
shares its model, selection and vertical scrolling."""

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.i18n import _


class FrozenColumnTable(QTableView):
    """A QTableView whose columns 0 .. `frozen` - 1 never scroll out of view.

    Only the main table takes focus: the keyboard moves through it as usual and, when the
    current cell would be hidden under the frozen columns, the table scrolls so it is not.
    Clicks, double clicks and sorting on the frozen part act on the same rows.
    """

    def __init__(self, frozen: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen_count = frozen
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumns")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setVerticalScrollMode(self.verticalScrollMode())
        self.frozen.setFrameShape(self.frozen.frameShape().NoFrame)
        self.frozen.setStyleSheet("QTableView#frozenColumns { border: none; "
                                  "border-right: 1px solid palette(mid); }")
        self.frozen.setAccessibleName(_("Names (kept in view while the table scrolls sideways)"))
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._main_section_resized)
        self.frozen.horizontalHeader().sectionResized.connect(self._frozen_section_resized)
        self.verticalHeader().sectionResized.connect(self._row_resized)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.horizontalHeader().sortIndicatorChanged.connect(self._main_sorted)
        self.frozen.horizontalHeader().sortIndicatorChanged.connect(self._frozen_sorted)

    # ---- set-up that follows the main table ----

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        selection = self.selectionModel()
        if selection is not None:
            self.frozen.setSelectionModel(selection)
        self._show_frozen_columns()
        if model is not None:
            model.columnsInserted.connect(self._show_frozen_columns)
            model.modelReset.connect(self._show_frozen_columns)
        self._update_geometry()

    def setSelectionModel(self, selection: QItemSelectionModel) -> None:
        super().setSelectionModel(selection)
        # setModel calls this before the overlay has the model; setModel then shares it.
        if hasattr(self, "frozen") and self.frozen.model() is selection.model():
            self.frozen.setSelectionModel(selection)

    def setSortingEnabled(self, enable: bool) -> None:
        super().setSortingEnabled(enable)
        self.frozen.setSortingEnabled(enable)

    def setSelectionBehavior(self, behavior: QAbstractItemView.SelectionBehavior) -> None:
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def setSelectionMode(self, mode: QAbstractItemView.SelectionMode) -> None:
        super().setSelectionMode(mode)
        self.frozen.setSelectionMode(mode)

    def setAlternatingRowColors(self, enable: bool) -> None:
        super().setAlternatingRowColors(enable)
        self.frozen.setAlternatingRowColors(enable)

    def setWordWrap(self, on: bool) -> None:
        super().setWordWrap(on)
        self.frozen.setWordWrap(on)

    def setIconSize(self, size: Any) -> None:
        super().setIconSize(size)
        self.frozen.setIconSize(size)

    def frozen_width(self) -> int:
        return sum(self.columnWidth(column) for column in range(self.frozen_count))

    def _show_frozen_columns(self, *args: object) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column >= self.frozen_count)
            if column < self.frozen_count:
                self.frozen.setColumnWidth(column, self.columnWidth(column))
        self._update_geometry()

    def _main_section_resized(self, column: int, old: int, new: int) -> None:
        if column < self.frozen_count and self.frozen.columnWidth(column) != new:
            self.frozen.setColumnWidth(column, new)
        self._update_geometry()

    def _frozen_section_resized(self, column: int, old: int, new: int) -> None:
        if column < self.frozen_count and self.columnWidth(column) != new:
            self.setColumnWidth(column, new)  # the main table then moves the overlay edge

    def _row_resized(self, row: int, old: int, new: int) -> None:
        self.frozen.setRowHeight(row, new)

    def _main_sorted(self, column: int, order: Qt.SortOrder) -> None:
        header = self.frozen.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (column, order):
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
            header.viewport().update()

    def _frozen_sorted(self, column: int, order: Qt.SortOrder) -> None:
        header = self.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (column, order):
            header.setSortIndicator(column, order)  # sorts the model through the main table

    # ---- geometry and scrolling ----

    def _update_geometry(self) -> None:
        rows, frozen_rows = self.verticalHeader(), self.frozen.verticalHeader()
        if frozen_rows.defaultSectionSize() != rows.defaultSectionSize():
            frozen_rows.setDefaultSectionSize(rows.defaultSectionSize())
        if frozen_rows.sectionResizeMode(0) != rows.sectionResizeMode(0) and rows.count():
            frozen_rows.setSectionResizeMode(rows.sectionResizeMode(0))
        header: QHeaderView = self.horizontalHeader()
        self.frozen.horizontalHeader().setFixedHeight(header.height())
        left = 0 if self.verticalHeader().isHidden() else self.verticalHeader().width()
        self.frozen.setGeometry(
            left + self.frameWidth(), self.frameWidth(),
            self.frozen_width(), self.viewport().height() + header.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_geometry()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self._update_geometry()

    def scrollTo(self, index: QModelIndex | Any,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible
                 ) -> None:
        """Frozen cells are always visible: scrolling to them scrolls only up or down. Any
        other cell is scrolled out from under the frozen columns (its left edge, when it is
        wider than the room beside them), whether the keyboard or a click brought it."""
        if not index.isValid():
            return
        bar = self.horizontalScrollBar()
        if index.column() < self.frozen_count:
            model = self.model()
            if model is not None and model.columnCount() > self.frozen_count:
                keep = bar.value()
                super().scrollTo(index.siblingAtColumn(self.frozen_count), hint)
                bar.setValue(keep)
            return
        super().scrollTo(index, hint)
        left = self.visualRect(index).left()
        if left < self.frozen_width():
            bar.setValue(bar.value() - (self.frozen_width() - left))
