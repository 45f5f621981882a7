"""b.6 other resources (R64-R70) and what is not known of them yet (R92, decision 72)."""

from rules import citations as cit
from rules.facts import Facts
from rules.rule import AppliesTo, Area, Colour, Rule, Severity, red_for_fn_note_for_usp
from rules.substitutions import Edit, put, sub, swap


def without(code: str) -> Edit:
    """Drop one resource; an emptied list becomes 'none'."""
    return swap("G", {code})


def donates_money(f: Facts) -> bool:
    return "donate_money" in f.g


def pays_or_advances_campaign_costs(f: Facts) -> bool:
    return "pay_campaign_expenses_or_advance" in f.g


def uses_foreign_party_resources(f: Facts) -> bool:
    return "foreign_party_resources" in f.g


def brings_foreign_made_materials(f: Facts) -> bool:
    return "bring_foreign_made_materials" in f.g


def donates_goods_or_art(f: Facts) -> bool:
    return "donate_goods_or_art" in f.g


def uses_own_equipment(f: Facts) -> bool:
    return "own_equipment" in f.g


def hosts_event_at_own_us_home(f: Facts) -> bool:
    return "host_event_at_own_us_home" in f.g


def resources_unknown(f: Facts) -> bool:
    """R92: not yet known what one will give or use besides one's time."""
    return "unknown" in f.g


RULES: tuple[Rule, ...] = (
    Rule(
        id="R64", name="RES-DONATE-MONEY", area=Area.RESOURCES, applies_to=AppliesTo.ALL,
        colour=red_for_fn_note_for_usp, trigger=donates_money,
        text="Foreign nationals may not give money to any US candidate, party or PAC. (US citizens "
        "and green-card holders may, within the contribution limits.)",
        citations=(cit.S30121_A1,),
        remedy="Don't donate.",
        substitutions=(sub("you did not donate", without("donate_money")),),
    ),
    Rule(
        id="R65", name="RES-ADVANCE-EXPENSES", area=Area.RESOURCES, applies_to=AppliesTo.ALL,
        colour=red_for_fn_note_for_usp, trigger=pays_or_advances_campaign_costs,
        text="Foreign nationals can't pay campaign costs (supplies, printing, food for volunteers, "
        "fuel for others), even as a temporary advance. (For US persons such payments are "
        "in-kind contributions or advances the campaign must handle.)",
        citations=(cit.FEC_VOLUNTEER_PAGE,),
        remedy="Let the campaign buy it.",
        substitutions=(
            sub("the campaign bought it", without("pay_campaign_expenses_or_advance")),
        ),
    ),
    Rule(
        id="R66", name="RES-FOREIGN-PARTY-RESOURCES", area=Area.RESOURCES, applies_to=AppliesTo.ALL,
        colour=Colour.RED, trigger=uses_foreign_party_resources,
        text="Using a foreign party's facilities, tools or data for the campaign is a foreign "
        "in-kind contribution.",
        citations=(cit.AO_2007_22, cit.S30121_A1),
        remedy="Use the campaign's tools or your own equipment.",
        substitutions=(
            sub("you used your own equipment",
                swap("G", {"foreign_party_resources"}, "own_equipment")),
        ),
    ),
    Rule(
        id="R67", name="RES-FOREIGN-MATERIALS", area=Area.RESOURCES, applies_to=AppliesTo.ALL,
        colour=Colour.RED, trigger=brings_foreign_made_materials,
        text="Campaign materials supplied or paid for by a foreign party, organisation or person "
        "are a foreign in-kind contribution.",
        citations=(cit.AO_2007_22,),
        remedy="The campaign buys them at fair market value, or produces its own.",
        substitutions=(
            sub("the campaign produced its own materials",
                without("bring_foreign_made_materials")),
        ),
    ),
    Rule(
        id="R68", name="RES-DONATE-GOODS-ART", area=Area.RESOURCES, applies_to=AppliesTo.ALL,
        colour=red_for_fn_note_for_usp, trigger=donates_goods_or_art,
        text="Giving the campaign goods or artwork of value (as opposed to your own time) is a "
        "contribution foreign nationals may not make. (For US persons it is an in-kind "
        "contribution within the limits.)",
        citations=(cit.AO_1981_51, cit.S30121),
        remedy="Volunteer your time instead, or the campaign buys at fair market value.",
        substitutions=(
            sub("you gave your time instead of goods", without("donate_goods_or_art")),
        ),
    ),
    Rule(
        id="R69", name="RES-OWN-EQUIPMENT", area=Area.RESOURCES, applies_to=AppliesTo.FN,
        colour=Colour.GREEN, trigger=uses_own_equipment,
        text="Using your own laptop or phone for your volunteer work is fine; the campaign pays "
        "any out-of-pocket costs such as printing or hosting.",
        citations=(cit.AO_2014_20,),
    ),
    Rule(
        id="R70", name="RES-HOST-HOME-EVENT", area=Area.RESOURCES, applies_to=AppliesTo.FN,
        colour=Colour.AMBER, trigger=hosts_event_at_own_us_home,
        text="The home-event exemptions (11 CFR 100.75, 100.77) were written for US hosts of "
        "candidate and party events, and do not cover PACs or state races; whether a foreign "
        "national's spending on food or invitations is exempt is untested.",
        citations=(cit.R100_75_77,),
        remedy="Let the campaign pay for food and invitations.",
        severity=Severity.MEDIUM,
        substitutions=(
            sub("the campaign held the event", without("host_event_at_own_us_home")),
        ),
    ),
    Rule(
        id="R92", name="RES-UNKNOWN", area=Area.RESOURCES, applies_to=AppliesTo.ALL,
        colour=Colour.AMBER, trigger=resources_unknown,
        text="Find out what you will be asked to give or use besides your time before you start: "
        "a foreign party's tools or materials made abroad are not allowed for anyone, and "
        "giving money or paying campaign costs is not allowed for foreign nationals.",
        citations=(cit.S30121_A1, cit.FEC_VOLUNTEER_PAGE, cit.AO_2007_22),
        remedy="Ask the campaign, in writing, what you would give or use; giving only your time "
        "(with your own laptop or phone) is safe.",
        severity=Severity.HIGH,
        substitutions=(sub("you gave only your time", put("G", ["none"])),),
    ),
)
