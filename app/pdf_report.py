"""The PDF report of one assessment: report_html rendered by app.pdf (headless-safe)."""

from pathlib import Path

from app.about import APP_NAME
from app.assessing import Outcome, answers_digest
from app.pdf import PageSize, html_to_pdf
from app.report_html import assessment_report_html


def report_title(outcome: Outcome) -> str:
    name = outcome.document.person.name
    return f"{APP_NAME} assessment" + (f": {name}" if name else "")


def report_footer(outcome: Outcome) -> str:
    digest = answers_digest(outcome.clean_answers)
    return f"{APP_NAME} \u00b7 not legal advice \u00b7 answers SHA-256 {digest[:16]}\u2026"


def export_pdf(outcome: Outcome, out: Path, page: PageSize | None = None) -> None:
    """Write the report of `outcome` to `out` (0600, atomic).

    The page size defaults to the locale's paper (Letter in the US, A4 elsewhere). Raises
    AnswersFileError, leaving any existing file intact, when the PDF cannot be saved.
    """
    html = assessment_report_html(outcome, outcome.document.person.name)
    html_to_pdf(html, out, page, report_title(outcome), footer=report_footer(outcome))
