"""The group report as PDF: counts, a table of everyone, a section per person, the rules cited.

Built for a thousand people and more: one summary table with row shading and no cell borders
(borders triple the layout cost), short per-person sections that give each red or amber finding
with its remedy and list the green findings and notes by rule id, and one appendix that states
each rule that fired, with its sources, once for the whole group instead of once per person.
With `redact`, names print as initials and emails are left out.
"""

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

from app.about import APP_NAME, VERSION
from app.group.members import MemberResult, issue_text
from app.i18n import _, labelled, ngettext, pgettext
from app.i18n.formats import format_number
from app.i18n.law_texts import finding_name, finding_remedy, finding_text, prompt_of
from app.pdf import PageSize, html_to_pdf
from app.report_html import (
    STYLE,
    citation_html,
    colour_badge,
    disclaimer_html,
    isolated,
)
from app.vocabulary import GROUP_WORDS, INVALID, PALETTE, colour_name, esc, format_date
from rules import (
    Answers,
    Area,
    Assessment,
    Colour,
    Finding,
    assess,
    load_parameters,
    validate_answers,
)
from rules.engine import evaluate
from rules.facts import derive_facts
from rules.questions import QUESTION_BY_ID
from rules.rule import Rule

GROUP_STYLE = STYLE + """
.row0 { background-color: #f4f6f8; }
.who { font-size: 8pt; color: #5f6368; }
.person { margin-top: 1.0em; margin-bottom: 0.2em; font-size: 10.5pt; font-weight: bold;
          color: #1a237e; }
.f { margin-left: 1.2em; margin-bottom: 0.2em; }
.r { margin-left: 2.4em; margin-bottom: 0.25em; color: #3c4043; }
.line { margin-top: 0.35em; margin-bottom: 0; }
"""
def group_footer() -> str:
    """The footer of every page, in the current language."""
    return _("{app} \u00b7 group screening \u00b7 not legal advice").format(app=APP_NAME)
# Up to this many people, each gets their findings in words; above, one paragraph each.
FULL_DETAIL_MAX = 200
Detail = Literal["auto", "full", "compact"]
NOT_SCREENED_PALETTE = ("#e8eaed", "#3c4043", "#eeeeee")


# Scripts whose names are not abbreviated with a full stop: an ideograph or syllable is a
# whole sign, so its initial stands alone ("山田 太郎" -> "山 太").
_NO_STOP_PREFIXES = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "YI ", "BOPOMOFO")


def _initial(word: str) -> str:
    """The first letter or digit of `word` with the marks that belong to it (an accent, a
    vowel sign), or '' when the word has none (punctuation, '=', a dash)."""
    for index, char in enumerate(word):
        if unicodedata.category(char)[0] in "LN":
            end = index + 1
            while end < len(word) and unicodedata.category(word[end])[0] == "M":
                end += 1
            return unicodedata.normalize("NFC", word[index:end])
    return ""


def _stands_alone(initial: str) -> bool:
    return unicodedata.name(initial[0], "").startswith(_NO_STOP_PREFIXES)


def initials(name: str) -> str:
    """One initial per word, in the name's own order: 'Jane van Doe' -> 'J. v. D.', '=Bob
    O'Neil' -> 'B. O.', 'محمد علي' -> 'م. ع.', '山田 太郎' -> '山 太'; '' stays ''.

    Words are separated by spaces (any Unicode space) and commas; each gives its first letter
    or digit (with its combining marks), skipping leading punctuation and symbols such as the
    '=' of a name that would be a formula in a spreadsheet. Han, kana, Hangul and Yi initials
    take no full stop."""
    parts = [_initial(word) for word in re.split(r"[\s,\u3001\uff0c]+", name)]
    return " ".join(part if _stands_alone(part) else f"{part}." for part in parts if part)


def shown_name(result: MemberResult, redact: bool) -> str:
    member = result.member
    if redact:
        name = initials(member.name)
        return name or (member.reference or f"({member.where})")
    return member.label


def _badge(word: str) -> str:
    return colour_badge(word if word in PALETTE else None)


