"""Small widget helpers shared by the pages (Qt only, cheap to import before the first paint)."""

from typing import TypeVar

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from app.i18n import _
from ui.a11y import mark_heading

ERROR_COLOUR = "#b3261e"
MUTED_COLOUR = "#5f6368"
INK = "#202124"  # text on the light tinted boxes, whatever the system palette

Q = TypeVar("Q", bound=QObject)


def named(thing: Q, name: str) -> Q:
    """`thing` with its object name set (the `objectName=` keyword works at run time, but the
    PySide6 type stubs do not declare it)."""
    thing.setObjectName(name)
    return thing


def dark_palette() -> bool:
    """True when the system uses dark windows (text colours then need lighter variants)."""
    from PySide6.QtGui import QGuiApplication, QPalette

    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def muted_colour() -> str:
    return "#bdc1c6" if dark_palette() else MUTED_COLOUR


def error_colour() -> str:
    return "#f28b82" if dark_palette() else ERROR_COLOUR
CONTENT_MAX_WIDTH = 860


def protect_qt_settings() -> None:
    """Keep Qt's own settings file (the file dialogs remember the folders visited, which can
    name volunteers) readable by the owner only: created 0600 if missing, set to 0600 if not.
    Qt rewrites it keeping the permissions it finds. Never fails."""
    import os

    from PySide6.QtCore import QSettings

    for settings in (QSettings(QSettings.Scope.UserScope, "QtProject"),):
        name = settings.fileName()
        if not name or not os.path.isabs(name):
            continue
        try:
            os.makedirs(os.path.dirname(name), mode=0o700, exist_ok=True)
            handle = os.open(name, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0),
                             0o600)
            try:
                os.fchmod(handle, 0o600)
            finally:
                os.close(handle)
        except (OSError, AttributeError):  # a read-only home; no fchmod on Windows
            continue


def label(text: str = "", *, name: str = "", rich: bool = False, selectable: bool = False,
          parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label; plain text unless `rich`."""
    widget = QLabel(parent)
    widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    widget.setText(text)
    widget.setWordWrap(True)
    # Its own policy, keeping the height-for-width that setWordWrap turned on (replacing the
    # policy drops it, and a layout then gives the label the height of its text wrapped at a
    # guessed width: a one-line introduction took two lines on a page built after the window).
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    policy.setHeightForWidth(True)
    widget.setSizePolicy(policy)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        widget.setObjectName(name)
    return widget


def heading(text: str, level: int = 1, *, name: str = "") -> QLabel:
    """A bold heading: level 1 for page titles, 2 for sections, 3 for sub-sections."""
    widget = label(text, name=name)
    font = QFont(widget.font())
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(base * {1: 1.7, 2: 1.3, 3: 1.1}.get(level, 1.0))
    font.setBold(True)
    widget.setFont(font)
    widget.setAccessibleName(text)
    return mark_heading(widget)


def muted(widget: QLabel, on_tint: bool = False) -> QLabel:
    """Secondary text; `on_tint` for text on the light tinted boxes (always dark grey)."""
    widget.setStyleSheet(f"color: {MUTED_COLOUR if on_tint else muted_colour()};")
    return widget


def button(text: str, *, name: str = "", accessible: str = "", tip: str = "") -> QPushButton:
    """A push button with an explicit accessible name (defaults to its text without '&')."""
    widget = QPushButton(text)
    widget.setAutoDefault(False)
    if name:
        widget.setObjectName(name)
    widget.setAccessibleName(accessible or text.replace("&&", "\0").replace("&", "")
                             .replace("\0", "&").replace("…", "").strip())
    if tip:
        widget.setToolTip(tip)
    return widget


# Scroll areas with this property scroll to show the widget inside them that gets the focus.
FOLLOWS_FOCUS = "followsFocus"
FOCUS_MARGIN = 48  # pixels of context kept around the focused control
_CONNECTED = "volunteerCheckFollowsFocus"


def _show_focused(_old: QWidget | None, now: QWidget | None) -> None:
    """Scroll the nearest following scroll area so that the newly focused widget is visible.

    Only keyboard focus changes (Tab, arrow keys in a radio group, shortcuts, code) scroll: a
    mouse press already shows what it hits, and scrolling under the pointer would move the
    control away before the button is released, losing the click.
    """
    if now is None or QApplication.mouseButtons() != Qt.MouseButton.NoButton:
        return
    parent = now.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.property(FOLLOWS_FOCUS):
            inner = parent.widget()
            if inner is not None and inner.isAncestorOf(now):
                parent.ensureWidgetVisible(now, FOCUS_MARGIN, FOCUS_MARGIN)
            return
        parent = parent.parentWidget()


def follow_focus(area: QScrollArea) -> None:
    """Make `area` scroll to whichever widget inside it receives the keyboard focus."""
    area.setProperty(FOLLOWS_FOCUS, True)
    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.property(_CONNECTED):
        app.setProperty(_CONNECTED, True)
        app.focusChanged.connect(_show_focused)


def scroll_area(content: QWidget, *, name: str = "", accessible: str = "",
                focusable: bool = False) -> QScrollArea:
    """A frameless vertical scroll area holding `content` (which grows with the width); the
    control that gets the keyboard focus is scrolled into view."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    if name:
        area.setObjectName(name)
    if focusable:
        area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        area.setAccessibleName(accessible or _("Scrollable text"))
    else:
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if accessible:
            area.setAccessibleName(accessible)
    follow_focus(area)
    return area


class _Column(QWidget):
    """The content of a scroll area: as tall as its wrapped text needs at its width.

    A layout's minimum height is its height at its *minimum* width, where every word-wrapped
    label is at its narrowest and tallest; a resizable scroll area never makes its content
    lower than that, which left hundreds of pixels of blank space after the last section at
    ordinary widths. The scroll area sizes the content by height-for-width instead."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), 0)


def centred_column(inner: QLayout, max_width: int = CONTENT_MAX_WIDTH) -> QWidget:
    """A widget that holds `inner` in a column no wider than `max_width`, centred."""
    holder = _Column()
    column = QWidget()
    column.setLayout(inner)
    column.setMaximumWidth(max_width)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(0)
    row.addWidget(column, 1)
    row.addStretch(0)
    return holder


def framed(widget: QWidget, background: str | None, border: str) -> QWidget:
    """Give a QFrame-like box a light tinted background (its labels then use dark ink, whatever
    the system palette) and a border; with no background the box follows the palette."""
    name = widget.objectName() or f"box{id(widget)}"
    widget.setObjectName(name)
    fill = background or "palette(base)"
    ink = f" #{name} QLabel {{ color: {INK}; }}" if background else ""
    widget.setStyleSheet(
        f"#{name} {{ background: {fill}; border: 1px solid {border}; border-radius: 6px; }}"
        + ink)
    return widget
