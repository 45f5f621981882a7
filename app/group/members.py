"""The people of a group, their screening results, duplicates and the group's counts."""

from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from hashlib import blake2b
from typing import Any

from app.group.columns import apply_defaults
from app.i18n import N_, _, language, ngettext
from app.i18n.law_texts import filled_rule_text
from app.vocabulary import INVALID, colour_name
from rules import (
    RULE_BY_ID,
    Issue,
    Screening,
    Validation,
    screen,
    screen_many,
    validate_answers,
    validate_many,
)
from rules.engine import catalogue_wording, wording_context
from rules.facts import derive_facts
from rules.questions import QUESTIONS
from rules.rule import Area, Colour

AREAS: tuple[Area, ...] = tuple(Area)
# Why two people look like one (DuplicateIndex), translated where the duplicate is reported.
SAME_EMAIL = N_("same email")
SAME_NAME_AND_REFERENCE = N_("same name and reference")
SAME_NAME = N_("same name")
COLOURS = ("RED", "AMBER", "GREEN")
QUESTION_ORDER: tuple[str, ...] = tuple(q.id for q in QUESTIONS)


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
    # The person's own answers as imported, kept once they are edited in the app.
    original: dict[str, Any] | None = None

    @property
    def edited(self) -> bool:
        """True when the answers were changed in the app (and differ from the imported ones)."""
        return self.original is not None and self.original != self.answers

    def edits(self) -> list[tuple[str, Any, Any]]:
        """(question id, original value, value now) of every answer changed in the app, in
        question order; None for a blank."""
        if self.original is None:
            return []
        before, now = self.original, self.answers
        changed = [qid for qid in QUESTION_ORDER if before.get(qid) != now.get(qid)]
        extra = sorted(key for key in {*before, *now} - set(QUESTION_ORDER)
                       if before.get(key) != now.get(key))
        return [(qid, before.get(qid), now.get(qid)) for qid in [*changed, *extra]]

    @property
    def edited_text(self) -> str:
        """'edited in the app: D1 was foreign_party, now self; D3 was blank, now 700' or ''."""
        if not self.edited:
            return ""
        parts = [_("{question} was {before}, now {after}").format(
            question=qid, before=_value_text(old), after=_value_text(new))
            for qid, old, new in self.edits()]
        if not parts:
            return _("edited in the app")
        return _("edited in the app: {changes}").format(changes="; ".join(parts))

    @property
    def where(self) -> str:
        """'team.csv row 5', or the answers file's name."""
        return where_text(self.source, self.row)

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
        old, new = colour_name(changed[0]), colour_name(changed[1])
        ruleset = self.member.last_ruleset
        if ruleset and ruleset != self.ruleset:
            return _("changed from {old} to {new} (saved under ruleset {ruleset})").format(
                old=old, new=new, ruleset=ruleset)
        return _("changed from {old} to {new}").format(old=old, new=new)

    @property
    def top_finding(self) -> str:
        """'R31 Flights or travel paid by a foreign party ...' or '' when nothing is red/amber
        (the first sentence of the rule's text, in the current language)."""
        if self.top_rule is None:
            return ""
        return f"{self.top_rule} {top_sentence(self.top_rule, self.top_text)}".strip()

    def issue_texts(self) -> list[str]:
        """Each problem as 'column D1, value 'x': message (allowed: ...)'."""
        return [issue_text(self.member, issue) for issue in self.issues]

    @property
    def errors_text(self) -> str:
        return "; ".join(self.issue_texts())


def edited_member(member: Member, answers: dict[str, Any]) -> Member:
    """`member` with new own answers from an edit in the app: the answers as first imported are
    kept (`original`, also over several edits), reading problems are gone with the old cells."""
    original = member.original if member.original is not None else dict(member.answers)
    return replace(member, answers=dict(answers), read_issues=(), original=original)


def where_text(source: str, row: int | None) -> str:
    """'team.csv row 5' (in the current language), or the source alone."""
    if row is None:
        return source
    return _("{source} row {row}").format(source=source, row=row)


@lru_cache(maxsize=1024)
def _top_sentence(rule_id: str, english: str, language_code: str) -> str:
    return _first_sentence(filled_rule_text(rule_id, "text", english))


