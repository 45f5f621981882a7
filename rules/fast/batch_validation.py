"""validate_answers for many rows at once (organiser mode): the same Validations, by column."""

# A row takes the batch route when validate_answers would take its speed path and find nothing
# wrong: fast_parse reads it (every value already of its final type), it is surely consistent,
# and every required question is answered. fast_parse stays per row (read column by column,
# the answers cost as much: docs/performance.md, "Batch validation"); what validate_answers
# then does per row is done here per column, on the distinct values of the batch where it can
# be, with map, zip and set operations (C): the consistency look, the branch, the dropped
# answers, V01, building the models. A row that fails any check goes through validate_answers
# alone, so the result is the per-row one for every input; tests/rules/test_batch_paths.py
# proves each shortcut.

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from datetime import date
from itertools import compress, repeat
from operator import add, attrgetter, ge, is_, is_not, le, not_
from typing import Any

from rules.answers import _VALIDATION_SET, Answers, Validation, validate_answers
from rules.codes import EMPLOYER_INVOLVED
from rules.fast.validation import (
    _A1_KIND,
    _B4_KIND,
    BLANK,
    FIELDS,
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
# Groups of answers that surely_consistent reads together: the full answers are surely
# consistent exactly when the answers of each group alone (the rest blank) are. A group is
# consistent when its first `triggers` answers are blank (the age, the status, the days, the
# amount: what its conditions start from; D1 alone is a group of its own).
CONSISTENCY_GROUPS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("B5_age", "B5"), 1), (("B4", "B1", "B2", "B3"), 1), (("B10", "B11"), 2),
    (("D3", "D1"), 1), (("C1",), 1), (("D1",), 1), (("E1",), 1), (("G",), 1))
VERDICT_LIMIT = 4096  # consistency verdicts remembered per group and date; cleared when full
DATE_LIMIT = 16  # dates whose verdicts are remembered; cleared when full
# The single-choice answers the branching reads: branching_of's key starts with what it reads
# of them (_head), remembered per combination.
HEAD_FIELDS = ("B1", "B2", "B3", "B4", "A1", "C2")
HEAD_LIMIT = 4096  # combinations remembered; cleared when full
_heads: dict[tuple[Any, ...], tuple[Any, ...]] = {}
_verdicts: dict[date, dict[tuple[str, ...], dict[Any, bool]]] = {}
_asked = attrgetter("asked")
_required = attrgetter("required")
_contains = attrgetter("__contains__")
_VALIDATION_FIELDS = set(_VALIDATION_SET)  # copied for each Validation, as construct does


def validate_many(raws: Sequence[Mapping[str, Any]], when: date) -> list[Validation]:
    """validate_answers(raw, when) for each raw answers, in order."""
    rows: list[Any] = list(raws)
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
        parsed = [BLANK.copy() if full is None else full for full in parsed]
        rows = [row if full is not None else {} for row, full in zip(rows, parsed, strict=True)]
    fulls: list[Row] = parsed  # type: ignore[assignment]  # no None left
    # fast_parse fills a copy of BLANK: each dict holds the fields in FIELDS order, so its
    # values, zipped, are the columns.
    columns: dict[str, Column] = dict(zip(FIELDS, zip(*map(dict.values, fulls), strict=True),
                                          strict=True))
    for group, triggers in CONSISTENCY_GROUPS:
        _check_group(group, triggers, columns, when, bad)
    branches = _branches_of(columns, fulls, when)
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
    return compress(range(len(FIELDS) * 2**40), flags)


