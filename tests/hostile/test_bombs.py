"""Issue 10: workbooks and CSV rows built to exhaust memory or time are refused in seconds."""

import resource
import time
import zipfile
from pathlib import Path

from openpyxl import Workbook

from app.group.reading import MAX_XML_TEXT_BYTES, open_source
from app.group.templates import TEMPLATE_HEADERS
from tests.app.group.conftest import run_group
from tests.app.group.people import SEED, row_of, write_csv


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(list(TEMPLATE_HEADERS))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _replace_part(path: Path, name: str, writer: "object") -> None:
    """Rewrite the workbook with part `name` (added if missing) produced by writer(stream)."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts.setdefault(name, b"")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for part, data in parts.items():
            if part == name:
                with target.open(part, "w", force_zip64=True) as stream:
                    writer(stream)
            else:
                target.writestr(part, data)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _huge_text(stream: "object", before: bytes, after: bytes, size: int) -> None:
    stream.write(before)
    block = b"A" * (1 << 20)
    for _ in range(size >> 20):
        stream.write(block)
    stream.write(after)


def _sheet_with_inline_cell(size: int) -> "object":
    def write(stream: "object") -> None:
        head = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                "<sheetData><row r=\"1\">" + "".join(
                    f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>'
                    for i, h in enumerate(TEMPLATE_HEADERS[:20])) + "</row>"
                '<row r="2"><c r="A2" t="inlineStr"><is><t>').encode()
        _huge_text(stream, head, b"</t></is></c></row></sheetData></worksheet>", size)
    return write


def test_one_cell_of_a_gigabyte_is_refused_in_seconds(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "bomb.xlsx", [row_of(SEED, "Ann")])
    _replace_part(path, "xl/worksheets/sheet1.xml", _sheet_with_inline_cell(1 << 30))
    assert path.stat().st_size < 8 << 20  # a few MB on disk
    before = _peak_mb()
    started = time.monotonic()
    results, report = run_group([path])
    assert time.monotonic() - started < 10
    assert results == []
    assert len(report.problems) == 1 and "bomb.xlsx" in report.problems[0]
    assert "would decompress to 1,024 MB" in report.problems[0]
    assert _peak_mb() - before < 100


def test_one_cell_under_the_size_caps_is_stopped_while_streaming(tmp_path: Path) -> None:
    """8 MB in one cell passes the size and ratio checks; the sheet is read through
    CappedXml, which stops at the cell cap without holding the cell."""
    path = _workbook(tmp_path / "cell.xlsx", [row_of(SEED, "Ann")])
    _replace_part(path, "xl/worksheets/sheet1.xml", _sheet_with_inline_cell(8 << 20))
    results, report = run_group([path])
    assert results == []
    assert len(report.problems) == 1 and "cell.xlsx" in report.problems[0]
    assert f"more than {MAX_XML_TEXT_BYTES // 1024} KB of text" in report.problems[0]


def test_declared_size_over_the_cap_is_refused_before_reading(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "big.xlsx", [row_of(SEED, "Ann")])
    _replace_part(path, "xl/worksheets/sheet1.xml", _sheet_with_inline_cell(1100 << 20))
    started = time.monotonic()
    results, report = run_group([path])
    assert time.monotonic() - started < 15
    assert results == [] and "would decompress to" in report.problems[0]


def test_shared_strings_of_gigabytes_are_refused(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "strings.xlsx", [row_of(SEED, "Ann")])

    def strings(stream: "object") -> None:
        head = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                b'count="1" uniqueCount="1"><si><t>')
        _huge_text(stream, head, b"</t></si></sst>", 600 << 20)

    _replace_part(path, "xl/sharedStrings.xml", strings)
    before = _peak_mb()
    started = time.monotonic()
    results, report = run_group([path])
    assert time.monotonic() - started < 10
    assert results == [] and "strings.xlsx" in report.problems[0]
    assert "would decompress to" in report.problems[0]
    assert _peak_mb() - before < 100


def test_shared_string_of_a_megabyte_is_refused(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "one.xlsx", [row_of(SEED, "Ann")])

    def strings(stream: "object") -> None:
        head = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                b'count="1" uniqueCount="1"><si><t>')
        _huge_text(stream, head, b"</t></si></sst>", 8 << 20)

    _replace_part(path, "xl/sharedStrings.xml", strings)
    results, report = run_group([path])
    assert results == [] and "KB of text" in report.problems[0]


def test_declared_sheet_size_pads_no_row_to_16384_columns(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "wide.xlsx", [row_of(SEED, f"P{i}") for i in range(3)])
    with zipfile.ZipFile(path) as source:
        xml = source.read("xl/worksheets/sheet1.xml")
    assert b"<dimension" in xml
    head, tail = xml.split(b"<dimension", 1)
    xml = head + b'<dimension ref="A1:XFD1048576"/>' + tail.split(b"/>", 1)[1]
    _replace_part(path, "xl/worksheets/sheet1.xml", lambda stream: stream.write(xml))
    started = time.monotonic()
    results, report = run_group([path])
    assert time.monotonic() - started < 20
    assert not report.problems
    assert [r.member.name for r in results] == ["P0", "P1", "P2"]


def test_csv_row_with_500000_extra_cells_is_one_issue(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "wide.csv", [row_of(SEED, "Ann"), row_of(SEED, "Bob")])
    with path.open("a", encoding="utf-8") as stream:
        stream.write(",".join(row_of(SEED, "Cy")) + ",x" * 500_000 + "\n")
        stream.write(",".join(row_of(SEED, "Dee")) + "\n")
    started = time.monotonic()
    results, report = run_group([path])
    assert time.monotonic() - started < 10
    assert not report.problems
    assert [r.member.name for r in results] == ["Ann", "Bob", "Cy", "Dee"]
    cy = results[2]
    assert cy.colour_word == "INVALID"
    issues = [i for i in cy.issues if i.question.startswith("column")]
    assert len(issues) == 1 and "499,999 more columns" in issues[0].message


def test_a_normal_workbook_still_reads(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "ok.xlsx", [row_of(SEED, f"P{i}") for i in range(50)])
    assert open_source(path).info.kind == "Excel"
    results, report = run_group([path])
    assert not report.problems and len(results) == 50
