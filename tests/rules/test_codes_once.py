"""Lists kept once (issue 11): the B4 codes and their kinds, and the branching table."""

from rules import codes
from rules.branching import ALWAYS_ASKED, ASKED_WHEN, QUESTION_IDS


def test_b4_kinds_name_every_b4_code_once() -> None:
    assert list(codes.B4_KINDS) == list(codes.codes_of(codes.B4Code))


def test_the_status_sets_derive_from_the_b4_kinds() -> None:
    assert {"esta_vwp", "b1_b2"} == codes.VISITOR_STATUSES
    assert {"daca", "tps", "asylum_refugee", "pending_adjustment"} == codes.EAD_STATUSES
    assert {"unknown", "prefer_not_say"} == codes.UNDISCLOSED_STATUSES
    assert codes.VISITOR_STATUSES < codes.NO_WORK_AUTH_STATUSES
    assert "none_abroad_remote" not in codes.STATUS_ONLY_FOR_FOREIGN | codes.NO_WORK_AUTH_STATUSES


def test_every_question_is_always_asked_or_has_one_condition() -> None:
    assert set(ASKED_WHEN) <= set(QUESTION_IDS)
    assert ALWAYS_ASKED | set(ASKED_WHEN) == set(QUESTION_IDS)
    assert not ALWAYS_ASKED & set(ASKED_WHEN)
