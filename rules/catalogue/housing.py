"""b.4 housing and subsistence (R41-R49)."""

from rules import citations as cit
from rules.catalogue.payers import corporate_payer_colour
from rules.catalogue.travel import same_trip_on_own_time
from rules.facts import Facts
from rules.rule import AppliesTo, Area, Colour, Rule, Severity
from rules.substitutions import put, replace_single, sub, swap

FOREIGN_PAID_HOUSING = frozenset({"foreign_party_gov_org_paid", "foreign_individual_paid"})
US_COMMITTEE_HOUSING = frozenset({"campaign_paid", "us_party_paid"})


def pays_own_lodging(f: Facts) -> bool:
    return "self_paid" in f.e1


def stays_with_own_friends_or_family(f: Facts) -> bool:
    return "friends_family_personal" in f.e1


def stays_free_with_us_volunteer_host(f: Facts) -> bool:
    return "us_volunteer_host_free" in f.e1


def lodging_paid_by_foreign_source(f: Facts) -> bool:
    return bool(f.e1 & FOREIGN_PAID_HOUSING) and not same_trip_on_own_time(f)


def housing_arranged_by_foreign_party(f: Facts) -> bool:
    return "foreign_party_arranged_free" in f.e1


def lodging_paid_by_us_committee(f: Facts) -> bool:
    return bool(f.e1 & US_COMMITTEE_HOUSING)


def lodging_paid_by_us_individual(f: Facts) -> bool:
    return "us_individual_paid" in f.e1


def lodging_paid_by_us_corporation(f: Facts) -> bool:
    return "us_corp_paid" in f.e1 and not same_trip_on_own_time(f)


def arrangement_severity(f: Facts) -> Severity:
    """R88: medium when a foreign party arranged the stay, low when it is unknown who did."""
    return Severity.LOW if f.e3 == "unknown" else Severity.MEDIUM


def housing_placed_by_foreign_party_or_unknown(f: Facts) -> bool:
    """R88: a foreign party, government or organisation arranged the stay, or it is unknown
    who did (even when the volunteer pays or stays free with a US host)."""
    return f.e3 in ("foreign_party_gov_org", "unknown")


def housing_or_meals_payer_unknown(f: Facts) -> bool:
    return "unknown" in f.e1 or f.e2 == "unknown"


