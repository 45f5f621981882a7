"""validate_answers for many rows at once (organiser mode): the same Validations, by column."""

# A row takes the batch route when validate_answers would take its speed path (fast_parse) and
# find nothing wrong: every value of its final type, consistent (surely_consistent), every
# required question answered. Each of those is checked per column, on the distinct values of
# the batch where it can be, with map, zip and set operations (C) instead of a Python loop per
# row. A row that fails any check goes through validate_answers alone, so the batch result is
# the per-row one for every input; tests/rules/test_batch_paths.py proves it on each shortcut.

import math
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from datetime import date
from itertools import chain, compress, repeat
from operator import add, and_, attrgetter, ge, is_, is_not, le, not_
from typing import Any

from rules.answers import _VALIDATION_SET, Answers, Validation, validate_answers
from rules.codes import EMPLOYER_INVOLVED
from rules.fast.validation import (
    _A1_KIND,
    _B4_KIND,
    _SEVERAL,
    BLANK,
    FIELDS,
    Branch,
    _branches,
    _d1_kind,
    _d1_kinds,
    _e_kind,
    _e_kinds,
    _reimbursement_thresholds,
    _several,
    _slot_setters,
    branching_of,
    surely_consistent,
)
from rules.questions import QUESTIONS, Kind

Row = dict[str, Any]
Column = Sequence[Any]

# Runs an iterator for its effects (dict.update, slot setters through map) without a Python loop.
_exhaust: Callable[[Iterable[Any]], None] = deque(maxlen=0).extend
# Values that can be of their final type as they are; anything else (None, bool, subclasses,
# sets, dicts...) sends its row to validate_answers before any value is hashed or compared.
PLAIN_TYPES: frozenset[type] = frozenset({str, int, float, list, tuple})
_ALLOWED: dict[str, frozenset[Any]] = {
    q.id: frozenset({*q.codes, None}) for q in QUESTIONS if q.kind is Kind.SINGLE}
MULTI_IDS = tuple(q.id for q in QUESTIONS if q.kind is Kind.MULTI)
_MULTI_CODES = {q.id: q.codes for q in QUESTIONS if q.kind is Kind.MULTI}
# Absent multi-select answers read as () while parsing (tuple() of them works), then None.
_PARSE_BLANK: Row = {**BLANK, **dict.fromkeys(MULTI_IDS, ())}
_WIDTH = len(FIELDS)
_BIG = 2**63  # fast_parse's bound on whole numbers (larger ones go through pydantic)
# A str given for a multi-select answer becomes its characters under tuple(): such a row must
# fail (and go through validate_answers). No code is one character long; if one were, answers
# with one-character elements would all go through validate_answers.
_SHORTEST_CODE = 2
_ONE_CHARACTER_CODES = any(len(code) < _SHORTEST_CODE for codes in _MULTI_CODES.values()
                           for code in codes)
FAIL: Any = object()  # a value fast_parse would not take as it is
MEMO_LIMIT = 4096  # verdicts remembered per consistency group and date; cleared when full
# What the branching reads (rules.fast.validation.branching_of): an answer dropped from one of
# these can change the branch, so such rows go through validate_answers.
BRANCH_INPUTS = frozenset({"A1", "B1", "B2", "B3", "B4", "C2", "D1", "D3", "E1", "E2"})
# Groups of answers that surely_consistent reads together: the full answers are surely
# consistent exactly when the answers of each group alone (the rest blank) are. A group is
# consistent when its first `triggers` answers are blank (the age, the status, the amount: what
# its conditions start from; D1 alone is a group of its own).
CONSISTENCY_GROUPS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("B5_age", "B5"), 1), (("B4", "B1", "B2", "B3"), 1), (("B10", "B11"), 2),
    (("D3", "D1"), 1), (("C1",), 1), (("D1",), 1), (("E1",), 1), (("G",), 1))
_asked = attrgetter("asked")
_required = attrgetter("required")
_contains = attrgetter("__contains__")
_VALIDATION_FIELDS = set(_VALIDATION_SET)  # copied for each Validation, as construct does


