"""Legal thresholds as data with effective dates, read from rules/data/parameters.json."""

import json
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Any


class OutOfPeriodError(ValueError):
    """The assessment date falls before every period of a parameter."""


@dataclass(frozen=True, slots=True)
class Period:
    """One value of a parameter, in force from a date until the next period starts."""

    start: date
    value: int
    note: str


@dataclass(frozen=True, slots=True)
class Parameter:
    """A named legal threshold with its unit, citation and dated values."""

    name: str
    unit: str
    description: str
    citation: str
    periods: tuple[Period, ...]

    def at(self, as_of: date) -> int:
        """The value in force on `as_of`; an error before the first period."""
        current: Period | None = None
        for period in self.periods:
            if period.start <= as_of:
                current = period
        if current is None:
            raise OutOfPeriodError(
                f"{self.name} has no value before {self.periods[0].start.isoformat()}; "
                f"cannot assess as of {as_of.isoformat()}"
            )
        return current.value


@dataclass(frozen=True, slots=True)
class ParameterSet:
    """All parameters plus the ruleset version and research date they belong to."""

    ruleset_version: str
    research_reviewed: date
    parameters: dict[str, Parameter]

    def value(self, name: str, as_of: date) -> int:
        return self.parameters[name].at(as_of)

    def earliest_date(self) -> date:
        """The first date on which every parameter has a value."""
        return max(parameter.periods[0].start for parameter in self.parameters.values())


def _parameter(name: str, raw: dict[str, Any]) -> Parameter:
    periods = tuple(
        sorted(
            (
                Period(date.fromisoformat(p["from"]), int(p["value"]), str(p.get("note", "")))
                for p in raw["periods"]
            ),
            key=lambda period: period.start,
        )
    )
    return Parameter(name, raw["unit"], raw["description"], raw["citation"], periods)


@cache
def load_parameters() -> ParameterSet:
    """The packaged parameter set (read once)."""
    text = resources.files("rules.data").joinpath("parameters.json").read_text("utf-8")
    raw = json.loads(text)
    return ParameterSet(
        ruleset_version=raw["ruleset_version"],
        research_reviewed=date.fromisoformat(raw["research_reviewed"]),
        parameters={name: _parameter(name, body) for name, body in raw["parameters"].items()},
    )


@lru_cache(maxsize=4096)
def parameter_value(name: str, as_of: date) -> int:
    """`load_parameters().value(name, as_of)`, remembered per date (the hot paths ask often)."""
    return load_parameters().value(name, as_of)


@cache
def _earliest_date() -> date:
    return load_parameters().earliest_date()


def check_date(as_of: date) -> None:
    """Raise OutOfPeriodError when `as_of` is before the rules' parameters start."""
    first = _earliest_date()
    if as_of < first:
        raise OutOfPeriodError(
            f"the rules have no thresholds before {first.isoformat()}; "
            f"cannot assess as of {as_of.isoformat()}"
        )
