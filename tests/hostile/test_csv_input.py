"""Issue 10: CSV line ends (CR only, mixed) and damaged UTF-16 are read or refused clearly."""

import codecs
import csv
import io
from pathlib import Path

import pytest

from app.cli import main
from app.group import parallel
from app.group.reading import MAX_LINE_BYTES
from app.group.templates import TEMPLATE_HEADERS
from tests.app.group.conftest import run_group
from tests.app.group.people import SEED, row_of


def _csv_text(rows: list[list[str]], terminator: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=terminator, quoting=csv.QUOTE_ALL)
    writer.writerow(TEMPLATE_HEADERS)
    writer.writerows(rows)
    return buffer.getvalue()


def _names(path: Path) -> list[str]:
    results, report = run_group([path])
    assert not report.problems, report.problems
    return [result.member.name for result in results]


@pytest.mark.parametrize("terminator", ["\r", "\n", "\r\n"])
def test_every_line_end_reads_every_row(tmp_path: Path, terminator: str) -> None:
    rows = [row_of(SEED, f"P{i}", f"p{i}@example.org") for i in range(5)]
    path = tmp_path / "team.csv"
    path.write_bytes(_csv_text(rows, terminator).encode())
    assert _names(path) == [f"P{i}" for i in range(5)]


def test_mixed_line_ends_and_a_line_break_inside_quotes(tmp_path: Path) -> None:
    rows = [row_of(SEED, f"P{i}") for i in range(6)]
    rows[3] = row_of(SEED, "Two\rlines")
    lines = _csv_text(rows, "\n").split("\n")
    text = lines[0] + "\r" + lines[1] + "\r\n" + lines[2] + "\n" + "\r".join(lines[3:])
    path = tmp_path / "mixed.csv"
    path.write_bytes(text.encode())
    results, report = run_group([path])
    assert not report.problems
    assert [r.member.name for r in results] == ["P0", "P1", "P2", "Two\rlines", "P4", "P5"]
    assert [r.member.row for r in results] == [2, 3, 4, 5, 6, 7]
    assert all(r.colour_word == "AMBER" for r in results)


def test_cr_only_file_larger_than_the_line_limit(tmp_path: Path) -> None:
    row = ",".join(row_of(SEED, "P", "p@example.org"))
    count = MAX_LINE_BYTES // len(row) + 500
    path = tmp_path / "mac.csv"
    path.write_bytes(("\r".join([",".join(TEMPLATE_HEADERS), *[row] * count]) + "\r").encode())
    assert path.stat().st_size > MAX_LINE_BYTES
    results, report = run_group([path])
    assert not report.problems
    assert len(results) == count


def test_parallel_path_reads_lone_carriage_returns_like_streaming(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "BLOCK_BYTES", 4096)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 1)
    rows = [row_of(SEED, f"P{i}", f"p{i}@example.org") for i in range(300)]
    text = _csv_text(rows, "\r\n")
    cut = len(text) // 2
    cut = text.index("\r\n", cut)
    # CRLF in the first half (so the file is taken in parallel), CR only after it
    path = tmp_path / "g.csv"
    path.write_bytes((text[:cut] + text[cut:].replace("\r\n", "\r")).encode())
    outs = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}.csv"
        assert main(["screen", str(path), "--csv", str(out), "--quiet", "--jobs", str(jobs),
                     "--as-of", "2026-12-01"]) == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    table = list(csv.DictReader(io.StringIO(outs[1].decode("utf-8-sig"))))
    assert len(table) == 300 and table[-1]["Row"] == "301" and table[-1]["Name"] == "P299"


def _utf16(rows: list[list[str]]) -> bytes:
    return codecs.BOM_UTF16_LE + _csv_text(rows, "\r\n").encode("utf-16-le")


def test_utf16_reads_every_row(tmp_path: Path) -> None:
    path = tmp_path / "u.csv"
    path.write_bytes(_utf16([row_of(SEED, "Zoë"), row_of(SEED, "A\u2028B")]))
    assert _names(path) == ["Zoë", "A\u2028B"]  # U+2028 is not a line end in CSV


@pytest.mark.parametrize(("damage", "words"), [
    (b"\x41", "ends in the middle of a character"),
    ("\udc00".encode("utf-16-le", "surrogatepass") + "x,y\r\n".encode("utf-16-le"),
     "unpaired surrogate"),
    ("\ud800".encode("utf-16-le", "surrogatepass") + "x,y\r\n".encode("utf-16-le"),
     "not valid UTF-16"),
])
def test_damaged_utf16_is_a_clear_error_and_keeps_rows_before(
        tmp_path: Path, damage: bytes, words: str) -> None:
    path = tmp_path / "u.csv"
    path.write_bytes(_utf16([row_of(SEED, "Ann"), row_of(SEED, "Bob")]) + damage)
    results, report = run_group([path])
    assert [r.member.name for r in results] == ["Ann", "Bob"]
    assert len(report.problems) == 1
    assert "u.csv" in report.problems[0] and "not valid UTF-16" in report.problems[0]
    assert words in report.problems[0]


def test_header_cell_over_the_csv_field_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text('name,A1,"' + "x" * 200_000 + '"\nAnn,federal_candidate,x\n', "utf-8")
    results, report = run_group([path])
    assert results == []
    assert len(report.problems) == 1 and "wide.csv" in report.problems[0]
