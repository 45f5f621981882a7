"""Validation's speed path: plain-dict parsing, the branching memo and a quick consistency look.

rules.answers.validate_answers uses these when every value already has its exact final type;
anything else goes through the pydantic model. tests/rules/test_fast_paths.py proves the two
routes give the same validation on every case and on random and messy answers.
"""

import math
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from rules import codes
from rules.branching import (
    OPTIONAL,
    asked_questions,
    asks_arrangement,
    column_of_answers,
    names_third_party_payer,
    reimbursement_threshold,
)
from rules.codes import (
    EMPLOYER_INVOLVED,
    SELF_OR_US_COMMITTEE_TRAVEL,
)
from rules.parameters import parameter_value
from rules.questions import QUESTION_BY_ID, QUESTIONS, Kind
from rules.validity import DAY_FIELDS, EXCLUSIVE, MAX_TRIP_DAYS, STATUS_ONLY_FOR_FOREIGN

if TYPE_CHECKING:  # only the bound of M: this module is read before pydantic loads (rules.checks)
    from pydantic import BaseModel

# Organiser mode screens 100,000 rows: validation reads plain dicts without pydantic when
# every value is given and already has its exact final type; anything else goes through the
# pydantic model, which also words the V03 errors. tests/rules/test_fast_paths.py checks that
# the two agree.
FIELDS: tuple[str, ...] = tuple(q.id for q in QUESTIONS)  # the Answers fields, in order
BLANK: dict[str, Any] = dict.fromkeys(FIELDS)
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
M = TypeVar("M", bound="BaseModel")


# The four attributes pydantic sets on a model, set through their slot descriptors directly
# (about half the cost of object.__setattr__, which looks each one up). Found on the first
# model built, so that this module loads before pydantic does (rules.checks, start-up).
Setter = Any
_setters: tuple[Setter, Setter, Setter, Setter] | None = None
_new = object.__new__


def _slot_setters() -> tuple[Setter, Setter, Setter, Setter]:
    """The __set__ of BaseModel's four slots (loads pydantic on first use)."""
    global _setters
    if _setters is None:
        from pydantic import BaseModel

        slots = BaseModel.__dict__
        _setters = (slots["__dict__"].__set__, slots["__pydantic_fields_set__"].__set__,
                    slots["__pydantic_extra__"].__set__, slots["__pydantic_private__"].__set__)
    return _setters


def construct(cls: type[M], values: dict[str, Any], fields_set: Iterable[str]) -> M:
    """`cls.model_construct` for values that are complete and already valid, minus its per-field
    alias and default handling (the same four attributes pydantic sets)."""
    set_dict, set_fields_set, set_extra, set_private = _setters or _slot_setters()
    model: M = _new(cls)
    set_dict(model, values)
    set_fields_set(model, set(fields_set))
    set_extra(model, None)
    set_private(model, None)
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


def fast_parse(raw: Mapping[str, Any]) -> dict[str, Any] | None:
    """Every field (None when blank) exactly as the Answers model would hold it; None when some
    value is blank or not plainly of its final type (pydantic then parses, coerces or explains)."""
    full = BLANK.copy()
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
_d1_kinds: dict[tuple[str, ...] | None, int] = {}
_branches: dict[Any, "Branch"] = {}


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


def asked_and_required(full: dict[str, Any], when: date) -> tuple[frozenset[str], frozenset[str]]:
    """The questions asked and the required ones, for answers parsed by fast_parse."""
    branch = branching_of(full, when)
    return branch.asked, branch.required


class Branch:
    """The questions asked and the required ones for one branch; the fields not asked (in
    field order) found once, when first needed."""

    __slots__ = ("_unasked", "asked", "required")

    def __init__(self, asked: frozenset[str]) -> None:
        self.asked = asked
        self.required = asked - OPTIONAL
        self._unasked: tuple[str, ...] | None = None

    def unasked(self) -> tuple[str, ...]:
        """The fields not asked, in field order."""
        if self._unasked is None:
            self._unasked = tuple(qid for qid in FIELDS if qid not in self.asked)
        return self._unasked


def branching_of(full: dict[str, Any], when: date) -> Branch:
    """The branch of answers parsed by fast_parse, remembered per combination of what the
    branching reads."""
    d3 = full["D3"]
    kind = d3.__class__
    threshold = _reimbursement_thresholds(when).get(full["A1"])
    over = (kind is int or kind is float) and threshold is not None and d3 > threshold
    key = (full["B1"] == "yes", full["B2"] == "yes", full["B3"] == "yes", _B4_KIND.get(full["B4"]),
           _A1_KIND.get(full["A1"]), full["C2"] in EMPLOYER_INVOLVED, _d1_kind(full["D1"]),
           over, _e_kind(full["E1"], full["E2"]))
    found = _branches.get(key)
    if found is None:
        found = Branch(asked_questions(full, when))
        if len(_branches) >= 10_000:
            _branches.clear()
        _branches[key] = found
    return found


# What the branching reads of B4 and A1 (rules.branching): the kind of status (EAD statuses ask
# B7, visitors B9-B11, remote volunteers skip travel and housing) and of committee (PACs ask
# A1b, ballot measures A3). Anything else is one kind.
_B4_KIND = {code: kind for code, kind in codes.B4_KINDS.items()
            if kind in ("ead", "visitor", "remote")}
_A1_KIND = {"pac_or_super_pac": "pac", "ballot_measure": "ballot"}
_thresholds: dict[date, dict[Any, int | None]] = {}


def _reimbursement_thresholds(when: date) -> dict[Any, int | None]:
    """A1 -> rules.branching.reimbursement_threshold: A1 alone decides the committee's column
    for it (every kind of PAC has 0; state races and ballot measures, linked or not, None)."""
    found = _thresholds.get(when)
    if found is None:
        found = {a1: reimbursement_threshold(column_of_answers({"A1": a1}), when)
                 for a1 in (*QUESTION_BY_ID["A1"].codes, None)}
        if len(_thresholds) >= 64:
            _thresholds.clear()
        _thresholds[when] = found
    return found


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


def surely_consistent(full: dict[str, Any], when: date) -> bool:
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


_EXCLUSIVE = EXCLUSIVE


