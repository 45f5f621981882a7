"""The HTML of printed reports (QTextDocument's HTML subset), in blocks the group report reuses.

The single-person handout has two parts. The volunteer's part speaks plain words only: page 1
holds the name, the overall colour with its meaning, "What to do next" and the area table; the
findings (reason and remedy) follow. The appendix for counsel starts on a new page and holds
everything internal: rule ids, alternatives, sources with links, the answers with their question
ids, the ruleset and the digest. Headings (h1-h6) are kept with what follows them by
app.pdf.keep_headings_with_next, so every heading-like line (a finding's title, "Sources") is a
heading element.

Every piece of user or data text goes through `esc`. Colours are always printed as words too, so
a black-and-white printout reads the same. Big tables use row shading, not cell borders (borders
triple the layout cost).
"""

from collections.abc import Iterable, Mapping
from datetime import date

from app import plan_text
from app.about import APP_NAME, VERSION
from app.assessing import Outcome, answers_digest, headline, immigration_first
from app.i18n import ENGLISH, _, in_language, labelled, language
from app.i18n.law_texts import (
    disclaimer,
    finding_label,
    finding_name,
    finding_remedy,
    finding_text,
    page_title,
    prompt_of,
    question_text,
    remedy_label,
    reported_prefix,
)
from app.routing import friendly_message
from app.vocabulary import (
    CAMPAIGN,
    FONT_STACK,
    INVALID,
    NO_ELECTION_FINDINGS,
    NOT_ASSESSED,
    PALETTE,
    PREPARED_FOR,
    TRIP,
    answer_words,
    area_title,
    colour_name,
    esc,
    format_date,
    invalid_meaning,
    light_words,
    severity_word,
    status_word,
    trip_words,
)
from rules import Area, Assessment, Colour, Finding, Person, load_parameters
from rules.questions import QUESTION_BY_ID, QUESTIONS
from rules.result import CitationOut, Counterfactual, MissingFact

# The words and colours are app.vocabulary's (re-exported here for the group report).
INVALID_WORD = INVALID
DOLLARS = " (US dollars)"  # after an amount in the answers, for counsel (English; dollars())


def dollars() -> str:
    """' (US dollars)' in the current language."""
    return _(" (US dollars)")

STYLE = "body { color: #202124; font-family: " + FONT_STACK + "; }" + """
h1 { font-size: 17pt; font-weight: bold; color: #1a237e; margin-top: 0; margin-bottom: 0.1em; }
h2 { font-size: 12.5pt; font-weight: bold; color: #1a237e; margin-top: 1.1em;
     margin-bottom: 0.35em; }
h3 { font-size: 10pt; font-weight: bold; color: #3c4043; margin-top: 0.9em; margin-bottom: 0.3em; }
p { margin-top: 0; margin-bottom: 0.3em; }
.sub { color: #5f6368; margin-bottom: 0.5em; }
.small { font-size: 8pt; color: #3c4043; margin-bottom: 0; }
.muted { color: #5f6368; }
.fh { margin-top: 1.1em; margin-bottom: 0.25em; }
.fb { margin-left: 1.6em; margin-bottom: 0.25em; }
.cf { margin-left: 1.6em; margin-bottom: 0.2em; }
.src { margin-left: 1.6em; margin-top: 0.4em; margin-bottom: 0.15em; font-size: 8pt;
       font-weight: bold; color: #5f6368; }
.cit { margin-left: 3.2em; margin-bottom: 0.15em; font-size: 8pt;
       color: #3c4043; }
.url { color: #1a57b0; }
.big { font-size: 15pt; font-weight: bold; }
h4 { font-size: 10pt; font-weight: bold; margin-top: 0.9em; margin-bottom: 0.25em; }
h5 { font-size: 8pt; font-weight: bold; color: #5f6368; margin-left: 1.6em; margin-top: 0.4em;
     margin-bottom: 0.15em; }
.step { margin-left: 1.6em; margin-bottom: 0.3em; }
.newpage { page-break-before: always; }
"""


