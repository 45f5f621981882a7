"""The group report as PDF: counts, a table of everyone, a section per person, the rules cited.

Built for a thousand people and more: one summary table with row shading and no cell borders
(borders triple the layout cost), short per-person sections that give each red or amber finding
with its remedy and list the green findings and notes by rule id, and one appendix that states
each rule that fired, with its sources, once for the whole group instead of once per person.
With `redact`, names print as initials and emails are left out.
"""

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.about import APP_NAME, VERSION
from app.group.members import MemberResult
from app.group.qt_guard import protect_none
from app.pdf import PageSize, esc, html_to_pdf
from app.report_html import (
    PALETTE,
    STYLE,
    citation_html,
    colour_badge,
    disclaimer_html,
    format_date,
)
from rules import Assessment, Colour, Finding, assess, load_parameters, validate_answers

GROUP_STYLE = STYLE + """
.row0 { background-color: #f4f6f8; }
.who { font-size: 8pt; color: #5f6368; }
.person { margin-top: 1.0em; margin-bottom: 0.2em; font-size: 10.5pt; font-weight: bold;
          color: #1a237e; }
.f { margin-left: 1.2em; margin-bottom: 0.2em; }
.r { margin-left: 2.4em; margin-bottom: 0.25em; color: #3c4043; }
"""
NOT_SCREENED = "NOT SCREENED"


def initials(name: str) -> str:
    """'Jane van Doe' -> 'J. v. D.'; '' stays ''."""
    parts = [part for part in name.replace(",", " ").split() if part]
    return " ".join(f"{part[0]}." for part in parts)


def shown_name(result: MemberResult, redact: bool) -> str:
    member = result.member
    if redact:
        name = initials(member.name)
        return name or (member.reference or f"({member.where})")
    return member.label


def _badge(word: str) -> str:
    return colour_badge(word if word in PALETTE else None) if word != "INVALID" else \
        colour_badge(None).replace("NOT ASSESSED", NOT_SCREENED)


def _cell_colour(word: str) -> str:
    background, foreground, _ = PALETTE.get(word, ("#e8eaed", "#3c4043", ""))
    return (f'<td bgcolor="{background}" width="13%"><span style="color:{foreground}; '
            f'font-weight:bold">{esc(word if word != "INVALID" else NOT_SCREENED)}</span></td>')


def summary_html(results: Sequence[MemberResult]) -> str:
    """The counts and the group's colour (the worst member result, brief c.11)."""
    counts = {"RED": 0, "AMBER": 0, "GREEN": 0, "INVALID": 0}
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
        f"{esc(word.capitalize() if word != 'INVALID' else 'Not screened')}</span></td>"
        for word in ("RED", "AMBER", "GREEN", "INVALID"))
    parts = [
        f"<p>{len(results)} {'person' if len(results) == 1 else 'people'} screened. "
        f"Group result (the worst member result): {colour_badge(worst)}</p>",
        f'<table width="100%" cellspacing="4" cellpadding="6"><tr>{cells}</tr></table>',
    ]
    if counts["INVALID"]:
        parts.append("<p>People marked NOT SCREENED have answers that need correcting; they "
                     "are not cleared until they are screened.</p>")
    if duplicates:
        parts.append(f"<p>{duplicates} possible duplicate{'s' if duplicates > 1 else ''} "
                     "(same email, or same name and reference) are marked in the table.</p>")
    return "".join(parts)


def table_html(results: Sequence[MemberResult], redact: bool) -> str:
    """Everyone in one table: number, name, colour (as a word), top finding."""
    rows = []
    for index, result in enumerate(results, start=1):
        shade = ' bgcolor="#f4f6f8"' if index % 2 else ""
        top = result.top_finding
        if not result.valid:
            top = f"{len(result.issues)} answer{'s' if len(result.issues) != 1 else ''} " \
                  "to correct"
        dup = ' <span class="who">(possible duplicate)</span>' if result.duplicate_of else ""
        rows.append(
            f"<tr{shade}><td width=\"5%\">{index}</td>"
            f'<td width="24%">{esc(shown_name(result, redact))}{dup}</td>'
            f"{_cell_colour(result.colour_word)}<td>{esc(top) or '&#8212;'}</td></tr>")
    return ('<table width="100%" cellspacing="0" cellpadding="3">'
            '<thead><tr bgcolor="#e8eef7"><th align="left">#</th><th align="left">Name</th>'
            '<th align="left">Result</th><th align="left">Top finding</th></tr></thead>'
            + "".join(rows) + "</table>")


class _Assessor:
    """Full findings per person, computed once per distinct set of answers."""

    def __init__(self) -> None:
        self._cache: dict[str, Assessment | None] = {}

    def __call__(self, result: MemberResult) -> Assessment | None:
        if not result.valid:
            return None
        as_of = result.as_of or date.today()
        key = repr(sorted(result.answers.items())) + as_of.isoformat()
        if key not in self._cache:
            checked = validate_answers(result.answers, as_of)
            self._cache[key] = (assess(checked.answers, as_of, explain=False)
                                if checked.ok and checked.answers is not None else None)
        return self._cache[key]