RULES: tuple[Rule, ...] = (
    Rule(
        id="R41", name="HOUSING-SELF-PAID", area=Area.HOUSING, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=pays_own_lodging,
        text="Paying your own lodging and meals is not a contribution.",
        citations=(cit.R100_79, cit.FEC_TRAVEL_PAGE),
    ),
    Rule(
        id="R42", name="HOUSING-PERSONAL-HOSPITALITY", area=Area.HOUSING, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=stays_with_own_friends_or_family,
        text="Staying with your own friends or family as an ordinary guest is fine.",
        citations=(cit.R100_52_A_HOSPITALITY,),
    ),
    Rule(
        id="R43", name="HOUSING-US-VOLUNTEER-HOST", area=Area.HOUSING, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=stays_free_with_us_volunteer_host,
        text="Free lodging from a US volunteer or supporter is not a foreign contribution (any "
        "value is the US host's); visitors should read the immigration section.",
        citations=(cit.S30121, cit.FEC_TRAVEL_PAGE),
    ),
    Rule(
        id="R44", name="HOUSING-FOREIGN-PAID", area=Area.HOUSING, applies_to=AppliesTo.ALL,
        colour=Colour.RED, trigger=lodging_paid_by_foreign_source,
        text="Lodging or living costs paid by a foreign party or other foreign source are an "
        "illegal foreign contribution.",
        citations=(cit.MUR_7271, cit.FEC_TRAVEL_PAGE, cit.S30121),
        remedy="Pay your own lodging or stay with a US host; return any foreign-funded "
        "subsistence.",
        substitutions=(
            sub("you paid your own lodging",
                swap("E1", FOREIGN_PAID_HOUSING, "self_paid", empty="self_paid")),
            sub("you stayed free with a US volunteer host",
                swap("E1", FOREIGN_PAID_HOUSING, "us_volunteer_host_free",
                     empty="us_volunteer_host_free")),
        ),
    ),
    Rule(
        id="R45", name="HOUSING-FOREIGN-ARRANGED", area=Area.HOUSING, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=housing_arranged_by_foreign_party,
        text="Housing 'sorted' by a foreign party (even if free) is exactly what the 2024 "
        "complaint against UK Labour targeted; the arranging itself may be treated as something "
        "of value.",
        citations=(cit.TRUMP_COMPLAINT, cit.S30121_A1),
        remedy="Arrange housing yourself or through the US campaign or US hosts.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you arranged and paid your own lodging",
                swap("E1", {"foreign_party_arranged_free"}, "self_paid", empty="self_paid")),
        ),
    ),
    Rule(
        id="R46", name="HOUSING-US-COMMITTEE-PAID", area=Area.HOUSING, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=lodging_paid_by_us_committee,
        text="A campaign-paid hotel is the campaign's own spending; for visitors it is a benefit "
        "from a US source (see the immigration section).",
        citations=(cit.FEC_TRAVEL_PAGE,),
    ),
    Rule(
        id="R47", name="HOUSING-US-INDIVIDUAL-PAID", area=Area.HOUSING, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=lodging_paid_by_us_individual,
        text="A US supporter paying your hotel is making an in-kind contribution the campaign must "
        "report.",
        citations=(cit.FEC_TRAVEL_PAGE,),
        remedy="Tell the campaign, or stay with a host or pay yourself.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you paid your own lodging",
                swap("E1", {"us_individual_paid"}, "self_paid", empty="self_paid")),
        ),
    ),
    Rule(
        id="R48", name="HOUSING-US-CORP-PAID", area=Area.HOUSING, applies_to=AppliesTo.ALL,
        colour=corporate_payer_colour, trigger=lodging_paid_by_us_corporation,
        text="Lodging paid by a US company, union or non-profit is something of value given to the "
        "committee. {corp_verdict}",
        citations=(cit.S30118_A, cit.FEC_TRAVEL_PAGE),
        remedy="Pay yourself, stay with a host, or let the campaign pay.",
        severity=Severity.MEDIUM,  # when R82 makes it amber
        substitutions=(
            sub("you paid your own lodging",
                swap("E1", {"us_corp_paid"}, "self_paid", empty="self_paid")),
            sub("the campaign paid your lodging",
                swap("E1", {"us_corp_paid"}, "campaign_paid", empty="campaign_paid")),
        ),
    ),
    Rule(
        id="R88", name="HOUSING-PLACED-BY-FOREIGN-PARTY", area=Area.HOUSING,
        applies_to=AppliesTo.ALL, colour=Colour.AMBER,
        trigger=housing_placed_by_foreign_party_or_unknown,
        text="A foreign party placing volunteers with US hosts may itself be a thing of value to "
        "the campaign; this is untested. If you don't know who arranged your stay, find out.",
        citations=(cit.S30121_A1A, cit.TRUMP_COMPLAINT),
        remedy="Arrange your stay yourself, or through the US campaign or a US host directly.",
        severity=Severity.MEDIUM, severity_for=arrangement_severity,
        substitutions=(
            sub("you arranged your stay yourself", put("E3", "self_or_own_contacts")),
        ),
    ),
    Rule(
        id="R49", name="HOUSING-UNKNOWN", area=Area.HOUSING, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=housing_or_meals_payer_unknown,
        text="Find out who is paying for your lodging and meals before you go.",
        citations=(cit.R110_20_A4,),
        remedy="Ask, in writing, who pays for your lodging and meals; paying yourself is "
        "always safe.",
        severity=Severity.HIGH,
        substitutions=(
            sub("you paid your own lodging and meals",
                swap("E1", {"unknown"}, "self_paid", empty="self_paid"),
                replace_single("E2", ("unknown",), "self")),
        ),
    ),
)
