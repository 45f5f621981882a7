"""The group PDF: counts, a table of everyone, per-person sections, redaction (read with pypdf)."""

import os
import stat
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.answers_file import AnswersFileError
from app.cli import main
from app.group.group_pdf import group_report_html, initials, write_group_pdf
from app.group.members import MemberResult
from tests.app.group.conftest import Run
from tests.app.group.people import PARTY_PAID, SEED, row_of, write_csv
from tests.pdf_helpers import contains_name


@pytest.fixture(autouse=True)
def _application(qapp: object) -> None:
    """PDFs need a QGuiApplication; pytest-qt's QApplication serves every test."""


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def seed_group(tmp_path: Path, run: Run) -> list[MemberResult]:
    """UK Labour members on ESTA; every third has the flight paid by the party."""
    rows = [row_of(PARTY_PAID if i % 3 == 2 else SEED, f"Member{i} Labour",
                   f"m{i}@labour.example", f"L{i:02d}") for i in range(9)]
    rows.append(row_of({**SEED, "D1": "foreign party"}, "Zoë Łódź", "zoe@labour.example"))
    rows.append(row_of({**SEED, "B1": "maybe"}, "Broken Row", "broken@labour.example"))
    results, _ = run([write_csv(tmp_path / "group.csv", rows)])
    return results


def test_seed_group_pdf(tmp_path: Path, seed_group: list[MemberResult]) -> None:
    assert [r.colour_word for r in seed_group] == \
        ["AMBER", "AMBER", "RED"] * 3 + ["INVALID", "INVALID"]
    out = tmp_path / "group.pdf"
    write_group_pdf(seed_group, out)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    text = pdf_text(out)
    assert "group screening" in text
    assert "Member0 Labour" in text and "m0@labour.example" in text
    assert "Zoë Łódź" in text
    assert text.count("R31") >= 3
    assert "TRAVEL-FOREIGN-PRINCIPAL" in text  # the rules appendix
    assert "What would make this green" in text
    assert "'maybe' is not an allowed answer" in text
    assert "INVALID" in text and "NOT SCREENED" not in text and "Not screened" not in text


def test_redacted_pdf_shows_initials_only(tmp_path: Path, seed_group: list[MemberResult]
                                          ) -> None:
    out = tmp_path / "group.pdf"
    write_group_pdf(seed_group, out, redact=True)
    text = pdf_text(out)
    assert "Member0" not in text and "labour.example" not in text and "Łódź" not in text
    assert "M. L." in text and "Z. Ł." in text
    assert "initials" in text


def test_html_escapes_and_counts(seed_group: list[MemberResult]) -> None:
    seed_group[0].member.name = "<b>Evil</b> & co"
    html = group_report_html(seed_group)
    assert "&lt;b&gt;Evil&lt;/b&gt; &amp; co" in html
    assert "<b>Evil</b>" not in html
    assert "border" not in html.split("<body>")[1].split("Rules cited")[0]  # no cell borders


@pytest.mark.parametrize(("name", "expected"), [
    ("Jane van Doe", "J. v. D."), ("", ""), ("Zoë", "Z."), ("Doe, Jane", "D. J."),
    # Arabic and Hebrew: one initial per word, in the name's own (logical) order.
    ("محمد علي", "م. ع."), ("دوست محمد خان", "د. م. خ."), ("דוד כהן", "ד. כ."),
    # Han, kana and Hangul: the first sign of each word, without a full stop.
    ("山田 太郎", "山 太"), ("山田太郎", "山"), ("김 민준", "김 민"), ("やまだ はなこ", "や は"),
    # Punctuation and formula characters are skipped, never taken as an initial.
    ("=Bob O'Neil", "B. O."), ("=HYPERLINK(\"http://x\")", "H."), ("= = =", ""),
    ("'Ann' (Nan) Lee", "A. N. L."), ("-Eve", "E."), ("@dan +plus", "d. p."),
    ("Jean-Luc Picard", "J. P."), ("Dr. J. Smith, Jr.", "D. J. S. J."),
    # Marks stay with their letter; other scripts; odd spaces.
    ("e\u0301mile zola", "\u00e9. z."), ("अनिल कुमार", "अ. कु."), ("Иван Петров", "И. П."),
    ("Ana\u00a0María\u3000López", "A. M. L."), ("  ", ""), ("3rd Street", "3. S.")])
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_redacted_pdf_with_other_scripts(tmp_path: Path, seed_group: list[MemberResult]) -> None:
    seed_group[0].member.name = "محمد علي"
    seed_group[1].member.name = "=山田 太郎"
    out = tmp_path / "scripts.pdf"
    write_group_pdf(seed_group, out, redact=True)
    text = pdf_text(out)
    assert "山 太" in text and "太郎" not in text
    squashed = "".join(text.split())
    assert "م" in squashed and "ع" in squashed
    assert not contains_name(text, "محمد") and not contains_name(text, "علي")


def test_pdf_write_error_names_the_file(tmp_path: Path, seed_group: list[MemberResult]) -> None:
    with pytest.raises(AnswersFileError, match="does not exist"):
        write_group_pdf(seed_group, tmp_path / "missing" / "g.pdf")


def test_cli_pdf(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "g.csv", [row_of(SEED, "Ann Able"),
                                          row_of(PARTY_PAID, "Bob Best")])
    out = tmp_path / "g.pdf"
    assert main(["screen", str(path), "--pdf", str(out), "--redact", "--quiet",
                 "--fail-on", "red"]) == 1
    text = pdf_text(out)
    assert "A. A." in text and "B. B." in text and "Ann Able" not in text


def test_compact_detail_for_big_groups(tmp_path: Path, seed_group: list[MemberResult]) -> None:
    from app.group.group_pdf import group_report_html

    html = group_report_html(seed_group, detail="compact")
    assert "RED: R31" in html and "AMBER: R73" in html
    people, appendix = html.split("Rules cited in this report")
    assert "What would make this green" not in people
    assert appendix.count("What would make this green") >= 2  # R31 and R73, once each
    out = tmp_path / "compact.pdf"
    write_group_pdf(seed_group, out, detail="compact")
    text = pdf_text(out)
    assert "One line per person" in text and "Member2 Labour" in text
    assert "INVALID: correct" in text
