"""The fast paths give exactly the results of the plain ones.

Bulk screening validates plain dicts without pydantic when it can (rules.answers), remembers the
branching and each area's findings (rules.fast.memo, keyed on rules.dependencies and
facts.FACT_SOURCES). Each shortcut is compared here with the straightforward computation.
"""

import functools
import itertools
import math
import random
import subprocess
import sys
from datetime import date
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from rules import RULES, Colour, validate_answers
from rules.answers import Answers, _validate
from rules.applicability import Column
from rules.branching import OPTIONAL, asked_questions, is_asked
from rules.engine import (
    UNCERTAIN_STATUSES,
    _finding_order,
    assess,
    evaluate,
    missing_questions,
    outcome,
    screen,
)
from rules.facts import (
    COLUMN_SOURCES,
    DERIVED_FROM_ANSWERS,
    FACT_SOURCES,
    US_PERSON_STATUSES,
    Facts,
    Status,
    derive_facts,
)
from rules.fast import memo
from rules.fast.dependencies import FACT_FIELDS, answers_read_by, facts_read_by_rule
from rules.fast.facts import ANSWERS, fast_facts
from rules.fast.missing import missing_in, missing_of
from rules.fast.straight_evaluations import EVALUATIONS
from rules.fast.straight_line import MODULE, Evaluator, Signature, compiled, module_source
from rules.fast.validation import branching_of, fast_parse
from rules.questions import QUESTION_BY_ID, QUESTIONS, Kind
from rules.rule import COLOUR_RANK, Area
from tests.rules.caselib import iter_valid_cases, load_cases
from tests.rules.strategies import AS_OF, random_answers, valid_answers

SETTINGS = settings(derandomize=True, max_examples=300, deadline=None, database=None)
QIDS = [q.id for q in QUESTIONS]


def reference(answers: Answers, as_of: date) -> tuple[Colour, dict[Area, Colour | None],
                                                      tuple[str, ...], str | None]:
    """Brief (c) read plainly: every rule on freshly derived facts, sorted, combined."""
    fired = sorted(evaluate(derive_facts(answers, as_of)), key=memo.order_key)
    shown = [(rule, memo.capped(rule, colour)) for rule, colour in fired]
    areas = {area: max((c for r, c in shown if r.area is area), key=COLOUR_RANK.__getitem__,
                       default=None) for area in Area}
    counted = [c for _, c in shown if c is not Colour.NOTE]
    colour = max(counted, key=COLOUR_RANK.__getitem__, default=Colour.AMBER)
    top = next((r.id for r, c in fired if c in (Colour.RED, Colour.AMBER)), None)
    return colour, areas, tuple(r.id for r, _ in fired), top


def check_same(answers: Answers, as_of: date = AS_OF) -> None:
    colour, areas, fired, top = reference(answers, as_of)
    for _ in range(2):  # cold, then remembered
        result = screen(answers, as_of)
        assert (result.colour, result.areas, result.fired, result.top_rule) == (
            colour, areas, fired, top)
    assessed = assess(answers, as_of, explain=False)
    assert assessed.colour is colour and assessed.areas == areas
    # Shown findings are ordered by the severity they show (Rule.severity_for), the memo by
    # each rule's main severity: the same findings, each order sorted by its own key.
    assert sorted(assessed.fired) == sorted(fired) and len(assessed.fired) == len(fired)
    assert list(assessed.findings) == sorted(assessed.findings, key=_finding_order)
    assert result.missing == tuple(m.question for m in assessed.missing)


# Memoised evaluation --------------------------------------------------------------------


@pytest.mark.parametrize("case", list(iter_valid_cases(load_cases())), ids=lambda c: c.name)
def test_memo_matches_plain_evaluation_on_every_case(case: Any) -> None:
    checked = validate_answers(case.answers, case.as_of)
    assert checked.answers is not None
    memo.clear()
    check_same(checked.answers, case.as_of)


@SETTINGS
@given(valid_answers(), st.sampled_from([AS_OF, date(1980, 1, 8), date(2031, 5, 1)]))
def test_memo_matches_plain_evaluation_on_random_answers(raw: dict[str, Any],
                                                         as_of: date) -> None:
    checked = validate_answers(raw, as_of)
    assert checked.answers is not None
    check_same(checked.answers, as_of)


