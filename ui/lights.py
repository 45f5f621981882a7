"""Traffic lights drawn with QPainter: colour, shape and word together (colour is never alone).

Qt and app.vocabulary only (no rules import), so the welcome screen can use it before the rules
are loaded.
"""

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# The palette is the reports' (app.vocabulary: standard library only, no rules).
from app.i18n import N_, _
from app.vocabulary import NEUTRAL, PALETTE

SYMBOL_NAMES = {
    "RED": N_("cross"),
    "AMBER": N_("exclamation mark"),
    "GREEN": N_("tick"),
    "NOTE": N_("information sign"),
}
WORDS = {"RED": "RED", "AMBER": "AMBER", "GREEN": "GREEN", "NOTE": "NOTE"}


def _word(word: str | None) -> str:
    return _(WORDS[word]) if word in WORDS else _("no result")


def colours_of(word: str | None) -> tuple[str, str, str]:
    return PALETTE.get(word or "", NEUTRAL)


def _symbol_path(word: str | None, box: QRectF) -> tuple[QPainterPath, QPainterPath]:
    """Stroked path and filled path of the symbol for `word`, inside `box`."""
    stroke = QPainterPath()
    fill = QPainterPath()
    x, y, w, h = box.x(), box.y(), box.width(), box.height()

    def at(fx: float, fy: float) -> QPointF:
        return QPointF(x + fx * w, y + fy * h)

    if word == "GREEN":
        stroke.moveTo(at(0.22, 0.52))
        stroke.lineTo(at(0.42, 0.72))
        stroke.lineTo(at(0.78, 0.30))
    elif word == "RED":
        stroke.moveTo(at(0.28, 0.28))
        stroke.lineTo(at(0.72, 0.72))
        stroke.moveTo(at(0.72, 0.28))
        stroke.lineTo(at(0.28, 0.72))
    elif word == "AMBER":
        stroke.moveTo(at(0.5, 0.2))
        stroke.lineTo(at(0.5, 0.58))
        fill.addEllipse(at(0.5, 0.77), w * 0.07, h * 0.07)
    elif word == "NOTE":
        fill.addEllipse(at(0.5, 0.25), w * 0.07, h * 0.07)
        stroke.moveTo(at(0.5, 0.42))
        stroke.lineTo(at(0.5, 0.78))
    else:
        stroke.moveTo(at(0.3, 0.5))
        stroke.lineTo(at(0.7, 0.5))
    return stroke, fill


def paint_light(painter: QPainter, rect: QRectF, word: str | None, lit: bool = True) -> None:
    """A round lamp with the symbol of `word`; unlit lamps are dark grey without a symbol."""
    background, foreground, _tint = colours_of(word) if lit else ("#3c4043", "#3c4043", "")
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#202124"), max(1.0, rect.width() / 30)))
    painter.setBrush(QColor(background))
    painter.drawEllipse(rect)
    if lit:
        stroke, fill = _symbol_path(word, rect)
        pen = QPen(QColor(foreground), rect.width() * 0.12)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(stroke)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(foreground))
        painter.drawPath(fill)
    painter.restore()


class Lamp(QWidget):
    """One small round light with a symbol: used per area and per finding."""

    def __init__(self, word: str | None = None, diameter: int = 22,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._word = word
        self._diameter = diameter
        self.setFixedSize(diameter + 2, diameter + 2)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.set_word(word)

    def word(self) -> str | None:
        return self._word

    def set_word(self, word: str | None) -> None:
        self._word = word
        self.setAccessibleName(_("{colour} light ({symbol})").format(
            colour=_word(word), symbol=_(SYMBOL_NAMES.get(word or "", N_("dash")))))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_light(painter, QRectF(1, 1, self._diameter, self._diameter), self._word)


class TrafficLight(QWidget):
    """A large three-lamp traffic light: red on top, amber, green; only the result's lamp is lit.

    Position, symbol and (next to it, in the result view) the word carry the colour too.
    """

    ORDER = ("RED", "AMBER", "GREEN")

    def __init__(self, parent: QWidget | None = None, lamp: int = 44) -> None:
        super().__init__(parent)
        self._word: str | None = None
        self._lamp = lamp
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.set_word(None)

    def sizeHint(self) -> QSize:
        pad = self._lamp // 4
        return QSize(self._lamp + 2 * pad, 3 * self._lamp + 4 * pad)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def word(self) -> str | None:
        return self._word

    def set_word(self, word: str | None) -> None:
        self._word = word
        self.setAccessibleName(_("Traffic light: {colour}").format(colour=_word(word)))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pad = self._lamp // 4
        housing = QRectF(0.5, 0.5, self.width() - 1, self.height() - 1)
        painter.setPen(QPen(QColor("#9aa0a6"), 1))  # visible on dark windows too
        painter.setBrush(QColor("#202124"))
        painter.drawRoundedRect(housing, pad * 1.5, pad * 1.5)
        for index, word in enumerate(self.ORDER):
            rect = QRectF(pad, pad + index * (self._lamp + pad), self._lamp, self._lamp)
            lit = word == self._word
            if not lit and self._word not in self.ORDER and word == "AMBER":
                paint_light(painter, rect, self._word, lit=True)  # grey dash: no result
            else:
                paint_light(painter, rect, word, lit=lit)
