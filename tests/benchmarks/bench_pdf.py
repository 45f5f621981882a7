"""PDF export of a normal result against a bare HTML page of the same text, in the same run.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -o addopts="" -q -s \
         tests/benchmarks/bench_pdf.py
"""

import html
import re
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

from app.answers_file import AnswersDocument
from app.assessing import assess_document
from app.fonts import register_fonts
from app.pdf import PageSize
from app.pdf_report import export_pdf
from app.report_html import assessment_report_html
from rules import Person
from tests.benchmarks.conftest import median_seconds
from tests.pdf_helpers import SEED_ANSWERS, page_sizes

TARGET_SECONDS = 0.5


def bare_html_like(report_html: str) -> str:
    """The report's text as plain paragraphs: no style sheet, tables, badges or colours."""
    text = re.sub(r"<style>.*?</style>", "", report_html, flags=re.S)
    text = re.sub(r"</(p|h\d|tr|table)>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines if line) \
        + "</body></html>"


def print_bare(page_html: str, out: Path) -> None:
    """Qt's plain route: QTextDocument.print_ onto a QPdfWriter (its own margins and numbers)."""
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc = QTextDocument()
    doc.setHtml(page_html)
    doc.print_(writer)


def test_pdf_export_time(qapp: object, tmp_path: Path,
                         bench_report: Callable[..., float]) -> None:
    register_fonts()
    outcome = assess_document(AnswersDocument(answers=SEED_ANSWERS,
                                              person=Person(name="Zoë Łódź")))
    report = tmp_path / "report.pdf"
    bare = tmp_path / "bare.pdf"
    page_html = bare_html_like(assessment_report_html(outcome, "Zoë Łódź"))

    first_start = time.perf_counter()
    export_pdf(outcome, report, PageSize.A4)  # first export in this process: fonts load
    first_s = time.perf_counter() - first_start
    app_s = median_seconds(lambda: export_pdf(outcome, report, PageSize.A4), repeat=7)
    html_s = median_seconds(lambda: assessment_report_html(outcome, "Zoë Łódź"), repeat=7)
    base_s = median_seconds(lambda: print_bare(page_html, bare), repeat=7)

    pages, bare_pages = len(page_sizes(report)), len(page_sizes(bare))
    bench_report("pdf_export", app_s, base_s, "s", f"app < {TARGET_SECONDS} s",
                 pages=pages, bare_pages=bare_pages, html_build_s=html_s, first_export_s=first_s,
                 report_bytes=report.stat().st_size, bare_bytes=bare.stat().st_size)
    print(f"     first export {first_s * 1000:.0f} ms; report {pages} pages, "
          f"{report.stat().st_size:,} bytes, HTML built in "
          f"{html_s * 1000:.1f} ms; bare page {bare_pages} pages, {bare.stat().st_size:,} bytes")
    assert first_s < TARGET_SECONDS
    assert app_s < TARGET_SECONDS
