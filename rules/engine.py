"""The engine of brief (c) and amendment 1: scope each rule, evaluate, combine, explain.

The legal combination lives here: the applicability matrix (rules.applicability), the status
cap of R85, the immigration cap of (c)9, the reason order of (c)10 and the worst colour of (c)4.
The speed path (rules.fast) remembers outcomes and is proven equal to `evaluate` by tests.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from operator import itemgetter
from typing import Any, NamedTuple

from rules.answers import Answers, Validation, validate_answers
from rules.applicability import Column, evaluated
from rules.branching import transport_limit
from rules.catalogue import RULE_BY_ID, RULES
from rules.facts import Facts, Status, derive_facts
from rules.parameters import check_date, load_parameters, parameter_value
from rules.questions import QUESTION_BY_ID, QUESTIONS, Kind
from rules.remedies import advises_immigration_breach
from rules.result import (
    Assessment,
    CitationOut,
    Counterfactual,
    Finding,
    MissingFact,
    Plan,
    RulesetInfo,
)
from rules.rule import (
    COLOUR_RANK,
    SEVERITY_RANK,
    Area,
    Colour,
    Rule,
    Severity,
)

Fired = tuple[tuple[Rule, Colour], ...]
Pair = tuple[Rule, Colour]
AREAS: tuple[Area, ...] = tuple(Area)
ELECTION_AREAS = tuple(area for area in Area if area is not Area.IMMIGRATION)
_ELECTION_SLOTS = tuple(i for i, area in enumerate(AREAS) if area is not Area.IMMIGRATION)
# R85: foreign-national status only assumed (R05) or uncertain (R07).
UNCERTAIN_STATUSES = frozenset({Status.UNKNOWN, Status.LPR_ABROAD})
STATUS_CAP_RULE = "R85"
STATUS_CAP_PREFIX = ("If you are a foreign national this is prohibited; confirm your status "
                     "first. ")


def status_capped(rule: Rule, facts: Facts) -> bool:
    """R85: a conduct rule that would be RED, for someone only treated as a foreign national."""
    return (facts.status in UNCERTAIN_STATUSES and rule.binds_as_foreign_national
            and rule.colour_for(facts) is Colour.RED)


def outcome(rule: Rule, facts: Facts) -> Colour | None:
    """The colour a rule takes for these facts, or None when it does not fire.

    In order: scope by status ((c)7), the applicability matrix by committee (amendment 1
    section 1: a rule not evaluated for the committee never fires; another rule speaks), the
    rule's own trigger, its colour, and R85's cap of RED at AMBER for an uncertain status.
    """
    if not rule.applies(facts) or not evaluated(rule.id, facts.column):
        return None
    if not rule.trigger(facts):
        return None
    return fired_colour(rule, facts)


def fired_colour(rule: Rule, facts: Facts) -> Colour:
    """The colour of a rule that fires for these facts (in scope, evaluated, triggered): its
    colour, with R85's cap of RED at AMBER for an uncertain status (status_capped)."""
    colour = rule.colour_for(facts)
    if colour is Colour.RED and facts.status in UNCERTAIN_STATUSES and (
            rule.binds_as_foreign_national):
        return Colour.AMBER
    return colour


def evaluate(facts: Facts) -> Fired:
    """Every rule that fires, with its colour (in rule order); R85 is added as a note when it
    capped a finding. assess and screen get the same findings through rules.fast.memo."""
    fired = [(rule, colour) for rule in RULES
             if (colour := outcome(rule, facts)) is not None]
    if any(status_capped(rule, facts) for rule, _ in fired):
        fired.append((RULE_BY_ID[STATUS_CAP_RULE], Colour.NOTE))
        fired.sort(key=lambda pair: pair[0].id)
    return tuple(fired)


def amber_severity(rule: Rule, facts: Facts) -> Severity | None:
    """An amber finding's severity: the rule's, or the one its facts give (severity_for)."""
    return rule.severity_for(facts) if rule.severity_for is not None else rule.severity


