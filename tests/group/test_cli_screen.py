"""`volunteer-check screen`: outputs, counts, progress and exit codes."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from tests.group.people import PARTY_PAID, SEED, US_LOCAL, row_of, write_csv

ROOT = Path(__file__).resolve().parents[2]


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
