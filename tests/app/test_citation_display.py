"""What a volunteer sees of the sources: research notes and verification marks never appear in
the assessment text, the JSON, the HTML/PDF report or the group report; sources that are not
authority (UNVERIFIED, REPORTED) read "Reported: ..." and are never links. Only counsel's
catalogue (`volunteer-check rules --markdown`) carries the notes."""

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from app.answers_file import AnswersDocument, write_answers_file
from app.assessing import Outcome, assess_document
from app.assessment_text import outcome_text
from app.cli import main
from app.group.group_pdf import rules_appendix_html
from app.report_html import assessment_report_html, citation_html
from app.rules_catalogue import rules_as_markdown, rules_as_text
from rules import Person
from rules import citations as cit
from rules.citations import Citation
from rules.result import CitationOut
from tests.rules.test_citation_urls import allowed_host
from tests.scenarios import SEED

# A red plan that also cites an UNVERIFIED passage (R14: paid by the campaign) and REPORTED
# complaints and press accounts (R40, R54, R71).
RED: dict[str, Any] = {
    **{k: v for k, v in SEED.items() if k != "D3"},
    "B6": "foreign_party_staff", "C1": ["campaign"], "D1": ["foreign_party"],
    "D4": "foreign_party_or_gov", "F": ["canvass_phone_text", "advise_senior_staff"],
}
SCENARIOS = {"seed": SEED, "red": RED}

NOTES = sorted({c.note for c in vars(cit).values() if isinstance(c, Citation) and c.note})
# Phrases of research notes and verification marks, wherever they come from.
MARKS = ("verified through", "not verified", "not retrieved", "secondary source", "retrieved via",
         "V-sec", "[V]", "UNVERIFIED", "REPORTED", "(verified)", "practitioner source")


def outcome_of(answers: dict[str, Any]) -> Outcome:
    outcome = assess_document(AnswersDocument(answers=answers, person=Person(name="Jane Doe")))
    assert outcome.assessment is not None, outcome.validation.issues
    return outcome


def research_in(text: str) -> list[str]:
    return [s for s in (*NOTES, *MARKS) if s in text]


def test_the_scenarios_cite_what_they_should() -> None:
    red = outcome_of(RED).assessment
    assert red is not None and str(red.colour) == "RED"
    shown = {c.verification for f in red.findings for c in f.citations}
    assert {"V", "V-sec", "UNVERIFIED", "REPORTED"} <= shown
    assert NOTES and len(NOTES) > 20


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_no_research_note_in_the_assessment_text(scenario: str) -> None:
    text = outcome_text(outcome_of(SCENARIOS[scenario]))
    assert "Sources" in text or " <https://" in text
    assert research_in(text) == []


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_no_research_note_in_the_html_report(scenario: str) -> None:
    html = assessment_report_html(outcome_of(SCENARIOS[scenario]), "Jane Doe")
    assert 'class="cit"' in html
    assert research_in(html) == []


def test_no_research_note_in_the_group_report() -> None:
    findings = [f for answers in SCENARIOS.values()
                for f in outcome_of(answers).assessment.findings]
    html = rules_appendix_html(findings, remedies=True)
    assert research_in(html) == []


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_no_research_note_in_the_json(scenario: str, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "jane.json"
    write_answers_file(path, AnswersDocument(SCENARIOS[scenario], Person(name="Jane Doe")))
    assert main(["assess", "--json", str(path), "--as-of", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    result = json.loads(out)
    cited = [c for f in result["findings"] for c in f["citations"]]
    assert cited and all(set(c) == {"label", "url", "verification", "authority"} for c in cited)
    assert [s for s in NOTES if s in out] == []


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_every_printed_link_is_on_an_official_host(scenario: str) -> None:
    outcome = outcome_of(SCENARIOS[scenario])
    links = re.findall(r'href="([^"]+)"', assessment_report_html(outcome, None))
    links += re.findall(r" <(https?://[^>]+)>", outcome_text(outcome))
    assert links
    assert [url for url in links if not allowed_host(unescape(url))] == []


def test_reported_sources_read_reported_and_are_not_links() -> None:
    red = outcome_of(RED).assessment
    assert red is not None
    reported = [c for f in red.findings for c in f.citations if not c.authority]
    assert reported
    text = outcome_text(outcome_of(RED))
    html = assessment_report_html(outcome_of(RED), None)
    for citation in reported:
        assert f"- Reported: {citation.label}" in text
        fragment = citation_html(citation)
        assert "Reported: " in fragment and "<a " not in fragment
        assert fragment in html
    for citation in (c for f in red.findings for c in f.citations if c.authority):
        assert "Reported" not in citation_html(citation)


def test_an_unverified_citation_with_a_url_is_not_a_link() -> None:
    shown = CitationOut.of(cit.R116_5_B)
    fragment = citation_html(shown)
    assert "Reported: 11 CFR 116.5(b)" in fragment and "<a " not in fragment
    assert "href" not in fragment


def test_counsel_catalogue_keeps_the_notes_and_marks() -> None:
    markdown = rules_as_markdown()
    assert "retrieved via" in markdown and "[V-sec]" in markdown and "[REPORTED]" in markdown
    assert "Reported: Complaint to the FEC" in markdown
    plain = rules_as_text()
    assert "retrieved via" not in plain and [s for s in NOTES if s in plain] == []
    assert re.search(r"^    - Reported: ", plain, re.M)
