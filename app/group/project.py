"""Group project files: everyone's own answers plus the group defaults, as JSON (0600, atomic).

Results are not stored: they are recomputed when the project is opened, under the ruleset then in
force. The colour each person had when saved is kept, so a later ruleset can say "changed from".
"""

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.about import APP_NAME, VERSION
from app.answers_file import AnswersFileError, read_json_object, write_text_atomically
from app.group.columns import parse_defaults
from app.group.members import Member, MemberResult
from app.i18n import N_, _
from rules import Issue, load_parameters

PROJECT_KIND = "volunteer-check-group"
PROJECT_SCHEMA_VERSION = 1
PROJECT_SUFFIX = ".vcgroup.json"
MAX_PROJECT_BYTES = 512 * 1024 * 1024


@dataclass
class Project:
    """A group as saved: defaults, the date it is assessed as of (None: today) and its people."""

    defaults: dict[str, Any] = field(default_factory=dict)
    members: list[Member] = field(default_factory=list)
    as_of: date | None = None


def _member_json(member: Member, colour: str | None, sources: dict[str, dict[str, str]]
                 ) -> dict[str, Any]:
    if member.columns:
        sources.setdefault(member.source, dict(member.columns))
    entry: dict[str, Any] = {
        "source": member.source, "row": member.row, "name": member.name,
        "email": member.email, "reference": member.reference, "answers": member.answers,
    }
    if member.read_issues:
        entry["read_issues"] = [issue.model_dump(mode="json") for issue in member.read_issues]
    if member.path:
        entry["path"] = member.path
    if member.edited:
        entry["original_answers"] = member.original
    if colour is not None:
        entry["saved_colour"] = colour
    elif member.last_colour:
        entry["saved_colour"] = member.last_colour
        if member.last_ruleset:
            entry["saved_ruleset"] = member.last_ruleset
    return entry


def project_json(defaults: dict[str, Any], results: list[MemberResult],
                 as_of: date | None = None) -> str:
    """The JSON text of a project: defaults and each person's own answers, with saved colours."""
    sources: dict[str, dict[str, str]] = {}
    people = [_member_json(r.member, str(r.colour) if r.colour is not None else None, sources)
              for r in results]
    content = {
        "schema_version": PROJECT_SCHEMA_VERSION,
        "kind": PROJECT_KIND,
        "app": APP_NAME,
        "app_version": VERSION,
        "saved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "ruleset": load_parameters().ruleset_version,
        "as_of": as_of.isoformat() if as_of else None,
        "defaults": defaults,
        "columns": sources,
        "people": people,
    }
    return json.dumps(content, indent=1, ensure_ascii=False) + "\n"


def save_project(path: Path | str, defaults: dict[str, Any], results: list[MemberResult],
                 as_of: date | None = None) -> None:
    """Save atomically with permissions 0600 (the file holds immigration status)."""
    write_text_atomically(path, project_json(defaults, results, as_of))


def _text(value: object) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _issues(path: Path, raw: object) -> tuple[Issue, ...]:
    if not isinstance(raw, list):
        return ()
    try:
        return tuple(Issue.model_validate(item) for item in raw)
    except ValidationError:
        raise AnswersFileError(path, _("has a damaged 'read_issues' entry")) from None


def _load(path: Path) -> dict[str, Any]:
    content = read_json_object(path, MAX_PROJECT_BYTES, N_("a group project"))
    if content.get("kind") != PROJECT_KIND:
        raise AnswersFileError(path, _("is not a Volunteer Check group project"))
    version = content.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AnswersFileError(path, _("has an unknown schema_version {version}").format(
            version=repr(version)))
    if version > PROJECT_SCHEMA_VERSION:
        raise AnswersFileError(
            path, _("was written by a newer version of {app} (schema {version}); please update "
                    "the app").format(app=APP_NAME, version=version))
    return content


def open_project(path: Path | str) -> Project:
    """Read a project; any problem raises AnswersFileError with a clear message."""
    where = Path(path)
    content = _load(where)
    raw_defaults = content.get("defaults") or {}
    if not isinstance(raw_defaults, dict):
        raise AnswersFileError(where, _("'defaults' must be an object"))
    defaults, problems = parse_defaults(raw_defaults)
    if problems:
        raise AnswersFileError(where, _("has invalid group defaults: {problems}").format(
            problems="; ".join(problems)))
    as_of_raw = content.get("as_of")
    try:
        as_of = date.fromisoformat(as_of_raw) if isinstance(as_of_raw, str) else None
    except ValueError:
        raise AnswersFileError(where, _("has an invalid as_of date {date}").format(
            date=repr(as_of_raw))) from None
    people = content.get("people")
    if not isinstance(people, list):
        raise AnswersFileError(where, _("has no 'people' list"))
    columns = content.get("columns") if isinstance(content.get("columns"), dict) else {}
    saved_ruleset = _text(content.get("ruleset")) or None
    members: list[Member] = []
    for index, entry in enumerate(people, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("answers"), dict):
            raise AnswersFileError(where, _("person {index} is damaged (no answers object)").format(
                index=index))
        source = _text(entry.get("source")) or where.name
        row = entry.get("row")
        source_columns = columns.get(source) if isinstance(columns, dict) else None
        members.append(Member(
            source=source, row=row if isinstance(row, int) and not isinstance(row, bool)
            else None,
            name=_text(entry.get("name")), email=_text(entry.get("email")),
            reference=_text(entry.get("reference")), answers=dict(entry["answers"]),
            columns=source_columns if isinstance(source_columns, dict) else {},
            read_issues=_issues(where, entry.get("read_issues")),
            last_colour=_text(entry.get("saved_colour")) or None,
            last_ruleset=_text(entry.get("saved_ruleset")) or saved_ruleset,
            path=_text(entry.get("path")) or None,
            original=dict(original) if isinstance(original := entry.get("original_answers"),
                                                  dict) else None,
        ))
    return Project(defaults=defaults, members=members, as_of=as_of)
