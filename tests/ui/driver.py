"""Drives the real wizard the way a person does: clicks, ticks, typing digits, Next."""

import io
import unicodedata
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QRadioButton
from pytestqt.qtbot import QtBot

from app.routing import REVIEW, visible_questions
from tests.scenarios import SEED
from ui.main_window import MainWindow
from ui.question_widgets import (
    AgeQuestion,
    AmountQuestion,
    DaysQuestion,
    MultiChoice,
    SingleChoice,
)
from ui.result_view import ResultView
from ui.wizard import Wizard

# An Australian party delegate: the party pays the flights and a stipend.
DELEGATE: dict[str, Any] = {
    "A1": "federal_candidate", "A2": "self", "B1": "no", "B2": "no", "B3": "no",
    "B4": "esta_vwp", "B5": "no", "B6": "foreign_party_member", "B8": "outside_us",
    "C1": ["foreign_party"], "C2": "bona_fide_accrued_leave", "D1": ["foreign_party"],
    "D4": "foreign_party_or_gov", "E1": ["us_volunteer_host_free"], "E2": "self",
    "F": ["canvass_phone_text"], "G": ["none"],
    "B9": "main_purpose", "B10": 10, "B11": 8, "D5": "no_trip_is_for_campaign",
    "E3": "foreign_party_gov_org",
}
GREEN: dict[str, Any] = {
    "A1": "federal_candidate", "A2": "self", "B1": "yes", "B5": "no", "B6": "none",
    "B8": "us", "C1": ["none"], "C2": "own_time_outside_work_hours", "D1": ["self"],
    "D3": 300, "D4": "self_or_friends", "E1": ["self_paid"], "E2": "self",
    "F": ["canvass_phone_text"], "G": ["none"],
}
UNKNOWN_FLIGHT: dict[str, Any] = {
    **{k: v for k, v in SEED.items() if k != "D3"}, "D1": ["unknown"],
}


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a radio button or check box on its indicator, as a person does."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


class Driver:
    """Answers questions through the widgets and moves through the pages with the buttons."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window

    @property
    def wizard(self) -> Wizard:
        assert self.window.wizard is not None
        return self.window.wizard

    @property
    def result(self) -> ResultView:
        return self.wizard.result_page().view

    def start(self) -> None:
        self.qtbot.mouseClick(self.window.welcome.check_button, Qt.MouseButton.LeftButton)
        assert self.window.screens.currentWidget() is self.wizard

    def answer(self, qid: str, value: Any) -> None:
        """Answer one question on the current page by operating its widget."""
        page = self.wizard.question_page(self.wizard.current_page())
        widget = page.widgets[qid]
        assert widget.isVisible(), f"{qid} is not on screen"
        if isinstance(widget, SingleChoice):
            click(self.qtbot, widget.buttons[value])
        elif isinstance(widget, MultiChoice):
            wanted = set(value)
            for code, box in widget.boxes.items():
                if box.isChecked() != (code in wanted):
                    click(self.qtbot, box)
            assert widget.value() == [c for c in widget.boxes if c in wanted]
        elif isinstance(widget, AmountQuestion):
            if value == "unknown":
                if not widget.unknown.isChecked():
                    click(self.qtbot, widget.unknown)
            else:
                if widget.unknown.isChecked():
                    click(self.qtbot, widget.unknown)
                widget.edit.clear()
                self.qtbot.keyClicks(widget.edit, str(value))  # ASCII digits only
        elif isinstance(widget, AgeQuestion):
            widget.spin.setValue(-1 if value is None else value)
        elif isinstance(widget, DaysQuestion):
            if (value == "unknown") != widget.unknown.isChecked():
                click(self.qtbot, widget.unknown)
            if value != "unknown":
                widget.edit.clear()
                self.qtbot.keyClicks(widget.edit, str(value))  # ASCII digits only
        else:  # pragma: no cover
            raise AssertionError(type(widget))

    def next(self) -> None:
        button = self.wizard.next_button
        assert button.isEnabled(), f"Next disabled: {self.wizard.reason_text()}"
        before = self.wizard.current_page()
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert self.wizard.current_page() != before, \
            f"Next stayed on {before}: {self.wizard.reason_text()}"

    def fill_page(self, answers: dict[str, Any]) -> None:
        """Answer every visible question of the current page that `answers` has."""
        page = self.wizard.current_page()
        done: set[str] = set()
        while True:  # answers can reveal further questions on the same page
            todo = [q.id for q in visible_questions(page, self.wizard.answers(),
                                                    self.wizard.as_of)
                    if q.id in answers and q.id not in done]
            if not todo:
                return
            self.answer(todo[0], answers[todo[0]])
            done.add(todo[0])

    def fill_all(self, answers: dict[str, Any]) -> None:
        """From the welcome page to the review page."""
        if self.window.screens.currentWidget() is not self.wizard:
            self.start()
        for _ in range(20):
            if self.wizard.current_page() == REVIEW:
                return
            self.fill_page(answers)
            self.next()
        raise AssertionError("never reached the review page")

    def see_result(self, answers: dict[str, Any]) -> ResultView:
        self.fill_all(answers)
        self.next()  # "See my result"
        assert self.wizard.current_page() == "result"
        return self.result

    def checked(self, qid: str) -> list[str]:
        page = self.wizard.question_page(self.wizard.current_page())
        widget = page.widgets[qid]
        return [b.objectName().removeprefix(f"{qid}_")
                for b in widget.findChildren(QRadioButton) + widget.findChildren(QCheckBox)
                if b.isChecked()]
