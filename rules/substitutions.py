"""Building blocks for remedies expressed as answer substitutions."""

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from rules.branching import column_of_answers, transport_limit
from rules.rule import RawAnswers, Substitution

# An edit changes a copy of the answers in place; the date is that of the assessment (limits).
Edit = Callable[[RawAnswers, date], None]


def swap(qid: str, remove: Iterable[str], add: str | None = None, empty: str = "none") -> Edit:
    """In multi-select `qid`, replace the codes in `remove` by `add`; an emptied list gets `empty`.

    Nothing changes when none of `remove` was chosen: a remedy only replaces what is there (adding
    'self' to 'no_travel_needed' would only make the answers contradict themselves).
    """
    dropped = frozenset(remove)

    def edit(answers: RawAnswers, as_of: date) -> None:
        chosen = list(answers.get(qid) or ())
        current = [code for code in chosen if code not in dropped]
        if len(current) == len(chosen):
            return
        if add is not None and add not in current:
            current.append(add)
        answers[qid] = current or [empty]

    return edit


def replace_single(qid: str, old: Iterable[str], new: str) -> Edit:
    """Set single-choice `qid` to `new` when it currently holds one of `old`."""
    olds = frozenset(old)

    def edit(answers: RawAnswers, as_of: date) -> None:
        if answers.get(qid) in olds:
            answers[qid] = new

    return edit


def put(qid: str, value: Any) -> Edit:
    """Set `qid` to `value` unconditionally."""

    def edit(answers: RawAnswers, as_of: date) -> None:
        answers[qid] = value

    return edit


def drop(*qids: str) -> Edit:
    """Remove answers that the substituted answers no longer ask (and would contradict)."""

    def edit(answers: RawAnswers, as_of: date) -> None:
        for qid in qids:
            answers.pop(qid, None)

    return edit


def exemption(answers: Mapping[str, Any], as_of: date) -> int:
    """The 100.79(a) travel exemption for the answers' committee, from the parameters."""
    return transport_limit(as_of, column_of_answers(answers))


def self_paid_transport_within(*, only_missing: bool = False) -> Edit:
    """When the volunteer pays their own transport, keep the amount within the exemption.

    With `only_missing`, only a missing amount is filled in (a known amount stays as it is).
    """

    def edit(answers: RawAnswers, as_of: date) -> None:
        if "self" not in (answers.get("D1") or ()):
            return
        limit = exemption(answers, as_of)
        amount = answers.get("D3")
        if only_missing and amount is not None:
            return
        if isinstance(amount, bool) or not isinstance(amount, int | float) or amount > limit:
            answers["D3"] = limit

    return edit


def pay_own_transport(remove: Iterable[str]) -> Edit:
    """Replace the given transport payers with 'self', within the exemption."""
    to_self = swap("D1", remove, "self", empty="self")
    within = self_paid_transport_within()

    def edit(answers: RawAnswers, as_of: date) -> None:
        to_self(answers, as_of)
        within(answers, as_of)

    return edit


def without_reimbursement() -> Edit:
    """Undo a campaign reimbursement of self-paid transport by keeping it within the
    exemption."""
    within = self_paid_transport_within()

    def edit(answers: RawAnswers, as_of: date) -> None:
        if answers.get("D3b") == "yes":
            within(answers, as_of)
            answers.pop("D3b", None)

    return edit


def keep_volunteering_within_half() -> Edit:
    """R87: volunteer on no more than half of the trip's days (when both are known)."""

    def edit(answers: RawAnswers, as_of: date) -> None:
        trip, days = answers.get("B10"), answers.get("B11")
        if isinstance(trip, int) and isinstance(days, int) and days * 2 > trip >= 2:
            answers["B11"] = trip // 2

    return edit


def sub(label: str, *edits: Edit,
        only_if: Callable[[Mapping[str, Any]], bool] | None = None) -> Substitution:
    """A named substitution applying `edits` in order to a copy of the answers.

    `only_if(raw answers)` limits to whom the remedy is offered (Substitution.allowed).
    """

    def apply(answers: Mapping[str, Any], as_of: date) -> RawAnswers:
        changed = {key: list(value) if isinstance(value, list | tuple) else value
                   for key, value in answers.items()}
        for edit in edits:
            edit(changed, as_of)
        return changed

    return Substitution(label, apply, only_if)
