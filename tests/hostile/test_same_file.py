"""Issue 10: an output that is an input, a folder, or another output is refused before
anything is written (like cp's "are the same file")."""

import json
import os
from pathlib import Path

import pytest

from app.cli import main
from tests.app.group.people import SEED, row_of, write_csv


@pytest.fixture
def team(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "team.csv", [row_of(SEED, "Ann"), row_of(SEED, "Bob")])


def _refused(capsys: pytest.CaptureFixture[str], argv: list[str], words: str,
             untouched: dict[Path, bytes]) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("error: ") and err.count("\n") == 1
    assert words in err
    for path, data in untouched.items():
        assert path.read_bytes() == data
    leftovers = [p.name for p in next(iter(untouched)).parent.iterdir()
                 if p.name.startswith(".")]
    assert leftovers == []


@pytest.mark.parametrize("flag", ["--csv", "--xlsx", "--pdf"])
def test_screen_output_is_the_input(team: Path, capsys: pytest.CaptureFixture[str],
                                    flag: str) -> None:
    before = team.read_bytes()
    _refused(capsys, ["screen", str(team), flag, str(team)], "same file", {team: before})


def test_screen_output_reached_another_way(team: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    before = team.read_bytes()
    link = tmp_path / "link.csv"
    link.symlink_to(team)
    hard = tmp_path / "hard.csv"
    os.link(team, hard)
    for other in (link, hard, tmp_path / "sub" / ".." / "team.csv"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        _refused(capsys, ["screen", str(team), "--csv", str(other)], "same file",
                 {team: before})


def test_screen_output_is_a_file_inside_an_input_folder(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    folder = tmp_path / "people"
    folder.mkdir()
    answers = folder / "ann.json"
    answers.write_text(json.dumps({"schema_version": 1, "answers": SEED}), "utf-8")
    before = answers.read_bytes()
    _refused(capsys, ["screen", str(folder), "--csv", str(answers)], "same file",
             {answers: before})


def test_screen_same_path_for_two_outputs(team: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    _refused(capsys, ["screen", str(team), "--csv", str(out), "--xlsx", str(out)],
             "both --csv and --xlsx", {team: team.read_bytes()})
    assert not out.exists()
    _refused(capsys, ["screen", str(team), "--xlsx", str(out), "--pdf", str(out)],
             "both --xlsx and --pdf", {team: team.read_bytes()})


@pytest.mark.parametrize("flag", ["--csv", "--xlsx", "--pdf"])
def test_screen_output_folder_is_refused_before_screening(
        team: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str) -> None:
    folder = tmp_path / "results"
    folder.mkdir()
    _refused(capsys, ["screen", str(team), flag, str(folder)], "is a folder",
             {team: team.read_bytes()})
    assert list(folder.iterdir()) == []


def test_assess_pdf_over_its_own_answers_file(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"schema_version": 1, "answers": SEED}), "utf-8")
    before = answers.read_bytes()
    _refused(capsys, ["assess", str(answers), "--pdf", str(answers)], "same file",
             {answers: before})
    _refused(capsys, ["assess", str(answers), "--pdf", str(tmp_path)], "is a folder",
             {answers: before})


def test_distinct_outputs_still_work(team: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", str(team), "--csv", str(tmp_path / "r.csv"), "--xlsx",
                 str(tmp_path / "r.xlsx"), "--quiet"]) == 0
    assert "(2 people)" in capsys.readouterr().out
    assert (tmp_path / "r.csv").is_file() and (tmp_path / "r.xlsx").is_file()
