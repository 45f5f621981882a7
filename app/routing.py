"""The wizard's route as data: page order, visible questions, skipping, pruning and page issues.

Pure Python (no Qt), so the whole navigation logic is tested without a GUI. Pages are the ids of
brief (d) (A..G) framed by a welcome page, a review page ("check your answers") and the result.
Every question depends only on answers of its own page or earlier pages, so a page's issues are
computed from the answers up to and including that page.
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.amounts import amount_problem
from app.i18n import N_, _, labelled, ngettext
from app.i18n.law_texts import option_label
from app.i18n.law_texts import page_title as law_page_title
from app.i18n.law_texts import prompt_of as law_question

# Answers in words are app.vocabulary's (one copy for the wizard, the reports and the CLI).
from app.vocabulary import answer_in_words as answer_in_words
from app.vocabulary import format_amount as format_amount
from rules.branching import OPTIONAL, is_asked, is_required
from rules.checks import IssueLike, Problem, quick_problems
from rules.questions import PAGE_TITLES, PAGES, QUESTION_BY_ID, Kind, Question, questions_on
from rules.validity import EXCLUSIVE, MAX_TRIP_DAYS

WELCOME = "welcome"
REVIEW = "review"
RESULT = "result"
# The screens of the wizard (Picard-style data): the brief's pages, with page B shown on three
# screens so that none needs much more than one screen at 1280x800 (issue 9). Question ids,
# codes and Question.page are unchanged: a screen is only how the wizard shows its questions.
SCREENS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "B": (("B", N_("Nationality"), ("B1", "B2", "B3")),
          ("B_status", N_("Your immigration status"), ("B4", "B7")),
          ("B_you", N_("About you"), ("B5", "B5_age", "B6", "B8")),
          ("B_trip", N_("Your trip"), ("B9", "B10", "B11"))),
}
QUESTION_PAGES: tuple[str, ...] = tuple(
    screen for page in PAGES
    for screen in ([s[0] for s in SCREENS[page]] if page in SCREENS else [page]))
_SCREEN_OF: dict[str, str] = {qid: screen for split in SCREENS.values()
                              for screen, _title, qids in split for qid in qids}
_SCREEN_TITLES: dict[str, str] = {screen: title for split in SCREENS.values()
                                  for screen, title, _qids in split}
PAGE_SEQUENCE: tuple[str, ...] = (WELCOME, *QUESTION_PAGES, REVIEW, RESULT)
AMOUNT_QUESTIONS: tuple[str, ...] = tuple(qid for qid, q in QUESTION_BY_ID.items()
                                          if q.kind is Kind.AMOUNT)

# English titles (the brief's pages from rules.questions); page_title() gives them translated.
TITLES: dict[str, str] = {
    WELCOME: N_("Welcome"),
    **PAGE_TITLES,
    **_SCREEN_TITLES,
    REVIEW: N_("Check your answers"),
    RESULT: N_("Your result"),
}

Answers = Mapping[str, Any]


def _today(as_of: date | None) -> date:
    return as_of or date.today()


def page_title(page: str) -> str:
    """The heading of a page in the current language, e.g. 'Travel'."""
    if page in PAGE_TITLES and page not in _SCREEN_TITLES:
        return law_page_title(page)
    return _(TITLES[page])


def page_of(qid: str) -> str:
    """The wizard screen a question is on (KeyError for an unknown question id)."""
    question = QUESTION_BY_ID[qid]
    return _SCREEN_OF.get(qid, question.page)


def is_optional(qid: str) -> bool:
    """True for a question that may be left blank even when it is asked (it says so)."""
    return qid in OPTIONAL


def questions_of(page: str) -> tuple[Question, ...]:
    """The questions of one wizard screen, in the order shown."""
    if page in _SCREEN_OF.values():
        qids = next(q for split in SCREENS.values() for s, _t, q in split if s == page)
        return tuple(QUESTION_BY_ID[qid] for qid in qids)
    return questions_on(page)


def exclusive_codes(qid: str) -> frozenset[str]:
    """The codes of a multi-select question that cannot be combined with others ('none', and
    G's 'I don't know yet')."""
    return frozenset(code for question, code in EXCLUSIVE if question == qid)


def visible_questions(page: str, answers: Answers, as_of: date | None = None
                      ) -> tuple[Question, ...]:
    """The questions of `page` that brief (d) asks given the answers (none off question pages)."""
    if page not in QUESTION_PAGES:
        return ()
    when = _today(as_of)
    return tuple(q for q in questions_of(page) if is_asked(q.id, answers, when))


def is_shown(page: str, answers: Answers, as_of: date | None = None) -> bool:
    """False for a question page none of whose questions is asked (it is skipped)."""
    return page not in QUESTION_PAGES or bool(visible_questions(page, answers, as_of))


def next_page(page: str, answers: Answers, as_of: date | None = None) -> str | None:
    """The page after `page`, skipping question pages with nothing to ask; None after the result."""
    index = PAGE_SEQUENCE.index(page)
    for candidate in PAGE_SEQUENCE[index + 1:]:
        if is_shown(candidate, answers, as_of):
            return candidate
    return None


def previous_page(page: str, answers: Answers, as_of: date | None = None) -> str | None:
    """The page before `page`, skipping empty question pages; None before the welcome page."""
    index = PAGE_SEQUENCE.index(page)
    for candidate in reversed(PAGE_SEQUENCE[:index]):
        if is_shown(candidate, answers, as_of):
            return candidate
    return None


def route(answers: Answers, as_of: date | None = None) -> tuple[str, ...]:
    """Every page a volunteer with these answers walks through, in order."""
    pages = [WELCOME]
    while (following := next_page(pages[-1], answers, as_of)) is not None:
        pages.append(following)
    return tuple(pages)


def prune(answers: Answers, as_of: date | None = None) -> dict[str, Any]:
    """Drop answers to questions that the other answers make irrelevant (repeated until stable).

    Blank answers (None, empty lists, empty text) are dropped too; keys that are not questions of
    this ruleset are kept so that validation can report them.
    """
    when = _today(as_of)
    kept = {k: v for k, v in answers.items() if v is not None and v != [] and v != () and v != ""}
    while True:
        pruned = {k: v for k, v in kept.items()
                  if k not in QUESTION_BY_ID or is_asked(k, kept, when)}
        if pruned == kept:
            return pruned
        kept = pruned


def dropped_by_prune(answers: Answers, as_of: date | None = None) -> tuple[str, ...]:
    """The question ids `prune` would drop (answers that became irrelevant)."""
    kept = prune(answers, as_of)
    return tuple(k for k, v in answers.items() if k not in kept and v not in (None, [], (), ""))


def _answers_up_to(page: str, answers: Answers) -> dict[str, Any]:
    index = QUESTION_PAGES.index(page)
    allowed = set(QUESTION_PAGES[: index + 1])
    return {k: v for k, v in answers.items() if k in QUESTION_BY_ID and page_of(k) in allowed}


def page_issues(page: str, answers: Answers, as_of: date | None = None, *,
                leaving: bool = True) -> tuple[IssueLike, ...]:
    """Validation issues of the visible questions of `page`.

    Computed by rules.validate_answers on the answers up to this page (later pages cannot affect
    it). Missing answers (V01) are included only for the page being left (`leaving`). Answers
    of their exact types (the wizard's) are checked without pydantic (rules.checks), so the
    first question page works before the models load.
    """
    if page not in QUESTION_PAGES:
        return ()
    when = _today(as_of)
    subset = prune(_answers_up_to(page, answers), when)
    visible = {q.id for q in visible_questions(page, subset, when)}
    issues: tuple[IssueLike, ...] | None = quick_problems(subset, when)
    if issues is None:
        from rules.answers import validate_answers  # pydantic: only for answers to parse

        issues = validate_answers(subset, when).issues
    unclear = unclear_amounts(subset)
    if unclear:  # their own message replaces validation's (which may even read '1.200' as 1.2)
        named = {issue.question for issue in unclear}
        issues = (*(issue for issue in issues if issue.question not in named), *unclear)
    return tuple(
        issue for issue in issues
        if issue.question in visible and (leaving or issue.code != "V01")
    )


def unclear_amounts(answers: Answers) -> list[Problem]:
    """V03 for each amount typed as text that app.amounts cannot read with certainty ('1.200':
    $1,200 or $1.20?), saying what to write instead."""
    found: list[Problem] = []
    for qid in AMOUNT_QUESTIONS:
        value = answers.get(qid)
        if isinstance(value, str) and value != "unknown":
            problem = amount_problem(value)
            if problem is not None:
                found.append(Problem(code="V03", question=qid, value=value[:60],
                                     kind="unclear_amount", values=(value[:60], problem),
                                     message=f"{qid}: {problem}"))
    return found


def issues_by_question(issues: tuple[IssueLike, ...]
                       ) -> dict[str, tuple[IssueLike, ...]]:
    """Issues grouped by question id, in the given order."""
    grouped: dict[str, list[IssueLike]] = {}
    for issue in issues:
        grouped.setdefault(issue.question, []).append(issue)
    return {qid: tuple(found) for qid, found in grouped.items()}


def missing_on(page: str, answers: Answers, as_of: date | None = None) -> tuple[Question, ...]:
    """Visible questions of `page` that must still be answered (the V01 of that page)."""
    return tuple(
        QUESTION_BY_ID[issue.question]
        for issue in page_issues(page, answers, as_of, leaving=True)
        if issue.code == "V01"
    )


def shown_problems(page: str, answers: Answers, as_of: date | None = None, *,
                   all_missing: bool = False) -> dict[str, str]:
    """The problem line under each question of `page` (question id -> words). A missing answer
    shows only for questions before the last one answered, unless `all_missing` (Next or Enter
    was pressed, or the page was restored): no red line before the volunteer gets there."""
    when = _today(as_of)
    visible = [q.id for q in visible_questions(page, answers, when)]
    answered = [i for i, qid in enumerate(visible) if qid in answers]
    last_answered = max(answered, default=-1)
    problems: dict[str, str] = {}
    for qid, found in issues_by_question(page_issues(page, answers, when)).items():
        issue = found[0]
        if issue.code == "V01" and not all_missing and visible.index(qid) > last_answered:
            continue
        problems[qid] = friendly_message(issue)
    return problems


def blocking_problems(page: str, answers: Answers, as_of: date | None = None
                      ) -> dict[str, str]:
    """The problem line of every question of `page` that stops Next (an answer missing or not
    valid), in the order the questions are shown; empty when the page can be left."""
    when = _today(as_of)
    problems = shown_problems(page, answers, when, all_missing=True)
    return {q.id: problems[q.id] for q in visible_questions(page, answers, when)
            if q.id in problems}


def first_problem(page: str, answers: Answers, as_of: date | None = None) -> str | None:
    """The first question of `page`, in the order shown, that stops Next; None when none does."""
    return next(iter(blocking_problems(page, answers, as_of)), None)


def problems_summary(problems: Mapping[str, str]) -> str:
    """What a screen reader says when Next stays on the page: how many problems, then the first
    one ("2 problems on this page. Who organised the trip?: Please answer this question.")."""
    if not problems:
        return ""
    qid, words = next(iter(problems.items()))
    from app.i18n.law_texts import question_text

    first = labelled(question_text(QUESTION_BY_ID[qid]), words)
    return ngettext("{count} problem on this page. {first}",
                    "{count} problems on this page. {first}",
                    len(problems)).format(count=len(problems), first=first)


def all_problems(answers: Answers, as_of: date | None = None) -> dict[str, str]:
    """The problem line of every question on every screen ("Check your answers")."""
    problems: dict[str, str] = {}
    for page in QUESTION_PAGES:
        problems.update(shown_problems(page, answers, as_of, all_missing=True))
    return problems


def first_page_with_issues(answers: Answers, as_of: date | None = None) -> str | None:
    """The first question page, in route order, that cannot be left as it is."""
    when = _today(as_of)
    pruned = prune(answers, when)
    for page in QUESTION_PAGES:
        if is_shown(page, pruned, when) and page_issues(page, pruned, when, leaving=True):
            return page
    return None


def required_unanswered(answers: Answers, as_of: date | None = None) -> tuple[str, ...]:
    """Every asked, required question without an answer (all pages)."""
    when = _today(as_of)
    pruned = prune(answers, when)
    return tuple(q for q in QUESTION_BY_ID if q not in pruned and is_required(q, pruned, when))


# ---- wording ---------------------------------------------------------------------------------

def _limits(issue: IssueLike, low: float, high: float) -> tuple[str, str]:
    """The issue's lowest and highest allowed values as text (`low`, `high` where it has none)."""
    limits = issue.limits
    return (f"{limits[0] if limits else low:g}",
            f"{limits[1] if len(limits) > 1 else high:g}")


def _contradiction(issue: IssueLike, question: Question | None) -> str:
    """A V02 in words, from the answers in conflict (Issue.values)."""
    if question is not None and question.kind is Kind.MULTI and issue.values:
        return _("\"{answer}\" cannot be combined with other answers; untick one of "
                 "them.").format(answer=option_label(question.id, issue.values[0]))
    if issue.question == "B4":
        return _("This contradicts your answer about US citizenship, nationality or green card "
                 "above; correct one of the two.")
    if issue.question == "D3":
        return _("You entered transport you pay yourself, but \"{answer}\" is not "
                 "ticked above.").format(answer=option_label("D1", "self"))
    if issue.question == "B11":
        return _("You cannot volunteer on more days than the trip lasts.")
    if issue.question == "B5_age":
        return _("This age does not match your answer to \"{question}\".").format(
            question=law_question("B5"))
    return _("This answer contradicts another one; correct one of the two.")


def _not_a_number(issue: IssueLike, question: Question | None) -> str:
    kind = question.kind if question is not None else None
    if kind is Kind.AMOUNT:
        return _("Please enter a number of US dollars, for example 800, or tick "
                 "\"I don't know\".")
    if kind is Kind.DAYS:
        low, high = _limits(issue, 1, MAX_TRIP_DAYS)
        return _("Please enter a whole number of days from {low} to {high}, or tick "
                 "\"I don't know\".").format(low=low, high=high)
    return _("Please enter an age in whole years.")


def _out_of_range(issue: IssueLike, question: Question | None) -> str:
    kind = question.kind if question is not None else None
    if kind is Kind.AMOUNT:
        return _("The amount cannot be negative.")
    if kind is Kind.DAYS:
        return _not_a_number(issue, question)
    low, high = _limits(issue, 0, 0)
    return _("Please enter a number from {low} to {high}.").format(low=low, high=high)


def _without_id(issue: IssueLike) -> str:
    """The issue's own message, without its question id, as a sentence."""
    text = issue.message.removeprefix(f"{issue.question}: ")
    return text[:1].upper() + text[1:]


def friendly_message(issue: IssueLike) -> str:
    """The issue for the line under the question, in words from its kind, values and limits
    (never by rewording its English message): no question id, codes as labels."""
    question = QUESTION_BY_ID.get(issue.question)
    kind = issue.kind
    if kind == "missing":
        return _("Please answer this question (you can choose \"I don't know\" where "
                 "offered).") if question is not None and "unknown" in question.codes \
            else _("Please answer this question.")
    if kind == "contradiction":
        return _contradiction(issue, question)
    if kind == "not_a_number":
        return _not_a_number(issue, question)
    if kind == "out_of_range":
        return _out_of_range(issue, question)
    if kind == "not_allowed" and question is not None:
        given = issue.values[0] if issue.values else str(issue.value)
        return _("\"{answer}\" is not one of the answers offered; choose one.").format(
            answer=option_label(question.id, given))
    if kind == "not_a_list":
        return _("Choose one or more of the answers offered.")
    if kind == "not_a_question":
        return _("This is not a question of this check.")
    return _without_id(issue)  # "unclear_amount" (app.amounts' reason) and "other"
