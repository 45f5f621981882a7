"""Dialogs of the group window: group defaults, and editing one person's answers."""

import html
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.answers_file import AnswersDocument
from app.group.columns import DEFAULTABLE, check_default, parse_amount
from app.group.members import MemberResult
from app.i18n import N_, _
from app.i18n.law_texts import option_label, question_text
from rules import Person
from rules.questions import QUESTION_BY_ID, Kind
from ui.common import label, named

NO_DEFAULT = N_("(no group default)")


class DefaultsDialog(QDialog):
    """Answers set once for the whole group; they fill only blanks the person left."""

    def __init__(self, defaults: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("defaultsDialog")
        self.setWindowTitle(_("Group defaults"))
        self.resize(640, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(label(_(
            "Answers that are the same for everyone: the campaign, who organised the trip and "
            "shared travel and housing. A default fills a person's blank answer only, and only "
            "where the question applies to them; their own answers always win."),
            name="defaultsIntro"))
        form_host = QWidget()
        form = QVBoxLayout(form_host)
        self.fields: dict[str, QWidget] = {}
        for qid in DEFAULTABLE:
            question = QUESTION_BY_ID[qid]
            field = self._field(qid, defaults.get(qid))
            text = question_text(question)
            title = QLabel(f"<b>{qid}</b> &nbsp;{html.escape(text)}")
            title.setWordWrap(True)
            title.setBuddy(field)
            # Else Qt names the field by the label's raw rich text ("<b>D1</b> nbsp;...").
            field.setAccessibleName(f"{qid} {text}")
            form.addWidget(title)
            form.addWidget(field)
            form.addSpacing(8)
            self.fields[qid] = field
        form.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        layout.addWidget(scroll, 1)
        self.problem = label("", name="defaultsProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Reset)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        reset = buttons.button(QDialogButtonBox.StandardButton.Reset)
        reset.setText(_("Clear all"))
        reset.clicked.connect(self.clear)
        layout.addWidget(buttons)
        self.buttons = buttons

    def _field(self, qid: str, value: Any) -> QWidget:
        question = QUESTION_BY_ID[qid]
        if question.kind is Kind.MULTI:
            box = named(QListWidget(), f"default_{qid}")
            chosen = set(value or ())
            for option in question.options:
                item = QListWidgetItem(f"{option_label(qid, option.code)}  [{option.code}]")
                item.setData(Qt.ItemDataRole.UserRole, option.code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if option.code in chosen
                                   else Qt.CheckState.Unchecked)
                box.addItem(item)
            box.setMinimumHeight(min(8, len(question.options)) * 22)
            return box
        if question.kind is Kind.AMOUNT:
            edit = named(QLineEdit(), f"default_{qid}")
            edit.setPlaceholderText(_("US dollars (e.g. 800), or 'unknown'; empty: no default"))
            edit.setText("" if value is None else str(value))
            return edit
        combo = named(QComboBox(), f"default_{qid}")
        combo.addItem(_(NO_DEFAULT), None)
        for option in question.options:
            combo.addItem(f"{option_label(qid, option.code)}  [{option.code}]", option.code)
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))
        return combo

    def clear(self) -> None:
        for field in self.fields.values():
            if isinstance(field, QComboBox):
                field.setCurrentIndex(0)
            elif isinstance(field, QLineEdit):
                field.clear()
            elif isinstance(field, QListWidget):
                for row in range(field.count()):
                    field.item(row).setCheckState(Qt.CheckState.Unchecked)

    def defaults(self) -> tuple[dict[str, Any], list[str]]:
        """The defaults chosen, and what is wrong with any of them."""
        chosen: dict[str, Any] = {}
        problems: list[str] = []
        for qid, field in self.fields.items():
            value: Any = None
            if isinstance(field, QComboBox):
                value = field.currentData()
            elif isinstance(field, QLineEdit):
                text = field.text().strip()
                value = parse_amount(text) if text else None
            elif isinstance(field, QListWidget):
                codes = [field.item(row).data(Qt.ItemDataRole.UserRole)
                         for row in range(field.count())
                         if field.item(row).checkState() == Qt.CheckState.Checked]
                value = codes or None
            if value is None:
                continue
            problem = check_default(qid, value)
            if problem:
                problems.append(problem)
            else:
                chosen[qid] = value
        return chosen, problems

    def _accept(self) -> None:
        _chosen, problems = self.defaults()
        if problems:
            self.problem.setText("; ".join(problems))
            return
        self.accept()


class EditDialog(QDialog):
    """One person's answers in the volunteer's wizard; "Save to group" takes them over.

    The wizard is shown with the answers the person was screened with (group defaults
    included); the defaults they did not change stay defaults (see app.group.session.own_answers).
    """

    def __init__(self, result: MemberResult, as_of: date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.wizard import Wizard

        self.setObjectName("editDialog")
        member = result.member
        self.setWindowTitle(_("Answers of {person}").format(person=member.label))
        self.resize(900, 700)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        intro = label(_(
            "Editing {person} ({where}). Change answers on any page; the result page shows the "
            "new result. \u201cSave to group\u201d keeps the changes in the group (not in the "
            "original file).").format(person=member.label, where=member.where), name="editIntro")
        intro.setContentsMargins(16, 0, 16, 0)
        layout.addWidget(intro)
        self.wizard = Wizard(as_of)
        document = AnswersDocument(
            answers=dict(result.answers),
            person=Person(name=member.name or None, email=member.email or None,
                          reference=member.reference or None))
        self.wizard.load(dict(result.answers), document=document, show_result=True)
        result_page = self.wizard.result_page()
        for widget in (result_page.save_button, result_page.export_button,
                       result_page.new_button):
            widget.hide()  # the dialog's own buttons save to the group or cancel
        self.wizard.exit_to_start.connect(self.reject)
        layout.addWidget(self.wizard, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save to group"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.setContentsMargins(16, 0, 16, 0)
        layout.addWidget(buttons)

    def answers(self) -> dict[str, Any]:
        return self.wizard.answers()
