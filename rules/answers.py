"""The answers model (pydantic v2) and validation V01-V03 as field-level issues."""

import math
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, field_validator

from rules import codes as c
from rules.applicability import Column
from rules.branching import (
    OPTIONAL,
    asked_questions,
    asks_arrangement,
    asks_reimbursement,
    column_of_answers,
    names_third_party_payer,
    transport_limit,
)
from rules.codes import (
    EAD_STATUSES,
    EMPLOYER_INVOLVED,
    SELF_OR_US_COMMITTEE_TRAVEL,
    VISITOR_STATUSES,
)
from rules.parameters import check_date, parameter_value
from rules.questions import QUESTION_BY_ID, QUESTIONS, Kind, Question

MULTI_FIELDS = tuple(q.id for q in QUESTIONS if q.kind is Kind.MULTI)
DAY_FIELDS = frozenset(q.id for q in QUESTIONS if q.kind is Kind.DAYS)
MAX_TRIP_DAYS = 365
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

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

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
        as_text = isinstance(error.get("input"), str)
        hint = (" written as a number, without quotes (text such as '1.200' is ambiguous)"
                if as_text else " (0 or more)")
        return Issue(code="V03", question=qid, value=value,
                     message=f"{qid}: {value!r} is not an amount; enter a number of US dollars"
                     f"{hint}, or 'unknown'")
    if question is not None and question.kind is Kind.DAYS:
        return Issue(code="V03", question=qid, value=value,
                     message=f"{qid}: {value!r} is not a number of whole days (1 to "
                     f"{MAX_TRIP_DAYS}) or 'unknown'")
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


def _contradictions(v: Mapping[str, Any], as_of: date,
                    skip: AbstractSet[str] = frozenset()) -> list[Issue]:
    """V02 over parsed values (blank answers absent; `skip`: answers already reported bad)."""
    issues: list[Issue] = []
    b4 = v.get("B4")
    if b4 in STATUS_ONLY_FOR_FOREIGN:
        holders = (("B1", "US citizen"), ("B2", "US national"), ("B3", "green-card holder"))
        for qid, holder in holders:
            if v.get(qid) == "yes":
                issues.append(Issue(
                    code="V02", question="B4", value=b4,
                    message=f"B4 '{b4}' contradicts {qid}=yes: a {holder} does not hold "
                    "that status; correct one of the two"))
                break
    for qid, exclusive in EXCLUSIVE_CODES.items():
        chosen = v.get(qid) or ()
        if exclusive in chosen and len(chosen) > 1:
            others = ", ".join(code for code in chosen if code != exclusive)
            issues.append(Issue(
                code="V02", question=qid, value=";".join(chosen),
                message=f"{qid}: '{exclusive}' cannot be combined with {others}"))
    d3 = v.get("D3")
    d1_read = "D1" not in skip  # an unreadable D1 is reported as such, not as a contradiction
    if d1_read and isinstance(d3, int | float) and d3 > 0 and "self" not in (v.get("D1") or ()):
        issues.append(Issue(
            code="V02", question="D3", value=_shown(d3),
            message="D3: you entered transport you pay yourself, but D1 does not include 'self'"))
    trip, volunteering = v.get("B10"), v.get("B11")
    if isinstance(trip, int) and isinstance(volunteering, int) and 0 < trip < volunteering \
            and volunteering <= MAX_TRIP_DAYS:
        issues.append(Issue(
            code="V02", question="B11", value=str(volunteering),
            message=f"B11: {volunteering} days volunteering is more than the {trip}-day trip "
            "(B10)"))
    b5, age = v.get("B5"), v.get("B5_age")
    if b5 is not None and age is not None and age >= 0:
        minor_max = parameter_value("minor_max_age", as_of)
        if (b5 == "yes") != (age <= minor_max):
            issues.append(Issue(
                code="V02", question="B5_age", value=str(age),
                message=f"B5_age {age} contradicts B5={b5} (under 18 means "
                f"{minor_max} or younger)"))
    return issues


