"""The group window's table of people (number and name frozen while it scrolls sideways), and
the page shown instead while the group is empty."""

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.a11y import mark_heading
from ui.common import label, named
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
)
from ui.language import colour_text


def empty_page(rows: Iterable[Iterable[QAction]]) -> QWidget:
    """'No one in this group yet', and a row of buttons for each row of actions."""
    page = named(QWidget(), "emptyPage")
    column = QVBoxLayout(page)
    column.addStretch(1)
    title = label(_("No one in this group yet"), name="emptyTitle")
    font = title.font()
    font.setPointSizeF(max(font.pointSizeF(), 1.0) * 1.5)
    font.setBold(True)
    title.setFont(font)
    mark_heading(title)
    title.setAlignment(Qt.AlignmentFlag.AlignCenter)
    column.addWidget(title)
    text = label(_(
        "Import a spreadsheet (CSV or Excel, one row per person and one column per question "
        "id A1 \u2026 G), answers files, or a whole folder of them \u2014 or drop them on "
        "this window. Start from a template if you have no spreadsheet yet."),
        name="emptyText")
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    column.addWidget(text)
    for actions in rows:
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


def group_table(model: GroupModel, proxy: GroupFilter) -> FrozenColumnTable:
    """The table of people, sorted by number, one row selected at a time."""
    # The number and the name stay in view while the table scrolls sideways.
    table = FrozenColumnTable(COL_NAME + 1)
    table.setObjectName("groupTable")
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(COL_NUMBER, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    metrics = header.fontMetrics()
    widths = {COL_NUMBER: 48, COL_NAME: 170, COL_COLOUR: 92, COL_TOP: 300,
              COL_ERRORS: 100, COL_SOURCE: 130}
    for column in (COL_NUMBER, *AREA_COLUMNS, COL_ERRORS):
        text = str(model.headerData(column, Qt.Orientation.Horizontal))
        widths[column] = max(widths.get(column, 34),
                             metrics.horizontalAdvance(text) + 28)  # room for the arrow
    # The colour words are longer in French and Spanish: the widest, with its lamp, fits.
    words = max(metrics.horizontalAdvance(colour_text(w))
                for w in ("RED", "AMBER", "GREEN", "INVALID"))
    widths[COL_COLOUR] = max(widths[COL_COLOUR], words + 44)
    for column, width in widths.items():
        header.resizeSection(column, width)
    table.setIconSize(table.iconSize().expandedTo(table.iconSize()))
    table.setAccessibleName(_("People in the group"))
    return table
