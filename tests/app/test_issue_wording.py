"""Validation issues are data (rules.answers.Issue kind, values, limits), and the wizard's
words come from that data, never from rewording the English message (issue 11)."""

from datetime import date
from typing import Any

import pytest

from app.routing import friendly_message, unclear_amounts
from rules import Issue, validate_answers
from tests.scenarios import SEED

AS_OF = date(2026, 11, 28)


def issue_of(changes: dict[str, Any], question: str) -> Issue:
    answers = {**SEED, **changes}
    found = [i for i in validate_answers(answers, AS_OF).issues if i.question == question]
    assert found, validate_answers(answers, AS_OF).issues
    return found[0]


@pytest.mark.parametrize(("changes", "question", "kind", "values", "limits"), [
    ({"B1": None}, "B1", "missing", (), ()),
    ({"B1": "maybe"}, "B1", "not_allowed", ("maybe",), ()),
    ({"D3": "lots"}, "D3", "not_a_number", ("lots",), (0,)),
    ({"D3": -5}, "D3", "out_of_range", (), (0,)),
    ({"C1": ["none", "campaign"]}, "C1", "contradiction", ("none", "campaign"), ()),
    ({"B1": "yes"}, "B4", "contradiction", ("esta_vwp", "B1"), ()),
    ({"XX": 1}, "XX", "not_a_question", (), ()),
])
def test_issues_carry_their_kind_and_values(changes: dict[str, Any], question: str, kind: str,
                                            values: tuple[str, ...],
                                            limits: tuple[float, ...]) -> None:
    issue = issue_of(changes, question)
    assert (issue.kind, issue.values, issue.limits) == (kind, values, limits)


def test_the_dump_keeps_its_keys() -> None:
    """The CLI's JSON "errors" and group projects are unchanged by the structured fields."""
    issue = issue_of({"D3": -5}, "D3")
    assert set(issue.model_dump()) == {"code", "question", "value", "message", "allowed"}
    assert Issue.model_validate(issue.model_dump()).kind == "other"


@pytest.mark.parametrize(("issue", "words"), [
    (Issue(code="V03", question="D3", value="x", message="?", kind="not_a_number"),
     "Please enter a number of US dollars, for example 800, or tick \"I don't know\"."),
    (Issue(code="V03", question="B10", value="0", message="?", kind="out_of_range",
           limits=(1, 30)),
     "Please enter a whole number of days from 1 to 30, or tick \"I don't know\"."),
    (Issue(code="V03", question="B5_age", value="200", message="?", kind="out_of_range",
           limits=(0, 120)), "Please enter a number from 0 to 120."),
    (Issue(code="V02", question="C1", value="?", message="?", kind="contradiction",
           values=("none", "campaign")),
     "\"No one: I am unpaid\" cannot be combined with other answers; untick one of them."),
    (Issue(code="V03", question="B1", value="maybe", message="?", kind="not_allowed",
           values=("maybe",)), "\"maybe\" is not one of the answers offered; choose one."),
])
def test_friendly_words_come_from_the_data_not_the_message(issue: Issue, words: str) -> None:
    assert friendly_message(issue) == words


def test_an_unclear_amount_says_why() -> None:
    issue = unclear_amounts({"D3": "1.200"})[0]
    assert issue.kind == "unclear_amount" and issue.values[0] == "1.200"
    assert "D3" not in friendly_message(issue)


def test_routing_rewords_nothing_with_regular_expressions() -> None:
    import app.routing as routing

    assert "re" not in vars(routing)