def _check_group(group: tuple[str, ...], triggers: int, columns: dict[str, Column], when: date,
                 bad: set[int]) -> None:
    """Rows whose answers to one consistency group are not surely consistent are bad (they get
    V02 or V03 issues): checked once per distinct combination, remembered per date."""
    first = columns[group[0]]
    count = len(first)
    if all(columns[qid].count(None) == count for qid in group[:triggers]):
        return

    def keys() -> Iterable[Any]:
        """The group's answers of each row (made again when needed rather than kept)."""
        return first if len(group) == 1 else zip(*(columns[qid] for qid in group), strict=True)

    if len(group) == 1:
        distinct = set(first)
        distinct.discard(None)
    elif triggers == 1:  # only the rows that answer the first question
        distinct = set(compress(keys(), map(is_not, first, repeat(None))))
    else:
        distinct = {key for key in set(keys()) if key[:triggers].count(None) < triggers}
    verdicts = _verdicts_on(when)[group]
    table = dict(zip(distinct, map(verdicts.get, distinct), strict=True))
    new = distinct.difference(verdicts)
    if new:
        found = {key: _group_consistent(group, key, when) for key in new}
        table.update(found)
        if len(verdicts) + len(found) > VERDICT_LIMIT:
            verdicts.clear()
        verdicts.update(found)
    inconsistent = {key for key, consistent in table.items() if not consistent}
    if inconsistent:
        bad.update(_where(map(inconsistent.__contains__, keys())))


def _verdicts_on(when: date) -> dict[tuple[str, ...], dict[Any, bool]]:
    """The remembered verdicts of each consistency group on one date."""
    found = _verdicts.get(when)
    if found is None:
        if len(_verdicts) >= DATE_LIMIT:
            _verdicts.clear()
        found = _verdicts[when] = {group: {} for group, _ in CONSISTENCY_GROUPS}
    return found


def _group_consistent(group: tuple[str, ...], key: Any, when: date) -> bool:
    """surely_consistent of answers that hold only this group's answers (`key`)."""
    full = BLANK.copy()
    full.update(zip(group, (key,) if len(group) == 1 else key, strict=True))
    return surely_consistent(full, when)


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


def _branches_of(columns: Mapping[str, Column], fulls: list[Row], when: date) -> list[Branch]:
    """Each row's Branch: one look-up per distinct key in branching_of's memo; a branch not
    remembered yet is found by branching_of from a row that has its key."""
    keys = branch_keys(columns, when)
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
    count = len(given)
    outside = list(map(not_, map(le, given, map(_asked, branches))))
    if not any(outside):
        return [()] * count
    which = list(compress(range(count), outside))
    leaving = list(map(branches.__getitem__, which))
    unasked = {branch: branch.unasked() for branch in set(leaving)}
    gone = list(map(tuple, map(filter, map(_contains, map(given.__getitem__, which)),
                               map(unasked.__getitem__, leaving))))
    _exhaust(map(dict.update, map(fulls.__getitem__, which), map(dict.fromkeys, gone)))
    if not all(map(BRANCH_INPUTS.isdisjoint, gone)):
        bad.update(compress(which, map(not_, map(BRANCH_INPUTS.isdisjoint, gone))))
    dropped: list[tuple[str, ...]] = [()] * count
    _exhaust(map(dropped.__setitem__, which, gone))
    return dropped


def _validations(given: list[set[str]], fulls: list[Row], dropped: list[tuple[str, ...]]
                 ) -> list[Validation]:
    """Validation(answers=Answers(full), dropped=...) of each row (`given`: its fields set),
    built as rules.fast.validation.construct builds them, one slot at a time over the batch."""
    count = len(given)
    set_dict, set_fields_set, set_extra, set_private = _slot_setters()
    answers = list(map(object.__new__, repeat(Answers, count)))
    _exhaust(map(set_dict, answers, fulls))
    _exhaust(map(set_fields_set, answers, given))
    _exhaust(map(set_extra, answers, repeat(None)))
    _exhaust(map(set_private, answers, repeat(None)))
    values = [{"answers": each, "issues": (), "dropped": gone}
              for each, gone in zip(answers, dropped, strict=True)]
    validations = list(map(object.__new__, repeat(Validation, count)))
    _exhaust(map(set_dict, validations, values))
    _exhaust(map(set_fields_set, validations, map(set.copy, repeat(_VALIDATION_FIELDS, count))))
    _exhaust(map(set_extra, validations, repeat(None)))
    _exhaust(map(set_private, validations, repeat(None)))
    return validations
