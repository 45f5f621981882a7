"""The immigration light in words (amendment 1 section 12): never "no concern" after a note or
with an unknown status."""

from datetime import date

import pytest

from app.assessing import immigration_summary
from rules import assess, validate_answers
from tests.rules.caselib import load_bases

AS_OF = date(2026, 11, 28)
BASES = load_bases()


def summary(base: str, **changes: object) -> str:
    raw = {k: v for k, v in {**BASES[base], **changes}.items() if v is not None}
    checked = validate_answers(raw, AS_OF)
    assert checked.answers is not None, checked.issues
    return immigration_summary(assess(checked.answers, AS_OF))


@pytest.mark.parametrize(("base", "changes", "expected"), [
    ("us_citizen", {}, "No concern found"),
    ("esta_volunteer", {}, "See the note"),  # R72: a visitor's volunteering
    ("esta_volunteer", {"B4": "prefer_not_say", "B9": None, "B10": None, "B11": None},
     "AMBER"),  # R75
    ("esta_volunteer", {"C1": ["foreign_party"]}, "AMBER"),  # R74: a visitor paid by anyone
])
def test_immigration_summary(base: str, changes: dict[str, object], expected: str) -> None:
    assert summary(base, **changes) == expected
