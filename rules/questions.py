"""The wizard's questions of brief (d) as data: id, page, kind, wording, help and answer labels."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from rules import codes
from rules.codes import codes_of


class Kind(StrEnum):
    """How a question is answered."""

    SINGLE = "single"
    MULTI = "multi"
    AMOUNT = "amount"
    AGE = "age"
    DAYS = "days"


@dataclass(frozen=True, slots=True)
class Option:
    """One answer code and its English label."""

    code: str
    label: str


@dataclass(frozen=True, slots=True)
class Question:
    """One question of the brief, keyed by its stable id."""

    id: str
    page: str
    kind: Kind
    text: str
    help: str
    options: tuple[Option, ...] = ()
    glossary: tuple[str, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(option.code for option in self.options)

    def label_of(self, code: str) -> str:
        """The English label of a code, or the code itself when it has none."""
        for option in self.options:
            if option.code == code:
                return option.label
        return code


PageId = Literal["A", "B", "C", "D", "E", "F", "G"]

PAGE_TITLES: dict[str, str] = {
    "A": "Campaign",
    "B": "Nationality and status",
    "C": "Payment for your time",
    "D": "Travel",
    "E": "Housing and meals",
    "F": "What you will do",
    "G": "Money and other resources",
}

GLOSSARY: dict[str, str] = {
    "foreign national": (
        "Anyone who is not a US citizen, not a US national and does not hold a green card; "
        "also foreign governments, foreign political parties and foreign companies or "
        "organisations (52 U.S.C. 30121(b))."
    ),
    "green card": (
        "Lawful permanent residence in the US (including conditional residence). A pending "
        "application is not a green card."
    ),
    "US national": (
        "A person who is not a US citizen but owes permanent allegiance to the US, such as "
        "someone born in American Samoa or on Swains Island."
    ),
    "compensation": (
        "Any money or benefit for your time: salary, stipend, per diem, allowance, grant, or "
        "your employer paying you while you campaign."
    ),
    "decision-making": (
        "Directing, controlling or taking part, directly or indirectly, in a campaign's "
        "decisions: spending, targeting, hiring, messaging or managing the committee."
    ),
    "foreign principal": (
        "A foreign government or foreign political party (including its youth wings and "
        "branches), a foreign company or organisation, or a person outside the US who is not a "
        "US citizen living in the US (22 U.S.C. 611(b))."
    ),
}

# Labels for every answer code, per question where the same code reads differently.
_YNU = {"yes": "Yes", "no": "No", "unknown": "I don't know"}

_LABELS: dict[str, dict[str, str]] = {
    "A1": {
        "federal_candidate": "A candidate for federal office (President, Senate, House)",
        "state_local_candidate": "A candidate for state or local office",
        "us_party_committee": "A US political party committee",
        "pac_or_super_pac": "A PAC or super PAC",
        "ballot_measure": "A ballot-measure (referendum or initiative) campaign",
        "unknown": "I don't know yet",
    },
    "A1b": {
        "super_pac_ie_only": "A super PAC (independent expenditures only)",
        "hybrid_pac": "A hybrid PAC (a super PAC account beside a contribution account)",
        "traditional_pac": "A traditional PAC that gives to candidates",
        "unknown": "I don't know",
    },
    "A2": {"self": "Myself", "organiser_group": "An organiser, for a group"},
    "A3": {
        "no": "No",
        "yes": "Yes",
        "unknown": "I don't know",
    },
    "B1": _YNU,
    "B2": _YNU,
    "B3": {
        "yes": "Yes, I hold a green card",
        "no": "No",
        "pending": "I have applied; it is not granted yet",
        "unknown": "I don't know",
    },
    "B4": {
        "esta_vwp": "Visitor on ESTA / Visa Waiver",
        "b1_b2": "Visitor visa (B-1/B-2)",
        "f1": "Student visa (F-1)",
        "j1": "Exchange visitor (J-1)",
        "h1b": "H-1B worker",
        "l1": "L-1 intra-company transferee",
        "o1": "O-1 extraordinary ability",
        "tn_e": "TN or E visa",
        "daca": "DACA",
        "tps": "Temporary Protected Status (TPS)",
        "asylum_refugee": "Asylum applicant, refugee or asylee",
        "pending_adjustment": "Green-card application pending (adjustment of status)",
        "other_nonimmigrant": "Another visa",
        "none_abroad_remote": "I stay outside the US and help remotely",
        "undocumented_or_none": "No current status",
        "prefer_not_say": "I prefer not to say",
        "unknown": "I don't know",
    },
    "B5": {"yes": "Yes, I am under 18", "no": "No, I am 18 or older"},
    "B9": {
        "main_purpose": "Campaigning is the main reason for the trip",
        "one_of_several": "Campaigning is one of several reasons",
        "incidental_to_holiday_or_family_visit": (
            "I am mainly on holiday or visiting family; campaigning is a small part"),
        "incidental_to_business_trip": (
            "I am mainly on a business trip; campaigning is a small part"),
        "unknown": "I don't know yet",
    },
    "B6": {
        "none": "None of these",
        "foreign_party_member": "Member of a foreign political party",
        "foreign_party_staff": "Staff of a foreign political party",
        "foreign_gov_official_or_staff": "Foreign government official or staff",
        "foreign_elected_official": "Foreign elected official",
        "us_party_or_campaign_staff": "Staff of a US party or campaign",
        "unknown": "I don't know whether my role counts as one of these",
    },
    "B7": {"yes": "Yes", "no": "No", "unknown": "I don't know"},
    "B8": {"us": "In the US", "outside_us": "Outside the US"},
    "C1": {
        "none": "No one: I am unpaid",
        "campaign": "The campaign itself",
        "us_party_committee": "A US party committee",
        "us_individual": "A US individual",
        "us_corp_union_nonprofit": "A US company, union or non-profit",
        "us_school_stipend_general": "A US school's general internship grant",
        "foreign_school_stipend": "A foreign university or scholarship body",
        "foreign_party": "A foreign political party",
        "foreign_government": "A foreign government",
        "foreign_company_or_org": "A foreign company or organisation",
        "foreign_individual": "A foreign individual",
        "unknown": "I don't know",
    },
    "C2": {
        "not_employed": "I am not employed",
        "self_employed_own_time": "Self-employed, on my own time",
        "own_time_outside_work_hours": "Evenings, weekends or public holidays",
        "unpaid_leave": "Unpaid leave",
        "bona_fide_accrued_leave": "My normal annual leave that I have earned",
        "special_paid_leave_for_campaign": "Special paid leave or secondment for campaigning",
        "employer_pays_during_work_hours": "During paid working hours",
        "incidental_workplace_use": (
            "Occasional use of work phone or computer (about 1 hour a week)"
        ),
        "unknown": "I don't know",
    },
    "C3": {
        "foreign_party": "A foreign political party",
        "foreign_government": "A foreign government",
        "foreign_company_or_org": "A foreign company or organisation",
        "us_corporation_or_union": "A US company or union",
        "us_individual_or_partnership": "A US individual or partnership",
        "unknown": "I don't know",
    },
    "D1": {
        "self": "I pay myself",
        "campaign": "The campaign",
        "us_party_committee": "A US party committee",
        "us_individual": "A US individual",
        "us_corp_union_nonprofit": "A US company, union or non-profit",
        "foreign_party": "A foreign political party",
        "foreign_government": "A foreign government",
        "foreign_company_or_org": "A foreign company or organisation",
        "foreign_individual": "A foreign individual (friend, relative)",
        "crowdfunding": "Crowdfunding",
        "no_travel_needed": "No travel needed",
        "unknown": "I don't know",
    },
    "D2": {
        "us_only_verified": "Only US citizens or green-card holders, checked",
        "includes_foreign": "Some donors are not US citizens or green-card holders",
        "unknown": "I don't know",
    },
    "D3b": _YNU,
    "D4": {
        "self_or_friends": "Me, or friends in a personal capacity",
        "us_campaign_or_us_party": "The US campaign or a US party",
        "foreign_party_or_gov": "A foreign party or government",
        "unknown": "I don't know",
    },
    "D5": {
        "yes_same_trip": "Yes: the same trip, at the same cost, would happen anyway",
        "extended_or_changed_for_campaign": "It was extended or changed for the campaign",
        "no_trip_is_for_campaign": "No: the trip is for the campaign",
        "unknown": "I don't know",
    },
    "E1": {
        "self_paid": "I pay for it myself",
        "friends_family_personal": "With my own friends or family",
        "us_volunteer_host_free": "Free, with a US volunteer or supporter",
        "campaign_paid": "Paid by the campaign",
        "us_party_paid": "Paid by a US party",
        "us_individual_paid": "Paid by a US individual",
        "us_corp_paid": "Paid by a US company, union or non-profit",
        "foreign_party_gov_org_paid": "Paid by a foreign party, government or organisation",
        "foreign_party_arranged_free": "Arranged free by a foreign party",
        "foreign_individual_paid": "Paid by a foreign individual",
        "not_applicable_local": "Not needed: I live locally",
        "unknown": "I don't know",
    },
    "E2": {
        "self": "I pay myself",
        "us_host_incidental": "My US host, as ordinary hospitality",
        "campaign": "The campaign",
        "us_party": "A US party",
        "foreign_party_gov_org": "A foreign party, government or organisation",
        "foreign_individual": "A foreign individual",
        "unknown": "I don't know",
    },
    "E3": {
        "self_or_own_contacts": "I did, or my own friends and family",
        "us_host_directly": "A US host, directly with me",
        "us_campaign_or_us_party": "The US campaign or a US party",
        "foreign_party_gov_org": "A foreign party, government or organisation",
        "unknown": "I don't know",
    },
    "F": {
        "canvass_phone_text": "Door-knocking, phone or text banking",
        "data_entry": "Data entry",
        "event_support": "Helping at events",
        "attend_strategy_meetings": "Attending strategy meetings",
        "lead_volunteer_team": "Leading a team of volunteers",
        "manage_office_staff_budget": "Managing an office, staff or budget",
        "decide_targeting_or_spending": "Deciding targeting or spending",
        "build_models_analysis": "Building targeting models or analysis",
        "create_content_under_review": "Creating content that US staff review",
        "advise_senior_staff": "Advising senior staff",
        "fundraise_ask_us_persons": "Asking US citizens or green-card holders to donate",
        "ask_foreign_nationals_to_give": "Asking foreign nationals to donate",
        "speak_at_events_or_perform": "Speaking or performing unpaid at events",
        "official_spokesperson": "Official spokesperson for the campaign",
        "personal_media_social": "Posts and interviews in my own name",
        "paid_ads_or_boosting": "Paying for ads or boosting posts",
        "other_unclear": "Something else, or not clear yet",
    },
    "G": {
        "none": "None of these",
        "donate_money": "Donating money",
        "pay_campaign_expenses_or_advance": "Paying campaign costs, even if reimbursed later",
        "bring_foreign_made_materials": "Bringing materials made or paid for abroad",
        "own_equipment": "Using my own laptop or phone",
        "foreign_party_resources": "Using a foreign party's tools, data, offices or staff",
        "donate_goods_or_art": "Giving goods or artwork",
        "host_event_at_own_us_home": "Hosting an event at my own US home",
        "unknown": "I don't know yet what I will give or use",
    },
}


def _options(qid: str, literal: object) -> tuple[Option, ...]:
    labels = _LABELS[qid]
    return tuple(Option(code, labels[code]) for code in codes_of(literal))


QUESTIONS: tuple[Question, ...] = (
    Question(
        "A1", "A", Kind.SINGLE, "Which committee will you help?",
        "The kind of campaign decides which rules apply. Ask the campaign if you are unsure.",
        _options("A1", codes.A1Code),
    ),
    Question(
        "A1b", "A", Kind.SINGLE, "Which kind of PAC is it?",
        "A super PAC only spends independently of candidates; a traditional PAC gives to them. "
        "The rules on company money differ. Ask the PAC if you are unsure.",
        _options("A1b", codes.A1bCode),
    ),
    Question(
        "A3", "A", Kind.SINGLE,
        "Is the measure committee controlled by, or working with, a candidate?",
        "If a candidate runs or coordinates with it, candidate rules may apply.",
        _options("A3", codes.A3Code),
    ),
    Question(
        "A2", "A", Kind.SINGLE, "Who is filling this in?",
        "Organisers can screen a whole group from the start screen instead.",
        _options("A2", codes.A2Code),
    ),
    Question(
        "B1", "B", Kind.SINGLE, "Are you a US citizen (including dual citizens)?",
        "Answer yes if you hold US citizenship, even if you also hold another nationality.",
        _options("B1", codes.YesNoUnknown), ("foreign national",),
    ),
    Question(
        "B2", "B", Kind.SINGLE, "Are you a non-citizen US national (e.g. born in American Samoa)?",
        "Very few people are US nationals without being citizens.",
        _options("B2", codes.YesNoUnknown), ("US national",),
    ),
    Question(
        "B3", "B", Kind.SINGLE,
        "Do you hold a US green card (lawful permanent residence, including conditional)?",
        "A pending application does not count until it is granted.",
        _options("B3", codes.B3Code), ("green card",),
    ),
    Question(
        "B4", "B", Kind.SINGLE, "Your immigration situation during the activity",
        "Used only for the immigration caution; it does not change the election-law result.",
        _options("B4", codes.B4Code), ("foreign national",),
    ),
    Question(
        "B5", "B", Kind.SINGLE, "Are you under 18?",
        "Age does not change the foreign-national rules.",
        _options("B5", codes.YesNo),
    ),
    Question(
        "B5_age", "B", Kind.AGE, "Your age (optional)",
        "Only used to check the answer above; leave it empty if you prefer.",
    ),
    Question(
        "B6", "B", Kind.SINGLE, "Your affiliation",
        "Party staff and officials can volunteer only in a personal capacity.",
        _options("B6", codes.B6Code), ("foreign principal",),
    ),
    Question(
        "B7", "B", Kind.SINGLE, "Do you hold an unrestricted US work permit (EAD)?",
        "An Employment Authorization Document without employer restrictions.",
        _options("B7", codes.YesNoUnknown),
    ),
    Question(
        "B8", "B", Kind.SINGLE, "Where do you normally live?",
        "Your usual home, not where you will volunteer.",
        _options("B8", codes.B8Code), ("green card",),
    ),
    Question(
        "B9", "B", Kind.SINGLE, "Is campaign volunteering the main purpose of your trip?",
        "Visitor status is for business or pleasure; a trip made to campaign is not tourism.",
        _options("B9", codes.B9Code),
    ),
    Question(
        "B10", "B", Kind.DAYS, "How many days will your trip to the US last?",
        "Whole days, 1 to 365. Tick 'I don't know' if the dates are not fixed yet.",
    ),
    Question(
        "B11", "B", Kind.DAYS, "On how many of those days will you volunteer?",
        "Whole days, no more than the length of the trip.",
    ),
    Question(
        "C1", "C", Kind.MULTI,
        "Will anyone pay you (salary, stipend, per diem, allowance, grant) for this time?",
        "Tick everyone who pays you anything for the time you campaign.",
        _options("C1", codes.C1Code), ("compensation", "foreign principal"),
    ),
    Question(
        "C2", "C", Kind.SINGLE, "Your job arrangement during the activity",
        "Normal annual leave and unpaid leave are fine; paid campaign time is not.",
        _options("C2", codes.C2Code), ("compensation",),
    ),
    Question(
        "C3", "C", Kind.SINGLE, "Your employer is",
        "Who legally employs you.",
        _options("C3", codes.C3Code), ("foreign principal",),
    ),
    Question(
        "D1", "D", Kind.MULTI, "Who pays flights and other transport for this trip?",
        "Tick everyone who pays any part of your travel.",
        _options("D1", codes.D1Code), ("foreign principal",),
    ),
    Question(
        "D2", "D", Kind.SINGLE, "Your crowdfunding donors are",
        "Foreign donors make crowdfunding a foreign contribution.",
        _options("D2", codes.D2Code), ("foreign national",),
    ),
    Question(
        "D3", "D", Kind.AMOUNT,
        "Total transport you pay yourself for this campaign, in US dollars",
        "Flights, car hire, fuel and local transport together, for this candidate and election "
        "(for a party: all its committees this calendar year). Tick 'I don't know' if unsure.",
    ),
    Question(
        "D3b", "D", Kind.SINGLE,
        "Will the campaign reimburse you within 30 days (60 days after a card statement)?",
        "Timely reimbursement by the campaign means the excess is not your contribution.",
        _options("D3b", codes.YesNoUnknown),
    ),
    Question(
        "D4", "D", Kind.SINGLE, "Who organised the trip (places, selection, logistics)?",
        "A trip run by a foreign party can be a foreign contribution even without money.",
        _options("D4", codes.D4Code), ("foreign principal",),
    ),
    Question(
        "E1", "E", Kind.MULTI, "Where will you stay, and who pays?",
        "Tick every arrangement for the trip.",
        _options("E1", codes.E1Code), ("foreign principal",),
    ),
    Question(
        "E3", "E", Kind.SINGLE, "Who arranged where you stay?",
        "A foreign party placing volunteers with hosts may itself be giving something of value.",
        _options("E3", codes.E3Code), ("foreign principal",),
    ),
    Question(
        "E2", "E", Kind.SINGLE, "Who pays your meals and daily expenses?",
        "A per diem or meal allowance counts as payment.",
        _options("E2", codes.E2Code), ("compensation",),
    ),
    Question(
        "D5", "E", Kind.SINGLE,
        "Would this trip, with the same costs, happen without the campaign activity?",
        "For example a business trip or family visit you would make anyway.",
        _options("D5", codes.D5Code),
    ),
    Question(
        "F", "F", Kind.MULTI, "What will you do for the campaign?",
        "Tick everything you expect to do.",
        _options("F", codes.FCode), ("decision-making",),
    ),
    Question(
        "G", "G", Kind.MULTI, "Will you give or use any of these?",
        "Your own time is fine; money, goods and foreign resources are not.",
        _options("G", codes.GCode), ("foreign national", "foreign principal"),
    ),
)

QUESTION_BY_ID: dict[str, Question] = {question.id: question for question in QUESTIONS}
PAGES: tuple[str, ...] = tuple(dict.fromkeys(question.page for question in QUESTIONS))


def questions_on(page: str) -> tuple[Question, ...]:
    """The questions of one wizard page, in order."""
    return tuple(question for question in QUESTIONS if question.page == page)
