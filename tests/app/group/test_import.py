"""Importing groups: CSV in its encodings and delimiters, XLSX, answers files, defaults."""

import codecs
import json
from pathlib import Path

import openpyxl
import pytest

from app.answers_file import AnswersDocument, write_answers_file
from app.group.columns import apply_defaults, column_key, parse_cell, parse_defaults
from app.group.pipeline import BATCH_ROWS
from app.group.reading import open_source
from app.group.templates import TEMPLATE_HEADERS, csv_template
from rules import Person
from tests.app.group.conftest import AS_OF, Run
from tests.app.group.people import PARTY_PAID, SEED, US_LOCAL, row_of, write_csv


def colours(results: list) -> list[str]:
    return [r.colour_word for r in results]


def test_seed_group_gives_the_expected_mix(tmp_path: Path, run: Run) -> None:
    rows = [row_of(SEED, "Ann Lee", "ann@example.org"),
            row_of(PARTY_PAID, "Bob Roy", "bob@example.org"),
            row_of(US_LOCAL, "Cy Day", "cy@example.org")]
    results, report = run([write_csv(tmp_path / "g.csv", rows)])
    assert colours(results) == ["AMBER", "RED", "GREEN"]
    assert [r.member.row for r in results] == [2, 3, 4]
    assert results[1].top_rule == "R31"
    assert "R31" in results[1].top_finding and "foreign party" in results[1].top_finding
    assert (report.counts.red, report.counts.amber, report.counts.green) == (1, 1, 1)
    assert report.counts.group_colour == "RED"
    assert not report.problems


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_encodings(tmp_path: Path, run: Run, encoding: str) -> None:
    path = write_csv(tmp_path / "g.csv", [row_of(SEED, "Zoë Brontë", "zoe@example.org")],
                     encoding=encoding)
    results, report = run([path])
    assert results[0].member.name == "Zoë Brontë"
    assert results[0].colour_word == "AMBER"
    assert (report.sources[0].encoding == "Windows-1252") == (encoding == "cp1252")


def test_utf16_tab_export_from_excel(tmp_path: Path, run: Run) -> None:
    path = write_csv(tmp_path / "g.txt", [row_of(SEED, "Łucja 東京")], encoding="utf-16",
                     delimiter="\t")
    assert path.read_bytes().startswith(codecs.BOM_UTF16_LE)
    results, report = run([path])
    assert report.sources[0].encoding == "UTF-16"
    assert results[0].member.name == "Łucja 東京"
    assert results[0].colour_word == "AMBER", results[0].errors_text


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_are_detected(tmp_path: Path, run: Run, delimiter: str) -> None:
    rows = [row_of(SEED, "Smith, Ann"), row_of(PARTY_PAID, "Roy; Bob")]
    results, _ = run([write_csv(tmp_path / "g.csv", rows, delimiter=delimiter)])
    assert colours(results) == ["AMBER", "RED"]
    assert [r.member.name for r in results] == ["Smith, Ann", "Roy; Bob"]


def test_labels_case_and_spaces_are_accepted(tmp_path: Path, run: Run) -> None:
    labelled = {**SEED, "A1": " A candidate for federal office (President, Senate, House) ",
                "B1": "NO", "B4": "visitor on esta / visa waiver", "C1": "No one: I am unpaid",
                "D1": " I pay myself ", "D3": "$800",
                "E1": "Free, with a US volunteer or supporter",
                "F": "canvass_phone_text ; Data entry", "E2": "I pay myself",
                "C2": "My normal annual leave that I have earned", "G": "none"}
    headers = tuple(h.lower() if h[0] in "ab" else h for h in TEMPLATE_HEADERS)
    results, _ = run([write_csv(tmp_path / "g.csv", [row_of(labelled)], headers=headers)])
    assert results[0].colour_word == "AMBER", results[0].errors_text
    assert results[0].answers["F"] == ["canvass_phone_text", "data_entry"]
    assert results[0].answers["D3"] == 800