def _palette(colour: Colour | str | None) -> tuple[str, str, str]:
    return PALETTE.get(str(colour), NOT_ASSESSED) if colour is not None else NOT_ASSESSED


def colour_badge(colour: Colour | str | None) -> str:
    """The colour as a word on its colour (never colour alone); None reads 'INVALID'."""
    background, foreground, _tint = _palette(colour)
    return (f'<span style="background-color:{background}; color:{foreground}; '
            f'font-weight:bold">&nbsp;{esc(colour_name(colour))}&nbsp;</span>')


def isolated(text: str) -> str:
    """Escaped `text` set apart for the bidi algorithm, after a left-to-right mark: a name in
    Arabic or Hebrew keeps its own order without turning the line around it (else "3. " and
    an Arabic name print as the name, then ".3", right-aligned)."""
    return f"&#x200E;&#x2068;{esc(text)}&#x2069;"


def _url(url: str | None) -> str:
    if not url:
        return ""
    if url.startswith(("https://", "http://")):
        return f' <a class="url" href="{esc(url)}">{esc(url)}</a>'
    return f" {esc(url)}"


def citation_html(citation: CitationOut) -> str:
    """One source with its URL printed. A source that is not authority (UNVERIFIED or REPORTED)
    reads 'Reported: ...' in muted italics, its URL as plain text, not a link. Verification
    marks and research notes are for counsel (`rules --markdown`), not printed here."""
    if citation.authority:
        return f'<p class="cit">&#8226; {esc(citation.label)}{_url(citation.url)}</p>'
    url = f" {esc(citation.url)}" if citation.url else ""
    shown = reported_prefix() + citation.label
    return (f'<p class="cit">&#8226; <span class="muted"><i>{esc(shown)}</i>{url}'
            "</span></p>")


def citations_html(finding: Finding) -> str:
    """The sources of one finding, each with its URL; reported ones marked 'Reported: '."""
    if not finding.citations:
        return ""
    items = "".join(citation_html(c) for c in finding.citations)
    return f"<h5>{esc(_('Sources'))}</h5>{items}"


def counterfactual_html(cf: Counterfactual, rule_id: str = "") -> str:
    # "»", not an arrow: every fixed character must be in the bundled Noto Sans (an arrow would
    # be drawn from whatever system font has one, or not at all).
    words = esc(_("If {label} instead:")).format(label=esc(remedy_label(rule_id, cf.label)))
    return (f'<p class="cf">&#187; {words} {colour_badge(cf.colour)} '
            f'<span class="muted">{esc(_("(overall result)"))}</span></p>')


def finding_title(finding: Finding) -> str:
    """A finding's title in plain words: its area (for immigration, which has its own section,
    "Your visa or status"), and its label where it has one."""
    title = _("Your visa or status") if finding.immigration else \
        area_title(finding.area)
    return labelled(title, finding_label(finding)) if finding.label else title


def finding_html(finding: Finding) -> str:
    """One finding for the volunteer: colour, its area in words, the reason and the remedy.
    No rule id, no sources: those are in the appendix for counsel."""
    parts = [f"<h4>{colour_badge(finding.colour)}&nbsp; {esc(finding_title(finding))}</h4>",
             f'<p class="fb">{esc(finding_text(finding))}</p>']
    if finding.remedy and finding.colour in (Colour.RED, Colour.AMBER):
        parts.append(f'<p class="fb"><b>{esc(_("What would make this green:"))}</b> '
                     f"{esc(finding_remedy(finding))}</p>")
    return "".join(parts)


def _sections(assessment: Assessment, election: list[str], immigration: list[str]) -> str:
    """Election law and immigration, the worse of the two first (as on screen)."""
    if not immigration:
        return "".join(election)
    return "".join(immigration + election if immigration_first(assessment)
                   else election + immigration)


