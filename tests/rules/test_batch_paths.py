"""Batch screening gives exactly the results of screening one person at a time.

Organiser mode validates and screens people in batches (rules.validate_many, rules.screen_many),
column by column over the batch. Each batch here is compared with validate_answers and screen
called row by row: the same Validations (issues, dropped answers, answers) and Screenings, in
order, cold and warm, on valid, invalid, messy and repetitive rows.
"""

import gc
import random
from datetime import date
from functools import partial
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules import Colour, screen, screen_many, validate_answers, validate_many
from rules.answers import Answers
from rules.engine import (
    AREAS,
    STATUS_CAP_RULE,
    UNCERTAIN_STATUSES,
    Screening,
    missing_questions,
)
from rules.facts import derive_facts
from rules.fast import memo
from rules.fast import missing as fast_missing
from tests.rules.strategies import AS_OF, random_answers, valid_answers
from tests.rules.strategies import typical_answers as typical
from tests.rules.test_fast_paths import messy_answers

SETTINGS = settings(derandomize=True, max_examples=60, deadline=None, database=None)
DATES = [AS_OF, date(1980, 1, 8), date(2031, 5, 1)]


def check_batch(raws: list[Any], as_of: date = AS_OF) -> None:
    """validate_many and screen_many equal validate_answers and screen row by row."""
    one_by_one = [validate_answers(raw, as_of) for raw in raws]
    batch = validate_many(raws, as_of)
    assert len(batch) == len(raws)
    for raw, single, many in zip(raws, one_by_one, batch, strict=True):
        assert many == single, raw
        assert many.issues == single.issues and many.dropped == single.dropped, raw
        if single.answers is not None:
            assert many.answers is not None
            assert many.answers.__dict__ == single.answers.__dict__, raw
            assert many.answers.model_fields_set == single.answers.model_fields_set, raw
    valid = [checked.answers for checked in one_by_one if checked.answers is not None]
    for cold in (True, False):
        if cold:
            memo.clear()
        expected = [screen(answers, as_of) for answers in valid]
        if cold:
            memo.clear()
        assert screen_many(valid, as_of) == expected


@pytest.mark.parametrize("as_of", DATES, ids=str)
@pytest.mark.parametrize("kind", ["uniform", "typical"])
def test_seeded_batches_match_row_by_row(kind: str, as_of: date) -> None:
    rng = random.Random(11)
    make = random_answers if kind == "uniform" else typical
    for size in (0, 1, 2, 7, 300):
        check_batch([make(rng) for _ in range(size)], as_of)


def test_a_batch_of_identical_rows_matches() -> None:
    row = typical(random.Random(3))
    check_batch([dict(row) for _ in range(50)])


@SETTINGS
@given(st.lists(valid_answers(), max_size=12), st.sampled_from(DATES))
def test_random_valid_batches_match(raws: list[dict[str, Any]], as_of: date) -> None:
    check_batch(raws, as_of)


@SETTINGS
@given(st.lists(st.one_of(messy_answers(), valid_answers()), max_size=8))
def test_messy_batches_match(raws: list[dict[Any, Any]]) -> None:
    check_batch(raws)


def test_rows_are_not_changed_by_the_batch() -> None:
    rng = random.Random(5)
    raws = [typical(rng) for _ in range(40)]
    copies = [{key: list(value) if isinstance(value, list) else value
               for key, value in raw.items()} for raw in raws]
    validate_many(raws, AS_OF)
    assert raws == copies


# Each shortcut of rules.fast.batch_validation ------------------------------------------------

# A foreign volunteer's valid answers (a visitor: B9-B11 asked), and a US citizen's.
FOREIGN: dict[str, Any] = {
    "A1": "federal_candidate", "B1": "no", "B2": "no", "B3": "no", "B4": "b1_b2", "B6": "none",
    "B8": "outside_us", "B9": "main_purpose", "B10": 14, "B11": 7, "C1": ["none"],
    "C2": "not_employed", "D1": ["self"], "D3": 500, "D4": "self_or_friends",
    "E1": ["self_paid"], "E2": "self", "F": ["data_entry"], "G": ["none"]}
