"""Organiser mode in another language: answer labels of every language are read, an ambiguous
one is refused, and templates, exports and the group PDF word everything through the
catalogues (a pseudo-translation finds any sentence that is not) while codes stay codes."""

import csv
import gettext
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import app.i18n as i18n
from app.group import columns
from app.group.columns import forget_lookups, parse_cell
from app.group.export import RESULT_HEADERS, open_writer
from app.group.group_pdf import group_report_html
from app.group.members import DuplicateIndex, MemberResult
from app.group.templates import TEMPLATE_HEADERS, csv_rows, write_xlsx_template
from tests.app.group.conftest import Run
from tests.app.group.people import PARTY_PAID, SEED, row_of, write_csv
from tests.app.i18n.test_translated_output import (
    CLOSE,
    OPEN,
    _english_sentences,
    _outside_pseudo,
    pseudo_spanish,
)

__all__ = ["pseudo_spanish"]  # a fixture, used by name


@pytest.fixture(autouse=True)
def _fresh_label_tables() -> Iterator[None]:
    """No label table built from a test's catalogue outlives the test."""
    yield
    forget_lookups()


class _Law(gettext.NullTranslations):
    """A law catalogue of a few answer labels (key -> text); the English elsewhere."""

    def __init__(self, labels: dict[str, str]) -> None:
        super().__init__()
        self.labels = labels

    def pgettext(self, context: str, message: str) -> str:
        return self.labels.get(context, message)


@pytest.fixture
def labels(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, dict[str, str]]]:
    """Test-only es and fr answer labels (language -> law key -> label), empty to start with;
    the label tables are built again from them."""
    found: dict[str, dict[str, str]] = {"es": {}, "fr": {}}
    real = i18n.catalogue

    def catalogue(code: str, domain: str) -> gettext.NullTranslations:
        if domain == "law" and code in found:
            return _Law(found[code])
        return real(code, domain)

    monkeypatch.setattr(i18n, "catalogue", catalogue)
    forget_lookups()
    yield found
    monkeypatch.undo()
    forget_lookups()


def test_labels_of_every_language_are_read_whatever_the_current_one(
        labels: dict[str, dict[str, str]]) -> None:
    labels["es"]["option:E2/campaign"] = "La campaña"
    labels["fr"]["option:E2/campaign"] = "La campagne"
    labels["fr"]["option:F/data_entry"] = "Saisie de données"
    forget_lookups()
    for language in i18n.LANGUAGES:
        with i18n.in_language(language):
            assert parse_cell("E2", "la CAMPAÑA") == "campaign"
            assert parse_cell("E2", " La campagne ") == "campaign"
            assert parse_cell("E2", "The campaign") == "campaign"
            assert parse_cell("E2", "campaign") == "campaign"
            assert parse_cell("F", "saisie de données; canvass_phone_text") == \
                ["data_entry", "canvass_phone_text"]


def test_a_label_naming_two_answers_across_languages_is_refused(
        labels: dict[str, dict[str, str]], tmp_path: Path, run: Run) -> None:
    # "The campaign" in English; the test's French calls another answer that.
    labels["fr"]["option:E2/us_party"] = "The campaign"
    forget_lookups()
    assert columns.ambiguous_codes("E2", "the campaign") == {"campaign", "us_party"}
    assert parse_cell("E2", "The campaign") == "The campaign"  # not guessed
    assert parse_cell("E2", "campaign") == "campaign"  # a code is always a code
    results, _ = run([write_csv(tmp_path / "g.csv", [row_of({**SEED, "E2": "The campaign"},
                                                            "Ann")])])
    assert results[0].colour is None
    text = results[0].errors_text
    assert "more than one answer" in text and "campaign, us_party" in text


def test_a_label_is_never_read_as_a_code_it_is_not(labels: dict[str, dict[str, str]]) -> None:
    labels["es"]["option:E2/us_party"] = "campaign"  # a label equal to another answer's code
    forget_lookups()
    assert parse_cell("E2", "campaign") == "campaign"
    assert columns.ambiguous_codes("E2", "campaign") == frozenset()


