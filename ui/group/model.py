"""The group table: one row per person, sortable and filterable by colour, rule and text."""

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from app.group.members import AREAS, MemberResult, issue_text
from app.i18n import N_, _, labelled, ngettext
from app.i18n.law_texts import question_text
from app.vocabulary import AREA_TITLES, PALETTE, light_words
from rules.questions import QUESTION_BY_ID, QUESTIONS
from ui.language import colour_text
from ui.lights import paint_light

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RESULT_ROLE = Qt.ItemDataRole.UserRole + 2
COLOUR_RANK = {"RED": 0, "AMBER": 1, "INVALID": 2, "GREEN": 3, "NOTE": 4, "": 5}
WORD_TEXT = {"NOTE": N_("Note")}  # RED, AMBER, GREEN, INVALID as in every export

COL_NUMBER, COL_NAME, COL_COLOUR, COL_TOP = 0, 1, 2, 3
AREA_COLUMNS = tuple(range(4, 4 + len(AREAS)))
COL_ERRORS = 4 + len(AREAS)
COL_SOURCE = COL_ERRORS + 1
# Column titles in full words; each has a tooltip saying what it holds.
AREA_WORD = {"campaign": N_("Campaign"), "status": N_("Status"), "compensation": N_("Pay"),
             "travel": N_("Travel"), "housing": N_("Housing"), "role": N_("Role"),
             "resources": N_("Resources"), "immigration": N_("Immigration")}
HEADERS = (N_("No."), N_("Name"), N_("Result"), N_("Top finding"),
           *(AREA_WORD[a.value] for a in AREAS), N_("To correct"), N_("Source file"))
# The wizard page whose questions each area's rules mostly read (immigration reads several).
AREA_PAGE = {"campaign": "A", "status": "B", "compensation": "C", "travel": "D",
             "housing": "E", "role": "F", "resources": "G"}
IMMIGRATION_QUESTIONS = ("B4", "B7", "B9", "C1", "D1", "E1")


def _area_tip(area: str) -> str:
    page = AREA_PAGE.get(area)
    ids = IMMIGRATION_QUESTIONS if page is None else \
        tuple(q.id for q in QUESTIONS if q.page == page)
    asked = "\n".join(f"\u2022 {question_text(QUESTION_BY_ID[qid])}" for qid in ids)
    return _("{area}: the colour of the rules in this area, from the answers to:\n"
             "{questions}").format(area=AREA_TITLES[area], questions=asked)


def header_tips() -> tuple[str, ...]:
    """What each column holds (its header's tooltip), in the current language."""
    return (
        _("The order in which people were imported"),
        _("Name (or email, reference, or where the row came from); \u201cedited\u201d when "
          "the answers were changed in this window"),
        _("The person's overall result: red, amber, green, or invalid (answers to correct)"),
        _("The most serious finding: the rule and its first sentence"),
        *(_area_tip(a.value) for a in AREAS),
        _("How many answers need correcting before the person can be screened"),
        _("The file (and row) the person came from"),
    )

_ICONS: dict[tuple[str, int], QIcon] = {}


def light_icon(word: str | None, size: int = 16) -> QIcon:
    """A lamp with the colour's symbol (cross, exclamation, tick), cached."""
    key = (word or "", size)
    icon = _ICONS.get(key)
    if icon is None:
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        paint_light(painter, QRectF(1, 1, size - 2, size - 2),
                    word if word in PALETTE else None)
        painter.end()
        icon = QIcon(pixmap)
        _ICONS[key] = icon
    return icon


