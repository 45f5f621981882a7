"""Answer codes of the legal brief's section (d) as Literal types: the stable keys of all files."""

from typing import Literal, get_args

A1Code = Literal[
    "federal_candidate",
    "state_local_candidate",
    "us_party_committee",
    "pac_or_super_pac",
    "ballot_measure",
    "unknown",
]
A1bCode = Literal["super_pac_ie_only", "hybrid_pac", "traditional_pac", "unknown"]
A2Code = Literal["self", "organiser_group"]
A3Code = Literal["no", "yes", "unknown"]
YesNoUnknown = Literal["yes", "no", "unknown"]
YesNo = Literal["yes", "no"]
B3Code = Literal["yes", "no", "pending", "unknown"]
B4Code = Literal[
    "esta_vwp",
    "b1_b2",
    "f1",
    "j1",
    "h1b",
    "l1",
    "o1",
    "tn_e",
    "daca",
    "tps",
    "asylum_refugee",
    "pending_adjustment",
    "other_nonimmigrant",
    "none_abroad_remote",
    "undocumented_or_none",
    "prefer_not_say",
    "unknown",
]
B9Code = Literal[
    "main_purpose",
    "one_of_several",
    "incidental_to_holiday_or_family_visit",
    "incidental_to_business_trip",
    "unknown",
]
B6Code = Literal[
    "none",
    "foreign_party_member",
    "foreign_party_staff",
    "foreign_gov_official_or_staff",
    "foreign_elected_official",
    "us_party_or_campaign_staff",
    "unknown",
]
B8Code = Literal["us", "outside_us"]
C1Code = Literal[
    "none",
    "campaign",
    "us_party_committee",
    "us_individual",
    "us_corp_union_nonprofit",
    "us_school_stipend_general",
    "foreign_school_stipend",
    "foreign_party",
    "foreign_government",
    "foreign_company_or_org",
    "foreign_individual",
    "unknown",
]
C2Code = Literal[
    "not_employed",
    "self_employed_own_time",
    "own_time_outside_work_hours",
    "unpaid_leave",
    "bona_fide_accrued_leave",
    "special_paid_leave_for_campaign",
    "employer_pays_during_work_hours",
    "incidental_workplace_use",
    "unknown",
]
C3Code = Literal[
    "foreign_party",
    "foreign_government",
    "foreign_company_or_org",
    "us_corporation_or_union",
    "us_individual_or_partnership",
    "unknown",
]
D1Code = Literal[
    "self",
    "campaign",
    "us_party_committee",
    "us_individual",
    "us_corp_union_nonprofit",
    "foreign_party",
    "foreign_government",
    "foreign_company_or_org",
    "foreign_individual",
    "crowdfunding",
    "no_travel_needed",
    "unknown",
]
D2Code = Literal["us_only_verified", "includes_foreign", "unknown"]
D5Code = Literal[
    "yes_same_trip",
    "extended_or_changed_for_campaign",
    "no_trip_is_for_campaign",
    "unknown",
]
D4Code = Literal["self_or_friends", "us_campaign_or_us_party", "foreign_party_or_gov", "unknown"]
E1Code = Literal[
    "self_paid",
    "friends_family_personal",
    "us_volunteer_host_free",
    "campaign_paid",
    "us_party_paid",
    "us_individual_paid",
    "us_corp_paid",
    "foreign_party_gov_org_paid",
    "foreign_party_arranged_free",
    "foreign_individual_paid",
    "not_applicable_local",
    "unknown",
]
E2Code = Literal[
    "self",
    "us_host_incidental",
    "campaign",
    "us_party",
    "foreign_party_gov_org",
    "foreign_individual",
    "unknown",
]
E3Code = Literal[
    "self_or_own_contacts",
    "us_host_directly",
    "us_campaign_or_us_party",
    "foreign_party_gov_org",
    "unknown",
]
FCode = Literal[
    "canvass_phone_text",
    "data_entry",
    "event_support",
    "attend_strategy_meetings",
    "lead_volunteer_team",
    "manage_office_staff_budget",
    "decide_targeting_or_spending",
    "build_models_analysis",
    "create_content_under_review",
    "advise_senior_staff",
    "fundraise_ask_us_persons",
    "ask_foreign_nationals_to_give",
    "speak_at_events_or_perform",
    "official_spokesperson",
    "personal_media_social",
    "paid_ads_or_boosting",
    "other_unclear",
]
GCode = Literal[
    "none",
    "donate_money",
    "pay_campaign_expenses_or_advance",
    "bring_foreign_made_materials",
    "own_equipment",
    "foreign_party_resources",
    "donate_goods_or_art",
    "host_event_at_own_us_home",
    "unknown",
]