def _ranges(v: Mapping[str, Any], as_of: date) -> list[Issue]:
    """V03 ranges over parsed values."""
    issues: list[Issue] = []
    d3 = v.get("D3")
    if isinstance(d3, int | float) and d3 < 0:
        issues.append(Issue(code="V03", question="D3", value=_shown(d3),
                            message="D3: the amount cannot be negative"))
    for qid in sorted(DAY_FIELDS):
        days = v.get(qid)
        if isinstance(days, int) and not 1 <= days <= MAX_TRIP_DAYS:
            issues.append(Issue(code="V03", question=qid, value=str(days),
                                message=f"{qid} must be a whole number of days from 1 to "
                                f"{MAX_TRIP_DAYS}"))
    age = v.get("B5_age")
    if age is not None:
        max_age = parameter_value("max_plausible_age", as_of)
        if not 0 <= age <= max_age:
            issues.append(Issue(code="V03", question="B5_age", value=str(age),
                                message=f"B5_age must be between 0 and {max_age}"))
    return issues


def _missing(questions: Iterable[Question]) -> list[Issue]:
    return [
        Issue(code="V01", question=q.id, value=None, allowed=q.codes,
              message=f"{q.id}: please answer \"{q.text}\"")
        for q in questions
    ]


# Bulk validation (organiser mode screens 100,000 rows) reads plain dicts without pydantic when
# every value is given and already has its exact final type; anything else goes through the
# pydantic model, which also words the V03 errors. tests/rules/test_fast_paths.py checks that
# the two agree.
FIELDS: tuple[str, ...] = tuple(Answers.model_fields)
_BLANK: dict[str, Any] = dict.fromkeys(FIELDS)
_KIND: dict[str, Kind] = {q.id: q.kind for q in QUESTIONS}
_SINGLE: dict[str, frozenset[str]] = {
    q.id: frozenset(q.codes) for q in QUESTIONS if q.kind is Kind.SINGLE}
_MULTI = tuple(q for q in QUESTIONS if q.kind is Kind.MULTI)
# A one-code answer maps to one shared tuple; several codes to their canonical tuple (memo).
_ONE: dict[str, dict[str, tuple[str, ...]]] = {
    q.id: {code: (code,) for code in q.codes} for q in _MULTI}
_ORDER: dict[str, dict[str, int]] = {
    q.id: {code: i for i, code in enumerate(q.codes)} for q in _MULTI}
_SEVERAL: dict[str, dict[tuple[Any, ...], tuple[str, ...]]] = {q.id: {} for q in _MULTI}
_BIG = 2**63
_VALIDATION_SET = frozenset({"answers", "dropped"})
M = TypeVar("M", bound=BaseModel)


def _construct(cls: type[M], values: dict[str, Any], fields_set: Iterable[str]) -> M:
    """`cls.model_construct` for values that are complete and already valid, minus its per-field
    alias and default handling (the same four attributes pydantic sets)."""
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", values)
    object.__setattr__(model, "__pydantic_fields_set__", set(fields_set))
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


def _several(qid: str, value: list[Any] | tuple[Any, ...]) -> tuple[str, ...] | None:
    """Several codes in the brief's order, each once; None when one is not a plain code (or
    there are none: pydantic then reads the answer as blank)."""
    memo = _SEVERAL[qid]
    try:
        key = tuple(value)
        found = memo.get(key)
    except TypeError:  # an unhashable element: not a code
        return None
    if found is not None:
        return found
    order = _ORDER[qid]
    positions = set()
    for code in value:
        if code.__class__ is not str or code not in order:
            return None
        positions.add(order[code])
    if not positions:
        return None
    codes = _MULTI_CODES[qid]
    found = tuple([codes[i] for i in sorted(positions)])
    if len(memo) >= 4096:
        memo.clear()
    memo[key] = found
    return found


_MULTI_CODES: dict[str, tuple[str, ...]] = {q.id: q.codes for q in _MULTI}


