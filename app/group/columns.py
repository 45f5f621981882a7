"""Spreadsheet columns of organiser mode: header matching and cell values to answer codes.

One row per person, one column per question id of brief (d) (A1 ... G, plus B5_age and D3b), and
name / email / reference columns. Headers match case-insensitively, alone or followed by the
question text ("D1: Who pays ..."). Cells hold codes or their labels in English, Spanish or French,
whatever the current language (case and surrounding spaces ignored); multi-select answers separate
codes with ';'; D3 is a number of US dollars. Values that match nothing are passed on unchanged, so
validation reports them with the allowed codes (V03) instead of the row disappearing; a label that
names different answers in different languages is refused (V03, `label_issues`), never guessed.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from app.amounts import DONT_KNOW, AmountError, amount_problem
from app.amounts import parse_amount as read_amount
from app.i18n import LANGUAGES, _, in_language, law
from app.i18n.law_texts import option_key, prompt_of
from app.vocabulary import DONT_KNOW as DONT_KNOW_LABEL
from rules import Issue
from rules.branching import is_asked
from rules.questions import QUESTION_BY_ID, QUESTIONS, Kind

PERSON_FIELDS = ("name", "email", "reference")
QUESTION_IDS = tuple(q.id for q in QUESTIONS)
MULTI_SEPARATOR = ";"

# Questions an organiser may answer once for the whole group (brief c.11): the campaign, who
# organised the trip and the shared travel and housing arrangements. A default fills a blank cell
# only where the branching asks that question for that person; the person's own answer wins.
DEFAULTABLE = ("A1", "D1", "D2", "D3", "D3b", "D4", "E1", "E2")

_PERSON_ALIASES = {
    "name": "name", "full name": "name", "volunteer": "name", "person": "name",
    "volunteer name": "name",
    "email": "email", "e-mail": "email", "email address": "email", "e-mail address": "email",
    "mail": "email",
    "reference": "reference", "ref": "reference", "ref.": "reference", "id": "reference",
    "reference number": "reference", "member number": "reference",
}
_QUESTION_HEADERS = {q.id.casefold(): q.id for q in QUESTIONS} | {
    "b5 age": "B5_age", "age": "B5_age",
}
# "D1: Who pays ...", "D1 - Who pays", "D1. Who pays", "D1 (Who pays)".
_LEADING_ID = re.compile(r"^(b5_age|d3b|[a-g]\d?)(?=$|\s|:|\.|\))", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_DONT_KNOW = DONT_KNOW


def normalise(text: str) -> str:
    """Case-, space- and apostrophe-insensitive form of a header or cell."""
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\ufeff", "")
    return _SPACES.sub(" ", text).strip().casefold()


def column_key(header: object) -> str | None:
    """The question id or person field a header names, or None for an unrelated column."""
    if header is None:
        return None
    text = normalise(str(header))
    if not text:
        return None
    if text in _PERSON_ALIASES:
        return _PERSON_ALIASES[text]
    if text in _QUESTION_HEADERS:
        return _QUESTION_HEADERS[text]
    match = _LEADING_ID.match(text)
    if match:
        return _QUESTION_HEADERS.get(match.group(1).casefold())
    return None


@dataclass(frozen=True, slots=True)
class Header:
    """A source's header row: which cell index feeds which question or person field."""

    keys: tuple[str | None, ...]
    titles: dict[str, str]
    ignored: tuple[str, ...]
    repeated: tuple[str, ...]
    # (cell index, question id, or position in PERSON_FIELDS) of each recognised column.
    plan: tuple[tuple[int, str | int], ...] = ()

    def person_plan(self) -> tuple[tuple[int, int], ...]:
        """(cell index, position in PERSON_FIELDS) of the person columns."""
        return tuple((index, key) for index, key in self.plan if isinstance(key, int))

    def answer_plan(self) -> tuple[tuple[int, str, dict[object, object]], ...]:
        """(cell index, question id, that question's parse memo) of the question columns."""
        return tuple((index, key, _MEMO[key]) for index, key in self.plan
                     if isinstance(key, str))

    @property
    def recognised(self) -> int:
        return sum(key is not None for key in self.keys)

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(key for key in self.keys if key is not None and key in QUESTION_BY_ID)


