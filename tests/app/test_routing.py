"""The wizard's route without a GUI: pages, branching of brief (d), skipping, pruning, issues."""

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import routing
from app.routing import (
    PAGE_SEQUENCE,
    QUESTION_PAGES,
    RESULT,
    REVIEW,
    WELCOME,
    answer_in_words,
    first_page_with_issues,
    friendly_message,
    next_page,
    page_issues,
    previous_page,
    prune,
    route,
    visible_questions,
)
from rules.questions import QUESTION_BY_ID, QUESTIONS, Kind
from tests.scenarios import SEED

AS_OF = date(2026, 11, 28)



def ids(page: str, answers: dict[str, Any]) -> list[str]:
    return [q.id for q in visible_questions(page, answers, AS_OF)]


def test_page_sequence_frames_the_question_pages() -> None:
    assert PAGE_SEQUENCE == (WELCOME, "A", "B", "B_status", "B_you", "B_trip", "C", "D", "E",
                             "F", "G", REVIEW, RESULT)
    assert QUESTION_PAGES == ("A", "B", "B_status", "B_you", "B_trip", "C", "D", "E", "F", "G")
    assert {routing.page_title(p) for p in PAGE_SEQUENCE}  # every page has a title
    assert routing.page_title("D") == "Travel"


def test_no_visa_question_for_a_us_citizen() -> None:
    assert ids("B", {"B1": "yes"}) == ["B1"]
    assert ids("B_you", {"B1": "yes"}) == ["B5", "B5_age", "B6", "B8"]
    assert "B4" in ids("B_status", {"B1": "no"})
    assert "B4" in ids("B_status", {"B1": "unknown"})
    assert "B4" not in ids("B_status", {"B1": "no", "B2": "no", "B3": "yes"})
    assert next_page("B", {"B1": "yes"}, AS_OF) == "B_you"  # no status screen for citizens


@pytest.mark.parametrize("amount, asked", [(0, False), (999, False), (1000, False),
                                           (1000.5, True), (1001, True), ("unknown", False)])
def test_reimbursement_question_only_above_1000(amount: object, asked: bool) -> None:
    answers = {"A1": "federal_candidate", "D1": ["self"], "D3": amount}
    assert ("D3b" in ids("D", answers)) is asked


def test_party_committee_limit_is_2000_a_year() -> None:
    """Amendment 1 R27-R29: $2,000 a calendar year for all committees of one party."""
    answers = {"A1": "us_party_committee", "D1": ["self"], "D3": 1500}
    assert "D3b" not in ids("D", answers)
    assert "D3b" not in ids("D", {**answers, "D3": 2000})
    assert "D3b" in ids("D", {**answers, "D3": 2000.01})


@pytest.mark.parametrize("c2, asked", [
    ("not_employed", False), ("own_time_outside_work_hours", False), ("unpaid_leave", False),
    ("bona_fide_accrued_leave", False), ("special_paid_leave_for_campaign", True),
    ("employer_pays_during_work_hours", True), ("incidental_workplace_use", True),
    ("unknown", False),
])
def test_employer_question_only_when_the_employer_is_involved(c2: str, asked: bool) -> None:
    assert ("C3" in ids("C", {"C2": c2})) is asked


def test_crowdfunding_donors_only_for_crowdfunding() -> None:
    assert "D2" not in ids("D", {"D1": ["self"]})
    assert "D2" in ids("D", {"D1": ["self", "crowdfunding"]})


@pytest.mark.parametrize("b4", QUESTION_BY_ID["B4"].codes)
def test_work_permit_only_for_daca_tps_asylum_pending(b4: str) -> None:
    expected = b4 in {"daca", "tps", "asylum_refugee", "pending_adjustment"}
    assert ("B7" in ids("B_status", {"B1": "no", "B2": "no", "B3": "no", "B4": b4})) is expected


def test_travel_and_housing_pages_skipped_for_a_remote_volunteer() -> None:
    remote = {"B1": "no", "B2": "no", "B3": "no", "B4": "none_abroad_remote"}
    assert next_page("C", remote, AS_OF) == "F"
    assert previous_page("F", remote, AS_OF) == "C"
    assert route(remote, AS_OF) == (WELCOME, "A", "B", "B_status", "B_you", "C", "F", "G",
                                    REVIEW, RESULT)
    assert next_page("C", {}, AS_OF) == "D"


