"""An assessment as readable terminal text."""

import textwrap

from app.assessing import Outcome
from app.plan_text import terminal_lines as plan_terminal_lines
from app.rules_catalogue import citation_line
from app.terminal import printable
from app.vocabulary import source_text
from rules import Area, Assessment, Finding
from rules.disclaimer import COLOUR_MEANINGS, disclaimer
from rules.questions import QUESTION_BY_ID
from rules.result import CitationOut

WIDTH = 88


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def finding_lines(finding: Finding) -> list[str]:
    severity = f", {finding.severity}" if finding.severity else ""
    label = f" - {finding.label}" if finding.label else ""
    lines = [f"[{finding.colour}{severity}] {finding.rule} {finding.name}{label}"]
    lines += _wrap(finding.text, "    ")
    if finding.remedy:
        lines += _wrap(f"What would make this green: {finding.remedy}", "    ")
    for cf in finding.counterfactuals:
        wrapped = _wrap(f"If {cf.label} instead: {cf.colour}", "       ")
        lines += ["    -> " + wrapped[0].lstrip(), *wrapped[1:]]
    lines += ["    - " + source_line(c) for c in finding.citations]
    return lines


def source_line(citation: CitationOut) -> str:
    """A source as the volunteer reads it: the label (or 'Reported: <label>') and its URL; no
    verification marks or research notes, which are for counsel (`rules --markdown`)."""
    return source_text(citation)


def assessment_lines(result: Assessment) -> list[str]:
    immigration = result.areas.get(Area.IMMIGRATION)
    lines = [f"Overall: {result.colour}   (election law: {result.election_colour}; "
             f"immigration: {immigration or '-'})"]
    meaning = COLOUR_MEANINGS.get(str(result.colour))
    if meaning:
        lines += _wrap(meaning, "  ")
    lines += plan_terminal_lines(result, WIDTH)  # "What to do next", first
    areas = ", ".join(f"{area}: {colour or '-'}" for area, colour in result.areas.items())
    lines += _wrap(f"Areas: {areas}", "  ")
    lines.append("")
    lines.append("Findings (election law):")
    for finding in result.election_findings:
        lines += finding_lines(finding)
    if result.immigration_findings:
        lines += ["", "Immigration (not election law):"]
        for finding in result.immigration_findings:
            lines += finding_lines(finding)
    if result.missing:
        lines += ["", "Missing facts that stand between you and a green result:"]
        lines += [f"  - {m.question}: {m.prompt}" for m in result.missing]
    lines += ["", f"Ruleset {result.ruleset.version}, research reviewed "
              f"{result.ruleset.research_reviewed.isoformat()}; assessed as of "
              f"{result.as_of.isoformat()}.", ""]
    lines += _wrap(disclaimer(), "")
    return lines


def issue_lines(outcome: Outcome) -> list[str]:
    lines = ["The answers cannot be assessed yet:"]
    for issue in outcome.validation.issues:
        question = QUESTION_BY_ID.get(issue.question)
        where = f" ({question.text})" if question else ""
        lines.append(f"  {issue.code} {printable(issue.question)}{where}: "
                     f"{printable(issue.message)}")
    return lines


def outcome_text(outcome: Outcome) -> str:
    """The assessment as terminal text; everything that came from the file (name, file name,
    saved colour, values in messages) is made printable (app.terminal)."""
    title = printable(outcome.document.person.name
                      or (outcome.source.name if outcome.source else ""))
    lines = [f"Volunteer Check assessment{': ' + title if title else ''}"]
    changed = outcome.colour_changed
    if changed:
        lines.append(f"Note: this file was saved as {printable(changed[0])}; under ruleset "
                     f"{outcome.assessment.ruleset.version if outcome.assessment else '?'} "
                     f"it is now {changed[1]}.")
    if outcome.validation.dropped:
        lines.append("Ignored (not asked, given your other answers): "
                     + printable(", ".join(outcome.validation.dropped)))
    lines.append("")
    if outcome.assessment is None:
        lines += issue_lines(outcome)
    else:
        lines += assessment_lines(outcome.assessment)
    return "\n".join(lines)


__all__ = ["QUESTION_BY_ID", "citation_line", "outcome_text"]