def read_header(cells: Iterable[object]) -> Header:
    """Map header cells to keys; unknown and repeated columns are ignored (and reported)."""
    keys: list[str | None] = []
    titles: dict[str, str] = {}
    ignored: list[str] = []
    repeated: list[str] = []
    for index, cell in enumerate(cells):
        key = column_key(cell)
        title = "" if cell is None else str(cell).strip()
        if key is None:
            if title:
                ignored.append(title)
        elif key in titles:
            repeated.append(title or _("column {number}").format(number=index + 1))
            key = None
        else:
            titles[key] = title or key
        keys.append(key)
    plan = tuple((index, PERSON_FIELDS.index(key) if key in PERSON_FIELDS else key)
                 for index, key in enumerate(keys) if key is not None)
    return Header(tuple(keys), titles, tuple(ignored), tuple(repeated), plan)


def _code_forms(qid: str) -> dict[str, str]:
    """A question's codes as written in cells: 'self', 'no travel needed', the don't-knows."""
    question = QUESTION_BY_ID[qid]
    table: dict[str, str] = {}
    for option in question.options:
        for form in (option.code, option.code.replace("_", " ")):
            table.setdefault(normalise(form), option.code)
    if "unknown" in question.codes:
        for form in _DONT_KNOW:
            table.setdefault(form, "unknown")
    return table


@cache
def labels_in(language: str) -> dict[str, dict[str, frozenset[str]]]:
    """Question id -> normalised answer label in `language` -> the codes it is the label of
    (more than one only when two answers of a question share a label)."""
    tables: dict[str, dict[str, frozenset[str]]] = {}
    with in_language(language):
        for qid in CHOICE_IDS:
            question = QUESTION_BY_ID[qid]
            table: dict[str, frozenset[str]] = {}
            for option in question.options:
                form = normalise(law(option_key(qid, option.code), option.label))
                table[form] = table.get(form, frozenset()) | {option.code}
            if "unknown" in question.codes:
                form = normalise(_(DONT_KNOW_LABEL))
                table[form] = table.get(form, frozenset()) | {"unknown"}
            tables[qid] = table
    return tables


@dataclass(frozen=True, slots=True)
class Lookup:
    """How a question's cells read: codes and labels of every language, and the labels that
    name different answers (in one language or across languages), which are refused."""

    codes: dict[str, str]
    ambiguous: dict[str, frozenset[str]]


def _lookup(qid: str) -> Lookup:
    table = _code_forms(qid)
    found: dict[str, frozenset[str]] = {}
    for language in LANGUAGES:
        for form, codes in labels_in(language)[qid].items():
            found[form] = found.get(form, frozenset()) | codes
    ambiguous: dict[str, frozenset[str]] = {}
    for form, codes in found.items():
        if form in table:  # a code is a code, whatever a label in some language says
            continue
        if len(codes) == 1:
            table[form] = next(iter(codes))
        else:
            ambiguous[form] = codes
    return Lookup(table, ambiguous)


@cache
def lookups() -> dict[str, Lookup]:
    """The Lookup of every single- and multi-choice question (built on first use, from the
    catalogues: never at import)."""
    return {qid: _lookup(qid) for qid in CHOICE_IDS}


@cache
def ambiguous_ids() -> tuple[str, ...]:
    """The questions with a label that names more than one answer (usually none)."""
    return tuple(qid for qid, lookup in lookups().items() if lookup.ambiguous)


def forget_lookups() -> None:
    """Build the label tables again on next use (after the catalogues changed: tests)."""
    labels_in.cache_clear()
    lookups.cache_clear()
    ambiguous_ids.cache_clear()
    for memo in _MEMO.values():
        memo.clear()
    _LABELS_READ.clear()


CHOICE_IDS: tuple[str, ...] = tuple(q.id for q in QUESTIONS
                                    if q.kind in (Kind.SINGLE, Kind.MULTI))
KINDS: dict[str, Kind] = {q.id: q.kind for q in QUESTIONS}
AMOUNT_IDS: tuple[str, ...] = tuple(q.id for q in QUESTIONS if q.kind is Kind.AMOUNT)


def _number(value: object) -> int | float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    return None


def parse_amount(value: object) -> object:
    """D3: a number of dollars ('$1,200', '800', '800,50'), 'unknown', or the value unchanged.

    Read by app.amounts, as the wizard reads its amount field. A value it cannot read with
    certainty ('1.200', 'lots') is passed on as written (stripped); `amount_issue` says why.
    """
    try:
        parsed = read_amount(value)
    except AmountError:
        return value.strip() if isinstance(value, str) else value
    return parsed