def summary_html(results: Sequence[MemberResult]) -> str:
    """The counts and the group's colour (the worst member result, brief c.11)."""
    counts = dict.fromkeys(GROUP_WORDS, 0)
    duplicates = 0
    for result in results:
        counts[result.colour_word] += 1
        duplicates += result.duplicate_of is not None
    worst = ("RED" if counts["RED"] else "AMBER" if counts["AMBER"] or counts["INVALID"]
             else "GREEN" if counts["GREEN"] else None)
    cells = "".join(
        f'<td width="25%" bgcolor="{PALETTE.get(word, ("#e8eaed", "", ""))[0]}">'
        f'<span class="big" style="color:{PALETTE.get(word, ("", "#3c4043", ""))[1]}">'
        f"{counts[word]}</span><br/><span style=\"color:"
        f'{PALETTE.get(word, ("", "#3c4043", ""))[1]}">'
        f"{esc(colour_name(word).capitalize())}</span></td>"
        for word in GROUP_WORDS)
    parts = [
        "<p>" + esc(ngettext("{count} person screened.", "{count} people screened.",
                             len(results)).format(count=format_number(len(results))))
        + " " + esc(_("Group result (the worst member result):")) + " "
        + f"{colour_badge(worst) if worst else '&#8212;'}</p>",
        f'<table width="100%" cellspacing="4" cellpadding="6"><tr>{cells}</tr></table>',
    ]
    if counts["INVALID"]:
        parts.append("<p>" + esc(_(
            "People marked {invalid} have answers that need correcting; they are not cleared "
            "until they are corrected and screened.").format(invalid=colour_name(INVALID)))
            + "</p>")
    if duplicates:
        parts.append("<p>" + esc(ngettext(
            "{count} possible duplicate (same email, or same name and reference) is marked in "
            "the table.", "{count} possible duplicates (same email, or same name and reference) "
            "are marked in the table.", duplicates).format(count=duplicates)) + "</p>")
    return "".join(parts)


def table_html(results: Sequence[MemberResult], redact: bool) -> str:
    """Everyone in one table: number and name, the colour as a word, the top finding.

    Each row is tinted with its colour (one attribute per row: per-cell backgrounds and
    borders cost several times more to lay out for a thousand rows); the word is printed too.
    """
    rows = [f'<tr bgcolor="#e8eef7"><td width="26%"><b>{esc(_("Name"))}</b></td>'
            f'<td width="16%"><b>{esc(_("Result"))}</b></td>'
            f'<td><b>{esc(_("Top finding"))}</b></td></tr>']
    duplicate_mark = " " + esc(_("(possible duplicate)"))
    edited_mark = " " + esc(_("(edited)"))
    for index, result in enumerate(results, start=1):
        word = result.colour_word
        tint = PALETTE.get(word, NOT_SCREENED_PALETTE)[2]
        top = result.top_finding
        if not result.valid:
            count = len(result.issues)
            top = ngettext("{count} answer to correct", "{count} answers to correct",
                           count).format(count=count)
        dup = duplicate_mark if result.duplicate_of else ""
        edited = edited_mark if result.member.edited else ""
        rows.append(f'<tr bgcolor="{tint}"><td>{index}. {isolated(shown_name(result, redact))}'
                    f"{edited}{dup}</td><td><b>{esc(colour_name(word))}</b></td>"
                    f"<td>{esc(top) or '&#8212;'}</td></tr>")
    return ('<table width="100%" cellspacing="0" cellpadding="2">' + "".join(rows)
            + "</table>")


class _Findings:
    """Each person's findings, worked out once per distinct set of fired rules.

    What a section prints (each finding's colour, wording and remedy) depends only on which
    rules fired (their status rules say whether the person is a foreign national) and on the
    date (which fixes the $1,000 limit), so people who share these share one assessment.
    """

    def __init__(self) -> None:
        self._assessments: dict[tuple[Any, ...], Assessment | None] = {}
        self._colours: dict[tuple[Any, ...], dict[str, list[str]]] = {}

    @staticmethod
    def _valid(result: MemberResult) -> tuple[Answers, date] | None:
        as_of = result.as_of or date.today()
        checked = validate_answers(result.answers, as_of)
        if not checked.ok or checked.answers is None:
            return None
        return checked.answers, as_of

    def __call__(self, result: MemberResult) -> Assessment | None:
        """The full assessment (wording, remedies, sources; no alternatives)."""
        if not result.valid:
            return None
        as_of = result.as_of or date.today()
        key = (result.fired, as_of)
        if key not in self._assessments:
            valid = self._valid(result)
            self._assessments[key] = assess(valid[0], valid[1], explain=False) if valid else None
        return self._assessments[key]

    def colours(self, result: MemberResult) -> dict[str, list[str]] | None:
        """Rule ids by the colour each took for this person (no wording: cheap)."""
        if not result.valid:
            return None
        key = (result.fired, result.as_of)
        if key not in self._colours:
            valid = self._valid(result)
            if valid is None:
                return None
            taken = {rule.id: capped(rule, colour)
                     for rule, colour in evaluate(derive_facts(*valid))}
            groups: dict[str, list[str]] = {}
            for rule_id in result.fired:
                groups.setdefault(str(taken.get(rule_id, "NOTE")), []).append(rule_id)
            self._colours[key] = groups
        return self._colours[key]


