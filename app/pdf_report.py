"""The PDF report of one assessment: report_html rendered by app.pdf (headless-safe)."""

from pathlib import Path

from app.about import APP_NAME
from app.assessing import Outcome, answers_digest
from app.i18n import _
from app.pdf import PageSize, html_to_pdf
from app.report_html import assessment_report_html


def report_title(outcome: Outcome) -> str:
    name = outcome.document.person.name
    return (_("{app} assessment: {name}").format(app=APP_NAME, name=name) if name
            else _("{app} assessment").format(app=APP_NAME))


def report_footer(outcome: Outcome) -> str:
    digest = answers_digest(outcome.clean_answers)
    return _("{app} \u00b7 not legal advice \u00b7 answers SHA-256 {digest}\u2026").format(
        app=APP_NAME, digest=digest[:16])


def export_pdf(outcome: Outcome, out: Path, page: PageSize | None = None) -> None:
    """Write the report of `outcome` to `out` (0600, atomic).

    The page size defaults to the locale's paper (Letter in the US, A4 elsewhere). Raises
    AnswersFileError, leaving any existing file intact, when the PDF cannot be saved.
    """
    html = assessment_report_html(outcome, outcome.document.person.name)
    html_to_pdf(html, out, page, report_title(outcome), footer=report_footer(outcome))
