"""The welcome (start) screen: what the check covers and does not, privacy, the rules version.

Painted first, before pydantic and the rules load, so this module is deliberately plain: Qt
widgets only, no rules import, no style sheets, no rich text and no use of the `Qt` namespace
(its first use alone costs ~10 ms, a tenth of a bare wizard's start-up). `finish()` adds the
rest (focus policies, the disclaimer, the draft box) right after the first paint. The ruleset
version and research date are read straight from rules/data/parameters.json.
"""

import importlib.util
import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.about import APP_NAME
from app.i18n import N_, _

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
CONTENT_MAX_WIDTH = 860


def long_date(day: date) -> str:
    """28 November 2026 (unambiguous for every reader); in Spanish and French the language's
    own way (app.i18n.formats: "28 de noviembre de 2026", "28 novembre 2026")."""
    from app.i18n import ENGLISH, language

    if language() == ENGLISH:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    from app.i18n.formats import format_date

    return format_date(day)


def read_ruleset_info() -> tuple[str, date] | None:
    """(ruleset version, research date) from the rules' parameters.json, without importing rules."""
    try:
        locations: list[str | Path] = [Path(__file__).resolve().parents[1] / "rules"]
        if not (Path(locations[0]) / "data" / "parameters.json").is_file():
            spec = importlib.util.find_spec("rules")
            locations = list(spec.submodule_search_locations or []) if spec else []
        for folder in locations:
            path = Path(folder) / "data" / "parameters.json"
            if path.is_file():
                raw = json.loads(path.read_text("utf-8"))
                return str(raw["ruleset_version"]), date.fromisoformat(raw["research_reviewed"])
    except (OSError, ValueError, KeyError, ImportError):
        return None
    return None


COVERS = (
    N_("Who pays you for your time, and your job arrangement while you help"),
    N_("Who pays for your travel, your housing and your meals"),
    N_("What you will do for the campaign, and any money or things you give"),
    N_("A caution about your immigration status (this is not election law)"),
)
DOES_NOT_COVER = (
    N_("State or local election law, tax, or immigration law in detail"),
    N_("Facts you do not enter: the result is only as good as your answers"),
    N_("It is not legal advice and does not replace a lawyer"),
)


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f"\u2022 {_(item)}" for item in items)


def _text(text: str, name: str) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(True)
    widget.setObjectName(name)
    return widget


def _heading(text: str, scale: float, name: str = "") -> QLabel:
    widget = _text(text, name or f"heading_{text[:12]}")
    font = widget.font()
    font.setPointSizeF((font.pointSizeF() if font.pointSizeF() > 0 else 10.0) * scale)
    font.setBold(True)
    widget.setFont(font)
    widget.setAccessibleName(text)
    # The heading role (ui.a11y's factory, installed by the main window; a property costs
    # nothing before the first paint).
    widget.setProperty("volunteerCheckRole", "heading")
    return widget


def _button(text: str, name: str, accessible: str, tip: str) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setToolTip(tip)
    widget.setAutoDefault(False)
    widget.setMinimumHeight(36)
    return widget


