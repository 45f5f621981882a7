"""The rule catalogue rendered for people: plain text for the terminal, Markdown for review."""

from rules import RULES, load_parameters
from rules.citations import Citation
from rules.rule import Colour, Rule


def colour_words(rule: Rule) -> str:
    """'RED', or 'RED / NOTE' for rules whose colour depends on status."""
    order = [c for c in Colour if c in rule.possible_colours()]
    return " / ".join(str(c) for c in order)


def citation_line(citation: Citation, *, notes: bool = False) -> str:
    """A citation with its verification mark; UNVERIFIED and REPORTED ones read 'Reported: ...',
    never as authority. The research note ("retrieved via ...") only with `notes`: it is for
    counsel's Markdown catalogue, never for a volunteer."""
    url = f" <{citation.url}>" if citation.url else ""
    note = f" ({citation.note})" if notes and citation.note else ""
    return f"{citation.shown}{url} [{citation.verification}]{note}"


def _plain(text: str) -> str:
    return text.replace("{limit}", "$1,000").replace("{limit_scope}", "candidate per election")


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
    return "\n".join(lines)
