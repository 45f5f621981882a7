"""Evaluation for bulk screening: each area's findings, remembered by the answers they depend on.

Organiser mode screens up to 100,000 people, and people's answers repeat area by area (the same
role, the same flight arrangement, the same status). Each area's rules are evaluated once per
distinct combination of the answers they read (rules.fast.dependencies) and date, then reused. The
rules themselves stay plain predicates; this module only decides when to call them.
"""

from collections.abc import Iterable
from datetime import date
from operator import itemgetter
from typing import Any

from rules.answers import Answers
from rules.applicability import Column, column_of, evaluated
from rules.catalogue import RULES
from rules.engine import (
    AREAS,
    STATUS_CAP_RULE,
    UNCERTAIN_STATUSES,
    Pair,
    capped,
    fired_colour,
    order_key,
    worst,
)
from rules.facts import (
    COLUMN_SOURCES,
    DERIVED_FROM_ANSWERS,
    DERIVED_SOURCES,
    STATUS_SOURCES,
    US_PERSON_STATUSES,
    Facts,
    Status,
    status_of,
    support_paid_anyway,
    trip_made_anyway_on_own_time,
)
from rules.fast.dependencies import ENGINE_SOURCES, answers_read_by
from rules.fast.facts import ANSWERS, POSITION, fast_facts
from rules.fast.facts import clear as fast_facts_clear
from rules.fast.straight_line import NOTHING, Evaluator, Outcome, Signature, compiled
from rules.rule import COLOUR_RANK, AppliesTo, Area, Colour, Rule

__all__ = ["AREAS", "NOTHING", "Outcome", "capped", "order_key", "outcomes", "worst"]


# Every (rule, colour) a rule can produce, numbered in reason-list order: sorting the numbers of
# the findings that fired sorts the findings.
PAIRS: tuple[Pair, ...] = tuple(sorted(
    ((rule, colour) for rule in RULES for colour in rule.possible_colours()), key=order_key))
CODE_OF: dict[tuple[str, Colour], int] = {(r.id, c): i for i, (r, c) in enumerate(PAIRS)}


RULE_ID_OF: tuple[str, ...] = tuple(rule.id for rule, _ in PAIRS)
ACTIONABLE: tuple[bool, ...] = tuple(c in (Colour.RED, Colour.AMBER) for _, c in PAIRS)
# R85: the AMBER that a conduct rule shows only when the status cap turned its RED.
CAPPED_CODES = frozenset(
    CODE_OF[rule.id, Colour.AMBER] for rule in RULES
    if rule.binds_as_foreign_national and Colour.RED in rule.base_colours())
STATUS_CAP_CODE = CODE_OF[STATUS_CAP_RULE, Colour.NOTE]

KEY_PLAIN, KEY_STATUS, KEY_FN, KEY_UNCERTAIN = 0, 1, 2, 3
NOT_ANSWERS = DERIVED_SOURCES | ENGINE_SOURCES