CITIZEN: dict[str, Any] = {
    "A1": "federal_candidate", "B1": "yes", "B6": "none", "B8": "us", "C1": ["none"],
    "C2": "not_employed", "D1": ["self"], "D3": 500, "D4": "self_or_friends",
    "E1": ["self_paid"], "F": ["data_entry"], "G": ["none"]}


def changed(base: dict[str, Any], **answers: Any) -> dict[str, Any]:
    """`base` with some answers replaced (None: left out)."""
    row = {**base, **answers}
    return {key: value for key, value in row.items() if value is not None}


class CountingFallback:
    """Counts the rows that rules.fast.batch_validation sends to validate_answers."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from rules.fast import batch_validation

        self.rows: list[Any] = []
        original = batch_validation.validate_answers

        def counted(raw: Any, as_of: date | None = None) -> Any:
            self.rows.append(raw)
            return original(raw, as_of)

        monkeypatch.setattr(batch_validation, "validate_answers", counted)


# Rows that take the batch route: valid, and read by fast_parse as they are.
FAST_ROWS = [
    FOREIGN, CITIZEN,
    changed(FOREIGN, C1=("none",), F=("data_entry", "event_support"), G=("none",)),  # tuples
    changed(FOREIGN, F=["event_support", "data_entry", "event_support"]),  # any order, repeats
    changed(FOREIGN, D3=1000.0), changed(FOREIGN, D3=999.99), changed(FOREIGN, D3="unknown"),
    changed(FOREIGN, D3=-0.0, D1=["self"]), changed(FOREIGN, D3=0),
    changed(FOREIGN, B10="unknown", B11="unknown"), changed(FOREIGN, B5="no", B5_age=40),
    changed(FOREIGN, B5="yes", B5_age=17), changed(FOREIGN, A2="self"),
    changed(CITIZEN, D3b="no"),  # D3b not asked under the limit: dropped
    changed(CITIZEN, B9="main_purpose", B10=3, B7="yes"),  # a visitor's answers: dropped
    changed(FOREIGN, A1="pac_or_super_pac", A1b="hybrid_pac", D3=0),
    changed(FOREIGN, A1="ballot_measure", A3="yes"),
    changed(FOREIGN, A1b="hybrid_pac", A3="no"),  # not asked for a candidate: dropped
    changed(FOREIGN, D1=["campaign"], D3=None, D4="us_campaign_or_us_party"),
]
# Rows that go through validate_answers: issues, messy values, or a dropped answer that the
# branching reads.
SLOW_ROWS = [
    changed(FOREIGN, Z9="x"), {**FOREIGN, 7: "x"}, changed(FOREIGN, B6=" "),
    changed(FOREIGN, B6=""), {**FOREIGN, "A2": None}, changed(FOREIGN, F=[]),
    changed(FOREIGN, F="data_entry"), changed(FOREIGN, F=frozenset({"data_entry"})),
    changed(FOREIGN, F=["data_entry", ["x"]]), changed(FOREIGN, F=["nope"]),
    changed(FOREIGN, C1=["none", "campaign"]),  # V02: an exclusive code with another
    changed(FOREIGN, B1="yes"),  # V02: a status only foreigners hold
    changed(FOREIGN, D1=["campaign"], D3=50),  # V02: D3 without D1 'self'
    changed(FOREIGN, B10=3, B11=7),  # V02: more days volunteering than the trip
    changed(FOREIGN, B10=400), changed(FOREIGN, B11=0), changed(FOREIGN, D3=-5),  # V03 ranges
    changed(FOREIGN, B5="yes", B5_age=40), changed(FOREIGN, B5_age=130),
    changed(FOREIGN, D3=True), changed(FOREIGN, D3="800"), changed(FOREIGN, D3=float("nan")),
    changed(FOREIGN, D3=float("inf")), changed(FOREIGN, D3=2**70), changed(FOREIGN, B5_age=30.0),
    changed(FOREIGN, B10=14.0), changed(FOREIGN, B5_age=True), changed(FOREIGN, B6="yes"),
    changed(FOREIGN, C2=None), changed(FOREIGN, F=None),  # V01: a required answer missing
    changed(FOREIGN, B4="none_abroad_remote"),  # remote: D1, D3, D4, E1, E2 dropped
    changed(CITIZEN, B2="yes", B4="f1"),  # B4 given to a citizen: V02
    changed(CITIZEN, B2="no"),  # B2 dropped: the branching reads it
]


@pytest.mark.parametrize("row", FAST_ROWS, ids=range(len(FAST_ROWS)))
def test_plain_valid_rows_take_the_batch_route(row: dict[str, Any],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert validate_answers(row, AS_OF).ok
    fallback = CountingFallback(monkeypatch)
    check_batch([row, dict(row)])
    assert not fallback.rows


@pytest.mark.parametrize("row", SLOW_ROWS, ids=range(len(SLOW_ROWS)))
def test_other_rows_go_through_validate_answers(row: dict[Any, Any],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    fallback = CountingFallback(monkeypatch)
    check_batch([FOREIGN, row, CITIZEN])
    assert fallback.rows == [row]


def test_mixed_batches_match() -> None:
    """Fast and slow rows mixed, in several orders, as one batch."""
    rows = FAST_ROWS + SLOW_ROWS
    for seed in range(4):
        random.Random(seed).shuffle(rows)
        check_batch(rows)
        check_batch(rows, date(2031, 5, 1))


def test_rows_that_are_not_plain_dicts_go_through_validate_answers(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import OrderedDict
    from enum import StrEnum
    from types import MappingProxyType

    class Code(StrEnum):
        NONE = "none"

    class Key(str):
        pass

    proxy = MappingProxyType(dict(FOREIGN))
    ordered = OrderedDict(FOREIGN)
    fallback = CountingFallback(monkeypatch)
    check_batch([proxy, FOREIGN, ordered])
    assert fallback.rows == [proxy, ordered]
    odd = [changed(FOREIGN, B6=Code.NONE), changed(FOREIGN, G=[Code.NONE]),
           changed(FOREIGN, G=(Code.NONE,)), {Key("B6") if k == "B6" else k: v
                                                 for k, v in FOREIGN.items()}]
    check_batch([*odd, FOREIGN])


def test_one_row_object_many_times() -> None:
    row = dict(FOREIGN)
    check_batch([row] * 5 + [changed(FOREIGN, B6=""), row])
    batch = validate_many([row, row], AS_OF)
    assert batch[0].answers is not batch[1].answers
    assert batch[0].answers is not None and batch[1].answers is not None
    assert batch[0].answers.__dict__ is not batch[1].answers.__dict__


@SETTINGS
@given(valid_answers(), st.sampled_from(DATES))
def test_branch_keys_are_branching_of_keys(raw: dict[str, Any], as_of: date) -> None:
    """rules.fast.batch_validation.branch_keys builds branching_of's own memo key."""
    from rules.fast.batch_validation import branch_keys, columns_of
    from rules.fast.validation import _branches, branching_of, fast_parse

    full = fast_parse(raw)
    assert full is not None
    branch = branching_of(full, as_of)
    (key,) = branch_keys(columns_of([full]), as_of)
    assert _branches.get(key) is branch


