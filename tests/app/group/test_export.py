"""Results CSV/XLSX, formula neutralisation, templates and project files."""

import csv
import io
import os
import stat
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.answers_file import AnswersFileError
from app.group.export import (
    RESULT_HEADERS,
    CsvResultsWriter,
    csv_line,
    neutralise,
    open_writer,
)
from app.group.project import open_project, save_project
from app.group.templates import (
    CODES_SHEET,
    PEOPLE_SHEET,
    TEMPLATE_HEADERS,
    TEMPLATE_QUESTIONS,
    csv_template,
    write_csv_template,
    write_xlsx_template,
)
from rules.questions import QUESTION_BY_ID, Kind
from rules.rule import Colour
from tests.app.group.conftest import Run, run_group
from tests.app.group.people import PARTY_PAID, SEED, US_LOCAL, row_of, write_csv

DANGEROUS = ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil","x")']


@pytest.mark.parametrize("value", DANGEROUS)
def test_neutralise_formulas(value: str) -> None:
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Ann", "", "1", "a=b", "x-y", 5, None])
def test_harmless_values_stay(value: object) -> None:
    assert neutralise(value) == value


def _group(tmp_path: Path, run: Run) -> list:
    rows = [row_of(SEED, "Ann Lee", "ann@example.org", "A-1"),
            row_of(PARTY_PAID, "=HYPERLINK(\"http://evil\",\"x\")", "@bob", "-7"),
            row_of({**SEED, "B1": "+maybe"}, "Zoë", "", "+44"),
            row_of(US_LOCAL, "Cy", "ann@example.org", "")]
    results, _ = run([write_csv(tmp_path / "in.csv", rows)])
    return results


