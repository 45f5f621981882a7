"""b.5 intended role: conduct rules for foreign nationals (R50-R63)."""

from rules import citations as cit
from rules.facts import Facts
from rules.rule import AppliesTo, Area, Colour, Rule, Severity, red_for_fn_note_for_usp
from rules.substitutions import Edit, put, sub, swap

GRASSROOTS = frozenset({"canvass_phone_text", "data_entry", "event_support"})
DECISION_MAKING = frozenset({"manage_office_staff_budget", "decide_targeting_or_spending"})


def without(codes: set[str] | frozenset[str], instead: str = "canvass_phone_text") -> Edit:
    """Drop role codes; a role list left empty becomes grassroots canvassing."""
    return swap("F", codes, None, empty=instead)


def does_grassroots_work(f: Facts) -> bool:
    return bool(f.f & GRASSROOTS)


def attends_strategy_meetings(f: Facts) -> bool:
    return "attend_strategy_meetings" in f.f


def makes_decisions(f: Facts) -> bool:
    return bool(f.f & DECISION_MAKING)


def leads_volunteer_team(f: Facts) -> bool:
    return "lead_volunteer_team" in f.f


def advises_senior_staff(f: Facts) -> bool:
    return "advise_senior_staff" in f.f


def creates_reviewed_content(f: Facts) -> bool:
    return "create_content_under_review" in f.f


def builds_models(f: Facts) -> bool:
    return "build_models_analysis" in f.f


def asks_us_persons_to_give(f: Facts) -> bool:
    return "fundraise_ask_us_persons" in f.f


def asks_foreign_nationals_to_give(f: Facts) -> bool:
    return "ask_foreign_nationals_to_give" in f.f


def speaks_or_performs(f: Facts) -> bool:
    return "speak_at_events_or_perform" in f.f


def is_official_spokesperson(f: Facts) -> bool:
    return "official_spokesperson" in f.f


def posts_in_own_name(f: Facts) -> bool:
    return "personal_media_social" in f.f


def pays_for_ads(f: Facts) -> bool:
    return "paid_ads_or_boosting" in f.f


def role_unclear(f: Facts) -> bool:
    return f.f == {"other_unclear"} or not f.f


def role_partly_unclear(f: Facts) -> bool:
    """R86: 'other/unclear' ticked beside other roles (alone, R63 fires)."""
    return "other_unclear" in f.f and len(f.f) > 1