def test_memo_matches_over_a_long_warm_run() -> None:
    """Thousands of people through one warm memo, as organiser mode does."""
    rng = random.Random(5)
    memo.clear()
    for _ in range(3000):
        checked = validate_answers(random_answers(rng), AS_OF)
        assert checked.answers is not None
        colour, areas, fired, top = reference(checked.answers, AS_OF)
        result = screen(checked.answers, AS_OF)
        assert (result.colour, result.areas, result.fired, result.top_rule) == (
            colour, areas, fired, top)


def test_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "CACHE_LIMIT", 50)
    memo.clear()
    rng = random.Random(9)
    for _ in range(500):
        checked = validate_answers(random_answers(rng), AS_OF)
        assert checked.answers is not None
        screen(checked.answers, AS_OF)
    assert all(len(cache) <= 50 for cache in memo._caches.values())
    memo.clear()
    assert not memo._caches


def plain_table_outcome(table: memo.AreaTable, facts: Facts) -> memo.Outcome:
    """A table's outcome read plainly: rules.engine.outcome for each of its rules."""
    fired = [(rule, colour) for rule in table.rules
             if (colour := outcome(rule, facts)) is not None]
    if not fired:
        return memo.NOTHING
    shown = max((memo.capped(rule, colour) for rule, colour in fired),
                key=COLOUR_RANK.__getitem__)
    return tuple(sorted(memo.CODE_OF[rule.id, colour] for rule, colour in fired)), shown


@settings(derandomize=True, max_examples=120, deadline=None, database=None)
@given(valid_answers())
def test_straight_line_evaluation_matches_each_rule(raw: dict[str, Any]) -> None:
    """Each table's generated evaluation (memo._straight_line) gives rules.engine.outcome's
    findings and worst shown colour, for every status and committee."""
    checked = validate_answers(raw, AS_OF)
    assume(checked.answers is not None)
    assert checked.answers is not None
    plain = derive_facts(checked.answers, AS_OF)
    for status, column in itertools.product(Status, Column):
        facts = plain._replace(status=status, fn=status not in US_PERSON_STATUSES,
                               column=column)
        uncertain = status in UNCERTAIN_STATUSES
        for table in memo.TABLES:
            expected = plain_table_outcome(table, facts)
            assert table.evaluator(facts.fn, column, uncertain)(facts) == expected, table.rules
            assert table.evaluate(facts) == expected
            signature = memo._signature(table.entries[facts.fn, column], uncertain)
            assert _compiled(signature)(facts) == expected, signature


@functools.cache
def _compiled(signature: Signature) -> Evaluator:
    """An evaluation compiled at run time, as memo does for one not written in advance."""
    return compiled(signature, memo.fired_code)


def test_written_evaluations_are_current() -> None:
    """rules/fast/straight_evaluations.py holds an evaluation for every table, fn, committee
    and uncertainty, as rules/fast/straight_line.py writes it today (else: run
    `python -m rules.fast.straight_line`)."""
    regenerate = "out of date: run .venv/bin/python -m rules.fast.straight_line"
    assert MODULE.read_text(encoding="utf-8") == module_source(memo.signatures()), regenerate
    assert memo.signatures() <= EVALUATIONS.keys(), regenerate


@pytest.mark.parametrize("module", ["rules.fast.straight_evaluations",
                                    "rules.fast.straight_line", "rules.fast.memo"])
