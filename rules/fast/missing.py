"""rules.engine.missing_questions for the speed path: one pass in C over the answers' values.

tests/rules/test_fast_paths.py proves it equal to missing_questions on every case and on random
answers.
"""

from itertools import compress
from operator import itemgetter
from typing import Any

from rules.engine import UNKNOWABLE, UNKNOWN_WORDS

_IDS = tuple(qid for qid, _ in UNKNOWABLE)
_VALUES = itemgetter(*_IDS)
_MULTI_POSITIONS = tuple(i for i, (_, multi) in enumerate(UNKNOWABLE) if multi)
# A single answer is "unknown" when it is one of these words; other values are not keys.
_UNKNOWN: dict[object, bool] = dict.fromkeys(UNKNOWN_WORDS, True)


def missing_of(values: dict[str, Any]) -> tuple[str, ...]:
    """The questions answered 'I don't know' (or withheld), in question order."""
    flags: list[Any] = list(map(_UNKNOWN.get, _VALUES(values)))
    for index in _MULTI_POSITIONS:
        codes = values[_IDS[index]]
        flags[index] = codes is not None and not UNKNOWN_WORDS.isdisjoint(codes)
    return tuple(compress(_IDS, flags))
