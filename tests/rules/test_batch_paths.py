"""Batch screening gives exactly the results of screening one person at a time.

Organiser mode validates and screens people in batches (rules.validate_many, rules.screen_many),
column by column over the batch. Each batch here is compared with validate_answers and screen
called row by row: the same Validations (issues, dropped answers, answers) and Screenings, in
order, cold and warm, on valid, invalid, messy and repetitive rows.
"""

import random
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules import screen, screen_many, validate_answers, validate_many
from rules.fast import memo
from tests.rules.strategies import AS_OF, SAFE, random_answers, valid_answers
from tests.rules.test_fast_paths import messy_answers

SETTINGS = settings(derandomize=True, max_examples=60, deadline=None, database=None)
DATES = [AS_OF, date(1980, 1, 8), date(2031, 5, 1)]


def typical(rng: random.Random) -> dict[str, Any]:
    """Answers as real groups give them: the common answer half of the time."""
    answers = random_answers(rng)
    for qid in ("A1", "B6", "C1", "E1", "E2", "F", "G", "D4"):
        if qid in answers and rng.random() < 0.5:
            answers[qid] = SAFE[qid]
    return answers


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
