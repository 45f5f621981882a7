"""The organiser window and both PDF reports (one person, a group) as PNGs, for
tools/screenshots.py: at 1280x800 and 1024x640, each PDF page fitted to the height of the
screen as a PDF viewer shows it. The PDFs themselves are written beside the images."""

import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from app.answers_file import AnswersDocument
from app.assessing import assess_document
from app.group.group_pdf import group_footer, group_report_html
from app.pdf import PageSize, render_page_images
from app.pdf_report import export_pdf, report_footer
from app.report_html import assessment_report_html
from rules import Person
from tests.app.group.people import PARTY_PAID, SEED, US_LOCAL, row_of, write_csv
from tests.scenarios import SEED as SEED_SCENARIO
from ui.group.window import GroupWindow

PREFIXES = ("organiser-", "pdf-")
# Twelve people: names in several scripts, one to correct, one possible duplicate.
PEOPLE: tuple[tuple[dict[str, Any], str, str, str], ...] = (
    (SEED, "Sarah Jones", "sarah@labour.example", "L-001"),
    (PARTY_PAID, "Tom O'Brien", "tom@labour.example", "L-002"),
    (SEED, "محمد علي", "m.ali@example.org", "L-003"),
    (US_LOCAL, "Lee Park", "lee@example.org", ""),
    (SEED, "山田 太郎", "taro@example.jp", "L-004"),
    ({**SEED, "B1": "maybe"}, "Broken Bo", "bo@example.org", ""),
    ({**SEED, "D1": ["unknown"], "D3": None}, "Zoë Łódź", "zoe@example.org", "L-005"),
    (PARTY_PAID, "=HYPERLINK(\"http://x\",\"Eve\")", "eve@example.org", ""),
    (SEED, "Jean-Luc Picard", "jl@example.fr", "L-006"),
    (SEED, "Sarah Jones", "sarah@labour.example", "L-001"),
    (US_LOCAL, "Ana María López", "ana@example.org", "L-007"),
    (SEED, "Kwame Mensah", "kwame@example.gh", "L-008"),
)


def _settle(app: QApplication, window: GroupWindow | None = None, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while True:
        for _ in range(3):
            app.processEvents()
        if window is None or not window.busy or time.monotonic() > end:
            return
        time.sleep(0.01)


def _fonts_as_in_the_app(app: QApplication) -> None:
    """The bundled fonts as fallbacks after the system font (as ui.main_window does before
    the group window is ever opened), so names in any script render."""
    from app.fonts import register_fonts

    families = tuple(register_fonts())
    font = app.font()
    if families and font.families()[-1:] != [families[-1]]:
        font.setFamilies([font.family(), *(f for f in families if f != font.family())])
        app.setFont(font)


def fitted(page: QImage, width: int, height: int, dark: bool) -> QImage:
    """A page centred on a grey screen of width x height, fitted to its height (a viewer)."""
    screen = QImage(width, height, QImage.Format.Format_RGB32)
    screen.fill(QColor("#3c4043" if dark else "#8a8d91"))
    scaled = page.scaledToHeight(height - 24, Qt.TransformationMode.SmoothTransformation)
    painter = QPainter(screen)
    painter.drawImage(QRectF((width - scaled.width()) / 2, 12, scaled.width(), scaled.height()),
                      scaled)
    painter.end()
    return screen


def window_scenes(window: GroupWindow, csv_path: Path
                  ) -> list[tuple[str, Callable[[], None]]]:
    def empty() -> None:
        window.clear_group()

    def imported() -> None:
        window.import_paths([csv_path])

    def selected() -> None:
        window.select_row(window.model.row_of_number(1))

    def scrolled() -> None:
        window.select_row(window.model.row_of_number(2))
        bar = window.table.horizontalScrollBar()
        bar.setValue(bar.maximum())

    def edited() -> None:
        window.table.horizontalScrollBar().setValue(0)
        row = window.model.row_of_number(1)
        window.apply_edit(row, {**PARTY_PAID, "D1": ["self"], "D3": 700})
        window.select_row(row)

    def filtered() -> None:
        window.filter_rule("R73")
        window.search.setText("example.org")

    def invalid() -> None:
        window.filter_rule("")
        window.search.clear()
        window.select_row(window.model.row_of_number(5))

    return [("organiser-01-empty", empty), ("organiser-02-imported", imported),
            ("organiser-03-selected", selected), ("organiser-04-scrolled-sideways", scrolled),
            ("organiser-05-edited", edited), ("organiser-06-filtered", filtered),
            ("organiser-07-invalid", invalid)]


def render_organiser(app: QApplication, out: Path, sizes: tuple[tuple[int, int], ...],
                     dark: bool, lang: str = "") -> int:
    """Every organiser scene and every page of both PDFs at every size; the number of PNGs.
    `lang` ("-fr" ...) ends the file names of another language."""
    tail = ("-dark" if dark else "") + lang
    written = 0
    _fonts_as_in_the_app(app)
    with tempfile.TemporaryDirectory(prefix="volunteer-check-organiser-") as folder:
        csv_path = write_csv(Path(folder) / "team.csv",
                             [row_of(a, n, e, r) for a, n, e, r in PEOPLE])
        for width, height in sizes:
            window = GroupWindow()
            window.resize(width, height)
            window.show()
            _settle(app)
            for name, show in window_scenes(window, csv_path):
                show()
                _settle(app, window)
                window.grab().save(str(out / f"{name}-{width}x{height}{tail}.png"))
                written += 1
            results = window.results()
            window.close()
            window.deleteLater()
            _settle(app)

    person = Person(name="Sarah Jones", campaign="Jones for Congress",
                    trip_start=date(2026, 10, 3), trip_end=date(2026, 10, 17))
    outcome = assess_document(AnswersDocument(answers=SEED_SCENARIO, person=person))
    export_pdf(outcome, out / f"pdf-single{lang}.pdf", PageSize.LETTER)
    from app.group.group_pdf import write_group_pdf

    write_group_pdf(results, out / f"pdf-group{lang}.pdf", page=PageSize.A4)
    reports = (("pdf-single", assessment_report_html(outcome, "Sarah Jones"),
                report_footer(outcome), PageSize.LETTER),
               ("pdf-group", group_report_html(results), group_footer(), PageSize.A4))
    for name, html, footer, page in reports:
        pages = render_page_images(html, page, footer)
        for number, image in enumerate(pages, start=1):
            for width, height in sizes:
                fitted(image, width, height, dark).save(
                    str(out / f"{name}-p{number}-{width}x{height}{tail}.png"))
                written += 1
    return written