def findings_html(assessment: Assessment) -> str:
    """Every finding in plain words: election law and, in its own labelled section,
    immigration; the worse of the two comes first (as on screen)."""
    election = [f"<h2>{esc(_('Findings (election law)'))}</h2>"]
    election += [finding_html(f) for f in assessment.election_findings] or [
        f'<p class="muted">{esc(_(NO_ELECTION_FINDINGS))}</p>']
    found = assessment.immigration_findings
    immigration = [f"<h2>{esc(_('Immigration (not election law)'))}</h2>",
                   '<p class="muted">' + esc(_(
                       "These cautions are about your visa or status, not campaign-finance "
                       "law. They never make the result RED; get immigration advice if they "
                       "apply to you.")) + "</p>",
                   *(finding_html(f) for f in found)] if found else []
    return _sections(assessment, election, immigration)


def counsel_finding_html(finding: Finding) -> str:
    """One finding for counsel: rule id and name, colour and severity, the alternatives and
    the sources with their links."""
    severity = (' <span class="muted">' + esc(_("({severity} severity)").format(
        severity=severity_word(finding.severity))) + "</span>") if finding.severity else ""
    label = f" &#8212; {esc(finding_label(finding))}" if finding.label else ""
    parts = [f"<h4>{colour_badge(finding.colour)}&nbsp; {esc(finding.rule)} "
             f'<span class="muted">{esc(finding_name(finding))}</span>{label}{severity} '
             f'<span class="muted">&#183; {esc(finding_title(finding))}</span></h4>']
    parts.append(authoritative_english_html(finding))
    parts += [counterfactual_html(cf, finding.rule) for cf in finding.counterfactuals]
    parts.append(citations_html(finding))
    return "".join(parts)


def authoritative_english_html(finding: Finding) -> str:
    """In a handout in another language: the finding's English text and remedy, marked as the
    authoritative version (rules/ is the English original; translations are a courtesy)."""
    if language() == ENGLISH:
        return ""
    heading = esc(_("Authoritative English text"))
    with in_language(ENGLISH):
        text = f'<p class="fb"><i>{esc(finding.text)}</i></p>'
        remedy = (f'<p class="fb"><i><b>What would make this green:</b> '
                  f"{esc(finding.remedy)}</i></p>") if finding.remedy else ""
    return f"<h5>{heading}</h5>{text}{remedy}"


def counsel_findings_html(assessment: Assessment) -> str:
    """Every rule that applied, by id, in the order of the findings above."""
    election = [f"<h3>{esc(_('Election law'))}</h3>"]
    election += [counsel_finding_html(f) for f in assessment.election_findings] or [
        f'<p class="muted">{esc(_(NO_ELECTION_FINDINGS))}</p>']
    found = assessment.immigration_findings
    immigration = ([f"<h3>{esc(_('Immigration (not election law)'))}</h3>"]
                   + [counsel_finding_html(f) for f in found]) if found else []
    return (f"<h2>{esc(_('Rules applied'))}</h2>"
            + _sections(assessment, election, immigration))


def _shaded_rows(rows: Iterable[tuple[str, str]], widths: tuple[int, int] = (38, 62)) -> str:
    """A two-column table with alternate row shading (no cell borders)."""
    body = []
    for index, (left, right) in enumerate(rows):
        shade = ' bgcolor="#f4f6f8"' if index % 2 == 0 else ""
        body.append(f'<tr{shade}><td width="{widths[0]}%">{left}</td>'
                    f'<td width="{widths[1]}%">{right}</td></tr>')
    return ('<table width="100%" cellspacing="0" cellpadding="4">' + "".join(body)
            + "</table>")


def light_badge(colour: Colour | str | None) -> str:
    """An area's light: the colour word on its colour, or (no colour) what that means there,
    in the screen's words ("Nothing to check", "Information only")."""
    if colour is None or str(colour) == "NOTE":
        return f'<span class="muted">{esc(light_words(colour))}</span>'
    return colour_badge(colour)


def areas_html(assessment: Assessment) -> str:
    """Each area's light, as a word on its colour."""
    rows = [(esc(area_title(area)), light_badge(colour))
            for area, colour in assessment.areas.items()]
    return f"<h2>{esc(_('Result by area'))}</h2>" + _shaded_rows(rows, (45, 55))


