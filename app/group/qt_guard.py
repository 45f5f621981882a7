"""Work around PySide6 6.12 dropping a reference to None on Python 3.11.

The PySide6/shiboken6 6.12 abi3 wheels return None from every void method (setText, update,
processEvents, QPainter.drawText, ...) without taking a reference, as is harmless from Python
3.12 on, where None is immortal (PEP 683). On Python 3.11 each such call lowers None's
reference count by one; after a few thousand calls Python aborts with "Fatal Python error:
none_dealloc: deallocating None". A group window or a group PDF makes that many calls in
seconds.

`protect_none()` measures the leak with a harmless void call and, only if it is there (CPython
before 3.12), raises None's reference count by 2**40 once, which is what 3.12 does by design.
It is idempotent and cheap; call it after Qt is imported and before heavy Qt work.
"""

import ctypes
import sys

_BUMP = 1 << 40
_done = False


def none_leak_per_call(samples: int = 64) -> float:
    """References to None lost per void PySide6 call (0 on a sound build)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(samples):
        probe.setObjectName("probe")
    after = sys.getrefcount(None)
    return (before - after) / samples


def protect_none() -> bool:
    """Make None effectively immortal when this PySide6 build leaks it; True if it did."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if none_leak_per_call() < 0.5:
        _done = True
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += _BUMP
    _done = True
    return True
