"""b.1 scope of the campaign (R08-R10) and amendment 1's committee scoping (R77, R78, R83, R84)."""

from rules import citations as cit
from rules.applicability import Column
from rules.catalogue.compensation import (
    foreign_employer_pays_campaign_time,
    is_paid_by_foreign_individual,
    is_paid_by_foreign_principal,
    is_paid_by_us_corporation,
    us_corporation_pays_campaign_time,
)
from rules.catalogue.housing import (
    FOREIGN_PAID_HOUSING,
    lodging_paid_by_foreign_source,
    lodging_paid_by_us_corporation,
)
from rules.catalogue.payers import (
    corporate_payer_changed_by_committee,
    corporate_payer_note_or_amber,
)
from rules.catalogue.resources import (
    brings_foreign_made_materials,
    donates_goods_or_art,
    donates_money,
    hosts_event_at_own_us_home,
    pays_or_advances_campaign_costs,
    uses_foreign_party_resources,
)
from rules.catalogue.role import (
    DECISION_MAKING,
    asks_foreign_nationals_to_give,
    makes_decisions,
    pays_for_ads,
)
from rules.catalogue.travel import (
    crowdfunded_with_foreign_donors,
    travel_paid_by_foreign_individual,
    travel_paid_by_foreign_principal,
    travel_paid_by_us_corporation,
)
from rules.codes import FOREIGN_PAYERS
from rules.facts import Facts
from rules.rule import AppliesTo, Area, Colour, Rule, Severity
from rules.substitutions import pay_own_transport, put, replace_single, sub, swap

# R83's remedy: what a ballot-measure volunteer would stop taking or giving.
FOREIGN_SOURCES_OF_PAY = FOREIGN_PAYERS | {"foreign_individual"}
FOREIGN_SOURCES_OF_TRAVEL = FOREIGN_PAYERS | {"foreign_individual", "crowdfunding"}
FOREIGN_OR_OWN_MONEY = frozenset({
    "donate_money", "pay_campaign_expenses_or_advance", "bring_foreign_made_materials",
    "foreign_party_resources", "donate_goods_or_art", "host_event_at_own_us_home"})

COVERED_COMMITTEES = frozenset(
    {"federal_candidate", "state_local_candidate", "us_party_committee", "pac_or_super_pac"}
)


def is_covered_committee(f: Facts) -> bool:
    return f.a1 in COVERED_COMMITTEES


def is_ballot_measure_without_candidate(f: Facts) -> bool:
    """R09: a measure committee not known to be run by or working with a candidate (A3=yes
    is assessed as that candidate's campaign: R84)."""
    return f.a1 == "ballot_measure" and f.a3 != "yes"


def is_committee_unknown(f: Facts) -> bool:
    return f.a1 == "unknown"


def is_state_or_local_race(f: Facts) -> bool:
    return f.a1 == "state_local_candidate"


def pac_type_unknown(f: Facts) -> bool:
    return f.a1 == "pac_or_super_pac" and f.a1b == "unknown"


def foreign_source_would_be_red(f: Facts) -> bool:
    """The foreign-source payer and resource rules (and, for foreign nationals, decision-making
    and their own money) that the matrix does not evaluate for a ballot measure."""
    return (
        is_paid_by_foreign_principal(f) or is_paid_by_foreign_individual(f)
        or foreign_employer_pays_campaign_time(f) or travel_paid_by_foreign_principal(f)
        or travel_paid_by_foreign_individual(f) or crowdfunded_with_foreign_donors(f)
        or lodging_paid_by_foreign_source(f) or asks_foreign_nationals_to_give(f)
        or uses_foreign_party_resources(f) or brings_foreign_made_materials(f)
        or (f.fn and (makes_decisions(f) or pays_for_ads(f) or donates_money(f)
                      or pays_or_advances_campaign_costs(f) or donates_goods_or_art(f)
                      or hosts_event_at_own_us_home(f)))
    )


def ballot_measure_with_foreign_source(f: Facts) -> bool:
    """R83: on a ballot measure, what would be a foreign contribution or foreign
    decision-making for a candidate."""
    return f.column is Column.BALLOT_MEASURE and foreign_source_would_be_red(f)


def us_corporation_pays_outside_federal_ban(f: Facts) -> bool:
    """R82: a US company, union or non-profit pays, for a committee 30118 does not bar."""
    pays = (is_paid_by_us_corporation(f) or us_corporation_pays_campaign_time(f)
            or travel_paid_by_us_corporation(f) or lodging_paid_by_us_corporation(f))
    return pays and corporate_payer_changed_by_committee(f)


def corporate_payer_severity(f: Facts) -> Severity:
    """R82: AMBER (low) for a ballot measure (state disclosure rules), medium otherwise."""
    return Severity.LOW if f.column is Column.BALLOT_MEASURE else Severity.MEDIUM


def ballot_measure_may_be_candidate_linked(f: Facts) -> bool:
    return f.a1 == "ballot_measure" and f.a3 in ("yes", "unknown")


