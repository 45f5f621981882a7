"""The engine of brief (c): derive status, evaluate every rule, combine, explain."""

from collections.abc import Iterable, Mapping
from datetime import date
from operator import itemgetter
from typing import Any, NamedTuple

from rules import memo
from rules.answers import Answers, Validation, validate_answers
from rules.catalogue import RULES
from rules.facts import Facts, derive_facts
from rules.parameters import check_date, load_parameters, parameter_value
from rules.plan import allowed, answer_changes, best_plan
from rules.questions import QUESTION_BY_ID, QUESTIONS, Kind
from rules.result import (
    Assessment,
    CitationOut,
    Counterfactual,
    Finding,
    MissingFact,
    RulesetInfo,
)
from rules.rule import COLOUR_RANK, Area, Colour, Rule

Fired = tuple[tuple[Rule, Colour], ...]
ELECTION_AREAS = tuple(area for area in Area if area is not Area.IMMIGRATION)
_ELECTION_SLOTS = tuple(i for i, area in enumerate(memo.AREAS) if area is not Area.IMMIGRATION)


def evaluate(facts: Facts) -> Fired:
    """Every rule whose scope and trigger match, with the colour it takes for these facts.

    The plain reading of brief (c)3 (in rule order); assess and screen get the same findings
    through rules.memo.
    """
    return tuple(
        (rule, rule.colour_for(facts))
        for rule in RULES
        if rule.applies(facts) and rule.trigger(facts)
    )


def combine(colours: Iterable[Colour]) -> Colour:
    """Worst colour wins; NOTE never counts; with no green at all the result is not green."""
    return memo.worst(colours)


def _is_immigration(rule: Rule) -> bool:
    return rule.area is Area.IMMIGRATION


_capped = memo.capped
_order_key = memo.order_key


def overall_colour(fired: Fired) -> Colour:
    return combine(_capped(rule, colour) for rule, colour in fired)


def _area_colours(fired: Fired) -> dict[Area, Colour | None]:
    """Worst colour per area; NOTE when only notes fired; None when nothing did."""
    areas: dict[Area, Colour | None] = {}
    for area in Area:
        colours = [_capped(rule, c) for rule, c in fired if rule.area is area]
        areas[area] = max(colours, key=COLOUR_RANK.__getitem__) if colours else None
    return areas


def wording_context(facts: Facts, as_of: date) -> dict[str, str]:
    """Values interpolated into rule texts, taken from the parameters in force."""
    return {
        "limit": f"${facts.limit:,}",
        "limit_scope": "candidate per election",
        "days_cash": str(parameter_value("reimbursement_days_cash", as_of)),
        "days_card": str(parameter_value("reimbursement_days_card_statement", as_of)),
        "incidental_week": str(parameter_value("incidental_use_hours_per_week", as_of)),
        "incidental_month": str(parameter_value("incidental_use_hours_per_month", as_of)),
    }


def counterfactuals(rule: Rule, answers: Answers, as_of: date) -> tuple[Counterfactual, ...]:
    """Apply each remedy substitution, re-assess, keep only those that clear the finding."""
    before = answers.as_dict()
    found: list[Counterfactual] = []
    for substitution in rule.substitutions:
        if not allowed(substitution, before):
            continue
        checked = validate_answers(substitution.apply(before), as_of)
        if not checked.ok or checked.answers is None:
            continue
        codes, _, colour = memo.outcomes(checked.answers, as_of)
        if any(memo.RULE_ID_OF[code] == rule.id and memo.ACTIONABLE[code] for code in codes):
            continue
        after = checked.answers.as_dict()
        found.append(Counterfactual(
            label=substitution.label, colour=colour,
            changes=answer_changes(before, after)))
    return tuple(found)


def _finding(rule: Rule, colour: Colour, context: dict[str, str],
             extras: tuple[Counterfactual, ...]) -> Finding:
    return Finding(
        rule=rule.id, name=rule.name, colour=_capped(rule, colour), severity=rule.severity
        if colour is Colour.AMBER else None, area=rule.area, applies_to=rule.applies_to,
        immigration=_is_immigration(rule), label=rule.label,
        text=rule.text.format(**context), remedy=rule.remedy.format(**context),
        citations=tuple(CitationOut.of(c) for c in rule.citations), counterfactuals=extras,
    )