def validate_many(raws: Sequence[Mapping[str, Any]], when: date) -> list[Validation]:
    """validate_answers(raw, when) for each raw answers, in order."""
    rows: list[Any] = list(raws)
    plain = _plain_rows(rows)
    if plain is None:
        found, bad = _columnar(rows, when)
        if not bad:
            return found
        return [validate_answers(raw, when) if i in bad else found[i]
                for i, raw in enumerate(rows)]
    batch: list[Row] = list(compress(rows, plain))
    found, bad = _columnar(batch, when)
    results = iter(found)
    indices = iter(range(len(found)))
    out: list[Validation] = []
    for raw, is_plain in zip(rows, plain, strict=True):
        if is_plain:
            one, index = next(results), next(indices)
            out.append(validate_answers(raw, when) if index in bad else one)
        else:
            out.append(validate_answers(raw, when))
    return out


def _plain_rows(rows: list[Any]) -> list[bool] | None:
    """None when every row is a dict whose values are all of PLAIN_TYPES (the common case), else
    which rows are."""
    if set(map(type, rows)) <= {dict}:
        types = set(map(type, chain.from_iterable(map(dict.values, rows))))
        if types <= PLAIN_TYPES:
            return None
    return [row.__class__ is dict and PLAIN_TYPES.issuperset(map(type, row.values()))
            for row in rows]


def _columnar(rows: list[Row], when: date) -> tuple[list[Validation], set[int]]:
    """The Validation of each row (dicts of plain values) and the rows that need
    validate_answers instead (their entries in the list are meaningless)."""
    count = len(rows)
    if not count:
        return [], set()
    bad: set[int] = set()
    fulls = list(map(dict.copy, repeat(_PARSE_BLANK, count)))
    _exhaust(map(dict.update, fulls, rows))
    if max(map(len, fulls)) > _WIDTH:  # a key that is not a question
        bad.update(_where(map(_WIDTH.__lt__, map(len, fulls))))
    # Each full dict holds the fields in FIELDS order (a copy of _PARSE_BLANK, updated in place;
    # other keys come after them): its values, zipped, are the columns.
    columns: dict[str, Column] = dict(zip(FIELDS, zip(*map(dict.values, fulls)), strict=False))
    for qid, allowed in _ALLOWED.items():
        columns[qid] = _single_column(columns[qid], allowed, bad)
    for qid in MULTI_IDS:
        columns[qid] = _multi_column(qid, columns[qid], rows, bad)
    _exhaust(map(dict.update, fulls, map(zip, repeat(MULTI_IDS),
                                         zip(*map(columns.__getitem__, MULTI_IDS)))))
    d3 = _number_column(columns["D3"], _amount, bad)
    if d3 is not columns["D3"]:
        columns["D3"] = d3
        _exhaust(map(dict.__setitem__, fulls, repeat("D3"), d3))
    columns["B5_age"] = _number_column(columns["B5_age"], _age, bad)
    for qid in ("B10", "B11"):
        columns[qid] = _number_column(columns[qid], _days, bad)
    for group, triggers in CONSISTENCY_GROUPS:
        _check_group(group, triggers, columns, when, bad)
    branches = _branches_of(columns, when)
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
    return compress(range(2**62), flags)


def _single_column(column: Column, allowed: frozenset[Any], bad: set[int]) -> Column:
    """A single-choice column; rows with a value that is not one of its codes are bad (and read
    as blank from here on)."""
    try:
        if allowed.issuperset(column):
            return column
    except TypeError:  # a list: unhashable
        pass
    clean = [value if value.__class__ is str and value in allowed else None for value in column]
    bad.update(_where(map(is_not, column, clean)))
    return clean


