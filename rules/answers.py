"""The answers model (pydantic v2) and validation V01-V03 as field-level issues."""

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from rules import codes as c
from rules.branching import is_asked, is_required
from rules.parameters import check_date, load_parameters
from rules.questions import QUESTION_BY_ID, QUESTIONS, Kind

MULTI_FIELDS = tuple(q.id for q in QUESTIONS if q.kind is Kind.MULTI)
# Exclusive codes: the brief's contradictions "none plus a payer" and friends (V02).
EXCLUSIVE_CODES = {
    "C1": "none",
    "D1": "no_travel_needed",
    "E1": "not_applicable_local",
    "G": "none",
}
# B4 values that cannot be true of a US citizen, US national or green-card holder (V02).
STATUS_ONLY_FOR_FOREIGN = frozenset(c.codes_of(c.B4Code)) - {
    "none_abroad_remote",
    "prefer_not_say",
    "unknown",
}


class Person(BaseModel):
    """Who the answers are about; never affects the result."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=200)
    reference: str | None = Field(default=None, max_length=200)


class Answers(BaseModel):
    """One person's answers, keyed by the brief's question ids; skipped questions are absent."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    A1: c.A1Code | None = None
    A2: c.A2Code | None = None
    B1: c.YesNoUnknown | None = None
    B2: c.YesNoUnknown | None = None
    B3: c.B3Code | None = None
    B4: c.B4Code | None = None
    B5: c.YesNo | None = None
    B5_age: int | None = None
    B6: c.B6Code | None = None
    B7: c.YesNoUnknown | None = None
    B8: c.B8Code | None = None
    C1: tuple[c.C1Code, ...] | None = None
    C2: c.C2Code | None = None
    C3: c.C3Code | None = None
    D1: tuple[c.D1Code, ...] | None = None
    D2: c.D2Code | None = None
    D3: int | float | Literal["unknown"] | None = None
    D3b: c.YesNoUnknown | None = None
    D4: c.D4Code | None = None
    E1: tuple[c.E1Code, ...] | None = None
    E2: c.E2Code | None = None
    F: tuple[c.FCode, ...] | None = None
    G: tuple[c.GCode, ...] | None = None

    @field_validator("C1", "D1", "E1", "F", "G", mode="after")
    @classmethod
    def _canonical_order(cls, value: tuple[str, ...] | None, info: Any) -> tuple[str, ...] | None:
        """Multi-select answers are stored once each, in the brief's order; empty means blank."""
        if not value:
            return None
        order = QUESTION_BY_ID[info.field_name].codes
        return tuple(code for code in order if code in value)

    @field_validator("D3", "B5_age", mode="before")
    @classmethod
    def _no_booleans(cls, value: object) -> object:
        """true/false are not amounts or ages (pydantic would read them as 1 and 0)."""
        if isinstance(value, bool):
            raise ValueError("a yes/no value is not a number")
        return value

    @field_validator("D3", mode="after")
    @classmethod
    def _integral_dollars(cls, value: float | str | None) -> float | str | None:
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    def as_dict(self) -> dict[str, Any]:
        """The answers as plain JSON-ready data, blanks left out."""
        return {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in self.model_dump(exclude_none=True).items()
        }


IssueCode = Literal["V01", "V02", "V03"]


class Issue(BaseModel):
    """One validation problem, tied to the question it concerns."""

    model_config = ConfigDict(frozen=True)

    code: IssueCode
    question: str
    value: str | None
    message: str
    allowed: tuple[str, ...] = ()


class Validation(BaseModel):
    """The outcome of validating raw answers: the clean answers, or the issues that block them."""

    model_config = ConfigDict(frozen=True)

    answers: Answers | None
    issues: tuple[Issue, ...] = ()
    dropped: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.answers is not None and not self.issues


def _allowed(qid: str) -> tuple[str, ...]:
    question = QUESTION_BY_ID.get(qid)
    return question.codes if question else ()


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_issue(error: Mapping[str, Any]) -> Issue:
    loc = error["loc"]
    qid = str(loc[0]) if loc else "?"
    value = _shown(error.get("input"))
    if error["type"] == "extra_forbidden":
        return Issue(code="V03", question=qid, value=value,
                     message=f"{qid} is not a question of this ruleset")
    question = QUESTION_BY_ID.get(qid)
    if question is not None and question.kind is Kind.AMOUNT:
        return Issue(code="V03", question=qid, value=value,
                     message=f"{qid}: {value} is not an amount; enter a number of US dollars "
                     "(0 or more) or 'unknown'")
    if question is not None and question.kind is Kind.AGE:
        return Issue(code="V03", question=qid, value=value,
                     message=f"{qid}: {value} is not an age in whole years")
    allowed = _allowed(qid)
    if question is not None and question.kind is Kind.MULTI and len(loc) == 1:
        return Issue(code="V03", question=qid, value=value, allowed=allowed,
                     message=f"{qid} takes a list of answer codes, not {value}")
    return Issue(code="V03", question=qid, value=value, allowed=allowed,
                 message=f"{qid}: '{value}' is not an allowed answer; "
                 f"allowed: {', '.join(allowed)}")


