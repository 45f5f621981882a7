"""HTML to PDF with QTextDocument and QPdfWriter (QtGui only), written atomically, owner-only.

Reports carry immigration status, so PDFs are written with permissions 0600 like answers files.
Rendering happens in memory; the file is replaced only once the whole PDF exists, so a failure
(missing or read-only folder, full disk) raises AnswersFileError and leaves any old file intact.
"""

from enum import Enum
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QLocale,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from app.about import APP_NAME, VERSION
from app.answers_file import AnswersFileError, write_bytes_atomically
from app.fonts import FONT_FAMILIES, ensure_gui_application, register_fonts
from app.i18n import _
from app.vocabulary import esc as esc  # re-exported: the PDF writers escape with it

PDF_FILE_MODE = 0o600
RESOLUTION = 300  # dots per inch of the layout; the PDF is vector, this only sets the grid
BODY_POINT_SIZE = 9.5
FOOTER_POINT_SIZE = 7.5
# Margins in millimetres: left, top, right, bottom (the bottom one holds the footer).
MARGINS_MM = (18.0, 16.0, 18.0, 18.0)
FOOTER_GAP_MM = 5.0


class PageSize(Enum):
    """The two paper sizes people print on."""

    A4 = "A4"
    LETTER = "Letter"

    @property
    def qt(self) -> QPageSize.PageSizeId:
        return QPageSize.PageSizeId.A4 if self is PageSize.A4 else QPageSize.PageSizeId.Letter


# Territories whose default paper is US Letter (CLDR supplemental paperSize data).
_T = QLocale.Country  # PySide6 names the enum Country (Territory is an alias in C++)
LETTER_TERRITORIES = frozenset({
    _T.UnitedStates, _T.Canada, _T.Mexico, _T.Philippines, _T.Chile, _T.Colombia, _T.CostaRica,
    _T.Guatemala, _T.Panama, _T.PuertoRico, _T.Venezuela, _T.ElSalvador, _T.Nicaragua, _T.Belize,
})


def default_page_size(locale: QLocale | None = None) -> PageSize:
    """Letter for the US, Canada, Mexico, the Philippines and others that use it; else A4."""
    territory = (locale if locale is not None else QLocale()).territory()
    return PageSize.LETTER if territory in LETTER_TERRITORIES else PageSize.A4


class _OfflineDocument(QTextDocument):
    """A document that never loads images, style sheets or anything else by URL.

    Returning nothing is not enough for images: Qt then loads the file itself. A blank 1x1
    image stands in for every image instead.
    """

    def loadResource(self, type: int, name: object) -> object:
        if type == QTextDocument.ResourceType.ImageResource.value:
            return _blank_image()
        return None


def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