def _multi_column(qid: str, column: Column, rows: list[Row], bad: set[int]) -> list[Any]:
    """A multi-select column as the Answers model holds it (canonical tuples, None when blank);
    rows whose answer fast_parse would not take, or that give an empty list, are bad."""
    try:
        element_types = set(map(type, chain.from_iterable(column)))
    except TypeError:  # a number given for a list
        element_types = {type(None)}
    if not element_types <= {str}:  # a str subclass could equal a remembered code: read each
        canonical = [_canonical_value(qid, value) for value in column]
        if any(map(is_, canonical, repeat(FAIL))):
            bad.update(_where(map(is_, canonical, repeat(FAIL))))
            canonical = [None if value is FAIL else value for value in canonical]
        _empty_lists(qid, rows, canonical, bad)
        return canonical
    # fast_parse's memo of canonical answers is shared. Usually every answer is remembered:
    # one look-up each, and the blanks are exactly the absent answers (or empty ones given).
    # The tuples are made again when needed rather than kept: each dies at once, so a batch
    # does not keep hundreds of them alive (which costs garbage collections).
    canonical = list(map(_SEVERAL[qid].get, map(tuple, column)))
    blanks = canonical.count(None)
    if not blanks:
        return canonical
    if blanks != column.count(()):
        return _read_new(qid, column, canonical, rows, bad)
    _empty_lists(qid, rows, canonical, bad)
    return canonical


def _read_new(qid: str, column: Column, canonical: list[Any], rows: list[Row], bad: set[int]
              ) -> list[Any]:
    """_multi_column when some answers are not remembered (or fail): each distinct one read
    once by fast_parse's _several (which remembers it; None: empty, or not its codes)."""
    unknown = set(compress(map(tuple, column), map(is_, canonical, repeat(None))))
    if _ONE_CHARACTER_CODES:
        found = dict(zip(unknown, map(_canonical_codes, repeat(qid), unknown), strict=True))
        failed = {key for key, value in found.items() if value is FAIL}
    else:
        found = dict(zip(unknown, map(_several, repeat(qid), unknown), strict=True))
        failed = {key for key, value in found.items() if key and value is None}
    canonical = list(map(found.get, map(tuple, column), canonical))
    if failed:
        bad.update(_where(map(failed.__contains__, map(tuple, column))))
        canonical = [None if value is FAIL else value for value in canonical]
    if () in found:
        _empty_lists(qid, rows, canonical, bad)
    return canonical


def _empty_lists(qid: str, rows: list[Row], canonical: list[Any], bad: set[int]) -> None:
    """Rows that give an empty answer to a multi-select question are bad (validate_answers
    reads it as unanswered)."""
    given = sum(map(dict.__contains__, rows, repeat(qid)))
    if given != len(canonical) - canonical.count(None):
        bad.update(_where(map(and_, map(dict.__contains__, rows, repeat(qid)),
                              map(is_, canonical, repeat(None)))))


def _canonical_value(qid: str, value: Any) -> Any:
    """One multi-select answer as fast_parse reads it, or FAIL (None: absent or empty)."""
    if value.__class__ is not list and value.__class__ is not tuple:
        return FAIL
    codes: tuple[Any, ...] = tuple(value)
    if any(code.__class__ is not str for code in codes):
        return FAIL
    return _canonical_codes(qid, codes)


def _canonical_codes(qid: str, codes: tuple[str, ...]) -> Any:
    """Codes (plain str) in the brief's order, each once, as fast_parse reads them; None for
    none, FAIL for a code the question does not have."""
    if not codes:
        return None
    if _ONE_CHARACTER_CODES and min(map(len, codes)) < _SHORTEST_CODE:
        return FAIL
    found = _several(qid, codes)
    return FAIL if found is None else found


