"""'For your handout (optional)': name, campaign and trip dates, asked once on the review page.

They go into the answers file's `person` and never change the result; every field may stay
empty. A date left at its lowest value reads "Not given" (as the optional age does).
"""

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QFormLayout, QFrame, QLineEdit, QVBoxLayout, QWidget

from app.i18n import _
from rules import Person
from ui.a11y import mark_group
from ui.common import framed, heading, label, muted

NOT_GIVEN = QDate(2000, 1, 1)  # the lowest date: shown as "Not given"


class DateField(QDateEdit):
    """A date whose Tab leaves the field (a plain QDateEdit's Tab walks day, month and year
    first, which breaks the page's tab order); the arrow keys still change each part."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


def _date_field(name: str, accessible: str) -> QDateEdit:
    field: QDateEdit = DateField()
    field.setObjectName(name)
    field.setCalendarPopup(True)
    field.setDisplayFormat("d MMMM yyyy")
    field.setMinimumDate(NOT_GIVEN)
    field.setSpecialValueText(_("Not given"))
    field.setDate(NOT_GIVEN)
    field.setAccessibleName(accessible)
    field.setMaximumWidth(260)
    return field


class HandoutDetails(QFrame):
    """The optional details; `changed` when one is edited."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoutDetails")
        framed(self, None, "#dadce0")
        mark_group(self, _("For your handout (optional)"))
        column = QVBoxLayout(self)
        column.addWidget(heading(_("For your handout (optional)"), 2, name="handoutTitle"))
        column.addWidget(muted(label(_(
            "These go on page 1 of the PDF handout and are kept in the answers file if "
            "you save it. Leave any of them empty: they never change the result."),
            name="handoutIntro")))
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("handoutName")
        self.name.setAccessibleName(_("Your name (optional)"))
        self.campaign = QLineEdit()
        self.campaign.setObjectName("handoutCampaign")
        self.campaign.setAccessibleName(_("The campaign (optional)"))
        self.campaign.setPlaceholderText(_("for example: Jones for Congress"))
        self.trip_start = _date_field("handoutTripStart", _("Trip starts (optional)"))
        self.trip_end = _date_field("handoutTripEnd", _("Trip ends (optional)"))
        for text, field in ((_("Your name"), self.name), (_("Campaign"), self.campaign),
                            (_("Trip starts"), self.trip_start),
                            (_("Trip ends"), self.trip_end)):
            form.addRow(text, field)
        column.addLayout(form)
        self._updating = False
        self.name.textEdited.connect(self._edited)
        self.campaign.textEdited.connect(self._edited)
        self.trip_start.dateChanged.connect(self._edited)
        self.trip_end.dateChanged.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        if not self._updating:
            self.changed.emit()

    @staticmethod
    def _date(field: QDateEdit) -> date | None:
        value = field.date()
        return None if value == NOT_GIVEN else date(value.year(), value.month(), value.day())

    def person(self, base: Person) -> Person:
        """`base` (email, reference kept) with the details as entered."""
        return base.model_copy(update={
            "name": self.name.text().strip()[:200] or None,
            "campaign": self.campaign.text().strip()[:200] or None,
            "trip_start": self._date(self.trip_start),
            "trip_end": self._date(self.trip_end),
        })

    def show_person(self, person: Person) -> None:
        self._updating = True
        try:
            self.name.setText(person.name or "")
            self.campaign.setText(person.campaign or "")
            for field, value in ((self.trip_start, person.trip_start),
                                 (self.trip_end, person.trip_end)):
                field.setDate(QDate(value.year, value.month, value.day) if value else NOT_GIVEN)
        finally:
            self._updating = False