def capped(rule: Rule, colour: Colour) -> Colour:
    """Immigration findings never exceed AMBER (brief (c)9), as the engine prints them."""
    return Colour.AMBER if rule.area is Area.IMMIGRATION and colour is Colour.RED else colour


def _who(result: MemberResult, redact: bool) -> str:
    member = result.member
    who = [member.where]
    if not redact and member.email and member.email != member.label:
        who.insert(0, member.email)
    if member.reference and member.reference != shown_name(result, redact):
        who.insert(0, _("ref. {reference}").format(reference=member.reference))
    return " \u00b7 ".join(who)


def _sentence(text: str) -> str:
    """`text` with a capital first letter (str.capitalize would lower-case file names and
    question ids)."""
    return text[:1].upper() + text[1:] + "."


def _flags(result: MemberResult) -> list[str]:
    flags = []
    if result.duplicate_of:
        flags.append(_sentence(result.duplicate_of))
    if result.changed_text:
        flags.append(_sentence(result.changed_text))
    if result.member.edited:
        flags.append(_sentence(result.member.edited_text))
    return flags


def _by_colour(assessment: Assessment) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for finding in assessment.findings:
        groups.setdefault(str(finding.colour), []).append(finding.rule)
    return groups


def person_html(index: int, result: MemberResult, assessment: Assessment | None,
                redact: bool, cache: dict[int, str] | None = None) -> str:
    """One person's full section: red and amber findings with remedies, the rest by rule id."""
    parts = [f'<h3 class="person">{index}. {isolated(shown_name(result, redact))} &nbsp;'
             f"{_badge(result.colour_word)}</h3>",
             f'<p class="who">{esc(_who(result, redact))}</p>']
    parts += [f'<p class="f"><b>{esc(flag)}</b></p>' for flag in _flags(result)]
    if assessment is None:
        parts.append('<p class="f">' + esc(_("{invalid}: correct these answers, then screen "
                                             "again:").format(invalid=colour_name(INVALID)))
                     + "</p>")
        parts += [f'<p class="r">&#8226; {esc(text)}</p>' for text in result.issue_texts()]
        return "".join(parts)
    parts.append(_findings_html(assessment, {} if cache is None else cache))
    return "".join(parts)


def _findings_html(assessment: Assessment, cache: dict[int, str]) -> str:
    """The findings part of a full section (cached per assessment object, which the caller
    keeps alive)."""
    cached = cache.get(id(assessment))
    if cached is not None:
        return cached
    parts = []
    for finding in assessment.findings:
        if finding.colour in (Colour.RED, Colour.AMBER):
            parts.append(f'<p class="f">{colour_badge(finding.colour)} <b>{esc(finding.rule)}'
                         f"</b> {esc(finding_text(finding))}</p>")
            if finding.remedy:
                parts.append('<p class="r">' + esc(_("What would make this green:")) + " "
                             + f"{esc(finding_remedy(finding))}</p>")
    groups = _by_colour(assessment)
    also = [_("{rules} (green)").format(rules=" ".join(groups[colour])) if colour == "GREEN"
            else _("{rules} (notes)").format(rules=" ".join(groups[colour]))
            for colour in ("GREEN", "NOTE") if colour in groups]
    if also:
        parts.append('<p class="r">' + esc(_("Also applied: {rules}.").format(
            rules="; ".join(also))) + "</p>")
    if assessment.missing:
        parts.append('<p class="r">' + esc(_("Still to find out:")) + "</p>")
        parts += [f'<p class="r">&#8226; {esc(prompt_of(m.question))}</p>'
                  for m in assessment.missing]
    text = "".join(parts)
    cache[id(assessment)] = text
    return text


def person_line_html(index: int, result: MemberResult, groups: dict[str, list[str]] | None,
                     redact: bool) -> str:
    """One person in one paragraph (big groups): their rules by colour; the appendix words
    each rule once, with its remedy and sources."""
    head = f"<b>{index}. {isolated(shown_name(result, redact))}</b> {_badge(result.colour_word)} "
    flags = " ".join(_flags(result))
    if groups is None:
        issues = "; ".join(issue_text(result.member, issue, with_row=False)
                           for issue in result.issues)
        body = esc(_("{invalid}: correct {issues}").format(invalid=colour_name(INVALID),
                                                           issues=issues))
    else:
        labels = {"RED": colour_name("RED"), "AMBER": colour_name("AMBER"),
                  "GREEN": pgettext("rules", "green"), "NOTE": pgettext("rules", "notes")}
        words = [labelled(labels[colour], ' '.join(groups[colour]))
                 for colour in ("RED", "AMBER", "GREEN", "NOTE") if colour in groups]
        if result.missing:
            words.append(_("to find out: {questions}").format(
                questions="; ".join(missing_text(qid) for qid in result.missing)))
        body = esc(" \u00b7 ".join(words))
    extra = f" <i>{esc(flags)}</i>" if flags else ""
    return f'<p class="line">{head}{body}{extra}</p>'


