"""The PDF machinery: fonts, page sizes, escaping, no resource loading, safe atomic writes."""

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QImage

from app import answers_file
from app.answers_file import AnswersFileError
from app.fonts import FONT_FAMILIES, FONT_STACK, ensure_gui_application, register_fonts
from app.pdf import PageSize, default_page_size, esc, html_to_pdf, render_pdf
from tests.pdf_helpers import contains_name, image_sizes, page_sizes, pdf_text, words

A4 = (595.0, 842.0)
LETTER = (612.0, 792.0)


def test_fonts_register_once_and_name_the_stack(qapp: object) -> None:
    families = register_fonts()
    for family in FONT_FAMILIES:
        assert family in families
    assert register_fonts() is families
    assert FONT_STACK.index("Noto Sans") < FONT_STACK.index("Noto Sans Arabic") \
        < FONT_STACK.index("Droid Sans Fallback")


def test_the_running_application_is_reused(qapp: object) -> None:
    assert ensure_gui_application() is qapp


@pytest.mark.parametrize(("locale", "size"), [
    ("en_US", PageSize.LETTER), ("en_CA", PageSize.LETTER), ("fr_CA", PageSize.LETTER),
    ("es_MX", PageSize.LETTER), ("en_PH", PageSize.LETTER), ("es_CL", PageSize.LETTER),
    ("en_GB", PageSize.A4), ("en_AU", PageSize.A4), ("de_DE", PageSize.A4),
    ("ja_JP", PageSize.A4), ("C", PageSize.A4),
])
def test_default_page_size_follows_the_locale(locale: str, size: PageSize) -> None:
    assert default_page_size(QLocale(locale)) is size


def test_esc_escapes_markup_and_quotes() -> None:
    assert esc('<img src="x">') == "&lt;img src=&quot;x&quot;&gt;"
    assert esc("Tom's & Jerry's") == "Tom&#x27;s &amp; Jerry&#x27;s"


@pytest.mark.parametrize(("page", "size"), [(PageSize.A4, A4), (PageSize.LETTER, LETTER)])
def test_page_size_and_numbers(qapp: object, tmp_path: Path, page: PageSize,
                               size: tuple[float, float]) -> None:
    out = tmp_path / "out.pdf"
    paragraphs = "".join(f"<p>Paragraph {i}</p>" for i in range(150))
    html_to_pdf(f"<html><body>{paragraphs}</body></html>", out, page, "Title",
                footer="Footer words")
    sizes = page_sizes(out)
    assert len(sizes) > 1
    assert all(abs(w - size[0]) < 1 and abs(h - size[1]) < 1 for w, h in sizes)
    text = words(pdf_text(out))
    assert f"Page 1 of {len(sizes)}" in text
    assert f"Page {len(sizes)} of {len(sizes)}" in text
    assert "Footer words" in text
    assert "Paragraph 0" in text and "Paragraph 149" in text


def test_written_owner_only(qapp: object, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "private.pdf"
    html_to_pdf("<p>x</p>", out, PageSize.A4)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["private.pdf"]  # no temporary left


@pytest.mark.parametrize("name", ["Zoë Łódź", "محمد", "東京", "Ŕ ß Ø ñ"])
def test_scripts_render_and_extract(qapp: object, name: str) -> None:
    data = render_pdf(f"<p>Name: {esc(name)}</p>", PageSize.A4)
    assert contains_name(pdf_text(data), name)


def test_escaped_markup_prints_literally(qapp: object) -> None:
    hostile = '<img src="file:///etc/passwd"> <b>x</b>'
    text = words(pdf_text(render_pdf(f"<p>{esc(hostile)}</p>", PageSize.A4)))
    assert hostile in text


def test_no_image_or_file_is_ever_loaded(qapp: object, tmp_path: Path) -> None:
    """Even unescaped markup cannot pull a local file into the PDF."""
    picture = tmp_path / "secret.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))
    css = tmp_path / "evil.css"
    css.write_text("p { color: red; }", "utf-8")
    html = (f'<link rel="stylesheet" href="{css.as_uri()}"><p>a<img src="{picture.as_uri()}">'
            f'<img src="{picture}" width="40" height="30"></p>')
    assert all(size == (1, 1) for size in image_sizes(render_pdf(html, PageSize.A4)))


def test_missing_folder_is_a_clear_error(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "out.pdf"
    with pytest.raises(AnswersFileError, match="does not exist"):
        html_to_pdf("<p>x</p>", out, PageSize.A4)
    assert not out.parent.exists()


def test_folder_as_target_is_a_clear_error(qapp: object, tmp_path: Path) -> None:
    with pytest.raises(AnswersFileError, match="is a folder"):
        html_to_pdf("<p>x</p>", tmp_path, PageSize.A4)


def test_unwritable_folder_keeps_the_old_file(qapp: object, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old report")

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(answers_file.tempfile, "mkstemp", refuse)
    with pytest.raises(AnswersFileError, match="permission denied"):
        html_to_pdf("<p>new</p>", out, PageSize.A4)
    assert out.read_bytes() == b"old report"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs POSIX permissions and a non-root user")
def test_read_only_folder_keeps_the_old_file(qapp: object, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    out = folder / "report.pdf"
    out.write_bytes(b"old report")
    folder.chmod(0o500)
    try:
        with pytest.raises(AnswersFileError, match="permission denied"):
            html_to_pdf("<p>new</p>", out, PageSize.A4)
    finally:
        folder.chmod(0o700)
    assert out.read_bytes() == b"old report"
