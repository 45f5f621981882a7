"""The answers model (pydantic v2) and validation V01-V03 as field-level issues."""

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, field_validator

from rules.checks import Problem, check_parsed
from rules.checks import shown as _shown
from rules.fast.validation import BLANK as _BLANK
from rules.fast.validation import construct, fast_parse
from rules.parameters import check_date
from rules.questions import QUESTION_BY_ID, QUESTIONS, Kind, Question
from rules.validity import DAY_FIELDS, MAX_TRIP_DAYS, MULTI_FIELDS

# Every model here is built with defer_build=True: pydantic makes a model's validator when it
# first validates, not at import. Screening valid rows goes through the fast path (rules.checks,
# construct) and never needs them, so the command line's start-up skips building them (and
# pydantic's plugin scan of the installed packages); validating behaves the same, only later.


class Person(BaseModel):
    """Who the answers are about; never affects the result."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True,
                              defer_build=True)

    name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=200)
    reference: str | None = Field(default=None, max_length=200)
    # For the handout only (issue 9): asked once on "Check your answers", never required.
    campaign: str | None = Field(default=None, max_length=200)
    trip_start: date | None = None
    trip_end: date | None = None


def field_type(question: Question) -> Any:
    """The type of one answer, from the question table: its codes, or a number."""
    codes: Any = Literal.__getitem__(question.codes)
    match question.kind:
        case Kind.SINGLE:
            return codes | None
        case Kind.MULTI:
            return tuple[codes, ...] | None
        case Kind.AMOUNT:
            return int | float | Literal["unknown"] | None
        case Kind.DAYS:
            return int | Literal["unknown"] | None
        case Kind.AGE:
            return int | None


NUMBER_FIELDS = tuple(q.id for q in QUESTIONS if q.kind in (Kind.AMOUNT, Kind.AGE, Kind.DAYS))
AMOUNT_FIELDS = tuple(q.id for q in QUESTIONS if q.kind is Kind.AMOUNT)


class AnswersBase(BaseModel):
    """One person's answers, keyed by the brief's question ids; skipped questions are absent.

    The fields are made from the question table (rules.questions): `Answers` below.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False, defer_build=True)

    @field_validator(*MULTI_FIELDS, mode="after", check_fields=False)
    @classmethod
    def _canonical_order(cls, value: tuple[str, ...] | None, info: Any) -> tuple[str, ...] | None:
        """Multi-select answers are stored once each, in the brief's order; empty means blank."""
        if not value:
            return None
        order = QUESTION_BY_ID[info.field_name].codes
        return tuple(code for code in order if code in value)

    @field_validator(*NUMBER_FIELDS, mode="before", check_fields=False)
    @classmethod
    def _numbers_only(cls, value: object, info: Any) -> object:
        """Amounts, days and ages are numbers: not true/false (pydantic would read 1 and 0) and
        not text, which is ambiguous ('1.200') and is parsed by the app (app/amounts.py)."""
        if isinstance(value, bool):
            raise ValueError("a yes/no value is not a number")
        if isinstance(value, float) and value.is_integer() and info.field_name in DAY_FIELDS:
            return int(value)
        if isinstance(value, str) and value != "unknown":
            raise ValueError("text is not a number")
        return value

    @field_validator(*AMOUNT_FIELDS, mode="after", check_fields=False)
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


if TYPE_CHECKING:
    Answers = AnswersBase
else:
    Answers = create_model(
        "Answers", __base__=AnswersBase, __module__=__name__,
        **{q.id: (field_type(q), None) for q in QUESTIONS})


IssueCode = Literal["V01", "V02", "V03"]
# What is wrong, as data (the message says it in English): an interface words it from `kind`,
# `values` and `limits` in any language, without reading the message.
IssueKind = Literal[
    "missing",         # V01: a question the branching asks has no answer
    "not_a_question",  # an answer to a question this ruleset does not have
    "not_allowed",     # values: the code given; allowed: the codes offered
    "not_a_list",      # a several-answers question given something other than a list
    "not_a_number",    # an amount, a number of days or an age that is not a number
    "unclear_amount",  # an amount typed as text that cannot be read with certainty ('1.200')
    "out_of_range",    # limits: the lowest and highest allowed (a missing bound is absent)
    "contradiction",   # V02; values: the answers in conflict (see each case in rules.checks)
    "other",           # anything else (a spreadsheet cell beyond the header): the message only
]


class Issue(BaseModel):
    """One validation problem, tied to the question it concerns."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    code: IssueCode
    question: str
    value: str | None
    message: str
    allowed: tuple[str, ...] = ()
    # Structured, for wording the issue; left out of dumps, so the CLI's JSON and group
    # projects keep their keys (a project's read issues come back as "other").
    kind: IssueKind = Field(default="other", exclude=True)
    values: tuple[str, ...] = Field(default=(), exclude=True)
    limits: tuple[float, ...] = Field(default=(), exclude=True)


class Validation(BaseModel):
    """The outcome of validating raw answers: the clean answers, or the issues that block them."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    answers: Answers | None
    issues: tuple[Issue, ...] = ()
    dropped: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.answers is not None and not self.issues


def _allowed(qid: str) -> tuple[str, ...]:
    question = QUESTION_BY_ID.get(qid)
    return question.codes if question else ()


