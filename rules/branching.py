"""Which questions brief (d) asks, given the answers so far (pure; shared by engine and wizard)."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from rules.codes import EAD_STATUSES, EMPLOYER_INVOLVED
from rules.parameters import parameter_value
from rules.questions import QUESTIONS

# Questions that may be left blank even when asked; every other asked question needs an answer.
OPTIONAL = frozenset({"A2", "B5", "B5_age", "E2"})
QUESTION_IDS = tuple(question.id for question in QUESTIONS)
# Asked whatever the other answers are.
ALWAYS_ASKED = frozenset(QUESTION_IDS) - {
    "B2", "B3", "B4", "B7", "C3", "D1", "D2", "D3", "D3b", "D4", "E1", "E2"}


def transport_limit(as_of: date) -> int:
    """The 11 CFR 100.79(a) exemption: $1,000 per candidate per election, for every committee.

    The regulation's $2,000 a year for a party's committees is not relied on: brief R28 has no
    party exception and (e)1 calls foreign volunteers' own travel untested (docs/decisions.md).
    """
    return parameter_value("transport_exemption_per_candidate_election", as_of)


def _is_us_person_by_answer(answers: Mapping[str, Any]) -> bool:
    return "yes" in (answers.get("B1"), answers.get("B2"), answers.get("B3"))


def _remote(answers: Mapping[str, Any]) -> bool:
    return answers.get("B4") == "none_abroad_remote" and not _is_us_person_by_answer(answers)


def _codes(answers: Mapping[str, Any], qid: str) -> tuple[str, ...]:
    value = answers.get(qid)
    return tuple(value) if isinstance(value, list | tuple) else ()


def _amount_over_limit(answers: Mapping[str, Any], as_of: date) -> bool:
    amount = answers.get("D3")
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        return False
    return amount > transport_limit(as_of)


def is_asked(qid: str, answers: Mapping[str, Any], as_of: date) -> bool:
    """True when brief (d) asks `qid` given the other answers (unanswered ones count as blank)."""
    match qid:
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
            return is_asked("D3", answers, as_of) and _amount_over_limit(answers, as_of)
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
    if b1 != "yes":
        asked.add("B2")
        if b2 != "yes":
            asked.add("B3")
    us_person = b1 == "yes" or b2 == "yes" or b3 == "yes"
    if not us_person:
        asked.add("B4")
        if b4 in EAD_STATUSES:
            asked.add("B7")
    if get("C2") in EMPLOYER_INVOLVED:
        asked.add("C3")
    if us_person or b4 != "none_abroad_remote":
        asked.update(("D1", "E1", "E2"))
        d1 = _codes(answers, "D1")
        if "crowdfunding" in d1:
            asked.add("D2")
        if "self" in d1:
            asked.add("D3")
            if _amount_over_limit(answers, as_of):
                asked.add("D3b")
        if d1 != ("no_travel_needed",):
            asked.add("D4")
    return frozenset(asked)


def is_required(qid: str, answers: Mapping[str, Any], as_of: date) -> bool:
    """True when an asked question must be answered before the rules can run (V01)."""
    return qid not in OPTIONAL and is_asked(qid, answers, as_of)
