"""b.3 travel funding (R27-R40)."""

from rules import citations as cit
from rules.applicability import PACS, REIMBURSEMENT_CLAUSE, Column
from rules.catalogue.payers import corporate_payer_colour
from rules.codes import FOREIGN_PAYERS
from rules.facts import Facts
from rules.rule import AppliesTo, Area, Colour, Rule, Severity, Substitution
from rules.substitutions import drop, pay_own_transport, put, self_paid_transport_within, sub, swap

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


def same_trip_on_own_time(f: Facts) -> bool:
    """R89: the trip, at the same cost, would happen anyway and the volunteer campaigns only on
    their own time: paying for it is not 'for the purpose of influencing' an election
    (rules.facts.trip_made_anyway_on_own_time)."""
    return f.trip_anyway


def travel_paid_by_foreign_principal(f: Facts) -> bool:
    return bool(f.d1 & FOREIGN_PAYERS) and not same_trip_on_own_time(f)


def travel_paid_by_foreign_individual(f: Facts) -> bool:
    return "foreign_individual" in f.d1


def crowdfunded_with_foreign_donors(f: Facts) -> bool:
    return "crowdfunding" in f.d1 and f.d2 == "includes_foreign"


def crowdfunded_donors_unknown(f: Facts) -> bool:
    return "crowdfunding" in f.d1 and f.d2 == "unknown"


def crowdfunded_by_checked_us_donors(f: Facts) -> bool:
    return "crowdfunding" in f.d1 and f.d2 == "us_only_verified"


def travel_paid_or_reimbursed_by_us_committee(f: Facts) -> bool:
    """The committee pays, or (116.5, candidates and parties only) reimburses in time."""
    reimbursed = ("self" in f.d1 and f.over_limit() and f.d3b == "yes"
                  and f.column in REIMBURSEMENT_CLAUSE)
    return bool(f.d1 & US_COMMITTEES) or reimbursed


def travel_paid_by_us_individual(f: Facts) -> bool:
    return "us_individual" in f.d1


def travel_paid_by_us_corporation(f: Facts) -> bool:
    return "us_corp_union_nonprofit" in f.d1 and not same_trip_on_own_time(f)


def pays_own_travel_for_pac(f: Facts) -> bool:
    """R79: self-paid transport (or an unknown amount) for a PAC, not reimbursed in time."""
    amount_or_unknown = f.d3 == "unknown" or (f.d3_amount or 0) > 0
    return f.column in PACS and "self" in f.d1 and amount_or_unknown and f.d3b != "yes"


def amber_for_fn_note_for_usp(f: Facts) -> Colour:
    """R79: a foreign national may not contribute; a US person's travel is reportable."""
    return Colour.AMBER if f.fn else Colour.NOTE


amber_for_fn_note_for_usp.colours = (Colour.AMBER, Colour.NOTE)  # type: ignore[attr-defined]  # read by possible_colours


def pays_own_travel_for_state_race(f: Facts) -> bool:
    return f.column is Column.STATE_LOCAL and "self" in f.d1


def pac_reimburses_travel(f: Facts) -> bool:
    return f.column in PACS and "self" in f.d1 and f.d3b == "yes"


def trip_purpose_unknown_or_same_trip(f: Facts) -> bool:
    """R89: unknown whether the trip would happen anyway, or it would (on own time); D5 is asked
    only when someone other than the volunteer or a US committee pays."""
    return f.d5 == "unknown" or same_trip_on_own_time(f)


def mixed_purpose_colour(f: Facts) -> Colour:
    """R89: AMBER (medium) while it is unknown whether the trip would happen anyway (payer
    rules keep their colour); a NOTE when a payer rule was left out because it would."""
    return Colour.AMBER if f.d5 == "unknown" else Colour.NOTE


mixed_purpose_colour.colours = (Colour.AMBER, Colour.NOTE)  # type: ignore[attr-defined]  # read by possible_colours


def travel_payer_unknown(f: Facts) -> bool:
    return "unknown" in f.d1


def trip_organised_by_foreign_party_or_unknown(f: Facts) -> bool:
    """D4: a foreign party organised the trip, or the volunteer cannot say who did."""
    return f.d4 in ("foreign_party_or_gov", "unknown")


def _own_or_campaign(label: str, remove: set[str] | frozenset[str]) -> tuple[Substitution, ...]:
    return (
        sub(f"you paid your own {label} (within the exemption)", pay_own_transport(remove)),
        sub("the campaign paid your travel",
            swap("D1", remove, "campaign", empty="campaign")),
    )


