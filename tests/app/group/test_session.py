"""The group session without widgets (app/group/session.py): defaults and their backup, opening
a project, re-assessing and editing a person, and the checks before writing a file."""

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from app.answers_file import AnswersFileError
from app.group.members import MemberResult
from app.group.project import open_project
from app.group.session import (
    GroupSession,
    counts_text,
    defaults_text,
    detail_note,
    detail_title,
    own_answers,
)
from tests.app.group.conftest import AS_OF, Run
from tests.app.group.people import PARTY_PAID, SEED, US_LOCAL, row_of, write_csv

FEDERAL = {"A1": "federal_candidate"}


@pytest.fixture
def team(tmp_path: Path) -> Path:
    rows = [row_of(PARTY_PAID, "Ann Able", "ann@example.org"), row_of(SEED, "Bob Best"),
            row_of({**US_LOCAL, "B1": "maybe"}, "Cy Bad")]
    return write_csv(tmp_path / "team.csv", rows)


@pytest.fixture
def session_and_results(team: Path, run: Run) -> tuple[GroupSession, list[MemberResult]]:
    session = GroupSession(as_of=AS_OF)
    session.imported([team])
    results, _ = run([team])
    session.add(results)
    return session, results


def test_counts_and_their_words(session_and_results: tuple[GroupSession, list[MemberResult]]
                                ) -> None:
    session, results = session_and_results
    assert (session.counts.red, session.counts.amber, session.counts.invalid) == (1, 1, 1)
    assert counts_text(session.counts) == "3 people.  Group result: RED"
    assert session.recount(results[1:]).total == 2
    assert counts_text(GroupSession().counts) == "0 people.  Group result: \u2014"


def test_defaults_in_words() -> None:
    assert defaults_text({}) == "No group defaults"
    assert defaults_text({"A1": "party_committee", "D1": ["campaign", "self"]}) == \
        "Group defaults: A1=party_committee, D1=campaign+self"


def test_a_rescreening_backs_up_and_restores(
        session_and_results: tuple[GroupSession, list[MemberResult]]) -> None:
    session, results = session_and_results
    seen = len(session.duplicates)
    members = session.rescreen(results, FEDERAL)
    assert [m.label for m in members] == [r.member.label for r in results]
    assert session.defaults == FEDERAL and session.counts.total == 0
    assert session.backup is not None
    session.duplicates.forget()
    assert session.restore() == results
    assert session.defaults == {} and len(session.duplicates) == seen
    assert session.backup is None and session.restore() is None


def test_opening_a_bad_project_changes_nothing(
        tmp_path: Path, session_and_results: tuple[GroupSession, list[MemberResult]]) -> None:
    session, results = session_and_results
    bad = tmp_path / "bad.vcgroup.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(AnswersFileError):
        session.open(bad, results)
    assert session.backup is None and session.project_path is None
    assert session.counts.total == 3


def test_a_saved_project_opens_with_its_defaults(
        tmp_path: Path, session_and_results: tuple[GroupSession, list[MemberResult]]) -> None:
    session, results = session_and_results
    session.defaults = dict(FEDERAL)
    target = tmp_path / "g.vcgroup.json"
    assert session.saver(target, results)() == f"Group saved to {target}"
    assert open_project(target).defaults == FEDERAL
    other = GroupSession()
    members = other.open(target, [])
    assert len(members) == 3 and other.defaults == FEDERAL and other.as_of == AS_OF
    assert other.project_path == target and other.backup is not None


def test_an_edit_keeps_the_original_and_the_defaults(
        session_and_results: tuple[GroupSession, list[MemberResult]]) -> None:
    session, results = session_and_results
    blank = {k: v for k, v in results[0].member.answers.items() if k != "E1"}
    session.defaults = {"E1": results[0].member.answers["E1"]}
    old = session.screener().screen(replace(results[0].member, answers=blank))
    assert "E1" in old.defaults_used
    answers = {**old.answers, "D1": ["self"], "D3": 700}
    assert "E1" not in own_answers(answers, old, session.defaults)
    new = session.edit(old, answers)
    assert new.member.edited and new.member.original == blank
    assert "E1" in new.defaults_used and "E1" not in new.member.answers
    assert new.colour_word == "AMBER"


def test_the_full_outcome_of_a_person(
        session_and_results: tuple[GroupSession, list[MemberResult]]) -> None:
    session, results = session_and_results
    red = session.outcome_of(results[0])
    assert red.assessment is not None and red.assessment.colour.name == "RED"
    invalid = session.outcome_of(results[2])
    assert invalid.assessment is None and not invalid.validation.ok
    assert any(i.question == "B1" for i in invalid.validation.issues)


def test_the_detail_line(session_and_results: tuple[GroupSession, list[MemberResult]]) -> None:
    _, results = session_and_results
    assert detail_title(results[0]) == "\u200e\u2068Ann Able\u2069 \u2014 RED"
    assert detail_note(results[0]).split(" \u00b7 ") == ["team.csv row 2", "ann@example.org"]


def test_no_export_over_an_imported_file(
        tmp_path: Path, team: Path,
        session_and_results: tuple[GroupSession, list[MemberResult]]) -> None:
    session, results = session_and_results
    assert "team.csv" in session.output_clash(team, "the results file", results)
    target = tmp_path / "out.csv"
    assert session.output_clash(target, "the results file", results) == ""
    assert session.results_writer(target, results)().startswith("Results of 3 people")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 4


def test_a_cleared_session_keeps_its_date(
        session_and_results: tuple[GroupSession, list[MemberResult]]) -> None:
    session, _ = session_and_results
    session.defaults = dict(FEDERAL)
    session.clear()
    assert (session.defaults, session.input_paths, session.counts.total) == ({}, [], 0)
    assert session.as_of == AS_OF and len(session.duplicates) == 0
