"""Amendment 1 section 1: which rules apply to which kind of committee, as one table of data."""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Column(StrEnum):
    """The columns of the applicability matrix: the committee the volunteer helps."""

    FEDERAL_CANDIDATE = "federal_candidate"
    PARTY = "us_party_committee"
    SUPER_PAC = "super_pac_ie_only"
    HYBRID_PAC = "hybrid_pac"
    TRADITIONAL_PAC = "traditional_pac"
    PAC_UNKNOWN = "pac_type_unknown"
    STATE_LOCAL = "state_local_candidate"
    BALLOT_MEASURE = "ballot_measure"


PACS = frozenset({Column.SUPER_PAC, Column.HYBRID_PAC, Column.TRADITIONAL_PAC, Column.PAC_UNKNOWN})
# Committees federal campaign-finance law (FECA: limits, exemptions, 30118, reporting) governs.
FEDERAL_COMMITTEES = frozenset({Column.FEDERAL_CANDIDATE, Column.PARTY}) | PACS


def column_of(a1: object, a1b: object, a3: object) -> Column:
    """The matrix column for A1 (with A1b for PACs, A3 for ballot measures).

    A1 'unknown' is assessed as a federal candidate's campaign, the column with the most rules
    (R10 keeps the result amber until the committee is known). A ballot measure run by or
    coordinating with a candidate (A3=yes) is assessed as that candidate's campaign under the
    state_local_candidate column (amendment section 13); A3 unknown stays a ballot measure.
    """
    if a1 == "pac_or_super_pac":
        return _PAC_COLUMNS.get(a1b, Column.PAC_UNKNOWN)
    if a1 == "ballot_measure":
        return Column.STATE_LOCAL if a3 == "yes" else Column.BALLOT_MEASURE
    if a1 == "us_party_committee":
        return Column.PARTY
    if a1 == "state_local_candidate":
        return Column.STATE_LOCAL
    return Column.FEDERAL_CANDIDATE


_PAC_COLUMNS: Mapping[Any, Column] = {
    "super_pac_ie_only": Column.SUPER_PAC,
    "hybrid_pac": Column.HYBRID_PAC,
    "traditional_pac": Column.TRADITIONAL_PAC,
}


class Treatment(StrEnum):
    """What the matrix does with a rule for one column."""

    AS_BRIEF = "as brief"          # evaluated as written
    NOT_EVALUATED = "n/a"          # another rule (named in the table) speaks instead


@dataclass(frozen=True, slots=True)
class RuleGroup:
    """One row of the matrix: rules, and the columns in which they are not evaluated."""

    name: str
    rules: tuple[str, ...]
    not_evaluated: frozenset[Column]
    instead: str


ALL_PACS = PACS
NON_FEDERAL = frozenset({Column.STATE_LOCAL, Column.BALLOT_MEASURE})

# The matrix of amendment section 1. Rows not listed, and columns not named in a row, are
# evaluated as the brief writes them (immigration rules R72-R75, R87 apply to every column).
MATRIX: tuple[RuleGroup, ...] = (
    RuleGroup(
        "foreign-source payer and resource rules",
        ("R12", "R13", "R21", "R31", "R32", "R33", "R44", "R58", "R62", "R64", "R65", "R66",
         "R67", "R68"),
        frozenset({Column.BALLOT_MEASURE}),
        "R83 (federally not banned; illegal in many states)",
    ),
    RuleGroup(
        "decision-making",
        ("R52",),
        frozenset({Column.BALLOT_MEASURE}),
        "R83 (depends on state law)",
    ),
    RuleGroup(
        "self-paid travel thresholds (100.79(a))",
        ("R27", "R28", "R29", "R30"),
        ALL_PACS | NON_FEDERAL,
        "R79 for PACs, R80 for state and local races, R09 for ballot measures",
    ),
    RuleGroup(
        "home event hosted by a foreign national (100.75/100.77)",
        ("R70",),
        frozenset({Column.BALLOT_MEASURE}),
        "R83 (state law); for PACs and state races R70 says the exemption does not reach them",
    ),
)

# R82: the colour of the US-corporation payer rules (R17, R22, R38, R48) by committee. 30118
# bars corporate contributions in federal elections; super PACs may take them (AO 2010-11);
# state races and ballot measures are governed by state law. A1 'unknown' is RED (federal).
CORPORATE_PAYER_COLOUR: dict[Column, str] = {
    Column.FEDERAL_CANDIDATE: "RED",
    Column.PARTY: "RED",
    Column.TRADITIONAL_PAC: "RED",
    Column.SUPER_PAC: "NOTE",
    Column.HYBRID_PAC: "AMBER",
    Column.PAC_UNKNOWN: "AMBER",
    Column.STATE_LOCAL: "AMBER",
    Column.BALLOT_MEASURE: "AMBER",
}

# Exemptions written for candidates and party committees only (amendment section 1).
# 116.5(b) timely reimbursement turns a volunteer's travel advance into the committee's own
# spending (R36); for PACs R81 says the regulation's wording is uncertain.
REIMBURSEMENT_CLAUSE = frozenset({Column.FEDERAL_CANDIDATE, Column.PARTY})
# 100.75/100.77: a volunteer's home and home-event costs, for candidates and parties.
HOME_EVENT_EXEMPTION = frozenset({Column.FEDERAL_CANDIDATE, Column.PARTY})
# Parameter holding the 100.79(a) travel exemption for each column that has one.
TRAVEL_EXEMPTION_PARAMETER: dict[Column, str] = {
    Column.FEDERAL_CANDIDATE: "transport_exemption_per_candidate_election",
    Column.PARTY: "transport_exemption_party_calendar_year",
}

# Rules amendment 1 adds for some committees only: not evaluated for the others.
ONLY_FOR: dict[str, frozenset[Column]] = {
    "R09": frozenset({Column.BALLOT_MEASURE}),
    "R77": frozenset({Column.STATE_LOCAL}),
    "R78": frozenset({Column.PAC_UNKNOWN}),
    "R79": PACS,
    "R80": frozenset({Column.STATE_LOCAL}),
    "R81": PACS,
    "R82": frozenset({Column.SUPER_PAC, Column.HYBRID_PAC, Column.PAC_UNKNOWN}) | NON_FEDERAL,
    "R83": frozenset({Column.BALLOT_MEASURE}),
    "R84": NON_FEDERAL,  # a measure linked (A3=yes, the state column) or maybe linked
}

TREATMENT: dict[tuple[str, Column], Treatment] = {
    **{(rule_id, column): Treatment.NOT_EVALUATED
       for group in MATRIX for rule_id in group.rules for column in group.not_evaluated},
    **{(rule_id, column): Treatment.NOT_EVALUATED
       for rule_id, columns in ONLY_FOR.items() for column in Column if column not in columns},
}
# Rules whose evaluation depends on the column (their outcome is keyed on A1, A1b and A3).
COLUMN_DEPENDENT: frozenset[str] = frozenset(rule_id for rule_id, _ in TREATMENT)


def treatment(rule_id: str, column: Column) -> Treatment:
    """How the matrix treats a rule for one committee column."""
    return TREATMENT.get((rule_id, column), Treatment.AS_BRIEF)


def evaluated(rule_id: str, column: Column) -> bool:
    return TREATMENT.get((rule_id, column)) is not Treatment.NOT_EVALUATED
