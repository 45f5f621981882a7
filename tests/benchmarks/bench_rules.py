"""The rules module's throughput, each against a bare-Python baseline measured in the same run.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -o addopts="" -q -s \
         tests/benchmarks/bench_rules.py

The baseline is what a minimal screener would do with each row: a pydantic model_validate of a
flat model (plain str / list / number fields) and 30 simple predicates on the resulting dict.
Times are CPU seconds of this process (time.process_time, median of several runs), so other
work on the machine disturbs them less; "rows/s" is on one core.

a. 10,000 answers files' worth of varied answers, in process: JSON text -> validate -> assess
   with explanations (wording, citations, counterfactual remedies), against the baseline on the
   same JSON texts. Reported as files/s.
b. 100,000 varied rows through rules.validate_answers + rules.screen, against the baseline on
   the same rows, app and baseline interleaved: the median of the per-pair ratios is printed
   with its spread (lowest-highest). Instructions per row, which a loaded machine does not
   disturb, are counted by tests/benchmarks/callgrind_rows.py (docs/performance.md).
   Target: at least 60,000 rows/s. Rows are drawn uniformly over every answer code
   (tests.rules.strategies.random_answers), the least repetitive data organiser mode can see;
   a second run with typical answers repeated (as real groups are) is reported too.
"""

import gc
import json
import random
import statistics
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from rules import assess, screen, validate_answers
from rules.fast import memo
from tests.rules.strategies import random_answers
from tests.rules.strategies import typical_answers as typical

AS_OF = date(2026, 11, 28)
FILES = 10_000
ROWS = 100_000
TARGET_ROWS_PER_S = 60_000


class Flat(BaseModel):
    """The baseline's model: every question as a plain optional field."""

    model_config = ConfigDict(extra="ignore")

    A1: str | None = None
    A2: str | None = None
    B1: str | None = None
    B2: str | None = None
    B3: str | None = None
    B4: str | None = None
    B5: str | None = None
    B5_age: int | None = None
    B6: str | None = None
    B7: str | None = None
    B8: str | None = None
    C1: list[str] | None = None
    C2: str | None = None
    C3: str | None = None
    D1: list[str] | None = None
    D2: str | None = None
    D3: float | str | None = None
    D3b: str | None = None
    D4: str | None = None
    E1: list[str] | None = None
    E2: str | None = None
    F: list[str] | None = None
    G: list[str] | None = None


def _has(qid: str, code: str) -> Callable[[dict[str, Any]], bool]:
    return lambda d: code in (d.get(qid) or ())


def _is(qid: str, code: str) -> Callable[[dict[str, Any]], bool]:
    return lambda d: d.get(qid) == code


PREDICATES: tuple[Callable[[dict[str, Any]], bool], ...] = (
    _is("B1", "yes"), _is("B2", "yes"), _is("B3", "yes"), _is("A1", "ballot_measure"),
    _is("A1", "unknown"), _has("C1", "foreign_party"), _has("C1", "campaign"),
    _has("C1", "unknown"), _is("C2", "unknown"), _has("D1", "self"),
    _has("D1", "foreign_party"), _has("D1", "unknown"), _is("D4", "foreign_party_or_gov"),
    _has("E1", "self_paid"), _has("E1", "unknown"), _is("E2", "unknown"),
    _has("F", "canvass_phone_text"), _has("F", "decide_targeting_or_spending"),
    _has("G", "donate_money"), _has("G", "own_equipment"), _is("B4", "esta_vwp"),
    _is("B6", "foreign_party_staff"), _is("B5", "yes"), _is("C3", "unknown"),
    _is("D2", "includes_foreign"), _has("E1", "us_volunteer_host_free"),
    _has("D1", "campaign"), _has("F", "lead_volunteer_team"), _has("G", "none"),
    _is("B7", "no"),
)


def baseline_row(raw: dict[str, Any]) -> int:
    values = Flat.model_validate(raw).__dict__
    return sum(1 for predicate in PREDICATES if predicate(values))


