"""rules.engine.missing_questions for the speed path: one pass in C over the answers' values.

tests/rules/test_fast_paths.py proves it equal to missing_questions on every case and on random
answers.
"""

from itertools import compress
from operator import itemgetter
from typing import Any

from rules.engine import UNKNOWABLE, UNKNOWN_WORDS
from rules.fast.facts import POSITION

_IDS = tuple(qid for qid, _ in UNKNOWABLE)
_VALUES = itemgetter(*_IDS)
FLAG_LIMIT = 4096


class _Flags(dict[Any, bool]):
    """Whether an answer's value says "I don't know" (or withheld), found once per value: a
    word of UNKNOWN_WORDS, or a multi-select answer (a tuple) naming one."""

    def __missing__(self, value: Any) -> bool:
        """Classify a value not seen yet, and remember it."""
        if value.__class__ is tuple:
            flag = not UNKNOWN_WORDS.isdisjoint(value)
        else:
            flag = value in UNKNOWN_WORDS
        if len(self) >= FLAG_LIMIT:
            self.clear()
        self[value] = flag
        return flag


_flags = _Flags()
_flag = _flags.__getitem__


def missing_of(values: dict[str, Any]) -> tuple[str, ...]:
    """The questions answered 'I don't know' (or withheld), in question order."""
    return tuple(compress(_IDS, map(_flag, _VALUES(values))))


_AT_POSITIONS = itemgetter(*(POSITION[qid] for qid in _IDS))


def missing_in(answers: tuple[Any, ...]) -> tuple[str, ...]:
    """missing_of for the answers in question order (rules.fast.facts.ANSWERS)."""
    return tuple(compress(_IDS, map(_flag, _AT_POSITIONS(answers))))
