"""validate_answers for many rows at once (organiser mode): the same Validations, by column."""

# A row takes the batch route when validate_answers would take its speed path and find nothing
# wrong: fast_parse reads it (every value already of its final type), surely_consistent finds
# nothing to check, and every required question is answered. fast_parse and surely_consistent
# stay per row (done column by column they cost more: docs/performance.md, "Batch
# validation"); the branch, the dropped answers, V01 and the models are found per column with
# map, zip and set operations (C), the branch once per distinct key. A row that fails any
# check goes through validate_answers alone, so the result is the per-row one for every input;
# tests/rules/test_batch_paths.py proves each shortcut.

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from datetime import date
from itertools import compress, count, repeat
from operator import add, attrgetter, ge, is_, is_not, itemgetter, le, not_
from typing import Any

from rules.answers import _VALIDATION_SET, Answers, Validation, validate_answers
from rules.codes import EMPLOYER_INVOLVED
from rules.fast.collector import collector_paused
from rules.fast.validation import (
    _A1_KIND,
    _B4_KIND,
    BLANK,
    Branch,
    _branches,
    _d1_kind,
    _d1_kinds,
    _e_kind,
    _e_kinds,
    _reimbursement_thresholds,
    _slot_setters,
    branching_of,
    fast_parse,
    surely_consistent,
)

Row = dict[str, Any]
Column = Sequence[Any]

# Runs an iterator for its effects (dict.update, slot setters through map) without a Python loop.
_exhaust: Callable[[Iterable[Any]], None] = deque(maxlen=0).extend
# What the branching reads (rules.fast.validation.branching_of): an answer dropped from one of
# these can change the branch, so such rows go through validate_answers.
BRANCH_INPUTS = frozenset({"A1", "B1", "B2", "B3", "B4", "C2", "D1", "D3", "E1", "E2"})
# The single-choice answers the branching reads: branching_of's key starts with what it reads
# of them (_head), remembered per combination.
HEAD_FIELDS = ("B1", "B2", "B3", "B4", "A1", "C2")
HEAD_LIMIT = 4096  # combinations remembered; cleared when full
_heads: dict[tuple[Any, ...], tuple[Any, ...]] = {}
_BRANCH_GETTERS = tuple((qid, itemgetter(qid)) for qid in sorted(BRANCH_INPUTS))
_asked = attrgetter("asked")
_required = attrgetter("required")
_contains = attrgetter("__contains__")
_VALIDATION_FIELDS = set(_VALIDATION_SET)  # copied for each Validation, as construct does


def validate_many(raws: Sequence[Mapping[str, Any]], when: date) -> list[Validation]:
    """validate_answers(raw, when) for each raw answers, in order."""
    rows: list[Any] = list(raws)
    with collector_paused():
        found, bad = _columnar(rows, when)
    if not bad:
        return found
    return [validate_answers(raw, when) if row in bad else found[row]
            for row, raw in enumerate(rows)]


def _columnar(rows: list[Any], when: date) -> tuple[list[Validation], set[int]]:
    """The Validation of each row, and the rows that need validate_answers instead (their
    entries in the list are placeholders)."""
    if not rows:
        return [], set()
    bad: set[int] = set()
    # Plain dicts only: another mapping could answer keys() and iteration differently.
    if set(map(type, rows)) <= {dict}:
        parsed = list(map(fast_parse, rows))
    else:
        parsed = [fast_parse(row) if row.__class__ is dict else None for row in rows]
    if parsed.count(None):  # rows fast_parse does not take: blank from here on
        bad.update(_where(map(is_, parsed, repeat(None))))
        rows = [{} if full is None else row for row, full in zip(rows, parsed, strict=True)]
        parsed = [BLANK.copy() if full is None else full for full in parsed]
    fulls: list[Row] = parsed  # type: ignore[assignment]  # no None left
    consistent = list(map(surely_consistent, fulls, repeat(when)))
    if not all(consistent):  # V02 or V03 issues: validate_answers finds them
        bad.update(_where(map(not_, consistent)))
    branches = _branches_of(fulls, when)
    # The keys of each row (its Answers' fields set), as sets: compared with the questions
    # asked and required set to set.
    given = list(map(set, rows))
    dropped = _dropped(given, fulls, branches, bad)
    # V01: a required question unanswered. Dropped answers are never required (not asked).
    if not all(map(ge, given, map(_required, branches))):
        bad.update(_where(map(not_, map(ge, given, map(_required, branches)))))
    return _validations(given, fulls, dropped), bad


def _where(flags: Iterable[Any]) -> Iterable[int]:
    """The positions of the true flags."""
    return compress(count(), flags)


def columns_of(fulls: list[Row]) -> dict[str, Column]:
    """The answers the branching reads, column by column. (Zipping the dicts' values would
    make two objects a row, a view and its iterator, for the garbage collector to count.)"""
    return {qid: list(map(getter, fulls)) for qid, getter in _BRANCH_GETTERS}


def branch_keys(columns: Mapping[str, Column], when: date) -> list[tuple[Any, ...]]:
    """Each row's key of rules.fast.validation.branching_of, built column by column: what it
    reads of B1-B4, A1 and C2 once per distinct combination, D1 and (E1, E2) through its memos,
    whether D3 is over the limit only for rows that give an amount."""
    def heads() -> Iterable[tuple[Any, ...]]:
        return zip(*map(columns.__getitem__, HEAD_FIELDS), strict=True)

    d1, e1, e2 = columns["D1"], columns["E1"], columns["E2"]
    head_kinds = _filled(list(map(_heads.get, heads())), heads, _head)
    d1_kinds = _filled(list(map(_d1_kinds.get, d1)), lambda: d1, _d1_kind)
    e_kinds = _filled(list(map(_e_kinds.get, zip(e1, e2, strict=True))),
                      lambda: zip(e1, e2, strict=True), _e_pair)
    return list(map(add, head_kinds, zip(d1_kinds, _over(columns, when), e_kinds, strict=True)))


