"""Blank spreadsheets for organisers: a CSV header row, and an Excel workbook with drop-downs.

The Excel template's "Volunteers" sheet has one column per question; each answer cell offers the
question's codes in a drop-down (data validation pointing at the "Codes" sheet, which lists every
question with its codes and English labels). Excel lists are single-choice, so multi-select
columns accept any text and their input message explains that several codes are separated by ';'.
"""

import csv
import io
from pathlib import Path

from app.answers_file import write_bytes_atomically
from app.group.columns import MULTI_SEPARATOR, PERSON_FIELDS
from app.group.export import atomic_target
from rules.answers import EXCLUSIVE_CODES
from rules.questions import QUESTIONS, Kind, Question

# A2 ("who is filling this in") has no meaning in a group spreadsheet.
TEMPLATE_QUESTIONS: tuple[Question, ...] = tuple(q for q in QUESTIONS if q.id != "A2")
TEMPLATE_HEADERS: tuple[str, ...] = (*PERSON_FIELDS, *(q.id for q in TEMPLATE_QUESTIONS))
TEMPLATE_ROWS = 10_000
CODES_SHEET = "Codes"
PEOPLE_SHEET = "Volunteers"


def csv_template() -> bytes:
    """The CSV template: the header row, UTF-8 with a byte-order mark (Excel reads it right)."""
    text = io.StringIO()
    csv.writer(text).writerow(TEMPLATE_HEADERS)
    return text.getvalue().encode("utf-8-sig")


def write_csv_template(path: Path | str) -> None:
    write_bytes_atomically(path, csv_template())


def example_codes(question: Question) -> tuple[str, ...]:
    """Two codes of a multi-select question that are valid together: never an exclusive code
    ("none", "no_travel_needed", ...) or "unknown", which cannot be combined with others."""
    exclusive = {EXCLUSIVE_CODES.get(question.id), "unknown"}
    return tuple(code for code in question.codes if code not in exclusive)[:2]


def _prompt(question: Question) -> str:
    if question.kind is Kind.MULTI:
        example = MULTI_SEPARATOR.join(example_codes(question))
        tail = (f" Several answers: separate codes with '{MULTI_SEPARATOR}' "
                f"(e.g. {example}); the list offers one at a time.")
    elif question.kind is Kind.AMOUNT:
        tail = " US dollars, 0 or more (1200 or 1,200; not 1.200), or 'unknown'."
    elif question.kind is Kind.AGE:
        tail = " Whole years; optional."
    else:
        tail = " Pick a code; the Codes sheet explains each."
    text = question.text
    room = 255 - len(tail)
    if len(text) > room:
        text = text[: room - 3] + "..."
    return text + tail


def write_xlsx_template(path: Path | str, rows: int = TEMPLATE_ROWS) -> None:
    """Write the Excel template (atomically, 0600)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    people = book.active
    people.title = PEOPLE_SHEET
    codes = book.create_sheet(CODES_SHEET)

    bold = Font(bold=True)
    codes.append(["Question", "Question text", "Code", "Label (also accepted)"])
    ranges: dict[str, str] = {}
    for question in TEMPLATE_QUESTIONS:
        if question.options:
            first = codes.max_row + 1
            for option in question.options:
                codes.append([question.id, question.text, option.code, option.label])
            ranges[question.id] = f"{CODES_SHEET}!$C${first}:$C${codes.max_row}"
        elif question.kind is Kind.AMOUNT:
            codes.append([question.id, question.text, "a number", "US dollars, 0 or more"])
            codes.append([question.id, question.text, "unknown", "I don't know"])
        else:
            codes.append([question.id, question.text, "a number", "whole years (optional)"])
    for cell in codes[1]:
        cell.font = bold
    codes.freeze_panes = "A2"
    for letter, width in zip("ABCD", (10, 70, 34, 60), strict=True):
        codes.column_dimensions[letter].width = width

    people.append(list(TEMPLATE_HEADERS))
    header_fill = PatternFill(start_color="E8EEF7", end_color="E8EEF7", fill_type="solid")
    for index in range(1, len(TEMPLATE_HEADERS) + 1):
        cell = people.cell(row=1, column=index)
        cell.font = bold
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center")
        people.column_dimensions[get_column_letter(index)].width = 22 if index <= 3 else 16
    people.freeze_panes = "D2"

    last = rows + 1
    for offset, question in enumerate(TEMPLATE_QUESTIONS):
        column = get_column_letter(len(PERSON_FIELDS) + offset + 1)
        header = people[f"{column}1"]
        header.comment = Comment(f"{question.id}: {question.text}", "Volunteer Check")
        span = f"{column}2:{column}{last}"
        prompt = _prompt(question)
        if question.id in ranges:
            multi = question.kind is Kind.MULTI
            rule = DataValidation(
                type="list", formula1=ranges[question.id], allow_blank=True,
                showDropDown=False, showErrorMessage=not multi, showInputMessage=True,
                errorStyle="stop", errorTitle=question.id,
                error="Pick one of the codes in the list (see the Codes sheet).",
                promptTitle=question.id[:32], prompt=prompt)
        elif question.kind is Kind.AMOUNT:
            rule = DataValidation(
                type="custom", formula1=f'OR(AND(ISNUMBER({column}2),{column}2>=0),'
                f'LOWER({column}2)="unknown")', allow_blank=True, showErrorMessage=True,
                showInputMessage=True, errorStyle="warning", errorTitle=question.id,
                error="Enter US dollars (0 or more) or 'unknown'.",
                promptTitle=question.id, prompt=prompt)
        else:
            rule = DataValidation(
                type="whole", operator="between", formula1="0", formula2="120",
                allow_blank=True, showErrorMessage=True, showInputMessage=True,
                errorStyle="stop", errorTitle=question.id,
                error="Enter an age in whole years (0-120), or leave it empty.",
                promptTitle=question.id, prompt=prompt)
        rule.add(span)
        people.add_data_validation(rule)

    with atomic_target(path) as temp:
        book.save(temp)
