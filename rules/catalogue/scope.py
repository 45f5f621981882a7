"""b.1 scope of the campaign (R08-R10)."""

from rules import citations as cit
from rules.facts import Facts
from rules.rule import AppliesTo, Area, Colour, Rule, Severity
from rules.substitutions import put, sub

COVERED_COMMITTEES = frozenset(
    {"federal_candidate", "state_local_candidate", "us_party_committee", "pac_or_super_pac"}
)


def is_covered_committee(f: Facts) -> bool:
    return f.a1 in COVERED_COMMITTEES


def is_ballot_measure(f: Facts) -> bool:
    return f.a1 == "ballot_measure"


def is_committee_unknown(f: Facts) -> bool:
    return f.a1 == "unknown"


RULES: tuple[Rule, ...] = (
    Rule(
        "R08", "SCOPE-COVERED", Area.CAMPAIGN, AppliesTo.ALL, Colour.NOTE, is_covered_committee,
        "These rules apply to federal, state and local candidate, party and PAC activity.",
        (cit.S30121_A1, cit.MUR_6093),
    ),
    Rule(
        "R09", "SCOPE-BALLOT-MEASURE", Area.CAMPAIGN, AppliesTo.ALL, Colour.AMBER,
        is_ballot_measure,
        "Federal law generally doesn't cover ballot-measure campaigns, but many states ban "
        "foreign involvement in them; this tool can't assess state law.",
        (cit.S30121_A1, cit.BALLOT_MEASURES),
        remedy="Check the state's law, or ask the measure committee's counsel.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you volunteered for a state or local candidate",
                put("A1", "state_local_candidate")),
        ),
    ),
    Rule(
        "R10", "SCOPE-UNKNOWN", Area.CAMPAIGN, AppliesTo.ALL, Colour.AMBER,
        is_committee_unknown,
        "Find out which committee you will actually be volunteering for.",
        (cit.S30121_A1,),
        remedy="Ask the campaign which committee you will work for.",
        severity=Severity.LOW,
        substitutions=(
            sub("it turned out to be a federal candidate's campaign",
                put("A1", "federal_candidate")),
        ),
    ),
)
