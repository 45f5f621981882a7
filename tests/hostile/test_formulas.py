"""Issue 10: no volunteer text ever becomes a live formula in the results (CSV or Excel)."""

import csv
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from app.group.export import (
    _FREE_TEXT,
    RESULT_HEADERS,
    neutralise,
    open_writer,
    result_row,
    safe_row,
)
from app.group.members import Member, MemberResult
from app.group.pipeline import make_screener
from tests.app.group.conftest import AS_OF, run_group
from tests.app.group.people import PARTY_PAID, SEED, row_of, write_csv
from tests.hostile.payloads import FORMULA_FIRST, FORMULAS

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TEXT_COLUMNS = ("Source", "Name", "Email", "Reference")
# A person whose result has a top finding and missing facts (R31: RED; who pays unknown).
_SCREENED_ANSWERS = {**PARTY_PAID, "D1": ["foreign_party", "unknown"], "B2": "unknown"}


def _dangerous(text: str) -> bool:
    """Would a spreadsheet read this cell as a formula (or worse)?"""
    stripped = text.lstrip(" \n\u00a0\u3000")
    return bool(text) and (text[0] in FORMULA_FIRST or stripped[:1] in FORMULA_FIRST)


@pytest.mark.parametrize("payload", FORMULAS)
def test_neutralise_never_returns_a_formula(payload: str) -> None:
    out = neutralise(payload)
    assert isinstance(out, str)
    assert not _CONTROL.search(out)
    if _dangerous(_CONTROL.sub("", payload)):
        assert out.startswith("'")
    assert not _dangerous(out)


def _inputs(tmp_path: Path) -> list[Path]:
    """A CSV with every payload as name, email and reference, and answers files (one named
    by each payload that a file name can hold) with the payload as the person."""
    # (a CSV file with NUL bytes is refused as a whole: the CSV gets \x02 instead)
    csv_safe = [payload.replace("\x00", "\x02") for payload in FORMULAS]
    rows = [row_of(SEED, payload, payload, payload) for payload in csv_safe]
    paths = [write_csv(tmp_path / "team.csv", rows)]
    folder = tmp_path / "files"
    folder.mkdir()
    for index, payload in enumerate(FORMULAS):
        name = payload.replace("/", "_").replace("\x00", "") or f"p{index}"
        content = {"schema_version": 1, "answers": SEED,
                   "person": {"name": payload, "email": payload, "reference": payload}}
        path = folder / f"{name}{index}.json"
        path.write_text(json.dumps(content), "utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def written(tmp_path: Path) -> tuple[Path, Path, int]:
    results, report = run_group(_inputs(tmp_path))
    assert not report.problems
    assert len(results) == 2 * len(FORMULAS)
    outs = tmp_path / "out.csv", tmp_path / "out.xlsx"
    for out in outs:
        with open_writer(out, "2026-12-01") as writer:
            for result in results:
                writer.write(result)
    return outs[0], outs[1], len(results)


def test_csv_cells_are_neutralised(written: tuple[Path, Path, int]) -> None:
    out, _, count = written
    with out.open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.reader(stream))
    assert tuple(table[0]) == RESULT_HEADERS
    assert len(table) == count + 1
    for row in table[1:]:
        for value in row:
            assert not _CONTROL.search(value), value
            assert not _dangerous(value), value
    names = [row[RESULT_HEADERS.index("Name")] for row in table[1:]]
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in names  # \x01 removed, then quoted
    assert "'=cmd|' /C calc'!A0" in names


def test_xlsx_has_no_formula_and_every_text_cell_is_a_string(
        written: tuple[Path, Path, int]) -> None:
    _, out, count = written
    book = load_workbook(out)  # not read-only: data_type is the stored type
    sheet = book["Results"]
    rows = list(sheet.iter_rows())
    assert len(rows) == count + 1
    seen_text = 0
    for row in rows:
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
            if isinstance(cell.value, str):
                assert cell.data_type == "s", (cell.coordinate, cell.value)
                assert not _CONTROL.search(cell.value)
                seen_text += 1
    assert seen_text > count * len(_TEXT_COLUMNS)
    header = [cell.value for cell in rows[0]]
    for column in _TEXT_COLUMNS:
        at = header.index(column)
        for row in rows[1:]:
            value = row[at].value
            assert value is None or not _dangerous(str(value)), value
    # '#N/A' stays text, not an error value
    names = [row[header.index("Name")].value for row in rows[1:]]
    assert "#N/A" in names


def test_xlsx_raw_xml_has_no_formula_element(written: tuple[Path, Path, int]) -> None:
    import zipfile

    _, out, _ = written
    with zipfile.ZipFile(out) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            xml = archive.read(name)
            assert b"<f>" not in xml and b"<f " not in xml
            assert b't="e"' not in xml


def test_xlsx_holds_the_same_cells_as_the_csv(written: tuple[Path, Path, int]) -> None:
    """(the Excel writer reuses one cell object per column: every value must still land)"""
    csv_out, xlsx_out, _ = written
    with csv_out.open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.reader(stream))
    sheet = load_workbook(xlsx_out)["Results"]
    cells = [["" if v is None else str(v) for v in row]
             for row in sheet.iter_rows(values_only=True)]
    table = [[v.replace("\r\n", "\n").replace("\r", "\n") for v in row] for row in table]
    width = len(RESULT_HEADERS)  # (XML reads a carriage return as a line feed)
    assert [row + [""] * (width - len(row)) for row in cells] == \
        [row + [""] * (width - len(row)) for row in table]


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text(), st.text(), st.sampled_from([*FORMULAS, "", "Ann", " x", "\u3000-"]))
def test_safe_row_neutralises_every_text_cell(name: str, email: str, reference: str,
                                              source: str) -> None:
    """safe_row skips cells that are neutral as they are: it must give exactly what
    neutralise gives cell by cell."""
    member = Member(source=source, row=3, name=name, email=email, reference=reference)
    invalid = MemberResult(member, None, {}, (), None, (), (), "2", duplicate_of=name)
    screened = make_screener(None, AS_OF).screen(replace(member, answers=_SCREENED_ANSWERS))
    assert screened.top_rule and screened.missing
    for result in (invalid, replace(screened, duplicate_of=email)):
        expected = result_row(result, "2026-12-01")
        for index in _FREE_TEXT:
            expected[index] = neutralise(expected[index])
        assert safe_row(result, "2026-12-01") == expected
