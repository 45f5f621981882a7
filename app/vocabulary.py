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

from app.i18n import N_, TranslatedMapping, _, ngettext
from app.i18n.formats import format_money

if TYPE_CHECKING:
    from rules.questions import Question

# ---- colours ----

RED, AMBER, GREEN, NOTE = "RED", "AMBER", "GREEN", "NOTE"
# One name for the state of answers that cannot be assessed, everywhere (window, exports, PDFs).
INVALID = "INVALID"
INVALID_MEANING = N_("No result yet: some answers are missing or contradict each other. "
                      "Correct them to see your result.")
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
    """RED, AMBER, GREEN, NOTE; None (answers that could not be assessed) is INVALID (codes:
    the same in every language, as in files and spreadsheets)."""
    return str(colour) if colour is not None else INVALID


# The colour words as people read them, in capitals like the codes ("ROJO", "ROUGE").
COLOUR_NAMES: Mapping[str, str] = {
    RED: N_("RED"), AMBER: N_("AMBER"), GREEN: N_("GREEN"), NOTE: N_("NOTE"),
    INVALID: N_("INVALID"),
}


def colour_name(colour: object) -> str:
    """A colour word (colour_word) in the current language, for people to read."""
    word = colour_word(colour)
    english = COLOUR_NAMES.get(word)
    return _(english) if english is not None else word


SEVERITY_WORDS: Mapping[str, str] = {"high": N_("high"), "medium": N_("medium"),
                                      "low": N_("low")}


def severity_word(severity: object) -> str:
    """An amber finding's severity (rules.Severity) in the current language."""
    english = SEVERITY_WORDS.get(str(severity))
    return _(english) if english is not None else str(severity)


def invalid_meaning() -> str:
    return _(INVALID_MEANING)


# ---- areas ----

# Keyed by the area's value: rules.Area is a StrEnum, so Area.TRAVEL finds "travel".
# Tables of English marked N_(), read in the current language (app.i18n.TranslatedMapping).
AREA_TITLES: Mapping[str, str] = TranslatedMapping({
    "campaign": N_("Campaign and scope"),
    "status": N_("Your status"),
    "compensation": N_("Payment for your time"),
    "travel": N_("Travel"),
    "housing": N_("Housing and meals"),
    "role": N_("What you will do"),
    "resources": N_("Money and other resources"),
    "immigration": N_("Immigration (not election law)"),
})
# An area's light in words where it is no colour: no rule fired, or notes only. One name for
# each state on screen, in print and in the organiser window: amendment 1 section 12's words
# for the immigration summary, used for every area (decision 73).
NO_CONCERN = N_("No concern found")
SEE_THE_NOTE = N_("See the note")
AREA_WORDS: Mapping[str | None, str] = TranslatedMapping({None: NO_CONCERN, NOTE: SEE_THE_NOTE})
NO_ELECTION_FINDINGS = N_("No concern found under election law.")


def light_words(colour: object) -> str:
    """An area's light in words, in the current language: the colour's name, or what no colour
    means there."""
    word = str(colour) if colour is not None else None
    return AREA_WORDS[word] if word in AREA_WORDS else colour_name(word)


def area_title(area: object) -> str:
    return AREA_TITLES.get(str(area), str(area))


# ---- status (rules.facts.Status values) ----

STATUS_WORDS: Mapping[str, str] = TranslatedMapping({
    "us_citizen": N_("US citizen"),
    "us_national": N_("US national"),
    "lawful_permanent_resident": N_("Lawful permanent resident (green card)"),
    "lpr_abroad_uncertain": N_("Green-card holder living abroad (uncertain status: treated as "
                               "a foreign national)"),
    "foreign_national": N_("Foreign national"),
    "unknown_treated_as_foreign_national": N_("Not known (treated as a foreign national)"),
})


def status_word(status: object) -> str:
    """A rules.facts.Status in words, in the current language."""
    return STATUS_WORDS.get(str(status), str(status))


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
    from app.i18n.law_texts import reported_prefix
    from rules.citations import REPORTED_PREFIX

    link = f" <{citation.url}>" if citation.url else ""
    marked = f" [{mark}]" if mark else ""
    noted = f" ({note})" if note else ""
    shown = citation.shown
    if shown.startswith(REPORTED_PREFIX):  # the citation itself is never translated
        shown = reported_prefix() + shown[len(REPORTED_PREFIX):]
    return f"{shown}{link}{marked}{noted}"


# ---- answers ----

NOT_ANSWERED = N_("Not answered")
DONT_KNOW = N_("I don't know")


def format_amount(value: float) -> str:
    """US dollars for people: $1,200 or $1,200.50 (1200 US$, 1 200,50 $US: app.i18n.formats)."""
    return format_money(value)


def days_in_words(days: int) -> str:
    return ngettext("{n} day", "{n} days", days).format(n=days)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def answer_in_words(question: "Question | None", value: Any, dollars: str = "") -> str:
    """An answer as the volunteer chose it, e.g. 'The campaign; A US individual' (labels, not
    codes, in the current language; plain text, not escaped). `dollars` follows an amount
    (' (US dollars)' in print)."""
    from app.i18n.law_texts import option_label
    from rules.questions import Kind

    if value is None or value == [] or value == ():
        return _(NOT_ANSWERED)
    if question is None:
        return "; ".join(str(v) for v in value) if isinstance(value, list | tuple) \
            else str(value)
    if question.kind is Kind.AMOUNT:
        if value == "unknown":
            return _(DONT_KNOW)
        return format_amount(value) + dollars if _is_number(value) else str(value)
    if question.kind is Kind.AGE:
        return _(DONT_KNOW) if value == "unknown" else str(value)
    if question.kind is Kind.DAYS:
        if value == "unknown":
            return _(DONT_KNOW)
        return days_in_words(value) if isinstance(value, int) else str(value)
    if isinstance(value, list | tuple):
        return "; ".join(option_label(question.id, str(code)) for code in value)
    return option_label(question.id, str(value))


def answer_words(question_id: str, value: Any, dollars: str = "") -> str:
    """answer_in_words for a question id (an unknown id prints the value as it is)."""
    from rules.questions import QUESTION_BY_ID

    return answer_in_words(QUESTION_BY_ID.get(question_id), value, dollars)


# ---- dates and the handout's optional details ----

def format_date(day: date) -> str:
    """'28 November 2026', '28 de noviembre de 2026', '28 novembre 2026' (app.i18n.formats)."""
    from app.i18n.formats import format_date as localised

    return localised(day)


# What the handout's page 1 calls the optional details of "For your handout".
PREPARED_FOR = N_("Prepared for")
CAMPAIGN = N_("Campaign")
TRIP = N_("Trip")


def trip_words(start: date | None, end: date | None) -> str:
    """The trip dates as given: '3 March 2026 to 17 March 2026', 'from ...', 'until ...', ''."""
    if start and end:
        return _("{start} to {end}").format(start=format_date(start), end=format_date(end))
    if start:
        return _("from {start}").format(start=format_date(start))
    return _("until {end}").format(end=format_date(end)) if end else ""


# ---- HTML ----

FONT_FAMILIES: tuple[str, ...] = ("Noto Sans", "Noto Sans Arabic", "Droid Sans Fallback")
FONT_STACK = ", ".join(f"'{family}'" for family in FONT_FAMILIES) + ", sans-serif"


def esc(text: object) -> str:
    """Escape any user or data text for HTML (quotes too): it then prints literally."""
    return html.escape(str(text), quote=True)
