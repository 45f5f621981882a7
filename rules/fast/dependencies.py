"""Which answers each rule reads, found by reading the code of its trigger and colour.

A rule's trigger is a plain function of Facts (`f.c1`, `f.over_limit()` ...). Its dependencies
are the Facts fields named in its code, in the code of the Facts methods and properties it
uses, and in the module-level functions it calls; each fact maps to the answers it is derived
from (facts.FACT_SOURCES). The engine memoises each area's findings on those answers, so a
missed dependency would reuse a wrong result: tests/rules/test_fast_paths.py compares the memo
with plain evaluation on every case and on random answers.
"""

import inspect
from collections.abc import Callable
from functools import cache
from types import CodeType, FunctionType
from typing import Any

from rules.applicability import COLUMN_DEPENDENT
from rules.facts import FACT_SOURCES, Facts
from rules.rule import AppliesTo, Colour, Rule

FACT_FIELDS = frozenset(Facts._fields)


# Both look-ups below are memoised on what cannot change (a code object; a name on the Facts
# class): the memo's tables ask about every rule several times, and most rules share Facts
# helpers, so each is read once per process instead of once per question.
@cache
def _names(code: CodeType) -> frozenset[str]:
    """Global and attribute names used by a code object and the code objects nested in it."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, CodeType):
            names |= _names(const)
    return frozenset(names)


@cache
def _facts_member(name: str) -> Callable[..., Any] | None:
    """The function behind a Facts property or method of that name (None for anything else)."""
    member = inspect.getattr_static(Facts, name, None)
    if isinstance(member, property) and member.fget is not None:
        fget: Callable[..., Any] = member.fget
        return fget
    if isinstance(member, FunctionType):
        return member
    return None


def facts_read_by(fn: Callable[..., Any], _seen: set[int] | None = None) -> frozenset[str]:
    """The Facts fields a predicate (or colour function) may read, directly or indirectly."""
    seen = set() if _seen is None else _seen
    if id(fn) in seen:
        return frozenset()
    seen.add(id(fn))
    code = getattr(fn, "__code__", None)
    if not isinstance(code, CodeType):
        raise TypeError(f"cannot tell which facts {fn!r} reads: it is not a Python function")
    names = _names(code)
    read = set(names & FACT_FIELDS)
    helpers: list[Callable[..., Any]] = []
    module_globals = getattr(fn, "__globals__", {})
    for name in names:
        member = _facts_member(name)
        if member is not None:
            helpers.append(member)
        called = module_globals.get(name)
        if isinstance(called, FunctionType):
            helpers.append(called)
    for cell in getattr(fn, "__closure__", None) or ():
        if isinstance(cell.cell_contents, FunctionType):
            helpers.append(cell.cell_contents)
    for helper in helpers:
        read |= facts_read_by(helper, seen)
    return frozenset(read)


def facts_read_by_rule(rule: Rule) -> frozenset[str]:
    """Facts a rule's scope, trigger and colour depend on."""
    read = set(facts_read_by(rule.trigger))
    if not isinstance(rule.colour, str):
        read |= facts_read_by(rule.colour)
    if rule.applies_to is not AppliesTo.ALL:
        read.add("fn")
    if rule.binds_as_foreign_national and Colour.RED in rule.base_colours():
        read.add("fn")  # R85 caps its RED when the foreign-national status is uncertain
    return frozenset(read)


# What rules.engine.outcome adds to a rule's own reading: whether the applicability matrix
# evaluates it for the committee ("matrix"), and whether R85 caps it ("uncertain": the
# foreign-national status is only assumed). Not answers: the speed path keys its caches on them.
ENGINE_SOURCES = frozenset({"matrix", "uncertain"})


def answers_read_by(rule: Rule) -> tuple[str, ...]:
    """What a rule's outcome depends on, sorted: question ids, and "status" or "fn" (derived
    from B1, B2, B3 and B8) and "column" (the committee, derived from A1, A1b and A3); the date
    matters too, always."""
    facts = facts_read_by_rule(rule)
    sources = {qid for fact in facts for qid in FACT_SOURCES[fact]}
    if rule.id in COLUMN_DEPENDENT:
        sources.add("matrix")
    if rule.binds_as_foreign_national and Colour.RED in rule.base_colours():
        sources.add("uncertain")
    return tuple(sorted(sources))
