"""The group window's two rows above the table: the counts (chips that filter by colour, the
group result, the defaults) and the filters (colour, rule, search, how many are shown)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.group.members import GroupCounts, rule_summary, rule_title
from app.i18n import N_, _, labelled, ngettext
from rules import RULE_BY_ID
from ui.common import label, named
from ui.group.model import GroupFilter, light_icon
from ui.language import colour_text

COLOUR_FILTERS: tuple[tuple[str, frozenset[str]], ...] = (
                  (N_("Everyone"), frozenset()), (N_("Red"), frozenset({"RED"})),
                  (N_("Amber"), frozenset({"AMBER"})), (N_("Green"), frozenset({"GREEN"})),
                  (N_("Invalid (need correcting)"), frozenset({"INVALID"})),
                  (N_("Red or amber"), frozenset({"RED", "AMBER"})),
                  (N_("Not green"), frozenset({"RED", "AMBER", "INVALID"})))
ALL_RULES = N_("All rules")
CHIPS = (("RED", N_("red")), ("AMBER", N_("amber")), ("GREEN", N_("green")),
         ("INVALID", N_("invalid")))


class CountChip(QFrame):
    """'RED 3' with its lamp; clicking it filters the table to that colour."""

    clicked = Signal(str)

    def __init__(self, word: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        text = _(text)
        self.setToolTip(_("Show only {colour} people (click again for everyone)").format(
            colour=text))
        self.word = word
        self.setObjectName(f"count_{word}")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 10, 4)
        icon = QLabel()
        icon.setPixmap(light_icon(word if word != "INVALID" else None, 20).pixmap(20, 20))
        icon.setAccessibleName(_("{colour} light").format(colour=text.capitalize()))
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
        self.setAccessibleName(labelled(colour_text(self.word), count))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.word)
        super().mouseReleaseEvent(event)


class CountsRow(QHBoxLayout):
    """The colour chips, the group's result and its defaults."""

    def __init__(self) -> None:
        super().__init__()
        self.chips = {word: CountChip(word, text) for word, text in CHIPS}
        for chip in self.chips.values():
            self.addWidget(chip)
        self.group_label = label("", name="groupResult")
        self.defaults_label = label("", name="defaultsSummary")
        self.defaults_label.setStyleSheet("color: #5f6368;")
        self.addSpacing(12)
        self.addWidget(self.group_label, 1)
        self.addWidget(self.defaults_label, 1)

    def show_counts(self, counts: GroupCounts) -> None:
        for word, number in (("RED", counts.red), ("AMBER", counts.amber),
                             ("GREEN", counts.green), ("INVALID", counts.invalid)):
            self.chips[word].set_count(number)


class FilterRow(QHBoxLayout):
    """Show people by colour, by a rule that fired for them, and by a name found."""

    changed = Signal()  # the table shows other people: the counts of those shown change

    def __init__(self, proxy: GroupFilter) -> None:
        super().__init__()
        self.proxy = proxy
        show_label = QLabel(_("Show:"))
        self.addWidget(show_label)
        self.colour_filter = named(QComboBox(), "colourFilter")
        for text, colours in COLOUR_FILTERS:
            self.colour_filter.addItem(_(text), colours)
        self.colour_filter.currentIndexChanged.connect(self._colour_filter_changed)
        self.colour_filter.setAccessibleName(_("Show people with this result"))
        self.addWidget(self.colour_filter)
        rule_label = QLabel(_("Rule:"))
        self.addWidget(rule_label)
        self.rule_filter = named(QComboBox(), "ruleFilter")
        self.rule_filter.setEditable(True)
        # Enter filters by what was typed (_rule_filter_typed); it never adds an item.
        self.rule_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.rule_filter.setMinimumWidth(260)
        self.rule_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rule_filter.setMinimumContentsLength(28)
        self.rule_filter.addItem(_(ALL_RULES), "")
        self.rule_filter.currentIndexChanged.connect(self._rule_filter_changed)
        self.rule_filter.activated.connect(self._rule_filter_changed)  # the same item again
        line = self.rule_filter.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._rule_filter_typed)
        self.rule_filter.setAccessibleName(_("Show people for whom this rule fired"))
        if line is not None:
            line.setAccessibleName(_("Rule to show (type a rule id, such as R12)"))
        # On Linux a combo box's accessible name is its current value: the label names it.
        show_label.setBuddy(self.colour_filter)
        rule_label.setBuddy(self.rule_filter)
        self.addWidget(self.rule_filter)
        self.search = named(QLineEdit(), "searchBox")
        self.search.setPlaceholderText(_("Find a name, email or reference"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Find a person by name, email or reference"))
        self.search.textChanged.connect(self._search_changed)
        self.addWidget(self.search, 1)
        self.shown_label = label("", name="shownCount")
        self.addWidget(self.shown_label)

    def show_shown(self, total: int) -> None:
        shown = self.proxy.rowCount()
        self.shown_label.setText(
            _("{shown} of {total} shown").format(shown=f"{shown:,}", total=f"{total:,}")
            if shown != total else _("all {total} shown").format(total=f"{total:,}") if total
            else "")

    def show_rules(self, by_rule: dict[str, int]) -> None:
        """Offer the rules that fired for someone, with how many people."""
        current = self.rule_filter.currentData() or ""
        self.rule_filter.blockSignals(True)
        self.rule_filter.clear()
        self.rule_filter.addItem(_(ALL_RULES), "")
        for rule_id in sorted(by_rule, key=lambda r: (len(r), r)):
            count = by_rule[rule_id]
            people = ngettext("{count} person", "{count} people", count).format(
                count=f"{count:,}")
            self.rule_filter.addItem(f"{rule_title(rule_id)} ({people})", rule_id)
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

    def _colour_filter_changed(self, index: int) -> None:
        self.proxy.set_colours(self.colour_filter.itemData(index) or frozenset())
        self.changed.emit()

    def _rule_filter_changed(self, index: int) -> None:
        self.proxy.set_rule(self.rule_filter.itemData(index) or "")
        self._show_rule_start()
        self.changed.emit()

    def _rule_filter_typed(self) -> None:
        """A rule typed by id ('r31') or by words of its name ('foreign principal')."""
        text = self.rule_filter.currentText().strip()
        rule = "" if text in ("", _(ALL_RULES)) else text.split()[0].upper()
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
        self.changed.emit()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.changed.emit()

    def toggle_colour(self, word: str) -> None:
        """A chip clicked: only that colour, or everyone when it was already so."""
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
        self.changed.emit()

    def filter_rule(self, rule: str) -> None:
        """Show only people for whom `rule` fired ('' for everyone)."""
        index = self.rule_filter.findData(rule.upper())
        if index >= 0:
            self.rule_filter.setCurrentIndex(index)
        else:
            self.rule_filter.setEditText(rule)
            self.proxy.set_rule(rule)
        self.changed.emit()
