"""The cyclic garbage collector paused while one batch is worked on."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector as it was afterwards.

    A batch keeps thousands of new containers alive until it returns, none of them in a cycle,
    and each young collection would walk them again (docs/performance.md, "Batch screening").
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