def _type_issue(error: Mapping[str, Any]) -> Issue:
    loc = error["loc"]
    qid = str(loc[0]) if loc else "?"
    value = _shown(error.get("input"))
    if error["type"] == "extra_forbidden":
        return Issue(code="V03", question=qid, value=value, kind="not_a_question",
                     message=f"{qid} is not a question of this ruleset")
    question = QUESTION_BY_ID.get(qid)
    if question is not None and question.kind is Kind.AMOUNT:
        as_text = isinstance(error.get("input"), str)
        hint = (" written as a number, without quotes (text such as '1.200' is ambiguous)"
                if as_text else " (0 or more)")
        return Issue(code="V03", question=qid, value=value, kind="not_a_number",
                     values=(value,), limits=(0,),
                     message=f"{qid}: {value!r} is not an amount; enter a number of US dollars"
                     f"{hint}, or 'unknown'")
    if question is not None and question.kind is Kind.DAYS:
        return Issue(code="V03", question=qid, value=value, kind="not_a_number",
                     values=(value,), limits=(1, MAX_TRIP_DAYS),
                     message=f"{qid}: {value!r} is not a number of whole days (1 to "
                     f"{MAX_TRIP_DAYS}) or 'unknown'")
    if question is not None and question.kind is Kind.AGE:
        return Issue(code="V03", question=qid, value=value, kind="not_a_number",
                     values=(value,), message=f"{qid}: {value} is not an age in whole years")
    allowed = _allowed(qid)
    if question is not None and question.kind is Kind.MULTI and len(loc) == 1:
        return Issue(code="V03", question=qid, value=value, allowed=allowed, kind="not_a_list",
                     values=(value,), message=f"{qid} takes a list of answer codes, not {value}")
    return Issue(code="V03", question=qid, value=value, allowed=allowed, kind="not_allowed",
                 values=(value,), message=f"{qid}: '{value}' is not an allowed answer; "
                 f"allowed: {', '.join(allowed)}")


# Bulk validation reads plain dicts without pydantic when it can: rules.fast.validation (the
# speed path, proven equal to the pydantic route by tests/rules/test_fast_paths.py).
_VALIDATION_SET = frozenset({"answers", "dropped"})


def validate_answers(raw: Mapping[str, Any], as_of: date | None = None) -> Validation:
    """Validate raw answers: types (V03), contradictions (V02), missing answers (V01).

    Answers to questions the branching skips are dropped and listed in `dropped`.
    """
    when = as_of or date.today()
    check_date(when)
    full = fast_parse(raw)
    if full is None:
        return _validate(raw, when)
    return _checked(full, raw.keys(), raw.keys(), when)


def validate_many(raws: Sequence[Mapping[str, Any]], as_of: date | None = None
                  ) -> list[Validation]:
    """validate_answers for each of many people's raw answers (organiser mode): the same
    Validations, in the same order, found column by column (rules.fast.batch_validation)."""
    when = as_of or date.today()
    check_date(when)
    return _batch.validate_many(raws, when)


def is_blank(value: object) -> bool:
    """An empty or all-space string, or an empty list: 'not answered' (V01), never V03."""
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | tuple) and not value


def without_blanks(raw: Mapping[str, Any]) -> Mapping[str, Any]:
    """The answers without blank ones (a blank cell or an all-space string is unanswered)."""
    if not any(is_blank(value) for value in raw.values()):
        return raw
    return {key: value for key, value in raw.items() if not is_blank(value)}


def _validate(raw: Mapping[str, Any], as_of: date | None = None, *, fast: bool = False
              ) -> Validation:
    """validate_answers through the pydantic model (`fast` tries the plain path first)."""
    when = as_of or date.today()
    check_date(when)
    raw = without_blanks(raw)
    full = fast_parse(raw) if fast else None
    if full is not None:
        return _checked(full, raw.keys(), raw.keys(), when)
    try:
        parsed = Answers.model_validate(dict(raw))
    except ValidationError as error:
        return _with_type_errors(raw, error, when)
    values = {qid: value for qid, value in parsed.__dict__.items() if value is not None}
    return _checked({**_BLANK, **values}, values.keys(), parsed.model_fields_set, when)


def _with_type_errors(raw: Mapping[str, Any], error: ValidationError, when: date) -> Validation:
    """Every issue at once: the bad values (V03), then V01/V02/V03 of the answers without them."""
    errors = error.errors(include_url=False)
    type_issues = tuple(dict.fromkeys(_type_issue(e) for e in errors))
    bad = frozenset(str(e["loc"][0]) for e in errors if e["loc"])
    try:
        rest = Answers.model_validate({k: v for k, v in raw.items() if k not in bad})
    except ValidationError:
        return Validation(answers=None, issues=type_issues)
    values = {qid: value for qid, value in rest.__dict__.items() if value is not None}
    later = _checked({**_BLANK, **values}, values.keys(), rest.model_fields_set, when, skip=bad)
    return Validation(answers=None, issues=type_issues + later.issues, dropped=later.dropped)


def _checked(full: dict[str, Any], present: AbstractSet[str], given: Iterable[str],
             when: date, skip: AbstractSet[str] = frozenset()) -> Validation:
    """V02, V03 ranges, the branching (dropped answers) and V01 on parsed answers
    (rules.checks.check_parsed), as a Validation.

    `full` holds every field (None when blank), `present` the non-blank ones, `given` the fields
    the raw answers named, `skip` fields already reported as bad (no "please answer" for them).
    """
    problems, dropped = check_parsed(full, present, when, skip)
    if problems or skip:
        return Validation(answers=None, issues=tuple(_issue(p) for p in problems),
                          dropped=dropped)
    answers = construct(Answers, full, given)
    return construct(Validation, {"answers": answers, "issues": (), "dropped": dropped},
                      _VALIDATION_SET)


def _issue(problem: Problem) -> Issue:
    """The Issue model of a rules.checks.Problem (the same fields)."""
    return Issue(code=problem.code, question=problem.question, value=problem.value,
                 message=problem.message, allowed=problem.allowed, kind=problem.kind,
                 values=problem.values, limits=problem.limits)


# The batch path builds on the names above; imported last, when they exist.
import rules.fast.batch_validation as _batch  # noqa: E402