def overall_html(assessment: Assessment) -> str:
    """The overall colour in a coloured box with the sentence the screen shows
    (`app.assessing.headline`: it names the colour's cause, election law or immigration)."""
    background, foreground, tint = _palette(assessment.colour)
    meaning = headline(assessment)
    immigration = assessment.areas.get(Area.IMMIGRATION)
    overall = _("Overall result: {colour}").format(colour=colour_name(assessment.colour))
    return (
        '<table width="100%" cellspacing="0" cellpadding="7" style="margin-top:6pt">'
        f'<tr><td bgcolor="{background}"><span class="big" style="color:{foreground}">'
        f"{esc(overall)}</span></td></tr>"
        f'<tr><td bgcolor="{tint}"><p>{esc(meaning)}</p>'
        f"<p>{esc(_('Election law:'))} {colour_badge(assessment.election_colour)} &nbsp;&nbsp; "
        f"{esc(_('Immigration:'))} {light_badge(immigration)}</p>"
        f'<p style="margin-bottom:0">{esc(_("Your status for these rules:"))} '
        f"<b>{esc(status_word(assessment.status))}</b></p>"
        "</td></tr></table>"
    )


def _plan_steps(assessment: Assessment) -> list[str]:
    """The plan's steps (every change that together reaches the best colour, rules.plan)."""
    plan = assessment.plan
    return [plan_text.step_text(step) for step in plan.steps] if plan is not None else []


def next_steps(assessment: Assessment) -> list[str]:
    """'What to do next' as plain sentences (not escaped): the plan, what to find out, then the
    remedy of every red and amber finding (each once, worst first), then who to show this to."""
    steps = _plan_steps(assessment)
    seen = set(steps)
    for fact in assessment.missing:
        step = _("Find out, then answer again: {question}").format(
            question=prompt_of(fact.question))
        if step not in seen:
            seen.add(step)
            steps.append(step)
    worrying = [f for f in assessment.findings if f.colour in (Colour.RED, Colour.AMBER)]
    if assessment.plan is not None and not assessment.plan.remaining:
        worrying = []  # the plan clears every reason; each remedy is under its finding
    worrying.sort(key=lambda f: f.colour is not Colour.RED)
    for finding in worrying:
        remedy = finding_remedy(finding)
        if remedy and remedy not in seen:
            seen.add(remedy)
            steps.append(remedy)
    if assessment.colour is Colour.GREEN and not steps:
        steps.append(_("Nothing needs to change: go ahead as you described, and check again if "
                       "anything about your plan changes."))
    elif assessment.colour is not Colour.GREEN:
        steps.append(_("Show this handout to your campaign's compliance counsel before you go "
                       "ahead; the last pages are written for them."))
    return steps


def next_steps_html(assessment: Assessment) -> str:
    """The 'What to do next' section: numbered steps in plain words, the plan's first."""
    parts = [f"<h2>{esc(plan_text.heading())}</h2>"]
    plan = assessment.plan
    if plan is not None:
        remaining = plan_text.remaining_text(plan, codes=False)
        then = esc(_("Then the overall result would be {colour}")).format(
            colour=colour_badge(plan.colour))
        parts.append(f"<p><b>{esc(plan_text.plan_intro(plan))}</b> {then}"
                     + (f"; {esc(remaining)}" if remaining else "") + ".</p>")
    parts += [f'<p class="step"><b>{number}.</b> {esc(step)}</p>'
              for number, step in enumerate(next_steps(assessment), start=1)]
    return "".join(parts)


def missing_html(missing: tuple[MissingFact, ...]) -> str:
    """The 'I don't know' answers that stand between the volunteer and a green result (for
    counsel: with the question ids)."""
    parts = [f"<h2>{esc(_('Facts still missing'))}</h2>"]
    if not missing:
        parts.append(f'<p class="muted">{esc(_("None: every question was answered."))}</p>')
        return "".join(parts)
    parts.append("<p>" + esc(_("An unknown answer is never green; these are the ones that "
                                "matter:")) + "</p>")
    parts += [f'<p class="fb">&#8226; <b>{esc(m.question)}</b> {esc(prompt_of(m.question))}</p>'
              for m in missing]
    return "".join(parts)


