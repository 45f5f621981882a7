"""The texts of rules/ in the current language: the stable keys of the law domain and lookups."""

from __future__ import annotations

import re
from functools import cache
from string import Formatter
from typing import TYPE_CHECKING, Any

from app.i18n import law
from app.i18n.formats import format_money, format_number, month_year
from rules.disclaimer import COLOUR_MEANINGS, DISCLAIMER_TEXT
from rules.parameters import load_parameters
from rules.questions import GLOSSARY, PAGE_TITLES, QUESTION_BY_ID, Question

if TYPE_CHECKING:  # the catalogue and the engine load on first use (the wizard's start-up)
    from rules.applicability import Column
    from rules.result import CitationOut, Finding
    from rules.rule import Rule


def _engine() -> Any:
    """rules.engine, loaded when a rule's text is first shown."""
    from rules import engine

    return engine


def _rule(rule_id: str) -> Rule | None:
    """The catalogue's rule `rule_id` (the catalogue loads on first use)."""
    from rules.catalogue import RULE_BY_ID

    return RULE_BY_ID.get(rule_id)

# The keys (msgctxt) of the law domain; docs/translation.md lists the scheme.
RULE_FIELDS = ("name", "text", "remedy", "label")


def question_key(qid: str) -> str:
    return f"question:{qid}"


def help_key(qid: str) -> str:
    return f"question:{qid}/help"


def option_key(qid: str, code: str) -> str:
    return f"option:{qid}/{code}"


def page_key(page: str) -> str:
    return f"page:{page}"


def glossary_key(term: str) -> str:
    return f"glossary:{term}"


def glossary_term_key(term: str) -> str:
    return f"glossary:{term}/term"


def rule_key(rule_id: str, part: str) -> str:
    return f"rule:{rule_id}/{part}"


def substitution_key(rule_id: str, number: int) -> str:
    """The key of a rule's `number`th (from 1) remedy substitution label."""
    return f"substitution:{rule_id}/{number}"


def colour_meaning_key(colour: str) -> str:
    return f"colour-meaning:{colour}"


def wording_key(name: str, column: str = "default") -> str:
    """Words the engine puts into rule texts ({limit_scope}, {corp_verdict}) by committee."""
    return f"wording:{name}/{column}"


DISCLAIMER_KEY = "disclaimer"
STATUS_CAP_KEY = "wording:status-cap-prefix"
REPORTED_KEY = "citation:reported-prefix"


# --- lookups in the current language ----------------------------------------------------------

def question_text(question: Question) -> str:
    return law(question_key(question.id), question.text)


def question_help(question: Question) -> str:
    return law(help_key(question.id), question.help) if question.help else ""


def prompt_of(qid: str) -> str:
    """The wording of question `qid` (the id itself for an unknown question)."""
    question = QUESTION_BY_ID.get(qid)
    return question_text(question) if question is not None else qid


def option_label(qid: str, code: str) -> str:
    """The label of answer `code` of question `qid` (the code when it has none)."""
    question = QUESTION_BY_ID.get(qid)
    if question is None:
        return code
    english = question.label_of(code)
    return law(option_key(qid, code), english) if english != code else code


def page_title(page: str) -> str:
    english = PAGE_TITLES.get(page)
    return law(page_key(page), english) if english is not None else page


def glossary_term(term: str) -> str:
    return law(glossary_term_key(term), term)


def glossary_text(term: str) -> str:
    return law(glossary_key(term), GLOSSARY[term])


def rule_text(rule: Rule, part: str) -> str:
    """One of the rule's texts (RULE_FIELDS), untranslated placeholders left in."""
    english: str = getattr(rule, part)
    return law(rule_key(rule.id, part), english) if english else ""


def substitution_label(rule: Rule, english: str) -> str:
    """A remedy substitution's label of `rule`, found by its English."""
    for number, substitution in enumerate(rule.substitutions, start=1):
        if substitution.label == english:
            return law(substitution_key(rule.id, number), english)
    return english


def colour_meaning(colour: str) -> str:
    english = COLOUR_MEANINGS.get(colour)
    return law(colour_meaning_key(colour), english) if english else ""


def limit_scope(column: Column | None) -> str:
    """{limit_scope} of rule texts for a committee."""
    if column is None or column not in _engine().LIMIT_SCOPE:
        return law(wording_key("limit_scope"), _engine().LIMIT_SCOPE_DEFAULT)
    return law(wording_key("limit_scope", column.value), _engine().LIMIT_SCOPE[column])