def test_the_evaluation_modules_import_first(module: str) -> None:
    """memo and the written evaluations import each other: either may be imported first."""
    done = subprocess.run([sys.executable, "-c", f"import {module}; import rules.fast.memo"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_every_rule_reads_known_facts_and_is_keyed_on_them() -> None:
    for rule in RULES:
        read = facts_read_by_rule(rule)
        assert read and read <= FACT_FIELDS, rule.id
        sources = set(answers_read_by(rule))
        table = next(t for t in memo.TABLES if rule in t.rules)
        keyed = set(table.sources) | {"status", "fn"} if table.derived == memo.KEY_STATUS \
            else set(table.sources) | ({"fn"} if table.derived == memo.KEY_FN else set())
        if table.by_column:  # remembered per committee column (derived from A1, A1b, A3)
            keyed.add("column")
        if table.by_matrix:  # remembered per set of rules the matrix evaluates
            keyed.add("matrix")
        if table.derived in (memo.KEY_STATUS, memo.KEY_UNCERTAIN):
            keyed |= {"uncertain", "fn"}
        keyed |= DERIVED_FROM_ANSWERS.keys() & sources  # computed for the key (memo._key_getter)
        assert sources <= keyed, rule.id
    assert sorted(r.id for t in memo.TABLES for r in t.rules) == [r.id for r in RULES]


def test_the_dependency_reader_sees_helpers_properties_and_closures() -> None:
    from rules.catalogue import travel
    from rules.fast.dependencies import facts_read_by

    assert facts_read_by(travel.pays_own_travel_within_limit) == {"d1", "d3", "limit"}

    def helper(f: Facts) -> bool:
        return f.d3_amount is not None

    def uses_helper(f: Facts) -> bool:
        return helper(f) and "x" in f.g

    assert facts_read_by(uses_helper) == {"d3", "g"}
    with pytest.raises(TypeError):
        facts_read_by(len)


def test_facts_fields_and_sources_line_up() -> None:
    assert set(FACT_SOURCES) == set(Facts._fields)
    questions = tuple(q.id.lower() for q in QUESTIONS)
    assert Facts._fields[:len(questions)] == questions  # derive_facts fills them in order


@SETTINGS
@given(valid_answers(), st.sampled_from(QIDS), st.data())
def test_each_fact_depends_only_on_its_sources(raw: dict[str, Any], qid: str,
                                               data: st.DataObject) -> None:
    """Changing one answer changes only facts that name it (or the status) as a source."""
    question = QUESTION_BY_ID[qid]
    if question.kind is Kind.MULTI:
        other: Any = [data.draw(st.sampled_from(question.codes))]
    elif question.kind is Kind.AMOUNT:
        other = data.draw(st.sampled_from([0, 999, 1001, 2500, "unknown"]))
    elif question.kind is Kind.AGE:
        other = data.draw(st.integers(0, 120))
    elif question.kind is Kind.DAYS:
        other = data.draw(st.sampled_from([1, 7, 14, 365, "unknown"]))
    else:
        other = data.draw(st.sampled_from(question.codes))
    before = validate_answers(raw, AS_OF).answers
    after = Answers.model_construct(**{**(before.__dict__ if before else {}), qid: other})
    assert before is not None
    old, new = derive_facts(before, AS_OF), derive_facts(after, AS_OF)
    status_sources = {"B1", "B2", "B3", "B8"}
    for fact in Facts._fields:
        sources = set(FACT_SOURCES[fact])
        if "status" in sources or "fn" in sources:
            sources |= status_sources
        if "column" in sources:
            sources |= set(COLUMN_SOURCES)
        if sources & DERIVED_FROM_ANSWERS.keys():
            sources |= {"C1", "C2", "D1", "D5", "E2"}
        if qid not in sources:
            assert getattr(old, fact) == getattr(new, fact), (fact, qid)


# Fast validation -------------------------------------------------------------------------


def _same_validation(raw: Any, as_of: date = AS_OF) -> None:
    fast = validate_answers(raw, as_of)
    slow = _validate(raw, as_of, fast=False)
    assert [(i.code, i.question, i.value, i.message, i.allowed) for i in fast.issues] == [
        (i.code, i.question, i.value, i.message, i.allowed) for i in slow.issues], raw
    assert fast.dropped == slow.dropped and fast.ok == slow.ok
    if slow.answers is not None:
        assert fast.answers is not None
        assert fast.answers == slow.answers
        assert fast.answers.__dict__ == slow.answers.__dict__
        assert fast.answers.model_fields_set == slow.answers.model_fields_set
        assert fast.answers.as_dict() == slow.answers.as_dict()
        assert fast == slow


@SETTINGS
@given(valid_answers())
def test_fast_validation_matches_pydantic_on_valid_answers(raw: dict[str, Any]) -> None:
    _same_validation(raw)


JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5000), st.integers(2**62, 2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=8),
    st.sampled_from(["800", " 800 ", "1000.5", "unknown", "yes", "no", "self", "none", "1e3"]),
    st.lists(st.sampled_from(["self", "none", "campaign", "x", "unknown"]), max_size=3),
    st.tuples(st.sampled_from(["canvass_phone_text", "self"])),
    st.frozensets(st.sampled_from(["none", "self"]), max_size=2),
    st.lists(st.lists(st.just("self"), max_size=1), max_size=2),
)


