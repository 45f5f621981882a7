"""rules.engine.screen for many people at once: the same Screenings, assembled column by column."""

# Each row's findings come from memo.outcomes_of, the row-by-row speed path, so the combination
# stays where it is proven (worst colour, R85 status cap, reason order: rules.engine and
# rules.fast.memo). The batch takes each row's answers once (rules.fast.facts.ANSWERS), and
# does over all rows what screen does per row around the findings: fired ids, top rule, area
# dicts, missing questions (not for GREEN rows) and the Screening tuples.
# docs/performance.md ("Batch screening") says why the per-table look-ups stay per row.
# tests/rules/test_batch_paths.py proves every Screening equal to rules.engine.screen.

from collections.abc import Iterable, Sequence
from datetime import date
from itertools import compress, repeat
from operator import attrgetter, is_not, itemgetter
from typing import Any

from rules.answers import Answers
from rules.engine import AREAS, Screening
from rules.fast import memo
from rules.fast.collector import collector_paused
from rules.fast.facts import ANSWERS
from rules.fast.missing import missing_in
from rules.rule import Area, Colour

_VALUES_OF = attrgetter("__dict__")
# A Screening is a tuple; tuple.__new__ skips NamedTuple's Python-level __new__ (as screen does).
_new_screening = tuple.__new__
# The rule id of a finding's number when it is actionable (screen's top_rule), else None; the
# last entry, at NO_CODE, stands for "nothing fired".
_TOP_OF: tuple[str | None, ...] = (
    *(rule_id if actionable else None
      for rule_id, actionable in zip(memo.RULE_ID_OF, memo.ACTIONABLE, strict=True)),
    None)
NO_CODE = len(_TOP_OF) - 1


def screen_many(answers: Sequence[Answers], as_of: date) -> list[Screening]:
    """rules.engine.screen(each, as_of) for each valid answers, in order (the collector paused
    meanwhile: rules.fast.collector)."""
    if not answers:
        return []
    with collector_paused():
        return _screen_many(answers, as_of)


def _screen_many(answers: Sequence[Answers], as_of: date) -> list[Screening]:
    """screen_many's work, column by column."""
    values = list(map(_VALUES_OF, answers))
    answered = list(map(ANSWERS, values))  # each row's answers once, then picked by position
    found = map(memo.outcomes_of, values, answered, repeat(as_of))
    codes, colour_lists, colours = zip(*found)  # noqa: B905  # triples
    fired = list(map(_rule_ids, codes))
    top = map(_TOP_OF.__getitem__, map(next, map(iter, codes), repeat(NO_CODE)))
    areas = map(_area_dict, colour_lists)
    missing = _missing(answered, colours)
    rows = zip(colours, areas, fired, top, missing)  # noqa: B905  # one per row
    return list(map(_new_screening, repeat(Screening), rows))


# The areas by name, so that a dict display builds each row's area dict at its final size
# (dict(zip(AREAS, colours)) grows it while inserting: 6,000 instructions instead of 3,700).
# Unpacking fails at import if rules.rule.Area gains or loses a member.
_CAMPAIGN, _STATUS, _COMPENSATION, _TRAVEL, _HOUSING, _ROLE, _RESOURCES, _IMMIGRATION = AREAS


def _area_dict(colours: list[Colour | None]) -> dict[Area, Colour | None]:
    """dict(zip(AREAS, colours)): each area with its colour, in AREAS order."""
    (campaign, status, compensation, travel, housing, role, resources,
     immigration) = colours
    return {_CAMPAIGN: campaign, _STATUS: status, _COMPENSATION: compensation,
            _TRAVEL: travel, _HOUSING: housing, _ROLE: role, _RESOURCES: resources,
            _IMMIGRATION: immigration}


def _rule_ids(codes: list[int]) -> tuple[str, ...]:
    """The rule id of each finding number, in order: one itemgetter call for two or more
    (about half the instructions of a tuple of a map)."""
    if len(codes) > 1:
        ids: tuple[str, ...] = itemgetter(*codes)(memo.RULE_ID_OF)
        return ids
    return (memo.RULE_ID_OF[codes[0]],) if codes else ()


def _missing(answered: list[tuple[Any, ...]], colours: Sequence[Colour]
             ) -> Iterable[tuple[str, ...]]:
    """Each row's missing questions (rules.fast.missing), only for rows that are not GREEN."""
    not_green = list(map(is_not, colours, repeat(Colour.GREEN)))
    found = map(missing_in, compress(answered, not_green))
    # For each row, the next missing questions found, or () from an endless supply of ().
    return map(next, map((repeat(()), found).__getitem__, not_green))

