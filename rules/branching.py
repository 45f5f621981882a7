"""Which questions brief (d) asks, given the answers so far (pure; shared by engine and wizard)."""

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from rules.applicability import PACS, TRAVEL_EXEMPTION_PARAMETER, Column, column_of
from rules.codes import (
    EAD_STATUSES,
    EMPLOYER_INVOLVED,
    SELF_OR_US_COMMITTEE_HOUSING,
    SELF_OR_US_COMMITTEE_MEALS,
    SELF_OR_US_COMMITTEE_TRAVEL,
    VISITOR_STATUSES,
)
from rules.parameters import parameter_value
from rules.questions import QUESTIONS

# Questions that may be left blank even when asked; every other asked question needs an answer.
OPTIONAL = frozenset({"A2", "B5", "B5_age", "E2"})
QUESTION_IDS = tuple(question.id for question in QUESTIONS)
# E1 answers after which "who arranged where you stay" (E3) has nothing to ask.
NO_ARRANGEMENT = (("self_paid",), ("not_applicable_local",))


def transport_limit(as_of: date, column: Column = Column.FEDERAL_CANDIDATE) -> int:
    """The 11 CFR 100.79(a) exemption for the committee's column: $1,000 per candidate per
    election, or $2,000 a calendar year for all committees of one party (amendment 1, R27-R29).

    Columns with no exemption (PACs, state races, ballot measures) get the per-candidate amount
    only as a wording value: the rules that use it are not evaluated there.
    """
    name = TRAVEL_EXEMPTION_PARAMETER.get(
        column, "transport_exemption_per_candidate_election")
    return parameter_value(name, as_of)


def column_of_answers(answers: Mapping[str, Any]) -> Column:
    return column_of(answers.get("A1"), answers.get("A1b"), answers.get("A3"))


def reimbursement_threshold(column: Column, as_of: date) -> int | None:
    """The self-paid amount above which D3b is asked: a candidate's or party's exemption; 0 for
    a PAC (there is no exemption, R81); None (never asked) for state races and ballot
    measures, which 116.5 does not govern."""
    if column in PACS:
        return 0
    if column in TRAVEL_EXEMPTION_PARAMETER:
        return transport_limit(as_of, column)
    return None


def asks_reimbursement(amount: object, column: Column, as_of: date) -> bool:
    """D3b is asked for a self-paid amount above the committee's threshold."""
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        return False
    threshold = reimbursement_threshold(column, as_of)
    return threshold is not None and amount > threshold


def names_third_party_payer(d1: tuple[str, ...], e1: tuple[str, ...], e2: object) -> bool:
    """D5 is asked when travel, lodging or meals involve anyone other than the volunteer or a
    US committee (amendment 1 sections 11 and 13)."""
    return (
        any(code not in SELF_OR_US_COMMITTEE_TRAVEL for code in d1)
        or any(code not in SELF_OR_US_COMMITTEE_HOUSING for code in e1)
        or (e2 is not None and e2 not in SELF_OR_US_COMMITTEE_MEALS)
    )


def asks_arrangement(e1: tuple[str, ...]) -> bool:
    """E3 follows an answered E1 other than 'I pay myself' or 'I live locally'."""
    return bool(e1) and e1 not in NO_ARRANGEMENT


def _is_us_person_by_answer(answers: Mapping[str, Any]) -> bool:
    return "yes" in (answers.get("B1"), answers.get("B2"), answers.get("B3"))


def _remote(answers: Mapping[str, Any]) -> bool:
    return answers.get("B4") == "none_abroad_remote" and not _is_us_person_by_answer(answers)


def _codes(answers: Mapping[str, Any], qid: str) -> tuple[str, ...]:
    value = answers.get(qid)
    return tuple(value) if isinstance(value, list | tuple) else ()


def _asks_reimbursement(answers: Mapping[str, Any], as_of: date) -> bool:
    return asks_reimbursement(answers.get("D3"), column_of_answers(answers), as_of)


def _is_visitor(answers: Mapping[str, Any]) -> bool:
    return answers.get("B4") in VISITOR_STATUSES and not _is_us_person_by_answer(answers)


def _not_remote(answers: Mapping[str, Any]) -> bool:
    return not _remote(answers)


def _asks_d3(answers: Mapping[str, Any]) -> bool:
    return not _remote(answers) and "self" in _codes(answers, "D1")


def _asks_d5(answers: Mapping[str, Any]) -> bool:
    return not _remote(answers) and names_third_party_payer(
        _codes(answers, "D1"), _codes(answers, "E1"), answers.get("E2"))


def _asks_b7(answers: Mapping[str, Any]) -> bool:
    return answers.get("B4") in EAD_STATUSES and not _is_us_person_by_answer(answers)


Condition = Callable[[Mapping[str, Any], date], bool]
# The branching of brief (d), once: when each question that is not always asked is asked, given
# the answers (unanswered ones count as blank) and the date. is_asked reads one entry,
# asked_questions all of them; bulk validation memoizes asked_questions per branch
# (rules.fast.validation.asked_and_required).
ASKED_WHEN: dict[str, Condition] = {
    "A1b": lambda a, _: a.get("A1") == "pac_or_super_pac",
    "A3": lambda a, _: a.get("A1") == "ballot_measure",
    "B2": lambda a, _: a.get("B1") != "yes",
    "B3": lambda a, _: a.get("B1") != "yes" and a.get("B2") != "yes",
    "B4": lambda a, _: not _is_us_person_by_answer(a),
    "B7": lambda a, _: _asks_b7(a),
    "B9": lambda a, _: _is_visitor(a),
    "B10": lambda a, _: _is_visitor(a),
    "B11": lambda a, _: _is_visitor(a),
    "C3": lambda a, _: a.get("C2") in EMPLOYER_INVOLVED,
    "D1": lambda a, _: _not_remote(a),
    "D2": lambda a, _: _not_remote(a) and "crowdfunding" in _codes(a, "D1"),
    "D3": lambda a, _: _asks_d3(a),
    "D3b": lambda a, as_of: _asks_d3(a) and _asks_reimbursement(a, as_of),
    "D4": lambda a, _: _not_remote(a) and _codes(a, "D1") != ("no_travel_needed",),
    "D5": lambda a, _: _asks_d5(a),
    "E1": lambda a, _: _not_remote(a),
    "E2": lambda a, _: _not_remote(a),
    "E3": lambda a, _: _not_remote(a) and asks_arrangement(_codes(a, "E1")),
}
# Asked whatever the other answers are.
ALWAYS_ASKED = frozenset(QUESTION_IDS) - ASKED_WHEN.keys()
_CONDITIONS = tuple(ASKED_WHEN.items())


def is_asked(qid: str, answers: Mapping[str, Any], as_of: date) -> bool:
    """True when brief (d) asks `qid` given the other answers (unanswered ones count as blank)."""
    when = ASKED_WHEN.get(qid)
    return when is None or when(answers, as_of)


def asked_questions(answers: Mapping[str, Any], as_of: date) -> frozenset[str]:
    """Every question brief (d) asks given `answers`: `is_asked` for all questions at once."""
    return ALWAYS_ASKED | {qid for qid, when in _CONDITIONS if when(answers, as_of)}


def is_required(qid: str, answers: Mapping[str, Any], as_of: date) -> bool:
    """True when an asked question must be answered before the rules can run (V01)."""
    return qid not in OPTIONAL and is_asked(qid, answers, as_of)
