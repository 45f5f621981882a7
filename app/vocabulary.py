"""The app's words and colours, once, without Qt: what every output calls things.

The terminal text (app.assessment_text), the HTML/PDF reports (app.report_html,
app.group.group_pdf), the group exports and the widgets all take from here: the area titles,
the colour words and their palette, the status words, a source as text, an answer in words, and
HTML escaping with the report's font stack. A new language starts here.

Only the standard library at import time (the welcome screen's lights use the palette before the
rules are loaded); the answer words read rules.questions when first called.
"""

import html
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from rules.questions import Question

# ---- colours ----

RED, AMBER, GREEN, NOTE = "RED", "AMBER", "GREEN", "NOTE"
# One name for the state of answers that cannot be assessed, everywhere (window, exports, PDFs).
INVALID = "INVALID"
INVALID_MEANING = ("No result yet: some answers are missing or contradict each other. Correct "
                   "them to see your result.")
# The colours a person can have in a group, worst first.
GROUP_WORDS = (RED, AMBER, GREEN, INVALID)

# Background, text colour and light tint for each colour word (screen and print alike).
PALETTE: Mapping[str, tuple[str, str, str]] = {
    RED: ("#b3261e", "#ffffff", "#fbe9e7"),
    AMBER: ("#f2b705", "#1f1f1f", "#fff6d9"),
    GREEN: ("#1e7b34", "#ffffff", "#e6f4ea"),
    NOTE: ("#5f6368", "#ffffff", "#f1f3f4"),
}
# A colourless light on screen, and an unassessed badge in print.
NEUTRAL = ("#9aa0a6", "#1f1f1f", "#f8f9fa")
NOT_ASSESSED = ("#e8eaed", "#3c4043", "#f8f9fa")
# Spreadsheet cell fills of the colour words (Excel results).
FILLS: Mapping[str, str] = {RED: "F4B6B6", AMBER: "FFE1A8", GREEN: "C5E8C5", INVALID: "D9D9D9"}


def colour_word(colour: object) -> str:
    """RED, AMBER, GREEN, NOTE; None (answers that could not be assessed) is INVALID."""
    return str(colour) if colour is not None else INVALID


# ---- areas ----

# Keyed by the area's value: rules.Area is a StrEnum, so Area.TRAVEL finds "travel".
AREA_TITLES: Mapping[str, str] = {
    "campaign": "Campaign and scope",
    "status": "Your status",
    "compensation": "Payment for your time",
    "travel": "Travel",
    "housing": "Housing and meals",
    "role": "What you will do",
    "resources": "Money and other resources",
    "immigration": "Immigration (not election law)",
}
# An area's light in words where it is no colour: no rule fired, or notes only. One name for
# each state on screen, in print and in the organiser window: amendment 1 section 12's words
# for the immigration summary, used for every area (decision 73).
NO_CONCERN = "No concern found"
SEE_THE_NOTE = "See the note"
AREA_WORDS: Mapping[str | None, str] = {None: NO_CONCERN, NOTE: SEE_THE_NOTE}
NO_ELECTION_FINDINGS = "No concern found under election law."


def light_words(colour: object) -> str:
    """An area's light in words: RED, AMBER, GREEN, or what no colour means there."""
    word = str(colour) if colour is not None else None
    return AREA_WORDS.get(word, str(word))


def area_title(area: object) -> str:
    return AREA_TITLES.get(str(area), str(area))


# ---- status (rules.facts.Status values) ----

STATUS_WORDS: Mapping[str, str] = {
    "us_citizen": "US citizen",
    "us_national": "US national",
    "lawful_permanent_resident": "Lawful permanent resident (green card)",
    "lpr_abroad_uncertain": "Green-card holder living abroad (uncertain status: treated as a "
                  "foreign national)",
    "foreign_national": "Foreign national",
    "unknown_treated_as_foreign_national": "Not known (treated as a foreign national)",
}


# ---- sources ----

class Source(Protocol):
    """A citation as printed: rules.citations.Citation or rules.result.CitationOut."""

    @property
    def shown(self) -> str: ...
    @property
    def url(self) -> str | None: ...


def source_text(citation: Source, mark: str = "", note: str = "") -> str:
    """A source as text: its label, or 'Reported: <label>' when it is not authority, its URL in
    angle brackets, then (for counsel only) the verification mark and the research note."""
    link = f" <{citation.url}>" if citation.url else ""
    marked = f" [{mark}]" if mark else ""
    noted = f" ({note})" if note else ""
    return f"{citation.shown}{link}{marked}{noted}"


# ---- answers ----

NOT_ANSWERED = "Not answered"
DONT_KNOW = "I don't know"


def format_amount(value: float) -> str:
    """US dollars for people: $1,200 or $1,200.50."""
    if float(value).is_integer():
        return f"${int(value):,}"
    return f"${value:,.2f}"


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def answer_in_words(question: "Question | None", value: Any, dollars: str = "") -> str:
    """An answer as the volunteer chose it, e.g. 'The campaign; A US individual' (labels, not
    codes; plain text, not escaped). `dollars` follows an amount (' (US dollars)' in print)."""
    from rules.questions import Kind

    if value is None or value == [] or value == ():
        return NOT_ANSWERED
    if question is None:
        return "; ".join(str(v) for v in value) if isinstance(value, list | tuple) \
            else str(value)
    if question.kind is Kind.AMOUNT:
        if value == "unknown":
            return DONT_KNOW
        return format_amount(value) + dollars if _is_number(value) else str(value)
    if question.kind is Kind.AGE:
        return DONT_KNOW if value == "unknown" else str(value)
    if question.kind is Kind.DAYS:
        if value == "unknown":
            return DONT_KNOW
        return f"{value} days" if isinstance(value, int) and value != 1 else f"{value} day"
    if isinstance(value, list | tuple):
        return "; ".join(question.label_of(str(code)) for code in value)
    return question.label_of(str(value))


def answer_words(question_id: str, value: Any, dollars: str = "") -> str:
    """answer_in_words for a question id (an unknown id prints the value as it is)."""
    from rules.questions import QUESTION_BY_ID

    return answer_in_words(QUESTION_BY_ID.get(question_id), value, dollars)


# ---- dates and the handout's optional details ----

def format_date(day: date) -> str:
    """'28 November 2026' (portable: no %-d)."""
    return f"{day.day} {day:%B %Y}"


# What the handout's page 1 calls the optional details of "For your handout".
PREPARED_FOR = "Prepared for"
CAMPAIGN = "Campaign"
TRIP = "Trip"


def trip_words(start: date | None, end: date | None) -> str:
    """The trip dates as given: '3 March 2026 to 17 March 2026', 'from ...', 'until ...', ''."""
    if start and end:
        return f"{format_date(start)} to {format_date(end)}"
    if start:
        return f"from {format_date(start)}"
    return f"until {format_date(end)}" if end else ""


# ---- HTML ----

FONT_FAMILIES: tuple[str, ...] = ("Noto Sans", "Noto Sans Arabic", "Droid Sans Fallback")
FONT_STACK = ", ".join(f"'{family}'" for family in FONT_FAMILIES) + ", sans-serif"


def esc(text: object) -> str:
    """Escape any user or data text for HTML (quotes too): it then prints literally."""
    return html.escape(str(text), quote=True)
