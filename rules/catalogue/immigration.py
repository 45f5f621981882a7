"""b.8 immigration caution (R72-R75): never RED, shown apart as not election law."""

from rules import citations as cit
from rules.codes import UNDISCLOSED_STATUSES, VISITOR_STATUSES
from rules.facts import Facts
from rules.rule import AppliesTo, Area, Colour, Rule, Severity
from rules.substitutions import (
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
US_PAID_TRAVEL = frozenset({"campaign", "us_party_committee", "us_individual"})
US_PROVIDED_HOUSING = frozenset({"campaign_paid", "us_party_paid", "us_individual_paid",
                                 "us_volunteer_host_free"})
US_PAID_MEALS = frozenset({"campaign", "us_party"})


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
    return f.no_work_auth and bool(f.c1 & US_PAID_JOB)


def immigration_status_undisclosed(f: Facts) -> bool:
    return f.b4 in UNDISCLOSED_STATUSES


RULES: tuple[Rule, ...] = (
    Rule(
        "R72", "IMM-VISITOR-VOLUNTEER-NOTE", Area.IMMIGRATION, AppliesTo.FN, Colour.NOTE,
        is_visitor,
        "US consular posts say 'unpaid work is work'; the B-1 volunteer exception covers "
        "organised programmes of religious or non-profit charitable organisations, not "
        "political campaigns. Keep any volunteering incidental to your visit, take nothing of "
        "value, and consult an immigration lawyer.",
        (cit.EMBASSY_UNPAID_WORK, cit.FAM_B1_VOLUNTEER),
    ),
    Rule(
        "R73", "IMM-REMUNERATION", Area.IMMIGRATION, AppliesTo.FN, Colour.AMBER,
        takes_us_benefit_without_work_auth,
        "Lodging, meals, travel or money from a US source in exchange for volunteering can be "
        "treated as unauthorised employment for someone without US work authorisation.",
        (cit.EMBASSY_UNPAID_WORK,),
        remedy="Pay your own travel, lodging and meals and take nothing of value from US "
        "sources, or get immigration advice first.",
        severity=Severity.HIGH,
        substitutions=(
            sub("you paid your own travel, lodging and meals and took nothing of value",
                swap("C1", US_PAY_FOR_TIME),
                swap("D1", US_PAID_TRAVEL, "self", empty="self"),
                self_paid_transport_within(1000, only_missing=True),
                without_reimbursement(1000),
                swap("E1", US_PROVIDED_HOUSING, "self_paid", empty="self_paid"),
                replace_single("E2", US_PAID_MEALS, "self")),
        ),
    ),
    Rule(
        "R74", "IMM-PAID-JOB-NO-AUTH", Area.IMMIGRATION, AppliesTo.FN, Colour.AMBER,
        paid_job_without_work_auth,
        "Being paid by the campaign is fine under election law but needs US work "
        "authorisation.",
        (cit.EMBASSY_UNPAID_WORK,),
        remedy="Accept pay only with work authorisation that covers this job; otherwise stay "
        "unpaid.",
        severity=Severity.HIGH,
        substitutions=(sub("you stayed unpaid", swap("C1", US_PAID_JOB)),),
    ),
    Rule(
        "R75", "IMM-STATUS-UNKNOWN", Area.IMMIGRATION, AppliesTo.FN, Colour.NOTE,
        immigration_status_undisclosed,
        "You did not give your immigration situation, so the immigration findings assume you "
        "have no US work authorisation.",
        (cit.EMBASSY_UNPAID_WORK,),
    ),
)