def test_results_csv_round_trip_and_neutralised(tmp_path: Path, run: Run) -> None:
    results = _group(tmp_path, run)
    out = tmp_path / "out.csv"
    with open_writer(out, "2026-12-01") as writer:
        for result in results:
            writer.write(result)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.DictReader(stream))
    assert tuple(table[0]) == RESULT_HEADERS
    assert [row["Colour"] for row in table] == ["AMBER", "RED", "INVALID", "GREEN"]
    assert table[1]["Name"] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert table[1]["Email"] == "'@bob" and table[1]["Reference"] == "'-7"
    assert table[2]["Reference"] == "'+44"
    assert "'+maybe'" in table[2]["Errors"] and "row 4" in table[2]["Errors"]
    assert table[1]["Rules fired"].split()[0] == "R31"
    assert table[1]["Top finding"].startswith("R31 ")
    assert table[1]["Travel light"] == "RED" and table[0]["Immigration light"] == "AMBER"
    assert table[3]["Duplicate"].startswith("possible duplicate of in.csv row 2")
    assert table[0]["Ruleset"] and table[0]["As of"] == "2026-12-01"
    for row in table:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_results_xlsx_never_holds_formulas(tmp_path: Path, run: Run) -> None:
    results = _group(tmp_path, run)
    out = tmp_path / "out.xlsx"
    with open_writer(out) as writer:
        for result in results:
            writer.write(result)
    book = openpyxl.load_workbook(out)
    sheet = book["Results"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == RESULT_HEADERS
    assert [r[RESULT_HEADERS.index("Colour")] for r in rows[1:]] == \
        ["AMBER", "RED", "INVALID", "GREEN"]
    assert rows[2][2] == "'=HYPERLINK(\"http://evil\",\"x\")"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.value
    assert sheet.conditional_formatting


def test_changed_colour_column(tmp_path: Path) -> None:
    from app.answers_file import AnswersDocument, write_answers_file
    from rules import Person

    path = tmp_path / "ann.json"
    write_answers_file(path, AnswersDocument(SEED, Person(name="Ann")), "GREEN")
    results, _ = run_group([path])
    out = tmp_path / "out.csv"
    with open_writer(out) as writer:
        writer.write(results[0])
    with out.open(encoding="utf-8-sig") as stream:
        row = next(csv.DictReader(stream))
    assert row["Changed"].startswith("changed from GREEN to AMBER")
    assert row["Source"] == "ann.json" and row["Row"] == ""


def test_aborted_writer_leaves_old_file(tmp_path: Path, run: Run) -> None:
    results = _group(tmp_path, run)
    out = tmp_path / "out.csv"
    out.write_text("old results")
    writer = CsvResultsWriter(out)
    writer.write(results[0])
    writer.abort()
    assert out.read_text() == "old results"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_writer_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(AnswersFileError, match="does not exist"):
        open_writer(tmp_path / "missing" / "out.csv")
    with pytest.raises(AnswersFileError, match=r"\.csv or \.xlsx"):
        open_writer(tmp_path / "out.ods")


def test_csv_template_is_importable(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "template.csv"
    write_csv_template(path)
    rows = list(csv.reader(csv_template().decode("utf-8-sig").splitlines()))
    assert rows[0] == list(TEMPLATE_HEADERS)
    with path.open("a", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerow(row_of(SEED, "Ann"))
    results, report = run([path])
    assert [r.colour_word for r in results] == ["AMBER"] and not report.problems
    assert [r.member.row for r in results] == [len(rows) + 1]  # comment rows still count
    assert any("4 comment rows skipped" in note for source in report.sources
               for note in source.notes)


def test_csv_template_comments_give_questions_codes_and_examples() -> None:
    from app.group.templates import EXAMPLES, allowed_text

    rows = list(csv.reader(csv_template().decode("utf-8-sig").splitlines()))
    header, questions, codes, *examples = rows
    assert all(row[0].startswith("# ") for row in rows[1:])
    assert len(examples) == len(EXAMPLES) == 2
    for index, qid in enumerate(header[3:], start=3):
        question = QUESTION_BY_ID[qid]
        assert questions[index] == question.text
        assert codes[index] == allowed_text(question)
        for code in question.codes:
            assert code in codes[index], (qid, code)
    assert "federal_candidate" in codes[3] and "separated by ';'" in codes[header.index("F")]
    assert examples[0][header.index("F")] == "canvass_phone_text;data_entry"


def test_csv_template_examples_are_valid_people_once_uncommented(tmp_path: Path,
                                                                 run: Run) -> None:
    text = csv_template().decode("utf-8-sig").replace("# Example: ", "Example: ")
    path = tmp_path / "examples.csv"
    path.write_text(text, "utf-8")
    results, report = run([path])
    assert [r.member.name.split(" (")[0] for r in results] == ["Example: Ana Silva",
                                                               "Example: Lee Park"]
    assert [r.colour_word for r in results] == ["GREEN", "GREEN"]
    assert all(not r.dropped for r in results) and not report.problems


def test_only_a_hash_and_space_starts_a_comment(tmp_path: Path, run: Run) -> None:
    headers = ("reference", *TEMPLATE_HEADERS[:1], *TEMPLATE_HEADERS[3:])
    rows = [["#12", "Ann", *row_of(SEED)[3:]], ["  # note", "", *row_of(SEED)[3:]],
            ["#", "Bob", *row_of(SEED)[3:]]]
    results, _ = run([write_csv(tmp_path / "refs.csv", rows, headers)])
    assert [(r.member.reference, r.member.name) for r in results] == [("#12", "Ann"),
                                                                      ("#", "Bob")]


def test_comment_rows_in_excel_are_skipped(tmp_path: Path, run: Run) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["# a note before the header"])
    sheet.append(list(TEMPLATE_HEADERS))
    sheet.append(["# allowed codes", "", "", "federal_candidate"])
    sheet.append(row_of(SEED, "Ann"))
    path = tmp_path / "c.xlsx"
    book.save(path)
    results, report = run([path])
    assert [(r.member.name, r.member.row) for r in results] == [("Ann", 4)]
    assert any("1 comment row skipped" in note for source in report.sources
               for note in source.notes)


def _validations(sheet: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, object]:
    headers = {cell.column_letter: cell.value for cell in sheet[1]}
    found = {}
    for rule in sheet.data_validations.dataValidation:
        letter = str(rule.sqref).split(":")[0].rstrip("0123456789")
        found[headers[letter]] = rule
    return found


def test_xlsx_template_lists_match_the_brief(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_xlsx_template(path, rows=50)
    book = openpyxl.load_workbook(path)
    people, codes = book[PEOPLE_SHEET], book[CODES_SHEET]
    assert tuple(c.value for c in people[1]) == TEMPLATE_HEADERS
    rules = _validations(people)
    assert set(rules) == {q.id for q in TEMPLATE_QUESTIONS}
    for question in TEMPLATE_QUESTIONS:
        rule = rules[question.id]
        if question.options:
            assert rule.type == "list"
            sheet_name, cells = rule.formula1.split("!")
            assert sheet_name == CODES_SHEET
            first, last = (int(part.split("$")[-1]) for part in cells.split(":"))
            listed = [codes.cell(row=r, column=3).value for r in range(first, last + 1)]
            assert tuple(listed) == question.codes
            labels = [codes.cell(row=r, column=4).value for r in range(first, last + 1)]
            assert labels == [o.label for o in question.options]
            assert {codes.cell(row=r, column=1).value for r in range(first, last + 1)} == \
                {question.id}
            if question.kind is Kind.MULTI:
                assert not rule.showErrorMessage
                assert "';'" in rule.prompt
            else:
                assert rule.showErrorMessage
        assert rule.prompt and len(rule.prompt) <= 255
        assert str(rule.sqref).endswith("51")
    assert rules["D3"].type == "custom" and rules["B5_age"].type == "whole"
    explained = {(r[0], r[2]) for r in codes.iter_rows(min_row=2, values_only=True)}
    for question in TEMPLATE_QUESTIONS:
        for code in question.codes:
            assert (question.id, code) in explained
    assert QUESTION_BY_ID["A1"].text in people["D1"].comment.text


def test_filled_xlsx_template_imports(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "template.xlsx"
    write_xlsx_template(path, rows=20)
    book = openpyxl.load_workbook(path)
    sheet = book[PEOPLE_SHEET]
    for index, value in enumerate(row_of(PARTY_PAID, "Bob"), start=1):
        sheet.cell(row=2, column=index, value=value or None)
    book.save(path)
    results, report = run([path])
    assert [r.colour_word for r in results] == ["RED"], report.problems


def test_project_round_trip(tmp_path: Path, run: Run) -> None:
    results = _group(tmp_path, run)
    defaults = {"A1": "federal_candidate", "D1": ["self"]}
    path = tmp_path / "group.vcgroup.json"
    save_project(path, defaults, results)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    project = open_project(path)
    assert project.defaults == defaults
    assert [m.name for m in project.members] == [r.member.name for r in results]
    assert project.members[1].answers == results[1].member.answers
    assert project.members[2].columns["B1"] == "B1"
    assert project.members[0].last_colour == "AMBER"
    assert project.members[2].last_colour is None  # invalid: no colour to compare later


def test_project_reopened_under_new_colour_says_changed(tmp_path: Path, run: Run) -> None:
    from app.group.members import DuplicateIndex
    from app.group.pipeline import make_screener

    results = _group(tmp_path, run)
    path = tmp_path / "g.vcgroup.json"
    save_project(path, {}, results)
    text = path.read_text().replace('"saved_colour": "RED"', '"saved_colour": "GREEN"')
    path.write_text(text)
    project = open_project(path)
    screener = make_screener(project.defaults)
    index = DuplicateIndex()
    again = [screener.screen(m) for m in project.members]
    for result in again:
        result.duplicate_of = index.check(result.member)
    assert again[1].changed == ("GREEN", "RED")
    assert [r.colour_word for r in again] == [r.colour_word for r in results]


@pytest.mark.parametrize(("content", "words"), [
    ("", "empty"), ("{", "not valid JSON"), ('{"kind": "other"}', "not a Volunteer Check"),
    ('{"kind": "volunteer-check-group", "schema_version": 99, "people": []}', "newer"),
    ('{"kind": "volunteer-check-group", "schema_version": 1}', "no 'people'"),
    ('{"kind": "volunteer-check-group", "schema_version": 1, "people": [1]}', "person 1"),
    ('{"kind": "volunteer-check-group", "schema_version": 1, "people": [], '
     '"defaults": {"A1": "mars"}}', "invalid group defaults"),
])
def test_bad_projects(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "p.json"
    path.write_text(content)
    with pytest.raises(AnswersFileError, match=words):
        open_project(path)


def test_xlsx_template_examples_are_valid_answers(tmp_path: Path) -> None:
    """QA: the prompts suggested 'none;campaign' (C1) and 'none;donate_money' (G), which
    validation refuses (V02: an exclusive answer combined with others)."""
    import re

    from app.group.columns import parse_cell
    from rules import validate_answers
    from tests.app.group.conftest import AS_OF

    path = tmp_path / "template.xlsx"
    write_xlsx_template(path, rows=5)
    rules = _validations(openpyxl.load_workbook(path)[PEOPLE_SHEET])
    multi = [q for q in TEMPLATE_QUESTIONS if q.kind is Kind.MULTI]
    assert multi
    for question in multi:
        found = re.search(r"\(e\.g\. ([a-z_;]+)\)", rules[question.id].prompt)
        assert found, rules[question.id].prompt
        example = found.group(1)
        codes = parse_cell(question.id, example)
        assert isinstance(codes, list) and len(codes) == 2
        assert set(codes) <= set(question.codes)
        issues = validate_answers({question.id: codes}, AS_OF).issues
        assert not [i for i in issues if i.question == question.id and i.code != "V01"], \
            (question.id, example, issues)
    assert "not 1.200" in rules["D3"].prompt


_CELLS = st.lists(st.one_of(st.text(), st.sampled_from(["", ",", '"', "\r", "\n", "a b", "\x00"]),
                            st.integers(), st.floats(), st.booleans(), st.none(),
                            st.sampled_from(list(Colour))), max_size=8)


@settings(max_examples=500, deadline=None)
@given(_CELLS)
def test_csv_line_is_what_the_csv_writer_writes(cells: list[object]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(cells)
    line = csv_line(cells)
    assert line is None or line == buffer.getvalue()
    if all(isinstance(cell, str) and cell.isalnum() for cell in cells) and len(cells) > 1:
        assert line is not None  # the usual row takes the quick way