def _fast_parse(raw: Mapping[str, Any]) -> dict[str, Any] | None:
    """Every field (None when blank) exactly as the Answers model would hold it; None when some
    value is blank or not plainly of its final type (pydantic then parses, coerces or explains)."""
    full = _BLANK.copy()
    single, one = _SINGLE, _ONE
    for qid, value in raw.items():
        allowed = single.get(qid)
        if allowed is not None:
            if value.__class__ is not str or value not in allowed:
                return None
            full[qid] = value
            continue
        ones = one.get(qid)
        if ones is not None:
            kind = value.__class__
            if kind is not list and kind is not tuple:
                return None
            if len(value) == 1:
                code = value[0]
                codes = ones.get(code) if code.__class__ is str else None
            else:
                codes = _several(qid, value)
            if codes is None:
                return None
            full[qid] = codes
            continue
        if qid == "D3":
            kind = value.__class__
            if kind is float:
                if not math.isfinite(value):
                    return None
                if value.is_integer():
                    value = int(value)
            elif kind is int:
                if not -_BIG < value < _BIG:
                    return None
            elif kind is not str or value != "unknown":
                return None
        elif qid == "B5_age" or qid in DAY_FIELDS:
            if value.__class__ is not int or not -_BIG < value < _BIG:
                if qid != "B5_age" and value.__class__ is str and value == "unknown":
                    full[qid] = value
                    continue
                return None
        else:
            return None
        full[qid] = value
    return full


# The branching reads B1-B4, whether C2 involves the employer, what D1 says about crowdfunding,
# self-paid and no travel, and whether D3 is over the limit: the questions asked (and required)
# are remembered per combination of those.
_STATUS_KEY = itemgetter("B1", "B2", "B3", "B4")
_d1_kinds: dict[tuple[str, ...] | None, int] = {}
_branches: dict[Any, tuple[frozenset[str], frozenset[str]]] = {}


def _d1_kind(d1: tuple[str, ...] | None) -> int:
    kind = _d1_kinds.get(d1)
    if kind is None:
        codes = d1 or ()
        kind = (("crowdfunding" in codes) + 2 * ("self" in codes)
                + 4 * (codes == ("no_travel_needed",))
                + 8 * any(code not in SELF_OR_US_COMMITTEE_TRAVEL for code in codes))
        if len(_d1_kinds) >= 4096:
            _d1_kinds.clear()
        _d1_kinds[d1] = kind
    return kind


def _asked_and_required(full: dict[str, Any], when: date) -> tuple[frozenset[str], frozenset[str]]:
    d3 = full["D3"]
    kind = d3.__class__
    threshold = _reimbursement_thresholds(when).get(full["A1"], _NEVER)
    over = (kind is int or kind is float) and threshold is not _NEVER and d3 > threshold
    key = (full["B1"], full["B2"], full["B3"], _B4_KIND.get(full["B4"]),
           _A1_KIND.get(full["A1"]), full["C2"] in EMPLOYER_INVOLVED, _d1_kind(full["D1"]),
           over, _e_kind(full["E1"], full["E2"]))
    found = _branches.get(key)
    if found is None:
        asked = asked_questions(full, when)
        found = (asked, asked - OPTIONAL)
        if len(_branches) >= 10_000:
            _branches.clear()
        _branches[key] = found
    return found


_NEVER = object()
# What the branching reads of B4 and A1 (rules.branching): the kind of status (EAD statuses ask
# B7, visitors B9-B11, remote volunteers skip travel and housing) and of committee (PACs ask
# A1b, ballot measures A3). Anything else is one kind.
_B4_KIND = {**dict.fromkeys(EAD_STATUSES, "ead"), **dict.fromkeys(VISITOR_STATUSES, "visitor"),
            "none_abroad_remote": "remote"}
_A1_KIND = {"pac_or_super_pac": "pac", "ballot_measure": "ballot"}
_thresholds: dict[date, dict[Any, Any]] = {}


def _reimbursement_thresholds(when: date) -> dict[Any, Any]:
    """A1 -> the amount above which D3b is asked (rules.branching.asks_reimbursement): A1 alone
    decides it (every PAC asks above 0; state races and ballot measures never ask)."""
    found = _thresholds.get(when)
    if found is None:
        found = {}
        for a1 in (*QUESTION_BY_ID["A1"].codes, None):
            column = column_of_answers({"A1": a1})
            if asks_reimbursement(0.01, column, when):
                found[a1] = 0
            elif asks_reimbursement(10**12, column, when):
                found[a1] = max(limit for limit in _limits(when)
                                if not asks_reimbursement(limit, column, when))
            else:
                found[a1] = _NEVER
        if len(_thresholds) >= 64:
            _thresholds.clear()
        _thresholds[when] = found
    return found