def test_batch_memos_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch route's memo of branch key heads is cleared when full and gives the same
    results after."""
    from rules.fast import batch_validation

    monkeypatch.setattr(batch_validation, "HEAD_LIMIT", 5)
    batch_validation._heads.clear()
    rng = random.Random(13)
    for as_of in DATES:
        for _ in range(4):
            check_batch([random_answers(rng) for _ in range(60)], as_of)
            assert len(batch_validation._heads) <= 5

# The shortcuts of rules.fast.batch_screening ------------------------------------------------


def valid_rows(count: int, seed: int, make: Any = typical) -> list[Answers]:
    """`count` seeded rows, validated (the invalid ones left out)."""
    rng = random.Random(seed)
    checked = (validate_answers(make(rng), AS_OF) for _ in range(count))
    return [each.answers for each in checked if each.answers is not None]


def same_as_row_by_row(rows: list[Answers], as_of: date = AS_OF) -> list[Screening]:
    """screen_many on a cold memo, compared with screen row by row on a cold memo."""
    memo.clear()
    expected = [screen(answers, as_of) for answers in rows]
    memo.clear()
    found = screen_many(rows, as_of)
    assert found == expected
    return found


def test_batches_mixing_statuses_and_committees_match() -> None:
    rows = valid_rows(600, 21, random_answers)
    kinds = {(derive_facts(answers, AS_OF).status, derive_facts(answers, AS_OF).column)
             for answers in rows}
    assert len({status for status, _ in kinds}) >= 5 and len({c for _, c in kinds}) >= 5
    # Rows of one status and committee next to each other, then interleaved.
    rows.sort(key=lambda answers: tuple(map(str, derive_facts(answers, AS_OF)[-7:-2])))
    same_as_row_by_row(rows)
    same_as_row_by_row(rows[::2] + rows[1::2])


def test_uncertain_statuses_and_the_status_cap_match() -> None:
    rows = [answers for answers in valid_rows(3000, 23, random_answers)
            if derive_facts(answers, AS_OF).status in UNCERTAIN_STATUSES]
    found = same_as_row_by_row(rows)
    capped = [s for s in found if STATUS_CAP_RULE in s.fired]
    assert capped and len(capped) < len(found)  # rows with and without the cap's note


def test_green_rows_have_no_missing_questions() -> None:
    rows = valid_rows(3000, 25)
    found = same_as_row_by_row(rows)
    green = [(answers, s) for answers, s in zip(rows, found, strict=True)
             if s.colour is Colour.GREEN]
    assert green and any(missing_questions(answers) for answers, _ in green)
    assert all(s.missing == () for _, s in green)
    not_green = [(answers, s) for answers, s in zip(rows, found, strict=True)
                 if s.colour is not Colour.GREEN]
    assert all(s.missing == missing_questions(a) for a, s in not_green)


def test_area_dicts_are_fresh_and_in_area_order() -> None:
    found = same_as_row_by_row(valid_rows(50, 27))
    assert all(list(s.areas) == list(AREAS) for s in found)
    assert len({id(s.areas) for s in found}) == len(found)


@pytest.mark.parametrize("limit", [1, 2, 7])
def test_memo_eviction_at_its_limits(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    """Caches, routes and dates cleared when full, also in the middle of a batch."""
    monkeypatch.setattr(memo, "CACHE_LIMIT", limit)
    monkeypatch.setattr(memo, "DATE_LIMIT", limit)
    monkeypatch.setattr(fast_missing, "FLAG_LIMIT", limit)
    rows = valid_rows(200, 29)
    for as_of in [*DATES, AS_OF, date(2024, 2, 29)]:
        memo.clear()
        expected = [screen(answers, as_of) for answers in rows]
        for _ in range(2):  # cold for this date (other dates evicted), then warm
            assert screen_many(rows, as_of) == expected
        assert all(len(cache) <= limit for cache in memo._caches.values())
        assert len(memo._routes) <= limit


def test_several_dates_in_turn_match() -> None:
    rows = valid_rows(150, 31)
    memo.clear()
    for as_of in [*DATES, date(2024, 2, 29), *DATES]:
        assert screen_many(rows, as_of) == [screen(answers, as_of) for answers in rows]


@pytest.mark.parametrize("batch", ["screen_many", "validate_many"])
@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(enabled: bool, batch: str) -> None:
    """Both batch functions pause the collector and leave it as they found it."""
    run = (partial(screen_many, valid_rows(20, 33)) if batch == "screen_many"
           else partial(validate_many, [FOREIGN, CITIZEN, changed(FOREIGN, B6="")]))
    was = gc.isenabled()
    try:
        if enabled:
            gc.enable()
        else:
            gc.disable()
        run(AS_OF)
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()

