"""`volunteer-check screen`: outputs, counts, progress and exit codes."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from tests.app.group.people import PARTY_PAID, SEED, US_LOCAL, row_of, write_csv

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def group_csv(tmp_path: Path) -> Path:
    rows = [row_of(SEED, "Ann"), row_of(PARTY_PAID, "Bob"), row_of(US_LOCAL, "Cy"),
            row_of({**SEED, "B1": "maybe"}, "Dee")]
    return write_csv(tmp_path / "group.csv", rows)


def test_counts_outputs_and_exit_0(group_csv: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    out_csv, out_xlsx = tmp_path / "r.csv", tmp_path / "r.xlsx"
    code = main(["screen", str(group_csv), "--csv", str(out_csv), "--xlsx", str(out_xlsx),
                 "--as-of", "2026-12-01"])
    captured = capsys.readouterr()
    assert code == 0
    assert "RED 1  AMBER 1  GREEN 1  INVALID 1  (4 people)" in captured.out
    assert "group: RED" in captured.out
    assert "results written" in captured.err and "group.csv: 4 people" in captured.err
    with out_csv.open(encoding="utf-8-sig") as stream:
        assert [r["Colour"] for r in csv.DictReader(stream)] == ["AMBER", "RED", "GREEN",
                                                                 "INVALID"]
    assert out_xlsx.stat().st_size > 0


@pytest.mark.parametrize(("fail_on", "rows", "expected"), [
    ("red", [SEED, PARTY_PAID], 1),
    ("red", [SEED, US_LOCAL], 0),
    ("amber", [SEED, US_LOCAL], 1),
    ("amber", [US_LOCAL], 0),
    ("amber", [US_LOCAL, {**US_LOCAL, "B1": "?"}], 1),
    (None, [PARTY_PAID], 0),
])
def test_fail_on(tmp_path: Path, fail_on: str | None, rows: list, expected: int) -> None:
    path = write_csv(tmp_path / "g.csv", [row_of(r, f"P{i}") for i, r in enumerate(rows)])
    args = ["screen", str(path), "--quiet", "--as-of", "2026-12-01"]
    if fail_on:
        args += ["--fail-on", fail_on]
    assert main(args) == expected


def test_nothing_readable_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.csv"
    bad.write_bytes(b"")
    assert main(["screen", str(bad), str(tmp_path / "missing.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "x.csv: file is empty" in err and "missing.xlsx: file not found" in err
    assert "nobody could be read" in err


def test_some_bad_inputs_still_exit_0(group_csv: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.csv"
    bad.write_bytes(b"\x89PNG\r\n")
    assert main(["screen", str(bad), str(group_csv), "--quiet"]) == 0
    assert "PNG image" in capsys.readouterr().err


def test_defaults_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own = {k: v for k, v in PARTY_PAID.items() if k not in ("D1", "A1")}
    path = write_csv(tmp_path / "g.csv", [row_of(own, "Ann"), row_of({**own, "D1": "self",
                                                                     "D3": 500}, "Bob")])
    defaults = tmp_path / "defaults.json"
    defaults.write_text(json.dumps({"A1": "federal_candidate", "D1": "foreign_party"}))
    out = tmp_path / "r.csv"
    assert main(["screen", str(path), "--defaults", str(defaults), "--csv", str(out),
                 "--quiet"]) == 0
    with out.open(encoding="utf-8-sig") as stream:
        table = list(csv.DictReader(stream))
    assert [r["Colour"] for r in table] == ["RED", "AMBER"]
    assert table[0]["Group defaults used"] == "A1 D1"
    assert table[1]["Group defaults used"] == "A1"
    defaults.write_text(json.dumps({"A1": "martian"}))
    assert main(["screen", str(path), "--defaults", str(defaults)]) == 2
    assert "allowed: federal_candidate" in capsys.readouterr().err


def test_bad_as_of_and_output(group_csv: Path, tmp_path: Path) -> None:
    assert main(["screen", str(group_csv), "--as-of", "1970-01-01"]) == 2
    assert main(["screen", str(group_csv), "--csv", str(tmp_path / "no" / "r.csv")]) == 2


def test_subprocess_progress_and_folder(tmp_path: Path) -> None:
    from app.answers_file import AnswersDocument, write_answers_file
    from rules import Person

    folder = tmp_path / "answers"
    folder.mkdir()
    for index in range(3):
        write_answers_file(folder / f"p{index}.json",
                           AnswersDocument(SEED, Person(name=f"P{index}")))
    done = subprocess.run([sys.executable, "-m", "app.cli", "screen", str(folder)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "AMBER 3" in done.stdout
    assert "read 3 answers files" in done.stderr


def test_output_format_comes_from_the_flag(group_csv: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """QA: `--csv /nonexistent/out` said 'results can be written as .csv or .xlsx'."""
    assert main(["screen", str(group_csv), "--csv", "/nonexistent/out"]) == 2
    err = capsys.readouterr().err
    assert "folder /nonexistent does not exist" in err and "can be written as" not in err
    out_csv, out_xlsx = tmp_path / "results", tmp_path / "results.dat"
    assert main(["screen", str(group_csv), "--csv", str(out_csv), "--xlsx", str(out_xlsx),
                 "--quiet"]) == 0
    assert out_csv.read_bytes().startswith(b"\xef\xbb\xbfSource,Row,Name")
    assert out_xlsx.read_bytes().startswith(b"PK\x03\x04")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_unwritable_pdf_folder_fails_before_screening(group_csv: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """QA: `--pdf /proc/x.pdf` said 'No such file or directory' for a folder that exists."""
    assert main(["screen", str(group_csv), "--pdf", "/proc/x.pdf"]) == 2
    captured = capsys.readouterr()
    assert "/proc/x.pdf: cannot be written there" in captured.err
    assert "No such file" not in captured.err
    assert "read " not in captured.err and not captured.out  # nobody screened for nothing


def test_quiet_prints_only_counts_and_errors(group_csv: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.csv"
    bad.write_bytes(b"")
    code = main(["screen", str(group_csv), str(bad), "--csv", str(tmp_path / "r.csv"),
                 "--quiet"])
    captured = capsys.readouterr()
    assert code == 0
    assert captured.err.splitlines() == [f"error: {bad}: file is empty"]
    assert captured.out.startswith("RED 1  AMBER 1  GREEN 1  INVALID 1  (4 people)")


def test_one_person(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "g.csv", [row_of(SEED, "Ann")])
    assert main(["screen", str(path), "--quiet"]) == 0
    assert "(1 person)" in capsys.readouterr().out


def test_folder_says_which_spreadsheets_it_skipped(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """QA: `screen FOLDER` silently skipped the CSV/XLSX files in it."""
    from app.answers_file import AnswersDocument, write_answers_file
    from rules import Person

    folder = tmp_path / "team"
    (folder / "sub").mkdir(parents=True)
    write_answers_file(folder / "ann.json", AnswersDocument(SEED, Person(name="Ann")))
    write_csv(folder / "sub" / "more.csv", [row_of(PARTY_PAID, "Bob")])
    (folder / "book.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "~$book.xlsx").write_bytes(b"lock")
    (folder / "notes.md").write_text("not a spreadsheet")
    assert main(["screen", str(folder), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "AMBER 1" in captured.out and "(1 person)" in captured.out
    warning = captured.err.strip()
    assert warning.startswith("warning: skipped 2 spreadsheets in folders")
    assert str(folder / "book.xlsx") in warning and str(folder / "sub" / "more.csv") in warning
    assert "~$" not in warning and "notes.md" not in warning
    assert "answers files (.json) only" in warning and "name the file itself" in warning


def test_answers_the_branching_skips_are_listed_as_ignored(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    """An employer given for annual leave changes nothing: the results say it was ignored
    instead of dropping it silently."""
    people = write_csv(tmp_path / "g.csv", [row_of({**SEED, "C3": "foreign_party"}, "Ann")])
    out_csv = tmp_path / "r.csv"
    assert main(["screen", str(people), "--csv", str(out_csv), "--as-of", "2026-12-01"]) == 0
    capsys.readouterr()
    with out_csv.open(encoding="utf-8-sig") as stream:
        (row,) = list(csv.DictReader(stream))
    assert row["Colour"] == "AMBER" and row["Ignored answers"] == "C3"