def top_sentence(rule_id: str, english: str) -> str:
    """The first sentence of a rule's text as the engine filled it in, in the current
    language."""
    return _top_sentence(rule_id, english, language())


def _value_text(value: Any) -> str:
    """An answer as a spreadsheet cell would hold it (codes; several joined with ';')."""
    if value is None or value == "" or value == []:
        return _("blank")
    if isinstance(value, list | tuple):
        return ";".join(str(item) for item in value)
    return str(value)


def issue_text(member: Member, issue: Issue, with_row: bool = True) -> str:
    """One validation issue with its row, column, the bad value and what is allowed (in the
    current language: the engine's English message is worded again by app.routing)."""
    column = member.column_of(issue.question)
    message = _issue_message(issue)
    if member.row is not None and with_row:
        text = _("{code} row {row}, column {column}: {message}").format(
            code=issue.code, row=member.row, column=column, message=message)
    else:
        text = _("{code} column {column}: {message}").format(
            code=issue.code, column=column, message=message)
    if issue.value not in (None, "") and str(issue.value) not in message:
        text += " " + _("(value '{value}')").format(value=issue.value)
    if issue.allowed and "allowed:" not in message and issue.code != "V01":
        text += " " + _("(allowed: {codes})").format(codes=", ".join(issue.allowed))
    return text


