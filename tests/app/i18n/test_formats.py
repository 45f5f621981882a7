"""Numbers, dollars and dates shown in each language; amounts read one way in all of them."""

from datetime import date

import pytest

from app.amounts import AmountError, parse_amount
from app.i18n import in_language
from app.i18n.formats import NBSP, NNBSP, format_date, format_money, format_number, month_year
from app.i18n.law_texts import disclaimer


@pytest.mark.parametrize(("code", "value", "shown"), [
    ("en", 1200, "$1,200"), ("en", 800.5, "$800.50"), ("en", 12000, "$12,000"),
    ("es", 1200, f"1200{NBSP}US$"), ("es", 12000.5, f"12.000,50{NBSP}US$"),
    ("fr", 1200, f"1{NNBSP}200{NBSP}$US"), ("fr", 800.5, f"800,50{NBSP}$US"),
])
def test_dollars_in_each_language(code: str, value: float, shown: str) -> None:
    assert format_money(value, code) == shown


def test_numbers_and_dates() -> None:
    assert format_number(1234567, code="fr") == f"1{NNBSP}234{NNBSP}567"
    assert format_number(1234567, code="es") == "1.234.567"
    day = date(2025, 7, 3)
    assert format_date(day, "en") == "3 July 2025"
    assert format_date(day, "es") == "3 de julio de 2025"
    assert format_date(day, "fr") == "3 juillet 2025"
    assert month_year(day, "es") == "julio de 2025"


@pytest.mark.parametrize("code", ["en", "es", "fr"])
@pytest.mark.parametrize("text", ["1.200", "1.250"])
def test_a_dot_before_three_digits_is_never_read_in_any_language(code: str, text: str) -> None:
    """'1.200' is $1,200 in Spain and France and $1.20 in the US: refused in every language."""
    with in_language(code), pytest.raises(AmountError):
        parse_amount(text)


@pytest.mark.parametrize("code", ["en", "es", "fr"])
@pytest.mark.parametrize(("text", "value"), [
    ("1,200", 1200), ("1 200", 1200), (f"1{NNBSP}200", 1200), ("1.200,50", 1200.5),
    ("800,50", 800.5), ("$1,200", 1200), (f"1{NNBSP}200,50{NBSP}$US", 1200.5),
    ("12.000,50 US$", 12000.5), ("1.200.000", 1200000),
])
def test_amounts_read_the_same_in_every_language(code: str, text: str, value: float) -> None:
    with in_language(code):
        assert parse_amount(text) == value


@pytest.mark.parametrize("code", ["en", "es", "fr"])
def test_what_is_shown_is_read_back(code: str) -> None:
    for value in (800, 800.5, 1200.5, 12000, 1234567.25):
        shown = format_money(value, code)
        if code == "es" and "." in shown and "," not in shown and shown.count(".") == 1:
            continue  # "12.000 US$": refused as ambiguous, never misread
        assert parse_amount(shown) == value, shown


def test_the_disclaimer_month_is_localized() -> None:
    with in_language("en"):
        english = disclaimer()
    assert "July 2025" in english or "2025" in english
    with in_language("es"):
        spanish = disclaimer()
    months = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre")
    assert any(f"{month} de 20" in spanish for month in months)
