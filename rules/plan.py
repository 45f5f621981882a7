"""Remedies a person can act on: the smallest combination of remedies that reaches the best
colour the remedies can reach (issue 8).

A search over states of raw answers. From each state the moves are the answer substitutions
(`Rule.substitutions`) of the red and amber findings firing in that state, so a remedy of a
finding that only appears after an earlier change is available too. A move not `allowed` for the
answers, or one that changes nothing, is skipped; otherwise it is applied to the raw answers,
validated (invalid answers are skipped) and coloured through rules.memo. The search is
breadth-first by number of remedies, so the first state found with the best colour uses the
fewest; it stops at GREEN, at MAX_STEPS remedies or after MAX_STATES distinct answers, and then
offers the best colour seen. Ties go to rule order, then the catalogue's order of a rule's
remedies (its main remedy first).

Many reasons can need more remedies than that search combines (six red reasons need six). When
it does not reach GREEN, a plan built step by step (each step the remedy that improves most:
colour, then red findings, then findings) up to GREEDY_STEPS is offered instead if it reaches a
better colour; such a plan is short but not proven shortest.

Deterministic: same answers and date, same plan.
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from rules import engine
from rules.answers import Answers, validate_answers
from rules.catalogue import RULES
from rules.facts import derive_facts
from rules.fast import memo
from rules.remedies import advises_immigration_breach, takes_pay_or_us_benefit
from rules.result import Plan, PlanStep
from rules.rule import COLOUR_RANK, Colour, RawAnswers, Rule, Substitution

MAX_STEPS = 5
MAX_STATES = 1_000
GREEDY_STEPS = 15

_RULE_ORDER = {rule.id: index for index, rule in enumerate(RULES)}
_BEST_RANK = COLOUR_RANK[Colour.GREEN]
_WORST_RANK = COLOUR_RANK[Colour.RED] + 1

Key = tuple[Any, ...]
Move = tuple[Rule, Substitution]


def allowed(substitution: Substitution, raw: Mapping[str, Any]) -> bool:
    """May this remedy be offered to whoever gave `raw`? (the rules' own `only_if`, if any)"""
    return substitution.allowed(raw)


answer_changes = engine._changes


_moves: dict[tuple[int, ...], tuple[Move, ...]] = {}


def moves(codes: list[int]) -> tuple[Move, ...]:
    """The remedies of the red and amber findings `codes`, in rule order then catalogue order;
    a remedy several rules share is offered once, for the first of them."""
    found = _moves.get(tuple(codes))
    if found is not None:
        return found
    rules = sorted({memo.PAIRS[code][0] for code in codes if memo.ACTIONABLE[code]},
                   key=lambda rule: _RULE_ORDER[rule.id])
    offered: dict[int, Move] = {}
    for rule in rules:
        for substitution in rule.substitutions:
            offered.setdefault(id(substitution), (rule, substitution))
    found = tuple(offered.values())
    if len(_moves) >= 4_096:
        _moves.clear()
    _moves[tuple(codes)] = found
    return found


def _remaining(codes: list[int]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(memo.RULE_ID_OF[c] for c in codes if memo.ACTIONABLE[c]))


class _State:
    """Answers reached by some remedies (their raw form made only when they are expanded)."""

    __slots__ = ("_raw", "answers", "codes", "colour", "steps")

    def __init__(self, answers: Answers, codes: list[int], colour: Colour,
                 steps: tuple[Move, ...]) -> None:
        self.answers = answers
        self.codes = codes
        self.colour = colour
        self.steps = steps
        self._raw: RawAnswers | None = None

    @property
    def raw(self) -> RawAnswers:
        if self._raw is None:
            self._raw = self.answers.as_dict()
        return self._raw

    @property
    def key(self) -> Key:
        return tuple(self.answers.__dict__.values())

    def then(self, rule: Rule, substitution: Substitution, answers: Answers,
             as_of: date) -> "_State":
        """The state after one more remedy, whose (validated) answers are `answers`."""
        codes, _, colour = memo.outcomes(answers, as_of)
        return _State(answers, codes, colour, (*self.steps, (rule, substitution)))


def _rank(state: _State | None) -> int:
    return COLOUR_RANK[state.colour] if state is not None else _WORST_RANK


def _changed(state: _State, substitution: Substitution, as_of: date) -> RawAnswers | None:
    """The raw answers with the remedy applied; None when not allowed or nothing changes."""
    if not allowed(substitution, state.raw):
        return None
    changed = substitution.apply(state.raw, as_of)
    return None if changed == state.raw else changed


def _checked(state: _State, substitution: Substitution, as_of: date) -> Answers | None:
    """The validated answers after the remedy; None when it changes nothing, gives invalid
    answers, or would advise an immigration breach (rules.remedies, amendment 1 section 12)."""
    changed = _changed(state, substitution, as_of)
    if changed is None:
        return None
    checked = validate_answers(changed, as_of)
    if not checked.ok or checked.answers is None:
        return None
    if takes_pay_or_us_benefit(state.raw, changed) and advises_immigration_breach(
            substitution.label, state.raw, checked.answers.as_dict(),
            derive_facts(checked.answers, as_of)):
        return None
    return checked.answers


def _search(start: _State, as_of: date, max_steps: int, max_states: int) -> _State | None:
    """Breadth-first: the first state found with the best colour (None: nothing better)."""
    best: _State | None = None
    best_rank = _rank(start)
    seen = {start.key}
    level = [start]
    for _ in range(max_steps):
        following: list[_State] = []
        for state in level:
            for rule, substitution in moves(state.codes):
                answers = _checked(state, substitution, as_of)
                if answers is None:
                    continue
                key = tuple(answers.__dict__.values())
                if key in seen:
                    continue
                if len(seen) > max_states:
                    return best
                seen.add(key)
                child = state.then(rule, substitution, answers, as_of)
                if _rank(child) < best_rank:
                    best, best_rank = child, _rank(child)
                    if best_rank <= _BEST_RANK:
                        return best
                following.append(child)
        if not following:
            break
        level = following
    return best


def _score(state: _State) -> tuple[int, int, int]:
    """Colour, then how many red findings, then how many red or amber findings."""
    red = sum(1 for code in state.codes
              if memo.capped(*memo.PAIRS[code]) is Colour.RED)
    return _rank(state), red, len(_remaining(state.codes))


def _greedy(start: _State, as_of: date, max_steps: int) -> _State | None:
    """For plans longer than the breadth-first search reaches: at each step the remedy that
    improves most (colour, then red findings, then findings), until none improves."""
    state, score = start, _score(start)
    for _ in range(max_steps):
        best: tuple[tuple[int, int, int], _State] | None = None
        for rule, substitution in moves(state.codes):
            answers = _checked(state, substitution, as_of)
            if answers is None:
                continue
            child = state.then(rule, substitution, answers, as_of)
            child_score = _score(child)
            if child_score < score and (best is None or child_score < best[0]):
                best = child_score, child
        if best is None:
            break
        score, state = best
        if _rank(state) <= _BEST_RANK:
            break
    return state if state is not start else None


def best_plan(answers: Answers, as_of: date, *, max_steps: int = MAX_STEPS,
              max_states: int = MAX_STATES) -> Plan | None:
    """The fewest remedies that together reach the best colour reachable (GREEN if any
    combination of up to `max_steps` remedies reaches it); None when no combination improves
    on the current colour.

    When no combination of up to `max_steps` remedies reaches GREEN, a longer plan found step by
    step (each step the remedy that helps most, up to GREEDY_STEPS) is offered instead if it
    reaches a better colour: many reasons can need more remedies than the search can combine.
    """
    codes, _, colour = memo.outcomes(answers, as_of)
    start = _State(answers, codes, colour, ())
    if _rank(start) <= _BEST_RANK:
        return None
    best = _search(start, as_of, max_steps, max_states)
    if _rank(best) > _BEST_RANK:
        longer = _greedy(start, as_of, GREEDY_STEPS)
        if longer is not None and _rank(longer) < min(_rank(best), _rank(start)):
            best = longer
    if best is None:
        return None
    steps = tuple(PlanStep(label=sub.label, rule=rule.id) for rule, sub in best.steps)
    return Plan(steps=steps, colour=best.colour,
                changes=answer_changes(start.raw, best.raw), remaining=_remaining(best.codes))


__all__ = ["GREEDY_STEPS", "MAX_STATES", "MAX_STEPS", "Plan", "PlanStep", "allowed",
           "best_plan"]