def _number_column(column: Column, read: Callable[[Any], Any], bad: set[int]) -> Column:
    """A number column as fast_parse reads it (`read`: one value, or FAIL); bad rows blank."""
    if column.count(None) == len(column):
        return column
    # Read once per distinct value. Equal values of different types (1 and 1.0) share one
    # entry: `read` gives them equal results (whole floats become ints) for D3; the days and the
    # age take no floats, so a column holding one is read value by value.
    table: dict[Any, Any] | None = None
    if read is _amount or not _has_float(column):
        try:
            distinct = set(column)
        except TypeError:  # a list: unhashable
            pass
        else:
            table = dict(zip(distinct, map(read, distinct), strict=True))
    if table is not None and read is not _amount:
        # Whole numbers and 'unknown' are kept as they are: only failures change the column.
        failed = {value for value, found in table.items() if found is FAIL}
        if not failed:
            return column
        bad.update(_where(map(failed.__contains__, column)))
        return [None if value in failed else value for value in column]
    parsed = list(map(table.__getitem__ if table is not None else read, column))
    if any(map(is_, parsed, repeat(FAIL))):
        bad.update(_where(map(is_, parsed, repeat(FAIL))))
        parsed = [None if value is FAIL else value for value in parsed]
    if all(map(is_, parsed, column)):
        return column
    return parsed


def _has_float(column: Column) -> bool:
    """Whether a column holds a float (which a set of its values may hide behind an equal int)."""
    return float in set(map(type, column))


def _amount(value: Any) -> Any:
    """D3 as fast_parse reads it: finite numbers (whole floats as int) or 'unknown'; else FAIL.
    Floats beyond the whole-number bound fail too, so that a float and the equal int agree."""
    if value is None:
        return None
    if value.__class__ is float:
        if not math.isfinite(value) or not -_BIG < value < _BIG:
            return FAIL
        return int(value) if value.is_integer() else value
    if value.__class__ is int:
        return value if -_BIG < value < _BIG else FAIL
    return value if value.__class__ is str and value == "unknown" else FAIL


def _age(value: Any) -> Any:
    """B5_age as fast_parse reads it: a whole number (int); else FAIL."""
    if value is None or (value.__class__ is int and -_BIG < value < _BIG):
        return value
    return FAIL


def _days(value: Any) -> Any:
    """B10 or B11 as fast_parse reads it: a whole number (int) or 'unknown'; else FAIL."""
    if value.__class__ is str:
        return value if value == "unknown" else FAIL
    return _age(value)


def _check_group(group: tuple[str, ...], triggers: int, columns: dict[str, Column], when: date,
                 bad: set[int]) -> None:
    """Rows whose answers to one consistency group are not surely consistent are bad (they get
    V02 or V03 issues, or need a closer look): checked once per distinct combination."""
    first = columns[group[0]]
    count = len(first)
    if all(columns[qid].count(None) == count for qid in group[:triggers]):
        return

    def keys() -> Iterable[Any]:
        """The group's answers of each row (made again when needed rather than kept)."""
        return first if len(group) == 1 else zip(*(columns[qid] for qid in group))

    if len(group) == 1:
        distinct = set(first)
        distinct.discard(None)
    elif triggers == 1:  # only the rows that answer the first question
        distinct = set(compress(keys(), map(is_not, first, repeat(None))))
    else:
        distinct = {key for key in set(keys()) if key[:triggers].count(None) < triggers}
    verdicts = _consistency_memo(when)[group]
    table = dict(zip(distinct, map(verdicts.get, distinct), strict=True))
    new = distinct.difference(verdicts)
    if new:
        found = {key: _group_consistent(group, key, when) for key in new}
        table.update(found)
        if len(verdicts) + len(found) > MEMO_LIMIT:
            verdicts.clear()
        verdicts.update(found)
    inconsistent = {key for key, consistent in table.items() if not consistent}
    if inconsistent:
        bad.update(_where(map(inconsistent.__contains__, keys())))


_consistent: dict[date, dict[tuple[str, ...], dict[Any, bool]]] = {}
DATE_LIMIT = 16  # dates whose consistency verdicts are remembered; cleared when full


def _consistency_memo(when: date) -> dict[tuple[str, ...], dict[Any, bool]]:
    """The remembered verdicts of each consistency group on one date."""
    found = _consistent.get(when)
    if found is None:
        if len(_consistent) >= DATE_LIMIT:
            _consistent.clear()
        found = _consistent[when] = {group: {} for group, _ in CONSISTENCY_GROUPS}
    return found


def _group_consistent(group: tuple[str, ...], key: Any, when: date) -> bool:
    """surely_consistent of answers that hold only this group's answers (`key`)."""
    full = BLANK.copy()
    full.update(zip(group, (key,) if len(group) == 1 else key, strict=True))
    return surely_consistent(full, when)