def _contradictions(a: Answers, as_of: date) -> list[Issue]:
    issues: list[Issue] = []
    if a.B4 in STATUS_ONLY_FOR_FOREIGN:
        holders = (("B1", "US citizen"), ("B2", "US national"), ("B3", "green-card holder"))
        for qid, holder in holders:
            if getattr(a, qid) == "yes":
                issues.append(Issue(
                    code="V02", question="B4", value=a.B4,
                    message=f"B4 '{a.B4}' contradicts {qid}=yes: a {holder} does not hold "
                    "that status; correct one of the two"))
                break
    for qid, exclusive in EXCLUSIVE_CODES.items():
        chosen = getattr(a, qid) or ()
        if exclusive in chosen and len(chosen) > 1:
            others = ", ".join(code for code in chosen if code != exclusive)
            issues.append(Issue(
                code="V02", question=qid, value=";".join(chosen),
                message=f"{qid}: '{exclusive}' cannot be combined with {others}"))
    if isinstance(a.D3, int | float) and a.D3 > 0 and "self" not in (a.D1 or ()):
        issues.append(Issue(
            code="V02", question="D3", value=_shown(a.D3),
            message="D3: you entered transport you pay yourself, but D1 does not include 'self'"))
    minor_max = load_parameters().value("minor_max_age", as_of)
    age_known = a.B5 is not None and a.B5_age is not None and a.B5_age >= 0
    if age_known and (a.B5 == "yes") != ((a.B5_age or 0) <= minor_max):
        issues.append(Issue(
            code="V02", question="B5_age", value=str(a.B5_age),
            message=f"B5_age {a.B5_age} contradicts B5={a.B5} (under 18 means "
            f"{minor_max} or younger)"))
    return issues


def _ranges(a: Answers, as_of: date) -> list[Issue]:
    issues: list[Issue] = []
    if isinstance(a.D3, int | float) and a.D3 < 0:
        issues.append(Issue(code="V03", question="D3", value=_shown(a.D3),
                            message="D3: the amount cannot be negative"))
    max_age = load_parameters().value("max_plausible_age", as_of)
    if a.B5_age is not None and not 0 <= a.B5_age <= max_age:
        issues.append(Issue(code="V03", question="B5_age", value=str(a.B5_age),
                            message=f"B5_age must be between 0 and {max_age}"))
    return issues


def _missing(data: Mapping[str, Any], as_of: date) -> list[Issue]:
    return [
        Issue(code="V01", question=q.id, value=None, allowed=q.codes,
              message=f"{q.id}: please answer \"{q.text}\"")
        for q in QUESTIONS
        if data.get(q.id) is None and is_required(q.id, data, as_of)
    ]


def validate_answers(raw: Mapping[str, Any], as_of: date | None = None) -> Validation:
    """Validate raw answers: types (V03), contradictions (V02), missing answers (V01).

    Answers to questions the branching skips are dropped and listed in `dropped`.
    """
    when = as_of or date.today()
    check_date(when)
    try:
        parsed = Answers.model_validate(dict(raw))
    except ValidationError as error:
        type_issues = dict.fromkeys(_type_issue(e) for e in error.errors(include_url=False))
        return Validation(answers=None, issues=tuple(type_issues))
    issues = _contradictions(parsed, when) + _ranges(parsed, when)
    if issues:
        return Validation(answers=None, issues=tuple(issues))
    data = parsed.model_dump(exclude_none=True)
    dropped = tuple(qid for qid in data if not is_asked(qid, data, when))
    kept = {qid: value for qid, value in data.items() if qid not in dropped}
    missing = _missing(kept, when)
    if missing:
        return Validation(answers=None, issues=tuple(missing), dropped=dropped)
    clean = parsed.model_copy(update=dict.fromkeys(dropped)) if dropped else parsed
    return Validation(answers=clean, dropped=dropped)
