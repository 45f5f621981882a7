"""Validation's checks on parsed answers, as plain data: V01 (missing), V02 (contradictions)
and V03 (ranges), without pydantic.

rules.answers turns each `Problem` into its `Issue` model; the desktop app reads them directly
(`quick_problems`) to show its first question page before pydantic is loaded. An `Issue` and a
`Problem` have the same fields: code, question, value, message, allowed, kind, values, limits.
"""

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from rules.codes import STATUS_ONLY_FOR_FOREIGN
from rules.fast.validation import branching_of, fast_parse, surely_consistent
from rules.parameters import check_date, parameter_value
from rules.questions import QUESTIONS, Question
from rules.validity import DAY_FIELDS, EXCLUSIVE, MAX_TRIP_DAYS


class IssueLike(Protocol):
    """What the wording of an issue reads: a `Problem` or a `rules.answers.Issue`."""

    @property
    def code(self) -> str: ...
    @property
    def question(self) -> str: ...
    @property
    def value(self) -> str | None: ...
    @property
    def message(self) -> str: ...
    @property
    def allowed(self) -> tuple[str, ...]: ...
    @property
    def kind(self) -> str: ...
    @property
    def values(self) -> tuple[str, ...]: ...
    @property
    def limits(self) -> tuple[float, ...]: ...


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation problem as plain data (the fields of rules.answers.Issue)."""

    code: str
    question: str
    value: str | None
    message: str
    allowed: tuple[str, ...] = ()
    kind: str = "other"
    values: tuple[str, ...] = ()
    limits: tuple[float, ...] = ()


def shown(value: Any) -> str:
    """A value as it is quoted in a message (at most 60 characters)."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def contradictions(v: Mapping[str, Any], as_of: date,
                   skip: AbstractSet[str] = frozenset()) -> list[Problem]:
    """V02 over parsed values (blank answers absent; `skip`: answers already reported bad)."""
    issues: list[Problem] = []
    b4 = v.get("B4")
    if b4 in STATUS_ONLY_FOR_FOREIGN:
        holders = (("B1", "US citizen"), ("B2", "US national"), ("B3", "green-card holder"))
        for qid, holder in holders:
            if v.get(qid) == "yes":
                issues.append(Problem(
                    code="V02", question="B4", value=b4, kind="contradiction",
                    values=(b4, qid),  # the status, and the question answered "yes"
                    message=f"B4 '{b4}' contradicts {qid}=yes: a {holder} does not hold "
                    "that status; correct one of the two"))
                break
    for qid, exclusive in EXCLUSIVE:
        chosen = v.get(qid) or ()
        if exclusive in chosen and len(chosen) > 1:
            others = ", ".join(code for code in chosen if code != exclusive)
            issues.append(Problem(
                code="V02", question=qid, value=";".join(chosen), kind="contradiction",
                values=(exclusive, *(code for code in chosen if code != exclusive)),
                message=f"{qid}: '{exclusive}' cannot be combined with {others}"))
    d3 = v.get("D3")
    d1_read = "D1" not in skip  # an unreadable D1 is reported as such, not as a contradiction
    if d1_read and isinstance(d3, int | float) and d3 > 0 and "self" not in (v.get("D1") or ()):
        issues.append(Problem(
            code="V02", question="D3", value=shown(d3), kind="contradiction",
            values=(shown(d3), ";".join(v.get("D1") or ())),  # the amount, and D1
            message="D3: you entered transport you pay yourself, but D1 does not include 'self'"))
    trip, volunteering = v.get("B10"), v.get("B11")
    if isinstance(trip, int) and isinstance(volunteering, int) and 0 < trip < volunteering \
            and volunteering <= MAX_TRIP_DAYS:
        issues.append(Problem(
            code="V02", question="B11", value=str(volunteering), kind="contradiction",
            values=(str(volunteering), str(trip)),  # days volunteering, days of the trip
            message=f"B11: {volunteering} days volunteering is more than the {trip}-day trip "
            "(B10)"))
    b5, age = v.get("B5"), v.get("B5_age")
    if b5 is not None and age is not None and age >= 0:
        minor_max = parameter_value("minor_max_age", as_of)
        if (b5 == "yes") != (age <= minor_max):
            issues.append(Problem(
                code="V02", question="B5_age", value=str(age), kind="contradiction",
                values=(str(age), str(b5)), limits=(minor_max,),  # age, B5; oldest minor
                message=f"B5_age {age} contradicts B5={b5} (under 18 means "
                f"{minor_max} or younger)"))
    return issues


def ranges(v: Mapping[str, Any], as_of: date) -> list[Problem]:
    """V03 ranges over parsed values."""
    issues: list[Problem] = []
    d3 = v.get("D3")
    if isinstance(d3, int | float) and d3 < 0:
        issues.append(Problem(code="V03", question="D3", value=shown(d3), kind="out_of_range",
                            limits=(0,), message="D3: the amount cannot be negative"))
    for qid in sorted(DAY_FIELDS):
        days = v.get(qid)
        if isinstance(days, int) and not 1 <= days <= MAX_TRIP_DAYS:
            issues.append(Problem(code="V03", question=qid, value=str(days), kind="out_of_range",
                                limits=(1, MAX_TRIP_DAYS),
                                message=f"{qid} must be a whole number of days from 1 to "
                                f"{MAX_TRIP_DAYS}"))
    age = v.get("B5_age")
    if age is not None:
        max_age = parameter_value("max_plausible_age", as_of)
        if not 0 <= age <= max_age:
            issues.append(Problem(code="V03", question="B5_age", value=str(age),
                                kind="out_of_range", limits=(0, max_age),
                                message=f"B5_age must be between 0 and {max_age}"))
    return issues


def missing(questions: Iterable[Question]) -> list[Problem]:
    """V01 for each question that must still be answered."""
    return [
        Problem(code="V01", question=q.id, value=None, allowed=q.codes, kind="missing",
              message=f"{q.id}: please answer \"{q.text}\"")
        for q in questions
    ]


def check_parsed(full: dict[str, Any], present: AbstractSet[str], when: date,
                 skip: AbstractSet[str] = frozenset()) -> tuple[list[Problem], tuple[str, ...]]:
    """V02, V03 ranges, the branching and V01 on parsed answers: (problems, dropped answers).

    `full` holds every field (None when blank) and loses the dropped answers; `present` names
    the non-blank ones, `skip` fields already reported as bad (no "please answer" for them).
    """
    problems: list[Problem] = []
    if not surely_consistent(full, when):
        problems = contradictions(full, when, skip) + ranges(full, when)
    branch = branching_of(full, when)
    asked, required = branch.asked, branch.required
    dropped: tuple[str, ...] = ()
    if not present <= asked:
        dropped = tuple(qid for qid in branch.unasked() if full[qid] is not None)
        present = {qid for qid in present if qid not in dropped}
        full.update(dict.fromkeys(dropped))
        required = branching_of(full, when).required
    if not present >= required:
        problems += missing([q for q in QUESTIONS
                             if q.id in required and full[q.id] is None and q.id not in skip])
    return problems, dropped


def quick_problems(raw: Mapping[str, Any], as_of: date | None = None
                   ) -> tuple[Problem, ...] | None:
    """The issues rules.validate_answers finds, as Problems, when every answer already has its
    exact type (what the wizard's widgets give); None when the pydantic model must parse them."""
    when = as_of or date.today()
    check_date(when)
    full = fast_parse(raw)
    if full is None:
        return None
    return tuple(check_parsed(full, raw.keys(), when)[0])