def cpu_seconds(fn: Callable[[], object], repeat: int = 3) -> float:
    """Median CPU time of `fn` over `repeat` runs (after one warm-up run)."""
    fn()
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def paired(app: Callable[[], object], baseline: Callable[[], object], pairs: int = 7
           ) -> tuple[float, float, float, tuple[float, float]]:
    """App and baseline CPU times interleaved (one warm-up each, then `pairs` pairs): the median
    app and baseline seconds, the median of the per-pair ratios baseline/app (the app's speed
    relative to the baseline) and their lowest and highest (the spread)."""
    app()
    baseline()
    app_times, base_times, ratios = [], [], []
    for _ in range(pairs):
        gc.collect()
        start = time.process_time()
        app()
        app_s = time.process_time() - start
        gc.collect()
        start = time.process_time()
        baseline()
        base_s = time.process_time() - start
        app_times.append(app_s)
        base_times.append(base_s)
        ratios.append(base_s / app_s)
    return (statistics.median(app_times), statistics.median(base_times),
            statistics.median(ratios), (min(ratios), max(ratios)))


def test_assess_10000_answers_files(bench_report: Callable[..., float]) -> None:
    rng = random.Random(20261128)
    texts = [json.dumps({"schema_version": 1, "answers": random_answers(rng)})
             for _ in range(FILES)]

    def app() -> None:
        for text in texts:
            checked = validate_answers(json.loads(text)["answers"], AS_OF)
            assert checked.answers is not None
            assess(checked.answers, AS_OF, explain=True).to_json()

    def baseline() -> None:
        for text in texts:
            baseline_row(json.loads(text)["answers"])

    app_s, base_s = cpu_seconds(app), cpu_seconds(baseline)
    ratio = bench_report("rules_assess_files", FILES / app_s, FILES / base_s, "files/s",
                         "informational: full explanations cost what they cost",
                         files=FILES)
    assert FILES / app_s > 500, f"assessing is unusably slow: {FILES / app_s:,.0f} files/s"
    assert ratio > 0


def test_validate_and_screen_100000_rows(bench_report: Callable[..., float]) -> None:
    rng = random.Random(7)
    rows = [random_answers(rng) for _ in range(ROWS)]

    def app() -> None:
        memo.clear()  # every run starts cold, as a new import does
        for raw in rows:
            checked = validate_answers(raw, AS_OF)
            assert checked.answers is not None
            screen(checked.answers, AS_OF)

    def baseline() -> None:
        for raw in rows:
            baseline_row(raw)

    app_s, base_s, ratio, spread = paired(app, baseline)
    app_rate, base_rate = ROWS / app_s, ROWS / base_s
    bench_report("rules_screen_rows", app_rate, base_rate, "rows/s",
                 f">= {TARGET_ROWS_PER_S:,} rows/s (app); ratio informational", rows=ROWS,
                 pair_ratio=ratio, pair_spread=spread)
    print(f"  uniform rows: median per-pair ratio {ratio:.3f} "
          f"(spread {spread[0]:.3f}-{spread[1]:.3f})")

    typical_rows = [typical(rng) for _ in range(ROWS)]
    rows[:] = [r for r in typical_rows if validate_answers(r, AS_OF).ok]
    typical_s, typical_base_s, ratio, spread = paired(app, baseline)
    bench_report("rules_screen_typical_rows", len(rows) / typical_s,
                 len(rows) / typical_base_s, "rows/s",
                 f">= {TARGET_ROWS_PER_S:,} rows/s (app)", rows=len(rows),
                 pair_ratio=ratio, pair_spread=spread)
    print(f"  typical rows: median per-pair ratio {ratio:.3f} "
          f"(spread {spread[0]:.3f}-{spread[1]:.3f})")
    assert app_rate >= TARGET_ROWS_PER_S, f"{app_rate:,.0f} rows/s"
    assert len(rows) / typical_s >= TARGET_ROWS_PER_S
