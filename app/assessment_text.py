"""An assessment as readable terminal text."""

import textwrap

from app.assessing import Outcome
from app.i18n import ENGLISH, _, labelled, language
from app.i18n.law_texts import (
    colour_meaning,
    disclaimer,
    finding_label,
    finding_name,
    finding_remedy,
    finding_text,
    prompt_of,
    remedy_label,
)
from app.plan_text import terminal_lines as plan_terminal_lines
from app.rules_catalogue import citation_line
from app.terminal import printable
from app.vocabulary import area_title, colour_name, severity_word, source_text
from rules import Area, Assessment, Finding
from rules.questions import QUESTION_BY_ID
from rules.result import CitationOut

WIDTH = 88


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def finding_lines(finding: Finding) -> list[str]:
    severity = ", " + severity_word(finding.severity) if finding.severity else ""
    label = f" - {finding_label(finding)}" if finding.label else ""
    lines = [f"[{colour_name(finding.colour)}{severity}] {finding.rule} "
             f"{finding_name(finding)}{label}"]
    lines += _wrap(finding_text(finding), "    ")
    if finding.remedy:
        lines += _wrap(_("What would make this green: {remedy}").format(
            remedy=finding_remedy(finding)), "    ")
    for cf in finding.counterfactuals:
        wrapped = _wrap(_("If {label} instead: {colour}").format(
            label=remedy_label(finding.rule, cf.label), colour=colour_name(cf.colour)),
            "       ")
        lines += ["    -> " + wrapped[0].lstrip(), *wrapped[1:]]
    lines += ["    - " + source_line(c) for c in finding.citations]
    return lines


def source_line(citation: CitationOut) -> str:
    """A source as the volunteer reads it: the label (or 'Reported: <label>') and its URL; no
    verification marks or research notes, which are for counsel (`rules --markdown`)."""
    return source_text(citation)


def assessment_lines(result: Assessment) -> list[str]:
    immigration = result.areas.get(Area.IMMIGRATION)
    lines = [_("Overall: {colour}   (election law: {election}; immigration: {immigration})")
             .format(colour=colour_name(result.colour),
                     election=colour_name(result.election_colour),
                     immigration=colour_name(immigration) if immigration else "-")]
    meaning = colour_meaning(str(result.colour))
    if meaning:
        lines += _wrap(meaning, "  ")
    lines += plan_terminal_lines(result, WIDTH)  # "What to do next", first
    areas = ", ".join(labelled(area_title(area), colour_name(colour) if colour else '-')
                      for area, colour in result.areas.items())
    lines += _wrap(_("Areas: {areas}").format(areas=areas), "  ")
    lines.append("")
    lines.append(_("Findings (election law):"))
    for finding in result.election_findings:
        lines += finding_lines(finding)
    if result.immigration_findings:
        lines += ["", _("Immigration (not election law):")]
        for finding in result.immigration_findings:
            lines += finding_lines(finding)
    if result.missing:
        lines += ["", _("Missing facts that stand between you and a green result:")]
        lines += ["  - " + labelled(m.question, prompt_of(m.question)) for m in result.missing]
    lines += ["", _("Ruleset {version}, research reviewed {reviewed}; assessed as of {as_of}.")
              .format(version=result.ruleset.version,
                      reviewed=result.ruleset.research_reviewed.isoformat(),
                      as_of=result.as_of.isoformat()), ""]
    lines += _wrap(disclaimer(), "")
    return lines


def issue_lines(outcome: Outcome) -> list[str]:
    from app.routing import friendly_message

    lines = [_("The answers cannot be assessed yet:")]
    for issue in outcome.validation.issues:
        question = QUESTION_BY_ID.get(issue.question)
        where = f" ({prompt_of(issue.question)})" if question else ""
        # English keeps the validator's own message (ids and codes, as before); other
        # languages the worded message of the wizard (app.routing.friendly_message).
        message = issue.message if language() == ENGLISH else friendly_message(issue)
        lines.append(f"  {issue.code} {printable(issue.question)}{where}: "
                     f"{printable(message)}")
    return lines


def outcome_text(outcome: Outcome) -> str:
    """The assessment as terminal text; everything that came from the file (name, file name,
    saved colour, values in messages) is made printable (app.terminal)."""
    title = printable(outcome.document.person.name
                      or (outcome.source.name if outcome.source else ""))
    lines = [_("Volunteer Check assessment: {name}").format(name=title) if title
             else _("Volunteer Check assessment")]
    changed = outcome.colour_changed
    if changed:
        lines.append(_("Note: this file was saved as {old}; under ruleset {version} it is now "
                       "{new}.").format(
            old=colour_name(printable(changed[0])),
            version=outcome.assessment.ruleset.version if outcome.assessment else "?",
            new=colour_name(changed[1])))
    if outcome.validation.dropped:
        lines.append(_("Ignored (not asked, given your other answers): {ids}").format(
            ids=printable(", ".join(outcome.validation.dropped))))
    lines.append("")
    if outcome.assessment is None:
        lines += issue_lines(outcome)
    else:
        lines += assessment_lines(outcome.assessment)
    return "\n".join(lines)


__all__ = ["QUESTION_BY_ID", "citation_line", "outcome_text"]
