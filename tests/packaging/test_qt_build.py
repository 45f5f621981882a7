"""The installed PySide6 build must not leak references to None (PySide6 6.12.0 on Python 3.11 did).

Each leaked reference brings CPython closer to "Fatal Python error: deallocating None"; a group
window or a long wizard session makes thousands of void calls. pyproject.toml pins a sound build.
"""

import sys

import pytest
from PySide6.QtCore import QObject


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_do_not_leak_none() -> None:
    probe = QObject()
    probe.setObjectName("warm-up")
    before = sys.getrefcount(None)
    for _ in range(2000):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"PySide6 lost {lost} references to None in 2000 void calls"
