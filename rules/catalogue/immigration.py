"""b.8 immigration caution (R72-R75): never RED, shown apart as not election law."""

from rules import citations as cit
from rules.codes import UNDISCLOSED_STATUSES, VISITOR_STATUSES, C1Code, codes_of
from rules.facts import Facts
from rules.rule import AppliesTo, Area, Colour, Rule, Severity
from rules.substitutions import (
    keep_volunteering_within_half,
    put,
    replace_single,
    self_paid_transport_within,
    sub,
    swap,
    without_reimbursement,
)

US_PAY_FOR_TIME = frozenset({"campaign", "us_party_committee", "us_individual",
                             "us_school_stipend_general"})
US_PAID_JOB = frozenset({"campaign", "us_party_committee", "us_individual",
                         "us_corp_union_nonprofit"})
PAYERS = frozenset(codes_of(C1Code)) - {"none", "unknown"}
US_PAID_TRAVEL = frozenset({"campaign", "us_party_committee", "us_individual"})
US_PROVIDED_HOUSING = frozenset({"campaign_paid", "us_party_paid", "us_individual_paid",
                                 "us_volunteer_host_free"})
US_PAID_MEALS = frozenset({"campaign", "us_party"})
NOT_A_PAYER = frozenset({"none", "unknown"})


def is_visitor(f: Facts) -> bool:
    return f.b4 in VISITOR_STATUSES


def takes_us_benefit_without_work_auth(f: Facts) -> bool:
    reimbursed = "self" in f.d1 and f.over_limit() and f.d3b == "yes"
    benefit = (
        bool(f.c1 & US_PAY_FOR_TIME)
        or reimbursed
        or bool(f.d1 & US_PAID_TRAVEL)
        or bool(f.e1 & US_PROVIDED_HOUSING)
        or f.e2 in US_PAID_MEALS
    )
    return f.no_work_auth and benefit


def paid_job_without_work_auth(f: Facts) -> bool:
    """R74: paid by a US source without work authorisation, or, for a visitor, paid by anyone
    at all (amendment 1 section 12: a visitor may not work in the US, whoever pays)."""
    paid_by_anyone = bool(f.c1 - NOT_A_PAYER)
    return (f.no_work_auth and bool(f.c1 & US_PAID_JOB)) or (is_visitor(f) and paid_by_anyone)


def immigration_status_undisclosed(f: Facts) -> bool:
    return f.b4 in UNDISCLOSED_STATUSES


def trip_purpose_severity(f: Facts) -> Severity:
    """R87: high when the trip is (partly) made to campaign or volunteering takes over half of
    it; medium while the purpose or the days are unknown."""
    if f.b9 in ("main_purpose", "one_of_several"):
        return Severity.HIGH
    trip, volunteering = f.b10, f.b11
    if isinstance(trip, int) and isinstance(volunteering, int) and volunteering * 2 > trip:
        return Severity.HIGH
    return Severity.MEDIUM


def trip_made_to_campaign(f: Facts) -> bool:
    """R87: a visitor whose trip is (partly) for campaigning, who volunteers more than half of
    it, or who cannot yet say (B9 unknown, or the days unknown)."""
    if not is_visitor(f):
        return False
    if f.b9 in ("main_purpose", "one_of_several", "unknown"):
        return True
    trip, volunteering = f.b10, f.b11
    if not isinstance(trip, int) or not isinstance(volunteering, int):
        return trip is not None or volunteering is not None
    return volunteering * 2 > trip


RULES: tuple[Rule, ...] = (
    Rule(
        id="R72", name="IMM-VISITOR-VOLUNTEER-NOTE", area=Area.IMMIGRATION, applies_to=AppliesTo.FN,
        colour=Colour.NOTE, trigger=is_visitor,
        text="US consular posts say 'unpaid work is work'; the B-1 volunteer exception covers "
        "organised programmes of religious or non-profit charitable organisations, not "
        "political campaigns. Keep any volunteering incidental to your visit, take nothing of "
        "value, and consult an immigration lawyer.",
        citations=(cit.EMBASSY_UNPAID_WORK, cit.FAM_B1_VOLUNTEER),
    ),
    Rule(
        id="R73", name="IMM-REMUNERATION", area=Area.IMMIGRATION, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=takes_us_benefit_without_work_auth,
        text="Lodging, meals, travel or money from a US source in exchange for volunteering can be "
        "treated as unauthorised employment for someone without US work authorisation.",
        citations=(cit.EMBASSY_UNPAID_WORK,),
        remedy="Pay your own travel, lodging and meals and take nothing of value from US "
        "sources, or get immigration advice first.",
        severity=Severity.HIGH,
        substitutions=(
            sub("you paid your own travel, lodging and meals and took nothing of value",
                swap("C1", US_PAY_FOR_TIME),
                swap("D1", US_PAID_TRAVEL, "self", empty="self"),
                self_paid_transport_within(only_missing=True),
                without_reimbursement(),
                swap("E1", US_PROVIDED_HOUSING, "self_paid", empty="self_paid"),
                replace_single("E2", US_PAID_MEALS, "self")),
        ),
    ),
    Rule(
        id="R74", name="IMM-PAID-JOB-NO-AUTH", area=Area.IMMIGRATION, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=paid_job_without_work_auth,
        text="Being paid for campaign work in the US needs US work authorisation, whoever pays; a "
        "visitor may not work in the US, even when a foreign employer or party pays.",
        citations=(cit.EMBASSY_UNPAID_WORK, cit.R214_1_E, cit.FAM_402_2_2_B),
        remedy="Accept pay only with work authorisation that covers this job; otherwise stay "
        "unpaid.",
        severity=Severity.HIGH,
        substitutions=(sub("you stayed unpaid", swap("C1", PAYERS)),),
    ),
    Rule(
        id="R75", name="IMM-STATUS-UNKNOWN", area=Area.IMMIGRATION, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=immigration_status_undisclosed,
        text="You did not give your immigration situation, so the immigration findings assume you "
        "have no US work authorisation; the immigration position cannot be cleared without it.",
        citations=(cit.EMBASSY_UNPAID_WORK,),
        remedy="Check your visa or status documents, or ask an immigration lawyer.",
        severity=Severity.LOW,
    ),
    Rule(
        id="R87", name="IMM-TRIP-PURPOSE", area=Area.IMMIGRATION, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=trip_made_to_campaign,
        text="Visitor status is for business or pleasure; a trip made to campaign is not tourism, "
        "and the B-1 volunteer category is only for organised religious or charitable "
        "programmes. You may be refused entry or future visas.",
        citations=(cit.FAM_402_2_2_B, cit.FAM_B1_VOLUNTEER, cit.R214_1_E, cit.EMBASSY_UNPAID_WORK),
        remedy="Keep volunteering incidental to a holiday, family visit or business trip (no "
        "more than half of your days), or ask an immigration lawyer first.",
        severity=Severity.HIGH, severity_for=trip_purpose_severity,
        substitutions=(
            sub("volunteering stayed incidental to a holiday or family visit",
                put("B9", "incidental_to_holiday_or_family_visit"),
                keep_volunteering_within_half()),
        ),
    ),
)