def test_i_dont_know_for_affiliation_and_resources_is_read(tmp_path: Path, run: Run) -> None:
    """Decision 72: B6 and G take 'unknown' (or its label) like every other code; the template
    lists it, and G's 'unknown' cannot be combined with another code."""
    codes_row = next(line for line in template_text().splitlines()
                     if line.startswith('"# Allowed codes'))
    assert "host_event_at_own_us_home | unknown" in codes_row
    assert "us_party_or_campaign_staff | unknown" in codes_row
    rows = [row_of({**SEED, "B6": "unknown", "G": "unknown"}, "Ann Lee"),
            row_of({**SEED, "G": "I don't know yet what I will give or use"}, "Bob Roy"),
            row_of({**SEED, "G": "unknown;own_equipment"}, "Cy Day")]
    results, _ = run([write_csv(tmp_path / "g.csv", rows)])
    assert results[0].answers["B6"] == "unknown" and results[0].answers["G"] == ["unknown"]
    assert colours(results)[:2] == ["AMBER", "AMBER"]
    assert {"R91", "R92"} <= set(results[0].fired)
    assert results[1].answers["G"] == ["unknown"]
    assert colours(results)[2] == "INVALID", results[2].errors_text


@pytest.mark.parametrize(("header", "key"), [
    ("A1", "A1"), ("a1", "A1"), (" Name ", "name"), ("E-mail", "email"),
    ("E-mail address", "email"), ("D1: Who pays flights", "D1"), ("d3b", "D3b"),
    ("B5_age", "B5_age"), ("b5 age", "B5_age"), ("F - What will you do", "F"),
    ("Gender", None), ("Notes", None), ("", None), ("Reference", "reference"),
])
def test_header_matching(header: str, key: str | None) -> None:
    assert column_key(header) == key


@pytest.mark.parametrize(("text", "value"), [
    ("800", 800), ("$1,200", 1200), ("1 200", 1200), ("800,50", 800.5), ("USD 950", 950),
    ("unknown", "unknown"), ("I don’t know", "unknown"), ("-5", -5), ("lots", "lots"),
    (799.0, 799), (12.5, 12.5),
])
def test_amounts(text: object, value: object) -> None:
    assert parse_cell("D3", text) == value


def test_xlsx_import(tmp_path: Path, run: Run) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(TEMPLATE_HEADERS))
    sheet.append(row_of(SEED, "Ann", "ann@example.org", "7"))
    sheet.append([])
    row = row_of(PARTY_PAID, "Bob")
    sheet.append(row)
    sheet.cell(row=2, column=TEMPLATE_HEADERS.index("D3") + 1, value=800)
    sheet.cell(row=2, column=3, value=7)
    book.save(tmp_path / "g.xlsx")
    results, report = run([tmp_path / "g.xlsx"])
    assert colours(results) == ["AMBER", "RED"]
    assert [r.member.row for r in results] == [2, 4]
    assert results[0].member.reference == "7"
    assert report.sources[0].kind == "Excel"


def test_answers_files_and_folders(tmp_path: Path, run: Run) -> None:
    folder = tmp_path / "answers"
    (folder / "sub").mkdir(parents=True)
    write_answers_file(folder / "ann.json", AnswersDocument(SEED, Person(name="Ann")), "GREEN")
    write_answers_file(folder / "sub" / "bob.json", AnswersDocument(PARTY_PAID, Person(name="Bob")))
    (folder / "broken.json").write_text("{ not json")
    (folder / "notes.txt").write_text("ignored")
    single = tmp_path / "cy.json"
    write_answers_file(single, AnswersDocument(US_LOCAL, Person(name="Cy")))
    results, report = run([folder, single])
    assert [r.member.name for r in results] == ["Ann", "Bob", "Cy"]
    assert colours(results) == ["AMBER", "RED", "GREEN"]
    assert results[0].changed == ("GREEN", "AMBER")
    assert results[0].changed_text.startswith("changed from GREEN to AMBER")
    assert len(report.problems) == 1 and "broken.json" in report.problems[0]