def _font(point_size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def _mm(value: float, dpi: int) -> float:
    """Millimetres in whole device pixels (fractional page offsets leave hairlines at breaks)."""
    return float(round(value * dpi / 25.4))


# A heading keeps this much of what follows it on its page: the whole first block when it is
# short, else (and at least) its first few lines (as a share of the page height).
KEEP_WHOLE_SHARE = 0.25
KEEP_PART_SHARE = 0.08


def _is_heading(block: QTextBlock) -> bool:
    return block.blockFormat().headingLevel() > 0


def keep_headings_with_next(doc: QTextDocument, page_height: float) -> int:
    """Move every heading (h1-h6) that would end a page away from what it heads to the next
    page; returns how many were moved.

    Qt's rich text has page-break-before/after but no "keep with next" (page-break-inside and
    page-break-after: avoid are ignored), so after layout each heading, with any headings right
    after it, is checked against the first block of text it heads; when they would land on
    different pages the heading gets a page break before it. Works top down, so the layout
    below a moved heading is already up to date when it is checked.
    """
    layout = doc.documentLayout()
    moved = 0
    block = doc.begin()
    while block.isValid():
        if not _is_heading(block):
            block = block.next()
            continue
        head = block
        follower = head.next()
        while follower.isValid() and _is_heading(follower):
            follower = follower.next()
        if not follower.isValid():
            break
        top = layout.blockBoundingRect(head).top()
        rect = layout.blockBoundingRect(follower)
        # The whole first block when it is short, and never less than a few lines: a heading
        # over a one-line introduction at a page foot is as lost as one alone.
        keep = rect.height() if rect.height() <= page_height * KEEP_WHOLE_SHARE \
            else page_height * KEEP_PART_SHARE
        keep = max(keep, page_height * KEEP_PART_SHARE)
        end = min(rect.top() + keep, layout.documentSize().height()) - 1.0
        page = int(top // page_height)
        policy = head.blockFormat().pageBreakPolicy()
        if int(end // page_height) != page and top - page * page_height > 1.0 \
                and not policy & QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            form = head.blockFormat()
            form.setPageBreakPolicy(policy | QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(head).setBlockFormat(form)
            # The layout after a format change is redone lazily and, in pages, not always
            # completely (text below went missing from the PDF): marking the heading's block
            # dirty lays out again from it on (marking the whole rest costs 3x as much).
            doc.markContentsDirty(head.position(), head.length())
            moved += 1
        block = follower
    return moved


class _Layout:
    """A report laid out in pages for the PDF writer's resolution: the document, the page and
    its margins in device pixels."""

    def __init__(self, html_text: str, writer: QPdfWriter) -> None:
        dpi = writer.resolution()
        self.dpi = dpi
        self.full = writer.pageLayout().fullRectPixels(dpi)
        self.left, self.top, right, self.bottom = (_mm(m, dpi) for m in MARGINS_MM)
        self.body = QSizeF(float(int(self.full.width() - self.left - right)),
                           float(int(self.full.height() - self.top - self.bottom)))
        doc = _OfflineDocument()
        doc.documentLayout().setPaintDevice(writer)
        doc.setDefaultFont(_font(BODY_POINT_SIZE))
        doc.setDocumentMargin(0)
        doc.setUndoRedoEnabled(False)
        doc.setHtml(html_text)
        doc.setPageSize(self.body)
        keep_headings_with_next(doc, self.body.height())
        self.doc = doc
        self.pages = doc.pageCount()

    def paint(self, painter: QPainter, index: int, footer: str) -> None:
        """Page `index` (from 0) with its footer line and "Page N of M"."""
        dpi, body, left = self.dpi, self.body, self.left
        footer_top = self.full.height() - self.bottom + _mm(FOOTER_GAP_MM, dpi)
        footer_rect = QRectF(left, footer_top, body.width(), _mm(6, dpi))
        rule_y = footer_top - _mm(1.5, dpi)
        bleed = max(1.0, dpi / 150)  # two device pixels at 300 dpi
        painter.save()
        painter.translate(left, self.top - index * body.height())
        # The layout never splits a line across pages, but a text background at the top of
        # the next page reaches a hair above it: leave the last fraction of a point out.
        self.doc.drawContents(painter, QRectF(0, index * body.height(),
                                              body.width(), body.height() - bleed))
        painter.restore()
        painter.setPen(QPen(QColor("#9aa0a6"), _mm(0.2, dpi)))
        painter.drawLine(QPointF(left, rule_y), QPointF(left + body.width(), rule_y))
        painter.setPen(QColor("#5f6368"))
        painter.setFont(_font(FOOTER_POINT_SIZE))
        painter.drawText(footer_rect, Qt.AlignmentFlag.AlignRight,
                         _("Page {page} of {pages}").format(page=index + 1, pages=self.pages))
        if footer:
            room = footer_rect.adjusted(0, 0, -_mm(28, dpi), 0)
            painter.drawText(room, Qt.AlignmentFlag.AlignLeft, footer)


def _writer(device: QIODevice, size: PageSize, title: str = "") -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator(f"{APP_NAME} {VERSION}")
    writer.setPageLayout(QPageLayout(QPageSize(size.qt), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    return writer


def render_pdf(html_text: str, page: PageSize | None = None, title: str = "",
               footer: str = "") -> bytes:
    """The PDF bytes of an HTML page: numbered pages, a footer line, nothing loaded by URL.

    `title` goes into the PDF metadata; `footer` (plain text) is printed at the bottom of every
    page next to "Page N of M".
    """
    ensure_gui_application()
    register_fonts()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, page if page is not None else default_page_size(), title)
    layout = _Layout(html_text, writer)
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("could not start the PDF writer")
    try:
        for index in range(layout.pages):
            if index:
                writer.newPage()
            layout.paint(painter, index, footer)
    finally:
        painter.end()
    buffer.close()
    data: QByteArray = buffer.data()
    return bytes(data.data())


def render_page_images(html_text: str, page: PageSize | None = None, footer: str = "",
                       height: int = 0) -> list[QImage]:
    """The pages render_pdf would print, as white images (the same layout and painting, at
    the PDF's 300 dpi), scaled smoothly to `height` pixels when it is given: to look at a
    report without a PDF viewer (tools/screenshots.py)."""
    ensure_gui_application()
    register_fonts()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, page if page is not None else default_page_size())
    layout = _Layout(html_text, writer)
    dots_per_metre = round(layout.dpi / 0.0254)
    images = []
    for index in range(layout.pages):
        image = QImage(layout.full.width(), layout.full.height(), QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        layout.paint(painter, index, footer)
        painter.end()
        if height:
            image = image.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
        images.append(image)
    buffer.close()
    return images


def html_to_pdf(html: str, out: Path, page: PageSize | None = None, title: str = "",
                *, footer: str = "") -> None:
    """Render `html` to a PDF at `out` (0600, atomic); AnswersFileError if it cannot be saved."""
    target = Path(out)
    if not target.parent.is_dir():
        raise AnswersFileError(target, f"folder {target.parent} does not exist")
    if target.is_dir():
        raise AnswersFileError(target, "is a folder; choose a file name for the PDF")
    data = render_pdf(html, page, title, footer)
    write_bytes_atomically(target, data, mode=PDF_FILE_MODE)
