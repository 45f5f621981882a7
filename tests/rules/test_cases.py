"""Every case in tests/rules/cases/*.yaml as its own test, plus coverage of the catalogue.

Run one case with `-k "ALP delegates"`. A failure lists each unmet expectation, then what the
rules actually said (every finding with its colour and counterfactuals).
"""

import pytest

from rules import RULES, OutOfPeriodError, assess, validate_answers
from tests.rules.caselib import (
    DEFAULT_AS_OF,
    RAISES,
    Case,
    check_case,
    describe,
    invariant_problems,
    load_bases,
    load_cases,
    run_case,
)

CASES = load_cases()
RULE_IDS = [rule.id for rule in RULES]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case: Case) -> None:
    if case.raises is not None:
        with pytest.raises(RAISES[case.raises]):
            checked = validate_answers(case.answers, case.as_of)
            assert checked.answers is not None, "answers invalid before the date was checked"
            assess(checked.answers, case.as_of)
        return
    if case.issues is not None:
        checked = validate_answers(case.answers, case.as_of)
        got = sorted((i.code, i.question) for i in checked.issues)
        messages = "\n".join(f"  {i.code} {i.question}: {i.message}" for i in checked.issues)
        assert not checked.ok and checked.answers is None, f"'{case.name}' should be invalid"
        assert got == sorted(case.issues), (
            f"case '{case.name}' ({case.source}): expected issues {sorted(case.issues)}, "
            f"got {got}:\n{messages}")
        for issue in checked.issues:
            assert issue.question in issue.message, f"message must name {issue.question}"
        return
    checked = validate_answers(case.answers, case.as_of)
    result = run_case(case)
    problems = check_case(case, result) + invariant_problems(result)
    if case.dropped is not None and tuple(checked.dropped) != case.dropped:
        problems.append(f"dropped: expected {list(case.dropped)}, got {list(checked.dropped)}")
    assert not problems, (
        f"case '{case.name}' ({case.source}):\n  - " + "\n  - ".join(problems)
        + f"\nexpected fires {list(case.fires)}, absent {list(case.absent)}, "
        f"colour {case.colour}, election {case.election_colour}\nactual:\n{describe(result)}")


def test_every_base_is_valid_on_its_own() -> None:
    for name, answers in load_bases().items():
        checked = validate_answers(answers, DEFAULT_AS_OF)
        assert checked.ok, f"base {name}: {[i.message for i in checked.issues]}"


def test_every_rule_fires_in_some_case() -> None:
    fired = {rule for case in CASES for rule in case.fires}
    never = [rule for rule in RULE_IDS if rule not in fired]
    assert not never, f"rules no case shows firing: {never}"


def test_every_rule_is_shown_absent_in_some_case() -> None:
    absent = {rule for case in CASES for rule in case.absent}
    never = [rule for rule in RULE_IDS if rule not in absent]
    assert not never, f"rules no case shows absent: {never}"


def test_every_rule_firing_is_contrasted_with_a_neighbour() -> None:
    """For each rule, some case where it fires and a case from the same base where it does not."""
    lonely = []
    for rule in RULE_IDS:
        bases_firing = {case.base for case in CASES if rule in case.fires}
        bases_absent = {case.base for case in CASES if rule in case.absent}
        if not bases_firing & bases_absent:
            lonely.append(rule)
    assert not lonely, f"rules without a neighbouring absent case (same base): {lonely}"


def test_every_validation_code_is_exercised() -> None:
    codes = {code for case in CASES for code, _ in (case.issues or ())}
    assert codes == {"V01", "V02", "V03"}


def test_cases_are_pinned_and_the_date_error_is_covered() -> None:
    assert any(case.raises == "OutOfPeriodError" for case in CASES)
    assert OutOfPeriodError.__name__ in RAISES
