"""What screen readers need that Qt widgets cannot say by themselves (Qt only; importing it
costs several milliseconds, QAccessible's types: the main window imports it right after the
first paint, and `install()` then gives the start page's headings their role).

- Roles: a QLabel is always "label" to assistive technology. `mark_heading`, `mark_link`,
  `mark_group` and `mark_notification` set a dynamic property that the accessibility factory
  installed by `install()` turns into the heading, link, grouping or notification role; the
  glossary's toggles become expanders (`mark_expander`: a button with the expanded state).
- Announcements: `announce()` sends the text to the screen reader without moving the focus
  (QAccessibleAnnouncementEvent, Qt 6.8+: AT-SPI "object:announcement", UI Automation
  notifications, VoiceOver announcements). Qt's AT-SPI bridge does not forward live-region or
  notification *events*, so status messages use this, or a notification-role element that is
  shown, or move the focus.

The factory runs only when an assistive technology asks for the widgets' accessible interfaces
(or tests do): in a session without one, marking a widget only sets a property.
"""

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QAccessibleWidget,
    QApplication,
    QLabel,
    QToolButton,
    QWidget,
)

ROLE = "volunteerCheckRole"  # ui.welcome sets it by name: it is painted before this loads

HEADING = "heading"
LINK = "link"
GROUP = "group"
NOTIFICATION = "notification"
EXPANDER = "expander"

_ROLES = {
    HEADING: QAccessible.Role.Heading,
    LINK: QAccessible.Role.Link,
    GROUP: QAccessible.Role.Grouping,
    NOTIFICATION: QAccessible.Role.Notification,
    EXPANDER: QAccessible.Role.Button,
}
_installed = False


def _plain(widget: QWidget) -> str:
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if isinstance(widget, QLabel):
        from PySide6.QtGui import QTextDocumentFragment

        text = widget.text()
        return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return ""


class RoleAccessible(QAccessibleWidget):
    """The accessible interface of a widget marked with a role (see the module docstring)."""

    def __init__(self, widget: QWidget, kind: str) -> None:
        super().__init__(widget, _ROLES[kind])
        self.kind = kind

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Name:
            return _plain(widget)
        if kind == QAccessible.Text.Description:
            return widget.accessibleDescription()
        if kind == QAccessible.Text.Value:
            return ""
        return str(super().text(kind))

    def state(self) -> QAccessible.State:
        state = super().state()
        widget = self.widget()
        if self.kind == EXPANDER and isinstance(widget, QAbstractButton):
            state.expandable = True
            state.expanded = widget.isChecked()
            state.collapsed = not widget.isChecked()
            state.checkable = False
            state.checked = False
        if self.kind == LINK:
            state.linked = True
        return state

    def actionNames(self) -> list[str]:
        names = list(super().actionNames())
        if self.kind in (LINK, EXPANDER):
            names.insert(0, self.pressAction())
        return names

    def doAction(self, name: str) -> None:
        widget = self.widget()
        if name == self.pressAction() and self.kind == LINK:
            QDesktopServices.openUrl(QUrl(widget.accessibleDescription()))
            return
        if name == self.pressAction() and isinstance(widget, QAbstractButton):
            widget.click()
            return
        super().doAction(name)


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QWidget):
        return None
    kind = obj.property(ROLE)
    if not isinstance(kind, str) or kind not in _ROLES:
        return None
    return RoleAccessible(obj, kind)  # Qt's cache owns it and deletes it with the widget


def install() -> None:
    """Install the role factory (once). Widgets marked before (the start page, painted before
    this module loads) whose interfaces a screen reader already has are made again."""
    global _installed
    if _installed:
        return
    _installed = True
    QAccessible.installFactory(_factory)
    if QAccessible.isActive():
        for widget in QApplication.allWidgets():
            if isinstance(widget.property(ROLE), str) and _remake(widget):
                parent = widget.parentWidget()
                if parent is not None:  # the screen reader reads the children again
                    QAccessible.updateAccessibility(
                        QAccessibleEvent(parent, QAccessible.Event.ObjectReorder))


def _remake(widget: QWidget) -> bool:
    """Drop an interface Qt made for `widget` without its role (True if there was one)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is not None and not isinstance(iface, RoleAccessible):
        QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(iface))
        return True
    return False


def _mark(widget: QWidget, kind: str) -> None:
    install()
    widget.setProperty(ROLE, kind)
    if QAccessible.isActive():
        # Qt may already have made the widget's interface while building it (setText sends
        # events): drop that one so the factory makes it again with the role.
        _remake(widget)


def mark_heading(widget: QLabel) -> QLabel:
    """Expose a label as a heading. (Qt takes heading levels only from C++ interfaces that
    implement QAccessibleAttributesInterface, which a Python interface cannot hand over.)"""
    _mark(widget, HEADING)
    return widget


def mark_link(widget: QWidget, url: str) -> QWidget:
    """Expose a widget as a link to `url` (its description); its action opens the URL."""
    _mark(widget, LINK)
    widget.setAccessibleDescription(url)
    return widget


def mark_group(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Expose a container as a named group: the question whose answers it holds."""
    _mark(widget, GROUP)
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def mark_notification(widget: QWidget) -> QWidget:
    """Expose a message bar as a notification: screen readers read it when it is shown."""
    _mark(widget, NOTIFICATION)
    return widget


def mark_expander(button: QAbstractButton) -> QAbstractButton:
    """Expose a checkable button that shows and hides text as an expander (expanded state)."""
    _mark(button, EXPANDER)
    return button


def expander(name: str, text: str, accessible_name: str, shows: QWidget) -> QToolButton:
    """A keyboard-operable toggle that shows and hides `shows` (hidden at first), with an arrow,
    exposed to screen readers as an expander (the glossary's and a finding's details)."""
    toggle = QToolButton()
    toggle.setObjectName(name)
    toggle.setText(text)
    toggle.setCheckable(True)
    toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toggle.setArrowType(Qt.ArrowType.RightArrow)
    toggle.setAutoRaise(True)
    toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    toggle.setAccessibleName(accessible_name)
    mark_expander(toggle)
    shows.hide()

    def expand(on: bool) -> None:
        shows.setVisible(on)
        toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    toggle.toggled.connect(expand)
    return toggle


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Have a screen reader say `text` now, without moving the focus (no-op without one)."""
    if not text or not QAccessible.isActive():
        return
    try:
        from PySide6.QtGui import QAccessibleAnnouncementEvent
    except ImportError:  # Qt before 6.8: the notification roles and focus moves remain
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