def amount_issue(qid: str, value: object) -> Issue | None:
    """V03 for an amount cell that cannot be read with certainty, with the value and what to
    write instead; None when the value reads as an amount (or is not text)."""
    if not isinstance(value, str):
        return None
    problem = amount_problem(value)
    if problem is None:
        return None
    return Issue(code="V03", question=qid, value=value.strip()[:60], kind="unclear_amount",
                 values=(value.strip()[:60], problem),
                 message=f"{qid}: " + _("{problem}. Allowed: a number of US dollars (0 or "
                                        "more), or unknown").format(problem=problem))


def amount_issues(answers: Mapping[str, Any]) -> tuple[Issue, ...]:
    """amount_issue for every amount answer still held as text (other than 'unknown')."""
    found: list[Issue] = []
    for qid in AMOUNT_IDS:
        value = answers.get(qid)
        if value.__class__ is str and value != "unknown":
            issue = amount_issue(qid, value)
            if issue is not None:
                found.append(issue)
    return tuple(found)


def parse_age(value: object) -> object:
    """B5_age: whole years, or the value unchanged (validation explains)."""
    number = _number(value)
    if isinstance(number, int):
        return number
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    return value.strip() if isinstance(value, str) else value


def parse_days(value: object) -> object:
    """B10, B11: whole days, 'unknown' (in any of the don't-know forms), or the value unchanged
    (validation explains)."""
    number = _number(value)
    if isinstance(number, int):
        return number
    if isinstance(value, str):
        if re.fullmatch(r"\s*-?\d+\s*", value):
            return int(value)
        if normalise(value) in _DONT_KNOW or normalise(value) == "unknown":
            return "unknown"
        return value.strip()
    return value


# Each choice question's codes that read as themselves ('self', not 'no_travel' written
# 'No travel'): a cell that is exactly one is that answer in every language, since a label
# never takes a code's place in a Lookup, so the label look-ups are not built for it.
EXACT_CODES: dict[str, frozenset[str]] = {
    qid: frozenset(code for form, code in _code_forms(qid).items() if form == code)
    for qid in CHOICE_IDS}
# The questions with a cell that was not exactly a code (read through the label look-ups).
_LABELS_READ: set[str] = set()


def _code(qid: str, text: str) -> str:
    if text in EXACT_CODES[qid]:
        return text
    _LABELS_READ.add(qid)
    return lookups()[qid].codes.get(normalise(text), text.strip())


def labels_read() -> bool:
    """Whether a cell was read as something other than an exact code since the parse memos
    were last cleared: until then every parsed choice answer is a code, which no label can
    make ambiguous, so label_issues has nothing to find in them."""
    return bool(_LABELS_READ)


def ambiguous_codes(qid: str, text: str) -> frozenset[str]:
    """The codes a label names when it is ambiguous (empty when it is not)."""
    lookup = lookups().get(qid)
    if lookup is None or not lookup.ambiguous:
        return frozenset()
    return lookup.ambiguous.get(normalise(text), frozenset())


def label_issue(qid: str, value: object) -> Issue | None:
    """V03 for an answer left as a label that names two answers (in different languages)."""
    texts = [v for v in value if isinstance(v, str)] if isinstance(value, list | tuple) \
        else [value] if isinstance(value, str) else []
    for text in texts:
        codes = ambiguous_codes(qid, text)
        if codes:
            shown = text.strip()[:60]
            message = _("\"{label}\" is the label of more than one answer (in different "
                        "languages); write the code instead: {codes}").format(
                label=shown, codes=", ".join(sorted(codes)))
            return Issue(code="V03", question=qid, value=shown, allowed=tuple(sorted(codes)),
                         message=f"{qid}: {message}")
    return None


def label_issues(answers: Mapping[str, Any]) -> tuple[Issue, ...]:
    """label_issue for every choice answer (none when no label is ambiguous: the usual case)."""
    found: list[Issue] = []
    for qid in ambiguous_ids():
        if qid in answers:
            issue = label_issue(qid, answers[qid])
            if issue is not None:
                found.append(issue)
    return tuple(found)


