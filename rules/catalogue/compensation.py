"""b.2 compensation for your time (R11-R26)."""

from rules import citations as cit
from rules.catalogue.payers import corporate_payer_colour
from rules.codes import (
    EMPLOYER_INVOLVED,
    FOREIGN_EMPLOYERS,
    FOREIGN_PAYERS,
    PAID_WORK_TIME,
    SAFE_JOB_ARRANGEMENTS,
    US_EMPLOYERS,
)
from rules.facts import Facts
from rules.rule import AppliesTo, Area, Colour, Rule, Severity
from rules.substitutions import put, replace_single, sub, swap

SELF_OR_HOST_MEALS = frozenset({"self", "us_host_incidental", None})
US_PAYERS_FOR_TIME = frozenset({"us_individual", "us_corp_union_nonprofit"})
TO_LEAVE = (
    sub("you used your normal annual leave", put("C2", "bona_fide_accrued_leave")),
    sub("you took unpaid leave", put("C2", "unpaid_leave")),
)
NO_FOREIGN_MEALS = replace_single("E2", ("foreign_party_gov_org", "foreign_individual"), "self")


def is_unpaid_volunteer(f: Facts) -> bool:
    return (
        f.c1 == {"none"} and f.c2 in SAFE_JOB_ARRANGEMENTS and f.e2 in SELF_OR_HOST_MEALS
    )


def support_paid_anyway(f: Facts) -> bool:
    """Amendment 1 section 13: ordinary living costs paid by a foreign government, university
    or scholarship body that continue whether or not the person campaigns; a foreign party
    paying anything for the trip keeps R12 RED (rules.facts.support_paid_anyway)."""
    return f.support_anyway


def is_paid_by_foreign_principal(f: Facts) -> bool:
    meals = f.e2 == "foreign_party_gov_org" and not support_paid_anyway(f)
    return bool(f.c1 & FOREIGN_PAYERS) or meals


def is_paid_by_foreign_individual(f: Facts) -> bool:
    return "foreign_individual" in f.c1 or f.e2 == "foreign_individual"


def is_paid_by_campaign(f: Facts) -> bool:
    return "campaign" in f.c1


def is_paid_by_us_party(f: Facts) -> bool:
    return "us_party_committee" in f.c1


def is_paid_by_us_individual(f: Facts) -> bool:
    return "us_individual" in f.c1


def is_paid_by_us_corporation(f: Facts) -> bool:
    return "us_corp_union_nonprofit" in f.c1


def has_us_school_stipend(f: Facts) -> bool:
    return "us_school_stipend_general" in f.c1


def has_foreign_school_stipend(f: Facts) -> bool:
    return "foreign_school_stipend" in f.c1 or support_paid_anyway(f)


def pay_is_unknown(f: Facts) -> bool:
    return "unknown" in f.c1


def foreign_employer_pays_campaign_time(f: Facts) -> bool:
    return f.c2 in PAID_WORK_TIME and f.c3 in FOREIGN_EMPLOYERS


def us_corporation_pays_campaign_time(f: Facts) -> bool:
    return f.c2 in PAID_WORK_TIME and f.c3 == "us_corporation_or_union"


def us_individual_employer_pays_campaign_time(f: Facts) -> bool:
    return f.c2 in PAID_WORK_TIME and f.c3 == "us_individual_or_partnership"


def campaigns_on_own_or_leave_time(f: Facts) -> bool:
    return f.c2 in SAFE_JOB_ARRANGEMENTS


def uses_workplace_incidentally(f: Facts) -> bool:
    known_employer = f.c3 in US_EMPLOYERS or f.c3 in FOREIGN_EMPLOYERS
    return f.c2 == "incidental_workplace_use" and known_employer


def incidental_use_colour(f: Facts) -> Colour:
    """R25: green with a US employer, amber (untested) with a foreign one."""
    return Colour.GREEN if f.c3 in US_EMPLOYERS else Colour.AMBER


incidental_use_colour.colours = (Colour.GREEN, Colour.AMBER)  # type: ignore[attr-defined]  # read by possible_colours


def job_arrangement_unknown(f: Facts) -> bool:
    return f.c2 == "unknown" or (f.c2 in EMPLOYER_INVOLVED and f.c3 in ("unknown", None))


