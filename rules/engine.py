"""The engine of brief (c): derive status, evaluate every rule, combine, explain."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from rules.answers import Answers, Validation, validate_answers
from rules.catalogue import RULES
from rules.facts import Facts, derive_facts
from rules.parameters import check_date, load_parameters
from rules.questions import QUESTIONS
from rules.result import (
    Assessment,
    CitationOut,
    Counterfactual,
    Finding,
    MissingFact,
    RulesetInfo,
)
from rules.rule import COLOUR_RANK, SEVERITY_RANK, Area, Colour, Rule

Fired = tuple[tuple[Rule, Colour], ...]
ELECTION_AREAS = tuple(area for area in Area if area is not Area.IMMIGRATION)


def evaluate(facts: Facts) -> Fired:
    """Every rule whose scope and trigger match, with the colour it takes for these facts."""
    return tuple(
        (rule, rule.colour_for(facts))
        for rule in RULES
        if rule.applies(facts) and rule.trigger(facts)
    )


def combine(colours: Iterable[Colour]) -> Colour:
    """Worst colour wins; NOTE never counts; with no green at all the result is not green."""
    worst = max(colours, key=COLOUR_RANK.__getitem__, default=Colour.NOTE)
    return Colour.AMBER if worst is Colour.NOTE else worst


def _is_immigration(rule: Rule) -> bool:
    return rule.area is Area.IMMIGRATION


def _capped(rule: Rule, colour: Colour) -> Colour:
    """Immigration findings never exceed AMBER (brief (c)9)."""
    return Colour.AMBER if _is_immigration(rule) and colour is Colour.RED else colour


def overall_colour(fired: Fired) -> Colour:
    return combine(_capped(rule, colour) for rule, colour in fired)


def _area_colours(fired: Fired) -> dict[Area, Colour | None]:
    """Worst colour per area; NOTE when only notes fired; None when nothing did."""
    areas: dict[Area, Colour | None] = {}
    for area in Area:
        colours = [_capped(rule, c) for rule, c in fired if rule.area is area]
        areas[area] = max(colours, key=COLOUR_RANK.__getitem__) if colours else None
    return areas


def _order_key(item: tuple[Rule, Colour]) -> tuple[int, int, str]:
    rule, colour = item
    severity = SEVERITY_RANK[rule.severity] if colour is Colour.AMBER and rule.severity else 1
    return (-COLOUR_RANK[colour], severity, rule.id)


def wording_context(facts: Facts, as_of: date) -> dict[str, str]:
    """Values interpolated into rule texts, taken from the parameters in force."""
    params = load_parameters()
    party = facts.a1 == "us_party_committee"
    return {
        "limit": f"${facts.limit:,}",
        "limit_scope": (
            "calendar year for all committees of one party" if party
            else "candidate per election"
        ),
        "days_cash": str(params.value("reimbursement_days_cash", as_of)),
        "days_card": str(params.value("reimbursement_days_card_statement", as_of)),
        "incidental_week": str(params.value("incidental_use_hours_per_week", as_of)),
        "incidental_month": str(params.value("incidental_use_hours_per_month", as_of)),
    }


def _changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    keys = sorted(set(before) | set(after))
    return {k: after.get(k) for k in keys if before.get(k) != after.get(k)}


def counterfactuals(rule: Rule, answers: Answers, as_of: date) -> tuple[Counterfactual, ...]:
    """Apply each remedy substitution, re-assess, keep only those that clear the finding."""
    before = answers.as_dict()
    found: list[Counterfactual] = []
    for substitution in rule.substitutions:
        checked = validate_answers(substitution.apply(before), as_of)
        if not checked.ok or checked.answers is None:
            continue
        fired = evaluate(derive_facts(checked.answers, as_of))
        if any(r.id == rule.id and c in (Colour.RED, Colour.AMBER) for r, c in fired):
            continue
        after = checked.answers.as_dict()
        found.append(Counterfactual(
            label=substitution.label, colour=overall_colour(fired),
            changes=_changes(before, after)))
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


def missing_facts(answers: Answers) -> tuple[MissingFact, ...]:
    """Every question answered 'I don't know' (or withheld), in question order."""
    data = answers.as_dict()
    missing: list[MissingFact] = []
    for question in QUESTIONS:
        value = data.get(question.id)
        values = value if isinstance(value, list) else [value]
        if "unknown" in values or "prefer_not_say" in values:
            missing.append(MissingFact(question=question.id, prompt=question.text))
    return tuple(missing)


def assess(answers: Answers, as_of: date | None = None, *, explain: bool = True) -> Assessment:
    """Assess validated answers as of a date (default today).

    With `explain`, red and amber findings carry counterfactual remedies (slower).
    """
    when = as_of or date.today()
    check_date(when)
    facts = derive_facts(answers, when)
    fired = tuple(sorted(evaluate(facts), key=_order_key))
    context = wording_context(facts, when)
    params = load_parameters()
    findings = tuple(
        _finding(rule, colour, context,
                 counterfactuals(rule, answers, when)
                 if explain and colour in (Colour.RED, Colour.AMBER) else ())
        for rule, colour in fired
    )
    election = combine(c for r, c in fired if not _is_immigration(r))
    return Assessment(
        colour=overall_colour(fired), election_colour=election, status=facts.status,
        areas=_area_colours(fired), findings=findings, missing=missing_facts(answers),
        ruleset=RulesetInfo(version=params.ruleset_version,
                            research_reviewed=params.research_reviewed),
        as_of=when,
    )


@dataclass(frozen=True, slots=True)
class Screening:
    """The light-weight result used when screening thousands of people."""

    colour: Colour
    areas: dict[Area, Colour | None]
    fired: tuple[str, ...]
    top_rule: str | None
    missing: tuple[str, ...]


def screen(answers: Answers, as_of: date) -> Screening:
    """Colours and fired rule ids only: no wording, no counterfactuals."""
    fired = tuple(sorted(evaluate(derive_facts(answers, as_of)), key=_order_key))
    top = next((r.id for r, c in fired if c in (Colour.RED, Colour.AMBER)), None)
    return Screening(
        colour=overall_colour(fired), areas=_area_colours(fired),
        fired=tuple(r.id for r, _ in fired), top_rule=top,
        missing=tuple(m.question for m in missing_facts(answers)),
    )


def assess_raw(raw: Mapping[str, Any], as_of: date | None = None
               ) -> tuple[Validation, Assessment | None]:
    """Validate then assess; the assessment is None when validation found issues."""
    when = as_of or date.today()
    checked = validate_answers(raw, when)
    if not checked.ok or checked.answers is None:
        return checked, None
    return checked, assess(checked.answers, when)
