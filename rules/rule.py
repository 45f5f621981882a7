"""The shape of one rule: id, colour, severity, scope, wording, citations and remedies."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from rules.citations import Citation
from rules.facts import Facts


class Colour(StrEnum):
    """Traffic-light colours; NOTE never changes the overall colour."""

    RED = "RED"
    AMBER = "AMBER"
    GREEN = "GREEN"
    NOTE = "NOTE"


COLOUR_RANK = {Colour.RED: 3, Colour.AMBER: 2, Colour.GREEN: 1, Colour.NOTE: 0}


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


class AppliesTo(StrEnum):
    """ALL: payer/source rules; FN: conduct rules binding foreign nationals; USP: US persons."""

    ALL = "ALL"
    FN = "FN"
    USP = "USP"


class Area(StrEnum):
    """The parts of the result that each get their own light."""

    CAMPAIGN = "campaign"
    STATUS = "status"
    COMPENSATION = "compensation"
    TRAVEL = "travel"
    HOUSING = "housing"
    ROLE = "role"
    RESOURCES = "resources"
    IMMIGRATION = "immigration"


RawAnswers = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Substitution:
    """A remedy as answers: 'If <label> instead', applied to a copy of the raw answers.

    `only_if`, when given, says whether the remedy may be offered to the person who gave these
    (raw) answers at all (e.g. not 'be paid by the campaign' to a visa-waiver visitor); both the
    single counterfactuals and the plan search (rules.plan) consult it through `allowed`.
    """

    label: str
    apply: Callable[[Mapping[str, Any], date], RawAnswers]
    only_if: Callable[[Mapping[str, Any]], bool] | None = None

    def allowed(self, answers: Mapping[str, Any]) -> bool:
        """May this remedy be offered to someone who answered `answers`? (default: yes)"""
        return self.only_if is None or self.only_if(answers)


ColourFn = Callable[[Facts], Colour]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One rule of brief (b), read like the law: a named trigger and everything said about it."""

    id: str
    name: str
    area: Area
    applies_to: AppliesTo
    colour: Colour | ColourFn
    trigger: Callable[[Facts], bool]
    text: str
    citations: tuple[Citation, ...]
    remedy: str = ""
    severity: Severity | None = None
    substitutions: tuple[Substitution, ...] = ()
    label: str = ""
    # When an amber finding's severity depends on the facts (amendment 1: R82, R87, R88).
    severity_for: Callable[[Facts], Severity] | None = None

    def applies(self, facts: Facts) -> bool:
        """Scope by status: FN rules for foreign nationals, USP rules for US persons."""
        if self.applies_to is AppliesTo.FN:
            return facts.fn
        if self.applies_to is AppliesTo.USP:
            return not facts.fn
        return True

    def colour_for(self, facts: Facts) -> Colour:
        return self.colour if isinstance(self.colour, Colour) else self.colour(facts)

    @property
    def binds_as_foreign_national(self) -> bool:
        """A conduct rule whose RED depends on the person being a foreign national (R85), as
        opposed to a payer or source rule, which is RED whoever the volunteer is."""
        return self.applies_to is AppliesTo.FN or self.colour is red_for_fn_note_for_usp

    def base_colours(self) -> frozenset[Colour]:
        """Every colour the rule's own definition gives."""
        if isinstance(self.colour, Colour):
            return frozenset({self.colour})
        return frozenset(getattr(self.colour, "colours", (Colour.RED, Colour.AMBER, Colour.NOTE)))

    def possible_colours(self) -> frozenset[Colour]:
        """Every colour this rule can show: its own, and AMBER where R85 caps its RED."""
        colours = self.base_colours()
        if Colour.RED in colours and self.binds_as_foreign_national:
            colours |= {Colour.AMBER}
        return colours


def red_for_fn_note_for_usp(facts: Facts) -> Colour:
    """R62/R64/R65/R68: prohibited for foreign nationals, information only for US persons."""
    return Colour.RED if facts.fn else Colour.NOTE


red_for_fn_note_for_usp.colours = (Colour.RED, Colour.NOTE)  # type: ignore[attr-defined]  # read by possible_colours
