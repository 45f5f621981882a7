"""Read the legal brief (docs/legal-brief.md): its rule headings, questions and rule lists.

The brief is the specification; these parsers let tests compare the code with it directly.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

BRIEF = Path(__file__).resolve().parents[2] / "docs" / "legal-brief.md"
AMENDMENT = Path(__file__).resolve().parents[2] / "docs" / "legal-brief-amendment-1.md"
# Legal decisions the brief leaves open, taken in docs/decisions.md in the brief's notation
# (decision 72: "I don't know" for B6 and G, rules R91 and R92).
DECISIONS = Path(__file__).resolve().parents[2] / "docs" / "decisions.md"
COLOUR_WORDS = ("RED", "AMBER", "GREEN", "NOTE")


@cache
def brief_text() -> str:
    return BRIEF.read_text("utf-8")


@cache
def amendment_text() -> str:
    return AMENDMENT.read_text("utf-8")


def section(letter: str) -> str:
    """The text of section `## (letter)` up to the next `## (` section."""
    text = brief_text()
    start = text.index(f"\n## ({letter})")
    end = text.find("\n## (", start + 1)
    return text[start: end if end >= 0 else len(text)]


@dataclass(frozen=True)
class BriefRule:
    """One rule heading of section (b): `**R12 COMP-FOREIGN-PRINCIPAL** — RED — ALL`."""

    id: str
    name: str
    colours: frozenset[str]
    severity: str | None
    applies: str | None
    heading: str


_HEADING = re.compile(r"^\*\*(R\d\d) ([A-Z0-9-]+)\*\*(.*)$", re.MULTILINE)


def brief_rules() -> list[BriefRule]:
    """The brief's rule headings of section (b)."""
    return _headings(section("b"))


def amendment_rules() -> list[BriefRule]:
    """The rule headings amendment 1 adds (R77-R90) or restates (R08, R09 have no plain heading
    there: they carry '(corrected)')."""
    return _headings(amendment_text())


def decisions_text() -> str:
    """docs/decisions.md with its list indentation removed (headings start their lines)."""
    return "\n".join(line.strip() for line in DECISIONS.read_text("utf-8").splitlines())


def decided_rules() -> list[BriefRule]:
    """The rule headings docs/decisions.md adds (R91 onwards)."""
    return _headings(decisions_text())


def ruleset_rules() -> dict[str, BriefRule]:
    """Brief, amendment and decided rules together; the amendment wins where it has a heading."""
    return {rule.id: rule for rule in brief_rules() + amendment_rules() + decided_rules()}


def _headings(text: str) -> list[BriefRule]:
    rules = []
    for match in _HEADING.finditer(text):
        rule_id, name, rest = match.groups()
        segments = [s.strip() for s in rest.split(" — ") if s.strip()]
        colour_part = segments[0] if segments else ""
        plain = re.sub(r"\([^)]*\)", "", colour_part)
        colours = frozenset(w for w in COLOUR_WORDS if re.search(rf"\b{w}\b", plain))
        severity = re.search(r"\((high|medium|low)\)", colour_part)
        applies = None
        for segment in segments[1:]:
            word = segment.removeprefix("Applies:").strip()
            if word in ("ALL", "FN", "USP"):
                applies = word
        rules.append(BriefRule(rule_id, name, colours, severity.group(1) if severity else None,
                               applies, match.group(0)))
    return rules


def _codes(backticked: str) -> tuple[str, ...]:
    return tuple(code.strip() for code in " ".join(backticked.split()).split("|"))


def brief_questions() -> dict[str, tuple[str, ...]]:
    """Question id -> answer codes, in the brief's order, from section (d)."""
    text = section("d")
    found: dict[str, tuple[str, ...]] = {}
    items = re.split(r"\n(?=- [A-G]\d+b? |\*\*Page )", text)
    for item in items:
        question = re.match(r"- ([A-G]\d+b?) ", item)
        page = re.match(r"\*\*Page ([FG]) ", item)
        if not (question or page):
            continue
        qid = question.group(1) if question else page.group(1)
        listed = re.search(r"`([^`]*)`", item)
        assert listed, f"brief (d): no answer codes for {qid}"
        found[qid] = _codes(listed.group(1))
    return found


def amendment_questions() -> dict[str, tuple[str, ...]]:
    """New question id -> answer codes from amendment 1 (`- **A1b** (if ...) `a | b``); B10 and
    B11 (days) list no codes."""
    found: dict[str, tuple[str, ...]] = {}
    for item in re.split(r"\n(?=- \*\*)", amendment_text()):
        for qid in re.findall(r"\*\*([A-G]\d+b?)\*\*", item.split("\n")[0]):
            lists = [t for t in re.findall(r"`([^`]*)`", item) if "|" in t]
            found[qid] = _codes(lists[-1]) if lists else ()
    return found


def decided_questions() -> dict[str, tuple[str, ...]]:
    """Question id -> answer codes for the questions whose codes docs/decisions.md extends
    (`**B6 answers**: `a | b``); they replace the brief's list."""
    text = " ".join(decisions_text().split())
    return {qid: _codes(codes)
            for qid, codes in re.findall(r"\*\*([A-G]\d*b?) answers\*\*: `([^`]*)`", text)}


def brief_item(qid: str) -> str:
    """The brief's text for one question of section (d)."""
    text = section("d")
    match = re.search(rf"\n- {qid} (.*?)(?=\n- [A-G]\d+b? |\n\*\*Page |\n\n)", text, re.S)
    assert match, f"brief (d) has no question {qid}"
    return match.group(1)


def rule_list(after: str, until: str = ".") -> list[str]:
    """Rule ids named in section (c) after the text `after`, expanding ranges like R04–R06."""
    text = " ".join(section("c").split())
    start = text.index(after) + len(after)
    end = text.index(until, start)
    ids: list[str] = []
    for first, last in re.findall(r"R(\d\d)(?:[–-]R(\d\d))?", text[start:end]):
        low, high = int(first), int(last or first)
        ids += [f"R{n:02d}" for n in range(low, high + 1)]
    return ids
