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
from rules.codes import EAD_STATUSES, EMPLOYER_INVOLVED
from rules.questions import QUESTION_BY_ID

AS_OF = date(2026, 11, 28)
EXCLUSIVE = {"C1": "none", "D1": "no_travel_needed", "E1": "not_applicable_local", "G": "none"}
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


def build_answers(one: Callable[[str, Sequence[str]], str], several: Callable[[str], list[str]],
                  amount: Callable[[], Any], chance: Callable[[float], bool],
                  age: Callable[[int, int], int]) -> dict[str, Any]:
    """One person's answers, asking each question only where brief (d) asks it."""
    a: dict[str, Any] = {"A1": one("A1", codes("A1"))}
    if chance(0.2):
        a["A2"] = one("A2", codes("A2"))
    a["B1"] = one("B1", ("yes", "no", "no", "unknown"))
    if a["B1"] != "yes":
        a["B2"] = one("B2", ("no", "no", "no", "yes", "unknown"))
        if a["B2"] != "yes":
            a["B3"] = one("B3", codes("B3"))
    us_person = "yes" in (a.get("B1"), a.get("B2"), a.get("B3"))
    if not us_person:
        a["B4"] = one("B4", codes("B4"))
        if a["B4"] in EAD_STATUSES:
            a["B7"] = one("B7", codes("B7"))
    if chance(0.8):
        a["B5"] = one("B5", ("yes", "no", "no"))
        if chance(0.3):
            a["B5_age"] = age(0, 17) if a["B5"] == "yes" else age(18, 120)
    a["B6"] = one("B6", codes("B6"))
    a["B8"] = one("B8", codes("B8"))
    a["C1"] = several("C1")
    a["C2"] = one("C2", codes("C2"))
    if a["C2"] in EMPLOYER_INVOLVED:
        a["C3"] = one("C3", codes("C3"))
    if a.get("B4") != "none_abroad_remote" or us_person:
        a["D1"] = several("D1")
        if "crowdfunding" in a["D1"]:
            a["D2"] = one("D2", codes("D2"))
        if "self" in a["D1"]:
            a["D3"] = amount()
            if isinstance(a["D3"], int | float) and a["D3"] > 1000:
                a["D3b"] = one("D3b", codes("D3b"))
        if a["D1"] != ["no_travel_needed"]:
            a["D4"] = one("D4", codes("D4"))
        a["E1"] = several("E1")
        if chance(0.9):
            a["E2"] = one("E2", codes("E2"))
    a["F"] = several("F")
    a["G"] = several("G")
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
        exclusive = EXCLUSIVE.get(qid)
        if exclusive is not None and draw(st.booleans()):
            return [exclusive]
        others = [c for c in codes(qid) if c != exclusive]
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
        exclusive = EXCLUSIVE.get(qid)
        if exclusive is not None and rng.random() < 0.4:
            return [exclusive]
        others = [c for c in codes(qid) if c != exclusive]
        return rng.sample(others, rng.choice((1, 1, 1, 2, 2, 3)))

    def one(_: str, options: Sequence[str]) -> str:
        return rng.choice(options)

    def chance(p: float) -> bool:
        return rng.random() < p

    return build_answers(one, several, lambda: rng.choice(AMOUNTS), chance, rng.randint)
