"""A person edited in the app: marked "edited" with the original answers kept, in the results
files (CSV, Excel), the group PDF and project files."""

import csv
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app.group.export import RESULT_HEADERS, open_writer
from app.group.group_pdf import group_report_html, write_group_pdf
from app.group.members import Member, MemberResult, edited_member
from app.group.pipeline import make_screener
from app.group.project import open_project, save_project
from tests.app.group.conftest import AS_OF, Run
from tests.app.group.people import PARTY_PAID, SEED, row_of, write_csv


def test_a_member_not_edited() -> None:
    member = Member(source="team.csv", row=2, answers={"D1": ["self"]})
    assert not member.edited and member.edits() == [] and member.edited_text == ""


def test_edits_keep_the_original_over_several_edits() -> None:
    member = Member(source="team.csv", row=2, answers={"D1": ["foreign_party"], "B1": "maybe"})
    once = edited_member(member, {"D1": ["self"], "D3": 700, "B1": "no"})
    twice = edited_member(once, {"D1": ["self"], "D3": 750, "B1": "no"})
    assert twice.original == {"D1": ["foreign_party"], "B1": "maybe"}
    assert twice.edited
    assert twice.edits() == [("B1", "maybe", "no"), ("D1", ["foreign_party"], ["self"]),
                             ("D3", None, 750)]
    assert twice.edited_text == ("edited in the app: B1 was maybe, now no; D1 was "
                                 "foreign_party, now self; D3 was blank, now 750")
    assert member.original is None and member.answers["D1"] == ["foreign_party"]  # untouched


def test_edited_back_to_the_original_is_not_edited() -> None:
    member = Member(source="team.csv", row=2, answers={"D1": ["self"]})
    back = edited_member(edited_member(member, {"D1": ["campaign"]}), {"D1": ["self"]})
    assert not back.edited and back.edited_text == ""


@pytest.fixture
def group(tmp_path: Path, run: Run) -> list[MemberResult]:
    rows = [row_of(PARTY_PAID, "Ann Able", "ann@example.org"), row_of(SEED, "Bob Best")]
    results, _ = run([write_csv(tmp_path / "team.csv", rows)])
    fixed = edited_member(results[0].member, {**results[0].member.answers, "D1": ["self"],
                                              "D3": 700})
    results[0] = make_screener(None, AS_OF).screen(fixed)
    assert results[0].colour_word == "AMBER"
    return results


def test_results_csv_and_xlsx_mark_the_edited_person(tmp_path: Path,
                                                     group: list[MemberResult]) -> None:
    expected = "edited in the app: D1 was foreign_party, now self; D3 was blank, now 700"
    csv_out, xlsx_out = tmp_path / "r.csv", tmp_path / "r.xlsx"
    for out in (csv_out, xlsx_out):
        with open_writer(out, AS_OF.isoformat()) as writer:
            for result in group:
                writer.write(result)
    with csv_out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["Edited"] for row in rows] == [expected, ""]
    sheet = openpyxl.load_workbook(xlsx_out).active
    assert sheet is not None
    table = [[cell.value for cell in row] for row in sheet.iter_rows()]
    column = RESULT_HEADERS.index("Edited")
    assert table[0][column] == "Edited"
    assert [row[column] for row in table[1:]] == [expected, None]


def test_group_pdf_marks_the_edited_person(qapp: object, tmp_path: Path,
                                           group: list[MemberResult]) -> None:
    html = group_report_html(group)
    assert "Ann Able&#x2069; (edited)" in html and "Bob Best&#x2069; (edited)" not in html
    out = tmp_path / "g.pdf"
    write_group_pdf(group, out, redact=True)
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "A. A. (edited)" in text
    assert "Edited in the app: D1 was foreign_party, now self; D3 was blank, now 700." in text


def test_projects_keep_the_original_answers(tmp_path: Path, group: list[MemberResult]) -> None:
    path = tmp_path / "g.vcgroup.json"
    save_project(path, {}, group, AS_OF)
    members = open_project(path).members
    assert members[0].edited and members[0].original == group[0].member.original
    assert not members[1].edited and members[1].original is None
