"""PDF report of one assessment (placeholder until the PDF machinery lands)."""

from pathlib import Path

from app.assessing import Outcome


def export_pdf(outcome: Outcome, out: Path) -> None:
    raise NotImplementedError("PDF export is being built")
