"""The shared rules module: the brief's questions, rules R01-R76 and the engine (pure Python).

The names below load on first use (PEP 562): importing a submodule such as rules.questions or
rules.branching does not build the pydantic models, the catalogue and the engine, so the
desktop app can show its first question page before they are needed.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names, for type checkers and readers
    from rules.answers import Answers, Issue, Person, Validation, validate_answers, validate_many
    from rules.catalogue import RULE_BY_ID, RULES
    from rules.engine import Screening, assess, assess_raw, screen, screen_many
    from rules.parameters import OutOfPeriodError, load_parameters
    from rules.result import Assessment, Finding
    from rules.rule import Area, Colour

_SOURCES: dict[str, str] = {
    "Answers": "rules.answers",
    "Issue": "rules.answers",
    "Person": "rules.answers",
    "Validation": "rules.answers",
    "validate_answers": "rules.answers",
    "validate_many": "rules.answers",
    "RULES": "rules.catalogue",
    "RULE_BY_ID": "rules.catalogue",
    "Screening": "rules.engine",
    "assess": "rules.engine",
    "assess_raw": "rules.engine",
    "screen": "rules.engine",
    "screen_many": "rules.engine",
    "OutOfPeriodError": "rules.parameters",
    "load_parameters": "rules.parameters",
    "Assessment": "rules.result",
    "Finding": "rules.result",
    "Area": "rules.rule",
    "Colour": "rules.rule",
}

__all__ = [
    "RULES",
    "RULE_BY_ID",
    "Answers",
    "Area",
    "Assessment",
    "Colour",
    "Finding",
    "Issue",
    "OutOfPeriodError",
    "Person",
    "Screening",
    "Validation",
    "assess",
    "assess_raw",
    "load_parameters",
    "screen",
    "screen_many",
    "validate_answers",
    "validate_many",
]


def __getattr__(name: str) -> Any:
    """Import the module that defines `name` on first use (AttributeError for other names)."""
    source = _SOURCES.get(name)
    if source is None:
        raise AttributeError(f"module 'rules' has no attribute {name!r}")
    value = getattr(import_module(source), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
