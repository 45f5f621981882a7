"""The disclaimer of brief (f), shown on the first page and with every result."""

from rules.parameters import load_parameters

DISCLAIMER_TEXT = (
    "This tool gives general information about US federal campaign-finance rules on foreign "
    "nationals, based on public sources current to {date}. It is not legal advice and does not "
    "create a lawyer-client relationship. It does not cover state or local law, tax, or "
    "immigration law in detail, and it cannot know facts you do not enter. A green result "
    "means the facts you entered match activities the Federal Election Commission has treated "
    "as allowed; it is not a guarantee. Amber means \"get advice before going ahead\". Red "
    "means the facts you entered match conduct the FEC has treated as unlawful. If in doubt, "
    "ask the campaign's compliance counsel, an election lawyer, or an immigration lawyer. "
    "Answers are stored only on this device."
)

COLOUR_MEANINGS = {
    "RED": "Red: on these facts federal law prohibits what you plan (for example money or "
    "something of value from a source that may not give it, or a foreign national taking part "
    "in decisions); do not go ahead as planned.",
    "AMBER": "Amber: lawful only under conditions, or legally uncertain; get advice before "
    "going ahead.",
    "GREEN": "Green: the facts you entered match activities the FEC has treated as allowed.",
}


def disclaimer() -> str:
    """The disclaimer with the research date filled in: the month the sources were last
    researched (rules/data/parameters.json research_reviewed), not the date the ruleset was
    adopted."""
    reviewed = load_parameters().research_reviewed
    return DISCLAIMER_TEXT.format(date=reviewed.strftime("%B %Y"))
