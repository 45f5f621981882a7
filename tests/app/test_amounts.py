"""One reading of dollar amounts for the wizard and the organiser's spreadsheets."""

import pytest

from app.amounts import AmountError, amount_problem, parse_amount
from app.group.columns import parse_cell
from ui.question_widgets import parse_amount as field_amount


@pytest.mark.parametrize(("text", "value"), [
    ("800", 800), ("800.5", 800.5), ("800.50", 800.5), ("$1,200", 1200), ("1 200", 1200),
    ("USD 950", 950), ("950 USD", 950), ("US$ 950", 950), ("950 dollars", 950),
    ("1,200", 1200), ("800,50", 800.5), ("800,5", 800.5), ("1.234,56", 1234.56),
    ("1,234.56", 1234.56), ("1 234,56", 1234.56), ("1'200", 1200), ("1\u00a0200", 1200),
    ("1.200.000", 1_200_000), ("12,345,678", 12_345_678), ("1.20", 1.2), ("0", 0),
    ("-5", -5), ("$-5", -5), ("unknown", "unknown"), ("I don\u2019t know", "unknown"),
    ("", None), ("  ", None), (799.0, 799), (12.5, 12.5), (7, 7),
])
def test_accepted(text: object, value: object) -> None:
    assert parse_amount(text) == value
    assert type(parse_amount(text)) is type(value)


@pytest.mark.parametrize("text", ["1.200", "$1.500", "1.999", "-1.200", "12.000 USD"])
def test_dot_and_three_digits_is_ambiguous(text: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text)
    message = caught.value.message
    assert "ambiguous" in message and text.strip() in message
    assert "Write " in message and "," in message


def test_ambiguous_message_says_what_to_write() -> None:
    assert amount_problem("1.200") == (
        "'1.200' is ambiguous: is it $1,200 or $1.20? Write 1200 or 1,200 for $1,200, or 1.20 "
        "for $1.20")


@pytest.mark.parametrize("text", ["lots", "1,2345", "1,20,000", "1e3", "0.125", "1.2345",
                                  "1,200,50", "1,200 500", "5.", "\u0661\u0662\u0660\u0660",
                                  "1.200,000", "twelve hundred", "$", "--5"])
def test_unclear_is_refused(text: str) -> None:
    problem = amount_problem(text)
    assert problem is not None and "not an amount" in problem and "number of US dollars" in \
        problem


@pytest.mark.parametrize("value", [True, float("nan"), float("inf"), None, [800]])
def test_non_numbers_are_refused(value: object) -> None:
    assert amount_problem(value) is not None


@pytest.mark.parametrize("text", ["800", "800,50", "1,200", "1.200", "1.234,56", "1 200",
                                  "lots", "$1,200.5", "-5"])
def test_spreadsheet_and_field_agree(text: str) -> None:
    """The QA defect: '800,50' was $800.50 in a CSV and $80,050 in the window; '1.200' was $1.20
    in a CSV."""
    assert parse_cell("D3", text) == field_amount(text)