RULES: tuple[Rule, ...] = (
    Rule(
        "R50", "ROLE-GRASSROOTS", Area.ROLE, AppliesTo.FN, Colour.GREEN, does_grassroots_work,
        "Door-knocking, phone and text banking, data entry and event help are classic volunteer "
        "work a foreign national may do.",
        (cit.FEC_VOLUNTEER_PAGE, cit.AO_1987_25, cit.MUR_7271),
    ),
    Rule(
        "R51", "ROLE-ATTEND-STRATEGY", Area.ROLE, AppliesTo.FN, Colour.GREEN,
        attends_strategy_meetings,
        "You may attend strategy meetings; you may not vote on or make the decisions.",
        (cit.FEC_VOLUNTEER_PAGE, cit.FEC_VOLUNTEER_RECORD),
    ),
    Rule(
        "R52", "ROLE-DECISION-MAKING", Area.ROLE, AppliesTo.FN, Colour.RED, makes_decisions,
        "Foreign nationals may not manage the campaign or decide how it spends money, whom it "
        "targets, or whom it hires.",
        (cit.R110_20_I, cit.AO_2004_26, cit.FEC_VOLUNTEER_PAGE, cit.APIC),
        remedy="Take a role where a US citizen or green-card holder makes and owns the "
        "decisions.",
        substitutions=(
            sub("a US citizen made the decisions and you kept to volunteer tasks",
                without(DECISION_MAKING)),
        ),
    ),
    Rule(
        "R53", "ROLE-TEAM-LEAD", Area.ROLE, AppliesTo.FN, Colour.AMBER, leads_volunteer_team,
        "Leading a canvass team is a grey zone; coordinating volunteers on plans made by US "
        "staff is safer than any management authority.",
        (cit.FEC_VOLUNTEER_PAGE, cit.MUR_7271),
        remedy="Keep to carrying out assignments set by US staff: no hiring, budget or strategy "
        "authority.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you canvassed as a team member rather than leading the team",
                without({"lead_volunteer_team"})),
        ),
    ),
    Rule(
        "R54", "ROLE-STRATEGIC-ADVICE", Area.ROLE, AppliesTo.FN, Colour.AMBER,
        advises_senior_staff,
        "Advising senior staff on messaging or targeting risks 'indirectly participating' in "
        "decisions, the core allegation against Labour strategists in 2024.",
        (cit.R110_20_I, cit.TRUMP_COMPLAINT, cit.AO_2007_22),
        remedy="Share general experience in open meetings; leave decisions and recommendations "
        "to US staff; get advice for any ongoing advisory role.",
        severity=Severity.HIGH,
        substitutions=(
            sub("you only attended strategy meetings instead of advising",
                swap("F", {"advise_senior_staff"}, "attend_strategy_meetings")),
        ),
    ),
    Rule(
        "R55", "ROLE-CONTENT-UNDER-REVIEW", Area.ROLE, AppliesTo.FN, Colour.GREEN,
        creates_reviewed_content,
        "Creating scripts, graphics, translations or code that US staff review and approve is "
        "volunteer work.",
        (cit.AO_2014_20,),
    ),
    Rule(
        "R56", "ROLE-ANALYTICS", Area.ROLE, AppliesTo.FN, Colour.AMBER, builds_models,
        "Processing data is fine; building targeting models that shape whom the campaign "
        "targets edges toward decision-making.",
        (cit.R110_20_I, cit.CAMBRIDGE_ANALYTICA),
        remedy="Limit your work to data processing under US staff direction.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you limited your work to data entry under US staff direction",
                swap("F", {"build_models_analysis"}, "data_entry")),
        ),
    ),
    Rule(
        "R57", "ROLE-FUNDRAISE-US", Area.ROLE, AppliesTo.FN, Colour.AMBER,
        asks_us_persons_to_give,
        "Asking US citizens or green-card holders to donate is not expressly barred, but you "
        "must never ask foreign nationals and must not decide fundraising strategy.",
        (cit.S30121_A2, cit.AO_2016_10, cit.ELTON_JOHN),
        remedy="Use campaign scripts, screen out foreign donors and leave decisions to US staff, "
        "or leave fundraising to others.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you left fundraising to others", without({"fundraise_ask_us_persons"})),
        ),
    ),
    Rule(
        "R58", "ROLE-SOLICIT-FOREIGN", Area.ROLE, AppliesTo.ALL, Colour.RED,
        asks_foreign_nationals_to_give,
        "Asking foreign nationals (for example fellow party members at home) to donate money or "
        "paid travel is illegal for anyone.",
        (cit.S30121_A2, cit.R110_20_G, cit.R110_20_H, cit.AO_2016_10),
        remedy="Do not ask foreign nationals for money or anything of value for the campaign.",
        substitutions=(
            sub("you did not ask foreign nationals to give",
                without({"ask_foreign_nationals_to_give"})),
        ),
    ),
    Rule(
        "R59", "ROLE-SPEAK-PERFORM", Area.ROLE, AppliesTo.FN, Colour.GREEN, speaks_or_performs,
        "Speaking or performing unpaid at a campaign event (the campaign paying the event "
        "costs) is volunteer service.",
        (cit.ELTON_JOHN, cit.AO_2007_08),
    ),
    Rule(
        "R60", "ROLE-SPOKESPERSON", Area.ROLE, AppliesTo.FN, Colour.AMBER,
        is_official_spokesperson,
        "Speaking for the campaign as an official spokesperson may involve messaging decisions; "
        "personal interviews are fine.",
        (cit.R110_20_I,),
        remedy="Give interviews in your own name rather than as the campaign's spokesperson.",
        severity=Severity.LOW,
        substitutions=(
            sub("you spoke only in your own name",
                swap("F", {"official_spokesperson"}, "personal_media_social")),
        ),
    ),
    Rule(
        "R61", "ROLE-PERSONAL-MEDIA", Area.ROLE, AppliesTo.FN, Colour.GREEN, posts_in_own_name,
        "Unpaid posts and interviews in your own name are personal speech, not contributions.",
        (cit.S30121,),
    ),
    Rule(
        "R62", "ROLE-PAID-ADS", Area.ROLE, AppliesTo.ALL, red_for_fn_note_for_usp, pays_for_ads,
        "Paying for ads or boosting posts is an expenditure foreign nationals may not make. "
        "(For US citizens and green-card holders it is allowed within the reporting rules.)",
        (cit.S30121_A1C,),
        remedy="Don't pay for ads or boosting; unpaid posts in your own name are fine.",
        substitutions=(
            sub("you posted unpaid in your own name",
                swap("F", {"paid_ads_or_boosting"}, "personal_media_social")),
        ),
    ),
    Rule(
        "R63", "ROLE-UNCLEAR", Area.ROLE, AppliesTo.FN, Colour.AMBER, role_unclear,
        "Ask the campaign what you will actually do; the answer decides the colour.",
        (cit.R110_20_I, cit.FEC_VOLUNTEER_PAGE),
        remedy="Ask the campaign for your concrete tasks and re-run the check.",
        severity=Severity.LOW,
        substitutions=(
            sub("your role turned out to be canvassing and phone banking",
                put("F", ["canvass_phone_text"])),
        ),
    ),
    Rule(
        "R86", "ROLE-PART-UNCLEAR", Area.ROLE, AppliesTo.FN, Colour.AMBER, role_partly_unclear,
        "Part of what you will do is not clear yet; an unclear role is never assumed to be "
        "safe. Ask the campaign what the rest of your tasks are.",
        (cit.R110_20_I, cit.FEC_VOLUNTEER_PAGE),
        remedy="Ask the campaign for your concrete tasks and re-run the check.",
        severity=Severity.LOW,
        substitutions=(
            sub("the rest of your role turned out to be the tasks you listed",
                without({"other_unclear"})),
        ),
    ),
)