def _finding_order(finding: Finding) -> tuple[int, int, str]:
    """Brief (c)10 on shown findings: RED, AMBER by their severity, GREEN, NOTE (stable for
    rules whose severity is fixed: the same order as order_key)."""
    severity = SEVERITY_RANK[finding.severity] if finding.severity is not None else 1
    return (-COLOUR_RANK[finding.colour], severity, finding.rule)


def order_key(item: Pair) -> tuple[int, int, str]:
    """Brief (c)10: RED, then AMBER by severity (high to low), then GREEN, then NOTE."""
    rule, colour = item
    severity = SEVERITY_RANK[rule.severity] if colour is Colour.AMBER and rule.severity else 1
    if colour is Colour.AMBER and Colour.RED in rule.base_colours() and (
            rule.binds_as_foreign_national):
        severity = SEVERITY_RANK[Severity.HIGH]  # R85: a capped RED is AMBER (high)
    return (-COLOUR_RANK[colour], severity, rule.id)


def capped(rule: Rule, colour: Colour) -> Colour:
    """Immigration findings never exceed AMBER (brief (c)9)."""
    return Colour.AMBER if rule.area is Area.IMMIGRATION and colour is Colour.RED else colour


_COLOUR_OF_RANK = {3: Colour.RED, 2: Colour.AMBER, 1: Colour.GREEN, 0: Colour.AMBER}


def worst(colours: Iterable[Colour | None]) -> Colour:
    """Brief (c)4: the worst colour; NOTE never counts, and with nothing else the result is
    AMBER (a result is green only when something green fired)."""
    rank = 0
    for colour in colours:
        if colour is not None and COLOUR_RANK[colour] > rank:
            rank = COLOUR_RANK[colour]
    return _COLOUR_OF_RANK[rank]


def combine(colours: Iterable[Colour | None]) -> Colour:
    """Worst colour wins; NOTE never counts; with no green at all the result is not green."""
    return worst(colours)


def _is_immigration(rule: Rule) -> bool:
    return rule.area is Area.IMMIGRATION


def overall_colour(fired: Fired) -> Colour:
    return combine(capped(rule, colour) for rule, colour in fired)


def _area_colours(fired: Fired) -> dict[Area, Colour | None]:
    """Worst colour per area; NOTE when only notes fired; None when nothing did."""
    areas: dict[Area, Colour | None] = {}
    for area in Area:
        colours = [capped(rule, c) for rule, c in fired if rule.area is area]
        areas[area] = max(colours, key=COLOUR_RANK.__getitem__) if colours else None
    return areas


LIMIT_SCOPE = {Column.PARTY: "calendar year for all committees of one party"}
LIMIT_SCOPE_DEFAULT = "candidate per election"
# R82's reason, by committee (amendment 1 section 1).
CORPORATE_SCOPE = {
    Column.SUPER_PAC: "A super PAC may lawfully accept this as an in-kind contribution from a "
    "US company, union or non-profit (AO 2010-11); the super PAC must report it.",
    Column.HYBRID_PAC: "A hybrid PAC may take company money only into its separate "
    "independent-expenditure account; check with the PAC that it is handled that way.",
    Column.PAC_UNKNOWN: "A super PAC may accept company money but a traditional PAC may not; "
    "find out which kind this PAC is.",
    Column.STATE_LOCAL: "The federal ban on corporate contributions reaches only federal "
    "elections (except national banks and federally chartered corporations); whether a "
    "company may pay for this in a state or local race depends on state law.",
    Column.BALLOT_MEASURE: "Companies may spend on ballot measures under the Constitution "
    "(First National Bank of Boston v. Bellotti), but state disclosure rules apply.",
}
CORPORATE_SCOPE_DEFAULT = ("Federal law bars corporate and union contributions in federal "
                           "elections (52 U.S.C. 30118).")


