"""The result of one assessment, for one volunteer: reused by the organiser's group window.

    view = ResultView()
    view.question_requested.connect(go_to_question)   # a missing fact's "Answer this question"
    view.show_outcome(outcome)                         # app.assessing.Outcome

It shows a large traffic light (lamp position, symbol and the word, never colour alone) with one
sentence of meaning, a light per area, every finding with its reason, remedy, "If ... instead"
alternatives and clickable citations (sources that are not authority read "Reported: ..."),
the immigration findings in their own section, the facts still missing, and a note when a saved
file's colour changed under the current rules. Invalid answers are listed with a way back to
each question.
"""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import plan_text
from app.assessing import Outcome, headline, immigration_first, immigration_summary
from app.i18n import _, labelled
from app.i18n.law_texts import prompt_of, question_text
from app.routing import friendly_message
from app.vocabulary import (
    AREA_TITLES,
    INVALID,
    INVALID_MEANING,
    NO_ELECTION_FINDINGS,
    esc,
    light_words,
)
from rules import Area, Assessment
from rules.questions import QUESTION_BY_ID
from ui.a11y import mark_heading
from ui.common import (
    button,
    centred_column,
    dark_palette,
    heading,
    label,
    muted,
    named,
    scroll_area,
)
from ui.finding_card import FindingCards, tinted_box
from ui.language import colour_text, disclaimer_text
from ui.lights import Lamp, TrafficLight, colours_of
from ui.welcome import long_date

# The lights shown per area, in this order; "campaign" only when it is more than a note.
AREA_ORDER = ("status", "compensation", "travel", "housing", "role", "resources", "immigration")


# The big colour word on the window background: dark shades on light windows, light on dark.
WORD_COLOURS = {"RED": ("#b3261e", "#f28b82"), "AMBER": ("#8a6100", "#fdd663"),
                "GREEN": ("#1e7b34", "#81c995")}



