"""What the CLI and the handout show in another language: every sentence goes through the
catalogues (a pseudo-translation finds any that does not), and the PDF in es and fr uses only
glyphs of the bundled fonts."""

import gettext
import html
import io
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import app.i18n as i18n
from app.answers_file import AnswersDocument, write_answers_file
from app.cli import main
from app.i18n.catalogue_files import Catalogue, Entry, compile_mo, header_for, read_catalogue
from app.i18n.tool import LOCALE_DIR, po_path
from rules.answers import Person
from tests.pdf_helpers import RED_ANSWERS
from tests.scenarios import SEED

OPEN, CLOSE = "\u27e6", "\u27e7"  # what the pseudo-translation puts around every text
AS_OF = ("--as-of", "2026-06-01")


def _pseudo(entry: Entry) -> Entry:
    forms = [entry.msgid] if entry.plural is None else [entry.msgid, entry.plural]
    return Entry(entry.msgid, entry.context, entry.plural,
                 tuple(f"{OPEN}{form}{CLOSE}" for form in forms))


@pytest.fixture
def pseudo_spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Spanish whose every translation is the English in ⟦ ⟧."""
    found: dict[str, gettext.GNUTranslations] = {}
    for domain in i18n.DOMAINS:
        template = read_catalogue(LOCALE_DIR / f"{domain}.pot")
        mo = tmp_path / f"{domain}.mo"
        mo.write_bytes(compile_mo(Catalogue(header_for("es", domain),
                                            [_pseudo(e) for e in template.entries])))
        with mo.open("rb") as stream:
            found[domain] = gettext.GNUTranslations(stream)
    monkeypatch.setattr(i18n, "catalogue", lambda code, domain: found[domain]
                        if code == "es" else gettext.NullTranslations())
    yield


def _english_sentences() -> set[str]:
    """Every English text of both domains with at least four words."""
    texts = set()
    for domain in i18n.DOMAINS:
        for entry in read_catalogue(LOCALE_DIR / f"{domain}.pot").entries:
            for text in (entry.msgid, entry.plural or ""):
                for piece in re.split(r"\{[^}]*\}", text):
                    if len(piece.split()) >= 4:
                        texts.add(" ".join(piece.split()))
    return texts


def _outside_pseudo(text: str) -> str:
    while re.search(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", text):
        text = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
    return " ".join(text.split())


def _answers(folder: Path, answers: dict[str, Any]) -> Path:
    path = folder / "jane.json"
    write_answers_file(path, AnswersDocument(answers, Person(name="Jane Doe")), None)
    return path


@pytest.mark.parametrize("answers", [SEED, RED_ANSWERS], ids=["seed", "red"])
def test_cli_lang_es_prints_no_untranslated_sentence(
        pseudo_spanish: None, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        answers: dict[str, Any]) -> None:
    clean = {k: v for k, v in answers.items() if k != "A2"}
    assert main(["--lang", "es", "assess", str(_answers(tmp_path, clean)), *AS_OF]) == 0
    out = capsys.readouterr().out
    assert OPEN in out
    # Sources (citations) are never translated: their lines ("    - 11 CFR ...") are left out.
    rest = _outside_pseudo("\n".join(line for line in out.splitlines()
                                      if not line.startswith("    - ")))
    leaked = sorted(s for s in _english_sentences() if s in rest)
    assert leaked == [], f"English left in `--lang es` output: {leaked}\n{out}"


def test_cli_json_stays_english_and_codes(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = str(_answers(tmp_path, {k: v for k, v in SEED.items() if k != "A2"}))
    main(["assess", path, "--json", *AS_OF])
    english = capsys.readouterr().out
    main(["--lang", "fr", "assess", path, "--json", *AS_OF])
    assert capsys.readouterr().out == english


@pytest.mark.parametrize("language", ["es", "fr"])
def test_handout_in_another_language_prints_the_authoritative_english(
        pseudo_spanish: None, language: str) -> None:
    from app.assessing import assess_document
    from app.report_html import assessment_report_html

    outcome = assess_document(AnswersDocument({k: v for k, v in RED_ANSWERS.items()
                                               if k != "A2"}, Person(name="Ann")))
    with i18n.in_language("es"):
        page = assessment_report_html(outcome, "Ann")
    assert outcome.assessment is not None
    assert "Authoritative English text" in html.unescape(page)
    for finding in outcome.assessment.findings:
        assert html.escape(finding.text) in page  # the English, untranslated, for counsel


def _shown_text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", page,
                                                         flags=re.S)))


@pytest.mark.parametrize("language", ["es", "fr"])
def test_handout_uses_only_glyphs_of_the_bundled_fonts(qapp: object, language: str) -> None:
    """The whole handout (and every translation in the catalogues) in es and fr: every
    character is in the bundled Noto Sans, regular and bold."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QRawFont

    from app.assessing import assess_document
    from app.report_html import assessment_report_html

    outcome = assess_document(AnswersDocument({k: v for k, v in RED_ANSWERS.items()
                                               if k != "A2"}, Person(name="Ann")))
    with i18n.in_language(language):
        text = _shown_text(assessment_report_html(outcome, "Ann"))
    for domain in i18n.DOMAINS:
        for entry in read_catalogue(po_path(language, domain)).entries:
            text += "".join(entry.msgstr)
    characters = {ch for ch in text if ord(ch) > 127} - set("\u200e\u2068\u2069")
    for font in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
        raw = QRawFont(QByteArray((resources.files("resources.fonts") / font).read_bytes()),
                       10.0)
        missing = sorted(f"U+{ord(ch):04X}" for ch in characters
                         if not raw.supportsCharacter(ord(ch)))
        assert missing == [], f"{font} lacks {missing}"


@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_pdf_in_each_language_embeds_only_the_bundled_fonts(
        qapp: object, tmp_path: Path, language: str) -> None:
    from pypdf import PdfReader

    from app.assessing import assess_document
    from app.pdf import PageSize
    from app.pdf_report import export_pdf

    outcome = assess_document(AnswersDocument({k: v for k, v in RED_ANSWERS.items()
                                               if k != "A2"}, Person(name="Ann")))
    out = tmp_path / f"{language}.pdf"
    with i18n.in_language(language):
        export_pdf(outcome, out, PageSize.A4)
    used = set()
    for page in PdfReader(io.BytesIO(out.read_bytes())).pages:
        for ref in page["/Resources"].get_object().get("/Font", {}).values():
            used.add(str(ref.get_object()["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    assert used and all(name.startswith(("NotoSans", "DroidSansFallback")) for name in used)
