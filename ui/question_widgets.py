"""One widget per question kind: radio buttons, check boxes, an amount field, an optional age.

Each shows the question, its help text, a "What do these words mean?" expander with the
glossary definitions, and a red problem line under the answer when validation finds an issue.
"""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.amounts import AmountError
from app.amounts import parse_amount as read_amount
from app.i18n import _, labelled
from app.i18n.law_texts import (
    glossary_term,
    glossary_text,
    option_label,
    question_help,
    question_text,
)
from app.routing import exclusive_codes, format_amount
from app.vocabulary import esc
from rules.questions import GLOSSARY, Kind, Question
from ui.a11y import expander, mark_group
from ui.common import INK, error_colour, label, muted, named

MAX_AGE = 120


def parse_amount(text: str) -> float | int | str | None:
    """'1,200', '$1200', '1200 USD', '800,50' -> a number (app.amounts, as the organiser's
    spreadsheets are read); blank -> None; anything unclear ('1.200', 'lots') is passed on as
    text: app.routing.page_issues then shows why under the field and blocks Next."""
    try:
        return read_amount(text)
    except AmountError:
        return text.strip()


class QuestionWidget(QFrame):
    """Common frame: question text, help, glossary expander, answer controls, problem line."""

    changed = Signal()

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.text = question_text(question)
        self.setObjectName(f"question_{question.id}")
        # Screen readers: a group named by the question holds its answers ("Yes", "No" ...).
        mark_group(self, self.text, question_help(question))
        self._updating = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 10)
        layout.setSpacing(4)
        self.title = label(self.text, name=f"title_{question.id}")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 1.0) * 1.08)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.help = muted(label(question_help(question), name=f"help_{question.id}"))
        layout.addWidget(self.help)
        self.glossary_button: QToolButton | None = None
        self.glossary_text: QLabel | None = None
        terms = [term for term in question.glossary if term in GLOSSARY]
        self.glossary_terms = tuple(terms)
        if terms:
            self._add_glossary(layout, terms)
        self.controls_layout = QVBoxLayout()
        self.controls_layout.setSpacing(2)
        layout.addLayout(self.controls_layout)
        self.problem = label("", name=f"problem_{question.id}")
        self.problem.setStyleSheet(f"color: {error_colour()}; font-weight: bold;")
        self.problem.hide()
        self.build()
        layout.addWidget(self.problem)

    # ---- construction ----

    def _add_glossary(self, layout: QVBoxLayout, terms: list[str]) -> None:
        words = ", ".join(_("\u201c{term}\u201d").format(term=glossary_term(term))
                          for term in terms)
        text = (_("What does {words} mean?") if len(terms) == 1
                else _("What do {words} mean?")).format(words=words)
        definitions = "".join(
            "<p style='margin:2px 0'>" + labelled(f"<b>{esc(glossary_term(term))}</b>",
                                                  esc(glossary_text(term))) + "</p>"
            for term in terms)
        explanation = label(definitions, rich=True, name=f"glossaryText_{self.question.id}")
        explanation.setStyleSheet(
            f"background: #f1f3f4; color: {INK}; padding: 6px; border-radius: 4px;")
        tip = "\n".join(labelled(glossary_term(term), glossary_text(term)) for term in terms)
        self.title.setToolTip(tip)
        # A button with the expanded state, not a check box.
        toggle = expander(f"glossary_{self.question.id}", text, text, explanation)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(toggle)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(explanation)
        self.glossary_button = toggle
        self.glossary_text = explanation

    def show_glossary(self, shown: bool) -> None:
        """Offer the "What does ... mean?" toggle (False: an earlier question on the same
        screen already explains every term; the title's tooltip still does)."""
        if self.glossary_button is None or self.glossary_text is None:
            return
        self.glossary_button.setVisible(shown)
        if not shown:
            self.glossary_button.setChecked(False)

    def mark_optional(self) -> None:
        """Say that the question may be left blank (on screen and to screen readers)."""
        optional = _("{question} (optional)").format(question=self.text)
        if "optional" not in self.question.text.lower():
            self.title.setText(optional)
        self.setAccessibleName(optional)

    def build(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _describe(self, widget: QWidget, name: str) -> None:
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(self.text)

    # ---- values ----

    def value(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        self._updating = True
        try:
            self._set(value)
        finally:
            self._updating = False

    def _set(self, value: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _emit(self) -> None:
        if not self._updating:
            self.changed.emit()

    def commit(self) -> None:
        """Take over text still being typed (the age is read when editing finishes)."""

    # ---- focus and problems ----

    def controls(self) -> list[QWidget]:  # pragma: no cover - overridden
        raise NotImplementedError

    def focus_first(self) -> None:
        for widget in self.controls():
            if isinstance(widget, QRadioButton | QCheckBox) and widget.isChecked():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        for widget in self.controls():
            if widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def set_problem(self, text: str | None) -> bool:
        """Show `text` under the answers (None: no problem); True when it is a new problem."""
        line = _("Problem: {problem}").format(problem=text) if text else ""
        new = bool(text) and self.problem.text() != line
        shown = bool(text)
        self.problem.setText(line)
        self.problem.setVisible(shown)
        for widget in self.controls():
            widget.setAccessibleDescription(f"{self.text}. {line}" if text else self.text)
        return new

    def problem_text(self) -> str:
        return self.problem.text() if self.problem.isVisible() else ""


class SingleChoice(QuestionWidget):
    """Radio buttons in a QButtonGroup (arrow keys move, Space chooses)."""

    def build(self) -> None:
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        for option in self.question.options:
            words = option_label(self.question.id, option.code)
            radio = named(QRadioButton(words), f"{self.question.id}_{option.code}")
            self._describe(radio, words)
            self.group.addButton(radio)
            self.controls_layout.addWidget(radio)
            self.buttons[option.code] = radio
        self.group.buttonToggled.connect(self._toggled)

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._emit()

    def value(self) -> str | None:
        for code, radio in self.buttons.items():
            if radio.isChecked():
                return code
        return None

    def _set(self, value: Any) -> None:
        if isinstance(value, str) and value in self.buttons:
            self.buttons[value].setChecked(True)
            return
        self.group.setExclusive(False)
        for radio in self.buttons.values():
            radio.setChecked(False)
        self.group.setExclusive(True)

    def controls(self) -> list[QWidget]:
        return list(self.buttons.values())


class MultiChoice(QuestionWidget):
    """Check boxes; an exclusive answer ("None of these", G's "I don't know yet") unticks the
    others, and ticking another answer unticks it."""

    def build(self) -> None:
        self.boxes: dict[str, QCheckBox] = {}
        self.exclusive = exclusive_codes(self.question.id)
        for option in self.question.options:
            words = option_label(self.question.id, option.code)
            box = named(QCheckBox(words), f"{self.question.id}_{option.code}")
            self._describe(box, words)
            self.controls_layout.addWidget(box)
            self.boxes[option.code] = box
            box.toggled.connect(lambda on, code=option.code: self._toggled(code, on))

    def _toggled(self, code: str, on: bool) -> None:
        if self._updating:
            return
        if on and self.exclusive:
            self._updating = True
            try:
                for other, box in self.boxes.items():
                    if other != code and (code in self.exclusive or other in self.exclusive):
                        box.setChecked(False)
            finally:
                self._updating = False
        self._emit()

    def value(self) -> list[str] | None:
        chosen = [code for code, box in self.boxes.items() if box.isChecked()]
        return chosen or None

    def _set(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list | tuple) else set()
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)

    def controls(self) -> list[QWidget]:
        return list(self.boxes.values())


class AmountQuestion(QuestionWidget):
    """A US-dollar amount, or "I don't know"."""

    def build(self) -> None:
        row = QGridLayout()
        row.setContentsMargins(0, 0, 0, 0)
        prefix = QLabel(_("US$"))
        self.edit = named(QLineEdit(), f"{self.question.id}_amount")
        self.edit.setPlaceholderText(_("for example 800"))
        self.edit.setMaximumWidth(220)
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self._describe(self.edit, _("Amount in US dollars"))
        prefix.setBuddy(self.edit)
        self.unknown = named(QCheckBox(_("I don't know")), f"{self.question.id}_unknown")
        self._describe(self.unknown, _("I don't know the amount"))
        self.reading = muted(label("", name=f"{self.question.id}_reading"))
        row.addWidget(prefix, 0, 0)
        row.addWidget(self.edit, 0, 1)
        row.addWidget(self.reading, 0, 2)
        row.setColumnStretch(2, 1)
        self.controls_layout.addLayout(row)
        self.controls_layout.addWidget(self.unknown)
        self.edit.textChanged.connect(self._edited)
        self.unknown.toggled.connect(self._unknown_toggled)

    def _edited(self, _text: str) -> None:
        self._show_reading()
        self._emit()

    def _show_reading(self) -> None:
        parsed = parse_amount(self.edit.text())
        shown = (isinstance(parsed, int | float) and not self.unknown.isChecked()
                 and self.edit.text().strip() != str(parsed))
        self.reading.setText(_("We read this as {amount}").format(amount=format_amount(parsed))
                             if shown and isinstance(parsed, int | float) else "")

    def _unknown_toggled(self, on: bool) -> None:
        self.edit.setEnabled(not on)
        self._show_reading()  # "We read this as ..." means nothing once the answer is unknown
        self._emit()

    def value(self) -> float | int | str | None:
        if self.unknown.isChecked():
            return "unknown"
        return parse_amount(self.edit.text())

    def _set(self, value: Any) -> None:
        self.unknown.setChecked(value == "unknown")
        self.edit.setEnabled(value != "unknown")
        if value is None or value == "unknown":
            self.edit.setText("")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            self.edit.setText(str(int(value)) if float(value).is_integer() else str(value))
        else:
            self.edit.setText(str(value))
        self._show_reading()

    def controls(self) -> list[QWidget]:
        return [self.edit, self.unknown]


class AgeSpinBox(QSpinBox):
    """A spin box whose lowest value means "Not given": clearing the number gives it too, and a
    digit typed into the words "Not given" replaces them."""

    def _number(self, text: str) -> str:
        return text.removesuffix(self.suffix()).strip()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        special = self.specialValueText()
        bare = text.removesuffix(self.suffix())
        digits = "".join(ch for ch in bare if ch.isdigit())
        if digits and special and "".join(ch for ch in bare if not ch.isdigit()) == special:
            text, pos = digits + self.suffix(), len(digits)
        if not self._number(text):
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str) -> int:
        number = self._number(text)
        if not number or number == self.specialValueText():
            return self.minimum()
        return super().valueFromText(text)


class AgeQuestion(QuestionWidget):
    """An optional age in whole years ("Not given" by default, or when the number is deleted).

    Typed digits count once editing finishes (Enter, Tab, leaving the page), so "1" on the way
    to "15" never shows a problem; the arrow keys change the age at once.
    """

    NOT_GIVEN = -1

    def build(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.spin = named(AgeSpinBox(), f"{self.question.id}_age")
        self.spin.setKeyboardTracking(False)
        self.spin.setRange(self.NOT_GIVEN, MAX_AGE)
        self.spin.setSpecialValueText(_("Not given"))
        self.spin.setValue(self.NOT_GIVEN)
        self.spin.setSuffix(" " + _("years"))
        self.spin.setMinimumWidth(140)
        self._describe(self.spin, _("Age in years (optional)"))
        row.addWidget(self.spin)
        row.addStretch(1)
        self.controls_layout.addLayout(row)
        self.spin.valueChanged.connect(lambda _v: self._emit())

    def value(self) -> int | None:
        age = self.spin.value()
        return None if age == self.NOT_GIVEN else age

    def _set(self, value: Any) -> None:
        in_range = isinstance(value, int) and not isinstance(value, bool) \
            and 0 <= value <= MAX_AGE
        self.spin.setValue(value if in_range else self.NOT_GIVEN)

    def commit(self) -> None:
        self.spin.interpretText()

    def controls(self) -> list[QWidget]:
        return [self.spin]


def parse_days(text: str) -> int | str | None:
    """Whole days typed in the field: '14' -> 14; blank -> None; anything else is passed on as
    text for app.routing.page_issues to explain under the field."""
    stripped = text.strip()
    if not stripped:
        return None
    return int(stripped) if stripped.isdigit() else stripped


class DaysQuestion(QuestionWidget):
    """A number of whole days (1 to 365), or "I don't know"."""

    def build(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = named(QLineEdit(), f"{self.question.id}_days")
        self.edit.setPlaceholderText(_("for example 14"))
        self.edit.setMaximumWidth(120)
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self._describe(self.edit, _("Number of days"))
        suffix = QLabel(_("days"))
        suffix.setBuddy(self.edit)
        row.addWidget(self.edit)
        row.addWidget(suffix)
        row.addStretch(1)
        self.controls_layout.addLayout(row)
        self.unknown = named(QCheckBox(_("I don't know")), f"{self.question.id}_unknown")
        self._describe(self.unknown, _("I don't know the number of days"))
        self.controls_layout.addWidget(self.unknown)
        self.edit.textChanged.connect(lambda _t: self._emit())
        self.unknown.toggled.connect(self._unknown_toggled)

    def _unknown_toggled(self, on: bool) -> None:
        self.edit.setEnabled(not on)
        self._emit()

    def value(self) -> int | str | None:
        if self.unknown.isChecked():
            return "unknown"
        return parse_days(self.edit.text())

    def _set(self, value: Any) -> None:
        self.unknown.setChecked(value == "unknown")
        self.edit.setEnabled(value != "unknown")
        if value is None or value == "unknown":
            self.edit.setText("")
        else:
            self.edit.setText(str(value))

    def controls(self) -> list[QWidget]:
        return [self.edit, self.unknown]


WIDGETS: dict[Kind, type[QuestionWidget]] = {
    Kind.SINGLE: SingleChoice,
    Kind.MULTI: MultiChoice,
    Kind.AMOUNT: AmountQuestion,
    Kind.AGE: AgeQuestion,
    Kind.DAYS: DaysQuestion,
}


def widget_for(question: Question, parent: QWidget | None = None) -> QuestionWidget:
    return WIDGETS[question.kind](question, parent)