def answers_html(answers: Mapping[str, object]) -> str:
    """Every answer in words, grouped by wizard page, with the question as asked."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    page = ""
    parts = [f"<h2>{esc(_('The answers'))}</h2>"]
    for question in QUESTIONS:
        if question.id not in answers:
            continue
        seen.add(question.id)
        if question.page != page:
            if rows:
                parts.append(_shaded_rows(rows, (55, 45)))
                rows = []
            page = question.page
            parts.append(f"<h3>{esc(page_title(page))}</h3>")
        rows.append((f'<span class="muted">{esc(question.id)}</span>&nbsp; '
                     f"{esc(question_text(question))}",
                     f"<b>{esc(answer_words(question.id, answers[question.id], dollars()))}</b>"))
    if rows:
        parts.append(_shaded_rows(rows, (55, 45)))
    others = [key for key in answers if key not in seen]
    if others:
        parts.append(f"<h3>{esc(_('Other entries in the file'))}</h3>")
        parts.append(_shaded_rows([(esc(key), esc(answer_words(key, answers[key], dollars())))
                                   for key in others], (55, 45)))
    if not answers:
        parts.append(f'<p class="muted">{esc(_("No answers."))}</p>')
    return "".join(parts)


def disclaimer_html() -> str:
    """The brief's disclaimer in a shaded box."""
    return ('<table width="100%" cellspacing="0" cellpadding="6" style="margin-top:8pt">'
            f'<tr><td bgcolor="#f1f3f4"><p class="small"><b>{esc(_("Not legal advice."))}</b> '
            f"{esc(disclaimer())}</p></td></tr></table>")


def invalid_box_html() -> str:
    """The overall box of answers that cannot be assessed: INVALID, as everywhere."""
    background, foreground, tint = NOT_ASSESSED
    return ('<table width="100%" cellspacing="0" cellpadding="7" style="margin-top:6pt">'
            f'<tr><td bgcolor="{background}"><span class="big" style="color:{foreground}">'
            f"{esc(_('Overall result: {colour}').format(colour=colour_name(None)))}</span>"
            "</td></tr>"
            f'<tr><td bgcolor="{tint}"><p style="margin-bottom:0">{esc(invalid_meaning())}</p>'
            "</td></tr></table>")


def _to_correct_html(outcome: Outcome) -> str:
    """What to do next for invalid answers: each question in words with what is wrong."""
    parts = [f"<h2>{esc(plan_text.heading())}</h2>",
             f"<p>{esc(_('Correct these answers, then check again:'))}</p>"]
    for number, issue in enumerate(outcome.validation.issues, start=1):
        question = QUESTION_BY_ID.get(issue.question)
        where = esc(question_text(question)) if question else esc(_("The answers file"))
        parts.append(f'<p class="step"><b>{number}. {where}</b><br/>'
                     f"{esc(friendly_message(issue))}</p>")
    return "".join(parts)


def _issues_for_counsel_html(outcome: Outcome) -> str:
    parts = [f"<h2>{esc(_('Validation issues'))}</h2>"]
    parts += [f'<p class="fb">&#8226; <b>{esc(issue.code)} {esc(issue.question)}</b>: '
              f"{esc(issue.message)}</p>" for issue in outcome.validation.issues]
    return "".join(parts)


