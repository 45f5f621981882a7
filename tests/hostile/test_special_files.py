"""Issue 10: devices, named pipes and symlinks to them are refused at once, never read."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.answers_file import AnswersFileError, read_answers_file
from app.cli import main
from app.group.project import open_project
from app.group.reading import open_source
from tests.app.group.people import SEED, row_of, write_csv

ROOT = Path(__file__).resolve().parents[2]


def _specials(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    to_zero = tmp_path / "zero.json"
    to_zero.symlink_to("/dev/zero")
    to_fifo = tmp_path / "to-pipe.csv"
    to_fifo.symlink_to(fifo)
    return {"/dev/zero": Path("/dev/zero"), "/dev/urandom": Path("/dev/urandom"),
            "fifo": fifo, "symlink to /dev/zero": to_zero, "symlink to a fifo": to_fifo}


KINDS = ["/dev/zero", "/dev/urandom", "fifo", "symlink to /dev/zero", "symlink to a fifo"]


@pytest.mark.parametrize("kind", KINDS)
def test_readers_refuse_at_once(tmp_path: Path, kind: str) -> None:
    path = _specials(tmp_path)[kind]
    started = time.monotonic()
    for read in (read_answers_file, open_source, open_project):
        with pytest.raises(AnswersFileError) as caught:
            read(path)
        assert "device" in caught.value.problem or "named pipe" in caught.value.problem
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("kind", KINDS)
def test_cli_refuses_as_input_and_as_defaults(tmp_path: Path, kind: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = _specials(tmp_path)[kind]
    good = write_csv(tmp_path / "team.csv", [row_of(SEED, "Ann")])
    assert main(["assess", str(path)]) == 2
    assert "only regular files" in capsys.readouterr().err
    assert main(["screen", str(path), str(good), "--quiet"]) == 0  # the other input is read
    out, err = capsys.readouterr()
    assert "(1 person)" in out and "only regular files" in err
    assert main(["screen", str(good), "--defaults", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("error: ") and "only regular files" in err


def test_cli_subprocess_with_a_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "team.csv"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "app.cli", "screen", str(fifo), "--defaults",
                           "/dev/urandom"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "/dev/urandom" in done.stderr


@pytest.mark.parametrize(("content", "words"), [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"A1": ' + "9" * 5000 + "}", "cannot be read as"),
    ('{"defaults": {"D3": ' + "1" * 5000 + "}}", "cannot be read as"),
    ("{not json", "is not valid JSON"),
    ('{"A1": "no_such_code"}', "A1"),
    ('"just a string"', "expected an object"),
])
def test_defaults_file_is_read_like_an_answers_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, words: str) -> None:
    defaults = tmp_path / "defaults.json"
    defaults.write_text(content, "utf-8")
    good = write_csv(tmp_path / "team.csv", [row_of(SEED, "Ann")])
    assert main(["screen", str(good), "--defaults", str(defaults)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and words in err and "defaults.json" in err


def test_defaults_from_a_project_file_still_work(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "g.vcgroup.json"
    project.write_text(json.dumps({"kind": "volunteer-check-group", "schema_version": 1,
                                   "defaults": {"A1": "federal_candidate"}, "people": []}))
    answers = {k: v for k, v in SEED.items() if k != "A1"}
    good = write_csv(tmp_path / "team.csv", [row_of(answers, "Ann")])
    assert main(["screen", str(good), "--defaults", str(project), "--quiet"]) == 0
    assert "AMBER 1" in capsys.readouterr().out
