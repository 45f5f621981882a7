"""Validation data shared by the answers model and the speed path: exclusive codes, ranges."""

from rules.codes import STATUS_ONLY_FOR_FOREIGN
from rules.questions import QUESTIONS, Kind

__all__ = ["DAY_FIELDS", "EXCLUSIVE", "EXCLUSIVE_CODES", "MAX_TRIP_DAYS", "MULTI_FIELDS",
           "STATUS_ONLY_FOR_FOREIGN"]

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
# Every (question, code) that cannot be combined with another code of its question: the codes
# above, and G's "I don't know yet" (decision 72: it stands for the whole list).
EXCLUSIVE: tuple[tuple[str, str], ...] = (*EXCLUSIVE_CODES.items(), ("G", "unknown"))