class ResultView(QWidget):
    """Shows an Outcome; emits `question_requested(qid)` to go back to a question."""

    question_requested = Signal(str)
    # The result's scroll area; it shadows QWidget.scroll(dx, dy), which nothing here calls.
    scroll: QScrollArea  # type: ignore[assignment]  # shadows QWidget.scroll, never called

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultView")
        self._outcome: Outcome | None = None
        self.column = QVBoxLayout()
        self.column.setContentsMargins(24, 16, 24, 16)
        self.column.setSpacing(10)

        top = QHBoxLayout()
        top.setSpacing(18)
        self.light = TrafficLight(lamp=40)
        self.light.setObjectName("trafficLight")
        top.addWidget(self.light, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        self.colour_label = named(QLabel(""), "overallColour")
        font = self.colour_label.font()
        font.setPointSizeF(max(font.pointSizeF(), 1.0) * 2.4)
        font.setBold(True)
        self.colour_label.setFont(font)
        mark_heading(self.colour_label)  # the result page's title: "Overall result: RED"
        self.meaning_label = label("", name="overallMeaning")
        meaning_font = self.meaning_label.font()
        meaning_font.setPointSizeF(max(meaning_font.pointSizeF(), 1.0) * 1.15)
        self.meaning_label.setFont(meaning_font)
        self.split_label = label("", name="splitColours")
        words.addWidget(self.colour_label)
        words.addWidget(self.meaning_label)
        words.addWidget(self.split_label)
        words.addStretch(1)
        top.addLayout(words, 1)
        self.column.addLayout(top)

        self.body = named(QWidget(), "resultBody")
        QVBoxLayout(self.body)
        self.column.addWidget(self.body)
        self.column.addStretch(1)
        self.scroll = scroll_area(centred_column(self.column, 900), name="resultScroll",
                                  accessible=_("Your result (use the arrow keys to scroll)"),
                                  focusable=True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.addWidget(self.scroll)
        self.question_buttons: dict[str, QWidget] = {}
        self.cards = FindingCards(self)
        self.clear()

    # ---- public API ----

    @property
    def detail_toggles(self) -> dict[str, QToolButton]:
        """Each finding's "Details for your campaign's counsel" toggle, by rule id."""
        return self.cards.toggles

    def outcome(self) -> Outcome | None:
        return self._outcome

    def colour_word(self) -> str | None:
        """The overall colour shown ("RED", "AMBER", "GREEN") or None when not assessed."""
        return self.light.word()

    def clear(self) -> None:
        self._outcome = None
        self._set_header(None, "")
        self.split_label.setText("")
        self._replace_body(named(QWidget(), "resultBody"))

    def show_outcome(self, outcome: Outcome) -> None:
        """Show the assessment of `outcome`, or its validation issues when it has none."""
        self._outcome = outcome
        self.question_buttons = {}
        self.cards = FindingCards(self)
        body = named(QWidget(), "resultBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        result = outcome.assessment
        if result is None:
            self._set_header(None, _(INVALID_MEANING))
            self.split_label.setText("")
            self._add_issues(layout, outcome)
        else:
            word = str(result.colour)
            self._set_header(word, headline(result))
            self.split_label.setText(
                _("Election law: {colour}.  Immigration: {summary}.").format(
                    colour=colour_text(str(result.election_colour)),
                    summary=immigration_summary(result)))
            self._add_plan(layout, result)
            self._add_missing(layout, result)
            self._add_changed(layout, outcome, result)
            self._add_areas(layout, result)
            self._add_findings(layout, result)
            self._add_about(layout, result)
        self._replace_body(body)
        self.scroll.verticalScrollBar().setValue(0)

    # ---- building blocks ----

    def _set_header(self, word: str | None, meaning: str) -> None:
        self.light.set_word(word)
        self.colour_label.setText(colour_text(word) if word else
                                  (colour_text(INVALID) if meaning else ""))
        shades = WORD_COLOURS.get(word or "", (colours_of(None)[0], colours_of(None)[0]))
        self.colour_label.setStyleSheet(f"color: {shades[1] if dark_palette() else shades[0]};")
        overall = _("Overall result: {colour}").format(
            colour=colour_text(word) if word else _("invalid"))
        self.colour_label.setAccessibleName(overall)
        self.meaning_label.setText(meaning)
        # Read when the result opens (the focus goes to the scrolling result).
        self.scroll.setAccessibleDescription(f"{overall}. {meaning}".strip())

    def _replace_body(self, body: QWidget) -> None:
        index = self.column.indexOf(self.body)
        self.column.insertWidget(index, body)
        self.column.removeWidget(self.body)
        self.body.hide()
        self.body.deleteLater()
        self.body = body

    def _question_button(self, qid: str, text: str, accessible: str) -> QWidget:
        go = button(text, name=f"goto_{qid}", accessible=accessible)
        go.clicked.connect(lambda _c=False, q=qid: self.question_requested.emit(q))
        self.question_buttons.setdefault(qid, go)
        return go

    def _add_issues(self, layout: QVBoxLayout, outcome: Outcome) -> None:
        box, inner = tinted_box("issuesBox", "AMBER")
        inner.addWidget(heading(_("Some answers need attention"), 2, name="issuesTitle"))
        for issue in outcome.validation.issues:
            question = QUESTION_BY_ID.get(issue.question)
            row = QHBoxLayout()
            where = (question_text(question) if question else
                     _("Answer \u201c{question}\u201d").format(question=issue.question))
            row.addWidget(label(f"{where}\n{friendly_message(issue)}",
                                name=f"issue_{issue.question}"), 1)
            if question is not None:
                row.addWidget(self._question_button(
                    issue.question, _("Go to this question"),
                    _("Go to the question: {question}").format(question=question_text(question))),
                    0, Qt.AlignmentFlag.AlignTop)
            inner.addLayout(row)
        layout.addWidget(box)

    def _add_changed(self, layout: QVBoxLayout, outcome: Outcome, result: Assessment) -> None:
        changed = outcome.colour_changed
        if not changed:
            return
        old, new = changed
        box, inner = tinted_box("colourChangedBox", "NOTE")
        saved = outcome.document.ruleset_version
        inner.addWidget(label(
            (_("The result has changed. This file was saved with the result {old} under rules "
               "version {saved}. Under the current rules (version {version}) the result is "
               "{new}. Please read the reasons below.") if saved else
             _("The result has changed. This file was saved with the result {old}. Under the "
               "current rules (version {version}) the result is {new}. Please read the "
               "reasons below.")).format(old=colour_text(str(old)), new=colour_text(str(new)),
                                         saved=saved, version=result.ruleset.version),
            name="colourChanged"))
        layout.addWidget(box)

    def _add_plan(self, layout: QVBoxLayout, result: Assessment) -> None:
        """'What to do next': the one plan of remedies (issue 8), first; nothing for GREEN."""
        if str(result.colour) == "GREEN":
            return
        plan = result.plan
        box, inner = tinted_box("planBox", str(plan.colour) if plan else "NOTE")
        inner.addWidget(heading(_(plan_text.HEADING), 2, name="planTitle"))
        if plan is None:
            inner.addWidget(label(plan_text.no_plan_text(result), name="planNone"))
            layout.addWidget(box)
            return
        inner.addWidget(label(f"<b>{esc(plan_text.plan_intro(plan))}</b>", rich=True,
                              name="planIntro"))
        for index, step in enumerate(plan.steps, 1):
            step_label = label(f"{index}. {plan_text.step_text(step)}", name=f"planStep_{index}")
            step_label.setToolTip(_("Rule {rule}").format(rule=step.rule))
            inner.addWidget(step_label)
        row = QHBoxLayout()
        row.addWidget(Lamp(str(plan.colour), 16), 0, Qt.AlignmentFlag.AlignTop)
        remaining = plan_text.remaining_text(plan, codes=False)
        then = colour_text(str(plan.colour))
        row.addWidget(label(
            "\u2192 " + (_("Then the overall result would be {colour}; {remaining}").format(
                colour=then, remaining=remaining) if remaining else
                _("Then the overall result would be {colour}.").format(colour=then)),
            name="planResult"), 1)
        inner.addLayout(row)
        layout.addWidget(box)

    def _add_missing(self, layout: QVBoxLayout, result: Assessment) -> None:
        if not result.missing:
            return
        box, inner = tinted_box("missingBox", "AMBER")
        inner.addWidget(heading(_("Facts you still need to find out"), 2, name="missingTitle"))
        inner.addWidget(label(_(
            "You answered \u201cI don't know\u201d (or preferred not to say) here. Find out, "
            "then answer the question: the result may change."), name="missingIntro"))
        for fact in result.missing:
            prompt = prompt_of(fact.question) if fact.question in QUESTION_BY_ID else fact.prompt
            row = QHBoxLayout()
            row.addWidget(label(prompt, name=f"missing_{fact.question}"), 1)
            row.addWidget(self._question_button(
                fact.question, _("Answer this question"),
                _("Answer the question: {question}").format(question=prompt)),
                0, Qt.AlignmentFlag.AlignTop)
            inner.addLayout(row)
        layout.addWidget(box)

    def _add_areas(self, layout: QVBoxLayout, result: Assessment) -> None:
        layout.addWidget(heading(_("Area by area"), 2, name="areasTitle"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        shown = list(AREA_ORDER)
        campaign = result.areas.get(Area.CAMPAIGN)
        if campaign not in (None, "NOTE"):
            shown.insert(0, "campaign")
        for index, area in enumerate(shown):
            colour = result.areas.get(Area(area))
            word = str(colour) if colour is not None else None
            row, col = divmod(index, 2)
            cell = QHBoxLayout()
            lamp = Lamp(word, 20)
            lamp.setObjectName(f"areaLamp_{area}")
            cell.addWidget(lamp)
            text = label(labelled(AREA_TITLES[area], light_words(word)),
                         name=f"area_{area}")  # wraps: longer in French and Spanish
            cell.addWidget(text, 1)
            grid.addLayout(cell, row, col)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

    def _add_findings(self, layout: QVBoxLayout, result: Assessment) -> None:
        election = named(QFrame(), "electionSection")
        election_layout = QVBoxLayout(election)
        election_layout.setContentsMargins(0, 0, 0, 0)
        election_layout.addWidget(heading(_("Election law: the reasons"), 2,
                                          name="electionTitle"))
        for finding in result.election_findings:
            election_layout.addWidget(self.cards.card(finding))
        if not result.election_findings:
            election_layout.addWidget(
                muted(label(_(NO_ELECTION_FINDINGS), name="noElectionFindings")))
        section = named(QFrame(), "immigrationSection")
        inner = QVBoxLayout(section)
        inner.setContentsMargins(0, 8, 0, 0)
        inner.addWidget(heading(_("Immigration (not election law)"), 2,
                                name="immigrationTitle"))
        inner.addWidget(muted(label(_(
            "A separate caution: immigration rules are not election law and never make the "
            "result red. Ask an immigration lawyer if this applies to you."),
            name="immigrationIntro")))
        findings = result.immigration_findings
        if not findings:
            inner.addWidget(label(_("No immigration concern was found for your answers."),
                                  name="noImmigration"))
        for finding in findings:
            inner.addWidget(self.cards.card(finding))
        # The section with the worse colour comes first (the PDF report does the same).
        if immigration_first(result):
            layout.addWidget(section)
            layout.addWidget(election)
        else:
            layout.addWidget(election)
            layout.addWidget(section)

    def _add_about(self, layout: QVBoxLayout, result: Assessment) -> None:
        layout.addWidget(heading(_("About this result"), 2, name="aboutTitle"))
        layout.addWidget(muted(label(
            _("Rules version {version}, research last reviewed {reviewed}; assessed under the "
              "law as of {as_of}.").format(version=result.ruleset.version,
                                           reviewed=long_date(result.ruleset.research_reviewed),
                                           as_of=long_date(result.as_of)),
            name="rulesetLine")))
        layout.addWidget(label(disclaimer_text(), name="resultDisclaimer"))

    # ---- for tests and the organiser ----

    def texts(self) -> str:
        """All visible text of the view, for tests and copy-paste."""
        parts: list[str] = [self.colour_label.text(), self.meaning_label.text(),
                            self.split_label.text()]
        for widget in self.body.findChildren(QLabel):
            parts.append(widget.text())
        return "\n".join(parts)

    def finding_ids(self) -> list[str]:
        return [w.objectName().removeprefix("finding_")
                for w in self.body.findChildren(QFrame)
                if w.objectName().startswith("finding_")]

    def payload(self) -> dict[str, Any]:
        """A summary of what is shown (handy for assertions)."""
        outcome = self._outcome
        plan = outcome.assessment.plan if outcome and outcome.assessment else None
        return {"colour": self.colour_word(), "findings": self.finding_ids(),
                "missing": list(self.question_buttons),
                "plan": [step.rule for step in plan.steps] if plan else None}