class WelcomePage(QWidget):
    """The first screen: start the self-check or screen a group; restore a draft."""

    check_myself = Signal()
    screen_group = Signal()
    restore_draft = Signal()
    discard_draft = Signal()
    # The page's scroll area; it shadows QWidget.scroll(dx, dy), which nothing here calls.
    scroll: QScrollArea  # type: ignore[assignment]  # shadows QWidget.scroll, never called

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.column = column = QVBoxLayout()
        column.setSpacing(10)
        column.setContentsMargins(24, 20, 24, 20)
        # The scroll area gets its (still empty) content first: filled afterwards, the layout is
        # computed once at show time instead of on every step.
        holder = QWidget()
        holder.setObjectName("welcomeColumn")
        holder.setLayout(column)
        holder.setMaximumWidth(CONTENT_MAX_WIDTH)
        centring = QWidget()
        row = QHBoxLayout(centring)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(0)
        row.addWidget(holder, 1)
        row.addStretch(0)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("welcomeScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(centring)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

        column.addWidget(_heading(APP_NAME, 1.7, "welcomeTitle"))
        column.addWidget(_text(_(
            "Do you want to help a US election campaign as a volunteer and you are not a US "
            "citizen? Answer a few questions (about 10 minutes) to see whether your plan "
            "matches what US federal election law allows, and what would make it safe."),
            "welcomeIntro"))

        actions = QHBoxLayout()
        self.check_button = _button(_("Check &myself"), "checkMyself", _("Check myself"),
                                    _("Answer the questions about your own plan"))
        self.check_button.setDefault(True)
        font = self.check_button.font()
        font.setBold(True)
        self.check_button.setFont(font)
        self.group_button = _button(_("Screen a &group"), "screenGroup", _("Screen a group"),
                                    _("For organisers: check a whole list of volunteers"))
        self.check_button.clicked.connect(self.check_myself)
        self.group_button.clicked.connect(self.screen_group)
        actions.addWidget(self.check_button)
        actions.addWidget(self.group_button)
        actions.addStretch(1)
        self.actions_index = column.count()
        column.addLayout(actions)

        column.addWidget(_heading(_("What the check covers"), 1.3, "heading_covers"))
        column.addWidget(_text(_("US federal campaign-finance rules on foreign nationals:")
                               + "\n" + _bullets(COVERS), "covers"))
        column.addWidget(_heading(_("What it does not cover"), 1.3, "heading_doesNotCover"))
        column.addWidget(_text(_bullets(DOES_NOT_COVER), "doesNotCover"))
        column.addWidget(_heading(_("Private and offline"), 1.3, "heading_privacy"))
        column.addWidget(_text(_(
            "Your answers stay on this device. The check works offline: nothing is sent "
            "anywhere. You can delete your answers at any time (File, Delete my answers)."),
            "privacy"))
        self.ruleset_label = _text("", "rulesetInfo")
        info = read_ruleset_info()
        if info is not None:
            self.set_ruleset(*info)
        column.addWidget(self.ruleset_label)
        self.disclaimer_index = column.count()
        column.addStretch(1)

        self.draft_box: QFrame | None = None
        self.disclaimer_box: QFrame | None = None
        self.disclaimer_label: QLabel | None = None
        self._finished = False

    # ---- after the first paint ----

    def finish(self) -> None:
        """Everything that can wait for the first paint: focus, colours, the draft box."""
        if self._finished:
            return
        self._finished = True
        from PySide6.QtCore import Qt

        from ui.common import button, framed, heading, label, muted, named

        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setAccessibleName(_("Welcome text"))
        muted(self.ruleset_label)

        self.draft_box = named(QFrame(), "draftBox")
        framed(self.draft_box, "#e8f0fe", "#4285f4")
        draft_layout = QVBoxLayout(self.draft_box)
        self.draft_label = label("", name="draftLabel")
        draft_layout.addWidget(self.draft_label)
        draft_buttons = QHBoxLayout()
        self.restore_button = button(_("&Continue with these answers"), name="restoreDraft")
        self.discard_button = button(_("&Delete them and start again"), name="discardDraft")
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        draft_buttons.addWidget(self.restore_button)
        draft_buttons.addWidget(self.discard_button)
        draft_buttons.addStretch(1)
        draft_layout.addLayout(draft_buttons)
        self.draft_box.hide()
        self.column.insertWidget(self.actions_index, self.draft_box)
        self.disclaimer_index += 1

        self.disclaimer_box = named(QFrame(), "disclaimerBox")
        framed(self.disclaimer_box, "#f8f9fa", "#dadce0")
        box_layout = QVBoxLayout(self.disclaimer_box)
        box_layout.addWidget(heading(_("Important"), 3))
        self.disclaimer_label = label("", name="disclaimer")
        box_layout.addWidget(self.disclaimer_label)
        self.disclaimer_box.hide()
        self.column.insertWidget(self.disclaimer_index, self.disclaimer_box)

    def set_ruleset(self, version: str, researched: date) -> None:
        self.ruleset_label.setText(
            _("Rules version {version}, based on research last reviewed {date}.").format(
                version=version, date=long_date(researched)))

    def set_disclaimer(self, text: str) -> None:
        self.finish()
        assert self.disclaimer_box is not None and self.disclaimer_label is not None
        self.disclaimer_label.setText(text)
        self.disclaimer_box.setVisible(bool(text))

    def offer_draft(self, saved: str | None) -> None:
        """Show the 'continue your unfinished answers' box."""
        from PySide6.QtCore import Qt

        self.finish()
        assert self.draft_box is not None
        self.draft_label.setText(
            _("You have unfinished answers on this device (saved {when}). Do you want to "
              "continue with them?").format(when=saved) if saved else
            _("You have unfinished answers on this device. Do you want to continue with "
              "them?"))
        self.draft_box.show()
        self.restore_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def draft_offered(self) -> bool:
        return self.draft_box is not None and not self.draft_box.isHidden()

    def hide_draft_offer(self) -> None:
        if self.draft_box is not None:
            self.draft_box.hide()

    def set_group_available(self, available: bool, reason: str = "") -> None:
        self.group_button.setEnabled(available)
        self.group_button.setToolTip(
            _("For organisers: check a whole list of volunteers") if available else reason)
        self.group_button.setAccessibleDescription("" if available else reason)
