"""The words of "What to do next" (issue 8), shared by the terminal text, the report and the app.

Plain text only: each caller escapes it for its own medium.
"""

import textwrap

from app.i18n import N_, _, ngettext, with_colon
from app.i18n.law_texts import remedy_label, rule_text
from app.vocabulary import colour_name
from rules import RULE_BY_ID, Assessment, Colour
from rules.result import Plan, PlanStep

HEADING = N_("What to do next")


def heading() -> str:
    """'What to do next' in the current language."""
    return _(HEADING)


def step_text(step: PlanStep) -> str:
    """'You paid your own lodging' (the remedy's label, as a sentence)."""
    label = remedy_label(step.rule, step.label)
    return label[:1].upper() + label[1:]


def plan_intro(plan: Plan) -> str:
    """'Change your plan so that all of these are true:' (the steps are remedies worded as
    facts, 'you paid your own lodging'), or, when GREEN is out of reach, the best colour
    first."""
    verb = (_("Change your plan so that this is true:") if len(plan.steps) == 1
            else _("Change your plan so that all of these are true:"))
    if plan.colour is Colour.GREEN:
        return verb
    return _("The best reachable result is {colour}.").format(
        colour=colour_name(plan.colour)) + " " + verb


def reason_words(rule_id: str) -> str:
    """'R73 IMM-REMUNERATION' (the rule's label when it has one)."""
    rule = RULE_BY_ID.get(rule_id)
    if rule is None:
        return rule_id
    return f"{rule_id} {rule_text(rule, 'label') or rule_text(rule, 'name')}"


def remaining_text(plan: Plan, *, codes: bool = True) -> str:
    """The reasons that would remain after the plan ('' when none would); without `codes` (the
    volunteer's part of the handout) it counts them instead of naming rule ids."""
    if plan.colour is Colour.GREEN or not plan.remaining:
        return ""
    if not codes:
        count = len(plan.remaining)
        return ngettext("{count} reason below would remain. Get advice on it before going "
                        "ahead.", "{count} reasons below would remain. Get advice on them "
                        "before going ahead.", count).format(count=count)
    reasons = ", ".join(reason_words(r) for r in plan.remaining)
    return _("these reasons would remain: {reasons}. Get advice on them before going "
             "ahead.").format(reasons=reasons)


def plan_outcome(plan: Plan) -> str:
    """'result GREEN', or the colour with the reasons that would remain."""
    remaining = remaining_text(plan)
    result = _("result {colour}").format(colour=colour_name(plan.colour))
    return result + (f"; {remaining}" if remaining else "")


def no_plan_text(assessment: Assessment) -> str:
    """What to do when no change found here improves a result that is not GREEN."""
    if assessment.missing:
        return _("No change to your plans found here would improve the result. First find "
                 "out the facts you answered \u201cI don't know\u201d to (listed under the "
                 "missing facts), then check again.")
    return _("No change to your plans found here would improve the result. Ask the "
             "campaign's compliance counsel or an election lawyer before going ahead.")


def plan_lines(assessment: Assessment) -> list[str]:
    """'What to do next' as plain lines (without the heading); none for a GREEN result."""
    if assessment.colour is Colour.GREEN:
        return []
    plan = assessment.plan
    if plan is None:
        return [no_plan_text(assessment)]
    return [plan_intro(plan),
            *(f"{index}. {step_text(step)}" for index, step in enumerate(plan.steps, 1)),
            plan_outcome(plan)]


def terminal_lines(assessment: Assessment, width: int = 88) -> list[str]:
    """'What to do next' for the terminal, wrapped, between blank lines; none for GREEN."""
    if assessment.colour is Colour.GREEN:
        return []

    def wrap(text: str, indent: str) -> list[str]:
        return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent)

    lines = ["", with_colon(heading())]
    plan = assessment.plan
    if plan is None:
        return [*lines, *wrap(no_plan_text(assessment), "  "), ""]
    lines += wrap(plan_intro(plan), "  ")
    for index, step in enumerate(plan.steps, 1):
        lines += wrap(f"{index}. {step_text(step)} [{step.rule}]", "    ")
    return [*lines, *wrap(f"-> {plan_outcome(plan)}", "  "), ""]