def wording_context(facts: Facts, as_of: date) -> dict[str, str]:
    """Values interpolated into rule texts, taken from the parameters in force."""
    return {
        "limit": f"${facts.limit:,}",
        "federal_limit": f"${transport_limit(as_of):,}",
        "limit_scope": LIMIT_SCOPE.get(facts.column, LIMIT_SCOPE_DEFAULT),
        "corp_verdict": CORPORATE_SCOPE.get(facts.column, CORPORATE_SCOPE_DEFAULT),
        "days_cash": str(parameter_value("reimbursement_days_cash", as_of)),
        "days_card": str(parameter_value("reimbursement_days_card_statement", as_of)),
        "incidental_week": str(parameter_value("incidental_use_hours_per_week", as_of)),
        "incidental_month": str(parameter_value("incidental_use_hours_per_month", as_of)),
    }


def catalogue_wording(as_of: date) -> dict[str, str]:
    """The values a rule text takes, for the catalogue (not one person): every committee's."""
    federal = transport_limit(as_of)
    party = transport_limit(as_of, Column.PARTY)
    verdicts = [f"for a {column.value.replace('_', ' ')}: {text}"
                for column, text in CORPORATE_SCOPE.items()]
    return {
        "limit": f"${federal:,} (${party:,} for a party's committees)",
        "federal_limit": f"${federal:,}",
        "limit_scope": "candidate per election (a calendar year for all committees of one party)",
        "corp_verdict": "Federal law bars corporate and union contributions in federal "
        "elections (52 U.S.C. 30118); " + "; ".join(verdicts),
        "days_cash": str(parameter_value("reimbursement_days_cash", as_of)),
        "days_card": str(parameter_value("reimbursement_days_card_statement", as_of)),
        "incidental_week": str(parameter_value("incidental_use_hours_per_week", as_of)),
        "incidental_month": str(parameter_value("incidental_use_hours_per_month", as_of)),
    }


def _changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """The answers that differ, with their new value (None: no longer given)."""
    keys = sorted(set(before) | set(after))
    return {k: after.get(k) for k in keys if before.get(k) != after.get(k)}


def _plan(answers: Answers, as_of: date) -> Plan | None:
    """rules.plan.best_plan (imported here: the plan search uses the speed path)."""
    from rules.plan import best_plan
    return best_plan(answers, as_of)


def counterfactuals(rule: Rule, answers: Answers, as_of: date) -> tuple[Counterfactual, ...]:
    """Apply each remedy substitution, re-assess, keep only those that clear the finding."""
    before = answers.as_dict()
    found: list[Counterfactual] = []
    for substitution in rule.substitutions:
        if not substitution.allowed(before):
            continue
        checked = validate_answers(substitution.apply(before, as_of), as_of)
        if not checked.ok or checked.answers is None:
            continue
        after = checked.answers.as_dict()
        if advises_immigration_breach(substitution.label, before, after,
                                      derive_facts(checked.answers, as_of)):
            continue
        from rules.fast import memo
        codes, _, colour = memo.outcomes(checked.answers, as_of)
        if any(memo.RULE_ID_OF[code] == rule.id and memo.ACTIONABLE[code] for code in codes):
            continue
        found.append(Counterfactual(
            label=substitution.label, colour=colour,
            changes=_changes(before, after)))
    return tuple(found)


def _finding(rule: Rule, colour: Colour, context: dict[str, str],
             extras: tuple[Counterfactual, ...], facts: Facts) -> Finding:
    by_cap = colour is Colour.AMBER and status_capped(rule, facts)
    severity = Severity.HIGH if by_cap else amber_severity(rule, facts) \
        if colour is Colour.AMBER else None
    return Finding(
        rule=rule.id, name=rule.name, colour=capped(rule, colour), severity=severity,
        area=rule.area, applies_to=rule.applies_to,
        immigration=_is_immigration(rule), label=rule.label,
        text=(STATUS_CAP_PREFIX if by_cap else "") + rule.text.format(**context),
        remedy=rule.remedy.format(**context),
        citations=tuple(CitationOut.of(c) for c in rule.citations), counterfactuals=extras,
    )


# Questions whose answer can be "I don't know" (or withheld), in question order.
UNKNOWABLE: tuple[tuple[str, bool], ...] = tuple(
    (q.id, q.kind is Kind.MULTI) for q in QUESTIONS
    if q.kind in (Kind.AMOUNT, Kind.DAYS) or {"unknown", "prefer_not_say"} & set(q.codes))