# Questions whose answer can be "I don't know" (or withheld), in question order.
_UNKNOWABLE: tuple[tuple[str, bool], ...] = tuple(
    (q.id, q.kind is Kind.MULTI) for q in QUESTIONS
    if q.kind is Kind.AMOUNT or {"unknown", "prefer_not_say"} & set(q.codes))
_UNKNOWN_WORDS = frozenset({"unknown", "prefer_not_say"})
_SINGLE_UNKNOWABLE = itemgetter(*(qid for qid, multi in _UNKNOWABLE if not multi))
_MULTI_UNKNOWABLE = itemgetter(*(qid for qid, multi in _UNKNOWABLE if multi))


def _any_unknown(values: dict[str, Any]) -> bool:
    if not _UNKNOWN_WORDS.isdisjoint(_SINGLE_UNKNOWABLE(values)):
        return True
    for codes in _MULTI_UNKNOWABLE(values):
        if codes is not None and ("unknown" in codes or "prefer_not_say" in codes):
            return True
    return False


def missing_questions(answers: Answers) -> tuple[str, ...]:
    """Every question answered 'I don't know' (or withheld), in question order."""
    values = answers.__dict__
    if not _any_unknown(values):
        return ()
    missing = []
    for qid, multi in _UNKNOWABLE:
        value = values[qid]
        if multi:
            if value is not None and ("unknown" in value or "prefer_not_say" in value):
                missing.append(qid)
        elif value in _UNKNOWN_WORDS:
            missing.append(qid)
    return tuple(missing)


def missing_facts(answers: Answers) -> tuple[MissingFact, ...]:
    """Every question answered 'I don't know' (or withheld), with its wording.

    A result lists them only when it is not GREEN: they are the facts that stand between the
    volunteer and a green result (an 'I don't know' that changes nothing is not one).
    """
    return tuple(MissingFact(question=qid, prompt=QUESTION_BY_ID[qid].text)
                 for qid in missing_questions(answers))


def assess(answers: Answers, as_of: date | None = None, *, explain: bool = True) -> Assessment:
    """Assess validated answers as of a date (default today).

    With `explain`, red and amber findings carry counterfactual remedies, and a result that is
    not GREEN the smallest plan of remedies that reaches the best colour they can (slower).
    """
    when = as_of or date.today()
    check_date(when)
    facts = derive_facts(answers, when)
    codes, colours, colour = memo.outcomes(answers, when, facts)
    fired = [memo.PAIRS[code] for code in codes]
    context = wording_context(facts, when)
    params = load_parameters()
    findings = tuple(
        _finding(rule, colour, context,
                 counterfactuals(rule, answers, when)
                 if explain and colour in (Colour.RED, Colour.AMBER) else ())
        for rule, colour in fired
    )
    return Assessment(
        colour=colour,
        election_colour=memo.worst(colours[i] for i in _ELECTION_SLOTS),
        status=facts.status, areas=dict(zip(memo.AREAS, colours, strict=True)),
        findings=findings,
        missing=missing_facts(answers) if colour is not Colour.GREEN else (),
        ruleset=RulesetInfo(version=params.ruleset_version,
                            research_reviewed=params.research_reviewed),
        as_of=when,
        plan=best_plan(answers, when) if explain and colour is not Colour.GREEN else None,
    )


class Screening(NamedTuple):
    """The light-weight result used when screening thousands of people (immutable)."""

    colour: Colour
    areas: dict[Area, Colour | None]
    fired: tuple[str, ...]
    top_rule: str | None
    missing: tuple[str, ...]


def screen(answers: Answers, as_of: date) -> Screening:
    """Colours and fired rule ids only: no wording, no counterfactuals."""
    codes, colours, colour = memo.outcomes(answers, as_of)
    return Screening(
        colour, dict(zip(memo.AREAS, colours, strict=False)),
        tuple(map(memo.RULE_ID_OF.__getitem__, codes)),
        memo.RULE_ID_OF[codes[0]] if codes and memo.ACTIONABLE[codes[0]] else None,
        missing_questions(answers) if colour is not Colour.GREEN else (),
    )


def assess_raw(raw: Mapping[str, Any], as_of: date | None = None
               ) -> tuple[Validation, Assessment | None]:
    """Validate then assess; the assessment is None when validation found issues."""
    when = as_of or date.today()
    checked = validate_answers(raw, when)
    if not checked.ok or checked.answers is None:
        return checked, None
    return checked, assess(checked.answers, when)
