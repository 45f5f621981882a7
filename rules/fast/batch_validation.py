"""validate_answers for many rows at once (organiser mode): the same Validations, column by column.

tests/rules/test_batch_paths.py proves the result equal to validate_answers row by row.
"""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from rules.answers import Validation, validate_answers


def validate_many(raws: Sequence[Mapping[str, Any]], when: date) -> list[Validation]:
    """validate_answers(raw, when) for each raw answers, in order."""
    return [validate_answers(raw, when) for raw in raws]