UNKNOWN_WORDS = frozenset({"unknown", "prefer_not_say"})
_SINGLE_UNKNOWABLE = itemgetter(*(qid for qid, multi in UNKNOWABLE if not multi))
_MULTI_UNKNOWABLE = itemgetter(*(qid for qid, multi in UNKNOWABLE if multi))


def _any_unknown(values: dict[str, Any]) -> bool:
    if not UNKNOWN_WORDS.isdisjoint(_SINGLE_UNKNOWABLE(values)):
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
    for qid, multi in UNKNOWABLE:
        value = values[qid]
        if multi:
            if value is not None and ("unknown" in value or "prefer_not_say" in value):
                missing.append(qid)
        elif value in UNKNOWN_WORDS:
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
    from rules.fast import memo
    when = as_of or date.today()
    check_date(when)
    facts = derive_facts(answers, when)
    codes, colours, colour = memo.outcomes(answers, when, facts)
    fired = [memo.PAIRS[code] for code in codes]
    context = wording_context(facts, when)
    params = load_parameters()
    findings = tuple(sorted((
        _finding(rule, colour, context,
                 counterfactuals(rule, answers, when)
                 if explain and colour in (Colour.RED, Colour.AMBER) else (), facts)
        for rule, colour in fired), key=_finding_order))
    return Assessment(
        colour=colour,
        election_colour=worst(colours[i] for i in _ELECTION_SLOTS),
        status=facts.status, areas=dict(zip(AREAS, colours, strict=True)),
        findings=findings,
        missing=missing_facts(answers) if colour is not Colour.GREEN else (),
        ruleset=RulesetInfo(version=params.ruleset_version,
                            research_reviewed=params.research_reviewed),
        as_of=when,
        plan=_plan(answers, when) if explain and colour is not Colour.GREEN else None,
    )


class Screening(NamedTuple):
    """The light-weight result used when screening thousands of people (immutable)."""

    colour: Colour
    areas: dict[Area, Colour | None]
    fired: tuple[str, ...]
    top_rule: str | None
    missing: tuple[str, ...]


def screen(answers: Answers, as_of: date) -> Screening:
    """Colours and fired rule ids only: no wording, no counterfactuals (missing questions as
    missing_questions, by rules.fast.missing)."""
    codes, colours, colour = _fast.memo.outcomes(answers, as_of)
    rule_id_of = _fast.memo.RULE_ID_OF
    # zip without strict=: parsing that keyword costs more than building the dict.
    return _new_screening(Screening, (
        colour, dict(zip(AREAS, colours)),  # noqa: B905  # as many colours as areas
        tuple(map(rule_id_of.__getitem__, codes)),
        rule_id_of[codes[0]] if codes and _fast.memo.ACTIONABLE[codes[0]] else None,
        _fast.missing.missing_of(answers.__dict__) if colour is not Colour.GREEN else ()))


def screen_many(answers: Sequence[Answers], as_of: date) -> list[Screening]:
    """screen for each of many people's valid answers (organiser mode): the same Screenings, in
    the same order, found table by table over the whole batch (rules.fast.batch_screening)."""
    # Imported here: rules.fast.batch_screening needs rules.fast.memo complete, and memo may be
    # the module being imported when this one is (once per batch, not per row).
    from rules.fast.batch_screening import screen_many as batch_screen_many
    return batch_screen_many(answers, as_of)


# Screening(...) is tuple.__new__ behind a Python-level __new__; this skips that one call.
_new_screening = tuple.__new__


def assess_raw(raw: Mapping[str, Any], as_of: date | None = None
               ) -> tuple[Validation, Assessment | None]:
    """Validate then assess; the assessment is None when validation found issues."""
    when = as_of or date.today()
    checked = validate_answers(raw, when)
    if not checked.ok or checked.answers is None:
        return checked, None
    return checked, assess(checked.answers, when)


# The speed path imports this module; it is imported last, when every name above exists.
import rules.fast.memo  # noqa: E402
import rules.fast.missing  # noqa: E402

_fast = rules.fast
