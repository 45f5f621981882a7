"""Keyboard focus in reading order: walk the layouts top to bottom and chain the tab stops."""

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QScrollArea, QWidget


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _walk_layout(layout: QLayout, found: list[QWidget]) -> None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        child = item.widget()
        if child is not None:
            _walk_widget(child, found)
            continue
        sub = item.layout()
        if sub is not None:
            _walk_layout(sub, found)


def _walk_widget(widget: QWidget, found: list[QWidget]) -> None:
    if widget.focusProxy() is None and _takes_tab(widget):
        found.append(widget)
    if isinstance(widget, QScrollArea):
        inner = widget.widget()
        if inner is not None:
            _walk_widget(inner, found)
        return
    layout = widget.layout()
    if layout is not None:
        _walk_layout(layout, found)


def reading_order(root: QWidget) -> list[QWidget]:
    """Tab stops under `root` in the order their layouts place them (top to bottom, left to right).

    Widgets not managed by a layout (inner parts of composite widgets) are left alone.
    """
    found: list[QWidget] = []
    layout = root.layout()
    if isinstance(root, QScrollArea) or layout is None:
        _walk_widget(root, found)
    else:
        if root.focusProxy() is None and _takes_tab(root):
            found.append(root)
        _walk_layout(layout, found)
    return found


def chain(widgets: Iterable[QWidget]) -> None:
    """Make Tab visit `widgets` in the given order."""
    previous: QWidget | None = None
    for widget in widgets:
        if previous is not None and previous.window() is widget.window():
            QWidget.setTabOrder(previous, widget)
        previous = widget
