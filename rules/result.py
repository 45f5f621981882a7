"""The immutable assessment the engine returns: colours, ordered findings, missing facts."""

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from rules.citations import Citation, shown_label
from rules.facts import Status
from rules.rule import AppliesTo, Area, Colour, Severity

# Built on first use (defer_build), as rules.answers' models: screening never validates one.
FROZEN = ConfigDict(frozen=True, defer_build=True)


class CitationOut(BaseModel):
    """A citation as shown to people. UNVERIFIED and REPORTED ones carry authority=False and are
    printed only as 'Reported: ...'. The research note stays in `rules.citations.Citation`: it
    is for counsel's catalogue, never part of a volunteer's result."""

    model_config = FROZEN

    label: str
    url: str | None
    verification: str
    authority: bool

    @classmethod
    def of(cls, citation: Citation) -> "CitationOut":
        return cls(
            label=citation.label,
            url=citation.url,
            verification=str(citation.verification),
            authority=citation.is_authority,
        )

    @property
    def shown(self) -> str:
        """The label as printed: 'Reported: <label>' unless the source is authority."""
        return shown_label(self.label, self.authority)


class Counterfactual(BaseModel):
    """'If <label> instead: <colour>', with the answers that would change."""

    model_config = FROZEN

    label: str
    colour: Colour
    changes: dict[str, Any]


class PlanStep(BaseModel):
    """One remedy of a plan: 'If <label> instead', offered for the finding of `rule`."""

    model_config = FROZEN

    label: str
    rule: str


class Plan(BaseModel):
    """The smallest set of remedies found that together reach the best reachable colour.

    `changes` are the answers that would change (None: no longer asked); `remaining` the red and
    amber findings (rule ids) that would still stand. Found by rules.plan.best_plan.
    """

    model_config = FROZEN

    steps: tuple[PlanStep, ...]
    colour: Colour
    changes: dict[str, Any]
    remaining: tuple[str, ...] = ()


class Finding(BaseModel):
    """One rule that fired, in plain English, with its remedy and authorities."""

    model_config = FROZEN

    rule: str
    name: str
    colour: Colour
    severity: Severity | None
    area: Area
    applies_to: AppliesTo
    immigration: bool
    label: str
    text: str
    remedy: str
    citations: tuple[CitationOut, ...]
    counterfactuals: tuple[Counterfactual, ...] = ()


class MissingFact(BaseModel):
    """An 'I don't know' answer that stands between the volunteer and a green result."""

    model_config = FROZEN

    question: str
    prompt: str


class RulesetInfo(BaseModel):
    """Which rules and research produced the result."""

    model_config = FROZEN

    version: str
    research_reviewed: date


class Assessment(BaseModel):
    """The result of assessing one person's answers as of one date."""

    model_config = FROZEN

    colour: Colour
    election_colour: Colour
    status: Status
    areas: dict[Area, Colour | None]
    findings: tuple[Finding, ...]
    missing: tuple[MissingFact, ...]
    ruleset: RulesetInfo
    as_of: date
    plan: Plan | None = None

    @property
    def election_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.immigration)

    @property
    def immigration_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.immigration)

    @property
    def fired(self) -> tuple[str, ...]:
        return tuple(f.rule for f in self.findings)

    def to_json(self) -> str:
        """Deterministic JSON: same answers and date give the same bytes."""
        return self.model_dump_json(indent=2)
