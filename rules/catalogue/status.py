"""b.1 status (R01-R07), b.7 affiliation (R71, R91 when unknown) and b.9 minors (R76)."""

from rules import citations as cit
from rules.facts import Facts, Status
from rules.rule import AppliesTo, Area, Colour, Rule, Severity
from rules.substitutions import drop, put, replace_single, sub

FOREIGN_OFFICIAL_ROLES = frozenset(
    {"foreign_party_staff", "foreign_gov_official_or_staff", "foreign_elected_official"}
)


def is_us_citizen(f: Facts) -> bool:
    return f.status is Status.US_CITIZEN


def is_us_national(f: Facts) -> bool:
    return f.status is Status.US_NATIONAL


def is_lpr_living_in_us(f: Facts) -> bool:
    return f.status is Status.LPR


def is_known_foreign_national(f: Facts) -> bool:
    return f.status is Status.FOREIGN_NATIONAL


def has_unknown_status(f: Facts) -> bool:
    """R05: not a US person and a status answer is 'unknown'.

    An LPR living abroad is assessed as a foreign national (R07), so an unknown citizenship or
    nationality answer leaves their status open too.
    """
    if f.status is Status.UNKNOWN:
        return True
    return f.status is Status.LPR_ABROAD and "unknown" in (f.b1, f.b2)


def has_pending_green_card(f: Facts) -> bool:
    return f.b3 == "pending"


def is_lpr_living_abroad(f: Facts) -> bool:
    return f.status is Status.LPR_ABROAD


def is_foreign_party_staff_or_official(f: Facts) -> bool:
    return f.b6 in FOREIGN_OFFICIAL_ROLES


def affiliation_unknown(f: Facts) -> bool:
    """R91: not sure whether one's party or government role makes one staff or an official."""
    return f.b6 == "unknown"


def applied_by_the_engine(f: Facts) -> bool:
    """R85 is a combine rule: rules.engine adds it when it caps a finding, never by itself."""
    return False


def is_minor(f: Facts) -> bool:
    return f.b5 == "yes"


