"""The printed assessment report: content, escaping, scripts, page sizes and `assess --pdf`."""

import html
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QByteArray, QRunnable, QThreadPool
from PySide6.QtGui import QRawFont, QTextDocument

from app import answers_file, plan_text
from app.answers_file import AnswersDocument, AnswersFileError
from app.assessing import (
    Outcome,
    answers_digest,
    assess_document,
    headline,
    immigration_first,
)
from app.cli import main
from app.fonts import register_fonts
from app.pdf import PageSize
from app.pdf_report import export_pdf, report_footer
from app.report_html import (
    answers_html,
    assessment_report_html,
    citations_html,
    colour_badge,
    findings_html,
)
from rules import Colour, Person
from rules.disclaimer import disclaimer
from rules.questions import QUESTION_BY_ID
from rules.result import CitationOut
from tests.pdf_helpers import (
    RED_ANSWERS,
    SEED_ANSWERS,
    contains_name,
    image_sizes,
    page_sizes,
    pdf_text,
    squash,
    words,
)

ROOT = Path(__file__).resolve().parents[2]


def outcome_of(answers: dict[str, Any], name: str | None = None) -> Outcome:
    outcome = assess_document(AnswersDocument(answers=answers, person=Person(name=name)))
    assert outcome.assessment is not None, outcome.validation.issues
    return outcome


def write_answers(path: Path, answers: dict[str, Any], name: str | None = None) -> Path:
    content = {"schema_version": 1, "answers": answers, "person": {"name": name} if name else {}}
    path.write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    return folder


# --- HTML building blocks -------------------------------------------------------------------

@pytest.mark.parametrize("colour", ["RED", "AMBER", "GREEN", "NOTE"])
def test_badge_says_the_colour_in_words(colour: str) -> None:
    badge = colour_badge(Colour(colour))
    assert colour in badge and "background-color:#" in badge


def test_badge_for_answers_that_cannot_be_assessed_says_invalid() -> None:
    assert "INVALID" in colour_badge(None)


def test_unverified_citations_are_reported_not_authority() -> None:
    finding = outcome_of(SEED_ANSWERS).assessment.findings[0]
    reported = CitationOut(label="AO 2007-22 salary passage", url="https://example.org/x",
                           verification="UNVERIFIED", authority=False)
    html = citations_html(finding.model_copy(update={"citations": (reported,)}))
    assert "Reported: AO 2007-22 salary passage" in html
    assert "https://example.org/x" in html and "href" not in html and "UNVERIFIED" not in html


def test_every_answer_in_words() -> None:
    html = answers_html(SEED_ANSWERS)
    for qid, value in SEED_ANSWERS.items():
        question = QUESTION_BY_ID[qid]
        if question.options:
            for code in value if isinstance(value, list) else [value]:
                label = question.label_of(code).replace("'", "&#x27;")
                assert label in html, (qid, code)
    assert "$800" in html


def sections(html: str) -> dict[str, str]:
    """The findings HTML cut at its h2 headings: heading -> what follows it."""
    parts = re.split(r"<h2>(.*?)</h2>", html)
    assert parts[0] == ""
    return dict(zip(parts[1::2], parts[2::2], strict=True))


@pytest.mark.parametrize("answers", [SEED_ANSWERS, RED_ANSWERS], ids=["seed", "red"])
def test_findings_keep_immigration_apart(answers: dict[str, Any]) -> None:
    assessment = outcome_of(answers).assessment
    assert assessment is not None
    found = sections(findings_html(assessment))
    assert set(found) == {"Findings (election law)", "Immigration (not election law)"}
    immigration = found["Immigration (not election law)"]
    election = found["Findings (election law)"]
    by_id = {f.rule: html.escape(f.text) for f in assessment.findings}
    assert by_id["R73"] in immigration and by_id["R73"] not in election
    assert by_id["R24"] in election and by_id["R24"] not in immigration


