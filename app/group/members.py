"""The people of a group, their screening results, duplicates and the group's counts."""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.group.columns import apply_defaults
from rules import RULE_BY_ID, Issue, screen, validate_answers
from rules.engine import wording_context
from rules.facts import derive_facts
from rules.rule import Area, Colour

AREAS: tuple[Area, ...] = tuple(Area)
COLOURS = ("RED", "AMBER", "GREEN")
INVALID = "INVALID"


@dataclass(slots=True)
class Member:
    """One person as imported: where they came from, who they are and their own answers.

    `answers` holds only the person's own answers (group defaults are applied when screening),
    parsed to codes where a cell matched one and left as written where it did not.
    """

    source: str
    row: int | None
    name: str = ""
    email: str = ""
    reference: str = ""
    answers: dict[str, Any] = field(default_factory=dict)
    columns: Mapping[str, str] = field(default_factory=dict)
    read_issues: tuple[Issue, ...] = ()
    last_colour: str | None = None
    last_ruleset: str | None = None
    path: str | None = None

    @property
    def where(self) -> str:
        """'team.csv row 5', or the answers file's name."""
        return f"{self.source} row {self.row}" if self.row is not None else self.source

    @property
    def label(self) -> str:
        """The name to show: name, else email, else reference, else where it came from."""
        return self.name or self.email or self.reference or self.where

    def column_of(self, qid: str) -> str:
        return self.columns.get(qid, qid)


@dataclass(slots=True)
class MemberResult:
    """One person's screening: colours and rule ids, or the issues that block screening."""

    member: Member
    colour: Colour | None
    areas: dict[Area, Colour | None]
    fired: tuple[str, ...]
    top_rule: str | None
    missing: tuple[str, ...]
    issues: tuple[Issue, ...]
    ruleset: str
    defaults_used: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    duplicate_of: str | None = None
    top_text: str = ""
    answers: dict[str, Any] = field(default_factory=dict)
    as_of: date | None = None

    @property
    def valid(self) -> bool:
        return self.colour is not None

    @property
    def colour_word(self) -> str:
        """RED, AMBER, GREEN or INVALID."""
        return str(self.colour) if self.colour is not None else INVALID

    @property
    def changed(self) -> tuple[str, str] | None:
        """(old, new) when an answers file was saved with another colour."""
        old = self.member.last_colour
        if self.colour is None or old is None or old == str(self.colour):
            return None
        return (old, str(self.colour))

    @property
    def changed_text(self) -> str:
        changed = self.changed
        if changed is None:
            return ""
        under = f" (saved under ruleset {self.member.last_ruleset})" \
            if self.member.last_ruleset and self.member.last_ruleset != self.ruleset else ""
        return f"changed from {changed[0]} to {changed[1]}{under}"

    @property
    def top_finding(self) -> str:
        """'R31 Flights or travel paid by a foreign party ...' or '' when nothing is red/amber."""
        if self.top_rule is None:
            return ""
        return f"{self.top_rule} {self.top_text}".strip()

    def issue_texts(self) -> list[str]:
        """Each problem as 'column D1, value 'x': message (allowed: ...)'."""
        return [issue_text(self.member, issue) for issue in self.issues]

    @property
    def errors_text(self) -> str:
        return "; ".join(self.issue_texts())


def issue_text(member: Member, issue: Issue, with_row: bool = True) -> str:
    """One validation issue with its row, column, the bad value and what is allowed."""
    where = f"row {member.row}, " if member.row is not None and with_row else ""
    column = member.column_of(issue.question)
    message = issue.message
    for prefix in (f"{issue.question}: ", f"{issue.question} "):
        if message.startswith(prefix):
            message = message[len(prefix):]
            break
    text = f"{issue.code} {where}column {column}: {message}"
    if issue.value not in (None, "") and str(issue.value) not in message:
        text += f" (value '{issue.value}')"
    if issue.allowed and "allowed:" not in message and issue.code != "V01":
        text += f" (allowed: {', '.join(issue.allowed)})"
    return text


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


