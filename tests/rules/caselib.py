"""Rule cases as data: load tests/rules/cases/*.yaml, run one case, explain any mismatch.

A case is one named scenario: answers (optionally on top of a named base from _bases.yaml), an
optional `as_of` date, and what the rules must say about it. See cases/README.md for the keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rules import RULE_BY_ID, OutOfPeriodError, assess, validate_answers
from rules.questions import QUESTION_BY_ID
from rules.result import Assessment
from rules.rule import COLOUR_RANK, SEVERITY_RANK, Area, Colour

CASES_DIR = Path(__file__).parent / "cases"
BASES_FILE = CASES_DIR / "_bases.yaml"
# Cases are pinned to a date so that they never change with the calendar.
DEFAULT_AS_OF = dt.date(2026, 11, 28)
COLOURS = {"RED", "AMBER", "GREEN", "NOTE"}
AREAS = {str(area) for area in Area}
CASE_KEYS = {
    "name", "why", "base", "answers", "as_of", "colour", "election_colour", "status", "fires",
    "absent", "areas", "missing", "issues", "dropped", "raises", "counterfactuals", "order",
    "labels", "severities",
}
RAISES = {"OutOfPeriodError": OutOfPeriodError}
YES_NO_QUESTIONS = {"B1", "B2", "B3", "B5", "B7", "D3b"}


class CaseFileError(ValueError):
    """A case file that does not follow the format (a defect of the test data)."""


@dataclass(frozen=True)
class Case:
    """One scenario and its expectations, as written in a case file."""

    name: str
    source: str
    answers: dict[str, Any]
    as_of: dt.date
    base: str | None = None
    colour: str | None = None
    election_colour: str | None = None
    status: str | None = None
    fires: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    areas: dict[str, str | None] = field(default_factory=dict)
    missing: tuple[str, ...] | None = None
    issues: tuple[tuple[str, str], ...] | None = None
    dropped: tuple[str, ...] | None = None
    raises: str | None = None
    counterfactuals: tuple[dict[str, str], ...] = ()
    order: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    severities: dict[str, str | None] = field(default_factory=dict)

    @property
    def expects_valid(self) -> bool:
        return self.issues is None and self.raises is None


def load_bases() -> dict[str, dict[str, Any]]:
    loaded = yaml.safe_load(BASES_FILE.read_text("utf-8"))
    if not isinstance(loaded, dict):
        raise CaseFileError(f"{BASES_FILE.name}: expected a mapping of base names to answers")
    for name, answers in loaded.items():
        _check_answers(f"{BASES_FILE.name} base {name}", answers)
    return loaded


def _check_answers(where: str, answers: object) -> None:
    if not isinstance(answers, dict):
        raise CaseFileError(f"{where}: answers must be a mapping")
    for qid, value in answers.items():
        if qid in YES_NO_QUESTIONS and isinstance(value, bool):
            raise CaseFileError(
                f"{where}: {qid} is a YAML boolean; quote it (\"yes\"/\"no\")")


def _ids(where: str, key: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseFileError(f"{where}: '{key}' must be a list of ids")
    for rule_id in value:
        if key in ("fires", "absent", "order") and rule_id not in RULE_BY_ID:
            raise CaseFileError(f"{where}: '{key}' names {rule_id}, which is not a rule")
        if key in ("missing", "dropped") and rule_id not in QUESTION_BY_ID:
            raise CaseFileError(f"{where}: '{key}' names {rule_id}, which is not a question")
    return tuple(value)


def _colour(where: str, key: str, value: object) -> str | None:
    if value is None:
        return None
    if value not in COLOURS:
        raise CaseFileError(f"{where}: '{key}' must be one of {sorted(COLOURS)}, not {value!r}")
    return str(value)


def _merge(base: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for qid, value in changes.items():
        if value is None:
            merged.pop(qid, None)
        else:
            merged[qid] = value
    return merged


def _case(raw: object, source: str, bases: Mapping[str, dict[str, Any]]) -> Case:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise CaseFileError(f"{source}: every case is a mapping with a 'name'")
    name = raw["name"]
    where = f"{source}: case '{name}'"
    unknown = set(raw) - CASE_KEYS
    if unknown:
        raise CaseFileError(f"{where}: unknown keys {sorted(unknown)}")
    base_name = raw.get("base")
    if base_name is not None and base_name not in bases:
        raise CaseFileError(f"{where}: unknown base {base_name!r}")
    changes = raw.get("answers") or {}
    _check_answers(where, changes)
    answers = _merge(bases[base_name] if base_name else {}, changes)
    as_of = raw.get("as_of", DEFAULT_AS_OF)
    if not isinstance(as_of, dt.date):
        raise CaseFileError(f"{where}: as_of must be a date (YYYY-MM-DD)")
    issues = raw.get("issues")
    issue_pairs: tuple[tuple[str, str], ...] | None = None
    if issues is not None:
        if not isinstance(issues, list) or not all(
                isinstance(i, dict) and set(i) == {"code", "question"} for i in issues):
            raise CaseFileError(f"{where}: issues must be a list of {{code, question}}")
        issue_pairs = tuple((str(i["code"]), str(i["question"])) for i in issues)
    raises = raw.get("raises")
    if raises is not None and raises not in RAISES:
        raise CaseFileError(f"{where}: raises must be one of {sorted(RAISES)}")
    areas = raw.get("areas") or {}
    if not isinstance(areas, dict) or not set(areas) <= AREAS:
        raise CaseFileError(f"{where}: areas must map {sorted(AREAS)} to colours")
    for area, colour in areas.items():
        _colour(where, f"areas.{area}", colour)
    counterfactuals = raw.get("counterfactuals") or []
    for cf in counterfactuals:
        if not isinstance(cf, dict) or not {"rule", "colour"} <= set(cf) <= {
                "rule", "colour", "label"}:
            raise CaseFileError(f"{where}: counterfactuals are {{rule, colour, label?}}")
        _colour(where, "counterfactuals.colour", cf["colour"])
    labels = raw.get("labels") or {}
    severities = raw.get("severities") or {}
    fires = _ids(where, "fires", raw.get("fires"))
    absent = _ids(where, "absent", raw.get("absent"))
    if set(fires) & set(absent):
        raise CaseFileError(f"{where}: {sorted(set(fires) & set(absent))} both fire and absent")
    return Case(
        name=name, source=source, answers=answers, as_of=as_of, base=base_name,
        colour=_colour(where, "colour", raw.get("colour")),
        election_colour=_colour(where, "election_colour", raw.get("election_colour")),
        status=raw.get("status"), fires=fires, absent=absent, areas=dict(areas),
        missing=_ids(where, "missing", raw["missing"]) if "missing" in raw else None,
        issues=issue_pairs,
        dropped=_ids(where, "dropped", raw["dropped"]) if "dropped" in raw else None,
        raises=raises, counterfactuals=tuple(counterfactuals), order=_ids(
            where, "order", raw.get("order")), labels=dict(labels),
        severities=dict(severities),
    )


def load_cases() -> list[Case]:
    """Every case of every file in cases/ (files starting with '_' hold bases, not cases)."""
    bases = load_bases()
    cases: list[Case] = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        loaded = yaml.safe_load(path.read_text("utf-8"))
        if not isinstance(loaded, list):
            raise CaseFileError(f"{path.name}: expected a list of cases")
        cases += [_case(raw, path.name, bases) for raw in loaded]
    names = [case.name for case in cases]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise CaseFileError(f"case names must be unique; repeated: {repeated}")
    return cases


def iter_valid_cases(cases: list[Case]) -> Iterator[Case]:
    return (case for case in cases if case.expects_valid)


# Running and explaining --------------------------------------------------------------------


def run_case(case: Case) -> Assessment:
    """Validate and assess the case's answers; AssertionError (with details) if invalid."""
    checked = validate_answers(case.answers, case.as_of)
    if not checked.ok or checked.answers is None:
        shown = "\n".join(f"  {i.code} {i.question}: {i.message}" for i in checked.issues)
        raise AssertionError(f"case '{case.name}': answers are invalid:\n{shown}")
    return assess(checked.answers, case.as_of)


