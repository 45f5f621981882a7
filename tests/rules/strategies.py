"""Answers that respect the branching of brief (d): a hypothesis strategy and a plain generator.

Both draw each question only when the branching asks it, the way the wizard would, so almost
every draw is valid; `valid_answers()` filters the rest through rules.validate_answers.
"""

import random
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from hypothesis import strategies as st

from rules import validate_answers
from rules.branching import is_asked
from rules.questions import QUESTION_BY_ID, QUESTIONS, Kind
from rules.validity import EXCLUSIVE as VALIDITY_EXCLUSIVE

AS_OF = date(2026, 11, 28)
# Codes that stand alone in their multi-select answer (rules.validity.EXCLUSIVE): per question.
EXCLUSIVE: dict[str, tuple[str, ...]] = {}
for _qid, _code in VALIDITY_EXCLUSIVE:
    EXCLUSIVE[_qid] = (*EXCLUSIVE.get(_qid, ()), _code)
AMOUNTS: tuple[float | int | str, ...] = (
    0, 1, 500, 800, 999.99, 1000, 1000.01, 1001, 1500, 1999, 2000, 2000.5, 2001, 5000, "unknown")


def codes(qid: str) -> tuple[str, ...]:
    return QUESTION_BY_ID[qid].codes


# The answer that keeps each question green for a foreign volunteer: drawing it often gives
# many near-green answers, where a single change shows whether the colour moves.
SAFE: dict[str, Any] = {
    "A1": "federal_candidate", "B1": "no", "B2": "no", "B3": "no", "B6": "none",
    "C1": ["none"], "C2": "bona_fide_accrued_leave", "D1": ["self"], "D3": 500,
    "D4": "self_or_friends", "E1": ["self_paid"], "E2": "self", "F": ["canvass_phone_text"],
    "G": ["none"],
}


# Answers drawn with other odds than "any code alike", so that common people are common.
WEIGHTED: dict[str, tuple[str, ...]] = {
    "B1": ("yes", "no", "no", "unknown"),
    "B2": ("no", "no", "no", "yes", "unknown"),
    "B5": ("yes", "no", "no"),
}
# Optional questions and how often a person answers them.
OPTIONAL_CHANCE = {"A2": 0.2, "B5": 0.8, "E2": 0.9}
DAYS: tuple[int | str, ...] = (1, 2, 7, 8, 14, 30, 90, 365, "unknown")


def build_answers(one: Callable[[str, Sequence[str]], str], several: Callable[[str], list[str]],
                  amount: Callable[[], Any], chance: Callable[[float], bool],
                  age: Callable[[int, int], int]) -> dict[str, Any]:
    """One person's answers: each question in order, drawn only where rules.branching asks it
    (the branching is not restated here; questions depend only on earlier ones)."""
    a: dict[str, Any] = {}
    for question in QUESTIONS:
        qid = question.id
        if not is_asked(qid, a, AS_OF) or not chance(OPTIONAL_CHANCE.get(qid, 1.0)):
            continue
        if qid == "B5_age":
            if "B5" in a and chance(0.3):
                a[qid] = age(0, 17) if a["B5"] == "yes" else age(18, 120)
        elif question.kind is Kind.MULTI:
            a[qid] = several(qid)
        elif question.kind is Kind.AMOUNT:
            a[qid] = amount()
        elif question.kind is Kind.DAYS:
            days = one(qid, tuple(str(d) for d in DAYS))
            a[qid] = days if days == "unknown" else int(days)
            if qid == "B11" and isinstance(a.get("B10"), int) and isinstance(a[qid], int):
                a[qid] = min(a[qid], a["B10"])
        else:
            a[qid] = one(qid, WEIGHTED.get(qid, codes(qid)))
    return a


@st.composite
def _drawn(draw: st.DrawFn) -> dict[str, Any]:
    safe_bias = draw(st.sampled_from((0.0, 0.5, 0.8)))

    def safe(qid: str) -> bool:
        return qid in SAFE and draw(st.integers(0, 99)) < safe_bias * 100

    def one(qid: str, options: Sequence[str]) -> str:
        if safe(qid):
            return str(SAFE[qid])
        return draw(st.sampled_from(options))

    def several(qid: str) -> list[str]:
        if safe(qid):
            return list(SAFE[qid])
        exclusive = EXCLUSIVE.get(qid, ())
        if exclusive and draw(st.booleans()):
            return [draw(st.sampled_from(exclusive))]
        others = [c for c in codes(qid) if c not in exclusive]
        return draw(st.lists(st.sampled_from(others), min_size=1, max_size=4, unique=True))

    def amount() -> Any:
        if safe("D3"):
            return SAFE["D3"]
        return draw(st.one_of(
            st.sampled_from(AMOUNTS),
            st.integers(min_value=0, max_value=10_000),
            st.floats(min_value=0, max_value=10_000, allow_nan=False).map(lambda x: round(x, 2)),
        ))

    def chance(p: float) -> bool:
        return draw(st.integers(0, 99)) < p * 100

    def age(low: int, high: int) -> int:
        return draw(st.integers(low, high))

    return build_answers(one, several, amount, chance, age)


def valid_answers() -> st.SearchStrategy[dict[str, Any]]:
    """Raw answers (plain dicts) that pass validation as of AS_OF."""
    return _drawn().filter(lambda raw: validate_answers(raw, AS_OF).ok)


def random_answers(rng: random.Random) -> dict[str, Any]:
    """The same shape from a seeded random generator (fast; for benchmarks)."""

    def several(qid: str) -> list[str]:
        exclusive = EXCLUSIVE.get(qid, ())
        if exclusive and rng.random() < 0.4:
            return [rng.choice(exclusive)]
        others = [c for c in codes(qid) if c not in exclusive]
        return rng.sample(others, rng.choice((1, 1, 1, 2, 2, 3)))

    def one(_: str, options: Sequence[str]) -> str:
        return rng.choice(options)

    def chance(p: float) -> bool:
        return rng.random() < p

    return build_answers(one, several, lambda: rng.choice(AMOUNTS), chance, rng.randint)


def typical_answers(rng: random.Random) -> dict[str, Any]:
    """Answers as real groups give them: the common answer to a question half of the time."""
    answers = random_answers(rng)
    for qid in ("A1", "B6", "C1", "E1", "E2", "F", "G", "D4"):
        if qid in answers and rng.random() < 0.5:
            answers[qid] = SAFE[qid]
    if rng.random() < 0.5:
        answers["C2"] = SAFE["C2"]
        answers.pop("C3", None)
    return answers
