"""ResultView on its own, as the organiser's window uses it."""

from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QFrame, QLabel
from pytestqt.qtbot import QtBot

from app.answers_file import AnswersDocument
from app.assessing import Outcome, assess_document
from tests.ui.driver import DELEGATE, GREEN, SEED, UNKNOWN_FLIGHT
from ui.lights import Lamp
from ui.result_view import ResultView

pytestmark = pytest.mark.gui
AS_OF = date(2026, 11, 28)


def outcome(answers: dict[str, Any], last_colour: str | None = None) -> Outcome:
    return assess_document(AnswersDocument(answers=answers, last_colour=last_colour), AS_OF)


@pytest.fixture
def view(qtbot: QtBot) -> ResultView:
    widget = ResultView()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def label_text(view: ResultView, name: str) -> str:
    found = view.body.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def test_colour_is_never_the_only_signal(view: ResultView) -> None:
    view.show_outcome(outcome(DELEGATE))
    assert view.colour_word() == "RED"
    assert view.colour_label.text() == "RED"
    assert view.light.accessibleName() == "Traffic light: RED"
    assert view.meaning_label.text().startswith("Red: ")
    assert label_text(view, "area_compensation") == "Payment for your time: RED"
    assert label_text(view, "area_travel") == "Travel: RED"
    lamp = view.body.findChild(Lamp, "areaLamp_compensation")
    assert lamp is not None and "RED" in lamp.accessibleName() and "cross" in lamp.accessibleName()
    assert label_text(view, "area_resources").endswith(": No concern found")
    assert "RED" in label_text(view, "findingTitle_R12")


def test_each_area_has_a_light(view: ResultView) -> None:
    view.show_outcome(outcome(SEED))
    for area in ("status", "compensation", "travel", "housing", "role", "resources",
                 "immigration"):
        assert view.body.findChild(Lamp, f"areaLamp_{area}") is not None, area
    assert label_text(view, "area_immigration").endswith("AMBER")
    assert label_text(view, "area_status").endswith("See the note")


def test_missing_facts_lead_back_to_their_question(qtbot: QtBot, view: ResultView) -> None:
    view.show_outcome(outcome(UNKNOWN_FLIGHT))
    assert "Facts you still need to find out" in label_text(view, "missingTitle")
    assert label_text(view, "missing_D1") == "Who pays flights and other transport for this trip?"
    with qtbot.waitSignal(view.question_requested) as signal:
        view.question_buttons["D1"].click()
    assert signal.args == ["D1"]


def test_invalid_answers_list_their_issues(qtbot: QtBot, view: ResultView) -> None:
    view.show_outcome(outcome({**SEED, "G": ["none", "donate_money"]}))
    assert view.colour_word() is None
    assert "No result yet" in view.meaning_label.text()
    text = label_text(view, "issue_G")
    assert "cannot be combined" in text and "G:" not in text
    with qtbot.waitSignal(view.question_requested) as signal:
        view.question_buttons["G"].click()
    assert signal.args == ["G"]


def test_colour_change_is_announced(view: ResultView) -> None:
    view.show_outcome(outcome(GREEN, last_colour="RED"))
    assert "saved with the result RED" in label_text(view, "colourChanged")
    view.show_outcome(outcome(GREEN, last_colour="GREEN"))
    assert view.body.findChild(QLabel, "colourChanged") is None


def test_counterfactuals_remedies_and_disclaimer(view: ResultView) -> None:
    view.show_outcome(outcome(DELEGATE))
    texts = view.texts()
    assert "What would make this green" in texts
    assert " instead: " in texts
    assert "not legal advice" in label_text(view, "resultDisclaimer")
    assert "Rules version" in label_text(view, "rulesetLine")


def test_clear(view: ResultView) -> None:
    view.show_outcome(outcome(SEED))
    view.clear()
    assert view.outcome() is None and view.colour_word() is None and view.finding_ids() == []