@st.composite
def messy_answers(draw: st.DrawFn) -> dict[Any, Any]:
    """Valid answers with a few answers replaced by anything at all (or extra keys)."""
    raw: dict[Any, Any] = dict(draw(valid_answers()))
    for _ in range(draw(st.integers(1, 3))):
        key = draw(st.one_of(st.sampled_from(QIDS), st.sampled_from(["Z9", "b1", "", 7])))
        raw[key] = draw(JUNK)
    return raw


@SETTINGS
@given(messy_answers())
def test_fast_validation_matches_pydantic_on_messy_answers(raw: dict[Any, Any]) -> None:
    _same_validation(raw)


@pytest.mark.parametrize("value", [1000.0, 1000, 1000.01, -0.0, 0.0, 1e300, "unknown"])
def test_amounts_are_held_the_same_way(value: float | str) -> None:
    raw = {"A1": "federal_candidate", "B1": "yes", "B6": "none", "B8": "us", "C1": ["none"],
           "C2": "not_employed", "D1": ["self"], "D3": value, "D3b": "no",
           "D4": "self_or_friends", "E1": ["self_paid"], "F": ["data_entry"], "G": ["none"]}
    _same_validation(raw)
    answers = validate_answers(raw, AS_OF).answers
    if answers is not None and isinstance(value, float) and math.isfinite(value) \
            and value.is_integer():
        assert type(answers.D3) is int


@SETTINGS
@given(st.dictionaries(st.sampled_from(QIDS), JUNK | st.sampled_from(
    ["yes", "no", "unknown", "none_abroad_remote", "daca", "employer_pays_during_work_hours"]),
    max_size=12), st.sampled_from([AS_OF, date(1980, 1, 8)]))
def test_asked_questions_matches_is_asked(raw: dict[str, Any], as_of: date) -> None:
    try:
        expected = {q for q in QIDS if is_asked(q, raw, as_of)}
    except TypeError:  # an unhashable single answer (a list): neither can read it
        with pytest.raises(TypeError):
            asked_questions(raw, as_of)
        return
    assert asked_questions(raw, as_of) == expected


def test_many_rows_validate_the_same_both_ways() -> None:
    rng = random.Random(2)
    for _ in range(2000):
        _same_validation(random_answers(rng))


# Facts and missing questions of the speed path -------------------------------------------


@SETTINGS
@given(valid_answers(), st.sampled_from([AS_OF, date(1980, 1, 8), date(2031, 5, 1)]))
def test_fast_facts_match_derive_facts(raw: dict[str, Any], as_of: date) -> None:
    checked = validate_answers(raw, as_of)
    assume(checked.answers is not None)
    assert checked.answers is not None
    plain = derive_facts(checked.answers, as_of)
    for _ in range(2):  # cold, then with the remembered sets and limits
        fast = fast_facts(checked.answers.__dict__, as_of, plain.status, plain.column)
        assert fast == plain
        assert [type(value) for value in fast] == [type(value) for value in plain]


@SETTINGS
@given(valid_answers())
def test_fast_missing_questions_match_the_engine(raw: dict[str, Any]) -> None:
    checked = validate_answers(raw, AS_OF)
    assume(checked.answers is not None)
    assert checked.answers is not None
    values = checked.answers.__dict__
    assert missing_of(values) == missing_questions(checked.answers)
    assert missing_in(ANSWERS(values)) == missing_questions(checked.answers)


