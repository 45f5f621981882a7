"""b.3 travel funding (R27-R40)."""

from rules import citations as cit
from rules.codes import FOREIGN_PAYERS
from rules.facts import Facts
from rules.rule import AppliesTo, Area, Colour, Rule, Severity, Substitution
from rules.substitutions import pay_own_transport, put, self_paid_transport_within, sub, swap

US_COMMITTEES = frozenset({"campaign", "us_party_committee"})


def pays_own_travel_within_limit(f: Facts) -> bool:
    return "self" in f.d1 and f.within_limit()


def pays_own_travel_over_limit_unreimbursed(f: Facts) -> bool:
    """R28 (foreign nationals) and R29 (US persons): over the exemption, not reimbursed in time.

    Timely reimbursement means the excess is not the volunteer's contribution (FEC travel page);
    brief (c)8 then replaces R28 by R36, and R29, which replaces R28 for US persons ((c)7), goes
    with it.
    """
    return "self" in f.d1 and f.over_limit() and f.d3b != "yes"


def own_travel_amount_unknown(f: Facts) -> bool:
    return "self" in f.d1 and f.d3 == "unknown"


def travel_paid_by_foreign_principal(f: Facts) -> bool:
    return bool(f.d1 & FOREIGN_PAYERS)


def travel_paid_by_foreign_individual(f: Facts) -> bool:
    return "foreign_individual" in f.d1


def crowdfunded_with_foreign_donors(f: Facts) -> bool:
    return "crowdfunding" in f.d1 and f.d2 == "includes_foreign"


def crowdfunded_donors_unknown(f: Facts) -> bool:
    return "crowdfunding" in f.d1 and f.d2 == "unknown"


def crowdfunded_by_checked_us_donors(f: Facts) -> bool:
    return "crowdfunding" in f.d1 and f.d2 == "us_only_verified"


def travel_paid_or_reimbursed_by_us_committee(f: Facts) -> bool:
    reimbursed = "self" in f.d1 and f.over_limit() and f.d3b == "yes"
    return bool(f.d1 & US_COMMITTEES) or reimbursed


def travel_paid_by_us_individual(f: Facts) -> bool:
    return "us_individual" in f.d1


def travel_paid_by_us_corporation(f: Facts) -> bool:
    return "us_corp_union_nonprofit" in f.d1


def travel_payer_unknown(f: Facts) -> bool:
    return "unknown" in f.d1


def trip_organised_by_foreign_party_or_unknown(f: Facts) -> bool:
    """D4: a foreign party organised the trip, or the volunteer cannot say who did."""
    return f.d4 in ("foreign_party_or_gov", "unknown")