def describe(result: Assessment) -> str:
    """Every finding on one line each: what a failing case actually produced."""
    lines = [f"  colour {result.colour}, election {result.election_colour}, "
             f"status {result.status}"]
    lines += [f"  {f.rule} {f.name}: {f.colour}"
              + (f" ({f.severity})" if f.severity else "")
              + "".join(f"\n      -> if {cf.label}: {cf.colour}" for cf in f.counterfactuals)
              for f in result.findings]
    return "\n".join(lines)


def check_case(case: Case, result: Assessment) -> list[str]:
    """Every expectation of the case that the result does not meet, in words."""
    problems: list[str] = []
    fired = {f.rule: f for f in result.findings}
    if case.colour and str(result.colour) != case.colour:
        problems.append(f"overall colour: expected {case.colour}, got {result.colour}")
    if case.election_colour and str(result.election_colour) != case.election_colour:
        problems.append(f"election colour: expected {case.election_colour}, "
                        f"got {result.election_colour}")
    if case.status and str(result.status) != case.status:
        problems.append(f"status: expected {case.status}, got {result.status}")
    not_fired = [r for r in case.fires if r not in fired]
    if not_fired:
        problems.append(f"expected to fire but did not: {not_fired}")
    wrongly = [r for r in case.absent if r in fired]
    if wrongly:
        problems.append(f"expected absent but fired: {wrongly}")
    for area, colour in case.areas.items():
        got = result.areas.get(Area(area))
        if (str(got) if got is not None else None) != colour:
            problems.append(f"area {area}: expected {colour}, got {got}")
    if case.missing is not None:
        got_missing = tuple(m.question for m in result.missing)
        if got_missing != case.missing:
            problems.append(f"missing facts: expected {list(case.missing)}, "
                            f"got {list(got_missing)}")
    for rule_id, label in case.labels.items():
        finding = fired.get(rule_id)
        if finding is None or finding.label != label:
            problems.append(f"{rule_id} label: expected {label!r}, "
                            f"got {finding.label if finding else 'no finding'!r}")
    for rule_id, severity in case.severities.items():
        finding = fired.get(rule_id)
        got_sev = str(finding.severity) if finding and finding.severity else None
        if finding is None or got_sev != severity:
            problems.append(f"{rule_id} severity: expected {severity}, got {got_sev}")
    order = [f.rule for f in result.findings]
    positions = [order.index(r) for r in case.order if r in order]
    if positions != sorted(positions) or len(positions) != len(case.order):
        problems.append(f"findings order: expected {list(case.order)} in this order, "
                        f"got {order}")
    for expected in case.counterfactuals:
        finding = fired.get(expected["rule"])
        offered = finding.counterfactuals if finding else ()
        if not any(str(cf.colour) == expected["colour"]
                   and expected.get("label", "") in cf.label for cf in offered):
            shown = [(cf.label, str(cf.colour)) for cf in offered]
            problems.append(f"counterfactual for {expected['rule']} -> {expected['colour']}"
                            f"{' (' + expected['label'] + ')' if 'label' in expected else ''}"
                            f" not offered; offered: {shown}")
    return problems


