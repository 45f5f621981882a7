"""`volunteer-check assess` and `volunteer-check rules`, in process and as the installed script."""

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.answers_file import AnswersDocument, write_answers_file
from app.cli import main
from rules import RULES, Person
from tests.scenarios import SEED as SCENARIO

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "volunteer-check"
AS_OF = ["--as-of", "2026-11-28"]
SEED: dict[str, Any] = {k: v for k, v in SCENARIO.items() if k != "A2"}


def answers_file(folder: Path, answers: dict[str, Any], name: str = "jane.json",
                 colour: str | None = None) -> Path:
    path = folder / name
    write_answers_file(path, AnswersDocument(answers, Person(name="Jane Doe")), colour)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# assess: text ---------------------------------------------------------------------------


def test_assess_prints_the_result_in_words(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assess", str(answers_file(tmp_path, SEED)), *AS_OF)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Volunteer Check assessment: Jane Doe"
    assert "Overall: AMBER   (election law: GREEN; immigration: AMBER)" in out
    election, immigration = out.split("Findings (election law):")[1].split(
        "Immigration (not election law):")
    assert "[GREEN] R11 COMP-NONE" in election and "R73" not in election
    assert "[AMBER, high] R73 IMM-REMUNERATION" in immigration
    assert "What would make this green: Pay your own travel" in immigration
    assert "-> If you paid your own travel, lodging and meals" in immigration
    assert "Ruleset 2026.11.3" in out and "assessed as of 2026-11-28" in out
    assert "It is not legal advice" in out


def test_assess_exits_0_whatever_the_colour(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    red = {**SEED, "D1": ["foreign_party"]}
    del red["D3"]
    code, out, _ = run(capsys, "assess", str(answers_file(tmp_path, red)), *AS_OF)
    assert code == 0 and "Overall: RED" in out and "[RED] R31" in out
    green = {**{k: v for k, v in SEED.items() if k not in ("D5", "E3")}, "E1": ["self_paid"],
             "B9": "incidental_to_holiday_or_family_visit", "B11": 7}
    code, out, _ = run(capsys, "assess", str(answers_file(tmp_path, green, "g.json")), *AS_OF)
    assert code == 0 and "Overall: GREEN" in out


def test_unverified_citations_print_as_reported(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    paid = {**SEED, "C1": ["campaign"]}
    code, out, _ = run(capsys, "assess", str(answers_file(tmp_path, paid)), *AS_OF)
    assert code == 0
    salary = [line for line in out.splitlines() if "paying Canadian staff" in line]
    assert salary and all(line.startswith("    - Reported: FEC AO 2007-22") for line in salary)
    assert "UNVERIFIED" not in out and "[V]" not in out


def test_a_file_saved_under_another_colour_says_so(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = answers_file(tmp_path, SEED, colour="GREEN")
    code, out, _ = run(capsys, "assess", str(path), *AS_OF)
    assert code == 0 and "this file was saved as GREEN" in out and "it is now AMBER" in out
    code, out, _ = run(capsys, "assess", "--json", str(path), *AS_OF)
    assert json.loads(out)["changed_from"] == "GREEN"


# assess: JSON ---------------------------------------------------------------------------


def test_assess_json_has_the_whole_result(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = answers_file(tmp_path, {**SEED, "C1": ["unknown"]})
    code, out, _ = run(capsys, "assess", "--json", str(path), *AS_OF)
    assert code == 0
    result = json.loads(out)
    assert result["file"] == str(path)
    assert (result["colour"], result["election_colour"]) == ("AMBER", "AMBER")
    assert result["areas"]["immigration"] == "AMBER" and result["areas"]["resources"] is None
    assert set(result["areas"]) == {"campaign", "status", "compensation", "travel", "housing",
                                    "role", "resources", "immigration"}
    by_rule = {f["rule"]: f for f in result["findings"]}
    assert list(by_rule)[:2] == ["R20", "R73"]  # amber high, in rule order
    r20 = by_rule["R20"]
    assert {"rule", "colour", "text", "remedy", "citations", "counterfactuals"} <= set(r20)
    assert r20["colour"] == "AMBER" and r20["severity"] == "high" and r20["remedy"]
    assert all({"label", "url", "verification", "authority"} <= set(c)
               for c in r20["citations"])
    assert r20["counterfactuals"][0]["changes"] == {"C1": ["none"]}
    assert r20["counterfactuals"][0]["colour"] == "AMBER"  # R73 is still there
    assert result["missing"] == [{"question": "C1", "prompt": result["missing"][0]["prompt"]}]
    assert result["ruleset"] == {"version": "2026.11.3", "research_reviewed": "2025-07-31"}
    assert result["as_of"] == "2026-11-28" and result["status"] == "foreign_national"


def test_assess_json_is_deterministic(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = str(answers_file(tmp_path, SEED))
    first = run(capsys, "assess", "--json", path, *AS_OF)[1]
    assert run(capsys, "assess", "--json", path, *AS_OF)[1] == first


# assess: bad input -----------------------------------------------------------------------


def test_invalid_answers_exit_2_listing_the_v_errors(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    bad = {**SEED, "B1": "yes", "D3": -5, "F": None}
    path = answers_file(tmp_path, bad)
    code, out, _ = run(capsys, "assess", str(path), *AS_OF)
    assert code == 2
    assert "The answers cannot be assessed yet:" in out
    assert re.search(r"V02 B4 .*contradicts B1=yes", out)
    assert re.search(r"V03 D3 .*cannot be negative", out)
    code, out, _ = run(capsys, "assess", "--json", str(path), *AS_OF)
    assert code == 2
    errors = json.loads(out)["errors"]
    # Every issue at once: the contradiction, the range and the missing answer.
    assert [(e["code"], e["question"]) for e in errors] == [
        ("V02", "B4"), ("V03", "D3"), ("V01", "F")]
    assert all(e["message"] for e in errors)


def test_missing_answers_exit_2_with_v01(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = answers_file(tmp_path, {k: v for k, v in SEED.items() if k not in ("A1", "F")})
    code, out, _ = run(capsys, "assess", "--json", str(path), *AS_OF)
    assert code == 2
    assert [(e["code"], e["question"]) for e in json.loads(out)["errors"]] == [
        ("V01", "A1"), ("V01", "F")]


@pytest.mark.parametrize(("content", "problem"), [
    (b"{not json", "is not valid JSON"),
    (b"", "file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\xff\xfe\x00", "not a text file"),
    (b'{"schema_version": 99, "answers": {}}', "newer version"),
    (b'{"schema_version": 1, "answers": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
     "nested too deeply"),
    (b'{"schema_version": 1, "answers": {}, "person": {"name": 5}}', "person.name"),
], ids=["malformed", "empty", "binary", "newer", "nested", "person"])
def test_unreadable_files_exit_2_with_a_clear_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
        problem: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    code, out, err = run(capsys, "assess", str(path), *AS_OF)
    assert code == 2 and out == ""
    assert err.startswith(f"error: {path}: ") and problem in err
    code, out, err = run(capsys, "assess", "--json", str(path), *AS_OF)
    assert code == 2
    (error,) = json.loads(out)["errors"]
    assert error["code"] == "FILE" and problem in error["message"]


def test_a_huge_file_and_a_missing_file(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "huge.json"
    huge.write_bytes(b'{"schema_version": 1, "answers": {}, "x": "' + b"x" * 1_100_000 + b'"}')
    code, _, err = run(capsys, "assess", str(huge), *AS_OF)
    assert code == 2 and "too large" in err
    code, _, err = run(capsys, "assess", str(tmp_path / "gone.json"), *AS_OF)
    assert code == 2 and "file not found" in err


def test_dates_before_the_rules_start_are_refused(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = str(answers_file(tmp_path, SEED))
    code, out, err = run(capsys, "assess", path, "--as-of", "1980-01-07")
    assert code == 2 and out == "" and "no thresholds before 1980-01-08" in err
    code, out, _ = run(capsys, "assess", "--json", path, "--as-of", "1980-01-07")
    assert code == 2 and json.loads(out)["errors"][0]["code"] == "DATE"
    code, out, _ = run(capsys, "assess", path, "--as-of", "1980-01-08")
    assert code == 0 and "assessed as of 1980-01-08" in out


def test_a_malformed_date_is_a_clear_error(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["assess", str(answers_file(tmp_path, SEED)), "--as-of", "2026-13-01"])
    assert code == 2
    assert "--as-of '2026-13-01' is not a date" in capsys.readouterr().err


# rules ------------------------------------------------------------------------------------


def test_rules_lists_all_91_rules_with_citations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert "91 rules" in out.splitlines()[0]
    blocks = re.split(r"\n(?=R\d\d )", out.split("\n\n", 1)[1])
    assert [b.split()[0] for b in blocks] == [r.id for r in RULES]
    for block, rule in zip(blocks, RULES, strict=True):
        assert block.startswith(f"{rule.id} {rule.name}  [")
        assert len(re.findall(r"^    - ", block, re.M)) == len(rule.citations)
        if rule.remedy:
            assert "    Remedy: " in block
    assert "R62 ROLE-PAID-ADS  [RED / AMBER / NOTE" in out  # amber: R85's cap
    assert "R25 EMP-INCIDENTAL-USE  [AMBER / GREEN (low)]" in out
    assert "{limit}" not in out and "$1,000" in out


def test_rules_markdown_for_legal_review(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--markdown")
    assert code == 0
    headings = re.findall(r"^## (R\d\d) (\S+)$", out, re.M)
    assert headings == [(r.id, r.name) for r in RULES]
    sections = out.split("\n## ")[1:]
    for section, rule in zip(sections, RULES, strict=True):
        assert f"trigger `{rule.trigger.__name__}`" in section
        assert len(re.findall(r"^- ", section, re.M)) == len(rule.citations)
    assert "- Reported: FEC AO 2007-22, passage on paying Canadian staff" in out
    assert "[UNVERIFIED] (exact passage not retrieved)" in out  # research notes, for counsel


def test_no_command_prints_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 0 and "assess" in out and "rules" in out
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0 and "Volunteer Check" in capsys.readouterr().out


# The installed console script -------------------------------------------------------------


def test_the_installed_script_runs(tmp_path: Path) -> None:
    assert SCRIPT.exists(), f"{SCRIPT} is not installed (pip install -e .)"
    good = answers_file(tmp_path, SEED)
    done = subprocess.run([str(SCRIPT), "assess", "--json", str(good), *AS_OF],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["colour"] == "AMBER"
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    done = subprocess.run([str(SCRIPT), "assess", str(bad)], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {bad}: is not valid JSON")
    assert "Traceback" not in done.stderr


def test_bad_as_of_date_is_a_json_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = answers_file(tmp_path, SEED)
    code, out, err = run(capsys, "assess", "--json", "--as-of", "2026-13-01", str(path))
    assert code == 2
    assert json.loads(out)["errors"][0]["code"] == "DATE"
    assert "not a date" in err


def test_unwritable_pdf_is_reported_in_the_json(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = answers_file(tmp_path, SEED)
    out_pdf = tmp_path / "missing-folder" / "report.pdf"
    code, out, err = run(capsys, "assess", "--json", "--pdf", str(out_pdf), str(path), *AS_OF)
    assert code == 2
    payload = json.loads(out)
    assert payload["colour"] == "AMBER"
    assert payload["pdf"]["path"] == str(out_pdf) and "does not exist" in payload["pdf"]["error"]
    assert "error:" in err and not out_pdf.exists()


def test_answers_the_branching_skips_are_reported_as_ignored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = answers_file(tmp_path, {**SEED, "C3": "foreign_party", "B7": "no"})
    code, out, _ = run(capsys, "assess", str(path), *AS_OF)
    assert code == 0 and "Ignored (not asked, given your other answers): B7, C3" in out
    code, out, _ = run(capsys, "assess", "--json", str(path), *AS_OF)
    assert code == 0 and json.loads(out)["ignored"] == ["B7", "C3"]


def test_amount_as_text_says_to_write_a_number(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = answers_file(tmp_path, {**SEED, "D3": "1.200"})
    code, out, _ = run(capsys, "assess", str(path), *AS_OF)
    assert code == 2 and "without quotes" in out
