"""The shared rules module: the brief's questions, rules R01-R76 and the engine (pure Python)."""

from rules.answers import Answers, Issue, Person, Validation, validate_answers
from rules.catalogue import RULE_BY_ID, RULES
from rules.engine import Screening, assess, assess_raw, screen
from rules.parameters import OutOfPeriodError, load_parameters
from rules.result import Assessment, Finding
from rules.rule import Area, Colour

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
    "validate_answers",
]
