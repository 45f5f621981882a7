"""Every hostile case runs under a deadline: a hang is a failure, not a stuck test run."""

import signal
from collections.abc import Iterator
from types import FrameType

import pytest

DEADLINE_SECONDS = 30


class Hang(Exception):
    """The case did not finish in time."""


@pytest.fixture(autouse=True)
def _deadline() -> Iterator[None]:
    def expired(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"did not finish within {DEADLINE_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(DEADLINE_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