def test_the_plan_comes_first(qtbot: QtBot) -> None:
    """'What to do next' (issue 8): one plan at the top of the result, before the reasons;
    the single alternatives stay under their findings."""
    view = ResultView()
    qtbot.add_widget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    view.show_outcome(outcome(DELEGATE))
    plan_box = view.body.findChild(QFrame, "planBox")
    assert plan_box is not None
    qtbot.waitUntil(plan_box.isVisible)
    layout = view.body.layout()
    assert layout is not None and layout.indexOf(plan_box) == 0
    assert label_text(view, "planTitle") == "What to do next"
    assert "Change your plan so that all of these are true:" in label_text(view, "planIntro")
    assert "You refused the foreign payment" in label_text(view, "planStep_1")
    assert "result would be GREEN" in label_text(view, "planResult")
    texts = view.texts()
    assert texts.index("What to do next") < texts.index("Election law: the reasons")
    assert "this reason goes away, but the overall result stays RED" in texts
    assert view.payload()["plan"] == ["R12", "R31", "R40", "R73", "R87"]
    view.show_outcome(outcome(GREEN))
    assert view.body.findChild(QFrame, "planBox") is None
    assert view.payload()["plan"] is None


def test_headline_names_the_cause(view: ResultView) -> None:
    """SEED: election law GREEN, immigration AMBER: the headline says the amber is immigration's,
    not the election-law meaning of amber."""
    view.show_outcome(outcome(SEED))
    assert view.colour_word() == "AMBER"
    meaning = view.meaning_label.text()
    assert meaning.startswith("Amber: because of immigration, not election law")
    assert "GREEN" in meaning
    view.show_outcome(outcome(UNKNOWN_FLIGHT))
    assert view.meaning_label.text().startswith("Amber: lawful only under conditions")


def test_invalid_answers_say_invalid(view: ResultView) -> None:
    view.show_outcome(outcome({**SEED, "G": ["none", "donate_money"]}))
    assert view.colour_label.text() == "INVALID"
    assert view.colour_label.accessibleName() == "Overall result: invalid"
    view.clear()
    assert view.colour_label.text() == ""


def test_counsel_details_fold_under_each_finding(qtbot: QtBot, view: ResultView) -> None:
    """Rule ids, single alternatives and sources are in a collapsed expander per finding;
    the reason and the remedy stay in view. Space and Enter open and close it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAccessible

    from ui.a11y import EXPANDER, ROLE

    view.show_outcome(outcome(DELEGATE))
    assert set(view.detail_toggles) == set(view.finding_ids())
    toggle = view.detail_toggles["R12"]
    details = view.body.findChild(QLabel, "findingRule_R12")
    assert details is not None and not details.isVisible()
    assert label_text(view, "findingText_R12") and "R12" not in label_text(view, "findingTitle_R12")
    assert toggle.property(ROLE) == EXPANDER
    assert toggle.accessibleName().startswith("Details for your campaign's counsel")
    qtbot.waitUntil(toggle.isVisible)
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert toggle.isChecked() and details.isVisible()
    assert "R12" in details.text()
    iface = QAccessible.queryAccessibleInterface(toggle)
    assert iface is not None and iface.state().expanded
    citation = view.body.findChild(QLabel, "citation_R12_0")
    assert citation is not None and citation.isVisible()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert not details.isVisible()


def test_plan_reads_without_rule_ids(view: ResultView) -> None:
    view.show_outcome(outcome(DELEGATE))
    assert "rule" not in label_text(view, "planStep_1").lower()
    assert "R1" not in label_text(view, "planResult")


def test_no_blank_space_after_the_last_section(qtbot: QtBot, view: ResultView) -> None:
    view.show_outcome(outcome(SEED))
    bar = view.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    last = view.body.findChild(QLabel, "resultDisclaimer")
    assert last is not None
    viewport = view.scroll.viewport()
    bottom = last.mapTo(viewport, last.rect().bottomLeft()).y()
    assert viewport.height() - bottom < 40