def test_defaults_fill_blanks_only_where_asked(tmp_path: Path, run: Run) -> None:
    own = {k: v for k, v in SEED.items() if k not in ("A1", "D1", "D3", "D4", "E1", "E2")}
    campaign_paid = {**own, "D1": ["campaign"]}
    defaults, problems = parse_defaults({"a1": "federal_candidate", "D1": "self", "D3": "800",
                                         "D4": "self_or_friends", "E1": ["us_volunteer_host_free"],
                                         "E2": "I pay myself"})
    assert not problems
    rows = [row_of(own, "Ann"), row_of(campaign_paid, "Bob"),
            row_of({**own, "A1": "us_party_committee"}, "Cy")]
    results, _ = run([write_csv(tmp_path / "g.csv", rows)], defaults)
    assert colours(results) == ["AMBER", "AMBER", "AMBER"], [r.errors_text for r in results]
    assert results[0].defaults_used == ("A1", "D1", "D3", "D4", "E1", "E2")
    assert "D3" not in results[1].defaults_used and "D1" not in results[1].defaults_used
    assert results[2].answers["A1"] == "us_party_committee"
    assert results[0].member.answers == {k: v for k, v in own.items()}  # own answers untouched


def test_defaults_are_checked() -> None:
    _, problems = parse_defaults({"B1": "no", "A1": "martian", "D3": -4, "Z9": 1})
    assert len(problems) == 4
    assert any("allowed: federal_candidate" in p for p in problems)
    merged, used = apply_defaults({"A1": "ballot_measure"}, {"A1": "federal_candidate"}, AS_OF)
    assert merged == {"A1": "ballot_measure"} and used == ()


def test_bad_rows_are_listed_not_dropped(tmp_path: Path, run: Run) -> None:
    rows = [row_of(SEED, "Good"),
            row_of({**SEED, "B1": "maybe"}, "Bad code"),
            row_of({**SEED, "D3": "-20"}, "Negative"),
            row_of({k: v for k, v in SEED.items() if k != "C2"}, "Missing"),
            row_of({**SEED, "B1": "yes"}, "Contradiction"),
            row_of({**SEED, "D3": "lots"}, "Not an amount"),
            row_of(PARTY_PAID, "Good too")]
    results, report = run([write_csv(tmp_path / "g.csv", rows)])
    assert colours(results) == ["AMBER", "INVALID", "INVALID", "INVALID", "INVALID", "INVALID",
                                "RED"]
    assert report.counts.invalid == 5 and report.counts.total == 7
    bad = results[1]
    assert bad.issues[0].code == "V03" and bad.issues[0].question == "B1"
    text = bad.errors_text
    assert "row 3" in text and "column B1" in text and "'maybe'" in text
    assert "yes, no, unknown" in text
    assert results[2].issues[0].code == "V03" and "row 4" in results[2].errors_text
    assert results[3].issues[0].code == "V01" and "C2" in results[3].errors_text
    assert results[4].issues[0].code == "V02"
    assert "not an amount" in results[5].errors_text
    assert not bad.fired and bad.top_rule is None