RULES: tuple[Rule, ...] = (
    Rule(
        id="R27", name="TRAVEL-SELF-WITHIN-LIMIT", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=pays_own_travel_within_limit,
        text="Paying your own campaign travel up to {limit} per {limit_scope} is not a "
        "contribution.",
        citations=(cit.R100_79_A, cit.FEC_TRAVEL_PAGE, cit.FEC_PARTY_ADVANCES),
    ),
    Rule(
        id="R28", name="TRAVEL-SELF-OVER-1000-FN", area=Area.TRAVEL, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=pays_own_travel_over_limit_unreimbursed,
        text="Self-paid campaign travel above {limit} per {limit_scope} counts as a contribution "
        "under the FEC rule, and foreign nationals may not contribute; whether a flight to the "
        "US 'on behalf of' the campaign counts is untested.",
        citations=(cit.R100_79, cit.FEC_TRAVEL_PAGE),
        remedy="Keep self-paid campaign-related transport (flights, car hire, fuel) at or under "
        "{limit}, or get advice. Campaign reimbursement within {days_cash} days "
        "({days_card} after a card statement) removes the election-law issue but creates an "
        "immigration issue for visitors.",
        severity=Severity.HIGH,
        substitutions=(
            sub("you kept self-paid transport within the exemption",
                self_paid_transport_within()),
            sub("the campaign reimbursed the transport in time", put("D3b", "yes")),
        ),
    ),
    Rule(
        id="R29", name="TRAVEL-SELF-OVER-1000-USP", area=Area.TRAVEL, applies_to=AppliesTo.USP,
        colour=Colour.NOTE, trigger=pays_own_travel_over_limit_unreimbursed,
        text="The self-paid transport above {limit} is your in-kind contribution; tell the "
        "campaign so it can report it.",
        citations=(cit.R100_79, cit.FEC_TRAVEL_PAGE),
    ),
    Rule(
        id="R30", name="TRAVEL-SELF-AMOUNT-UNKNOWN-FN", area=Area.TRAVEL, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=own_travel_amount_unknown,
        text="Add up the flights, car hire and fuel you will pay yourself; above {limit} per "
        "{limit_scope} the position changes.",
        citations=(cit.R100_79,),
        remedy="Enter the total you will pay yourself.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("your self-paid transport came within the exemption",
                self_paid_transport_within()),
        ),
    ),
    Rule(
        id="R31", name="TRAVEL-FOREIGN-PRINCIPAL", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=Colour.RED, trigger=travel_paid_by_foreign_principal,
        text="Flights or travel paid by a foreign party, government or foreign organisation are an "
        "illegal foreign contribution to the campaign.",
        citations=(cit.S30121_A1, cit.S30121_A2, cit.FEC_TRAVEL_PAGE, cit.MUR_7271),
        remedy="Pay your own way (within {limit} if you are a foreign national) or let the "
        "campaign pay.",
        substitutions=_own_or_campaign("flight", FOREIGN_PAYERS),
    ),
    Rule(
        id="R32", name="TRAVEL-FOREIGN-INDIVIDUAL", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=Colour.RED, trigger=travel_paid_by_foreign_individual,
        text="A foreign friend or relative paying for your campaign trip makes a prohibited "
        "in-kind contribution.",
        citations=(cit.FEC_TRAVEL_PAGE, cit.S30121),
        remedy="Pay your own way (within {limit} if you are a foreign national) or let the "
        "campaign pay.",
        substitutions=_own_or_campaign("travel", {"foreign_individual"}),
    ),
    Rule(
        id="R33", name="TRAVEL-CROWDFUND-FOREIGN", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=Colour.RED, trigger=crowdfunded_with_foreign_donors,
        text="Crowdfunding your campaign trip from foreign donors channels foreign money into the "
        "campaign.",
        citations=(cit.FEC_TRAVEL_PAGE, cit.S30121_A1),
        remedy="Refund foreign donors; fund the trip yourself or through permissible US "
        "sources.",
        substitutions=_own_or_campaign("travel", {"crowdfunding"}),
    ),
    Rule(
        id="R34", name="TRAVEL-CROWDFUND-UNVERIFIED", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=crowdfunded_donors_unknown,
        text="If you don't know who your crowdfunding donors are, you can't rule out foreign "
        "money.",
        citations=(cit.FEC_TRAVEL_PAGE, cit.S30121_A1, cit.R110_20_A4),
        remedy="Verify that donors are US citizens or green-card holders and refund the rest, "
        "or pay yourself.",
        severity=Severity.HIGH,
        substitutions=_own_or_campaign("travel", {"crowdfunding"}),
    ),
    Rule(
        id="R35", name="TRAVEL-CROWDFUND-US-ONLY", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=crowdfunded_by_checked_us_donors,
        text="Each US donor is making an in-kind contribution to the campaign; the campaign must "
        "know, check limits and report.",
        citations=(cit.FEC_TRAVEL_PAGE,),
        remedy="Tell the campaign who the donors are so it can check limits and report, or pay "
        "yourself.",
        severity=Severity.MEDIUM,
        substitutions=_own_or_campaign("travel", {"crowdfunding"}),
    ),
    Rule(
        id="R36", name="TRAVEL-US-COMMITTEE-PAID", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=travel_paid_or_reimbursed_by_us_committee,
        text="The campaign or a US party paying (or reimbursing in time) your travel is its own "
        "spending, not a foreign contribution; visitors should read the immigration section.",
        citations=(cit.FEC_TRAVEL_PAGE, cit.S30121),
    ),
    Rule(
        id="R37", name="TRAVEL-US-INDIVIDUAL-PAID", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=travel_paid_by_us_individual,
        text="A US supporter paying your travel is making an in-kind contribution that the "
        "campaign must report and that counts toward their limit.",
        citations=(cit.FEC_TRAVEL_PAGE,),
        remedy="Tell the campaign so it can report it, or pay yourself or let the campaign pay.",
        severity=Severity.MEDIUM,
        substitutions=_own_or_campaign("travel", {"us_individual"}),
    ),
    Rule(
        id="R38", name="TRAVEL-US-CORP-PAID", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=corporate_payer_colour, trigger=travel_paid_by_us_corporation,
        text="A US company, union or non-profit paying your campaign travel is giving the "
        "committee something of value. {corp_verdict}",
        citations=(cit.FEC_TRAVEL_PAGE, cit.S30118_A),
        remedy="Pay yourself (within {limit} if you are a foreign national) or let the campaign "
        "pay.",
        severity=Severity.MEDIUM,  # when R82 makes it amber
        substitutions=_own_or_campaign("travel", {"us_corp_union_nonprofit"}),
    ),
    Rule(
        id="R39", name="TRAVEL-UNKNOWN", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=travel_payer_unknown,
        text="'I don't know who pays my flight' is not safe: find out before you travel.",
        citations=(cit.R110_20_A4,),
        remedy="Find out, in writing, who pays each part of your travel.",
        severity=Severity.HIGH,
        substitutions=_own_or_campaign("transport", {"unknown"}),
    ),
    Rule(
        id="R79", name="TRAVEL-SELF-PAC", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=amber_for_fn_note_for_usp, trigger=pays_own_travel_for_pac,
        text="The {federal_limit} travel exemption does not cover PACs; transport you pay to "
        "volunteer for a PAC may count as your contribution, which a foreign national may not "
        "make. Untested for a volunteer's own journey. (For a US citizen or green-card holder "
        "it is an in-kind contribution the PAC reports.)",
        citations=(cit.R100_79_A, cit.FEC_PAC_TRAVEL),
        remedy="Let the PAC pay your transport, or ask its counsel first.",
        severity=Severity.HIGH,
        substitutions=(
            sub("the PAC paid your transport",
                swap("D1", {"self"}, "campaign", empty="campaign"), drop("D3", "D3b")),
        ),
    ),
    Rule(
        id="R80", name="TRAVEL-SELF-STATE", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=pays_own_travel_for_state_race,
        text="The federal {federal_limit} travel rule does not apply to state races; whether "
        "self-paid travel is a contribution is state law (and, for foreign nationals, an "
        "untested 'donation' question under 52 U.S.C. 30121).",
        citations=(cit.R100_79_A, cit.R110_20_A2),
        remedy="Ask the campaign's compliance staff how the state treats volunteers' own "
        "travel, or let the campaign pay it.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("the campaign paid your transport",
                swap("D1", {"self"}, "campaign", empty="campaign"), drop("D3", "D3b")),
        ),
    ),
    Rule(
        id="R81", name="TRAVEL-REIMBURSED-PAC", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=pac_reimburses_travel,
        text="FEC guidance for PACs says travel advances reimbursed within {days_cash} days "
        "({days_card} after a card statement) are not contributions, but the regulation's "
        "travel reimbursement clause names candidates and party committees. Get the PAC's "
        "counsel to confirm.",
        citations=(cit.FEC_PAC_TRAVEL, cit.R116_5_B),
        remedy="Have the PAC's counsel confirm in writing, or let the PAC buy the ticket.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("the PAC paid your transport",
                swap("D1", {"self"}, "campaign", empty="campaign"), drop("D3", "D3b")),
        ),
    ),
    Rule(
        id="R89", name="TRAVEL-MIXED-PURPOSE", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=mixed_purpose_colour, trigger=trip_purpose_unknown_or_same_trip,
        text="A trip that would happen anyway, at the same cost (a business trip or family visit), "
        "is not paid for the campaign: campaign only on your own time, and don't let the "
        "employer or sponsor pay extra days or travel for it. If the trip was extended or "
        "changed for the campaign, the extra cost is a contribution by whoever pays it. Until "
        "you know which, the payer rules above apply in full.",
        citations=(cit.R100_52_A, cit.R106_3),
        remedy="Find out whether the trip and its costs would be the same without the "
        "campaign; pay any extra days or travel yourself.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("the trip and its costs would be the same without the campaign, and you "
                "campaigned on your own time",
                put("D5", "yes_same_trip")),
        ),
    ),
    Rule(
        id="R40", name="ORG-FOREIGN-ORGANISED", area=Area.TRAVEL, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=trip_organised_by_foreign_party_or_unknown,
        text="A trip organised by a foreign party invites the inference that the party is "
        "providing something of value or directing the activity, and may raise foreign-agent "
        "(FARA) questions. If you don't know who organised your trip, find out before you go.",
        citations=(cit.MUR_7271, cit.TRUMP_COMPLAINT, cit.USC_611_C),
        remedy="Travel in a personal capacity: your own booking, your own money, your own "
        "contact with the campaign.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you organised the trip yourself", put("D4", "self_or_friends")),
        ),
    ),
)