def person_html(index: int, result: MemberResult, assessment: Assessment | None,
                redact: bool) -> str:
    """One person's section: their red and amber findings with remedies, the rest by id."""
    member = result.member
    who = [member.where]
    if not redact and member.email and member.email != member.label:
        who.insert(0, member.email)
    if member.reference and member.reference != shown_name(result, redact):
        who.insert(0, f"ref. {member.reference}")
    dot = " \u00b7 "
    parts = [f'<p class="person">{index}. {esc(shown_name(result, redact))} &nbsp;'
             f"{_badge(result.colour_word)}</p>",
             f'<p class="who">{esc(dot.join(who))}</p>']
    if result.duplicate_of:
        parts.append(f'<p class="f">{esc(result.duplicate_of.capitalize())}.</p>')
    changed = result.changed_text
    if changed:
        parts.append(f'<p class="f"><b>{esc(changed.capitalize())}.</b></p>')
    if assessment is None:
        parts.append('<p class="f">Not screened; correct these answers:</p>')
        parts += [f'<p class="r">&#8226; {esc(text)}</p>' for text in result.issue_texts()]
        return "".join(parts)
    rest: dict[str, list[str]] = {}
    for finding in assessment.findings:
        if finding.colour in (Colour.RED, Colour.AMBER):
            parts.append(f'<p class="f">{colour_badge(finding.colour)} <b>{esc(finding.rule)}'
                         f"</b> {esc(finding.text)}</p>")
            if finding.remedy:
                parts.append(f'<p class="r">What would make this green: '
                             f"{esc(finding.remedy)}</p>")
        else:
            rest.setdefault(str(finding.colour), []).append(finding.rule)
    also = [f"{' '.join(ids)} ({'green' if colour == 'GREEN' else 'notes'})"
            for colour, ids in rest.items()]
    if also:
        parts.append(f'<p class="r">Also applied: {esc("; ".join(also))}.</p>')
    if assessment.missing:
        missing = ", ".join(m.question for m in assessment.missing)
        parts.append(f'<p class="r">Still to find out: {esc(missing)}.</p>')
    return "".join(parts)


def rules_appendix_html(findings: Sequence[Finding]) -> str:
    """Each rule that fired anywhere in the group, once, with its sources."""
    parts = ["<h2>Rules cited in this report</h2>",
             '<p class="muted">Each rule is stated once here with its sources; the sections '
             "above give each person's findings.</p>"]
    for finding in findings:
        parts.append(f'<p class="fh"><b>{esc(finding.rule)}</b> <span class="muted">'
                     f"{esc(finding.name)}</span></p>")
        parts.append(f'<p class="fb">{esc(finding.text)}</p>')
        parts += [citation_html(citation) for citation in finding.citations]
    return "".join(parts)


def group_report_html(results: Sequence[MemberResult], *, as_of: date | None = None,
                      redact: bool = False, generated: date | None = None) -> str:
    """The whole group report as one HTML page."""
    today = generated or date.today()
    params = load_parameters()
    when = as_of or (results[0].as_of if results and results[0].as_of else today)
    assessor = _Assessor()
    sections: list[str] = []
    cited: dict[str, Finding] = {}
    for index, result in enumerate(results, start=1):
        assessment = assessor(result)
        sections.append(person_html(index, result, assessment, redact))
        if assessment is not None:
            for finding in assessment.findings:
                cited.setdefault(finding.rule, finding)
    redacted = ("<p class=\"muted\">Names are shown as initials and emails are left out.</p>"
                if redact else "")
    body = [
        "<h1>Volunteer Check: group screening</h1>",
        f'<p class="sub">US federal election law on foreign nationals volunteering for '
        f"campaigns &#8212; printed {esc(format_date(today))}; law as of "
        f"{esc(format_date(when))}; ruleset {esc(params.ruleset_version)} (research reviewed "
        f"{esc(format_date(params.research_reviewed))}); {esc(APP_NAME)} {esc(VERSION)}</p>",
        redacted,
        "<h2>Summary</h2>", summary_html(results), disclaimer_html(),
        "<h2>Everyone</h2>", table_html(results, redact),
        "<h2>Each person</h2>", *sections,
        rules_appendix_html([cited[key] for key in sorted(cited)]),
    ]
    return ("<html><head><meta charset=\"utf-8\">"
            f"<style>{GROUP_STYLE}</style></head><body>" + "".join(body) + "</body></html>")


def write_group_pdf(results: Sequence[MemberResult], out: Path | str, *,
                    as_of: date | None = None, redact: bool = False,
                    page: PageSize | None = None) -> None:
    """Write the group report (0600, atomic); AnswersFileError when it cannot be saved."""
    protect_none()  # PySide6 6.12 on Python 3.11 (see app.group.qt_guard)
    html = group_report_html(results, as_of=as_of, redact=redact)
    footer = f"{APP_NAME} \u00b7 group screening \u00b7 not legal advice"
    html_to_pdf(html, Path(out), page, f"{APP_NAME} group screening", footer=footer)
