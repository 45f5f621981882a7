"""Optional name, campaign and trip dates (issue 9): asked once on "Check your answers", kept in
the answers file's `person`, never required and never changing the result."""

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from app.answers_file import read_answers_file
from rules import Person
from tests.ui.conftest import Dialogs
from tests.ui.driver import SEED, Driver
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_details_are_optional_and_saved_in_person(driver: Driver, window: MainWindow,
                                                  dialogs: Dialogs, tmp_path: Path) -> None:
    driver.fill_all(SEED)
    details = driver.wizard.review_page().details
    assert details.isVisible() and details.name.text() == ""
    assert driver.wizard.next_button.isEnabled()  # nothing here is required
    details.name.setText("Zoë Łódź")
    details.name.textEdited.emit("Zoë Łódź")
    details.campaign.setText("Jones for Congress")
    details.campaign.textEdited.emit("Jones for Congress")
    details.trip_start.setDate(QDate(2026, 10, 1))
    details.trip_end.setDate(QDate(2026, 10, 14))
    assert driver.wizard.person() == Person(name="Zoë Łódź", campaign="Jones for Congress",
                                            trip_start=date(2026, 10, 1),
                                            trip_end=date(2026, 10, 14))
    assert window.save_to(tmp_path / "a.json")
    saved = json.loads((tmp_path / "a.json").read_text("utf-8"))["person"]
    assert saved == {"name": "Zoë Łódź", "campaign": "Jones for Congress",
                     "trip_start": "2026-10-01", "trip_end": "2026-10-14"}
    assert read_answers_file(tmp_path / "a.json").person.trip_end == date(2026, 10, 14)
    window.new_check()
    assert driver.wizard.person() == Person()
    assert window.open_file(tmp_path / "a.json")
    driver.wizard.go_to("review")
    assert details.name.text() == "Zoë Łódź"
    assert details.trip_start.date() == QDate(2026, 10, 1)


def test_no_details_leave_person_empty(driver: Driver, window: MainWindow,
                                       tmp_path: Path) -> None:
    driver.fill_all(SEED)
    details = driver.wizard.review_page().details
    assert details.trip_start.text() == "Not given"
    assert window.save_to(tmp_path / "b.json")
    assert json.loads((tmp_path / "b.json").read_text("utf-8"))["person"] == {}


def test_an_old_file_without_the_new_fields_still_opens(window: MainWindow,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"schema_version": 2, "answers": SEED,
                                "person": {"name": "Sarah", "email": "", "reference": ""}}),
                    "utf-8")
    assert window.open_file(path)
    assert window.wizard is not None and window.wizard.person().name == "Sarah"
