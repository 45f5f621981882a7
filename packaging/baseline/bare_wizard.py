"""Baseline for the bundle benchmark: a bare six-page QWizard, nothing else.

Frozen with packaging/baseline/bare_wizard.spec (trimmed exactly like the app) so that
tests/benchmarks/bench_bundle.py can compare the app's bundle size and cold start against
the smallest PySide6 wizard this machine can ship. `--quit-after-first-paint` prints
`first-paint <seconds since process start>` after the first page is painted, then exits 0.
"""

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


def _process_start() -> float:
    """Seconds on the perf_counter clock when this process started (best effort)."""
    try:
        with open("/proc/self/stat") as stat:
            ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as uptime:
            now = float(uptime.read().split()[0])
        started_ago = now - ticks / os.sysconf("SC_CLK_TCK")
        return time.perf_counter() - started_ago
    except (OSError, ValueError, IndexError):
        return time.perf_counter()


class _FirstPaint(QObject):
    def __init__(self, start: float) -> None:
        super().__init__()
        self.start = start
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print(f"first-paint {time.perf_counter() - self.start:.4f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    start = _process_start()
    app = QApplication(sys.argv)
    wizard = QWizard()
    wizard.setWindowTitle("Bare wizard")
    pages = []
    for number in range(1, 7):
        page = QWizardPage()
        pages.append(page)
        page.setTitle(f"Page {number}")
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(f"This is page {number} of a bare wizard."))
        wizard.addPage(page)
    if "--quit-after-first-paint" in sys.argv:
        probe = _FirstPaint(start)
        pages[0].installEventFilter(probe)
    wizard.resize(800, 560)
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