def corp_verdict(column: Column | None) -> str:
    """{corp_verdict} of rule texts for a committee."""
    if column is None or column not in _engine().CORPORATE_SCOPE:
        return law(wording_key("corp_verdict"), _engine().CORPORATE_SCOPE_DEFAULT)
    return law(wording_key("corp_verdict", column.value), _engine().CORPORATE_SCOPE[column])


def status_cap_prefix() -> str:
    return law(STATUS_CAP_KEY, _engine().STATUS_CAP_PREFIX)


def reported_prefix() -> str:
    from rules.citations import REPORTED_PREFIX

    return law(REPORTED_KEY, REPORTED_PREFIX)


def disclaimer() -> str:
    """The disclaimer in the current language, with the research month in its words."""
    reviewed = load_parameters().research_reviewed
    return law(DISCLAIMER_KEY, DISCLAIMER_TEXT).format(date=month_year(reviewed))


# --- a finding's texts: the rule's translated template, with translated values ----------------

_MONEY = re.compile(r"\$(\d[\d,]*)")
_NUMBER = re.compile(r"\d+")


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """A regex that reads the values back out of `template` filled in (str.format fields)."""
    regex, seen = "", set()
    for literal, name, _, _ in Formatter().parse(template):
        regex += re.escape(literal)
        if name is None:
            continue
        regex += f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
        seen.add(name)
    return re.compile(regex + r"\Z", re.DOTALL)


@cache
def _wordings() -> dict[str, str]:
    """The English of every {limit_scope}/{corp_verdict} value -> its law key."""
    found = {_engine().LIMIT_SCOPE_DEFAULT: wording_key("limit_scope"),
             _engine().CORPORATE_SCOPE_DEFAULT: wording_key("corp_verdict")}
    found |= {text: wording_key("limit_scope", column.value)
              for column, text in _engine().LIMIT_SCOPE.items()}
    found |= {text: wording_key("corp_verdict", column.value)
              for column, text in _engine().CORPORATE_SCOPE.items()}
    return found


def _value(english: str) -> str:
    """One value of a rule text in the current language: an amount, a number, a wording."""
    key = _wordings().get(english)
    if key is not None:
        return law(key, english)
    money = _MONEY.fullmatch(english)
    if money:
        return format_money(int(money.group(1).replace(",", "")))
    if _NUMBER.fullmatch(english):
        return format_number(int(english))
    return english


def _filled(rule_id: str, part: str, english_template: str, english: str) -> str:
    """The text `english` (= english_template filled in) in the current language."""
    if not english_template:
        return english
    translated = law(rule_key(rule_id, part), english_template)
    if "{" not in english_template:
        return translated
    match = _pattern(english_template).match(english)
    if match is None:
        return english
    values = {name: _value(value) for name, value in match.groupdict().items()}
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):
        return english


def filled_rule_text(rule_id: str, part: str, english: str) -> str:
    """A rule's text (RULE_FIELDS) as the engine filled it in (`english`), in the current
    language; `english` unchanged for an unknown rule or a text that does not fit the rule."""
    rule = _rule(rule_id)
    if rule is None:
        return english
    return _filled(rule.id, part, getattr(rule, part), english)


def finding_name(finding: Finding) -> str:
    rule = _rule(finding.rule)
    return rule_text(rule, "name") if rule is not None else finding.name


def finding_label(finding: Finding) -> str:
    rule = _rule(finding.rule)
    return rule_text(rule, "label") if rule is not None and finding.label else finding.label


def finding_text(finding: Finding) -> str:
    """The finding's reason in the current language (R85's prefix too)."""
    rule = _rule(finding.rule)
    if rule is None:
        return finding.text
    text, prefix = finding.text, ""
    cap = _engine().STATUS_CAP_PREFIX
    if text.startswith(cap) and not rule.text.startswith(cap):
        text, prefix = text[len(cap):], status_cap_prefix()
    return prefix + _filled(rule.id, "text", rule.text, text)


def finding_remedy(finding: Finding) -> str:
    rule = _rule(finding.rule)
    if rule is None or not finding.remedy:
        return finding.remedy
    return _filled(rule.id, "remedy", rule.remedy, finding.remedy)


def remedy_label(rule_id: str, english: str) -> str:
    """A counterfactual's or plan step's label ('you paid your own lodging')."""
    rule = _rule(rule_id)
    return substitution_label(rule, english) if rule is not None else english


def shown_citation(citation: CitationOut) -> str:
    """A citation's label as printed (never translated), with 'Reported: ' in the language."""
    return citation.label if citation.authority else reported_prefix() + citation.label