class AreaTable:
    """Rules of one area, and how to key their outcome on what they read."""

    __slots__ = ("area", "by_column", "by_derived", "by_matrix", "derived", "entries",
                 "evaluators", "getter", "rules", "slot", "sources")

    def __init__(self, area: Area, rules: Iterable[Rule]) -> None:
        self.area = area
        self.slot = AREAS.index(area)
        self.rules = tuple(rules)
        read = {source for rule in self.rules for source in answers_read_by(rule)}
        # Keyed on the answers read plus the status (which decides fn) or fn, if read.
        self.derived = (KEY_STATUS if "status" in read else KEY_UNCERTAIN if "uncertain" in read
                        else KEY_FN if "fn" in read else KEY_PLAIN)
        self.by_column = "column" in read  # remembered per committee column
        # Remembered per set of rules the matrix evaluates (committees that evaluate the same
        # rules share their outcomes).
        self.by_matrix = "matrix" in read
        self.sources = tuple(sorted(read - NOT_ANSWERS))
        # The key from the answers in question order (rules.fast.facts.ANSWERS), by position.
        self.getter: Any = (itemgetter(*(POSITION[qid] for qid in self.sources))
                            if self.sources else (lambda _: ()))
        # Keyed also on the yes/no facts derived from answers (rules.facts.DERIVED_FROM_ANSWERS,
        # computed once per person) instead of all the answers they are derived from.
        self.by_derived = bool(read & DERIVED_FROM_ANSWERS.keys())
        # For each (fn, column): the rules in scope and evaluated by the matrix, each with its
        # trigger, whether R85 may cap it, and, when its colour is fixed, its number and shown
        # rank. The same decisions as rules.engine.outcome, made once per table.
        self.entries = {
            (fn, column): tuple(
                _entry(rule) for rule in self.rules
                if (rule.applies_to is AppliesTo.ALL
                    or (rule.applies_to is AppliesTo.FN) == fn)
                and evaluated(rule.id, column))
            for fn in (False, True) for column in Column}
        self.evaluators: dict[tuple[bool, Column, bool], Evaluator] = {}

    def evaluate(self, facts: Facts) -> Outcome:
        """The numbers of the rules that fire (sorted) and the area's worst (capped) colour:
        rules.engine.outcome for each rule, only remembered (tests prove them equal)."""
        return self.evaluator(facts.fn, facts.column, facts.status in UNCERTAIN_STATUSES)(facts)

    def evaluator(self, fn: bool, column: Column, uncertain: bool) -> Evaluator:
        """evaluate for facts with this fn, committee and uncertainty of the status, as
        straight-line code (made once per table and combination)."""
        key = (fn, column, uncertain)
        found = self.evaluators.get(key)
        if found is None:
            # One function per distinct signature, written in advance (rules.fast.straight_line).
            signature = _signature(self.entries[fn, column], uncertain)
            if not _generated:
                _generated.update(straight_evaluations.EVALUATIONS)
            found = _generated.get(signature)
            if found is None:
                found = _generated[signature] = compiled(signature, fired_code)
            self.evaluators[key] = found
        return found


Entry = tuple[Any, Rule, bool, int, int]


def _entry(rule: Rule) -> Entry:
    """(trigger, rule, R85 may cap it, number, shown rank); number and rank are -1 when the
    colour depends on the facts."""
    cappable = rule.binds_as_foreign_national and Colour.RED in rule.base_colours()
    if isinstance(rule.colour, Colour):
        return (rule.trigger, rule, cappable, CODE_OF[rule.id, rule.colour],
                COLOUR_RANK[capped(rule, rule.colour)])
    return rule.trigger, rule, cappable, -1, -1




# Evaluations by signature: those written in advance, and any compiled since.
_generated: dict[Signature, Evaluator] = {}


def fired_code(rule: Rule, facts: Facts) -> tuple[int, int]:
    """The number and shown rank of a rule that fires for these facts (in scope, evaluated and
    triggered): rules.engine.outcome without checking those again."""
    colour = fired_colour(rule, facts)
    return CODE_OF[rule.id, colour], COLOUR_RANK[capped(rule, colour)]


def _signature(entries: tuple[Entry, ...], uncertain: bool) -> Signature:
    """What a straight-line evaluation of these entries does, rule by rule
    (rules.fast.straight_line.Step)."""
    return tuple((rule.id, -1, -1, True) if _depends_on_facts(entry, uncertain)
                 else (rule.id, code, shown, False)
                 for entry in entries for _, rule, _, code, shown in (entry,))


def signatures() -> set[Signature]:
    """The signature of every table's evaluation for every fn, committee and uncertainty."""
    return {_signature(table.entries[fn, column], uncertain)
            for table in TABLES for fn in (False, True) for column in Column
            for uncertain in (False, True) if table.entries[fn, column]}