def _per_distinct(read: Callable[[Any], Any], keys: Callable[[], Iterable[Hashable]]
                  ) -> list[Any]:
    """read(key) for each key, computed once per distinct key (`keys` makes them, twice)."""
    distinct = set(keys())
    table = dict(zip(distinct, map(read, distinct), strict=True))
    return list(map(table.__getitem__, keys()))


def branch_keys(columns: Mapping[str, Column], when: date) -> list[tuple[Any, ...]]:
    """Each row's key of rules.fast.validation.branching_of, built column by column: what it
    reads of B1-B4, A1 and C2 once per distinct combination, D1 and (E1, E2) through its memos,
    whether D3 is over the limit only for rows that give an amount."""
    def answers() -> Iterable[tuple[Any, ...]]:
        return zip(*map(columns.__getitem__, HEAD_FIELDS))

    heads = _filled(list(map(_heads.get, answers())), answers, _head)
    d1 = columns["D1"]
    d1_kinds = _filled(list(map(_d1_kinds.get, d1)), lambda: d1, _d1_kind)
    e1, e2 = columns["E1"], columns["E2"]
    e_kinds = _filled(list(map(_e_kinds.get, zip(e1, e2))), lambda: zip(e1, e2), _e_pair)
    return list(map(add, heads, zip(d1_kinds, _over(columns, when), e_kinds)))


def _filled(found: list[Any], keys: Callable[[], Iterable[Hashable]],
            read: Callable[[Any], Any]) -> list[Any]:
    """Values looked up in a memo (`found`, None where it missed), the misses read once per
    distinct key (`keys` makes each row's key, again when needed)."""
    if not found.count(None):
        return found
    unknown = set(compress(keys(), map(is_, found, repeat(None))))
    table = dict(zip(unknown, map(read, unknown), strict=True))
    return list(map(table.get, keys(), found))


# The single-choice answers the branching reads (branching_of's key starts with what it reads
# of them: _head).
HEAD_FIELDS = ("B1", "B2", "B3", "B4", "A1", "C2")


_heads: dict[tuple[Any, ...], tuple[Any, ...]] = {}
HEAD_LIMIT = 4096  # combinations remembered; cleared when full


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


def _e_pair(pair: tuple[Any, Any]) -> tuple[bool, bool]:
    """rules.fast.validation._e_kind of (E1, E2)."""
    return _e_kind(*pair)


def _branches_of(columns: dict[str, Column], when: date) -> list[Branch]:
    """Each row's Branch: one look-up per distinct key; a branch not yet remembered is found
    from a row that has its key (the parsed columns, blank where a row is bad)."""
    keys = branch_keys(columns, when)
    distinct = set(keys)
    known = dict(zip(distinct, map(_branches.get, distinct), strict=True))
    table = {key: branch for key, branch in known.items() if branch is not None}
    if len(table) < len(distinct):
        row_of = dict(zip(keys, range(len(keys)), strict=True))
        for key in distinct.difference(table):
            row = row_of[key]
            table[key] = branching_of({qid: columns[qid][row] for qid in FIELDS}, when)
    return list(map(table.__getitem__, keys))


def _dropped(given: list[set[str]], fulls: list[Row], branches: list[Branch], bad: set[int]
             ) -> list[tuple[str, ...]]:
    """The answers each row's branch does not ask (`given`: each row's keys; dropped answers
    are blank in `fulls` from here on), in question order. A row that drops an answer the
    branching reads is bad (its branch changes)."""
    count = len(given)
    outside = list(map(not_, map(le, given, map(_asked, branches))))
    if not any(outside):
        return [()] * count
    which = list(compress(range(count), outside))
    some = list(map(given.__getitem__, which))
    leaving = list(map(branches.__getitem__, which))
    unasked = {branch: branch.unasked() for branch in set(leaving)}
    gone = list(map(tuple, map(filter, map(_contains, some), map(unasked.__getitem__, leaving))))
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