def _own_or_campaign(label: str, remove: set[str] | frozenset[str]) -> tuple[Substitution, ...]:
    return (
        sub(f"you paid your own {label} (up to $1,000)", pay_own_transport(remove)),
        sub("the campaign paid your travel",
            swap("D1", remove, "campaign", empty="campaign")),
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "R27", "TRAVEL-SELF-WITHIN-LIMIT", Area.TRAVEL, AppliesTo.ALL, Colour.GREEN,
        pays_own_travel_within_limit,
        "Paying your own campaign travel up to {limit} per {limit_scope} is not a "
        "contribution.",
        (cit.R100_79, cit.FEC_TRAVEL_PAGE),
    ),
    Rule(
        "R28", "TRAVEL-SELF-OVER-1000-FN", Area.TRAVEL, AppliesTo.FN, Colour.AMBER,
        pays_own_travel_over_limit_unreimbursed,
        "Self-paid campaign travel above {limit} per {limit_scope} counts as a contribution "
        "under the FEC rule, and foreign nationals may not contribute; whether a flight to the "
        "US 'on behalf of' the campaign counts is untested.",
        (cit.R100_79, cit.FEC_TRAVEL_PAGE),
        remedy="Keep self-paid campaign-related transport (flights, car hire, fuel) at or under "
        "{limit}, or get advice. Campaign reimbursement within {days_cash} days "
        "({days_card} after a card statement) removes the election-law issue but creates an "
        "immigration issue for visitors.",
        severity=Severity.HIGH,
        substitutions=(
            sub("you kept self-paid transport at or under $1,000",
                self_paid_transport_within(1000)),
            sub("the campaign reimbursed the transport in time", put("D3b", "yes")),
        ),
    ),
    Rule(
        "R29", "TRAVEL-SELF-OVER-1000-USP", Area.TRAVEL, AppliesTo.USP, Colour.NOTE,
        pays_own_travel_over_limit_unreimbursed,
        "The self-paid transport above {limit} is your in-kind contribution; tell the "
        "campaign so it can report it.",
        (cit.R100_79, cit.FEC_TRAVEL_PAGE),
    ),
    Rule(
        "R30", "TRAVEL-SELF-AMOUNT-UNKNOWN-FN", Area.TRAVEL, AppliesTo.FN, Colour.AMBER,
        own_travel_amount_unknown,
        "Add up the flights, car hire and fuel you will pay yourself; above {limit} per "
        "{limit_scope} the position changes.",
        (cit.R100_79,),
        remedy="Enter the total you will pay yourself.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("your self-paid transport came to $1,000 or less",
                self_paid_transport_within(1000)),
        ),
    ),
    Rule(
        "R31", "TRAVEL-FOREIGN-PRINCIPAL", Area.TRAVEL, AppliesTo.ALL, Colour.RED,
        travel_paid_by_foreign_principal,
        "Flights or travel paid by a foreign party, government or foreign organisation are an "
        "illegal foreign contribution to the campaign.",
        (cit.S30121_A1, cit.S30121_A2, cit.FEC_TRAVEL_PAGE, cit.MUR_7271),
        remedy="Pay your own way (within {limit} if you are a foreign national) or let the "
        "campaign pay.",
        substitutions=_own_or_campaign("flight", FOREIGN_PAYERS),
    ),
    Rule(
        "R32", "TRAVEL-FOREIGN-INDIVIDUAL", Area.TRAVEL, AppliesTo.ALL, Colour.RED,
        travel_paid_by_foreign_individual,
        "A foreign friend or relative paying for your campaign trip makes a prohibited in-kind "
        "contribution.",
        (cit.FEC_TRAVEL_PAGE, cit.S30121),
        remedy="Pay your own way (within {limit} if you are a foreign national) or let the "
        "campaign pay.",
        substitutions=_own_or_campaign("travel", {"foreign_individual"}),
    ),
    Rule(
        "R33", "TRAVEL-CROWDFUND-FOREIGN", Area.TRAVEL, AppliesTo.ALL, Colour.RED,
        crowdfunded_with_foreign_donors,
        "Crowdfunding your campaign trip from foreign donors channels foreign money into the "
        "campaign.",
        (cit.FEC_TRAVEL_PAGE, cit.S30121_A1),
        remedy="Refund foreign donors; fund the trip yourself or through permissible US "
        "sources.",
        substitutions=_own_or_campaign("travel", {"crowdfunding"}),
    ),
    Rule(
        "R34", "TRAVEL-CROWDFUND-UNVERIFIED", Area.TRAVEL, AppliesTo.ALL, Colour.AMBER,
        crowdfunded_donors_unknown,
        "If you don't know who your crowdfunding donors are, you can't rule out foreign money.",
        (cit.FEC_TRAVEL_PAGE, cit.S30121_A1, cit.R110_20_A4),
        remedy="Verify that donors are US citizens or green-card holders and refund the rest, "
        "or pay yourself.",
        severity=Severity.HIGH,
        substitutions=_own_or_campaign("travel", {"crowdfunding"}),
    ),
    Rule(
        "R35", "TRAVEL-CROWDFUND-US-ONLY", Area.TRAVEL, AppliesTo.ALL, Colour.AMBER,
        crowdfunded_by_checked_us_donors,
        "Each US donor is making an in-kind contribution to the campaign; the campaign must "
        "know, check limits and report.",
        (cit.FEC_TRAVEL_PAGE,),
        remedy="Tell the campaign who the donors are so it can check limits and report, or pay "
        "yourself.",
        severity=Severity.MEDIUM,
        substitutions=_own_or_campaign("travel", {"crowdfunding"}),
    ),
    Rule(
        "R36", "TRAVEL-US-COMMITTEE-PAID", Area.TRAVEL, AppliesTo.ALL, Colour.GREEN,
        travel_paid_or_reimbursed_by_us_committee,
        "The campaign or a US party paying (or reimbursing in time) your travel is its own "
        "spending, not a foreign contribution; visitors should read the immigration section.",
        (cit.FEC_TRAVEL_PAGE, cit.S30121),
    ),
    Rule(
        "R37", "TRAVEL-US-INDIVIDUAL-PAID", Area.TRAVEL, AppliesTo.ALL, Colour.AMBER,
        travel_paid_by_us_individual,
        "A US supporter paying your travel is making an in-kind contribution that the campaign "
        "must report and that counts toward their limit.",
        (cit.FEC_TRAVEL_PAGE,),
        remedy="Tell the campaign so it can report it, or pay yourself or let the campaign pay.",
        severity=Severity.MEDIUM,
        substitutions=_own_or_campaign("travel", {"us_individual"}),
    ),
    Rule(
        "R38", "TRAVEL-US-CORP-PAID", Area.TRAVEL, AppliesTo.ALL, Colour.RED,
        travel_paid_by_us_corporation,
        "A US company, union or non-profit paying your campaign travel makes a prohibited "
        "corporate contribution.",
        (cit.FEC_TRAVEL_PAGE, cit.USC_441B),
        remedy="Pay yourself (within {limit} if you are a foreign national) or let the campaign "
        "pay.",
        substitutions=_own_or_campaign("travel", {"us_corp_union_nonprofit"}),
    ),
    Rule(
        "R39", "TRAVEL-UNKNOWN", Area.TRAVEL, AppliesTo.ALL, Colour.AMBER, travel_payer_unknown,
        "'I don't know who pays my flight' is not safe: find out before you travel.",
        (cit.R110_20_A4,),
        remedy="Find out, in writing, who pays each part of your travel.",
        severity=Severity.HIGH,
        substitutions=_own_or_campaign("transport", {"unknown"}),
    ),
    Rule(
        "R40", "ORG-FOREIGN-ORGANISED", Area.TRAVEL, AppliesTo.ALL, Colour.AMBER,
        trip_organised_by_foreign_party_or_unknown,
        "A trip organised by a foreign party invites the inference that the party is providing "
        "something of value or directing the activity, and may raise foreign-agent (FARA) "
        "questions. If you don't know who organised your trip, find out before you go.",
        (cit.MUR_7271, cit.TRUMP_COMPLAINT, cit.USC_611_C),
        remedy="Travel in a personal capacity: your own booking, your own money, your own "
        "contact with the campaign.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you organised the trip yourself", put("D4", "self_or_friends")),
        ),
    ),
)
