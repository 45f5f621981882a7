"""Which questions brief (d) asks, given the answers so far (pure; shared by engine and wizard)."""

from collections.abc import Mapping
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
# Asked whatever the other answers are.
ALWAYS_ASKED = frozenset(QUESTION_IDS) - {
    "A1b", "A3", "B2", "B3", "B4", "B7", "B9", "B10", "B11", "C3", "D1", "D2", "D3", "D3b",
    "D4", "D5", "E1", "E2", "E3"}
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


def asks_reimbursement(amount: object, column: Column, as_of: date) -> bool:
    """D3b: for a candidate or party, above the exemption; for a PAC, any self-paid amount
    (there is no exemption, R81); never for state races or ballot measures."""
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        return False
    if column in PACS:
        return amount > 0
    if column in TRAVEL_EXEMPTION_PARAMETER:
        return amount > transport_limit(as_of, column)
    return False


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


def is_asked(qid: str, answers: Mapping[str, Any], as_of: date) -> bool:
    """True when brief (d) asks `qid` given the other answers (unanswered ones count as blank)."""
    match qid:
        case "A1b":
            return answers.get("A1") == "pac_or_super_pac"
        case "A3":
            return answers.get("A1") == "ballot_measure"
        case "B9" | "B10" | "B11":
            return _is_visitor(answers)
        case "D5":
            return not _remote(answers) and names_third_party_payer(
                _codes(answers, "D1"), _codes(answers, "E1"), answers.get("E2"))
        case "E3":
            return not _remote(answers) and asks_arrangement(_codes(answers, "E1"))
        case "B2":
            return answers.get("B1") != "yes"
        case "B3":
            return answers.get("B1") != "yes" and answers.get("B2") != "yes"
        case "B4":
            return not _is_us_person_by_answer(answers)
        case "B7":
            return is_asked("B4", answers, as_of) and answers.get("B4") in EAD_STATUSES
        case "C3":
            return answers.get("C2") in EMPLOYER_INVOLVED
        case "D1" | "E1" | "E2":
            return not _remote(answers)
        case "D2":
            return not _remote(answers) and "crowdfunding" in _codes(answers, "D1")
        case "D3":
            return not _remote(answers) and "self" in _codes(answers, "D1")
        case "D3b":
            return is_asked("D3", answers, as_of) and _asks_reimbursement(answers, as_of)
        case "D4":
            return not _remote(answers) and _codes(answers, "D1") != ("no_travel_needed",)
        case _:
            return True


def asked_questions(answers: Mapping[str, Any], as_of: date) -> frozenset[str]:
    """Every question brief (d) asks given `answers`: `is_asked` for all questions at once.

    The same branching as `is_asked`, written out once for bulk validation (a test checks that
    the two agree on random answers).
    """
    get = answers.get
    b1, b2, b3, b4 = get("B1"), get("B2"), get("B3"), get("B4")
    asked = set(ALWAYS_ASKED)
    a1 = get("A1")
    if a1 == "pac_or_super_pac":
        asked.add("A1b")
    elif a1 == "ballot_measure":
        asked.add("A3")
    if b1 != "yes":
        asked.add("B2")
        if b2 != "yes":
            asked.add("B3")
    us_person = b1 == "yes" or b2 == "yes" or b3 == "yes"
    if not us_person:
        asked.add("B4")
        if b4 in EAD_STATUSES:
            asked.add("B7")
        elif b4 in VISITOR_STATUSES:
            asked.update(("B9", "B10", "B11"))
    if get("C2") in EMPLOYER_INVOLVED:
        asked.add("C3")
    if us_person or b4 != "none_abroad_remote":
        asked.update(("D1", "E1", "E2"))
        d1 = _codes(answers, "D1")
        if "crowdfunding" in d1:
            asked.add("D2")
        if "self" in d1:
            asked.add("D3")
            if _asks_reimbursement(answers, as_of):
                asked.add("D3b")
        if d1 != ("no_travel_needed",):
            asked.add("D4")
        e1 = _codes(answers, "E1")
        if names_third_party_payer(d1, e1, get("E2")):
            asked.add("D5")
        if asks_arrangement(e1):
            asked.add("E3")
    return frozenset(asked)


def is_required(qid: str, answers: Mapping[str, Any], as_of: date) -> bool:
    """True when an asked question must be answered before the rules can run (V01)."""
    return qid not in OPTIONAL and is_asked(qid, answers, as_of)
