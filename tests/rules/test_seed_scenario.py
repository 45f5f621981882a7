"""The seed scenario: a UK Labour member on ESTA canvassing in a US presidential campaign.

She is unpaid, uses her normal annual leave, pays her own $800 flight, stays free with a US
volunteer host and knocks on doors. Election law: green (unpaid volunteering, leave, self-paid
travel within $1,000, a US host's hospitality). Immigration: amber, because free lodging from a
US host in exchange for volunteering can be treated as unauthorised work for a visitor (R73,
US Embassy "unpaid work is work"), and a two-week trip made to campaign is not tourism (R87,
amendment 1 section 5). The overall colour is the worst, so AMBER (brief (c)4, (c)9).
"""

from datetime import date

import pytest

from app.assessment_text import assessment_lines
from rules import Area, Assessment, Colour, assess, validate_answers
from rules.facts import Status
from tests.scenarios import SEED

AS_OF = date(2026, 11, 28)


def seed_result(**changes: object) -> Assessment:
    answers = {**SEED, **changes}
    checked = validate_answers(answers, AS_OF)
    assert checked.ok and checked.answers is not None, checked.issues
    return assess(checked.answers, AS_OF)


@pytest.fixture(scope="module")
def result() -> Assessment:
    return seed_result()


def test_the_seed_answers_are_valid_and_nothing_is_dropped() -> None:
    checked = validate_answers(SEED, AS_OF)
    assert checked.ok
    assert checked.dropped == ()
    assert checked.answers is not None and checked.answers.as_dict()["D3"] == 800


def test_overall_amber_because_of_immigration_only(result: Assessment) -> None:
    assert result.colour is Colour.AMBER
    assert result.election_colour is Colour.GREEN
    assert result.status is Status.FOREIGN_NATIONAL


def test_the_reasons(result: Assessment) -> None:
    by_colour: dict[Colour, list[str]] = {}
    for finding in result.findings:
        by_colour.setdefault(finding.colour, []).append(finding.rule)
    assert by_colour == {
        Colour.AMBER: ["R73", "R87"],
        Colour.GREEN: ["R11", "R24", "R27", "R43", "R50"],
        Colour.NOTE: ["R04", "R08", "R72"],
    }
    assert result.fired == ("R73", "R87", "R11", "R24", "R27", "R43", "R50", "R04", "R08",
                            "R72")


def test_the_immigration_finding_is_separate_and_capped(result: Assessment) -> None:
    assert [f.rule for f in result.immigration_findings] == ["R73", "R87", "R72"]
    r73 = result.immigration_findings[0]
    assert r73.name == "IMM-REMUNERATION"
    assert r73.colour is Colour.AMBER and r73.severity == "high" and r73.immigration
    assert "unauthorised employment" in r73.text
    assert r73.remedy.startswith("Pay your own travel, lodging and meals")
    assert [c.label for c in r73.citations] == ['US Embassy Germany, "Unpaid work is work"']
    assert all(c.authority for c in r73.citations)
    assert {f.rule for f in result.election_findings}.isdisjoint(
        {"R72", "R73", "R74", "R75", "R87"})
    assert result.areas == {
        Area.CAMPAIGN: Colour.NOTE, Area.STATUS: Colour.NOTE, Area.COMPENSATION: Colour.GREEN,
        Area.TRAVEL: Colour.GREEN, Area.HOUSING: Colour.GREEN, Area.ROLE: Colour.GREEN,
        Area.RESOURCES: None, Area.IMMIGRATION: Colour.AMBER,
    }


def test_paying_her_own_lodging_and_a_holiday_trip_would_make_it_green(
        result: Assessment) -> None:
    (cf,) = result.immigration_findings[0].counterfactuals
    assert cf.colour is Colour.AMBER  # R87 stays: the trip is still made to campaign
    assert cf.changes == {"D5": None, "E1": ["self_paid"], "E3": None}
    assert "paid your own" in cf.label
    (trip,) = result.immigration_findings[1].counterfactuals
    assert trip.colour is Colour.AMBER  # R73 stays
    assert trip.changes == {"B9": "incidental_to_holiday_or_family_visit", "B11": 7}
    both = seed_result(E1=["self_paid"], E3=None, D5=None,
                       B9="incidental_to_holiday_or_family_visit", B11=7)
    assert both.colour is Colour.GREEN


def test_the_green_findings_carry_their_authorities(result: Assessment) -> None:
    by_rule = {f.rule: f for f in result.findings}
    assert "not a contribution" in by_rule["R11"].text
    assert "$1,000 per candidate per election" in by_rule["R27"].text
    assert any("100.79" in c.label for c in by_rule["R27"].citations)
    assert any("AO 1987-25" in c.label for c in by_rule["R11"].citations)
    assert all(f.counterfactuals == () for f in result.findings if f.colour is Colour.GREEN)
    assert result.missing == ()


def test_the_text_output_puts_r73_under_immigration(result: Assessment) -> None:
    lines = assessment_lines(result)
    text = "\n".join(lines)
    assert lines[0].startswith("Overall: AMBER   (election law: GREEN; immigration: AMBER)")
    plan, findings = text.split("Findings (election law):")
    election, immigration = findings.split("Immigration (not election law):")
    assert "R73" in immigration and "R73" not in election
    assert "What to do next:" in plan and "[R73]" in plan  # the plan comes first
    assert "R11 COMP-NONE" in election


@pytest.mark.parametrize(
    ("change", "colour", "rule"),
    [
        ({"E1": ["foreign_party_gov_org_paid"]}, Colour.RED, "R44"),
        ({"E1": ["foreign_party_arranged_free"]}, Colour.AMBER, "R45"),
        ({"D1": ["self", "foreign_party"]}, Colour.RED, "R31"),
        ({"B6": "foreign_party_staff"}, Colour.AMBER, "R71"),
        ({"C2": "special_paid_leave_for_campaign", "C3": "foreign_party"}, Colour.RED, "R21"),
        ({"D3": 1200, "D3b": "no"}, Colour.AMBER, "R28"),
        ({"D4": "foreign_party_or_gov"}, Colour.AMBER, "R40"),
    ],
    ids=["Labour pays the hotel", "Labour sorts the housing", "Labour pays the flight",
         "she is Labour staff", "Labour gives campaign leave", "flight over $1,000",
         "Labour organises the trip"],
)
def test_what_would_change_the_seed(change: dict[str, object], colour: Colour, rule: str) -> None:
    result = seed_result(**change)
    assert result.colour is colour
    assert rule in result.fired
    if "E1" not in change:
        assert "R73" in result.fired  # the host's free lodging is still there


def test_the_seed_is_deterministic(result: Assessment) -> None:
    assert seed_result().to_json() == result.to_json()