def _issue_message(issue: Issue) -> str:
    """The issue's message without its question id: the engine's (English) text in English,
    app.routing's wording in another language."""
    if language() != "en" and issue.kind != "other":
        from app.routing import friendly_message

        return friendly_message(issue)
    message = issue.message
    for prefix in (f"{issue.question}: ", f"{issue.question} "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def rule_summary(rule_id: str) -> str:
    """The first sentence of a rule's text, in the catalogue's wording (every committee's
    amount where it differs), for lists of rules; the id when there is no such rule."""
    rule = RULE_BY_ID.get(rule_id)
    if rule is None:
        return rule_id
    english = rule.text.format(**catalogue_wording(date.today()))
    return _first_sentence(filled_rule_text(rule_id, "text", english))


def rule_title(rule_id: str, length: int = 64) -> str:
    """'R31 Flights or travel paid by a foreign party, government or…': the id and the start
    of its first sentence, for a list to pick from."""
    summary = rule_summary(rule_id)
    if summary == rule_id:
        return rule_id
    if len(summary) > length:
        summary = summary[: length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    return f"{rule_id} {summary}"


class Screener:
    """Validate and screen members under fixed group defaults and date.

    Identical answers are cheap to screen again: the rules module remembers each area's findings
    by the answers that area reads (rules.fast.memo), so no cache of whole answers is kept here and
    memory stays flat.
    """

    def __init__(self, defaults: Mapping[str, Any], as_of: date, ruleset: str) -> None:
        self.defaults = dict(defaults)
        self.as_of = as_of
        self.ruleset = ruleset
        self._texts: dict[tuple[str, object, object, object], str] = {}

    def merged(self, member: Member) -> tuple[dict[str, Any], tuple[str, ...]]:
        """The member's answers with the group defaults applied."""
        return apply_defaults(member.answers, self.defaults, self.as_of)

    def _top_text(self, rule_id: str, answers: Any) -> str:
        values = answers.__dict__
        # The wording depends on the committee (column_of_answers of these three answers).
        key = (rule_id, values.get("A1"), values.get("A1b"), values.get("A3"))
        text = self._texts.get(key)
        if text is None:
            context = wording_context(derive_facts(answers, self.as_of), self.as_of)
            text = RULE_BY_ID[rule_id].text.format(**context)  # translated at use
            self._texts[key] = text
        return text

    def screen(self, member: Member) -> MemberResult:
        """One person validated and screened (screen_many for many: the same results)."""
        merged, used = self._merged(member)
        checked = validate_answers(merged, self.as_of)
        if _blocked(member, checked):
            return self._invalid(member, merged, used, checked)
        assert checked.answers is not None  # _blocked says so
        return self._screened(member, merged, used, checked,
                              screen(checked.answers, self.as_of))

    def screen_many(self, members: Sequence[Member]) -> list[MemberResult]:
        """[screen(m) for m in members], validated and screened as one batch
        (rules.validate_many, rules.screen_many)."""
        merging = [self._merged(member) for member in members]
        checks = validate_many([merged for merged, _ in merging], self.as_of)
        blocked = [_blocked(member, checked) for member, checked in
                   zip(members, checks, strict=True)]
        screenings = iter(screen_many([checked.answers for checked, stop in
                                       zip(checks, blocked, strict=True)
                                       if not stop and checked.answers is not None],
                                      self.as_of))
        results: list[MemberResult] = []
        for member, (merged, used), checked, stop in zip(members, merging, checks, blocked,
                                                             strict=True):
            results.append(self._invalid(member, merged, used, checked) if stop else
                           self._screened(member, merged, used, checked, next(screenings)))
        return results

    def _merged(self, member: Member) -> tuple[dict[str, Any], tuple[str, ...]]:
        """merged(), without a call when the group has no defaults (the usual case)."""
        if self.defaults:
            return apply_defaults(member.answers, self.defaults, self.as_of)
        return member.answers, ()

    def _invalid(self, member: Member, merged: dict[str, Any], used: tuple[str, ...],
                 checked: Validation) -> MemberResult:
        """The result of a person who cannot be screened: reading problems first (they explain
        their column better than the rules), then the rules' issues about other columns."""
        issues = tuple(checked.issues)
        if member.read_issues:
            read = {issue.question for issue in member.read_issues}
            issues = member.read_issues + tuple(i for i in issues if i.question not in read)
        return MemberResult(member, None, {}, (), None, (), issues, self.ruleset, used,
                            checked.dropped, None, "", merged, self.as_of)

    def _screened(self, member: Member, merged: dict[str, Any], used: tuple[str, ...],
                  checked: Validation, result: Screening) -> MemberResult:
        """The result of a screened person (MemberResult's fields in order: this runs for every
        person, and keywords cost more than the work)."""
        colour, areas, fired, top, missing = result
        text = self._top_text(top, checked.answers) if top is not None else ""
        return MemberResult(member, colour, areas, fired, top, missing, (), self.ruleset, used,
                            checked.dropped, None, text, merged, self.as_of)


def _blocked(member: Member, checked: Validation) -> bool:
    """True when a person cannot be screened: validation found issues, or reading did."""
    return checked.answers is None or bool(checked.issues) or bool(member.read_issues)


IndexState = tuple[list[str], bytes, bytes, int]
# An empty 64-bit BLAKE2b, copied for each key (cheaper than making one with its parameters).
_BLAKE2B_64 = blake2b(digest_size=8)


def _digest(text: str) -> int:
    """A key's 64-bit digest, never 0 (0 marks an empty slot)."""
    hasher = _BLAKE2B_64.copy()
    hasher.update(text.encode("utf-8"))
    return int.from_bytes(hasher.digest(), "little") or 1


class DuplicateIndex:
    """Flags people seen before: same email, or same name and reference (never drops them).

    Built to stay small for 100,000 people: each key is kept as a 64-bit digest, and where it
    was first seen as (file number, row) packed in 64 bits, in two flat arrays with open
    addressing (about 27 bytes per key instead of several hundred for a dict of strings).
    """

    _EMPTY = 0

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._sources: list[str] = []
        self._source_ids: dict[str, int] = {}
        self._keys = array("Q", bytes(8 * 1024))
        self._values = array("Q", bytes(8 * 1024))
        self._count = 0

    # ---- the table ----

    @staticmethod
    def _digest(text: str) -> int:
        return _digest(text)

    def _slot(self, digest: int) -> int:
        keys = self._keys
        mask = len(keys) - 1
        slot = digest & mask
        while True:
            found = keys[slot]
            if found == digest or found == self._EMPTY:
                return slot
            slot = (slot + 1) & mask

    def _grow(self, size: int = 0) -> None:
        old_keys, old_values = self._keys, self._values
        size = max(size, len(old_keys) * 2)
        self._keys = array("Q", bytes(8 * size))
        self._values = array("Q", bytes(8 * size))
        for digest, value in zip(old_keys, old_values, strict=True):
            if digest != self._EMPTY:
                slot = self._slot(digest)
                self._keys[slot] = digest
                self._values[slot] = value

    def reserve(self, keys: int) -> None:
        """Make room for about `keys` more keys at once (saves regrowing a big table)."""
        size = len(self._keys)
        while (self._count + keys) * 10 > size * 6:
            size *= 2
        if size > len(self._keys):
            self._grow(size)

    def _locator(self, name: str, row: int | None) -> int:
        source = self._source_ids.get(name)
        if source is None:
            source = len(self._sources)
            self._sources.append(name)
            self._source_ids[name] = source
        return (source << 40) | ((row or 0) + 1)

    def _where(self, locator: int) -> str:
        source, row = self._sources[locator >> 40], (locator & ((1 << 40) - 1)) - 1
        return where_text(source, row if row > 0 else None)

    # ---- use ----

    def check(self, member: Member) -> str | None:
        """A description of the earlier entry this member duplicates, and remember this one."""
        return self.check_keys(member.source, member.row,
                               self.keys_of(member.email, member.name, member.reference))

    def check_person(self, source: str, row: int | None, email: str, name: str,
                     reference: str) -> str | None:
        """check() for a person given by their fields."""
        return self.check_keys(source, row, self.keys_of(email, name, reference))

    @classmethod
    def keys_of(cls, email: str, name: str, reference: str) -> tuple[tuple[int, str], ...]:
        """The digests a person is known by, with the reason each names (pure: can run in a
        worker process)."""
        by_name = (_digest(f"n\x00{name.casefold()}\x00{reference.casefold()}"),
                   SAME_NAME_AND_REFERENCE if reference else SAME_NAME) if name else None
        if email:
            by_email = (_digest("e\x00" + email.casefold()), SAME_EMAIL)
            return (by_email, by_name) if by_name is not None else (by_email,)
        return (by_name,) if by_name is not None else ()

    def check_keys(self, source: str, row: int | None,
                   keys: tuple[tuple[int, str], ...]) -> str | None:
        """check() for a person given by keys_of()."""
        found: str | None = None
        locator = 0
        table = self._keys
        mask = len(table) - 1
        for digest, reason in keys:
            slot = digest & mask  # _slot(), inlined: this runs for every person
            while True:
                seen = table[slot]
                if seen == digest or seen == self._EMPTY:
                    break
                slot = (slot + 1) & mask
            if seen == digest:
                if found is None:
                    found = _("possible duplicate of {where} ({reason})").format(
                        where=self._where(self._values[slot]), reason=_(reason))
                continue
            if not locator:
                locator = self._locator(source, row)
            table[slot] = digest
            self._values[slot] = locator
            self._count += 1
            if self._count * 10 > len(table) * 6:
                self._grow()
                table = self._keys
                mask = len(table) - 1
        return found

    def forget(self) -> None:
        self._reset()

    def __len__(self) -> int:
        return self._count

    def state(self) -> IndexState:
        """What the index remembers, as plain data (to hand to another process)."""
        return (list(self._sources), self._keys.tobytes(), self._values.tobytes(), self._count)

    def restore(self, state: IndexState) -> None:
        """Remember exactly `state` (from state())."""
        sources, keys, values, count = state
        self._sources = list(sources)
        self._source_ids = {name: index for index, name in enumerate(self._sources)}
        self._keys = array("Q")
        self._keys.frombytes(keys)
        self._values = array("Q")
        self._values.frombytes(values)
        self._count = count


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
        colour = result.colour  # a Colour is its word (RED, AMBER, GREEN); None: invalid
        if colour == "RED":
            self.red += 1
        elif colour == "AMBER":
            self.amber += 1
        elif colour == "GREEN":
            self.green += 1
        else:
            self.invalid += 1
        if result.duplicate_of:
            self.duplicates += 1
        self.by_rule.update(result.fired)

    def merge(self, other: "GroupCounts") -> None:
        """Add another group's counts (a block screened elsewhere)."""
        self.red += other.red
        self.amber += other.amber
        self.green += other.green
        self.invalid += other.invalid
        self.duplicates += other.duplicates
        self.by_rule.update(other.by_rule)

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
        counts = "  ".join(f"{colour_name(word)} {count}" for word, count in (
            ("RED", self.red), ("AMBER", self.amber), ("GREEN", self.green),
            (INVALID, self.invalid)))
        people = ngettext("{count} person", "{count} people", self.total).format(
            count=self.total)
        if self.duplicates:
            people = ngettext("{people}, {count} possible duplicate",
                              "{people}, {count} possible duplicates",
                              self.duplicates).format(people=people, count=self.duplicates)
        return f"{counts}  ({people})"