def test_no_travel_needed_skips_the_organiser_question() -> None:
    assert ids("D", {"D1": ["no_travel_needed"]}) == ["D1"]


def test_prune_drops_answers_made_irrelevant_in_cascade() -> None:
    answers = {"B1": "no", "B2": "no", "B3": "no", "B4": "daca", "B7": "yes", "B6": "none"}
    assert prune({**answers, "B1": "yes"}, AS_OF) == {"B1": "yes", "B6": "none"}
    travel = {"D1": ["self"], "D3": 1500, "D3b": "yes", "D4": "self_or_friends"}
    assert prune({**travel, "D1": ["campaign"]}, AS_OF) == {"D1": ["campaign"],
                                                             "D4": "self_or_friends"}
    assert prune({**travel, "D3": 900}, AS_OF) == {**{k: v for k, v in travel.items()
                                                      if k != "D3b"}, "D3": 900}
    assert routing.dropped_by_prune({**travel, "D3": 900}, AS_OF) == ("D3b",)


def test_prune_keeps_relevant_answers_and_drops_blanks() -> None:
    assert prune(SEED, AS_OF) == SEED
    assert prune({"A1": "federal_candidate", "C1": [], "E2": None}, AS_OF) == {
        "A1": "federal_candidate"}


def test_page_issues_v01_only_for_the_page_being_left() -> None:
    assert [i.question for i in page_issues("B", {"B1": "no"}, AS_OF)] == ["B2", "B3"]
    assert [i.question for i in page_issues("B_status", {"B1": "no"}, AS_OF)] == ["B4"]
    assert [i.question for i in page_issues("B_you", {"B1": "no"}, AS_OF)] == ["B6", "B8"]
    assert page_issues("B", {"B1": "no"}, AS_OF, leaving=False) == ()
    # other pages' missing answers never show on this page
    assert page_issues("C", {"C1": ["none"], "C2": "not_employed"}, AS_OF) == ()


def test_page_issues_are_field_level_and_filtered_to_the_page() -> None:
    contradiction = page_issues("C", {"C1": ["none", "campaign"], "C2": "unpaid_leave"}, AS_OF,
                                leaving=False)
    assert [(i.code, i.question) for i in contradiction] == [("V02", "C1")]
    bad_amount = page_issues("D", {"D1": ["self"], "D3": "lots", "D4": "self_or_friends"},
                             AS_OF, leaving=False)
    assert [(i.code, i.question) for i in bad_amount] == [("V03", "D3")]
    assert page_issues("D", {"D1": ["self"], "D3": 10, "D4": "self_or_friends"}, AS_OF) == ()


def test_friendly_messages_name_no_ids_or_codes() -> None:
    for issue in page_issues("C", {"C1": ["none", "campaign"]}, AS_OF, leaving=False):
        assert "C1" not in friendly_message(issue)
        assert "No one: I am unpaid" in friendly_message(issue)
    for issue in page_issues("B", {"B1": "yes", "B5": "no", "B5_age": 12}, AS_OF):
        assert "B5" not in friendly_message(issue)
    v01 = page_issues("A", {}, AS_OF)[0]
    assert friendly_message(v01).startswith("Please answer this question")


def test_first_page_with_issues() -> None:
    assert first_page_with_issues(SEED, AS_OF) is None
    assert first_page_with_issues({**SEED, "D1": ["self", "crowdfunding"]}, AS_OF) == "D"
    assert first_page_with_issues({}, AS_OF) == "A"


def test_answers_in_words() -> None:
    q = QUESTION_BY_ID
    assert answer_in_words(q["D1"], ["self", "campaign"]) == "I pay myself; The campaign"
    assert answer_in_words(q["D3"], 1200) == "$1,200"
    assert answer_in_words(q["D3"], 1200.5) == "$1,200.50"
    assert answer_in_words(q["D3"], "unknown") == "I don't know"
    assert answer_in_words(q["B1"], "unknown") == "I don't know"
    assert answer_in_words(q["E2"], None) == "Not answered"


# ---- reachability and dead ends over many random answer sets ----------------------------------

