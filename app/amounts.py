"""Amounts of US dollars as people type them, read one way everywhere (no Qt here).

The wizard's amount field and the organiser's spreadsheet cells (D3) both go through
`parse_amount`, so "800,50" or "1,200" cannot mean one thing in a CSV file and another in the
window. Accepted:

- digits, with an optional decimal point and one or two decimals: 800, 800.5, 800.50;
- thousands grouped by commas, spaces or apostrophes: 1,200, 1 200, 1'200, 1,234.56;
- a decimal comma with one or two decimals: 800,50; with dots (or spaces) grouping thousands:
  1.234,56, 1 234,56; several dot groups are thousands too: 1.200.000;
- a currency mark before or after: $1,200, US$ 950, USD 950, 950 USD, 950 dollars;
- "unknown" or "I don't know" (returned as "unknown").

Refused with a message saying what to write instead (AmountError):

- a dot followed by exactly three digits and no other separator, "1.200": twelve hundred
  dollars in much of Europe, one dollar twenty in the US; guessing either way can change a
  legal result (R28 turns on $1,000), so the person must write it unambiguously;
- anything else that is not clearly one number of dollars (three decimals, "1,2345",
  "1,20,000", "1e3", words).

A minus sign is kept (-5 reads as -5), so validation can say that an amount cannot be negative.
"""

import math
import re

from app.i18n import N_, _

__all__ = ["DONT_KNOW", "AmountError", "amount_problem", "parse_amount"]

DONT_KNOW = frozenset({"unknown", "i don't know", "don't know", "dont know", "i dont know",
                       "no lo sé", "no lo se", "no sé", "je ne sais pas", "ne sais pas"})

EXAMPLES = N_("800, 1200, 1,200 or 800.50")

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_CURRENCY_BEFORE = re.compile(r"^(?:us\s?\$|usd|\$)\s?")
# Also as Spanish and French write it (app.i18n.formats): 1200 US$, 1 200,50 $US, 950 dólares.
_CURRENCY_AFTER = re.compile(
    r"\s?(?:us\s?dollars?|dollars?|d[oó]lares|usd|us\s?\$|\$\s?us|\$)$")

_PLAIN = re.compile(r"\d+", re.ASCII)
_DOT_DECIMAL = re.compile(r"\d*\.\d{1,2}", re.ASCII)
# 1,200  1 200  1'200, with an optional .5 / .50 (and 1,234.56).
_GROUPED_DOT = re.compile(r"\d{1,3}(?:(?P<sep>[, '])\d{3})(?:(?P=sep)\d{3})*(?:\.\d{1,2})?",
                          re.ASCII)
# 800,50  800,5
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}", re.ASCII)
# 1.234,56  1 234,56  1'234,56
_GROUPED_COMMA = re.compile(r"\d{1,3}(?:(?P<sep>[. '])\d{3})(?:(?P=sep)\d{3})*,\d{1,2}",
                            re.ASCII)
# 1.200.000 (two or more dot groups: cannot be a decimal point)
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}", re.ASCII)
# 1.200: a dot and exactly three digits, no other separator.
_AMBIGUOUS = re.compile(r"(?P<whole>[1-9]\d{0,2})\.(?P<part>\d{3})", re.ASCII)


class AmountError(ValueError):
    """An amount that cannot be read with certainty; `message` says what to write instead."""

    def __init__(self, text: str, message: str) -> None:
        super().__init__(message)
        self.text = text
        self.message = message


def _dollars(value: float) -> str:
    return f"${int(value):,}" if float(value).is_integer() else f"${value:,.2f}"


def _not_an_amount(value: object) -> str:
    return _("'{value}' is not an amount: write a number of US dollars such as "
             "{examples}").format(value=value, examples=_(EXAMPLES))


def _number(text: str) -> float | None:
    """The number a separator-laden text means, or None when it is not clear."""
    if _PLAIN.fullmatch(text) or _DOT_DECIMAL.fullmatch(text):
        return float(text)
    if _GROUPED_DOT.fullmatch(text):
        return float(re.sub(r"[, ']", "", text))
    if _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    if _GROUPED_COMMA.fullmatch(text):
        return float(re.sub(r"[. ']", "", text).replace(",", "."))
    if _DOT_THOUSANDS.fullmatch(text):
        return float(text.replace(".", ""))
    return None


def parse_amount(value: object) -> int | float | str | None:
    """A number of dollars (int when whole), "unknown", or None for a blank.

    Numbers (not booleans) are taken as they are. Raises AmountError for anything unclear.
    """
    if isinstance(value, bool):
        raise AmountError(str(value), _not_an_amount(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise AmountError(str(value), _not_an_amount(value))
        return int(value) if value.is_integer() else value
    if not isinstance(value, str):
        raise AmountError(str(value), _not_an_amount(value))
    shown = value.strip()
    text = _SPACES.sub(" ", value.replace("\u2019", "'")).strip().casefold()
    if not text:
        return None
    if text in DONT_KNOW:
        return "unknown"
    negative = text.startswith("-")
    text = text.removeprefix("-").strip()
    text = _CURRENCY_BEFORE.sub("", text)
    if not negative and text.startswith("-"):
        negative = True
        text = text[1:].lstrip()
    text = _CURRENCY_AFTER.sub("", text).strip()
    ambiguous = _AMBIGUOUS.fullmatch(text)
    if ambiguous:
        whole, part = ambiguous.group("whole"), ambiguous.group("part")
        thousands = int(whole + part)
        plain, grouped, dollars = thousands, f"{thousands:,}", _dollars(thousands)
        if part.endswith("0"):
            cents = f"{whole}.{part[:2]}"
            raise AmountError(shown, _(
                "'{value}' is ambiguous: is it {dollars} or {cents_dollars}? Write {plain} or "
                "{grouped} for {dollars}, or {cents} for {cents_dollars}").format(
                value=shown, dollars=dollars, cents_dollars=_dollars(float(cents)),
                plain=plain, grouped=grouped, cents=cents))
        raise AmountError(shown, _(
            "'{value}' is ambiguous: a dot before three digits may separate thousands or cents. "
            "Write {plain} or {grouped} for {dollars}").format(
            value=shown, plain=plain, grouped=grouped, dollars=dollars))
    number = _number(text)
    if number is None:
        raise AmountError(shown, _not_an_amount(shown))
    number = -number if negative else number
    return int(number) if number.is_integer() else number


def amount_problem(value: object) -> str | None:
    """Why a value is not a clear amount, or None when parse_amount reads it."""
    try:
        parse_amount(value)
    except AmountError as error:
        return error.message
    return None