@pytest.mark.parametrize("case", list(iter_valid_cases(load_cases())), ids=lambda c: c.name)
def test_fast_facts_and_missing_questions_on_every_case(case: Any) -> None:
    checked = validate_answers(case.answers, case.as_of)
    assert checked.answers is not None
    plain = derive_facts(checked.answers, case.as_of)
    values = checked.answers.__dict__
    assert fast_facts(values, case.as_of, plain.status, plain.column) == plain
    assert missing_of(values) == missing_questions(checked.answers)


def test_constructed_models_are_the_models_pydantic_builds() -> None:
    raw = random_answers(random.Random(3))
    fast = validate_answers(raw, AS_OF)
    slow = _validate(raw, AS_OF)
    assert fast == slow and fast.answers == slow.answers
    assert fast.answers is not None and slow.answers is not None
    assert fast.answers.model_fields_set == slow.answers.model_fields_set
    assert fast.answers.model_dump() == slow.answers.model_dump()


@SETTINGS
@given(valid_answers(), st.sampled_from([AS_OF, date(1980, 1, 8)]))
def test_remembered_branches_match_the_branching(raw: dict[str, Any], as_of: date) -> None:
    """branching_of: the asked and required questions and the fields not asked, in order."""
    full = fast_parse(raw)
    assert full is not None
    for _ in range(2):  # cold, then remembered
        branch = branching_of(full, as_of)
        asked = asked_questions(full, as_of)
        assert branch.asked == asked and branch.required == asked - OPTIONAL
        assert branch.unasked() == tuple(qid for qid in QIDS if qid not in asked)


SINGLE_QIDS = [q.id for q in QUESTIONS if q.kind is Kind.SINGLE]


@SETTINGS
@given(valid_answers(), st.lists(st.sampled_from(SINGLE_QIDS), max_size=4), st.data())
def test_dropped_answers_are_the_unasked_ones_in_question_order(
        raw: dict[str, Any], extra: list[str], data: st.DataObject) -> None:
    """Answers to questions the branching skips (here also extra ones) are dropped, in
    question order, whichever route validation takes."""
    raw = {**raw, **{qid: data.draw(st.sampled_from(QUESTION_BY_ID[qid].codes))
                     for qid in extra if qid not in raw}}
    full = {**dict.fromkeys(QIDS), **raw}
    checked = validate_answers(raw, AS_OF)
    asked = asked_questions(full, AS_OF)
    assert checked.dropped == tuple(qid for qid in QIDS
                                    if full[qid] is not None and qid not in asked)
    assert checked.dropped == _validate(raw, AS_OF).dropped


def test_remembered_sets_and_flags_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The speed path's per-value memos (frozensets, "I don't know" flags) are cleared when
    full, and give the same results after."""
    from rules.fast import facts as fast_facts_module
    from rules.fast import missing as fast_missing

    monkeypatch.setattr(fast_facts_module, "FROZEN_LIMIT", 5)
    monkeypatch.setattr(fast_missing, "FLAG_LIMIT", 5)
    # Start empty: earlier tests may have left more than five, and values already remembered
    # never reach the code that clears them.
    fast_facts_module.clear()
    fast_missing._flags.clear()
    rng = random.Random(11)
    for _ in range(300):
        checked = validate_answers(random_answers(rng), AS_OF)
        assert checked.answers is not None
        plain = derive_facts(checked.answers, AS_OF)
        values = checked.answers.__dict__
        assert fast_facts(values, AS_OF, plain.status, plain.column) == plain
        assert missing_of(values) == missing_questions(checked.answers)
    assert len(fast_facts_module._frozen) <= 5 and len(fast_missing._flags) <= 5


@SETTINGS
@given(valid_answers())
def test_derived_facts_need_the_same_trip_anyway(raw: dict[str, Any]) -> None:
    """rules.fast.memo skips both derived facts unless D5 is 'the same trip anyway'."""
    checked = validate_answers(raw, AS_OF)
    assume(checked.answers is not None)
    assert checked.answers is not None
    values = dict(checked.answers.__dict__)
    for d5 in (*QUESTION_BY_ID["D5"].codes, None):
        values["D5"] = d5
        derived = tuple(derive(values) for derive in DERIVED_FROM_ANSWERS.values())
        if d5 != memo.SAME_TRIP:
            assert derived == memo.NEITHER