@pytest.mark.parametrize(("answers", "first"), [
    (SEED_ANSWERS, "Immigration (not election law)"),  # election GREEN, immigration AMBER
    (RED_ANSWERS, "Findings (election law)"),  # election RED, immigration AMBER
], ids=["seed", "red"])
def test_the_worse_section_comes_first_as_on_screen(answers: dict[str, Any], first: str) -> None:
    assessment = outcome_of(answers).assessment
    assert assessment is not None
    assert immigration_first(assessment) is (first != "Findings (election law)")
    assert next(iter(sections(findings_html(assessment)))) == first


def test_an_amber_immigration_caution_is_on_the_first_page(qapp: object, out_dir: Path) -> None:
    out = out_dir / "seed.pdf"
    export_pdf(outcome_of(SEED_ANSWERS), out, PageSize.A4)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    first = words(unicodedata.normalize("NFKC", reader.pages[0].extract_text()))
    assessment = outcome_of(SEED_ANSWERS).assessment
    assert assessment is not None
    assert assessment.plan is not None and assessment.plan.steps[0].rule == "R73"
    assert "What to do next" in first
    # The plan's first step is the immigration remedy (pay your own lodging), on page 1.
    assert words(plan_text.step_text(assessment.plan.steps[0])) in first
    assert "Immigration (not election law) AMBER" in first  # the area table


# --- the handout: page 1, plain words, the appendix for counsel --------------------------------

