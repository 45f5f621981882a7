"""Amendment 1 section 12: a remedy never advises a breach of immigration law."""

from collections.abc import Mapping
from typing import Any

from rules.catalogue.immigration import (
    PAYERS,
    US_PAID_MEALS,
    US_PAID_TRAVEL,
    US_PROVIDED_HOUSING,
)
from rules.facts import Facts

WORK_AUTHORISATION_WORDS = "work authorisation"


def _added(before: Mapping[str, Any], after: Mapping[str, Any], qid: str,
           codes: frozenset[str]) -> bool:
    old = set(before.get(qid) or ())
    return any(code in codes and code not in old for code in after.get(qid) or ())


def takes_pay_or_us_benefit(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """The change has the volunteer paid by anyone, or take travel, a reimbursement, lodging or
    meals from a US source, that they did not take before."""
    return (
        _added(before, after, "C1", PAYERS)
        or _added(before, after, "D1", US_PAID_TRAVEL)
        or _added(before, after, "E1", US_PROVIDED_HOUSING)
        or (after.get("D3b") == "yes" and before.get("D3b") != "yes")
        or (after.get("E2") in US_PAID_MEALS and before.get("E2") != after.get("E2"))
    )


def advises_immigration_breach(label: str, before: Mapping[str, Any],
                               after: Mapping[str, Any], facts_after: Facts) -> bool:
    """True for a remedy that would have someone without general US work authorisation (a
    visitor, a student ...) be paid, or take a US benefit for volunteering (R73, R74), unless
    its label says that this needs work authorisation."""
    if not facts_after.no_work_auth or WORK_AUTHORISATION_WORDS in label:
        return False
    return takes_pay_or_us_benefit(before, after)
