"""The command line's parallel path gives exactly the streaming pipeline's results."""

import csv
from pathlib import Path

import pytest

from app.cli import main
from app.group import parallel
from app.group.parallel import _last_record_end, _record_count
from tests.app.group.people import PARTY_PAID, SEED, row_of, write_csv, write_random_csv


@pytest.fixture(autouse=True)
def _small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "BLOCK_BYTES", 4096)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 1)


def results(path: Path, tmp_path: Path, jobs: int) -> list[dict[str, str]]:
    out = tmp_path / f"out{jobs}.csv"
    assert main(["screen", str(path), "--csv", str(out), "--quiet", "--jobs", str(jobs),
                 "--as-of", "2026-12-01"]) == 0
    with out.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_same_results_as_streaming(tmp_path: Path) -> None:
    path = write_random_csv(tmp_path / "g.csv", 600)
    with path.open("a", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(row_of({**SEED, "B1": "maybe"}, "Line\nbreak, \"quoted\"",
                               "v1@example.org"))
        writer.writerow([])
        writer.writerow(row_of(PARTY_PAID, "Volunteer 3", "", "REF-000003"))
        writer.writerow(row_of(SEED, "=cmd|' /C calc'!A0", "x@example.org"))
    serial = results(path, tmp_path, 1)
    fast = results(path, tmp_path, 2)
    assert fast == serial
    assert len(fast) == 603
    assert fast[600]["Colour"] == "INVALID" and fast[600]["Row"] == "602"
    assert "row 602" in fast[600]["Errors"]
    assert fast[600]["Duplicate"].startswith("possible duplicate of g.csv row 3")
    assert fast[601]["Row"] == "604" and "same name and reference" in fast[601]["Duplicate"]
    assert fast[602]["Name"].startswith("'=")


def test_windows_1252_and_semicolons(tmp_path: Path) -> None:
    rows = [row_of(SEED, f"Zoë {i}", f"z{i}@example.org") for i in range(300)]
    path = write_csv(tmp_path / "g.csv", rows, encoding="cp1252", delimiter=";")
    assert results(path, tmp_path, 2) == results(path, tmp_path, 1)
    assert results(path, tmp_path, 2)[5]["Name"] == "Zoë 5"


def test_damage_mid_file_keeps_rows_before(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "g.csv", [row_of(SEED, f"P{i}") for i in range(400)])
    with path.open("ab") as stream:
        stream.write(b"Cy,\x00\x00,\n")
        stream.write(b"\n".join(b"Dee,federal_candidate" for _ in range(200)) + b"\n")
    rows = results(path, tmp_path, 2)
    assert len(rows) >= 400
    assert all(row["Name"].startswith("P") for row in rows)
    assert "NUL" in capsys.readouterr().err


@pytest.mark.parametrize(("data", "end"), [
    (b"a,b\nc,d\n", 7), (b'a,"b\nc",d\n', 9), (b'a,"b\nc', -1), (b"no newline", -1)])
def test_record_boundaries(data: bytes, end: int) -> None:
    assert _last_record_end(data) == end


@pytest.mark.parametrize(("data", "count"), [
    (b"a\nb\n", 2), (b'"x\ny"\nz\n', 2), (b"a\nb", 2), (b"\n\n", 2)])
def test_record_count(data: bytes, count: int) -> None:
    assert _record_count(data) == count


def test_results_file_is_byte_for_byte_the_streaming_one(tmp_path: Path) -> None:
    """The workers render the CSV rows (the parent only fills in duplicates): the file must be
    exactly what the one-process path writes, quoting, duplicates and all."""
    path = write_random_csv(tmp_path / "g.csv", 500)
    with path.open("a", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(row_of(SEED, 'Smith, "Ann"\nJr', "v1@example.org"))
        writer.writerow(row_of(PARTY_PAID, "Volunteer 3", "", "REF-000003"))
        writer.writerow(row_of(SEED, "=cmd|' /C calc'!A0", "x@example.org"))
        writer.writerow(row_of({**SEED, "D3": "1.200"}, "Ambiguous, amount"))
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"r{jobs}.csv"
        assert main(["screen", str(path), "--csv", str(out), "--quiet", "--jobs", jobs,
                     "--as-of", "2026-12-01"]) == 0
        outputs[jobs] = out.read_bytes()
    assert outputs["2"] == outputs["1"]
    assert b"possible duplicate of g.csv row" in outputs["2"]
    # With a second output the workers send cells instead; both files still match.
    out_csv, out_xlsx = tmp_path / "both.csv", tmp_path / "both.xlsx"
    assert main(["screen", str(path), "--csv", str(out_csv), "--xlsx", str(out_xlsx),
                 "--quiet", "--jobs", "2", "--as-of", "2026-12-01"]) == 0
    assert out_csv.read_bytes() == outputs["1"]


@pytest.mark.parametrize("duplicate", ["", "possible duplicate of a.csv row 2 (same email)",
                                       'possible duplicate of "odd, name".csv row 2 (same email)'])
def test_csv_text_parts_match_the_csv_writer(duplicate: str) -> None:
    import io

    from app.group.export import DUPLICATE_COLUMN, RESULT_HEADERS, CsvText

    cells: list[object] = [f"cell {i}" for i in range(len(RESULT_HEADERS))]
    cells[2], cells[3], cells[1] = 'A "quoted", name', "line\nbreak", 7
    cells[DUPLICATE_COLUMN] = duplicate
    expected = io.StringIO()
    csv.writer(expected).writerow(cells)
    text = CsvText()
    head, tail = text.parts([*cells[:DUPLICATE_COLUMN], "", *cells[DUPLICATE_COLUMN + 1:]])
    assert head + (text.field(duplicate) if duplicate else "") + tail == expected.getvalue()


def test_a_filled_in_csv_template_in_parallel(tmp_path: Path) -> None:
    from app.group.templates import csv_template

    path = tmp_path / "filled.csv"
    path.write_bytes(b"\xef\xbb\xbf# a note above the header\r\n" + csv_template()[3:])
    with path.open("a", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        for i in range(300):
            writer.writerow(row_of(SEED, f"P{i}", f"p{i}@example.org"))
            if i % 50 == 0:
                writer.writerow(["# a comment between people"])
    serial = results(path, tmp_path, 1)
    assert results(path, tmp_path, 2) == serial
    assert len(serial) == 300 and serial[0]["Row"] == "7"  # note, header, 4 comments