def missing_text(qid: str) -> str:
    """A fact still to find out as its question, not its id."""
    return prompt_of(qid) if qid in QUESTION_BY_ID else qid


def rules_appendix_html(findings: Sequence[Finding], remedies: bool) -> str:
    """Each rule that fired anywhere in the group, once, with its sources."""
    parts = [f"<h2>{esc(_('Rules cited in this report'))}</h2>",
             '<p class="muted">' + esc(_("Each rule is stated once here with its sources; the "
                                         "sections above say which rules apply to whom."))
             + "</p>"]
    for finding in findings:
        parts.append(f"<h4>{colour_badge(finding.colour)} <b>{esc(finding.rule)}</b> "
                     f'<span class="muted">{esc(finding_name(finding))}</span></h4>')
        parts.append(f'<p class="fb">{esc(finding_text(finding))}</p>')
        if remedies and finding.remedy:
            parts.append(f'<p class="fb"><b>{esc(_("What would make this green:"))}</b> '
                         f"{esc(finding_remedy(finding))}</p>")
        parts += [citation_html(citation) for citation in finding.citations]
    return "".join(parts)


def group_report_html(results: Sequence[MemberResult], *, as_of: date | None = None,
                      redact: bool = False, generated: date | None = None,
                      detail: Detail = "auto") -> str:
    """The whole group report as one HTML page.

    `detail`: "full" gives each person their findings in words with remedies; "compact" one
    paragraph per person naming their rules by colour (the appendix words each rule once);
    "auto" is full up to FULL_DETAIL_MAX people.
    """
    today = generated or date.today()
    params = load_parameters()
    when = as_of or (results[0].as_of if results and results[0].as_of else today)
    full = detail == "full" or (detail == "auto" and len(results) <= FULL_DETAIL_MAX)
    findings = _Findings()
    sections: list[str] = []
    cache: dict[int, str] = {}
    example: dict[str, MemberResult] = {}
    for index, result in enumerate(results, start=1):
        if full:
            sections.append(person_html(index, result, findings(result), redact, cache))
        else:
            sections.append(person_line_html(index, result, findings.colours(result), redact))
        for rule_id in result.fired:
            example.setdefault(rule_id, result)
    cited: dict[str, Finding] = {}
    for rule_id in sorted(example):
        assessment = findings(example[rule_id])
        for finding in assessment.findings if assessment is not None else ():
            cited.setdefault(finding.rule, finding)
    redacted = ('<p class="muted">' + esc(_("Names are shown as initials and emails are left "
                                            "out.")) + "</p>" if redact else "")
    how = ("" if full else '<p class="muted">' + esc(_(
        "One line per person: the rules that apply to them, by colour. Each rule is explained "
        "once, with what would make it green and its sources, under \u201cRules cited\u201d at "
        "the end.")) + "</p>")
    body = [
        f"<h1>{esc(_('Volunteer Check: group screening'))}</h1>",
        '<p class="sub">' + esc(_(
            "US federal election law on foreign nationals volunteering for campaigns \u2014 "
            "printed {printed}; law as of {as_of}; ruleset {ruleset} (research reviewed "
            "{reviewed}); {app} {version}").format(
            printed=format_date(today), as_of=format_date(when),
            ruleset=params.ruleset_version, reviewed=format_date(params.research_reviewed),
            app=APP_NAME, version=VERSION)) + "</p>",
        redacted,
        f"<h2>{esc(_('Summary'))}</h2>", summary_html(results), disclaimer_html(),
        f"<h2>{esc(_('Everyone'))}</h2>", table_html(results, redact),
        f"<h2>{esc(_('Each person'))}</h2>", how, *sections,
        rules_appendix_html([cited[key] for key in sorted(example) if key in cited],
                            remedies=not full),
    ]
    return ("<html><head><meta charset=\"utf-8\">"
            f"<style>{GROUP_STYLE}</style></head><body>" + "".join(body) + "</body></html>")


def write_group_pdf(results: Sequence[MemberResult], out: Path | str, *,
                    as_of: date | None = None, redact: bool = False,
                    page: PageSize | None = None, detail: Detail = "auto") -> None:
    """Write the group report (0600, atomic); AnswersFileError when it cannot be saved."""
    html = group_report_html(results, as_of=as_of, redact=redact, detail=detail)
    html_to_pdf(html, Path(out), page, _("{app} group screening").format(app=APP_NAME),
                footer=group_footer())