def _value(question_kind: Kind, codes: tuple[str, ...]) -> st.SearchStrategy[Any]:
    if question_kind is Kind.AMOUNT:
        return st.one_of(st.integers(0, 5000), st.just("unknown"))
    if question_kind is Kind.AGE:
        return st.integers(0, 120)
    if question_kind is Kind.DAYS:
        return st.one_of(st.integers(1, 365), st.just("unknown"))
    if question_kind is Kind.MULTI:
        return st.lists(st.sampled_from(codes), min_size=1, max_size=3, unique=True)
    return st.sampled_from(codes)


ANSWER_SETS = st.fixed_dictionaries(
    {}, optional={q.id: _value(q.kind, q.codes) for q in QUESTIONS})


@settings(max_examples=300, deadline=None)
@given(ANSWER_SETS)
def test_no_dead_ends(answers: dict[str, Any]) -> None:
    pages = route(answers, AS_OF)
    assert pages[0] == WELCOME and pages[-2:] == (REVIEW, RESULT)
    for page in pages[:-1]:
        assert next_page(page, answers, AS_OF) is not None
    back = [RESULT]
    while (earlier := previous_page(back[-1], answers, AS_OF)) is not None:
        back.append(earlier)
    assert tuple(reversed(back)) == pages
    for page in pages[1:-2]:
        assert visible_questions(page, answers, AS_OF), f"empty page {page} on the route"


def test_every_page_and_question_is_reachable() -> None:
    seen_questions: set[str] = set()
    seen_pages: set[str] = set()

    @settings(max_examples=400, deadline=None, database=None)
    @given(ANSWER_SETS)
    def explore(answers: dict[str, Any]) -> None:
        pruned = prune(answers, AS_OF)
        for page in route(pruned, AS_OF):
            seen_pages.add(page)
            seen_questions.update(ids(page, pruned))

    explore()
    # the rarest branches, stated explicitly so that the check never depends on luck
    for answers in ({"B1": "no", "B2": "no", "B3": "no", "B4": "tps"},
                    {"D1": ["self", "crowdfunding"], "D3": 4000},
                    {"C2": "employer_pays_during_work_hours"}):
        for page in route(answers, AS_OF):
            seen_pages.add(page)
            seen_questions.update(ids(page, answers))
    assert seen_pages == set(PAGE_SEQUENCE)
    assert seen_questions == set(QUESTION_BY_ID)


def test_shown_problems_wait_for_the_questions_reached() -> None:
    """Issue 9: no red line under a question the volunteer has not reached yet; all of them
    once Next or Enter was pressed; "Check your answers" lists every page's."""
    assert routing.shown_problems("B", {"B1": "no"}, AS_OF) == {}
    everything = routing.shown_problems("B", {"B1": "no"}, AS_OF, all_missing=True)
    assert set(everything) == {"B2", "B3"}
    assert routing.shown_problems("B", {"B1": "no", "B3": "no"}, AS_OF) == {
        "B2": everything["B2"]}  # B2 was passed over on the way to B3
    assert {"B2", "B3", "B4"} <= set(routing.all_problems({"B1": "no"}, AS_OF))


def test_blocking_problems_are_in_the_order_shown_and_name_the_first() -> None:
    answers = {"A1": "federal_candidate", "A2": "self", "B1": "no", "B2": "no", "B3": "no",
               "B4": "esta_vwp", "C1": ["none"], "C2": "not_employed", "D1": ["self"],
               "D3": "lots"}
    problems = routing.blocking_problems("D", answers, AS_OF)
    assert list(problems) == ["D3", "D4"]
    assert "number of US dollars" in problems["D3"]
    assert problems["D4"] == "Please answer this question (you can choose \"I don't know\" " \
                             "where offered)."
    assert routing.first_problem("D", answers, AS_OF) == "D3"
    summary = routing.problems_summary(problems)
    assert summary.startswith("2 problems on this page. ")
    assert QUESTION_BY_ID["D3"].text in summary
    assert routing.problems_summary({}) == ""
    fixed = {**answers, "D3": 800, "D4": "self_or_friends"}
    assert routing.blocking_problems("D", fixed, AS_OF) == {}
    assert routing.first_problem("D", fixed, AS_OF) is None


def test_blocking_problems_include_questions_not_reached_yet() -> None:
    """Shown after Next only: before it, a question below the last answer has no red line."""
    answers = {"A1": "federal_candidate", "A2": "self", "B1": "no"}
    assert "B2" not in routing.shown_problems("B", answers, AS_OF)
    assert list(routing.blocking_problems("B", answers, AS_OF)) == ["B2", "B3"]
