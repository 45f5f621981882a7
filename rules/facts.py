"""Plain, fast facts derived from validated answers: status (R01-R07) and the answer sets."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rules.answers import Answers
from rules.branching import transport_limit
from rules.codes import EAD_STATUSES, NO_WORK_AUTH_STATUSES, UNDISCLOSED_STATUSES


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
    if a.B1 == "yes":
        return Status.US_CITIZEN
    if a.B2 == "yes":
        return Status.US_NATIONAL
    if a.B3 == "yes":
        return Status.LPR if a.B8 == "us" else Status.LPR_ABROAD
    if "unknown" in (a.B1, a.B2, a.B3):
        return Status.UNKNOWN
    return Status.FOREIGN_NATIONAL


def _no_general_work_auth(a: Answers, fn: bool) -> bool:
    """brief b.8 NO_GENERAL_WORK_AUTH; never for US persons or remote volunteers."""
    if not fn or a.B4 is None:
        return False
    if a.B4 in NO_WORK_AUTH_STATUSES or a.B4 in UNDISCLOSED_STATUSES:
        return True
    return a.B4 in EAD_STATUSES and a.B7 in ("no", "unknown", None)


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rule predicates read: plain values and frozensets, no pydantic in the hot loop."""

    a1: str | None
    b1: str | None
    b2: str | None
    b3: str | None
    b4: str | None
    b5: str | None
    b6: str | None
    c1: frozenset[str]
    c2: str | None
    c3: str | None
    d1: frozenset[str]
    d2: str | None
    d3: float | str | None
    d3b: str | None
    d4: str | None
    e1: frozenset[str]
    e2: str | None
    f: frozenset[str]
    g: frozenset[str]
    status: Status
    fn: bool
    no_work_auth: bool
    limit: int

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


def derive_facts(a: Answers, as_of: date) -> Facts:
    """The facts the rules read, for answers that passed validation."""
    status = derive_status(a)
    fn = status not in (Status.US_CITIZEN, Status.US_NATIONAL, Status.LPR)
    return Facts(
        a1=a.A1, b1=a.B1, b2=a.B2, b3=a.B3, b4=a.B4, b5=a.B5, b6=a.B6,
        c1=frozenset(a.C1 or ()), c2=a.C2, c3=a.C3,
        d1=frozenset(a.D1 or ()), d2=a.D2, d3=a.D3, d3b=a.D3b, d4=a.D4,
        e1=frozenset(a.E1 or ()), e2=a.E2,
        f=frozenset(a.F or ()), g=frozenset(a.G or ()),
        status=status, fn=fn, no_work_auth=_no_general_work_auth(a, fn),
        limit=transport_limit(a.A1, as_of),
    )
