"""'What to do next' (issue 8) in the terminal text, `assess --json`, the printed report and the
PDF: the one plan of remedies comes first, the single alternatives stay under their findings."""

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.answers_file import AnswersDocument, write_answers_file
from app.assessing import Outcome, assess_document
from app.assessment_text import outcome_text
from app.cli import main
from app.report_html import assessment_report_html
from rules import Person
from rules.rule import Substitution
from tests.pdf_helpers import RED_ANSWERS, pdf_text, squash
from tests.scenarios import SEED

AS_OF = date(2026, 11, 28)
# The Australian Labor Party pattern: the party pays the flights and a stipend.
STEPS = ("You refused the foreign payment and paid your own way",
         "You paid your own flight (within the exemption)",
         "You paid your own travel, lodging and meals and took nothing of value",
         "Volunteering stayed incidental to a holiday or family visit")
# The seed volunteer paying her own lodging on a holiday trip: GREEN.
GREEN_SEED: dict[str, Any] = {
    **{k: v for k, v in SEED.items() if k not in ("D5", "E3")}, "E1": ["self_paid"],
    "B9": "incidental_to_holiday_or_family_visit", "B11": 7}


def outcome(answers: dict[str, Any]) -> Outcome:
    result = assess_document(AnswersDocument(answers=answers, person=Person(name="Jo")), AS_OF)
    assert result.assessment is not None, result.validation.issues
    return result


def answers_file(folder: Path, answers: dict[str, Any]) -> Path:
    path = folder / "jo.json"
    write_answers_file(path, AnswersDocument(answers, Person(name="Jo")), None)
    return path


def test_text_shows_the_plan_before_the_findings() -> None:
    text = outcome_text(outcome(RED_ANSWERS))
    assert "Overall: RED" in text
    plan_at, findings_at = text.index("What to do next:"), text.index("Findings (election law)")
    assert text.index("Overall: RED") < plan_at < findings_at
    section = text[plan_at:findings_at]
    assert "Change your plan so that all of these are true:" in section
    for index, step in enumerate(STEPS, 1):
        assert f"{index}. {step}" in section
    assert "-> result GREEN" in section
    # The single-finding alternatives stay under their findings.
    assert "-> If you refused the foreign payment and paid your own way instead: RED" in (
        text[findings_at:])


def test_text_for_the_seed_and_for_green() -> None:
    text = outcome_text(outcome(SEED))
    assert ("What to do next:\n  Change your plan so that all of these are true:\n"
            "    1. You paid your own travel, lodging") in text
    green = outcome_text(outcome(GREEN_SEED))
    assert "Overall: GREEN" in green and "What to do next" not in green


def test_without_a_plan_the_text_says_what_to_find_out_or_whom_to_ask(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Substitution, "allowed", lambda self, raw: False)
    text = outcome_text(outcome(RED_ANSWERS))
    assert "What to do next:" in text and "Change your plan" not in text
    assert "election lawyer" in text
    unknown = outcome_text(outcome({**SEED, "C1": ["unknown"]}))
    assert "First find out the facts" in unknown
    assert "Missing facts that stand between you and a green result:" in unknown


def test_best_reachable_amber_names_the_remaining_reasons(
        monkeypatch: pytest.MonkeyPatch) -> None:
    banned = "you paid your own travel, lodging and meals and took nothing of value"
    monkeypatch.setattr(Substitution, "allowed", lambda self, raw: self.label != banned)
    text = outcome_text(outcome(RED_ANSWERS))
    assert ("The best reachable result is AMBER. Change your plan so that all of these are "
            "true:") in text
    assert "-> result AMBER; these reasons would remain: R73 IMM-REMUNERATION" in " ".join(
        text.split())


def test_json_has_the_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = answers_file(tmp_path, RED_ANSWERS)
    assert main(["assess", "--json", str(path), "--as-of", "2026-11-28"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["colour"] == "RED"
    plan = result["plan"]
    assert plan["colour"] == "GREEN" and plan["remaining"] == []
    assert [s["rule"] for s in plan["steps"]] == ["R12", "R31", "R73", "R87"]
    assert plan["steps"][0]["label"] == "you refused the foreign payment and paid your own way"
    assert plan["changes"] == {
        "B11": 7, "B9": "incidental_to_holiday_or_family_visit", "C1": ["none"], "D1": ["self"],
        "D3": 1000, "D5": None, "E1": ["self_paid"], "E3": None}
    green = answers_file(tmp_path, GREEN_SEED)
    assert main(["assess", "--json", str(green), "--as-of", "2026-11-28"]) == 0
    assert json.loads(capsys.readouterr().out)["plan"] is None


def test_report_html_has_the_plan_near_the_top() -> None:
    page = assessment_report_html(outcome(RED_ANSWERS), "Jo", AS_OF)
    plan_at = page.index("<h2>What to do next</h2>")
    assert page.index("Overall result: RED") < plan_at < page.index("<h2>Result by area</h2>")
    assert "Change your plan so that all of these are true:" in page
    for index, step in enumerate(STEPS, 1):
        assert f"<b>{index}.</b> {step}" in page
    assert "Then the overall result would be" in page[plan_at:]
    assert "If you refused the foreign payment and paid your own way instead" in page
    green = assessment_report_html(outcome(GREEN_SEED), "Jo", AS_OF)
    assert "Change your plan" not in green and "Nothing needs to change" in green


def test_pdf_has_the_plan(qapp: object, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    path, out = answers_file(tmp_path, RED_ANSWERS), tmp_path / "jo.pdf"
    assert main(["assess", str(path), "--as-of", "2026-11-28", "--pdf", str(out)]) == 0
    capsys.readouterr()
    text = squash(pdf_text(out))
    assert squash("What to do next") in text and squash(f"1. {STEPS[0]}") in text
