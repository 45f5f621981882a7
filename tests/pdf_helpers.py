"""Shared by the PDF tests: seed answers and reading text back out of a PDF."""

import io
import unicodedata
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.scenarios import SEED

SEED_ANSWERS: dict[str, Any] = SEED

# Paid and flown in by a foreign party: the Australian Labor Party / Sanders pattern.
RED_ANSWERS: dict[str, Any] = {
    **{k: v for k, v in SEED_ANSWERS.items() if k != "D3"},
    "C1": ["foreign_party"], "D1": ["foreign_party"],
}


def pdf_text(source: Path | bytes) -> str:
    """All pages' text, NFKC-normalised (pypdf gives Arabic as presentation forms)."""
    data = source if isinstance(source, bytes) else source.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFKC", text)


def squash(text: str) -> str:
    """Text without any whitespace: survives line wrapping inside URLs and digests."""
    return "".join(text.split())


def words(text: str) -> str:
    """Text with every run of whitespace (pypdf uses tabs between words) as one space."""
    return " ".join(text.split())


def contains_name(text: str, name: str) -> bool:
    """Arabic comes out of pypdf in visual order: accept the name either way round."""
    flat = squash(text)
    return squash(name) in flat or squash(name)[::-1] in flat


def page_sizes(path: Path) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def image_sizes(data: bytes) -> list[tuple[int, int]]:
    """Width and height of every image XObject in the PDF."""
    sizes = []
    for page in PdfReader(io.BytesIO(data)).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        xobjects = resources.get_object().get("/XObject")
        if xobjects is None:
            continue
        for ref in xobjects.get_object().values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                sizes.append((int(xobject["/Width"]), int(xobject["/Height"])))
    return sizes
