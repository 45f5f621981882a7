"""Numbers, US-dollar amounts and dates as each language writes them (CLDR conventions, no Qt).

Only for showing: amounts are read by app.amounts, one way in every language.
"""

from dataclasses import dataclass
from datetime import date

from app.i18n import language


@dataclass(frozen=True, slots=True)
class NumberStyle:
    """A language's number and date conventions (CLDR)."""

    group: str  # thousands separator
    decimal: str
    min_grouping: int  # digits before grouping starts: es groups only from 10 000 (CLDR)
    money: str  # "{n}" is the number
    months: tuple[str, ...]
    month_year: str  # "{month}", "{year}"
    full_date: str  # "{day}", "{month}", "{year}"


_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_ES_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre")
_FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")

NNBSP = "\u202f"  # narrow no-break space: the French thousands separator (CLDR)
NBSP = "\u00a0"

STYLES: dict[str, NumberStyle] = {
    "en": NumberStyle(",", ".", 1, "${n}", _EN_MONTHS, "{month} {year}",
                      "{day} {month} {year}"),  # as the app always wrote it: day first
    "es": NumberStyle(".", ",", 2, "{n}" + NBSP + "US$", _ES_MONTHS, "{month} de {year}",
                      "{day} de {month} de {year}"),
    "fr": NumberStyle(NNBSP, ",", 1, "{n}" + NBSP + "$US", _FR_MONTHS, "{month} {year}",
                      "{day} {month} {year}"),
}


def style(code: str | None = None) -> NumberStyle:
    """The conventions of `code` (default: the current language; English when unknown)."""
    return STYLES.get(code or language(), STYLES["en"])


def _grouped(digits: str, conventions: NumberStyle) -> str:
    if len(digits) < 4 + conventions.min_grouping - 1:
        return digits
    groups: list[str] = []
    while len(digits) > 3:
        digits, last = digits[:-3], digits[-3:]
        groups.insert(0, last)
    return conventions.group.join([digits, *groups])


def format_number(value: float, decimals: int | None = None, code: str | None = None) -> str:
    """1,200.5 / 1200,5 (es) / 1 200,5 (fr); whole numbers without decimals unless asked."""
    conventions = style(code)
    places = decimals if decimals is not None else (0 if float(value).is_integer() else 2)
    text = f"{abs(value):.{places}f}"
    whole, _, fraction = text.partition(".")
    sign = "-" if value < 0 else ""
    shown = _grouped(whole, conventions)
    return sign + shown + (conventions.decimal + fraction if fraction else "")


def format_money(value: float, code: str | None = None) -> str:
    """US dollars: $1,200 or $1,200.50; 1200 US$ / 12.000,50 US$ (es); 1 200,50 $US (fr)."""
    return style(code).money.format(n=format_number(value, code=code))


def month_year(day: date, code: str | None = None) -> str:
    """'July 2025', 'julio de 2025', 'juillet 2025'."""
    conventions = style(code)
    return conventions.month_year.format(month=conventions.months[day.month - 1], year=day.year)


def format_date(day: date, code: str | None = None) -> str:
    """'3 July 2025', '3 de julio de 2025', '3 juillet 2025'."""
    conventions = style(code)
    return conventions.full_date.format(day=day.day, month=conventions.months[day.month - 1],
                                        year=day.year)