def _filled(found: list[Any], keys: Callable[[], Iterable[Hashable]],
            read: Callable[[Any], Any]) -> list[Any]:
    """Values looked up in a memo (`found`, None where it missed), the misses read once per
    distinct key (`keys` makes each row's key, again when needed)."""
    if not found.count(None):
        return found
    unknown = set(compress(keys(), map(is_, found, repeat(None))))
    table = dict(zip(unknown, map(read, unknown), strict=True))
    return list(map(table.get, keys(), found))


def _head(answers: tuple[Any, ...]) -> tuple[Any, ...]:
    """What branching_of reads of B1, B2, B3, B4, A1 and C2 (the start of its key),
    remembered."""
    b1, b2, b3, b4, a1, c2 = answers
    found = (b1 == "yes", b2 == "yes", b3 == "yes", _B4_KIND.get(b4), _A1_KIND.get(a1),
             c2 in EMPLOYER_INVOLVED)
    if len(_heads) >= HEAD_LIMIT:
        _heads.clear()
    _heads[answers] = found
    return found


def _e_pair(pair: tuple[Any, Any]) -> tuple[bool, bool]:
    """rules.fast.validation._e_kind of (E1, E2)."""
    return _e_kind(*pair)


def _over(columns: Mapping[str, Column], when: date) -> list[bool]:
    """Whether each row's D3 is over its committee's reimbursement threshold (branching_of);
    only the rows that give D3 are looked at."""
    d3, a1 = columns["D3"], columns["A1"]
    over = [False] * len(d3)
    if d3.count(None) == len(d3):
        return over
    thresholds = _reimbursement_thresholds(when)
    for row in compress(range(len(d3)), map(is_not, d3, repeat(None))):
        amount = d3[row]
        threshold = thresholds.get(a1[row])
        over[row] = (amount.__class__ is int or amount.__class__ is float) \
            and threshold is not None and amount > threshold
    return over


def _branches_of(fulls: list[Row], when: date) -> list[Branch]:
    """Each row's Branch: one look-up per distinct key in branching_of's memo; a branch not
    remembered yet is found by branching_of from a row that has its key."""
    keys = branch_keys(columns_of(fulls), when)
    distinct = set(keys)
    known = dict(zip(distinct, map(_branches.get, distinct), strict=True))
    table = {key: branch for key, branch in known.items() if branch is not None}
    if len(table) < len(distinct):
        row_of = dict(zip(keys, range(len(keys)), strict=True))
        for key in distinct.difference(table):
            table[key] = branching_of(fulls[row_of[key]], when)
    return list(map(table.__getitem__, keys))


def _dropped(given: list[set[str]], fulls: list[Row], branches: list[Branch], bad: set[int]
             ) -> list[tuple[str, ...]]:
    """The answers each row's branch does not ask (`given`: each row's keys; dropped answers
    are blank in `fulls` from here on), in question order. A row that drops an answer the
    branching reads is bad (its branch would change: validate_answers finds it again)."""
    rows = len(given)
    outside = list(map(not_, map(le, given, map(_asked, branches))))
    if not any(outside):
        return [()] * rows
    which = list(compress(range(rows), outside))
    leaving = list(map(branches.__getitem__, which))
    unasked = {branch: branch.unasked() for branch in set(leaving)}
    gone = list(map(tuple, map(filter, map(_contains, map(given.__getitem__, which)),
                               map(unasked.__getitem__, leaving))))
    _exhaust(map(dict.update, map(fulls.__getitem__, which), map(dict.fromkeys, gone)))
    if not all(map(BRANCH_INPUTS.isdisjoint, gone)):
        bad.update(compress(which, map(not_, map(BRANCH_INPUTS.isdisjoint, gone))))
    dropped: list[tuple[str, ...]] = [()] * rows
    _exhaust(map(dropped.__setitem__, which, gone))
    return dropped


def _validations(given: list[set[str]], fulls: list[Row], dropped: list[tuple[str, ...]]
                 ) -> list[Validation]:
    """Validation(answers=Answers(full), dropped=...) of each row (`given`: its fields set),
    built as rules.fast.validation.construct builds them, one slot at a time over the batch."""
    rows = len(given)
    set_dict, set_fields_set, set_extra, set_private = _slot_setters()
    answers = list(map(object.__new__, repeat(Answers, rows)))
    _exhaust(map(set_dict, answers, fulls))
    _exhaust(map(set_fields_set, answers, given))
    _exhaust(map(set_extra, answers, repeat(None)))
    _exhaust(map(set_private, answers, repeat(None)))
    values = [{"answers": each, "issues": (), "dropped": gone}
              for each, gone in zip(answers, dropped, strict=True)]
    validations = list(map(object.__new__, repeat(Validation, rows)))
    _exhaust(map(set_dict, validations, values))
    _exhaust(map(set_fields_set, validations, map(set.copy, repeat(_VALIDATION_FIELDS, rows))))
    _exhaust(map(set_extra, validations, repeat(None)))
    _exhaust(map(set_private, validations, repeat(None)))
    return validations
