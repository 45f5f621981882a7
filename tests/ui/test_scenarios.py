"""End to end: drive the real wizard for the brief's scenarios, read the result and the PDF."""

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from tests.app.test_citation_display import research_in
from tests.ui.conftest import Dialogs
from tests.ui.driver import DELEGATE, GREEN, SEED, UNKNOWN_FLIGHT, Driver, pdf_text
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def links(driver: Driver) -> list[str]:
    return [w.text() for w in driver.result.body.findChildren(QLabel) if "<a href=" in w.text()]


def export(window: MainWindow, dialogs: Dialogs, tmp_path: Path, name: str) -> str:
    dialogs.save_path = tmp_path / name
    assert window.export_pdf(), window.notice.message()
    assert "PDF report saved" in window.notice.message()
    return pdf_text(tmp_path / name)


def test_seed_scenario_is_amber_for_immigration_only(driver: Driver, window: MainWindow,
                                                     dialogs: Dialogs, tmp_path: Path) -> None:
    view = driver.see_result(SEED)
    assert view.colour_word() == "AMBER"
    assert view.colour_label.text() == "AMBER"
    assert view.meaning_label.text().startswith("Amber:")
    assert "Election law: GREEN" in view.split_label.text()
    assert "R73" in view.finding_ids()
    section = view.body.findChild(QLabel, "immigrationTitle")
    assert section is not None and section.text() == "Immigration (not election law)"
    immigration = view.body.findChild(type(view.body), "immigrationSection") or section.parent()
    assert immigration.findChild(QLabel, "findingTitle_R73") is not None
    election = [f for f in view.finding_ids() if f != "R73"]
    assert "R27" in election  # own flight within $1,000
    text = export(window, dialogs, tmp_path, "seed.pdf")
    assert "AMBER" in text and "GREEN" in text
    assert "R73" in text
    assert "30121" in text  # 52 U.S.C. 30121 cited


def test_australian_party_delegate_is_red(driver: Driver, window: MainWindow,
                                          dialogs: Dialogs, tmp_path: Path) -> None:
    view = driver.see_result(DELEGATE)
    assert view.colour_word() == "RED"
    assert {"R12", "R31"} <= set(view.finding_ids())
    assert view.finding_ids()[:2] == ["R12", "R31"] or view.finding_ids()[0] in ("R12", "R31")
    title = view.body.findChild(QLabel, "findingTitle_R12")
    assert title is not None and "RED" in title.text()
    remedy = view.body.findChild(QLabel, "findingRemedy_R12")
    assert remedy is not None and "What would make this green" in remedy.text()
    assert any("If " in w.text() and " instead: " in w.text()
               for w in view.body.findChildren(QLabel) if w.objectName().startswith("counter"))
    assert any("fec.gov" in text for text in links(driver))
    text = export(window, dialogs, tmp_path, "delegate.pdf")
    assert "RED" in text and "R12" in text and "R31" in text
    assert "30121" in text


def test_us_citizen_volunteer_is_green(driver: Driver, window: MainWindow, dialogs: Dialogs,
                                       tmp_path: Path) -> None:
    driver.start()
    driver.fill_page(GREEN)
    driver.next()
    driver.answer("B1", "yes")
    page_b = driver.wizard.question_page("B_status")
    assert not page_b.widgets["B4"].isVisible()  # no visa question for a US citizen
    view = driver.see_result(GREEN)
    assert view.colour_word() == "GREEN"
    assert view.meaning_label.text().startswith("Green:")
    assert view.body.findChild(QLabel, "noImmigration") is not None
    assert view.question_buttons == {}
    text = export(window, dialogs, tmp_path, "green.pdf")
    assert "GREEN" in text and "R41" in text and "11 CFR" in text


def test_unknown_flight_payer_is_amber_with_the_fact_to_find_out(
        driver: Driver, window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    view = driver.see_result(UNKNOWN_FLIGHT)
    assert view.colour_word() == "AMBER"
    assert "R39" in view.finding_ids()
    assert "D1" in view.question_buttons  # "Answer this question" for the missing fact
    view.question_buttons["D1"].click()
    assert driver.wizard.current_page() == "D"
    assert driver.wizard.returning_to_review()
    driver.answer("D1", ["self"])
    driver.answer("D3", 700)
    driver.next()  # back to the review page, other answers kept
    assert driver.wizard.current_page() == "review"
    assert driver.wizard.answers()["C2"] == "bona_fide_accrued_leave"
    driver.next()
    assert driver.result.colour_word() == "AMBER"
    assert "R39" not in driver.result.finding_ids()
    text = export(window, dialogs, tmp_path, "unknown.pdf")
    assert "AMBER" in text and "R73" in text


def test_result_cites_with_links_and_marks_reported_sources(driver: Driver) -> None:
    answers: dict[str, Any] = {**SEED, "F": ["canvass_phone_text", "speak_at_events_or_perform"],
                               "B6": "foreign_party_staff"}  # R71 cites reported complaints
    view = driver.see_result(answers)
    citations = [w for w in view.body.findChildren(QLabel)
                 if w.objectName().startswith("citation_")]
    assert citations
    linked = [w for w in citations if "<a href=" in w.text()]
    assert linked and all(w.openExternalLinks() for w in linked)
    outcome = view.outcome()
    assert outcome is not None and outcome.assessment is not None
    reported = [c for f in outcome.assessment.findings for c in f.citations if not c.authority]
    shown_reported = [w for w in citations if "Reported: " in w.text()]
    assert reported and len(shown_reported) == len(reported)
    assert all("<a " not in w.text() and not w.openExternalLinks() for w in shown_reported)
    # Research notes and verification marks are for counsel's catalogue, not the result.
    shown = " ".join(w.text() + w.accessibleName() for w in view.body.findChildren(QLabel))
    assert research_in(shown) == []