def test_exact_codes_are_read_without_the_label_tables(tmp_path: Path, run: Run) -> None:
    forget_lookups()
    results, _ = run([write_csv(tmp_path / "g.csv", [row_of(SEED, "Ann")])])
    assert results[0].colour is not None
    assert columns.lookups.cache_info().currsize == 0 and not columns.labels_read()
    assert parse_cell("E2", "The campaign") == "campaign"
    assert columns.labels_read()
    forget_lookups()
    assert not columns.labels_read()


def test_every_exact_code_reads_as_through_the_label_tables() -> None:
    for qid, codes in columns.EXACT_CODES.items():
        for code in codes:
            assert columns.lookups()[qid].codes[columns.normalise(code)] == code


# ---- pseudo-translation: no English sentence outside the catalogues ---------------------------

def _leaked(text: str) -> list[str]:
    rest = _outside_pseudo(text)
    return sorted(s for s in _english_sentences() if s in rest)


@pytest.fixture
def group(pseudo_spanish: None, tmp_path: Path, run: Run) -> list[MemberResult]:
    """Four people screened in the pseudo-Spanish (duplicates are worded when screening)."""
    rows = [row_of(SEED, "Ann One", "ann@example.org"),
            row_of(PARTY_PAID, "Bob Two", "bob@example.org"),
            row_of(PARTY_PAID, "Bob Two", "bob@example.org"),
            row_of({**SEED, "B1": "maybe"}, "Cy Three")]
    with i18n.in_language("es"):
        results, _ = run([write_csv(tmp_path / "group.csv", rows)],
                         duplicates=DuplicateIndex())
    return results


def test_csv_template_in_another_language(pseudo_spanish: None) -> None:
    with i18n.in_language("es"):
        rows = csv_rows()
    assert tuple(rows[0]) == TEMPLATE_HEADERS  # column ids never change
    for row in rows[1:3]:
        for cell in row:
            if cell:
                assert OPEN in cell and not _leaked(cell), cell
    assert [r[len(TEMPLATE_HEADERS) - 1] for r in rows[3:]] == ["none", "none"]  # G: codes


def test_xlsx_template_in_another_language(pseudo_spanish: None, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "t.xlsx"
    with i18n.in_language("es"):
        write_xlsx_template(out, rows=5)
    book = load_workbook(out)
    people = book["Volunteers"]
    assert tuple(c.value for c in people[1]) == TEMPLATE_HEADERS
    codes = book["Codes"]
    words = [str(c.value) for row in codes.iter_rows() for c in (row[1], row[3]) if c.value]
    words += [str(c.value) for c in codes[1]]
    assert all(OPEN in word for word in words)
    assert "federal_candidate" in {c.value for c in codes["C"]}
    for rule in people.data_validations.dataValidation:
        assert OPEN in rule.prompt and (not rule.error or OPEN in rule.error)
        assert not _leaked(rule.prompt)


def test_results_export_words_in_another_language(pseudo_spanish: None, tmp_path: Path,
                                                  group: list[MemberResult]) -> None:
    group[0].member.original = {}  # edited in the app
    out = tmp_path / "results.csv"
    with i18n.in_language("es"), open_writer(out, "2026-12-01") as writer:
        for result in group:
            writer.write(result)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert tuple(rows[0]) == RESULT_HEADERS  # column ids never change
    colour = RESULT_HEADERS.index("Colour")
    assert [r[colour] for r in rows[1:]] == ["AMBER", "RED", "RED", "INVALID"]  # codes
    text = "\n".join(",".join(row) for row in rows[1:])
    assert OPEN in text
    assert _leaked(text) == []
    for word in ("edited in the app", "possible duplicate", "same email"):
        assert re.search(f"{OPEN}[^{CLOSE}]*{word}", text), word


def test_group_pdf_in_another_language(pseudo_spanish: None,
                                       group: list[MemberResult]) -> None:
    for detail in ("full", "compact"):
        with i18n.in_language("es"):
            page = group_report_html(group, detail=detail)  # type: ignore[arg-type]
        page = re.sub(r'<p class="cit">.*?</p>', "", page)  # sources are never translated
        shown = re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", page, flags=re.S))
        assert _leaked(shown) == [], detail
        assert "R31" in shown  # rule ids stay
