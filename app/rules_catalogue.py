"""The rule catalogue rendered for people: plain text for the terminal, Markdown for review."""

from datetime import date

from app.vocabulary import source_text
from rules import RULES, load_parameters
from rules.applicability import CORPORATE_PAYER_COLOUR, MATRIX, Column
from rules.citations import Citation
from rules.engine import catalogue_wording
from rules.rule import Colour, Rule


def colour_words(rule: Rule) -> str:
    """'RED', or 'RED / NOTE' for rules whose colour depends on status."""
    order = [c for c in Colour if c in rule.possible_colours()]
    return " / ".join(str(c) for c in order)


def citation_line(citation: Citation, *, notes: bool = False) -> str:
    """A citation with its verification mark; UNVERIFIED and REPORTED ones read 'Reported: ...',
    never as authority. The research note ("retrieved via ...") only with `notes`: it is for
    counsel's Markdown catalogue, never for a volunteer."""
    return source_text(citation, str(citation.verification),
                       citation.note if notes and citation.note else "")


def _plain(text: str) -> str:
    """A rule text with its placeholders filled for every committee, as of today."""
    return text.format(**catalogue_wording(date.today()))


def rules_as_text() -> str:
    params = load_parameters()
    lines = [f"Ruleset {params.ruleset_version}, research reviewed "
             f"{params.research_reviewed.isoformat()}: {len(RULES)} rules", ""]
    for rule in RULES:
        severity = f" ({rule.severity})" if rule.severity else ""
        lines.append(f"{rule.id} {rule.name}  [{colour_words(rule)}{severity}] "
                     f"applies to {rule.applies_to}, area {rule.area}")
        lines.append(f"    {_plain(rule.text)}")
        if rule.remedy:
            lines.append(f"    Remedy: {_plain(rule.remedy)}")
        lines.extend(f"    - {citation_line(c)}" for c in rule.citations)
        lines.append("")
    return "\n".join(lines)


def rules_as_markdown() -> str:
    params = load_parameters()
    lines = [f"# Volunteer Check rules {params.ruleset_version}", "",
             f"Research last reviewed {params.research_reviewed.isoformat()}. "
             f"{len(RULES)} rules.", ""]
    for rule in RULES:
        lines.append(f"## {rule.id} {rule.name}")
        lines.append("")
        severity = f", severity {rule.severity}" if rule.severity else ""
        lines.append(f"**{colour_words(rule)}**{severity}; applies to {rule.applies_to}; "
                     f"area {rule.area}; trigger `{rule.trigger.__name__}`")
        lines.append("")
        lines.append(_plain(rule.text))
        if rule.remedy:
            lines += ["", f"*Remedy:* {_plain(rule.remedy)}"]
        lines.append("")
        lines.extend(f"- {citation_line(c, notes=True)}" for c in rule.citations)
        lines.append("")
    return "\n".join(lines + matrix_markdown())


def matrix_markdown() -> list[str]:
    """Amendment 1's applicability matrix as the engine reads it (rules.applicability)."""
    columns = list(Column)
    lines = ["# Applicability by committee", "",
             "n/a: the rule is not evaluated for that committee; the rule named instead speaks.",
             "", "| rules | " + " | ".join(c.value for c in columns) + " | instead |",
             "|---" * (len(columns) + 2) + "|"]
    for group in MATRIX:
        cells = ["n/a" if c in group.not_evaluated else "as brief" for c in columns]
        lines.append(f"| {group.name}: {', '.join(group.rules)} | " + " | ".join(cells)
                     + f" | {group.instead} |")
    corporate = [CORPORATE_PAYER_COLOUR[c] for c in columns]
    lines.append("| US corporation payer colour (R82): R17, R22, R38, R48 | "
                 + " | ".join(corporate) + " | R82 explains |")
    return [*lines, ""]