class GroupModel(QAbstractTableModel):
    """People and their results, in import order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._results: list[MemberResult] = []
        self._numbers: list[int] = []  # each person's place in import order (the # column)
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ---- data access ----

    def results(self) -> list[MemberResult]:
        """Everyone, in import order."""
        order = sorted(range(len(self._results)), key=self._numbers.__getitem__)
        return [self._results[i] for i in order]

    def row_of_number(self, number: int) -> int:
        """The model row of the person imported `number`-th (0-based)."""
        return self._numbers.index(number)

    def result(self, row: int) -> MemberResult:
        return self._results[row]

    def append(self, batch: list[MemberResult]) -> None:
        if not batch:
            return
        first = len(self._results)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._results.extend(batch)
        self._numbers.extend(range(first, first + len(batch)))
        self.endInsertRows()

    def replace(self, row: int, result: MemberResult) -> None:
        self._results[row] = result
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def reset(self, results: list[MemberResult]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self._numbers = list(range(len(results)))
        self.endResetModel()

    def clear(self) -> None:
        self.reset([])

    # ---- Qt model ----

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._results)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (as rowCount)
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return header_tips()[section]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _(HEADERS[section]) if section not in AREA_COLUMNS else \
                AREA_TITLES[AREAS[section - AREA_COLUMNS[0]].value]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        result = self._results[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(result, index.row(), column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column == COL_COLOUR:
                return light_icon(result.colour_word)
            if column in AREA_COLUMNS:
                word = self._area_word(result, column)
                return light_icon(word) if word else None
            return None
        if role == SORT_ROLE:
            return self._sort_key(result, index.row(), column)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._tooltip(result, index.row(), column)
        if role == RESULT_ROLE:
            return result
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ---- cells ----

    @staticmethod
    def _area_word(result: MemberResult, column: int) -> str:
        colour = result.areas.get(AREAS[column - AREA_COLUMNS[0]])
        return str(colour) if colour is not None else ""

    def _display(self, result: MemberResult, row: int, column: int) -> str | int | None:
        if column == COL_NUMBER:
            return self._numbers[row] + 1
        if column == COL_NAME:
            edited = "  " + _("(edited)") if result.member.edited else ""
            flag = "  " + _("(possible duplicate)") if result.duplicate_of else ""
            return result.member.label + edited + flag
        if column == COL_COLOUR:
            word = result.colour_word
            return _(WORD_TEXT[word]) if word in WORD_TEXT else colour_text(word)
        if column in AREA_COLUMNS:
            return None  # the lamp says it; the tooltip and accessible text spell it out
        if column == COL_TOP:
            if not result.valid:
                first = issue_text(result.member, result.issues[0], with_row=False) \
                    if result.issues else ""
                return _("Needs correcting: {problem}").format(problem=first)
            return result.top_finding or "\u2014"
        if column == COL_ERRORS:
            count = len(result.issues)
            return ngettext("{count} to correct", "{count} to correct", count).format(
                count=count) if count else ""
        if column == COL_SOURCE:
            return result.member.where
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the people (in Python, with one key per person: fast for 10,000)."""
        if not 0 <= column < len(HEADERS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        before = [(index.row(), index.column()) for index in old]
        keys = [self._sort_key(result, row, column) for row, result in enumerate(self._results)]
        order_rows = sorted(range(len(self._results)), key=keys.__getitem__,
                            reverse=order == Qt.SortOrder.DescendingOrder)
        self._results = [self._results[i] for i in order_rows]
        self._numbers = [self._numbers[i] for i in order_rows]
        new_row = {old_row: new for new, old_row in enumerate(order_rows)}
        self.changePersistentIndexList(
            old, [self.index(new_row[row], col) for row, col in before])
        self.layoutChanged.emit()

    def resort(self) -> None:
        """Apply the last sort again (after an import appended people at the end)."""
        if self._sort is not None and self._sort != (COL_NUMBER, Qt.SortOrder.AscendingOrder):
            self.sort(*self._sort)

    def _sort_key(self, result: MemberResult, row: int, column: int) -> Any:
        number = self._numbers[row]
        if column == COL_NUMBER:
            return number
        if column == COL_COLOUR:
            return (COLOUR_RANK.get(result.colour_word, 9), number)
        if column in AREA_COLUMNS:
            return (COLOUR_RANK.get(self._area_word(result, column), 9), number)
        if column == COL_ERRORS:
            return (len(result.issues), number)
        text = self._display(result, row, column)
        return (str(text or "").casefold(), number)

    def _tooltip(self, result: MemberResult, row: int, column: int) -> str:
        if column == COL_COLOUR:
            changed = f"\n{result.changed_text}" if result.changed_text else ""
            if not result.valid:
                return _("{invalid}: some answers need correcting").format(
                    invalid=colour_text("INVALID")) + "\n" + "\n".join(result.issue_texts())
            return _("Result: {colour}").format(colour=colour_text(result.colour_word)) + changed
        if column in AREA_COLUMNS:
            area = AREAS[column - AREA_COLUMNS[0]].value
            return labelled(AREA_TITLES[area],
                            light_words(self._area_word(result, column) or None))
        if column == COL_ERRORS:
            return "\n".join(result.issue_texts())
        if column == COL_NAME:
            member = result.member
            parts = [member.name, member.email,
                     member.reference and _("ref. {reference}").format(reference=member.reference),
                     result.duplicate_of or "", member.edited_text]
            return "\n".join(p for p in parts if p)
        if column == COL_TOP:
            return result.top_finding
        value = self._display(result, row, column)  # the row's own number (was row 0's)
        return "" if value is None else str(value)


class GroupFilter(QSortFilterProxyModel):
    """Filters by colour word, by rule id (everyone with R31) and by text (name, email, ref)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._colours: frozenset[str] = frozenset()
        self._rule = ""
        self._text = ""
        # Sorting is the source model's (one Python key per person); the proxy only filters,
        # so rows arriving during an import cost one filterAcceptsRow each.
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, GroupModel):
            model.sort(column, order)

    def set_colours(self, colours: frozenset[str] | set[str]) -> None:
        self.beginFilterChange()
        self._colours = frozenset(colours)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_rule(self, rule: str) -> None:
        self.beginFilterChange()
        self._rule = rule.strip().upper()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """Apply the filters again (a person's result changed)."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, GroupModel):
            return True
        result = model.result(source_row)
        if self._colours and result.colour_word not in self._colours:
            return False
        if self._rule and self._rule not in result.fired:
            return False
        if self._text:
            member = result.member
            haystack = f"{member.name}\n{member.email}\n{member.reference}\n{member.where}"
            if self._text not in haystack.casefold():
                return False
        return True
