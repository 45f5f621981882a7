"""One finding of a result, as the volunteer reads it (issue 9), and the tinted boxes.

    cards = FindingCards()
    layout.addWidget(cards.card(finding))     # colour, topic, reason, remedy; then a collapsed
    cards.toggles["R12"]                       # "Details for your campaign's counsel"

The details hold the rule id and name, the single "if ... instead" alternatives and the sources
(authorities as links; sources that are not authority read "Reported: ...").
"""


from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.i18n import N_, _
from app.i18n.law_texts import (
    finding_label,
    finding_name,
    finding_remedy,
    finding_text,
    remedy_label,
    shown_citation,
)
from app.vocabulary import area_title, esc, severity_word
from rules import RULE_BY_ID, Finding
from rules.result import CitationOut
from ui.a11y import expander, mark_group, mark_link
from ui.common import framed, label, muted
from ui.language import colour_text
from ui.lights import Lamp, colours_of

COUNSEL = N_("Details for your campaign's counsel")
LINK = "#1a4fa0"  # links sit on light tinted cards, whatever the system palette
REPORTED_GREY = "#5f6368"


def citation_html(citation: CitationOut) -> str:
    """An authority as a link. A source that is not authority (UNVERIFIED or REPORTED) reads
    'Reported: ...' in grey italics and is not a link; no marks or research notes are shown."""
    if not citation.authority:
        return f"<i style='color:{REPORTED_GREY}'>{esc(shown_citation(citation))}</i>"
    text = esc(citation.label)
    return (f"<a href=\"{esc(citation.url)}\" style=\"color: {LINK}\">{text}</a>"
            if citation.url else text)


def counterfactual_text(what: str, colour: str) -> str:
    """'If the campaign paid your travel instead: GREEN' (the colour is the overall result)."""
    if colour == "GREEN":
        return _("If {change} instead: {colour}").format(change=what, colour=colour_text(colour))
    return _("If {change} instead: this reason goes away, but the overall result stays "
             "{colour} because of the other reasons").format(change=what,
                                                             colour=colour_text(colour))


class LinkKeys(QObject):
    """Enter or Space on a focused source link opens it (as a click does), whichever of the
    label's links the text control has or has not highlighted."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (isinstance(watched, QLabel) and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
                and watched.toolTip().startswith(("https://", "http://"))):
            QDesktopServices.openUrl(QUrl(watched.toolTip()))
            return True
        return False


def tinted_box(name: str, word: str | None) -> tuple[QFrame, QVBoxLayout]:
    """A light box tinted for `word` ("RED", "AMBER", "GREEN", "NOTE" or None)."""
    box = QFrame()
    box.setObjectName(name)
    strong, _text, tint = colours_of(word)
    framed(box, tint, strong)
    inner = QVBoxLayout(box)
    inner.setContentsMargins(12, 10, 12, 10)
    return box, inner


class FindingCards:
    """Builds finding cards; keeps each card's details toggle and the links' key handler."""

    def __init__(self, parent: QObject) -> None:
        self.link_keys = LinkKeys(parent)
        self.toggles: dict[str, QToolButton] = {}

    def card(self, finding: Finding) -> QFrame:
        """A finding in plain words (colour, topic, reason, remedy); the rule, the single
        alternatives and the sources fold into a "Details for your campaign's counsel"."""
        word = str(finding.colour)
        card, inner = tinted_box(f"finding_{finding.rule}", word)
        head = QHBoxLayout()
        head.addWidget(Lamp(word, 20), 0, Qt.AlignmentFlag.AlignTop)
        shown = colour_text(word)
        if finding.severity:
            shown = _("{colour} ({severity} concern)").format(
                colour=shown, severity=severity_word(finding.severity))
        topic = finding_label(finding) or area_title(finding.area)
        mark_group(card, f"{shown} \u2014 {topic}")
        title = label(f"<b>{esc(shown)}</b> \u2014 {esc(topic)}", rich=True,
                      name=f"findingTitle_{finding.rule}")
        head.addWidget(title, 1)
        inner.addLayout(head)
        inner.addWidget(label(finding_text(finding), name=f"findingText_{finding.rule}"))
        if finding.remedy:
            inner.addWidget(label(f"<b>{esc(_('What would make this green:'))}</b> "
                                  f"{esc(finding_remedy(finding))}",
                                  rich=True, name=f"findingRemedy_{finding.rule}"))
        details = QWidget()
        details.setObjectName(f"details_{finding.rule}")
        folded = QVBoxLayout(details)
        folded.setContentsMargins(18, 0, 0, 0)
        folded.setSpacing(4)
        rule = RULE_BY_ID.get(finding.rule)
        rule_line = _("Rule {rule}").format(rule=finding.rule)
        if rule:
            rule_line = _("{rule} ({name})").format(rule=rule_line, name=finding_name(finding))
        folded.addWidget(muted(label(rule_line, name=f"findingRule_{finding.rule}"),
                               on_tint=True))
        for index, alternative in enumerate(finding.counterfactuals):
            row = QHBoxLayout()
            row.addWidget(Lamp(str(alternative.colour), 14), 0, Qt.AlignmentFlag.AlignTop)
            what = remedy_label(finding.rule, alternative.label)
            row.addWidget(label(counterfactual_text(what, str(alternative.colour)),
                                name=f"counterfactual_{finding.rule}_{index}"), 1)
            folded.addLayout(row)
        if finding.citations:
            folded.addWidget(muted(label(_("Sources:"), name=f"sourcesTitle_{finding.rule}"),
                                   on_tint=True))
            for index, citation in enumerate(finding.citations):
                folded.addWidget(self._citation(finding.rule, index, citation))
        details.hide()
        inner.addWidget(self._expander(finding.rule, details), 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(details)
        return card

    def _expander(self, rule: str, details: QWidget) -> QToolButton:
        """The keyboard-operable toggle of a finding's details (an expander to screen readers,
        like the glossary's toggles)."""
        toggle = expander(f"detailsToggle_{rule}", _(COUNSEL),
                          _("{details} (rule {rule})").format(details=_(COUNSEL), rule=rule),
                          details)
        toggle.setStyleSheet(f"QToolButton {{ color: {LINK}; }}")
        self.toggles[rule] = toggle
        return toggle

    def _citation(self, rule: str, index: int, citation: CitationOut) -> QLabel:
        link = label(f"\u2022 {citation_html(citation)}", rich=True,
                     name=f"citation_{rule}_{index}")
        link.installEventFilter(self.link_keys)
        if citation.url and citation.authority:
            link.setOpenExternalLinks(True)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            link.setAccessibleName(_("Source: {source}").format(source=citation.label))
            link.setToolTip(citation.url)
            mark_link(link, citation.url)  # a link to screen readers, URL described
        elif not citation.authority:
            link.setAccessibleName(_("Source: {source}").format(source=shown_citation(citation)))
        return link
