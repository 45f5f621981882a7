"""Findings as numbers: each (rule, colour) numbered in reason-list order; tables' outcomes."""

from rules.catalogue import RULES
from rules.engine import Pair, capped, fired_colour, order_key
from rules.facts import Facts
from rules.rule import COLOUR_RANK, Colour, Rule

# Every (rule, colour) a rule can produce, numbered in reason-list order: sorting the numbers of
# the findings that fired sorts the findings.
PAIRS: tuple[Pair, ...] = tuple(sorted(
    ((rule, colour) for rule in RULES for colour in rule.possible_colours()), key=order_key))
CODE_OF: dict[tuple[str, Colour], int] = {(r.id, c): i for i, (r, c) in enumerate(PAIRS)}

# A table's outcome: the sorted numbers of the findings that fired and its worst shown colour.
Outcome = tuple[tuple[int, ...], Colour | None]
NOTHING: Outcome = ((), None)
SHOWN_COLOUR = {3: Colour.RED, 2: Colour.AMBER, 1: Colour.GREEN, 0: Colour.NOTE}


def fired_code(rule: Rule, facts: Facts) -> tuple[int, int]:
    """The number and shown rank of a rule that fires for these facts (in scope, evaluated and
    triggered): rules.engine.outcome without checking those again."""
    colour = fired_colour(rule, facts)
    return CODE_OF[rule.id, colour], COLOUR_RANK[capped(rule, colour)]