RULES: tuple[Rule, ...] = (
    Rule(
        id="R01", name="FN-US-CITIZEN", area=Area.STATUS, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=is_us_citizen,
        text="You are a US citizen, so the foreign-national ban does not restrict you; what "
        "matters is who pays for your time, travel and housing.",
        citations=(cit.S30121_B, cit.R110_20_A3, cit.FEC_FOREIGN_RECORD),
    ),
    Rule(
        id="R02", name="FN-US-NATIONAL", area=Area.STATUS, applies_to=AppliesTo.ALL,
        colour=Colour.GREEN, trigger=is_us_national,
        text="As a US national (for example, born in American Samoa) you are not a foreign "
        "national.",
        citations=(cit.S30121_B2, cit.R110_20_A3, cit.USC_1101_A22),
    ),
    Rule(
        id="R03", name="FN-LPR", area=Area.STATUS, applies_to=AppliesTo.ALL, colour=Colour.GREEN,
        trigger=is_lpr_living_in_us,
        text="Green-card holders are not foreign nationals; you may volunteer, work for pay or "
        "donate like a citizen.",
        citations=(cit.S30121_B2, cit.USC_1101_A20, cit.FEC_FOREIGN_RECORD),
    ),
    Rule(
        id="R04", name="FN-FOREIGN-NATIONAL", area=Area.STATUS, applies_to=AppliesTo.FN,
        colour=Colour.NOTE, trigger=is_known_foreign_national,
        text="You are a foreign national. You may volunteer unpaid. You may not give money or "
        "anything of value in connection with any federal, state or local candidate election "
        "or to a party, be paid for this work by anyone except the committee you work for, or "
        "take part in decisions about election-related activity.",
        citations=(cit.S30121_A, cit.R110_20_I, cit.FEC_VOLUNTEER_PAGE),
    ),
    Rule(
        id="R05", name="FN-STATUS-UNKNOWN", area=Area.STATUS, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=has_unknown_status,
        text="We can't tell whether you are a foreign national, so we assume you are.",
        citations=(cit.S30121_B, cit.R110_20_A4),
        remedy="Confirm your citizenship and green-card status (passport, naturalisation "
        "certificate or green card).",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you confirmed you are a US citizen", put("B1", "yes"), drop("B4", "B7")),
            sub("you confirmed that each status answer you were unsure of is 'no'",
                *(replace_single(qid, ("unknown",), "no") for qid in ("B1", "B2", "B3"))),
        ),
    ),
    Rule(
        id="R06", name="FN-LPR-PENDING", area=Area.STATUS, applies_to=AppliesTo.FN,
        colour=Colour.NOTE, trigger=has_pending_green_card,
        text="A pending green-card application does not count; you are treated as a foreign "
        "national until it is granted.",
        citations=(cit.S30121_B2,),
    ),
    Rule(
        id="R07", name="FN-LPR-ABROAD", area=Area.STATUS, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=is_lpr_living_abroad,
        text="Uncertain status: green-card holders living outside the US may fall within the "
        "'foreign principal' part of the definition; get advice before doing more than unpaid "
        "volunteering. We assess you as a foreign national to be safe.",
        citations=(cit.S30121_B1, cit.USC_611_B2, cit.R110_20_A3),
        remedy="Keep to unpaid volunteering with no money or decisions, or get legal "
        "confirmation of your position.",
        severity=Severity.MEDIUM,
        substitutions=(sub("you normally lived in the US", put("B8", "us")),),
        label="uncertain status",
    ),
    Rule(
        id="R71", name="AFFIL-FOREIGN-STAFF-OR-OFFICIAL", area=Area.STATUS,
        applies_to=AppliesTo.ALL, colour=Colour.AMBER, trigger=is_foreign_party_staff_or_official,
        text="Party staff, officials and politicians can volunteer only in a personal capacity: on "
        "leave, at their own expense, without party or government resources, and they attract "
        "scrutiny.",
        citations=(cit.USC_611_C, cit.TRUMP_COMPLAINT, cit.LABOUR_VOLUNTEERS_PRESS),
        remedy="Document your personal capacity (leave record, your own receipts) and use no "
        "party or official resources.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("you went as an ordinary party member, not as staff or an official",
                put("B6", "foreign_party_member")),
        ),
    ),
    Rule(
        id="R85", name="STATUS-UNCERTAIN-CAP", area=Area.STATUS, applies_to=AppliesTo.FN,
        colour=Colour.NOTE, trigger=applied_by_the_engine,
        text="Because your status is uncertain, findings that would be red for a foreign national "
        "are shown amber: confirm your status first. If you are a foreign national they are "
        "prohibited.",
        citations=(cit.S30121_B2, cit.R211_1_A2),
    ),
    Rule(
        id="R76", name="MINOR-NOTE", area=Area.STATUS, applies_to=AppliesTo.ALL, colour=Colour.NOTE,
        trigger=is_minor,
        text="Age does not change the foreign-national rules; US-citizen minors may contribute "
        "only under 11 CFR 110.19's conditions.",
        citations=(cit.R110_19,),
    ),
    Rule(
        id="R91", name="AFFIL-UNKNOWN", area=Area.STATUS, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=affiliation_unknown,
        text="Find out whether your role in a foreign party or government makes you its staff or "
        "an official (a paid or elected party post, a government or public-office job): if it "
        "does, you can volunteer only in a personal capacity.",
        citations=(cit.USC_611_C, cit.LABOUR_VOLUNTEERS_PRESS),
        remedy="Ask the party or your employer, in writing, whether your role counts as staff or "
        "an official; an ordinary party member or someone with no such role is not.",
        severity=Severity.LOW,
        substitutions=(
            sub("you found you hold no party or government post", put("B6", "none")),
        ),
    ),
)