def about_html(outcome: Outcome, generated: date) -> str:
    """Ruleset, research date, dates and the answers digest that ties the printout to its file."""
    params = load_parameters()
    assessment = outcome.assessment
    version = assessment.ruleset.version if assessment else params.ruleset_version
    reviewed = assessment.ruleset.research_reviewed if assessment else params.research_reviewed
    rows = [
        (esc(_("Ruleset")), esc(version)),
        (esc(_("Research last reviewed")), esc(format_date(reviewed))),
    ]
    if assessment is not None:
        rows.append((esc(_("Law assessed as of")), esc(format_date(assessment.as_of))))
    rows += [
        (esc(_("Report printed")), esc(format_date(generated))),
        (esc(_("Made with")), esc(f"{APP_NAME} {VERSION}")),
    ]
    if outcome.source is not None:
        rows.append((esc(_("Answers file")), esc(outcome.source.name)))
    rows.append((esc(_("Answers SHA-256")), '<span style="font-size:8.5pt">'
                 f"{esc(answers_digest(outcome.clean_answers))}</span>"))
    return (f"<h2>{esc(_('About this report'))}</h2>"
            '<p class="muted">' + esc(_("The SHA-256 digest identifies the answers this report "
                                        "was made from: the app shows the same digest for the "
                                        "same answers.")) + "</p>"
            + _shaded_rows(rows, (24, 76)))


def counsel_html(outcome: Outcome, generated: date) -> str:
    """The appendix for counsel, from a new page: rule ids and sources, what is missing, the
    answers with their question ids, the ruleset and the digest."""
    assessment = outcome.assessment
    counsel = _("For the campaign\u2019s counsel")
    parts = [f'<h1 class="newpage">{esc(counsel)}</h1>',
             '<p class="sub">' + esc(_("The rules behind the findings above, with their "
                                       "sources, the answers as given, and what identifies "
                                       "this report.")) + "</p>"]
    if assessment is None:
        parts.append(_issues_for_counsel_html(outcome))
    else:
        parts += [counsel_findings_html(assessment), missing_html(assessment.missing)]
    parts += [answers_html(outcome.clean_answers), about_html(outcome, generated)]
    return "".join(parts)


def handout_details_html(person: Person, name: str | None = None) -> str:
    """Page 1's optional details from "For your handout": who it is for, the campaign and the
    trip dates, each only when given (`name` stands in for the person's own)."""
    shown = (name or person.name or "").strip()
    lines = [(PREPARED_FOR, shown), (CAMPAIGN, (person.campaign or "").strip()),
             (TRIP, trip_words(person.trip_start, person.trip_end))]
    given = [labelled(esc(_(words)), f"<b>{isolated(value)}</b>") for words, value in lines
             if value]
    return f'<p style="margin-bottom:8pt">{"<br/>".join(given)}</p>' if given else ""


def assessment_report_html(outcome: Outcome, person_name: str | None,
                           generated: date | None = None) -> str:
    """The whole single-person handout as one HTML page (see the module docstring)."""
    today = generated or date.today()
    heading = [f"<h1>{esc(_('Volunteer Check: your result'))}</h1>",
               '<p class="sub">' + esc(_("US federal election law on foreign nationals "
                                         "volunteering for campaigns"))
               + f" &#8212; {esc(format_date(today))}</p>",
               handout_details_html(outcome.document.person, person_name)]
    assessment = outcome.assessment
    body: list[str] = []
    changed = outcome.colour_changed
    if changed and assessment is not None:
        note = esc(_("Note: this file was saved as {old}; under ruleset {version} it is now "
                     "{new}.")).format(old=colour_badge(changed[0]),
                                       version=esc(assessment.ruleset.version),
                                       new=colour_badge(changed[1]))
        body.append(f"<p>{note}</p>")
    if assessment is None:
        body += [invalid_box_html(), _to_correct_html(outcome), "<p>&nbsp;</p>",
                 disclaimer_html()]
    else:
        body += [overall_html(assessment), next_steps_html(assessment), areas_html(assessment),
                 disclaimer_html(),
                 f'<h1 class="newpage">{esc(_("What we found, in plain words"))}</h1>',
                 findings_html(assessment)]
    body.append(counsel_html(outcome, today))
    return ("<html><head><meta charset=\"utf-8\">"
            f"<style>{STYLE}</style></head><body>"
            + "".join(heading) + "".join(body) + "</body></html>")