class Screener:
    """Validate and screen members under fixed group defaults and date, with a bounded cache.

    Organisers' groups repeat the same answers often (the same flight, host and role); identical
    answers are screened once. The cache holds at most `cache_size` entries, so memory stays flat.
    """

    def __init__(self, defaults: Mapping[str, Any], as_of: date, ruleset: str,
                 cache_size: int = 4096) -> None:
        self.defaults = dict(defaults)
        self.as_of = as_of
        self.ruleset = ruleset
        self._cache: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._cache_size = cache_size
        self._texts: dict[tuple[str, bool], str] = {}

    def merged(self, member: Member) -> tuple[dict[str, Any], tuple[str, ...]]:
        """The member's answers with the group defaults applied."""
        return apply_defaults(member.answers, self.defaults, self.as_of)

    def _top_text(self, rule_id: str, party: bool, answers: Any) -> str:
        key = (rule_id, party)
        text = self._texts.get(key)
        if text is None:
            context = wording_context(derive_facts(answers, self.as_of), self.as_of)
            text = _first_sentence(RULE_BY_ID[rule_id].text.format(**context))
            self._texts[key] = text
        return text

    def _evaluate(self, merged: dict[str, Any]) -> tuple[Any, ...]:
        key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                           for k, v in merged.items()))
        try:
            hit = self._cache.get(key)
        except TypeError:  # an unhashable value (nested JSON): never cached
            key, hit = (), None
        if hit is not None:
            return hit
        checked = validate_answers(merged, self.as_of)
        if checked.answers is None or checked.issues:
            value: tuple[Any, ...] = (None, {}, (), None, (), checked.issues, checked.dropped, "")
        else:
            result = screen(checked.answers, self.as_of)
            top = ""
            if result.top_rule is not None:
                party = checked.answers.A1 == "us_party_committee"
                top = self._top_text(result.top_rule, party, checked.answers)
            value = (result.colour, result.areas, result.fired, result.top_rule, result.missing,
                     (), checked.dropped, top)
        if key:
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[key] = value
        return value

    def screen(self, member: Member) -> MemberResult:
        merged, used = self.merged(member)
        colour, areas, fired, top, missing, issues, dropped, text = self._evaluate(merged)
        if member.read_issues:
            colour, areas, fired, top, missing, text = None, {}, (), None, (), ""
            issues = member.read_issues + tuple(issues)
        return MemberResult(
            member=member, colour=colour, areas=areas, fired=fired, top_rule=top,
            missing=missing, issues=issues, ruleset=self.ruleset, defaults_used=used,
            dropped=dropped, top_text=text, answers=merged, as_of=self.as_of)


class DuplicateIndex:
    """Flags people seen before: same email, or same name and reference (never drops them)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str, str], str] = {}

    def check(self, member: Member) -> str | None:
        """A description of the earlier entry this member duplicates, and remember this one."""
        keys: list[tuple[tuple[str, str, str], str]] = []
        if member.email:
            keys.append((("email", member.email.casefold(), ""), "same email"))
        if member.name:
            keys.append((("name", member.name.casefold(), member.reference.casefold()),
                         "same name and reference" if member.reference else "same name"))
        found: str | None = None
        for key, reason in keys:
            earlier = self._seen.get(key)
            if earlier is not None and found is None:
                found = f"possible duplicate of {earlier} ({reason})"
            self._seen.setdefault(key, member.where)
        return found

    def forget(self) -> None:
        self._seen.clear()

    def state(self) -> dict[tuple[str, str, str], str]:
        """A copy of what the index remembers (to hand to another process)."""
        return dict(self._seen)

    def restore(self, state: dict[tuple[str, str, str], str]) -> None:
        """Remember exactly `state` (from state())."""
        self._seen = dict(state)


@dataclass
class GroupCounts:
    """How many people are red, amber, green, invalid; duplicates; the group's colour."""

    red: int = 0
    amber: int = 0
    green: int = 0
    invalid: int = 0
    duplicates: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)

    def add(self, result: MemberResult) -> None:
        word = result.colour_word
        if word == "RED":
            self.red += 1
        elif word == "AMBER":
            self.amber += 1
        elif word == "GREEN":
            self.green += 1
        else:
            self.invalid += 1
        if result.duplicate_of:
            self.duplicates += 1
        self.by_rule.update(result.fired)

    @property
    def total(self) -> int:
        return self.red + self.amber + self.green + self.invalid

    @property
    def group_colour(self) -> str:
        """The worst member result (brief c.11); people who could not be screened are never
        green, so they make the group at least AMBER."""
        if self.red:
            return "RED"
        if self.amber or self.invalid:
            return "AMBER"
        return "GREEN" if self.green else "-"

    def line(self) -> str:
        text = (f"RED {self.red}  AMBER {self.amber}  GREEN {self.green}  "
                f"INVALID {self.invalid}  ({self.total} people")
        if self.duplicates:
            text += f", {self.duplicates} possible duplicate{'s' if self.duplicates > 1 else ''}"
        return text + ")"
