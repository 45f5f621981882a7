"""rules.facts.derive_facts for the speed path: the same Facts, with the repeated parts remembered.

Multi-select answers are canonical tuples (rules.fast.validation): each becomes its frozenset
once, and the travel limit is looked up once per date and committee. tests/rules/
test_fast_paths.py proves the facts equal to derive_facts on every case and on random answers.
"""

from datetime import date
from operator import itemgetter
from typing import Any

from rules.applicability import Column
from rules.branching import transport_limit
from rules.facts import (
    US_PERSON_STATUSES,
    Facts,
    Status,
    no_general_work_auth,
    support_paid_anyway,
    trip_made_anyway_on_own_time,
)
from rules.questions import QUESTIONS, Kind

_EMPTY: frozenset[str] = frozenset()
# Every answer in question order: one look-up per answer for a row, after which the speed path
# picks answers from this tuple by position (far cheaper than a dict look-up each).
ANSWERS = itemgetter(*(q.id for q in QUESTIONS))
POSITION = {q.id: i for i, q in enumerate(QUESTIONS)}
_MULTI_POSITIONS = tuple(i for i, q in enumerate(QUESTIONS) if q.kind is Kind.MULTI)
_limits: dict[tuple[date, Column], int] = {}
FROZEN_LIMIT = 4096


class _Frozen(dict[tuple[str, ...] | None, frozenset[str]]):
    """The frozenset of each multi-select answer (empty when blank), made once per answer."""

    def __missing__(self, codes: tuple[str, ...] | None) -> frozenset[str]:
        """Make and remember the set of an answer not seen yet."""
        found = frozenset(codes) if codes else _EMPTY
        if len(self) >= FROZEN_LIMIT:
            self.clear()
        self[codes] = found
        return found


_frozen = _Frozen()
frozen = _frozen.__getitem__


def limit_of(as_of: date, column: Column) -> int:
    """rules.branching.transport_limit, remembered per date and committee."""
    key = (as_of, column)
    found = _limits.get(key)
    if found is None:
        if len(_limits) >= 256:
            _limits.clear()
        found = _limits[key] = transport_limit(as_of, column)
    return found


def fast_facts(values: dict[str, Any], as_of: date, status: Status, column: Column,
               anyway: tuple[bool, bool] | None = None,
               answers: tuple[Any, ...] | None = None) -> Facts:
    """derive_facts(answers, as_of) for the answers' values, their status and committee
    (`anyway`: trip_made_anyway_on_own_time and support_paid_anyway, if already known;
    `answers`: ANSWERS(values), if already taken)."""
    # The answers in question order, each multi-select one replaced by its set in place (no
    # copy of the answers' dict).
    answered = list(ANSWERS(values) if answers is None else answers)
    for position in _MULTI_POSITIONS:
        answered[position] = frozen(answered[position])
    fn = status not in US_PERSON_STATUSES
    limit = _limits.get((as_of, column))
    if anyway is None:
        anyway = (trip_made_anyway_on_own_time(values), support_paid_anyway(values))
    answered += (status, fn, no_general_work_auth(values["B4"], values["B7"], fn),
                 limit_of(as_of, column) if limit is None else limit, column, *anyway)
    return _new_facts(Facts, answered)


# Facts._make is tuple.__new__ behind a Python-level classmethod: this skips that one call.
_new_facts = tuple.__new__


def clear() -> None:
    """Forget the remembered sets and limits."""
    _frozen.clear()
    _limits.clear()
