"""The welcome (start) screen: what the check covers and does not, privacy, the rules version.

Qt only and no rules import: this page is painted first, before pydantic and the rules load.
The ruleset version and research date are read straight from rules/data/parameters.json; the
disclaimer text (rules.disclaimer) is filled in right after the first paint.
"""

import importlib.util
import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.common import button, centred_column, framed, heading, label, muted, scroll_area

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(day: date) -> str:
    """28 November 2026 (the same in every locale, unambiguous for every reader)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def read_ruleset_info() -> tuple[str, date] | None:
    """(ruleset version, research date) from the rules' parameters.json, without importing rules."""
    try:
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
    "Who pays you for your time, and your job arrangement while you help",
    "Who pays for your travel, your housing and your meals",
    "What you will do for the campaign, and any money or things you give",
    "A caution about your immigration status (this is not election law)",
)
DOES_NOT_COVER = (
    "State or local election law, tax, or immigration law in detail",
    "Facts you do not enter: the result is only as good as your answers",
    "It is not legal advice and does not replace a lawyer",
)


def _bullets(items: tuple[str, ...]) -> str:
    return "".join(f"<p style='margin:2px 0'>\u2022&nbsp;{item}</p>" for item in items)


class WelcomePage(QWidget):
    """The first screen: start the self-check or screen a group; restore a draft."""

    check_myself = Signal()
    screen_group = Signal()
    restore_draft = Signal()
    discard_draft = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        column = QVBoxLayout()
        column.setSpacing(10)
        column.setContentsMargins(24, 20, 24, 20)

        column.addWidget(heading("Volunteer Check", 1, name="welcomeTitle"))
        intro = label(
            "Do you want to help a US election campaign as a volunteer and you are not a US "
            "citizen? Answer a few questions (about 10 minutes) to see whether your plan "
            "matches what US federal election law allows, and what would make it safe.",
            name="welcomeIntro")
        column.addWidget(intro)

        self.draft_box = QFrame(objectName="draftBox")
        framed(self.draft_box, "#e8f0fe", "#4285f4")
        draft_layout = QVBoxLayout(self.draft_box)
        self.draft_label = label("", name="draftLabel")
        draft_layout.addWidget(self.draft_label)
        draft_buttons = QHBoxLayout()
        self.restore_button = button("&Continue with these answers", name="restoreDraft")
        self.discard_button = button("&Delete them and start again", name="discardDraft")
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        draft_buttons.addWidget(self.restore_button)
        draft_buttons.addWidget(self.discard_button)
        draft_buttons.addStretch(1)
        draft_layout.addLayout(draft_buttons)
        self.draft_box.hide()
        column.addWidget(self.draft_box)

        actions = QHBoxLayout()
        self.check_button = button("Check &myself", name="checkMyself",
                                   tip="Answer the questions about your own plan")
        self.check_button.setDefault(True)
        font = self.check_button.font()
        font.setBold(True)
        self.check_button.setFont(font)
        self.group_button = button("Screen a &group", name="screenGroup",
                                   tip="For organisers: check a whole list of volunteers")
        self.check_button.clicked.connect(self.check_myself)
        self.group_button.clicked.connect(self.screen_group)
        for widget in (self.check_button, self.group_button):
            widget.setMinimumHeight(36)
            actions.addWidget(widget)
        actions.addStretch(1)
        column.addLayout(actions)

        column.addWidget(heading("What the check covers", 2))
        column.addWidget(label("US federal campaign-finance rules on foreign nationals:"
                               + _bullets(COVERS), rich=True, name="covers"))
        column.addWidget(heading("What it does not cover", 2))
        column.addWidget(label(_bullets(DOES_NOT_COVER), rich=True, name="doesNotCover"))
        column.addWidget(heading("Private and offline", 2))
        column.addWidget(label(
            "Your answers stay on this device. The check works offline: nothing is sent "
            "anywhere. You can delete your answers at any time (File, Delete my answers).",
            name="privacy"))

        info = read_ruleset_info()
        self.ruleset_label = muted(label("", name="rulesetInfo"))
        if info is not None:
            self.set_ruleset(*info)
        column.addWidget(self.ruleset_label)

        self.disclaimer_box = QFrame(objectName="disclaimerBox")
        framed(self.disclaimer_box, "#f8f9fa", "#dadce0")
        box_layout = QVBoxLayout(self.disclaimer_box)
        box_layout.addWidget(heading("Important", 3))
        self.disclaimer_label = label("", name="disclaimer")
        box_layout.addWidget(self.disclaimer_label)
        self.disclaimer_box.hide()
        column.addWidget(self.disclaimer_box)
        column.addStretch(1)

        self.scroll = scroll_area(centred_column(column), name="welcomeScroll",
                                  accessible="Welcome text", focusable=False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    def set_ruleset(self, version: str, researched: date) -> None:
        self.ruleset_label.setText(
            f"Rules version {version}, based on research last reviewed {long_date(researched)}.")

    def set_disclaimer(self, text: str) -> None:
        self.disclaimer_label.setText(text)
        self.disclaimer_box.setVisible(bool(text))

    def offer_draft(self, saved: str | None) -> None:
        """Show the 'continue your unfinished answers' box."""
        when = f" (saved {saved})" if saved else ""
        self.draft_label.setText(
            f"You have unfinished answers on this device{when}. Do you want to continue "
            "with them?")
        self.draft_box.show()
        self.restore_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def hide_draft_offer(self) -> None:
        self.draft_box.hide()

    def set_group_available(self, available: bool, reason: str = "") -> None:
        self.group_button.setEnabled(available)
        self.group_button.setToolTip(
            "For organisers: check a whole list of volunteers" if available else reason)
        self.group_button.setAccessibleDescription("" if available else reason)
