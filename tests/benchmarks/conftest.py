"""Benchmark helpers: each benchmark reports the app against a baseline from the same run."""

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

RESULTS = Path(__file__).parent / "last-results"


def median_seconds(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    """Median wall time of `fn` over `repeat` runs after `warmup` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(
    name: str, app: float, baseline: float, unit: str, target: str, **extra: object
) -> float:
    """Print and save one comparison; returns app/baseline."""
    ratio = app / baseline if baseline else float("inf")
    line = (f"BENCH {name}: app {app:.4g} {unit}, baseline {baseline:.4g} {unit}, "
            f"ratio {ratio:.3f} (target {target})")
    print(line)
    RESULTS.mkdir(exist_ok=True)
    payload = {"name": name, "app": app, "baseline": baseline, "unit": unit, "ratio": ratio,
               "target": target, **extra}
    (RESULTS / f"{name}.json").write_text(json.dumps(payload, indent=2) + "\n")
    return ratio


@pytest.fixture
def bench_report() -> Callable[..., float]:
    return report