def _depends_on_facts(entry: Entry, uncertain: bool) -> bool:
    """Whether a fired rule's number and shown colour need the facts: a colour function, or
    R85 capping its RED for an uncertain status."""
    _, _, cappable, code, _ = entry
    return code < 0 or (cappable and uncertain)


# The most answers a table's key may name (besides the derived status, fn and column) when
# rules share it: rules reading few answers repeat far more often than the combinations of
# many, so a wide rule never widens the key of narrow ones.
KEY_WIDTH = 4


def _tables() -> tuple[AreaTable, ...]:
    """Per area, rules in as few tables as keep keys narrow: each rule (widest first) joins the
    first table whose key it fits without widening it, or whose key stays within KEY_WIDTH
    answers with it; else it starts a table."""
    tables = []
    for area in AREAS:
        rules = sorted((rule for rule in RULES if rule.area is area),
                       key=lambda rule: (-len(_key_of(rule)), rule.id))
        groups: list[tuple[set[str], list[Rule]]] = []
        for rule in rules:
            read = _key_of(rule)
            home = next((g for g in groups if read <= g[0]), None) or next(
                (g for g in groups if len(g[0] | read) <= KEY_WIDTH), None)
            if home is None:
                groups.append((set(read), [rule]))
            else:
                home[0].update(read)
                home[1].append(rule)
        tables += [AreaTable(area, sorted(group, key=lambda rule: rule.id))
                   for _, group in groups]
    return tuple(tables)


def _key_of(rule: Rule) -> frozenset[str]:
    return frozenset(answers_read_by(rule)) - NOT_ANSWERS


TABLES: tuple[AreaTable, ...] = _tables()
CACHE_LIMIT = 2_000  # entries per table, date and status; cleared when full: memory stays flat
DATE_LIMIT = 16
# For one date and status: (area slot, key getter, cache, evaluation, keyed on derived facts)
# of every table that can fire.
Plan = tuple[tuple[int, Any, dict[Any, Outcome], Evaluator, bool], ...]
_plans: dict[date, dict[tuple[Status, Column], Plan]] = {}
_caches: dict[tuple[Any, ...], dict[Any, Outcome]] = {}


def _plan(as_of: date, status: Status, column: Column) -> Plan:
    """The tables to consult for one date, status and committee, each with its cache.

    A table reading the status gets a cache per status; one reading only fn, a cache per fn
    value; the others one cache per date. Tables none of whose rules can fire for this status
    and committee (foreign-national rules for a US person; rules the matrix does not evaluate
    for the committee) are left out.
    """
    fn = status not in US_PERSON_STATUSES
    plan = []
    for index, table in enumerate(TABLES):
        if not table.entries[fn, column]:
            continue
        scope: object = (status if table.derived == KEY_STATUS
                         else (fn, status in UNCERTAIN_STATUSES)
                         if table.derived == KEY_UNCERTAIN
                         else fn if table.derived == KEY_FN else None)
        committee: object = (column if table.by_column
                             else table.entries[fn, column] if table.by_matrix else None)
        cache = _caches.setdefault((as_of, index, scope, committee), {})
        evaluate = table.evaluator(fn, column, status in UNCERTAIN_STATUSES)
        plan.append((table.slot, table.getter, cache, evaluate, table.by_derived))
    return tuple(plan)


def clear() -> None:
    """Forget every remembered outcome (tests use this to compare cold and warm runs)."""
    _routes.clear()
    _plans.clear()
    _caches.clear()
    fast_facts_clear()


def outcomes(answers: Answers, as_of: date, facts: Facts | None = None
             ) -> tuple[list[int], list[Colour | None], Colour]:
    """The sorted numbers of every finding, each area's colour (in Area order) and the worst
    colour of all (brief (c)4, see `worst`).

    `facts` are derived from `answers` only if some area has not been seen with these answers.
    """
    values = answers.__dict__
    return outcomes_of(values, ANSWERS(values), as_of, facts)


