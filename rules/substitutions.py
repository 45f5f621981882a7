"""Building blocks for remedies expressed as answer substitutions."""

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rules.rule import RawAnswers, Substitution

Edit = Callable[[RawAnswers], None]


def swap(qid: str, remove: Iterable[str], add: str | None = None, empty: str = "none") -> Edit:
    """In multi-select `qid`, drop `remove` and add `add`; an emptied list gets `empty`."""
    dropped = frozenset(remove)

    def edit(answers: RawAnswers) -> None:
        current = [code for code in answers.get(qid) or () if code not in dropped]
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


def self_paid_transport_within(limit: int) -> Edit:
    """Make sure self-paid transport has an amount no higher than `limit`."""

    def edit(answers: RawAnswers) -> None:
        amount = answers.get("D3")
        if not isinstance(amount, int | float) or amount > limit:
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


def sub(label: str, *edits: Edit) -> Substitution:
    """A named substitution applying `edits` in order to a copy of the answers."""

    def apply(answers: Mapping[str, Any]) -> RawAnswers:
        changed = {key: list(value) if isinstance(value, list | tuple) else value
                   for key, value in answers.items()}
        for edit in edits:
            edit(changed)
        return changed

    return Substitution(label, apply)
