"""Extraction: the law domain by walking the rules' data, the app domain by scanning the source."""

import ast
from collections.abc import Iterable, Iterator
from pathlib import Path

from app.i18n import law_texts as keys
from app.i18n.catalogue_files import Catalogue, Entry, header_for
from rules.catalogue import RULES
from rules.citations import REPORTED_PREFIX
from rules.disclaimer import COLOUR_MEANINGS, DISCLAIMER_TEXT
from rules.engine import (
    CORPORATE_SCOPE,
    CORPORATE_SCOPE_DEFAULT,
    LIMIT_SCOPE,
    LIMIT_SCOPE_DEFAULT,
    STATUS_CAP_PREFIX,
)
from rules.questions import GLOSSARY, PAGE_TITLES, QUESTIONS

# The marker functions of the app domain (app/i18n/__init__.py) and the arguments they take.
_SINGULAR = {"_", "N_", "gettext"}
_PLURAL = {"ngettext"}
_CONTEXT = {"pgettext"}
_CONTEXT_PLURAL = {"npgettext"}


def law_messages() -> Iterator[tuple[str, str]]:
    """(key, English) of every text of rules/ that is shown, in data order."""
    for page, title in PAGE_TITLES.items():
        yield keys.page_key(page), title
    for question in QUESTIONS:
        yield keys.question_key(question.id), question.text
        if question.help:
            yield keys.help_key(question.id), question.help
        for option in question.options:
            yield keys.option_key(question.id, option.code), option.label
    for term, text in GLOSSARY.items():
        yield keys.glossary_term_key(term), term
        yield keys.glossary_key(term), text
    yield from _rule_messages()
    yield keys.DISCLAIMER_KEY, DISCLAIMER_TEXT
    for colour, meaning in COLOUR_MEANINGS.items():
        yield keys.colour_meaning_key(colour), meaning
    yield from _wording_messages()


def _rule_messages() -> Iterator[tuple[str, str]]:
    for rule in RULES:
        for part in keys.RULE_FIELDS:
            english = getattr(rule, part)
            if english:
                yield keys.rule_key(rule.id, part), english
        for number, substitution in enumerate(rule.substitutions, start=1):
            yield keys.substitution_key(rule.id, number), substitution.label


def _wording_messages() -> Iterator[tuple[str, str]]:
    yield keys.wording_key("limit_scope"), LIMIT_SCOPE_DEFAULT
    for column, text in LIMIT_SCOPE.items():
        yield keys.wording_key("limit_scope", column.value), text
    yield keys.wording_key("corp_verdict"), CORPORATE_SCOPE_DEFAULT
    for column, text in CORPORATE_SCOPE.items():
        yield keys.wording_key("corp_verdict", column.value), text
    yield keys.STATUS_CAP_KEY, STATUS_CAP_PREFIX
    yield keys.REPORTED_KEY, REPORTED_PREFIX


def law_template() -> Catalogue:
    """law.pot: one entry per key, the key as msgctxt and the English as msgid."""
    entries: dict[str, Entry] = {}
    for key, english in law_messages():
        if key in entries and entries[key].msgid != english:
            raise ValueError(f"law key {key!r} has two English texts")
        entries[key] = Entry(msgid=english, context=key)
    return Catalogue(header=header_for(None, "law"), entries=list(entries.values()))


# --- the app domain ------------------------------------------------------------------------

def _string(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _message_of(call: ast.Call) -> tuple[str | None, str, str | None] | None:
    """(context, msgid, plural) of a marker call with literal arguments, else None."""
    name = _called_name(call)
    args = [_string(arg) for arg in call.args]
    if name in _SINGULAR and len(args) == 1 and args[0] is not None:
        return None, args[0], None
    if name in _PLURAL and len(args) == 3 and args[0] is not None and args[1] is not None:
        return None, args[0], args[1]
    if name in _CONTEXT and len(args) == 2 and None not in args:
        return args[0], str(args[1]), None
    if name in _CONTEXT_PLURAL and len(args) == 4 and None not in args[:3]:
        return args[0], str(args[1]), args[2]
    return None


def scan_source(path: Path, shown_as: str) -> Iterator[tuple[str | None, str, str | None, str]]:
    """(context, msgid, plural, reference) of every marked literal text in one Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            message = _message_of(node)
            if message is not None and message[1]:
                yield (*message, shown_as)


def app_template(root: Path, packages: Iterable[str] = ("app", "ui")) -> Catalogue:
    """app.pot: every text marked in the Python files of `packages` under `root`."""
    found: dict[tuple[str, str], Entry] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            reference = path.relative_to(root).as_posix()
            for context, msgid, plural, ref in scan_source(path, reference):
                _add(found, context, msgid, plural, ref)
    return Catalogue(header=header_for(None, "app"), entries=list(found.values()))


def _add(found: dict[tuple[str, str], Entry], context: str | None, msgid: str,
         plural: str | None, reference: str) -> None:
    key = (context or "", msgid)
    entry = found.get(key)
    if entry is None:
        found[key] = Entry(msgid=msgid, context=context, plural=plural,
                           msgstr=("", "") if plural is not None else ("",),
                           references=(reference,))
    elif reference not in entry.references:
        found[key] = Entry(msgid=msgid, context=context, plural=entry.plural or plural,
                           msgstr=entry.msgstr, references=(*entry.references, reference))