def invariant_problems(result: Assessment) -> list[str]:
    """What brief (c) says of every result, whatever the answers."""
    problems: list[str] = []
    for finding in result.findings:
        if finding.immigration and finding.colour is Colour.RED:
            problems.append(f"{finding.rule}: an immigration finding is RED (c)9")
        if finding.immigration != (finding.area is Area.IMMIGRATION):
            problems.append(f"{finding.rule}: immigration flag and area disagree")
        if finding.colour in (Colour.RED, Colour.AMBER) and not finding.remedy:
            problems.append(f"{finding.rule}: {finding.colour} without a remedy")
    counted = [f.colour for f in result.findings if f.colour is not Colour.NOTE]
    worst = max(counted, key=COLOUR_RANK.__getitem__, default=Colour.AMBER)
    if result.colour is not worst:
        problems.append(f"overall {result.colour} is not the worst finding {worst} (c)4")
    election = [f.colour for f in result.election_findings if f.colour is not Colour.NOTE]
    worst_election = max(election, key=COLOUR_RANK.__getitem__, default=Colour.AMBER)
    if result.election_colour is not worst_election:
        problems.append(f"election colour {result.election_colour} is not {worst_election}")
    keys = [(-COLOUR_RANK[f.colour],
             SEVERITY_RANK[f.severity] if f.colour is Colour.AMBER and f.severity else 1)
            for f in result.findings]
    if keys != sorted(keys):
        problems.append("findings are not ordered RED, AMBER by severity, GREEN, NOTE (c)10")
    return problems
