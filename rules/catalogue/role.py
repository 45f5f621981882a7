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
        id="R50", name="ROLE-GRASSROOTS", area=Area.ROLE, applies_to=AppliesTo.FN,
        colour=Colour.GREEN, trigger=does_grassroots_work,
        text="Door-knocking, phone and text banking, data entry and event help are classic "
        "volunteer work a foreign national may do.",
        citations=(cit.FEC_VOLUNTEER_PAGE, cit.AO_1987_25, cit.MUR_7271),
    ),
    Rule(
        id="R51", name="ROLE-ATTEND-STRATEGY", area=Area.ROLE, applies_to=AppliesTo.FN,
        colour=Colour.GREEN, trigger=attends_strategy_meetings,
        text="You may attend strategy meetings; you may not vote on or make the decisions.",
        citations=(cit.FEC_VOLUNTEER_PAGE, cit.FEC_VOLUNTEER_RECORD),
    ),
    Rule(
        id="R52", name="ROLE-DECISION-MAKING", area=Area.ROLE, applies_to=AppliesTo.FN,
        colour=Colour.RED, trigger=makes_decisions,
        text="Foreign nationals may not manage the campaign or decide how it spends money, whom it "
        "targets, or whom it hires.",
        citations=(cit.R110_20_I, cit.AO_2004_26, cit.FEC_VOLUNTEER_PAGE, cit.APIC),
        remedy="Take a role where a US citizen or green-card holder makes and owns the "
        "decisions.",
        substitutions=(
            sub("a US citizen made the decisions and you kept to volunteer tasks",
                without(DECISION_MAKING)),
        ),
    ),
    Rule(
        id="R53", name="ROLE-TEAM-LEAD", area=Area.ROLE, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=leads_volunteer_team,
        text="Leading a canvass team is a grey zone; coordinating volunteers on plans made by US "
        "staff is safer than any management authority.",
        citations=(cit.FEC_VOLUNTEER_PAGE, cit.MUR_7271),
        remedy="Keep to carrying out assignments set by US staff: no hiring, budget or strategy "
        "authority.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you canvassed as a team member rather than leading the team",
                without({"lead_volunteer_team"})),
        ),
    ),
    Rule(
        id="R54", name="ROLE-STRATEGIC-ADVICE", area=Area.ROLE, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=advises_senior_staff,
        text="Advising senior staff on messaging or targeting risks 'indirectly participating' in "
        "decisions, the core allegation against Labour strategists in 2024.",
        citations=(cit.R110_20_I, cit.TRUMP_COMPLAINT, cit.AO_2007_22),
        remedy="Share general experience in open meetings; leave decisions and recommendations "
        "to US staff; get advice for any ongoing advisory role.",
        severity=Severity.HIGH,
        substitutions=(
            sub("you only attended strategy meetings instead of advising",
                swap("F", {"advise_senior_staff"}, "attend_strategy_meetings")),
        ),
    ),
    Rule(
        id="R55", name="ROLE-CONTENT-UNDER-REVIEW", area=Area.ROLE, applies_to=AppliesTo.FN,
        colour=Colour.GREEN, trigger=creates_reviewed_content,
        text="Creating scripts, graphics, translations or code that US staff review and approve is "
        "volunteer work.",
        citations=(cit.AO_2014_20,),
    ),
    Rule(
        id="R56", name="ROLE-ANALYTICS", area=Area.ROLE, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=builds_models,
        text="Processing data is fine; building targeting models that shape whom the campaign "
        "targets edges toward decision-making.",
        citations=(cit.R110_20_I, cit.CAMBRIDGE_ANALYTICA),
        remedy="Limit your work to data processing under US staff direction.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you limited your work to data entry under US staff direction",
                swap("F", {"build_models_analysis"}, "data_entry")),
        ),
    ),
    Rule(
        id="R57", name="ROLE-FUNDRAISE-US", area=Area.ROLE, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=asks_us_persons_to_give,
        text="Asking US citizens or green-card holders to donate is not expressly barred, but you "
        "must never ask foreign nationals and must not decide fundraising strategy.",
        citations=(cit.S30121_A2, cit.AO_2016_10, cit.ELTON_JOHN),
        remedy="Use campaign scripts, screen out foreign donors and leave decisions to US staff, "
        "or leave fundraising to others.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you left fundraising to others", without({"fundraise_ask_us_persons"})),
        ),
    ),
    Rule(
        id="R58", name="ROLE-SOLICIT-FOREIGN", area=Area.ROLE, applies_to=AppliesTo.ALL,
        colour=Colour.RED, trigger=asks_foreign_nationals_to_give,
        text="Asking foreign nationals (for example fellow party members at home) to donate money "
        "or paid travel is illegal for anyone.",
        citations=(cit.S30121_A2, cit.R110_20_G, cit.R110_20_H, cit.AO_2016_10),
        remedy="Do not ask foreign nationals for money or anything of value for the campaign.",
        substitutions=(
            sub("you did not ask foreign nationals to give",
                without({"ask_foreign_nationals_to_give"})),
        ),
    ),
    Rule(
        id="R59", name="ROLE-SPEAK-PERFORM", area=Area.ROLE, applies_to=AppliesTo.FN,
        colour=Colour.GREEN, trigger=speaks_or_performs,
        text="Speaking or performing unpaid at a campaign event (the campaign paying the event "
        "costs) is volunteer service.",
        citations=(cit.ELTON_JOHN, cit.AO_2007_08),
    ),
    Rule(
        id="R60", name="ROLE-SPOKESPERSON", area=Area.ROLE, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=is_official_spokesperson,
        text="Speaking for the campaign as an official spokesperson may involve messaging "
        "decisions; personal interviews are fine.",
        citations=(cit.R110_20_I,),
        remedy="Give interviews in your own name rather than as the campaign's spokesperson.",
        severity=Severity.LOW,
        substitutions=(
            sub("you spoke only in your own name",
                swap("F", {"official_spokesperson"}, "personal_media_social")),
        ),
    ),
    Rule(
        id="R61", name="ROLE-PERSONAL-MEDIA", area=Area.ROLE, applies_to=AppliesTo.FN,
        colour=Colour.GREEN, trigger=posts_in_own_name,
        text="Unpaid posts and interviews in your own name are personal speech, not contributions.",
        citations=(cit.S30121,),
    ),
    Rule(
        id="R62", name="ROLE-PAID-ADS", area=Area.ROLE, applies_to=AppliesTo.ALL,
        colour=red_for_fn_note_for_usp, trigger=pays_for_ads,
        text="Paying for ads or boosting posts is an expenditure foreign nationals may not make. "
        "(For US citizens and green-card holders it is allowed within the reporting rules.)",
        citations=(cit.S30121_A1C,),
        remedy="Don't pay for ads or boosting; unpaid posts in your own name are fine.",
        substitutions=(
            sub("you posted unpaid in your own name",
                swap("F", {"paid_ads_or_boosting"}, "personal_media_social")),
        ),
    ),
    Rule(
        id="R63", name="ROLE-UNCLEAR", area=Area.ROLE, applies_to=AppliesTo.FN, colour=Colour.AMBER,
        trigger=role_unclear,
        text="Ask the campaign what you will actually do; the answer decides the colour.",
        citations=(cit.R110_20_I, cit.FEC_VOLUNTEER_PAGE),
        remedy="Ask the campaign for your concrete tasks and re-run the check.",
        severity=Severity.LOW,
        substitutions=(
            sub("your role turned out to be canvassing and phone banking",
                put("F", ["canvass_phone_text"])),
        ),
    ),
    Rule(
        id="R86", name="ROLE-PART-UNCLEAR", area=Area.ROLE, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=role_partly_unclear,
        text="Part of what you will do is not clear yet; an unclear role is never assumed to be "
        "safe. Ask the campaign what the rest of your tasks are.",
        citations=(cit.R110_20_I, cit.FEC_VOLUNTEER_PAGE),
        remedy="Ask the campaign for your concrete tasks and re-run the check.",
        severity=Severity.LOW,
        substitutions=(
            sub("the rest of your role turned out to be the tasks you listed",
                without({"other_unclear"})),
        ),
    ),
)
