"""Plain, fast facts derived from validated answers: status (R01-R07) and the answer sets."""

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from operator import itemgetter
from typing import Any, NamedTuple

from rules.answers import Answers
from rules.applicability import Column, column_of
from rules.branching import transport_limit
from rules.codes import (
    EAD_STATUSES,
    NO_WORK_AUTH_STATUSES,
    OWN_TIME_ARRANGEMENTS,
    UNDISCLOSED_STATUSES,
)
from rules.questions import QUESTIONS, Kind


class Status(StrEnum):
    """Foreign-national status as derived by R01-R07 (brief (c)2)."""

    US_CITIZEN = "us_citizen"
    US_NATIONAL = "us_national"
    LPR = "lawful_permanent_resident"
    LPR_ABROAD = "lpr_abroad_uncertain"
    FOREIGN_NATIONAL = "foreign_national"
    UNKNOWN = "unknown_treated_as_foreign_national"


def derive_status(a: Answers) -> Status:
    """R01-R07 in the brief's order; unknown is treated as a foreign national."""
    return status_of(a.__dict__)


def _status(b1: object, b2: object, b3: object, b8: object) -> Status:
    if b1 == "yes":
        return Status.US_CITIZEN
    if b2 == "yes":
        return Status.US_NATIONAL
    if b3 == "yes":
        return Status.LPR if b8 == "us" else Status.LPR_ABROAD
    if b1 == "unknown" or b2 == "unknown" or b3 == "unknown":
        return Status.UNKNOWN
    return Status.FOREIGN_NATIONAL


US_PERSON_STATUSES = frozenset({Status.US_CITIZEN, Status.US_NATIONAL, Status.LPR})


def no_general_work_auth(b4: object, b7: object, fn: bool) -> bool:
    """brief b.8 NO_GENERAL_WORK_AUTH; never for US persons or remote volunteers."""
    if not fn or b4 is None:
        return False
    if b4 in NO_WORK_AUTH_STATUSES or b4 in UNDISCLOSED_STATUSES:
        return True
    return b4 in EAD_STATUSES and b7 in ("no", "unknown", None)


class Facts(NamedTuple):
    """What the rule predicates read: plain values and frozensets, no pydantic in the hot loop.

    An immutable named tuple: as cheap to build as a tuple (bulk screening builds many). One
    field per question (its id in lower case; multi-select answers as frozensets), filled from
    the question table by `derive_facts`, then the derived facts.
    """

    a1: str | None
    a1b: str | None
    a3: str | None
    a2: str | None
    b1: str | None
    b2: str | None
    b3: str | None
    b4: str | None
    b5: str | None
    b5_age: int | None
    b6: str | None
    b7: str | None
    b8: str | None
    b9: str | None
    b10: int | str | None
    b11: int | str | None
    c1: frozenset[str]
    c2: str | None
    c3: str | None
    d1: frozenset[str]
    d2: str | None
    d3: float | str | None
    d3b: str | None
    d4: str | None
    e1: frozenset[str]
    e3: str | None
    e2: str | None
    d5: str | None
    f: frozenset[str]
    g: frozenset[str]
    status: Status
    fn: bool
    no_work_auth: bool
    limit: int
    column: Column
    trip_anyway: bool
    support_anyway: bool

    @property
    def d3_amount(self) -> float | None:
        """D3 as a number, or None when blank or unknown."""
        return self.d3 if isinstance(self.d3, int | float) else None

    def over_limit(self) -> bool:
        amount = self.d3_amount
        return amount is not None and amount > self.limit

    def within_limit(self) -> bool:
        amount = self.d3_amount
        return amount is not None and amount <= self.limit


_EMPTY: frozenset[str] = frozenset()
STATUS_SOURCES = ("B1", "B2", "B3", "B8")

# What each fact is derived from: question ids, or the derived "status" / "fn" (themselves
# derived from B1, B2, B3 and B8; the date matters only through `limit`). The engine keys its
# per-area memo on these, so this table must match derive_facts below exactly;
# tests/rules/test_fast_paths.py checks it against random answers.
FACT_SOURCES: dict[str, tuple[str, ...]] = {
    **{q.id.lower(): (q.id,) for q in QUESTIONS},
    "status": ("status",), "fn": ("fn",), "no_work_auth": ("fn", "B4", "B7"),
    # The committee's column (derived from A1, A1b and A3) and the date, which every memo is
    # keyed on anyway.
    "limit": ("column",), "column": ("column",),
    # Amendment 1's two conditions on a trip made anyway, each a yes/no of a few answers.
    "trip_anyway": ("trip_anyway",), "support_anyway": ("support_anyway",),
}
DERIVED_SOURCES = frozenset({"status", "fn", "column", "trip_anyway", "support_anyway"})
COLUMN_SOURCES = ("A1", "A1b", "A3")


def trip_made_anyway_on_own_time(values: Mapping[str, Any]) -> bool:
    """R89 (amendment 1 section 7): the trip, at the same cost, would happen without the
    campaign (D5) and the volunteer campaigns only on their own time, earned or unpaid leave
    (C2): paying for it is not "for the purpose of influencing" an election (100.52(a))."""
    return values["D5"] == "yes_same_trip" and values["C2"] in OWN_TIME_ARRANGEMENTS


def support_paid_anyway(values: Mapping[str, Any]) -> bool:
    """Amendment 1 section 13: ordinary living costs (E2) paid by a foreign government,
    university or scholarship body that continue whether or not the person campaigns (the same
    trip anyway, D5); a foreign party paying anything for the trip (C1, D1) does not count."""
    party_pays = "foreign_party" in (values["C1"] or ()) or "foreign_party" in (values["D1"] or ())
    return (values["E2"] == "foreign_party_gov_org" and values["D5"] == "yes_same_trip"
            and not party_pays)


# Derived facts the speed path computes from the answers for its keys (rules.fast.memo).
DERIVED_FROM_ANSWERS = {
    "trip_anyway": trip_made_anyway_on_own_time,
    "support_anyway": support_paid_anyway,
}


def status_of(values: Mapping[str, Any]) -> Status:
    """R01-R07 from the answers' values (as held by Answers)."""
    return _status(values["B1"], values["B2"], values["B3"], values["B8"])


def _set(codes: tuple[str, ...] | None) -> frozenset[str]:
    return frozenset(codes) if codes else _EMPTY


_MULTI = frozenset(q.id for q in QUESTIONS if q.kind is Kind.MULTI)
_QUESTION_IDS = tuple(q.id for q in QUESTIONS)
_ANSWERS_OF = itemgetter(*_QUESTION_IDS)
_MULTI_POSITIONS = tuple(i for i, qid in enumerate(_QUESTION_IDS) if qid in _MULTI)


def derive_facts(a: Answers, as_of: date, status: Status | None = None) -> Facts:
    """The facts the rules read, for answers that passed validation (`status` if known)."""
    v = a.__dict__
    if status is None:
        status = _status(v["B1"], v["B2"], v["B3"], v["B8"])
    fn = status not in US_PERSON_STATUSES
    column = column_of(v["A1"], v["A1b"], v["A3"])
    answered: list[Any] = list(_ANSWERS_OF(v))
    for index in _MULTI_POSITIONS:
        codes = answered[index]
        answered[index] = frozenset(codes) if codes else _EMPTY
    derived: list[Any] = [status, fn, no_general_work_auth(v["B4"], v["B7"], fn),
                          transport_limit(as_of, column), column,
                          trip_made_anyway_on_own_time(v), support_paid_anyway(v)]
    return Facts._make(answered + derived)
