"""The plan of remedies (rules.plan, issue 8): examples, and properties over random answers.

Every plan is checked against the plain engine (rules.engine.evaluate on freshly derived facts,
not the memo the search uses), and on small plans against a brute-force search for anything
shorter.
"""

import itertools
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from rules import RULE_BY_ID, Answers, Assessment, Colour, assess, validate_answers
from rules.engine import evaluate, overall_colour
from rules.facts import derive_facts
from rules.plan import GREEDY_STEPS, best_plan
from rules.result import Plan
from rules.rule import COLOUR_RANK, Substitution
from tests.rules.strategies import AS_OF, valid_answers
from tests.scenarios import SEED

SETTINGS = settings(derandomize=True, max_examples=60, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# The Australian Labor Party case: party-paid flights and a stipend, a party-organised trip.
DELEGATE: dict[str, Any] = {
    "A1": "federal_candidate", "A2": "self", "B1": "no", "B2": "no", "B3": "no",
    "B4": "esta_vwp", "B5": "no", "B6": "foreign_party_member", "B8": "outside_us",
    "C1": ["foreign_party"], "C2": "bona_fide_accrued_leave", "D1": ["foreign_party"],
    "D4": "foreign_party_or_gov", "E1": ["us_volunteer_host_free"], "E2": "self",
    "F": ["canvass_phone_text"], "G": ["none"],
    "B9": "incidental_to_holiday_or_family_visit", "B10": 14, "B11": 3,
    "D5": "no_trip_is_for_campaign", "E3": "us_host_directly",
}
# Many reasons at once: party staff, paid by the party, party-paid travel, lodging and
# resources, leading a team and advising senior staff.
MANY_REASONS: dict[str, Any] = {
    **DELEGATE, "B6": "foreign_party_staff", "C2": "employer_pays_during_work_hours",
    "C3": "foreign_party", "E1": ["foreign_party_gov_org_paid"], "E2": "foreign_party_gov_org",
    "E3": "foreign_party_gov_org",
    "F": ["canvass_phone_text", "lead_volunteer_team", "advise_senior_staff",
          "fundraise_ask_us_persons"],
    "G": ["donate_money", "foreign_party_resources"],
}


def checked(raw: dict[str, Any]) -> Answers:
    validation = validate_answers(raw, AS_OF)
    assert validation.ok and validation.answers is not None, validation.issues
    return validation.answers


def plain_colour(raw: dict[str, Any]) -> Colour | None:
    """The colour by the plain engine (no memo); None for invalid answers."""
    validation = validate_answers(raw, AS_OF)
    if not validation.ok or validation.answers is None:
        return None
    return overall_colour(evaluate(derive_facts(validation.answers, AS_OF)))


def applied(answers: Answers, plan: Plan) -> dict[str, Any]:
    """The answers with the plan's changes made (None: the answer is no longer given)."""
    after = answers.as_dict()
    for qid, value in plan.changes.items():
        if value is None:
            after.pop(qid, None)
        else:
            after[qid] = value
    return after


def substitution(rule: str, label: str) -> Substitution:
    (found,) = [s for s in RULE_BY_ID[rule].substitutions if s.label == label]
    return found


def rank(colour: Colour) -> int:
    return COLOUR_RANK[colour]


# Examples -----------------------------------------------------------------------------------


def test_seed_scenario_pay_your_own_lodging_and_keep_volunteering_incidental() -> None:
    """Ruleset 2: two amber reasons (R73 free US lodging, R87 a trip made to campaign), each
    remedy alone leaves AMBER; together they reach GREEN."""
    result = assess(checked(SEED), AS_OF)
    assert result.colour is Colour.AMBER
    assert result.plan is not None
    assert result.plan.colour is Colour.GREEN
    assert [(s.rule, s.label) for s in result.plan.steps] == [
        ("R73", "you paid your own travel, lodging and meals and took nothing of value"),
        ("R87", "volunteering stayed incidental to a holiday or family visit")]
    assert result.plan.changes == {
        "B11": 7, "B9": "incidental_to_holiday_or_family_visit", "D5": None,
        "E1": ["self_paid"], "E3": None}
    assert result.plan.remaining == ()


def test_party_paid_delegate_gets_one_plan_to_green() -> None:
    """Flights and a stipend paid by a foreign party: RED, with four reasons to fix at once."""
    result = assess(checked(DELEGATE), AS_OF)
    assert result.colour is Colour.RED
    plan = result.plan
    assert plan is not None and rank(plan.colour) < rank(Colour.RED)
    assert plan.colour is Colour.GREEN
    assert [s.rule for s in plan.steps] == ["R12", "R31", "R40", "R73"]
    assert plan.changes == {"C1": ["none"], "D1": ["self"], "D3": 1000,
                            "D4": "self_or_friends", "D5": None, "E1": ["self_paid"],
                            "E3": None}
    assert plain_colour(applied(checked(DELEGATE), plan)) is Colour.GREEN
    # The single-finding alternatives stay, each under its own finding.
    r12 = next(f for f in result.findings if f.rule == "R12")
    assert r12.counterfactuals and all(cf.colour is Colour.RED for cf in r12.counterfactuals)


def test_many_reasons_plan_is_fast_and_better_than_red() -> None:
    answers = checked(MANY_REASONS)
    before = assess(answers, AS_OF, explain=False)
    assert before.colour is Colour.RED
    assert sum(f.colour in (Colour.RED, Colour.AMBER) for f in before.findings) >= 8
    start = time.perf_counter()
    plan = best_plan(answers, AS_OF)
    elapsed = time.perf_counter() - start
    # More reasons than the breadth-first search combines: the step-by-step plan reaches GREEN.
    assert plan is not None and plan.colour is Colour.GREEN
    assert len(plan.steps) <= GREEDY_STEPS
    assert {"R12", "R21", "R31", "R44", "R64", "R66"} <= {s.rule for s in plan.steps}
    assert plain_colour(applied(answers, plan)) is Colour.GREEN
    assert elapsed < 5  # about 0.05 s; generous for loaded CI machines


def test_no_plan_for_green_or_without_explanations() -> None:
    green = checked({**{k: v for k, v in SEED.items() if k not in ("D5", "E3")},
                     "E1": ["self_paid"], "B9": "incidental_to_holiday_or_family_visit",
                     "B11": 7})
    assert assess(green, AS_OF).colour is Colour.GREEN
    assert assess(green, AS_OF).plan is None and best_plan(green, AS_OF) is None
    assert assess(checked(DELEGATE), AS_OF, explain=False).plan is None


def test_the_plan_is_deterministic() -> None:
    answers = checked(DELEGATE)
    shuffled = checked({k: list(reversed(v)) if isinstance(v, list) else v
                        for k, v in reversed(DELEGATE.items())})
    assert best_plan(answers, AS_OF) == best_plan(shuffled, AS_OF) == best_plan(answers, AS_OF)


def test_remedies_not_allowed_are_never_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook (Substitution.allowed) is consulted by the plan and the single alternatives."""
    banned = "you paid your own travel, lodging and meals and took nothing of value"
    monkeypatch.setattr(Substitution, "allowed", lambda self, raw: self.label != banned)
    result = assess(checked(SEED), AS_OF)
    r73 = next(f for f in result.findings if f.rule == "R73")
    assert all(cf.label != banned for cf in r73.counterfactuals)
    assert result.plan is None or all(s.label != banned for s in result.plan.steps)
    monkeypatch.setattr(Substitution, "allowed", lambda self, raw: False)
    result = assess(checked(DELEGATE), AS_OF)
    assert result.plan is None
    assert all(not f.counterfactuals for f in result.findings)


def test_best_reachable_is_amber_when_green_is_out_of_reach(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without R73's remedy the immigration caution stays: the plan reaches AMBER and says
    which reason would remain."""
    banned = "you paid your own travel, lodging and meals and took nothing of value"
    monkeypatch.setattr(Substitution, "allowed", lambda self, raw: self.label != banned)
    answers = checked(DELEGATE)
    plan = best_plan(answers, AS_OF)
    assert plan is not None and plan.colour is Colour.AMBER
    assert [s.rule for s in plan.steps] == ["R12", "R31"]
    assert "R73" in plan.remaining
    assert plain_colour(applied(answers, plan)) is Colour.AMBER


def test_longer_plans_are_found_step_by_step() -> None:
    """When the breadth-first search may combine fewer remedies than GREEN needs."""
    answers = checked(DELEGATE)
    plan = best_plan(answers, AS_OF, max_steps=2)
    assert plan is not None and plan.colour is Colour.GREEN
    assert [s.rule for s in plan.steps] == ["R12", "R31", "R40", "R73"]
    assert plain_colour(applied(answers, plan)) is Colour.GREEN


# Properties ---------------------------------------------------------------------------------


def _assessed(raw: dict[str, Any]) -> tuple[Answers, Assessment]:
    answers = checked(raw)
    return answers, assess(answers, AS_OF)


@SETTINGS
@given(valid_answers())
def test_every_plan_is_valid_and_gives_the_colour_it_claims(raw: dict[str, Any]) -> None:
    answers, result = _assessed(raw)
    plan = result.plan
    if result.colour is Colour.GREEN:
        assert plan is None
        return
    best_single = min((rank(cf.colour) for f in result.findings for cf in f.counterfactuals),
                      default=rank(result.colour))
    if plan is None:
        # Every single alternative is a one-step plan: none may improve on the result.
        assert best_single >= rank(result.colour)
        return
    assert 1 <= len(plan.steps) <= GREEDY_STEPS
    assert rank(plan.colour) < rank(result.colour)
    assert rank(plan.colour) <= best_single
    # The changes give valid answers with the colour claimed (plain engine, no memo) ...
    assert plain_colour(applied(answers, plan)) is plan.colour
    # ... and so do the steps, replayed one by one from the catalogue.
    replayed = answers.as_dict()
    for step in plan.steps:
        replayed = substitution(step.rule, step.label).apply(replayed, AS_OF)
        assert plain_colour(replayed) is not None, step
    assert checked(replayed).as_dict() == applied(answers, plan)
    remaining = {f.rule for f in assess(checked(replayed), AS_OF, explain=False).findings
                 if f.colour in (Colour.RED, Colour.AMBER)}
    assert set(plan.remaining) == remaining


@SETTINGS
@given(valid_answers())
def test_no_smaller_subset_of_a_plan_reaches_its_colour(raw: dict[str, Any]) -> None:
    """Minimality on small plans: no proper subset of the steps, in any order, does as well."""
    answers, result = _assessed(raw)
    plan = result.plan
    if plan is None or len(plan.steps) > 3:
        return
    subs = [substitution(s.rule, s.label) for s in plan.steps]
    for size in range(len(subs)):
        for chosen in itertools.permutations(subs, size):
            current = answers.as_dict()
            for sub in chosen:
                current = sub.apply(current, AS_OF)
            colour = plain_colour(current)
            assert colour is None or rank(colour) > rank(plan.colour), (
                [s.label for s in chosen], plan)


@SETTINGS
@given(valid_answers())
def test_no_shorter_sequence_of_remedies_reaches_the_colour(raw: dict[str, Any]) -> None:
    """Brute force, independent of the search: every sequence of fewer remedies (each offered
    for a red or amber finding firing at that point) stays worse than the plan's colour."""
    answers, result = _assessed(raw)
    plan = result.plan
    if plan is None or len(plan.steps) > 2:
        return
    frontier = [answers.as_dict()]
    for _ in range(len(plan.steps) - 1):
        following = []
        for current in frontier:
            facts = derive_facts(checked(current), AS_OF)
            for rule, colour in evaluate(facts):
                if colour not in (Colour.RED, Colour.AMBER):
                    continue
                for sub in rule.substitutions:
                    changed = sub.apply(current, AS_OF)
                    after = plain_colour(changed)
                    if after is None:
                        continue
                    assert rank(after) > rank(plan.colour), (rule.id, sub.label, plan)
                    following.append(checked(changed).as_dict())
        frontier = following