def _limits(when: date) -> list[int]:
    """Every exemption amount in force (the thresholds D3b can have), lowest first."""
    return sorted({transport_limit(when, column) for column in Column})


_e_kinds: dict[tuple[Any, Any], tuple[bool, bool]] = {}


def _e_kind(e1: tuple[str, ...] | None, e2: object) -> tuple[bool, bool]:
    """What the branching reads of E1 and E2: whether E3 is asked, whether they name a third
    party (D5)."""
    key = (e1, e2)
    kind = _e_kinds.get(key)
    if kind is None:
        codes = e1 or ()
        kind = (asks_arrangement(codes), names_third_party_payer((), codes, e2))
        if len(_e_kinds) >= 4096:
            _e_kinds.clear()
        _e_kinds[key] = kind
    return kind


def _surely_consistent(full: dict[str, Any], when: date) -> bool:
    """A quick look: True only when _contradictions and _ranges certainly find nothing."""
    age = full["B5_age"]
    if age is not None:
        if not 0 <= age <= parameter_value("max_plausible_age", when):
            return False
        b5 = full["B5"]
        if b5 is not None and (b5 == "yes") != (age <= parameter_value("minor_max_age", when)):
            return False
    b4 = full["B4"]
    if b4 is not None and b4 in STATUS_ONLY_FOR_FOREIGN and "yes" in (
            full["B1"], full["B2"], full["B3"]):
        return False
    for qid, exclusive in _EXCLUSIVE:
        chosen = full[qid]
        if chosen is not None and len(chosen) > 1 and exclusive in chosen:
            return False
    trip, volunteering = full["B10"], full["B11"]
    for days in (trip, volunteering):
        if days is not None and days.__class__ is not str and not 1 <= days <= MAX_TRIP_DAYS:
            return False
    if trip is not None and volunteering is not None and trip.__class__ is int \
            and volunteering.__class__ is int and volunteering > trip:
        return False
    d3 = full["D3"]
    if d3 is not None and d3.__class__ is not str:
        d1 = full["D1"]
        if d3 < 0 or (d3 > 0 and (d1 is None or "self" not in d1)):
            return False
    return True


_EXCLUSIVE = tuple(EXCLUSIVE_CODES.items())


def validate_answers(raw: Mapping[str, Any], as_of: date | None = None) -> Validation:
    """Validate raw answers: types (V03), contradictions (V02), missing answers (V01).

    Answers to questions the branching skips are dropped and listed in `dropped`.
    """
    when = as_of or date.today()
    check_date(when)
    full = _fast_parse(raw)
    if full is None:
        return _validate(raw, when)
    return _checked(full, raw.keys(), raw.keys(), when)


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
    full = _fast_parse(raw) if fast else None
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
    """V02, V03 ranges, the branching (dropped answers) and V01 on parsed answers.

    `full` holds every field (None when blank), `present` the non-blank ones, `given` the fields
    the raw answers named, `skip` fields already reported as bad (no "please answer" for them).
    """
    issues: list[Issue] = []
    if not _surely_consistent(full, when):
        issues = _contradictions(full, when, skip) + _ranges(full, when)
    asked, required = _asked_and_required(full, when)
    dropped: tuple[str, ...] = ()
    if not present <= asked:
        dropped = tuple(qid for qid in FIELDS if full[qid] is not None and qid not in asked)
        present = {qid for qid in present if qid not in dropped}
        full.update(dict.fromkeys(dropped))
        asked = asked_questions(full, when)
        required = asked - OPTIONAL
    if not present >= required:
        missing = [q for q in QUESTIONS
                   if q.id in required and full[q.id] is None and q.id not in skip]
        issues += _missing(missing)
    if issues or skip:
        return Validation(answers=None, issues=tuple(issues), dropped=dropped)
    answers = _construct(Answers, full, given)
    return _construct(Validation, {"answers": answers, "issues": (), "dropped": dropped},
                      _VALIDATION_SET)
