"""Issue 10: a fuzzer over answers files and CSV rows. Whatever the bytes, reading, screening,
assessing and exporting end in a result or a clear error: never an uncaught exception, never
the pipeline's catch-all for unforeseen failures, never a formula in the results."""

import contextlib
import csv
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from app.answers_file import AnswersFileError, read_answers_file
from app.cli import main
from app.group.export import open_writer
from app.group.templates import TEMPLATE_HEADERS
from rules.questions import QUESTION_BY_ID
from tests.app.group.conftest import run_group
from tests.hostile.payloads import FORMULAS, TERMINAL

FUZZ = settings(max_examples=25, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_RAW_TERMINAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_CODES = [code for question in QUESTION_BY_ID.values() for code in question.codes]
_KEYS = [*QUESTION_BY_ID, "B5_age", "D3b", "name"]

# Text as hostile as it gets: every plane, control characters, surrogates, formula starts.
hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x3000), max_size=40),
    st.sampled_from([*FORMULAS, *TERMINAL, "\udfff", "\ud800x", "1.200", "$1,200", "", " "]),
    st.sampled_from(_CODES),
)
leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                 hostile_text)
json_value = st.recursive(leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(hostile_text, inner, max_size=4)),
    max_leaves=12)
answers = st.dictionaries(st.one_of(st.sampled_from(_KEYS), hostile_text), json_value,
                          max_size=12)
document = st.fixed_dictionaries(
    {"schema_version": st.one_of(st.just(1), json_value), "answers": st.one_of(answers,
                                                                              json_value)},
    optional={"person": st.one_of(st.dictionaries(st.sampled_from(["name", "email",
                                                                     "reference"]),
                                                  json_value, max_size=3), json_value),
              "result": st.one_of(st.fixed_dictionaries({"colour": hostile_text,
                                                        "ruleset": hostile_text}),
                                  json_value)})


def _json_bytes(content: Any) -> bytes:
    text = json.dumps(content, ensure_ascii=True, allow_nan=True)  # \\udfff stays an escape
    return text.encode("ascii")


def _check_group(folder: Path, paths: list[Path]) -> None:
    results, report = run_group(paths)
    assert not [p for p in report.problems if "unexpected" in p], report.problems
    for name in ("r.csv", "r.xlsx"):
        with open_writer(folder / name, "2026-12-01") as writer:
            for result in results:
                writer.write(result)
    with (folder / "r.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert len(rows) == len(results) + 1
    sheet = load_workbook(folder / "r.xlsx")["Results"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def _cli(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text
    assert not _RAW_TERMINAL.search(text.replace("\n", "")), repr(text)
    return code, text


@FUZZ
@given(document)
def test_answers_files(content: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        path = folder / "fuzz.json"
        path.write_bytes(_json_bytes(content))
        try:
            read_answers_file(path)
        except AnswersFileError as error:
            assert str(path) in str(error)
        code, _ = _cli("assess", str(path), "--as-of", "2026-12-01")
        assert code in (0, 2)
        code, _ = _cli("assess", str(path), "--json", "--as-of", "2026-12-01")
        assert code in (0, 2)
        _check_group(folder, [path])


@FUZZ
@given(st.binary(max_size=300), st.sampled_from(["x.json", "x.csv", "x.xlsx", "x"]))
def test_any_bytes_as_any_kind_of_file(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        path = folder / name
        path.write_bytes(data)
        _check_group(folder, [path])
        code, _ = _cli("assess", str(path))
        assert code == 2 or (code == 0 and name == "x.json")


cell = st.one_of(hostile_text.map(lambda t: t.replace("\x00", "")), st.sampled_from(_CODES))


@FUZZ
@given(st.lists(st.lists(cell, max_size=len(TEMPLATE_HEADERS) + 3), min_size=1, max_size=6),
       st.sampled_from(["\r\n", "\n", "\r"]), st.sampled_from(["utf-8", "utf-16", "cp1252"]),
       st.sampled_from([",", ";", "\t"]))
def test_csv_rows(rows: list[list[str]], terminator: str, encoding: str,
                  delimiter: str) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator)
        writer.writerow(TEMPLATE_HEADERS)
        writer.writerows(rows)
        path = folder / "team.csv"
        path.write_bytes(buffer.getvalue().encode(encoding, errors="replace")
                         if encoding != "utf-16" else
                         buffer.getvalue().encode("utf-16", errors="surrogatepass"))
        _check_group(folder, [path])
        code, _ = _cli("screen", str(path), "--quiet", "--as-of", "2026-12-01")
        assert code in (0, 2)
