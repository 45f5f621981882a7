"""Issue 10: nothing a volunteer wrote can rewrite the organiser's terminal."""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.terminal import printable, printable_json, printable_lines
from tests.app.group.people import SEED, row_of, write_csv
from tests.hostile.payloads import TERMINAL

# What must never reach the terminal raw (line feeds are allowed between our own lines).
_RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert not _RAW.search(out), repr(out)
    assert not _RAW.search(err), repr(err)
    return code, out, err


@pytest.mark.parametrize("payload", TERMINAL)
def test_printable_escapes_visibly(payload: str) -> None:
    line = printable(payload)
    assert not _RAW.search(line) and "\n" not in line
    assert "Ann" in line or "Overall" in line  # the readable part stays
    assert "\\" in line  # the unsafe part is shown, not dropped


def test_printable_lines_keeps_line_breaks_only() -> None:
    assert printable_lines("a\nb\x1b[2K\r") == "a\nb\\x1b[2K\\r"


def test_printable_json_is_the_same_value() -> None:
    value = {"name": "x\x9b\u202e\udfff\x1b"}
    text = printable_json(json.dumps(value, ensure_ascii=False))
    assert not _RAW.search(text)
    assert json.loads(text) == value


def _answers(path: Path, name: str, answers: dict[str, Any], colour: str = "GREEN") -> Path:
    content = {"schema_version": 1, "answers": answers,
               "person": {"name": name, "email": "", "reference": ""},
               "result": {"colour": colour, "ruleset": "2026.11.1"}}
    path.write_text(json.dumps(content), "utf-8")
    return path


@pytest.mark.parametrize("payload", TERMINAL)
def test_assess_text_escapes_names_colours_and_values(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], payload: str) -> None:
    valid = _answers(tmp_path / "valid.json", payload, dict(SEED), colour=payload)
    code, out, _ = _cli(capsys, "assess", str(valid), "--as-of", "2026-12-01")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("Volunteer Check assessment: ") and "\\" in first
    assert sum(line.startswith("Overall:") for line in out.splitlines()) == 1
    invalid = _answers(tmp_path / "bad.json", payload, {**SEED, "B1": payload, payload: "x"})
    code, out, _ = _cli(capsys, "assess", str(invalid), "--as-of", "2026-12-01")
    assert code == 2
    assert "cannot be assessed" in out
    assert not any(line.startswith("Overall:") for line in out.splitlines())


@pytest.mark.parametrize("payload", TERMINAL)
def test_assess_json_is_escaped_and_still_the_same_json(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], payload: str) -> None:
    invalid = _answers(tmp_path / "bad.json", payload, {**SEED, "B1": payload})
    code, out, _ = _cli(capsys, "assess", str(invalid), "--json", "--as-of", "2026-12-01")
    assert code == 2
    errors = json.loads(out)["errors"]
    # the value is still there, exactly, once the JSON is decoded
    assert any(e.get("value") == payload or payload in e.get("message", "") for e in errors)


def test_screen_escapes_file_names_headers_and_problems(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    for index, payload in enumerate(TERMINAL):
        name = payload.replace("/", "_").replace("\n", "_nl_")
        _answers(folder / f"{name}{index}.json", payload, dict(SEED))
        (folder / f"{name}{index}-broken.json").write_text("{not json", "utf-8")
    write_csv(folder / "\x1b[2Kskipped.csv", [row_of(SEED, "x")])
    headers = ("name", "A1", "\x1b[2KOverall: GREEN\x07", "B1")
    sheet = write_csv(tmp_path / "\x1b]0;t\x07.csv", [["Ann", "federal_candidate", "x", "no"]],
                      headers=headers)
    code, out, err = _cli(capsys, "screen", str(folder), str(sheet), "--as-of", "2026-12-01")
    assert code == 0
    assert f"({len(TERMINAL) + 1} people)" in out
    assert err.count("error: ") >= len(TERMINAL)
    assert "\\x1b[2K" in err and "warning: skipped a spreadsheet" in err
    assert "ignored columns: \\x1b[2KOverall: GREEN\\x07" in err