def test_extra_cells_make_a_row_invalid(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "g.csv"
    write_csv(path, [row_of(SEED, "Ann")])
    with path.open("a", encoding="utf-8") as stream:
        stream.write(",".join(row_of(SEED, "Bob")) + ",surprise\n")
    results, _ = run([path])
    assert colours(results) == ["AMBER", "INVALID"]
    assert "no header" in results[1].errors_text and "surprise" in results[1].errors_text


def test_duplicates_are_flagged_not_dropped(tmp_path: Path, run: Run) -> None:
    rows = [row_of(SEED, "Ann Lee", "ann@example.org", "1"),
            row_of(SEED, "Someone", "ANN@example.org ", "2"),
            row_of(SEED, "ann lee", "", "1"),
            row_of(SEED, "Ann Lee", "other@example.org", "3")]
    results, report = run([write_csv(tmp_path / "g.csv", rows)])
    assert len(results) == 4
    assert results[0].duplicate_of is None
    assert "same email" in (results[1].duplicate_of or "")
    assert "row 2" in (results[2].duplicate_of or "")
    assert "same name and reference" in (results[2].duplicate_of or "")
    assert results[3].duplicate_of is None
    assert report.counts.duplicates == 2


BAD_FILES = {
    "empty.csv": (b"", "empty"),
    "blank.csv": (b"\n\n  \n", "no rows"),
    "picture.csv": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG image"),
    "report.xlsx": (b"%PDF-1.4 ...", "PDF"),
    "old.xls": (codecs.decode("d0cf11e0a1b11ae1", "hex") + b"\x00" * 64, ".xls"),
    "binary.csv": (b"name,A1\nx,\x00\x00\x01\x02", "NUL"),
    "fake.xlsx": (b"name,A1\nAnn,unknown\n", "not an Excel workbook"),
    "results.csv": (b"Name,Email,Colour\nAnn,a@x,RED\n", "no question columns"),
    "random.csv": (b"foo,bar\n1,2\n", "no recognised columns"),
    "archive.xlsx": (b"PK\x03\x04" + b"\x00" * 64, "ZIP"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_get_a_clear_message_and_keep_the_rest(tmp_path: Path, run: Run,
                                                         name: str) -> None:
    content, words = BAD_FILES[name]
    good = write_csv(tmp_path / "good.csv", [row_of(SEED, "Ann")])
    bad = tmp_path / name
    bad.write_bytes(content)
    later = write_csv(tmp_path / "later.csv", [row_of(PARTY_PAID, "Bob")])
    results, report = run([good, bad, later])
    assert colours(results) == ["AMBER", "RED"]
    assert len(report.problems) == 1
    assert name in report.problems[0] and words in report.problems[0], report.problems


def test_missing_file_and_folder_problems(tmp_path: Path, run: Run) -> None:
    results, report = run([tmp_path / "nope.csv"])
    assert not results and "not found" in report.problems[0]


def test_huge_file_is_refused_interactively(tmp_path: Path, run: Run) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as stream:
        stream.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them
    good = write_csv(tmp_path / "good.csv", [row_of(SEED, "Ann")])
    results, report = run([good, big], max_bytes=32 * 1024 * 1024)
    assert colours(results) == ["AMBER"]
    assert "100 MB" in report.problems[0] and "volunteer-check screen" in report.problems[0]


def test_huge_line_stops_that_file_only(tmp_path: Path, run: Run) -> None:
    path = write_csv(tmp_path / "g.csv", [row_of(SEED, "Ann")])
    with path.open("a") as stream:
        stream.write("x" * (2 * 1024 * 1024))
    results, report = run([path])
    assert colours(results) == ["AMBER"]
    assert "longer than" in report.problems[0] and "g.csv" in report.problems[0]


def test_damage_mid_file_keeps_rows_before(tmp_path: Path, run: Run) -> None:
    path = write_csv(tmp_path / "g.csv", [row_of(SEED, f"P{i}") for i in range(100)])
    with path.open("ab") as stream:  # beyond the first 8 KB that are sniffed up front
        stream.write(b"Cy,\x00\x00,\n")
    results, report = run([path])
    assert len(results) == 100
    assert "NUL" in report.problems[0]


def test_reading_streams(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "g.csv", [row_of(SEED, f"P{i}") for i in range(3000)])
    source = open_source(path)
    members = source.members()
    first = next(members)
    assert first.name == "P0"
    assert source.done < source.total / 4  # only the start of the file has been read
    assert sum(1 for _ in members) == 2999


def test_cancel_stops_the_run_after_the_batch(tmp_path: Path, run: Run) -> None:
    rows = [row_of(SEED, f"P{i}") for i in range(2 * BATCH_ROWS + 5)]
    path = write_csv(tmp_path / "g.csv", rows)
    seen: list[int] = []
    results, report = run([path], cancelled=lambda: len(seen) >= 10,
                          on_progress=lambda p: seen.append(p.people), progress_every=0)
    assert report.cancelled and len(results) == BATCH_ROWS  # cancelling is between batches


def test_json_answers_detected_by_content(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "answers.txt"
    path.write_text(json.dumps({"schema_version": 1, "answers": SEED, "person": {"name": "A"}}))
    results, _ = run([path])
    assert colours(results) == ["AMBER"]


def test_dot_and_three_digits_makes_the_row_invalid(tmp_path: Path, run: Run) -> None:
    """QA: '1.200' was read as $1.20, so someone paying $1,200 for their own flight was GREEN
    instead of AMBER (R28)."""
    rows = [row_of({**SEED, "D3": "1,200", "D3b": "no"}, "Thousands"),
            row_of({**SEED, "D3": "1.200", "D3b": "no"}, "Ambiguous"),
            row_of({**SEED, "D3": "800,50"}, "Decimal comma"),
            row_of({**SEED, "D3": "1,20,000", "D3b": "no"}, "Unclear")]
    results, report = run([write_csv(tmp_path / "g.csv", rows)])
    assert colours(results) == ["AMBER", "INVALID", "AMBER", "INVALID"]
    assert "R28" in results[0].fired and results[0].answers["D3"] == 1200
    assert results[2].answers["D3"] == 800.5
    ambiguous = results[1]
    assert [(i.code, i.question) for i in ambiguous.issues] == [("V03", "D3")]
    text = ambiguous.errors_text
    assert "row 3" in text and "column D3" in text and "'1.200'" in text
    assert "ambiguous" in text and "1200 or 1,200" in text
    assert "Allowed: a number of US dollars" in text and "unknown" in text
    unclear = results[3].errors_text
    assert "'1,20,000' is not an amount" in unclear and "Allowed:" in unclear
    assert report.counts.invalid == 2


def test_ambiguous_amount_in_a_workbook_or_answers_file(tmp_path: Path, run: Run) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(TEMPLATE_HEADERS))
    sheet.append(row_of({**SEED, "D3": "1.500", "D3b": "no"}, "Ann"))
    book.save(tmp_path / "g.xlsx")
    write_answers_file(tmp_path / "bob.json",
                       AnswersDocument({**SEED, "D3": "1.200"}, Person(name="Bob")))
    results, _ = run([tmp_path / "g.xlsx", tmp_path / "bob.json"])
    assert colours(results) == ["INVALID", "INVALID"]
    assert all("ambiguous" in r.errors_text for r in results)


def test_ambiguous_default_amount_is_refused() -> None:
    _, problems = parse_defaults({"D3": "1.200"})
    assert len(problems) == 1 and "ambiguous" in problems[0] and "1,200" in problems[0]
    defaults, problems = parse_defaults({"D3": "1.200,50"})
    assert defaults == {"D3": 1200.5} and not problems


@pytest.mark.parametrize("name", ["team.csv", "team.txt", "team"])
def test_workbook_with_the_wrong_extension_is_read_as_excel(tmp_path: Path, run: Run,
                                                           name: str) -> None:
    """QA: an .xlsx renamed to .csv was refused as 'a ZIP archive (not an Excel workbook)'."""
    book = openpyxl.Workbook()
    book.active.append(list(TEMPLATE_HEADERS))
    book.active.append(row_of(SEED, "Ann"))
    book.save(tmp_path / name)
    results, report = run([tmp_path / name])
    assert colours(results) == ["AMBER"] and not report.problems
    assert report.sources[0].kind == "Excel"
    assert "read as Excel" in "; ".join(report.sources[0].notes)


def test_other_zip_named_csv_is_still_refused(tmp_path: Path, run: Run) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "photos.csv", "w") as archive:
        archive.writestr("a.txt", "hello")
    results, report = run([tmp_path / "photos.csv"])
    assert not results and "ZIP archive (not an Excel workbook)" in report.problems[0]


def template_text() -> str:
    raw = csv_template()
    return raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
