"""Blank spreadsheets for organisers: a CSV with comment rows, an Excel workbook with drop-downs.

The CSV template is the header row, then comment rows (their first cell starts with "# ", so
the reader skips them): each column's question, its allowed codes, and two example people. An
organiser can type over the examples' rows or leave every "# " row where it is.

The Excel template's "Volunteers" sheet has one column per question; each answer cell offers the
question's codes in a drop-down (data validation pointing at the "Codes" sheet, which lists every
question with its codes and labels). Excel lists are single-choice, so multi-select columns
accept any text and their input message explains that several codes are separated by ';'.

Instructions, question texts and labels are in the current language; column ids, codes, the
sheet names and the examples' cells never change (the reader relies on them).
"""

import csv
import io
from pathlib import Path

from app.answers_file import write_bytes_atomically
from app.group.columns import MULTI_SEPARATOR, PERSON_FIELDS
from app.group.export import atomic_target
from app.i18n import N_, _
from app.i18n.law_texts import option_label, question_text
from app.vocabulary import DONT_KNOW
from rules.questions import QUESTIONS, Kind, Question
from rules.validity import EXCLUSIVE_CODES

# A2 ("who is filling this in") has no meaning in a group spreadsheet.
TEMPLATE_QUESTIONS: tuple[Question, ...] = tuple(q for q in QUESTIONS if q.id != "A2")
TEMPLATE_HEADERS: tuple[str, ...] = (*PERSON_FIELDS, *(q.id for q in TEMPLATE_QUESTIONS))
TEMPLATE_ROWS = 10_000
CODES_SHEET = "Codes"
PEOPLE_SHEET = "Volunteers"


COMMENT = "# "
# Two example people, valid together with the branching (rows of the CSV template).
EXAMPLES: tuple[tuple[str, str, str, str, dict[str, str]], ...] = (
    (N_("Example: {name} (delete or keep this row)"), "Ana Silva", "ana@example.org", "M-001", {
        "A1": "federal_candidate", "B1": "no", "B2": "no", "B3": "no", "B4": "esta_vwp",
        "B5": "no", "B6": "foreign_party_member", "B8": "outside_us",
        "B9": "incidental_to_holiday_or_family_visit", "B10": "14", "B11": "3",
        "C1": "none", "C2": "bona_fide_accrued_leave", "D1": "self", "D3": "800",
        "D4": "self_or_friends", "E1": "self_paid",
        "E2": "self", "F": "canvass_phone_text;data_entry", "G": "none"}),
    (N_("Example: {name} (delete or keep this row)"), "Lee Park", "lee@example.org", "M-002", {
        "A1": "federal_candidate", "B1": "yes", "B5": "no", "B6": "none", "B8": "us",
        "C1": "none", "C2": "own_time_outside_work_hours", "D1": "no_travel_needed",
        "E1": "not_applicable_local", "F": "canvass_phone_text", "G": "none"}),
)


def allowed_text(question: Question) -> str:
    """What a cell of `question` may hold, for the template's codes row."""
    if question.kind is Kind.AMOUNT:
        return _("a number of US dollars (1200 or 1,200; not 1.200), or unknown")
    if question.kind is Kind.AGE:
        return _("whole years (optional)")
    if question.kind is Kind.DAYS:
        return _("whole days, or unknown")
    codes = " | ".join(question.codes)
    if question.kind is Kind.MULTI:
        return _("one or more, separated by '{separator}': {codes}").format(
            separator=MULTI_SEPARATOR, codes=codes)
    return _("one of: {codes}").format(codes=codes)


def csv_rows() -> list[list[str]]:
    """The CSV template's rows: header, question texts, allowed codes, two examples."""
    questions = [question_text(q) for q in TEMPLATE_QUESTIONS]
    allowed = [allowed_text(q) for q in TEMPLATE_QUESTIONS]
    rows = [list(TEMPLATE_HEADERS),
            [COMMENT + _("Question (rows starting with '{mark}' are ignored)").format(
                mark=COMMENT), "", "", *questions],
            [COMMENT + _("Allowed codes (or their labels in English, Spanish or French, in "
                         "any case)"), "", "", *allowed]]
    for words, name, email, reference, answers in EXAMPLES:
        rows.append([COMMENT + _(words).format(name=name), email, reference,
                     *(answers.get(q.id, "") for q in TEMPLATE_QUESTIONS)])
    return rows


def csv_template() -> bytes:
    """The CSV template (csv_rows), UTF-8 with a byte-order mark (Excel reads it right)."""
    text = io.StringIO()
    csv.writer(text).writerows(csv_rows())
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
        tail = " " + _("Several answers: separate codes with '{separator}' (e.g. {example}); "
                       "the list offers one at a time.").format(separator=MULTI_SEPARATOR,
                                                                example=example)
    elif question.kind is Kind.AMOUNT:
        tail = " " + _("US dollars, 0 or more (1200 or 1,200; not 1.200), or 'unknown'.")
    elif question.kind is Kind.AGE:
        tail = " " + _("Whole years; optional.")
    else:
        tail = " " + _("Pick a code; the {sheet} sheet explains each.").format(
            sheet=CODES_SHEET)
    text = question_text(question)
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
    codes.append([_("Question"), _("Question text"), _("Code"), _("Label (also accepted)")])
    ranges: dict[str, str] = {}
    for question in TEMPLATE_QUESTIONS:
        text = question_text(question)
        if question.options:
            first = codes.max_row + 1
            for option in question.options:
                codes.append([question.id, text, option.code,
                              option_label(question.id, option.code)])
            ranges[question.id] = f"{CODES_SHEET}!$C${first}:$C${codes.max_row}"
        elif question.kind is Kind.AMOUNT:
            codes.append([question.id, text, _("a number"), _("US dollars, 0 or more")])
            codes.append([question.id, text, "unknown", _(DONT_KNOW)])
        else:
            codes.append([question.id, text, _("a number"), _("whole years (optional)")])
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
        header.comment = Comment(f"{question.id}: {question_text(question)}",
                                 "Volunteer Check")
        span = f"{column}2:{column}{last}"
        prompt = _prompt(question)
        if question.id in ranges:
            multi = question.kind is Kind.MULTI
            rule = DataValidation(
                type="list", formula1=ranges[question.id], allow_blank=True,
                showDropDown=False, showErrorMessage=not multi, showInputMessage=True,
                errorStyle="stop", errorTitle=question.id,
                error=_("Pick one of the codes in the list (see the {sheet} sheet).").format(
                    sheet=CODES_SHEET),
                promptTitle=question.id[:32], prompt=prompt)
        elif question.kind is Kind.AMOUNT:
            rule = DataValidation(
                type="custom", formula1=f'OR(AND(ISNUMBER({column}2),{column}2>=0),'
                f'LOWER({column}2)="unknown")', allow_blank=True, showErrorMessage=True,
                showInputMessage=True, errorStyle="warning", errorTitle=question.id,
                error=_("Enter US dollars (0 or more) or 'unknown'."),
                promptTitle=question.id, prompt=prompt)
        else:
            rule = DataValidation(
                type="whole", operator="between", formula1="0", formula2="120",
                allow_blank=True, showErrorMessage=True, showInputMessage=True,
                errorStyle="stop", errorTitle=question.id,
                error=_("Enter an age in whole years (0-120), or leave it empty."),
                promptTitle=question.id, prompt=prompt)
        rule.add(span)
        people.add_data_validation(rule)

    with atomic_target(path) as temp:
        book.save(temp)