def page_texts(path: Path) -> list[str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return [words(unicodedata.normalize("NFKC", page.extract_text())) for page in reader.pages]


def volunteer_and_counsel(pages: list[str]) -> tuple[str, str]:
    """The pages before the appendix for counsel, and the appendix."""
    start = next(i for i, text in enumerate(pages) if "For the campaign\u2019s counsel" in text)
    return " ".join(pages[:start]), " ".join(pages[start:])


@pytest.mark.parametrize("answers", [SEED_ANSWERS, RED_ANSWERS,
                                     {**{k: v for k, v in SEED_ANSWERS.items() if k != "D3"},
                                      "D1": ["unknown"]}],
                         ids=["seed", "red", "unknown"])
def test_page_one_holds_name_colour_next_steps_and_areas(qapp: object, out_dir: Path,
                                                          answers: dict[str, Any]) -> None:
    outcome = outcome_of(answers, "Sarah Jones")
    assessment = outcome.assessment
    assert assessment is not None
    out = out_dir / "handout.pdf"
    export_pdf(outcome, out, PageSize.LETTER)
    first = page_texts(out)[0]
    assert "Prepared for: Sarah Jones" in first
    assert f"Overall result: {assessment.colour}" in first
    assert words(headline(assessment)) in first  # the screen's sentence, by the colour's cause
    assert "What to do next" in first and "Result by area" in first
    assert first.index("What to do next") < first.index("Result by area")
    for fact in assessment.missing:
        assert words(fact.prompt) in first
    plan = assessment.plan
    if plan is not None:  # the plan (issue 8) first: every step on page 1
        for step in plan.steps:
            assert words(plan_text.step_text(step)) in first, step.rule
    if plan is None or plan.remaining:
        for finding in assessment.findings:
            if finding.colour in (Colour.RED, Colour.AMBER) and finding.remedy:
                assert words(finding.remedy) in first, finding.rule


def test_page_one_prints_the_optional_handout_details(qapp: object, out_dir: Path) -> None:
    """Name, campaign and trip dates from "For your handout", each only when given."""
    person = Person(name="Sarah Jones", campaign="Jones for Congress",
                    trip_start=date(2026, 10, 3), trip_end=date(2026, 10, 17))
    outcome = assess_document(AnswersDocument(answers=SEED_ANSWERS, person=person))
    out = out_dir / "handout.pdf"
    export_pdf(outcome, out, PageSize.A4)
    first = page_texts(out)[0]
    assert "Prepared for: Sarah Jones" in first
    assert "Campaign: Jones for Congress" in first
    assert "Trip: 3 October 2026 to 17 October 2026" in first
    only_start = Person(trip_start=date(2026, 10, 3))
    html_text = assessment_report_html(
        assess_document(AnswersDocument(answers=SEED_ANSWERS, person=only_start)), None)
    assert "Trip: <b>&#x200E;&#x2068;from 3 October 2026&#x2069;</b>" in html_text
    assert "Prepared for" not in html_text and "Campaign:" not in html_text


def test_page_one_headline_names_the_cause_as_the_screen_does() -> None:
    """An amber from immigration alone says so on paper too (app.assessing.headline)."""
    outcome = outcome_of(SEED_ANSWERS)
    assessment = outcome.assessment
    assert assessment is not None and assessment.election_colour is Colour.GREEN
    text = assessment_report_html(outcome, None)
    assert html.escape(headline(assessment), quote=True) in text
    assert "because of immigration, not election law" in headline(assessment)


def test_lights_without_a_colour_read_as_on_screen() -> None:
    """One name per state: no colour reads "No concern found", never INVALID or "no rule
    applied" (a US citizen has no immigration light)."""
    us_citizen = {"A1": "federal_candidate", "B1": "yes", "B5": "no", "B6": "none", "B8": "us",
                  "C1": ["none"], "C2": "not_employed", "D1": ["no_travel_needed"],
                  "E1": ["not_applicable_local"], "F": ["canvass_phone_text"], "G": ["none"]}
    text = assessment_report_html(outcome_of(us_citizen), None)
    page_one = text[:text.index("What we found")]
    assert "Immigration: <span class=\"muted\">No concern found</span>" in page_one
    assert "INVALID" not in page_one and "no rule applied" not in text


@pytest.mark.parametrize("answers", [SEED_ANSWERS, RED_ANSWERS], ids=["seed", "red"])
def test_no_internal_codes_in_the_volunteers_part(qapp: object, out_dir: Path,
                                                  answers: dict[str, Any]) -> None:
    outcome = outcome_of(answers)
    assessment = outcome.assessment
    assert assessment is not None
    out = out_dir / "handout.pdf"
    export_pdf(outcome, out, PageSize.A4)
    volunteer, counsel = volunteer_and_counsel(page_texts(out))
    assert not re.search(r"\bR\d\d\b", volunteer)  # no rule ids
    assert not re.search(r"\b(?:[A-G]\d{1,2}b?|B5_age)\b", volunteer)  # no question ids
    for finding in assessment.findings:
        assert finding.name not in volunteer
        assert squash(finding.text) in squash(volunteer)
        assert finding.rule in counsel and finding.name in counsel
    for code in ("foreign_party", "esta_vwp", "self_or_friends", "canvass_phone_text"):
        assert code not in volunteer
    assert "https://" not in volunteer  # sources are for counsel
    assert answers_digest(outcome.clean_answers) in squash(counsel)
    assert assessment.ruleset.version in counsel


def test_no_research_notes_anywhere(qapp: object, out_dir: Path) -> None:
    from rules import RULE_BY_ID

    outcome = outcome_of(RED_ANSWERS)
    assert outcome.assessment is not None
    out = out_dir / "handout.pdf"
    export_pdf(outcome, out, PageSize.A4)
    flat = squash(pdf_text(out))
    notes = [c.note for f in outcome.assessment.findings for c in RULE_BY_ID[f.rule].citations
             if getattr(c, "note", "")]
    assert notes, "the red scenario cites sources with research notes"
    for note in notes:
        assert squash(note) not in flat


def test_headings_are_kept_with_what_follows(qapp: object) -> None:
    from PySide6.QtCore import QSizeF

    from app.pdf import keep_headings_with_next

    page = 600.0
    for before in range(14, 26):  # the heading lands on every line of the page's foot
        doc = QTextDocument()
        doc.setHtml("".join(f"<p>line {i}</p>" for i in range(before))
                    + "<h3>Heading</h3><h5>Sub</h5><p>first</p><p>second</p>" * 3)
        doc.setPageSize(QSizeF(400, page))
        keep_headings_with_next(doc, page)
        layout = doc.documentLayout()
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel():
                follower = block.next()
                while follower.blockFormat().headingLevel():
                    follower = follower.next()
                top = layout.blockBoundingRect(block).top()
                bottom = layout.blockBoundingRect(follower).bottom()
                assert top // page == (bottom - 1) // page, (before, block.text())
            block = block.next()


# Report text that is the app's own (not the volunteer's): every character must be in the bundled
# Noto Sans, or Qt draws it from some system font (or as a box where there is none).
BUNDLED_FONTS = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")


def fixed_report_texts() -> list[str]:
    """Plain text of reports covering every block, plus the literal text of the modules."""
    seed = outcome_of(SEED_ANSWERS, "Ann")
    changed = assess_document(AnswersDocument(answers=SEED_ANSWERS, last_colour="GREEN",
                                              ruleset_version="0.1"))
    invalid = assess_document(AnswersDocument(answers={**SEED_ANSWERS, "G": ["none", "x"]}))
    missing = outcome_of({**{k: v for k, v in SEED_ANSWERS.items() if k != "D3"},
                          "D1": ["unknown"]})
    texts = []
    for outcome in (seed, outcome_of(RED_ANSWERS), changed, invalid, missing):
        document = QTextDocument()
        document.setHtml(assessment_report_html(outcome, outcome.document.person.name))
        texts.append(document.toPlainText())
        texts.append(report_footer(outcome))
    for module in ("report_html.py", "pdf_report.py", "pdf.py"):
        source = (ROOT / "app" / module).read_text("utf-8")
        texts.append(html.unescape(source))  # literal characters and &#NNNN; entities
    return texts


# Invisible bidi controls around names (report_html.isolated): never drawn, so in no font.
BIDI_FORMAT = "\u200e\u2068\u2069"


@pytest.mark.parametrize("font", BUNDLED_FONTS)
def test_every_fixed_character_is_in_the_bundled_noto_sans(qapp: object, font: str) -> None:
    register_fonts()
    raw = QRawFont(QByteArray((resources.files("resources.fonts") / font).read_bytes()), 10.0)
    assert raw.isValid() and raw.familyName() == "Noto Sans"
    characters = {ch for text in fixed_report_texts() for ch in text
                  if ord(ch) > 127 and ch not in "\u2028\u2029\ufffc"
                  and ch not in BIDI_FORMAT}
    assert characters, "the reports use some non-ASCII characters (bullets, dashes)"
    missing = sorted(f"U+{ord(ch):04X} {ch}" for ch in characters
                     if not raw.supportsCharacter(ord(ch)))
    assert missing == []


def test_the_pdf_embeds_only_the_bundled_fonts(qapp: object, out_dir: Path) -> None:
    out = out_dir / "seed.pdf"
    export_pdf(outcome_of(SEED_ANSWERS, "Ann"), out, PageSize.A4)
    used: set[str] = set()
    for page in PdfReader(io.BytesIO(out.read_bytes())).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            base = str(ref.get_object()["/BaseFont"])
            used.add(base.lstrip("/").split("+", 1)[-1])
    assert used and all(name.startswith(("NotoSans", "DroidSansFallback")) for name in used), used


def test_user_text_is_escaped_in_html() -> None:
    outcome = outcome_of(SEED_ANSWERS, '<img src="file:///etc/passwd">')
    html = assessment_report_html(outcome, outcome.document.person.name)
    assert "<img" not in html
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html


# --- the PDF --------------------------------------------------------------------------------

@pytest.mark.parametrize("answers", [SEED_ANSWERS, RED_ANSWERS], ids=["seed", "red"])
def test_pdf_carries_the_whole_result(qapp: object, out_dir: Path,
                                      answers: dict[str, Any]) -> None:
    outcome = outcome_of(answers, "Zoë Łódź")
    assessment = outcome.assessment
    assert assessment is not None
    out = out_dir / "report.pdf"
    export_pdf(outcome, out, PageSize.A4)
    text = pdf_text(out)
    flat, spaced = squash(text), words(text)

    assert f"Overall result: {assessment.colour}" in spaced
    assert squash(headline(assessment)) in flat
    for colour in {f.colour for f in assessment.findings} | {assessment.election_colour}:
        assert str(colour) in spaced
    for finding in assessment.findings:
        assert finding.rule in spaced
        assert squash(finding.text) in flat
        if finding.remedy:
            assert squash(finding.remedy) in flat
        for citation in finding.citations:
            if citation.url:
                assert squash(citation.url) in flat, citation.url
    assert "Immigration (not election law)" in spaced
    assert squash(disclaimer()) in flat
    assert answers_digest(outcome.clean_answers) in flat
    assert assessment.ruleset.version in spaced
    assert "Research last reviewed" in spaced
    assert "Zoë Łódź" in spaced
    assert "Door-knocking, phone or text banking" in spaced  # answers in words


def test_seed_pdf_shows_what_would_make_it_green(qapp: object, out_dir: Path) -> None:
    out = out_dir / "seed.pdf"
    export_pdf(outcome_of(SEED_ANSWERS), out, PageSize.A4)
    spaced = words(pdf_text(out))
    assert "Overall result: AMBER" in spaced
    assert "Election law: GREEN" in spaced
    assert re.search(r"If you paid your own travel[^:]* instead: AMBER", spaced)
    assert re.search(r"If volunteering stayed incidental[^:]* instead: AMBER", spaced)


def test_red_pdf_says_red_for_the_foreign_party(qapp: object, out_dir: Path) -> None:
    out = out_dir / "red.pdf"
    export_pdf(outcome_of(RED_ANSWERS), out, PageSize.A4)
    spaced = words(pdf_text(out))
    assert "Overall result: RED" in spaced
    assert "R12" in spaced and "R31" in spaced
    assert "A foreign political party" in spaced


@pytest.mark.parametrize("name", ["Zoë Łódź", "محمد", "東京"])
def test_names_in_three_scripts(qapp: object, out_dir: Path, name: str) -> None:
    out = out_dir / "name.pdf"
    export_pdf(outcome_of(SEED_ANSWERS, name), out, PageSize.A4)
    assert contains_name(pdf_text(out), name)


@pytest.mark.parametrize("name", ['<img src="file:///etc/passwd">', "<b>x</b>"])
def test_markup_in_a_name_prints_literally(qapp: object, out_dir: Path, name: str) -> None:
    out = out_dir / "escaped.pdf"
    export_pdf(outcome_of(SEED_ANSWERS, name), out, PageSize.A4)
    assert name in words(pdf_text(out))
    assert image_sizes(out.read_bytes()) == []  # nothing was loaded


@pytest.mark.parametrize(("page", "size"), [(PageSize.A4, (595, 842)),
                                            (PageSize.LETTER, (612, 792))])
def test_report_page_sizes(qapp: object, out_dir: Path, page: PageSize,
                           size: tuple[int, int]) -> None:
    out = out_dir / "sized.pdf"
    export_pdf(outcome_of(RED_ANSWERS), out, page)
    sizes = page_sizes(out)
    assert len(sizes) >= 2
    assert {(round(w), round(h)) for w, h in sizes} == {size}
    assert f"Page {len(sizes)} of {len(sizes)}" in words(pdf_text(out))


def test_invalid_answers_still_print_what_to_correct(qapp: object, out_dir: Path) -> None:
    outcome = assess_document(AnswersDocument(answers={**SEED_ANSWERS, "B1": "maybe"}))
    assert outcome.assessment is None
    out = out_dir / "invalid.pdf"
    export_pdf(outcome, out, PageSize.A4)
    spaced = words(pdf_text(out))
    assert "Overall result: INVALID" in spaced and "Not assessed" not in spaced
    volunteer, counsel = volunteer_and_counsel(page_texts(out))
    assert words(QUESTION_BY_ID["B1"].text) in volunteer and "V03" not in volunteer
    assert "B1" in counsel
    assert squash(disclaimer()) in squash(spaced)


def test_export_error_keeps_the_existing_file(qapp: object, out_dir: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = out_dir / "report.pdf"
    out.write_bytes(b"previous report")

    def full_disk(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(answers_file.tempfile, "mkstemp", full_disk)
    with pytest.raises(AnswersFileError, match="is full"):
        export_pdf(outcome_of(SEED_ANSWERS), out, PageSize.A4)
    assert out.read_bytes() == b"previous report"


# --- volunteer-check assess FILE --pdf OUT --------------------------------------------------

def test_cli_writes_the_pdf(qapp: object, tmp_path: Path, out_dir: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    answers = write_answers(tmp_path / "seed.json", SEED_ANSWERS, "محمد")
    out = out_dir / "seed.pdf"
    assert main(["assess", str(answers), "--pdf", str(out)]) == 0
    captured = capsys.readouterr()
    assert "PDF written to" in captured.err
    assert "Overall: AMBER" in captured.out
    assert contains_name(pdf_text(out), "محمد")
    assert "seed.json" in words(pdf_text(out))


@pytest.mark.parametrize("where", ["missing-folder", "folder-itself"])
def test_cli_unwritable_output_is_exit_2_without_traceback(
        qapp: object, tmp_path: Path, out_dir: Path, capsys: pytest.CaptureFixture[str],
        where: str) -> None:
    answers = write_answers(tmp_path / "seed.json", SEED_ANSWERS)
    out = out_dir / "no" / "such" / "x.pdf" if where == "missing-folder" else out_dir
    assert main(["assess", str(answers), "--pdf", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert list(out_dir.iterdir()) == []


def test_cli_failed_write_keeps_the_old_pdf(qapp: object, tmp_path: Path, out_dir: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    answers = write_answers(tmp_path / "red.json", RED_ANSWERS)
    out = out_dir / "red.pdf"
    out.write_bytes(b"old")

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(answers_file.tempfile, "mkstemp", refuse)
    assert main(["assess", str(answers), "--pdf", str(out)]) == 2
    assert "permission denied" in capsys.readouterr().err
    assert out.read_bytes() == b"old"


def test_cli_invalid_answers_write_no_pdf(qapp: object, tmp_path: Path, out_dir: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    answers = write_answers(tmp_path / "bad.json", {**SEED_ANSWERS, "B1": "maybe"})
    out = out_dir / "bad.pdf"
    assert main(["assess", str(answers), "--pdf", str(out)]) == 2
    assert not out.exists()
    capsys.readouterr()


def test_cli_pdf_headless_in_a_fresh_process(tmp_path: Path, out_dir: Path) -> None:
    """No display and no QT_QPA_PLATFORM: the CLI still writes the PDF, warning-free."""
    answers = write_answers(tmp_path / "seed.json", SEED_ANSWERS, "東京")
    out = out_dir / "headless.pdf"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["DISPLAY"] = ":987"  # a display that does not exist must not matter either
    done = subprocess.run([sys.executable, "-m", "app.cli", "assess", str(answers), "--pdf",
                           str(out)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == f"PDF written to {out}"
    assert contains_name(pdf_text(out), "東京")


def test_export_in_a_worker_thread(qapp: object, out_dir: Path) -> None:
    """The GUI may export on a QThreadPool worker: same PDF, no Qt warnings.

    (Plain Python threads also work, but Qt warns about timers when such a thread exits.)
    """
    outcome = outcome_of(RED_ANSWERS, "東京")
    out = out_dir / "threaded.pdf"
    errors: list[BaseException] = []

    class Export(QRunnable):
        def run(self) -> None:
            try:
                export_pdf(outcome, out, PageSize.A4)
            except BaseException as error:  # handed back to the test thread
                errors.append(error)

    pool = QThreadPool()
    pool.start(Export())
    assert pool.waitForDone(60_000)
    assert not errors
    assert contains_name(pdf_text(out), "東京")


@pytest.mark.parametrize("answers", [SEED_ANSWERS, RED_ANSWERS], ids=["seed", "red"])
@pytest.mark.parametrize("page", [PageSize.A4, PageSize.LETTER])
def test_moving_headings_loses_no_text(qapp: object, out_dir: Path, answers: dict[str, Any],
                                       page: PageSize) -> None:
    """Headings moved to the next page (app.pdf.keep_headings_with_next) make Qt lay the rest
    out again; nothing may go missing from the PDF on the way (half a page once did, with an
    earlier draft of this report, until app.pdf marked the moved heading's block dirty)."""
    outcome = outcome_of(answers, "Sarah Jones")
    out = out_dir / "handout.pdf"
    export_pdf(outcome, out, page)
    document = QTextDocument()
    document.setHtml(assessment_report_html(outcome, "Sarah Jones"))
    expected = {word for word in unicodedata.normalize("NFKC", document.toPlainText()).split()
                if len(word) > 3 and word.isalpha()}
    printed = set(words(pdf_text(out)).split())
    assert len(expected) > 200
    assert expected - printed == set()
