"""Building blocks for remedies expressed as answer substitutions."""

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rules.rule import RawAnswers, Substitution

Edit = Callable[[RawAnswers], None]


def swap(qid: str, remove: Iterable[str], add: str | None = None, empty: str = "none") -> Edit:
    """In multi-select `qid`, replace the codes in `remove` by `add`; an emptied list gets `empty`.

    Nothing changes when none of `remove` was chosen: a remedy only replaces what is there (adding
    'self' to 'no_travel_needed' would only make the answers contradict themselves).
    """
    dropped = frozenset(remove)

    def edit(answers: RawAnswers) -> None:
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

    def edit(answers: RawAnswers) -> None:
        if answers.get(qid) in olds:
            answers[qid] = new

    return edit


def put(qid: str, value: Any) -> Edit:
    """Set `qid` to `value` unconditionally."""

    def edit(answers: RawAnswers) -> None:
        answers[qid] = value

    return edit


def drop(*qids: str) -> Edit:
    """Remove answers that the substituted answers no longer ask (and would contradict)."""

    def edit(answers: RawAnswers) -> None:
        for qid in qids:
            answers.pop(qid, None)

    return edit


def self_paid_transport_within(limit: int, *, only_missing: bool = False) -> Edit:
    """When the volunteer pays their own transport, keep the amount no higher than `limit`.

    With `only_missing`, only a missing amount is filled in (a known amount stays as it is).
    """

    def edit(answers: RawAnswers) -> None:
        if "self" not in (answers.get("D1") or ()):
            return
        amount = answers.get("D3")
        if only_missing and amount is not None:
            return
        if isinstance(amount, bool) or not isinstance(amount, int | float) or amount > limit:
            answers["D3"] = limit

    return edit


def pay_own_transport(remove: Iterable[str], limit: int = 1000) -> Edit:
    """Replace the given transport payers with 'self', within the exemption."""
    to_self = swap("D1", remove, "self", empty="self")
    within = self_paid_transport_within(limit)

    def edit(answers: RawAnswers) -> None:
        to_self(answers)
        within(answers)

    return edit


def without_reimbursement(limit: int) -> Edit:
    """Undo a campaign reimbursement of self-paid transport by keeping it within `limit`."""
    within = self_paid_transport_within(limit)

    def edit(answers: RawAnswers) -> None:
        if answers.get("D3b") == "yes":
            within(answers)
            answers.pop("D3b", None)

    return edit


def sub(label: str, *edits: Edit,
        only_if: Callable[[Mapping[str, Any]], bool] | None = None) -> Substitution:
    """A named substitution applying `edits` in order to a copy of the answers.

    `only_if(raw answers)` limits to whom the remedy is offered (Substitution.allowed).
    """

    def apply(answers: Mapping[str, Any]) -> RawAnswers:
        changed = {key: list(value) if isinstance(value, list | tuple) else value
                   for key, value in answers.items()}
        for edit in edits:
            edit(changed)
        return changed

    return Substitution(label, apply, only_if)
