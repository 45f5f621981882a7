"""The organiser's group session, without widgets: what the group window shows and changes.

The session holds the group's settings and bookkeeping (group defaults, the date assessed as of,
the project file, the duplicate index, the counts, the files imported) and the backup taken before
a re-screening, so a cancelled or failed job puts everything back. It re-assesses one person in
full for the detail pane, takes over edited answers (keeping what the group defaults filled as
defaults), and checks that an export never overwrites a file the group was read from.

The results themselves live in the window's table model (the order the organiser sorted them
in); the session is handed them where it needs them.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.answers_file import AnswersDocument, AnswersFileError, check_outputs
from app.assessing import Outcome
from app.group.members import (
    DuplicateIndex,
    GroupCounts,
    IndexState,
    Member,
    MemberResult,
    Screener,
    edited_member,
)
from app.group.pipeline import make_screener
from app.i18n import N_, _, labelled, ngettext
from app.i18n.formats import format_number
from app.vocabulary import colour_name
from rules import Person, Validation, assess, validate_answers
from rules.questions import QUESTION_BY_ID

BUSY_TEXT = N_("Please wait for the current task to finish, or cancel it.")


def busy_text() -> str:
    """BUSY_TEXT in the current language."""
    return _(BUSY_TEXT)


def own_answers(edited: dict[str, Any], result: MemberResult,
                defaults: dict[str, Any]) -> dict[str, Any]:
    """The person's own answers after editing: values still equal to the group default that
    filled them stay blank, so a later change of the default still applies to them."""
    own = dict(edited)
    for qid in result.defaults_used:
        if qid in own and own[qid] == defaults.get(qid):
            del own[qid]
    return own


def defaults_text(defaults: dict[str, Any]) -> str:
    """'Group defaults: A1=federal_candidate, D1=campaign+self' or 'No group defaults'."""
    if not defaults:
        return _("No group defaults")
    parts = ", ".join(f"{k}={'+'.join(v) if isinstance(v, list) else v}"
                      for k, v in defaults.items())
    return _("Group defaults: {defaults}").format(defaults=parts)


def counts_text(counts: GroupCounts) -> str:
    """'12 people; 2 possible duplicates.  Group result: AMBER'."""
    total = counts.total
    people = ngettext("{count} person", "{count} people", total).format(
        count=format_number(total))
    if counts.duplicates:
        people = ngettext("{people}; {count} possible duplicate",
                          "{people}; {count} possible duplicates", counts.duplicates).format(
            people=people, count=counts.duplicates)
    group = colour_name(counts.group_colour) if total else "\u2014"
    return _("{people}.  Group result: {colour}").format(people=people, colour=group)


def detail_title(result: MemberResult) -> str:
    """The detail pane's title: the name, left to right and isolated (an Arabic or Hebrew name
    does not turn the line), and the colour."""
    return f"\u200e\u2068{result.member.label}\u2069 \u2014 {colour_name(result.colour)}"


def detail_note(result: MemberResult) -> str:
    """Where the person came from, and what is special about their result, in one line."""
    member = result.member
    notes = [member.where]
    if member.email and member.email != member.label:
        notes.append(member.email)
    if result.defaults_used:
        notes.append(_("group defaults used: {questions}").format(
            questions=", ".join(result.defaults_used)))
    if result.duplicate_of:
        notes.append(result.duplicate_of)
    if result.changed_text:
        notes.append(result.changed_text)
    if member.edited:
        notes.append(member.edited_text)
    read_problems = [i for i in result.issues if i.question not in QUESTION_BY_ID]
    notes += [labelled(i.question, i.message) for i in read_problems]
    return " \u00b7 ".join(notes)


@dataclass
class Backup:
    """What a re-screening replaces, to put back when it is cancelled or fails."""

    results: list[MemberResult]
    defaults: dict[str, Any]
    seen: IndexState


@dataclass
class GroupSession:
    """One group being screened: its settings, duplicate index, counts and backup."""

    defaults: dict[str, Any] = field(default_factory=dict)
    as_of: date | None = None
    project_path: Path | None = None
    duplicates: DuplicateIndex = field(default_factory=DuplicateIndex)
    counts: GroupCounts = field(default_factory=GroupCounts)
    input_paths: list[Path] = field(default_factory=list)  # imported: never overwritten
    backup: Backup | None = None

    # ---- screening ----

    def screener(self) -> Screener:
        return make_screener(self.defaults, self.as_of)

    def add(self, results: Iterable[MemberResult]) -> None:
        for result in results:
            self.counts.add(result)

    def recount(self, results: Iterable[MemberResult]) -> GroupCounts:
        counts = GroupCounts()
        for result in results:
            counts.add(result)
        self.counts = counts
        return counts

    def imported(self, paths: Iterable[Path | str]) -> list[Path]:
        """Remember files and folders about to be read (exports never overwrite them)."""
        chosen = [Path(p) for p in paths]
        self.input_paths.extend(chosen)
        return chosen

    # ---- re-screening and its backup ----

    def rescreen(self, results: list[MemberResult], defaults: dict[str, Any]) -> list[Member]:
        """Take new group defaults: back up the group and return the people to screen again."""
        self.backup = Backup(list(results), self.defaults, self.duplicates.state())
        self.defaults = dict(defaults)
        self.counts = GroupCounts()
        return [r.member for r in results]

    def open(self, path: Path | str, results: list[MemberResult]) -> list[Member]:
        """Replace the group by a saved project (raises AnswersFileError): back up the group
        and return the project's people, to screen again."""
        from app.group.project import open_project

        project = open_project(path)
        self.backup = Backup(list(results), dict(self.defaults), self.duplicates.state())
        self.defaults = project.defaults
        self.as_of = project.as_of
        self.counts = GroupCounts()
        self.project_path = Path(path)
        return project.members

    def restore(self) -> list[MemberResult] | None:
        """Put back the group as it was before the re-screening; its results (None: no backup)."""
        backup, self.backup = self.backup, None
        if backup is None:
            return None
        self.defaults = backup.defaults
        self.duplicates.restore(backup.seen)
        return backup.results

    def clear(self) -> None:
        """An empty group (the date assessed as of is kept)."""
        self.defaults = {}
        self.duplicates = DuplicateIndex()
        self.counts = GroupCounts()
        self.project_path = None
        self.input_paths = []

    # ---- one person ----

    def outcome_of(self, result: MemberResult) -> Outcome:
        """The full assessment (with remedies and alternatives) of one person."""
        member = result.member
        as_of = result.as_of or self.as_of or date.today()
        document = AnswersDocument(
            answers=dict(result.answers),
            person=Person(name=member.name or None, email=member.email or None,
                          reference=member.reference or None),
            ruleset_version=member.last_ruleset, last_colour=member.last_colour)
        source = Path(member.path) if member.path else Path(member.source)
        if not result.valid:
            validation = Validation(answers=None, issues=result.issues)
            return Outcome(document, validation, None, source)
        validation = validate_answers(result.answers, as_of)
        assessment = assess(validation.answers, as_of) \
            if validation.ok and validation.answers is not None else None
        return Outcome(document, validation, assessment, source)

    def edit(self, old: MemberResult, answers: dict[str, Any]) -> MemberResult:
        """Screen a person again with edited answers; the member keeps their original answers
        (shown as "edited") and what the group defaults filled stays a default."""
        member = edited_member(old.member, own_answers(answers, old, self.defaults))
        result = self.screener().screen(member)
        result.duplicate_of = old.duplicate_of
        return result

    # ---- files ----

    def output_clash(self, target: Path, what: str, results: Iterable[MemberResult]) -> str:
        """Why `target` must not be written ('' when it may): it is a folder, a file imported
        into the group (an answers file, a spreadsheet) or one of a folder's answers files."""
        inputs = [*self.input_paths, *(Path(r.member.path) for r in results if r.member.path)]
        try:
            check_outputs([(what, target)], [p for p in inputs if not p.is_dir()])
        except AnswersFileError as error:
            return str(error)
        return ""

    def saver(self, target: Path, results: list[MemberResult]) -> Callable[[], str]:
        """The work of saving the group project, to run in a worker (it holds the values now)."""
        from app.group.project import save_project

        defaults, as_of = dict(self.defaults), self.as_of

        def work() -> str:
            save_project(target, defaults, results, as_of)
            return _("Group saved to {path}").format(path=target)

        return work

    def results_writer(self, target: Path, results: list[MemberResult]) -> Callable[[], str]:
        """The work of writing results as CSV or Excel (by suffix), one row per person."""
        from app.group.export import open_writer

        as_of = (self.as_of or date.today()).isoformat()

        def work() -> str:
            with open_writer(target, as_of) as writer:
                for result in results:
                    writer.write(result)
            return ngettext("Results of {count} person written to {path}",
                            "Results of {count} people written to {path}", len(results)).format(
                count=format_number(len(results)), path=target)

        return work

    def pdf_writer(self, target: Path, results: list[MemberResult],
                   redact: bool) -> Callable[[], str]:
        """The work of writing the group PDF report (initials only when `redact`)."""
        from app.group.group_pdf import write_group_pdf

        as_of = self.as_of

        def work() -> str:
            write_group_pdf(results, target, as_of=as_of, redact=redact)
            return _("Group report written to {path}").format(path=target)

        return work


def save_template(target: Path) -> str:
    """Write the CSV or Excel (by suffix) template; raises AnswersFileError."""
    from app.group.templates import write_csv_template, write_xlsx_template

    if target.suffix.casefold() == ".xlsx":
        write_xlsx_template(target)
    else:
        write_csv_template(target)
    return _("Template written to {path}").format(path=target)
