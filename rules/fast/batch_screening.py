"""screen for many people at once (organiser mode): the same Screenings, table by table.

tests/rules/test_batch_paths.py proves the result equal to rules.engine.screen row by row.
"""

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rules.answers import Answers
    from rules.engine import Screening


def screen_many(answers: Sequence["Answers"], as_of: date) -> list["Screening"]:
    """rules.engine.screen(each, as_of) for each valid answers, in order."""
    from rules.engine import screen

    return [screen(each, as_of) for each in answers]