def codes_of(literal: object) -> tuple[str, ...]:
    """The answer codes of one Literal alias, in the brief's order."""
    return tuple(str(code) for code in get_args(literal))


# Groups of codes the brief names (b.0, b.8), kept next to the codes they group.
FOREIGN_PAYERS = frozenset({"foreign_party", "foreign_government", "foreign_company_or_org"})
US_EMPLOYERS = frozenset({"us_corporation_or_union", "us_individual_or_partnership"})
FOREIGN_EMPLOYERS = FOREIGN_PAYERS
SAFE_JOB_ARRANGEMENTS = frozenset(
    {
        "not_employed",
        "self_employed_own_time",
        "own_time_outside_work_hours",
        "unpaid_leave",
        "bona_fide_accrued_leave",
    }
)
PAID_WORK_TIME = frozenset({"special_paid_leave_for_campaign", "employer_pays_during_work_hours"})
EMPLOYER_INVOLVED = PAID_WORK_TIME | {"incidental_workplace_use"}
NOT_EMPLOYED = frozenset({"not_employed", "self_employed_own_time"})
# Every B4 answer (B4Code) and the kind of status it is, once; the sets the rules read derive
# from it (tests/rules/test_codes.py checks that it names every B4 code).
B4_KINDS: dict[str, str] = {
    "esta_vwp": "visitor",
    "b1_b2": "visitor",
    "f1": "visa",
    "j1": "visa",
    "h1b": "visa",
    "l1": "visa",
    "o1": "visa",
    "tn_e": "visa",
    "daca": "ead",
    "tps": "ead",
    "asylum_refugee": "ead",
    "pending_adjustment": "ead",
    "other_nonimmigrant": "visa",
    "none_abroad_remote": "remote",
    "undocumented_or_none": "no_status",
    "prefer_not_say": "undisclosed",
    "unknown": "undisclosed",
}


def b4_codes(*kinds: str) -> frozenset[str]:
    """The B4 codes of these kinds of status."""
    return frozenset(code for code, kind in B4_KINDS.items() if kind in kinds)


VISITOR_STATUSES = b4_codes("visitor")
NO_WORK_AUTH_STATUSES = b4_codes("visitor", "visa", "no_status")
EAD_STATUSES = b4_codes("ead")
UNDISCLOSED_STATUSES = b4_codes("undisclosed")
# B4 values that are a US visa or visitor status, which contradict citizenship or a green card.
VISA_STATUSES = b4_codes("visitor", "visa") | {"daca", "tps"}
# B4 values that cannot be true of a US citizen, US national or green-card holder (V02).
STATUS_ONLY_FOR_FOREIGN = frozenset(B4_KINDS) - b4_codes("remote", "undisclosed")
# Amendment 1 section 11/13: D5 is asked when D1, E1 or E2 names anyone other than the
# volunteer or a US committee.
SELF_OR_US_COMMITTEE_TRAVEL = frozenset({"self", "campaign", "us_party_committee",
                                         "no_travel_needed"})
SELF_OR_US_COMMITTEE_HOUSING = frozenset({"self_paid", "campaign_paid", "us_party_paid",
                                          "not_applicable_local"})
SELF_OR_US_COMMITTEE_MEALS = frozenset({"self", "campaign", "us_party"})
# R89: job arrangements under which the volunteer campaigns on their own time.
OWN_TIME_ARRANGEMENTS = frozenset(
    {"own_time_outside_work_hours", "bona_fide_accrued_leave", "unpaid_leave"})
