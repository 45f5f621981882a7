"""Fixtures for organiser mode: a fixed date and helpers to run the pipeline."""

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.group.members import MemberResult
from app.group.pipeline import RunReport, make_screener, screen_inputs

AS_OF = date(2026, 12, 1)

Run = Callable[..., tuple[list[MemberResult], RunReport]]


def run_group(inputs: Iterable[Path | str], defaults: dict[str, Any] | None = None,
              **kwargs: Any) -> tuple[list[MemberResult], RunReport]:
    report = RunReport()
    screener = make_screener(defaults, AS_OF)
    results = list(screen_inputs(inputs, screener, report, **kwargs))
    return results, report


@pytest.fixture
def run() -> Run:
    return run_group