RULES: tuple[Rule, ...] = (
    Rule(
        id="R11", name="COMP-NONE", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=is_unpaid_volunteer,
        text="Unpaid volunteering is not a contribution, even for a foreign national.",
        citations=(cit.R100_74, cit.AO_1987_25, cit.AO_2014_20, cit.FEC_VOLUNTEER_PAGE),
    ),
    Rule(
        id="R12", name="COMP-FOREIGN-PRINCIPAL", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=Colour.RED, trigger=is_paid_by_foreign_principal,
        text="Being paid a salary, stipend or per diem by a foreign party, government or foreign "
        "organisation for campaign work makes that payment an illegal foreign contribution; "
        "this is exactly what the Australian Labor Party / Sanders case was about.",
        citations=(cit.CONTRIB_SERVICES, cit.S30121_A1, cit.S30121_A2, cit.R100_74, cit.MUR_7271),
        remedy="Refuse the payment (and return any you received) and pay your own way. Being "
        "hired and paid by the campaign itself is lawful only with US work authorisation.",
        substitutions=(
            sub("you refused the foreign payment and paid your own way",
                swap("C1", FOREIGN_PAYERS), NO_FOREIGN_MEALS),
            sub("the campaign paid you",
                swap("C1", FOREIGN_PAYERS, "campaign"), NO_FOREIGN_MEALS),
        ),
    ),
    Rule(
        id="R13", name="COMP-FOREIGN-INDIVIDUAL", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=Colour.RED, trigger=is_paid_by_foreign_individual,
        text="A foreign individual paying you to campaign is making a prohibited contribution.",
        citations=(cit.CONTRIB_SERVICES, cit.S30121_A1, cit.S30121_A2, cit.R100_74),
        remedy="Decline the payment.",
        substitutions=(
            sub("you declined the payment", swap("C1", {"foreign_individual"}),
                NO_FOREIGN_MEALS),
        ),
    ),
    Rule(
        id="R14", name="COMP-CAMPAIGN-PAID", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=is_paid_by_campaign,
        text="If the campaign itself pays you, you are staff, not a donor; foreign nationals still "
        "may not take decisions, and visitors need work authorisation.",
        citations=(cit.CONTRIB_SERVICES, cit.AO_2007_22, cit.AO_2007_22_SALARY,
                   cit.FEC_VOLUNTEER_PAGE),
    ),
    Rule(
        id="R15", name="COMP-US-PARTY-PAID", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=is_paid_by_us_party,
        text="A US party committee paying you is a permissible source; the party handles any "
        "reporting.",
        citations=(cit.CONTRIB_SERVICES, cit.FEC_VOLUNTEER_PAGE),
    ),
    Rule(
        id="R16", name="COMP-US-INDIVIDUAL-PAID", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=is_paid_by_us_individual,
        text="A US supporter paying you makes an in-kind contribution to the campaign; it must be "
        "within their limit and reported.",
        citations=(cit.CONTRIB_SERVICES, cit.R100_54, cit.FEC_VOLUNTEER_PAGE),
        remedy="Tell the campaign so it can report it, or have the campaign pay you.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("the campaign paid you", swap("C1", {"us_individual"}, "campaign")),
        ),
    ),
    Rule(
        id="R17", name="COMP-US-CORP-ORG-PAID", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=corporate_payer_colour, trigger=is_paid_by_us_corporation,
        text="A US company, union or non-profit paying you to campaign is giving the committee "
        "your paid time. {corp_verdict}",
        citations=(cit.S30118_A, cit.AO_2015_14),
        remedy="Decline, or be paid by the campaign.",
        severity=Severity.MEDIUM,  # when R82 makes it amber
        substitutions=(
            sub("you declined the payment", swap("C1", {"us_corp_union_nonprofit"})),
            sub("the campaign paid you",
                swap("C1", {"us_corp_union_nonprofit"}, "campaign")),
        ),
    ),
    Rule(
        id="R18", name="COMP-EDU-STIPEND-US", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=has_us_school_stipend,
        text="A US school's general internship grant (not conditioned on the internship being "
        "political) is not a campaign contribution.",
        citations=(cit.AO_2015_14,),
    ),
    Rule(
        id="R19", name="COMP-EDU-STIPEND-FOREIGN", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=has_foreign_school_stipend,
        text="A foreign university, scholarship body or government paying your grant or living "
        "costs is a foreign principal; AO 2015-14 dealt only with a US university, so using it "
        "for campaign time is untested.",
        citations=(cit.AO_2015_14, cit.USC_611_B3),
        remedy="Ask the campaign's counsel; safest is not to use the grant for campaign time.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you did not use the grant for campaign time",
                swap("C1", {"foreign_school_stipend"})),
            sub("you paid your own living costs",
                replace_single("E2", ("foreign_party_gov_org",), "self")),
        ),
    ),
    Rule(
        id="R20", name="COMP-UNKNOWN", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=pay_is_unknown,
        text="Find out whether anyone is paying you for this time, and who.",
        citations=(cit.R110_20_A4, cit.R100_74),
        remedy="Ask the organisers in writing whether anyone pays you, and who.",
        severity=Severity.HIGH,
        substitutions=(sub("you confirmed no one pays you", swap("C1", {"unknown"})),),
    ),
    Rule(
        id="R21", name="EMP-WORKTIME-FOREIGN-EMPLOYER", area=Area.COMPENSATION,
        applies_to=AppliesTo.ALL, colour=Colour.RED, trigger=foreign_employer_pays_campaign_time,
        text="If your foreign employer keeps paying you for time spent campaigning (secondment, "
        "'campaign leave', working hours), your employer is making an illegal foreign "
        "contribution.",
        citations=(cit.R100_54, cit.FEC_VOLUNTEER_PAGE, cit.S30121),
        remedy="Use ordinary accrued annual leave or unpaid leave.",
        substitutions=TO_LEAVE,
    ),
    Rule(
        id="R22", name="EMP-WORKTIME-US-CORP", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=corporate_payer_colour, trigger=us_corporation_pays_campaign_time,
        text="A US company paying you for campaign time is giving the committee your paid time. "
        "{corp_verdict}",
        citations=(cit.R100_54, cit.S30118_A, cit.FEC_VOLUNTEER_PAGE),
        remedy="Use earned leave, unpaid leave, or your own time.",
        severity=Severity.MEDIUM,  # when R82 makes it amber
        substitutions=TO_LEAVE,
    ),
    Rule(
        id="R23", name="EMP-WORKTIME-US-INDIVIDUAL", area=Area.COMPENSATION,
        applies_to=AppliesTo.ALL, colour=Colour.AMBER,
        trigger=us_individual_employer_pays_campaign_time,
        text="Your employer's paid time counts as their contribution; it must be within limits and "
        "reported.",
        citations=(cit.R100_54, cit.FEC_VOLUNTEER_PAGE),
        remedy="Use earned leave, unpaid leave or your own time, or tell the campaign so it can "
        "report the contribution.",
        severity=Severity.MEDIUM,
        substitutions=TO_LEAVE,
    ),
    Rule(
        id="R24", name="EMP-BONA-FIDE-LEAVE", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=campaigns_on_own_or_leave_time,
        text="Campaigning in your own time, on your normal annual leave or on unpaid leave is not "
        "your employer's contribution.",
        citations=(cit.R100_54_LEAVE, cit.FEC_VOLUNTEER_PAGE),
    ),
    Rule(
        id="R25", name="EMP-INCIDENTAL-USE", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=incidental_use_colour, trigger=uses_workplace_incidentally,
        text="Occasional use of your work phone or computer (about {incidental_week} hour a week "
        "or {incidental_month} hours a month) is allowed; with a foreign employer it is untested.",
        citations=(cit.FEC_VOLUNTEER_PAGE,),
        remedy="Use your own phone and computer for campaign work.",
        severity=Severity.LOW,
        substitutions=(
            sub("you used only your own phone and computer, in your own time",
                put("C2", "own_time_outside_work_hours")),
        ),
    ),
    Rule(
        id="R26", name="EMP-UNKNOWN", area=Area.COMPENSATION, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=job_arrangement_unknown,
        text="Check with your employer whether your campaign time is paid and who your employer "
        "legally is.",
        citations=(cit.R100_54, cit.R110_20_A4),
        remedy="Use accrued annual leave or unpaid leave and keep a record.",
        severity=Severity.MEDIUM,
        substitutions=TO_LEAVE[:1],
    ),
)