def outcomes_of(values: dict[str, Any], answered: tuple[Any, ...], as_of: date,
                facts: Facts | None = None
                ) -> tuple[list[int], list[Colour | None], Colour]:
    """outcomes for answers' values, with `answered`: ANSWERS(values) (the batch path takes
    it once per row and reuses it for the missing questions)."""
    by_answers = _routes.get(as_of)
    if by_answers is None:
        if len(_routes) >= DATE_LIMIT:
            clear()
        by_answers = _routes[as_of] = {}
    route_key = _ROUTE_KEY(answered)
    route = by_answers.get(route_key)
    if route is None:
        route = _route(as_of, values)
        if len(by_answers) >= CACHE_LIMIT:
            by_answers.clear()
        by_answers[route_key] = route
    status, column, plan = route
    codes: list[int] = []
    colours: list[Colour | None] = [None] * len(AREAS)
    rank = 0
    derived: tuple[bool, bool] | None = None
    for slot, getter, cache, evaluate, by_derived in plan:
        key = getter(answered)
        if by_derived:
            if derived is None:
                derived = NEITHER if values["D5"] != SAME_TRIP else (
                    trip_made_anyway_on_own_time(values), support_paid_anyway(values))
            key = (key, derived)
        outcome = cache.get(key)
        if outcome is None:
            if facts is None:
                facts = fast_facts(values, as_of, status, column, derived, answered)
            outcome = evaluate(facts)
            if len(cache) >= CACHE_LIMIT:
                cache.clear()
            cache[key] = outcome
        fired, colour = outcome
        if fired:
            codes += fired
            shown = COLOUR_RANK[colour]  # type: ignore[index]  # fired: colour is set
            before = colours[slot]
            if before is None or shown > COLOUR_RANK[before]:
                colours[slot] = colour
            if shown > rank:
                rank = shown
    if status in UNCERTAIN_STATUSES and not CAPPED_CODES.isdisjoint(codes):
        codes.append(STATUS_CAP_CODE)
    codes.sort()
    return codes, colours, _COLOUR_OF_RANK[rank]


# The yes/no facts derived from answers that tables may be keyed on, computed in this order.
# Both need D5 "the same trip anyway" (tests prove it): for other answers, no call.
SAME_TRIP = "yes_same_trip"
NEITHER = (False, False)
if tuple(DERIVED_FROM_ANSWERS.values()) != (trip_made_anyway_on_own_time, support_paid_anyway):
    raise RuntimeError("rules.facts.DERIVED_FROM_ANSWERS changed: update memo.outcomes")

# The answers that decide the status (rules.facts.STATUS_SOURCES) and the committee
# (rules.facts.COLUMN_SOURCES): one look-up finds both, and the plan for them.
_ROUTE_KEY = itemgetter(*(POSITION[qid] for qid in (*STATUS_SOURCES, *COLUMN_SOURCES)))
Route = tuple[Status, Column, Plan]
_routes: dict[date, dict[tuple[Any, ...], Route]] = {}


def _route(as_of: date, values: dict[str, Any]) -> Route:
    """The status, committee and plan for answers seen for the first time on this date."""
    status = status_of(values)
    column = column_of(values["A1"], values["A1b"], values["A3"])
    by_status = _plans.setdefault(as_of, {})
    plan = by_status.get((status, column))
    if plan is None:
        plan = by_status[status, column] = _plan(as_of, status, column)
    return status, column, plan


_COLOUR_OF_RANK = {3: Colour.RED, 2: Colour.AMBER, 1: Colour.GREEN, 0: Colour.AMBER}


# The evaluations written in advance (rules/fast/straight_evaluations.py), imported with this
# module (from cached bytecode) but last: they call fired_code above.
from rules.fast import straight_evaluations  # noqa: E402  # a cycle: after fired_code