RULES: tuple[Rule, ...] = (
    Rule(
        id="R08", name="SCOPE-COVERED", area=Area.CAMPAIGN, applies_to=AppliesTo.ALL,
        colour=Colour.NOTE, trigger=is_covered_committee,
        text="The foreign-money ban applies to federal, state and local candidate elections, "
        "parties and PACs. Other federal rules used here (volunteer and travel exemptions, "
        "corporate ban, limits, reporting) apply only to federal committees.",
        citations=(cit.S30121_A1, cit.MUR_6093),
    ),
    Rule(
        id="R09", name="SCOPE-BALLOT-MEASURE", area=Area.CAMPAIGN, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=is_ballot_measure_without_candidate,
        text="Federal campaign-finance law does not cover a ballot measure that is not tied to a "
        "candidate (FEC, MUR 7523; AO 2024-05). At least 19 states ban foreign money in "
        "measure campaigns, and some also ban foreign decision-making. This tool cannot check "
        "state law.",
        citations=(cit.MUR_7523, cit.AO_2024_05, cit.BALLOTPEDIA_STATES),
        remedy="Check the state's law with the measure committee's counsel before you go "
        "ahead.",
        severity=Severity.MEDIUM,
    ),
    Rule(
        id="R10", name="SCOPE-UNKNOWN", area=Area.CAMPAIGN, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=is_committee_unknown,
        text="Find out which committee you will actually be volunteering for.",
        citations=(cit.S30121_A1,),
        remedy="Ask the campaign which committee you will work for.",
        severity=Severity.LOW,
        substitutions=(
            sub("it turned out to be a federal candidate's campaign",
                put("A1", "federal_candidate")),
        ),
    ),
    Rule(
        id="R77", name="SCOPE-STATE-LAW-GOVERNS", area=Area.CAMPAIGN, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=is_state_or_local_race,
        text="For a state or local race, federal law checks only foreign money and foreign "
        "decision-making. Whether your travel, lodging or employer time counts as a "
        "contribution, and any state foreign-money ban, is state law, which this tool does not "
        "assess.",
        citations=(cit.S30121_A1A, cit.R100_52_A),
        remedy="Ask the campaign's compliance staff how the state's law treats your plan.",
        severity=Severity.LOW,
    ),
    Rule(
        id="R78", name="SCOPE-PAC-TYPE-UNKNOWN", area=Area.CAMPAIGN, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=pac_type_unknown,
        text="Ask whether the PAC is a super PAC; the rules on corporate money differ.",
        citations=(cit.AO_2010_11, cit.S30118_A),
        remedy="Ask the PAC whether it is a super PAC, a hybrid PAC or a traditional PAC.",
        severity=Severity.LOW,
        substitutions=(
            sub("the PAC turned out to be a traditional PAC", put("A1b", "traditional_pac")),
            sub("the PAC turned out to be a super PAC", put("A1b", "super_pac_ie_only")),
        ),
    ),
    Rule(
        id="R82", name="PAYER-US-CORP-BY-COMMITTEE", area=Area.CAMPAIGN, applies_to=AppliesTo.ALL,
        colour=corporate_payer_note_or_amber, trigger=us_corporation_pays_outside_federal_ban,
        text="Money or paid time from a US company, union or non-profit is treated according to "
        "the committee: {corp_verdict}",
        citations=(cit.AO_2010_11, cit.S30118_A, cit.R114_2_AB, cit.BELLOTTI, cit.CARC),
        remedy="Have the committee's counsel confirm how it must accept and report the "
        "company's payment, or pay yourself.",
        severity=Severity.MEDIUM, severity_for=corporate_payer_severity,
    ),
    Rule(
        id="R83", name="BALLOT-FOREIGN-SOURCE-STATE-LAW", area=Area.CAMPAIGN,
        applies_to=AppliesTo.ALL, colour=Colour.AMBER, trigger=ballot_measure_with_foreign_source,
        text="Federally this is not banned, but it is illegal in many states: foreign money, "
        "foreign-paid travel, lodging or resources, or foreign decision-making in a "
        "ballot-measure campaign. This tool cannot check the state's law.",
        citations=(cit.MUR_7523, cit.AO_2024_05, cit.HR_3229, cit.BALLOTPEDIA_STATES),
        remedy="Take nothing of value from foreign sources and leave decisions to US staff, or "
        "have the measure committee's counsel confirm the state's law allows it.",
        severity=Severity.HIGH,
        substitutions=(
            sub("you took nothing of value from foreign sources and left decisions to US staff",
                swap("C1", FOREIGN_SOURCES_OF_PAY),
                pay_own_transport(FOREIGN_SOURCES_OF_TRAVEL),
                swap("E1", FOREIGN_PAID_HOUSING, "self_paid", empty="self_paid"),
                replace_single("E2", ("foreign_party_gov_org", "foreign_individual"), "self"),
                swap("F", DECISION_MAKING | {"ask_foreign_nationals_to_give",
                                             "paid_ads_or_boosting"}, None,
                     empty="canvass_phone_text"),
                swap("G", FOREIGN_OR_OWN_MONEY)),
        ),
    ),
    Rule(
        id="R84", name="BALLOT-CANDIDATE-LINK", area=Area.CAMPAIGN, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=ballot_measure_may_be_candidate_linked,
        text="If the measure committee is run by or coordinating with a candidate, federal rules "
        "may apply; evaluate it as that candidate's campaign.",
        citations=(cit.MUR_7523,),
        remedy="Ask the measure committee whether a candidate controls it or coordinates with "
        "it, and have its counsel confirm which rules apply.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("the measure committee turned out to act on its own", put("A3", "no")),
        ),
    ),
)