def parse_cell(qid: str, value: object) -> object:
    """One cell as the answers model expects it; None when the cell is blank."""
    if value is None:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    kind = KINDS[qid]
    if kind is Kind.AMOUNT:
        return parse_amount(value)
    if kind is Kind.AGE:
        return parse_age(value)
    if kind is Kind.DAYS:
        return parse_days(value)
    text = _cell_text(value)
    if kind is Kind.MULTI:
        parts = [part for part in re.split(r"[;\n]", text) if part.strip()]
        return [_code(qid, part) for part in parts] or None
    return _code(qid, text)


_MEMO: dict[str, dict[object, object]] = {q.id: {} for q in QUESTIONS}
_MEMO_SIZE = 2048


def parse_cell_cached(qid: str, value: object) -> object:
    """parse_cell with a bounded memo per question: spreadsheet cells repeat a lot."""
    memo = _MEMO[qid]
    try:
        parsed = memo[value]
    except KeyError:
        parsed = parse_cell(qid, value)
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[value] = tuple(parsed) if isinstance(parsed, list) else parsed
        return parsed
    except TypeError:  # unhashable
        return parse_cell(qid, value)
    return list(parsed) if isinstance(parsed, tuple) else parsed


def parse_value(qid: str, value: object) -> object:
    """Like parse_cell, but lists (answers files, project files) are taken part by part."""
    if isinstance(value, list | tuple) and KINDS.get(qid) is Kind.MULTI:
        parts = [_code(qid, part) if isinstance(part, str) else part for part in value]
        return parts or None
    if qid not in KINDS:
        return value
    return parse_cell(qid, value)


def _cell_text(value: object) -> str:
    number = _number(value)
    return str(number) if number is not None else str(value)


def person_text(value: object) -> str:
    """A name, email or reference cell as text ('123', not '123.0')."""
    if value is None:
        return ""
    return _cell_text(value).strip()


def apply_defaults(own: Mapping[str, Any], defaults: Mapping[str, Any], as_of: date
                   ) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The person's answers with group defaults filling blanks the branching asks.

    Returns the merged answers (the person's own dict when no default applied; never modified)
    and the question ids a default filled.
    """
    merged = own if isinstance(own, dict) else dict(own)
    if not defaults:
        return merged, ()
    used: list[str] = []
    for qid in DEFAULTABLE:
        value = defaults.get(qid)
        if value is None or merged.get(qid) is not None:
            continue
        candidate = {**merged, qid: value}
        if is_asked(qid, candidate, as_of):
            merged = candidate
            used.append(qid)
    return merged, tuple(used)


def question_title(qid: str) -> str:
    """'D1 Who pays flights ...' for messages and templates."""
    return f"{qid} {prompt_of(qid)}" if qid in QUESTION_BY_ID else qid


def check_default(qid: str, value: object) -> str | None:
    """Why a group default is not acceptable, or None when it is."""
    if qid not in DEFAULTABLE:
        return _("{question} cannot be a group default; defaults are allowed for "
                 "{allowed}").format(question=qid, allowed=", ".join(DEFAULTABLE))
    question = QUESTION_BY_ID[qid]
    allowed = question.codes
    if question.kind is Kind.AMOUNT:
        if value == "unknown" or (isinstance(value, int | float) and not isinstance(value, bool)
                                  and value >= 0):
            return None
        problem = amount_problem(value) if isinstance(value, str) else None
        if problem is not None:
            return f"{qid}: " + _("{problem}, or 'unknown'").format(problem=problem)
        return f"{qid}: " + _("{value} is not an amount; enter US dollars (0 or more) or "
                              "'unknown'").format(value=repr(value))
    values = value if isinstance(value, list) else [value]
    if question.kind is not Kind.MULTI and isinstance(value, list):
        return _("{question} takes one answer, not a list").format(question=qid)
    bad = [str(v) for v in values if v not in allowed]
    if bad:
        return f"{qid}: " + _("'{values}' is not allowed; allowed: {allowed}").format(
            values=", ".join(bad), allowed=", ".join(allowed))
    return None


def parse_defaults(raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Group defaults from a mapping of question id (any case) to codes or labels.

    Returns the defaults that are acceptable and a message for every one that is not.
    """
    defaults: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in raw.items():
        qid = column_key(key)
        if qid is None or qid not in QUESTION_BY_ID:
            problems.append(_("'{key}' is not a question id").format(key=key))
            continue
        parsed = parse_value(qid, value)
        if parsed is None:
            continue
        problem = check_default(qid, parsed)
        if problem:
            problems.append(problem)
        else:
            defaults[qid] = parsed
    return defaults, problems
