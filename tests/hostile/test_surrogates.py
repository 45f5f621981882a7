"""Issue 10: lone surrogates ("\\udfff" escapes in JSON) refuse one file, never the group."""

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.answers_file import AnswersFileError, read_answers_file, write_text_atomically
from app.cli import main
from app.group.export import open_writer
from app.group.project import open_project
from tests.app.group.conftest import run_group
from tests.app.group.people import SEED

_GOOD = {"schema_version": 1, "answers": SEED, "person": {"name": "Ann", "email": "",
                                                           "reference": ""}}

# Raw JSON text: json.dumps would write the surrogate escape the same way.
PLACES: dict[str, str] = {
    "answer value": '"B1": "\\udfff"',
    "answers key": '"\\udfffB1": "no"',
    "list item": '"F": ["canvass_phone_text", "\\ud800"]',
    "reversed pair": '"B1": "\\udc00\\ud800"',
}


def _bad(path: Path, place: str) -> Path:
    answers = json.dumps({k: v for k, v in SEED.items() if k not in ("B1", "F")})
    text = ('{"schema_version": 1, "answers": ' + answers[:-1] + ", " + PLACES[place]
            + '}, "person": {"name": "Bad"}}')
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize("place", PLACES)
def test_read_refuses_naming_where(tmp_path: Path, place: str) -> None:
    path = _bad(tmp_path / "bad.json", place)
    with pytest.raises(AnswersFileError, match="not valid Unicode at answers"):
        read_answers_file(path)


def test_name_and_saved_colour_are_refused_too(tmp_path: Path) -> None:
    for where, content in (("person.name", {**_GOOD, "person": {"name": "\udfff"}}),
                           ("result.colour", {**_GOOD, "result": {"colour": "\ud800"}})):
        path = tmp_path / "x.json"
        path.write_text(json.dumps(content), "utf-8")
        with pytest.raises(AnswersFileError, match=f"not valid Unicode at {where}"):
            read_answers_file(path)


def test_a_valid_pair_is_an_ordinary_character(tmp_path: Path) -> None:
    path = tmp_path / "emoji.json"
    path.write_text(json.dumps({**_GOOD, "person": {"name": "Ann \U0001f600"}}), "utf-8")
    assert read_answers_file(path).person.name == "Ann \U0001f600"


def test_one_bad_file_in_fifty_screens_and_exports_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    for index in range(49):
        content: dict[str, Any] = {**_GOOD, "person": {"name": f"P{index}"}}
        (folder / f"p{index:02d}.json").write_text(json.dumps(content), "utf-8")
    _bad(folder / "p25x.json", "answer value")
    results, report = run_group([folder])
    assert len(results) == 49
    assert len(report.problems) == 1 and "p25x.json" in report.problems[0]
    for out in (tmp_path / "r.csv", tmp_path / "r.xlsx"):
        with open_writer(out, "2026-12-01") as writer:
            for result in results:
                writer.write(result)
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == 49
    assert load_workbook(tmp_path / "r.xlsx")["Results"].max_row == 50


def test_cli_assess_one_line_error_exit_2(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = _bad(tmp_path / "bad.json", "answers key")
    assert main(["assess", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and "bad.json" in err
    assert "not valid Unicode" in err
    assert main(["assess", str(path), "--json"]) == 2
    out, _ = capsys.readouterr()
    assert json.loads(out)["errors"][0]["code"] == "FILE"


def test_cli_screen_reads_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_GOOD), "utf-8")
    bad = _bad(tmp_path / "bad.json", "list item")
    out_csv = tmp_path / "r.csv"
    assert main(["screen", str(good), str(bad), "--csv", str(out_csv), "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert "(1 person)" in out
    assert "bad.json" in err and "not valid Unicode" in err
    assert out_csv.is_file()


def test_project_with_a_surrogate_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.vcgroup.json"
    path.write_text(json.dumps({"kind": "volunteer-check-group", "schema_version": 1,
                                "defaults": {}, "people": [
                                    {"name": "x\udfff", "answers": {}}]}), "utf-8")
    with pytest.raises(AnswersFileError, match=r"people\[0\]\.name"):
        open_project(path)


def test_saving_a_surrogate_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "a.json"
    target.write_text("old", "utf-8")
    with pytest.raises(AnswersFileError, match="not valid Unicode"):
        write_text_atomically(target, '{"name": "\udfff"}')
    assert target.read_text("utf-8") == "old"
    assert sorted(p.name for p in folder.iterdir()) == ["a.json"]
