"""Start-up of the desktop app against a bare six-page PySide6 QWizard, both from the venv.

Run (repository root): QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -o addopts="" -q -s \
         tests/benchmarks/bench_startup.py

Both programs are started the same way (`python -c ...`, offscreen) and print
`first-paint <seconds>` once their first page has been painted, measured from just before the
process was spawned (VOLUNTEER_CHECK_T0). Median of 5 alternating runs after one warm-up each.
Target: the app's first paint within 1.3x the bare wizard's. Both run with their modules'
bytecode cached, as an installed app and the frozen bundle do (`_environment`).
"""

import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = 1.3
RUNS = 5

APP = "import sys; from ui.main import main; sys.exit(main(['--quit-after-first-paint']))"

BARE_WIZARD = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

class FirstPaint(QObject):
    fired = False
    def eventFilter(self, watched, event):
        if not self.fired and event.type() == QEvent.Type.Paint:
            self.fired = True
            QTimer.singleShot(0, done)
        return False

def done():
    print(f"first-paint {time.time() - float(os.environ['VOLUNTEER_CHECK_T0']):.4f}", flush=True)
    app.exit(0)

app = QApplication(sys.argv[:1])
wizard = QWizard()
wizard.setWindowTitle("Bare wizard")
for number in range(1, 7):
    page = QWizardPage()
    page.setTitle(f"Page {number}")
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel(f"This is page {number} of a bare wizard."))
    wizard.addPage(page)
watcher = FirstPaint()
app.installEventFilter(watcher)
wizard.resize(1000, 720)
wizard.show()
sys.exit(app.exec())
"""


RESULTS = ROOT / "tests" / "benchmarks" / "last-results"


def _environment() -> dict[str, str]:
    """A start as a user has it, for the app and the bare wizard alike: the bytecode of every
    module cached (an installed app and the frozen bundle have it; a sandbox that sets
    PYTHONDONTWRITEBYTECODE would otherwise compile the app's modules at every start, which
    no user does), in a folder of its own; the warm-up run fills it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VOLUNTEER_CHECK_T0": repr(time.time())}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(RESULTS / "pycache")
    env["VOLUNTEER_CHECK_HOME"] = str(RESULTS / "home")
    return env


def first_paint(code: str) -> tuple[float, float]:
    """(printed first-paint seconds, peak RSS in MiB) of one fresh process."""
    env = _environment()
    with subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        out = process.stdout.read() if process.stdout else ""  # a few bytes: no pipe deadlock
        err = process.stderr.read() if process.stderr else ""
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, err
    match = re.search(r"first-paint ([0-9.]+)", out)
    assert match, f"no first-paint line in {out!r} {err!r}"
    return float(match.group(1)), usage.ru_maxrss / 1024


def test_first_paint_against_bare_wizard(bench_report: Callable[..., float]) -> None:
    first_paint(APP), first_paint(BARE_WIZARD)  # warm-up: page cache, font cache
    app_runs, bare_runs = [], []
    for _ in range(RUNS):
        app_runs.append(first_paint(APP))
        bare_runs.append(first_paint(BARE_WIZARD))
    app = statistics.median(run[0] for run in app_runs)
    bare = statistics.median(run[0] for run in bare_runs)
    ratio = bench_report(
        "startup_first_paint", app, bare, "s", f"<= {TARGET}x",
        app_runs=[run[0] for run in app_runs], bare_runs=[run[0] for run in bare_runs],
        app_peak_rss_mib=statistics.median(run[1] for run in app_runs),
        bare_peak_rss_mib=statistics.median(run[1] for run in bare_runs))
    assert ratio <= TARGET, f"first paint {app:.3f} s vs bare wizard {bare:.3f} s"


APP_READY = "import sys; from ui.main import main; sys.exit(main(['--quit-after-ready']))"
READY_TARGET = 2.0  # issue 11: ready for the first question within 2x the bare first paint
MEMORY_TARGET = 1.3  # and peak memory then within 1.3x the bare wizard's
PAIRS = 9


def _timed(code: str, pattern: str) -> tuple[float, float]:
    """(printed seconds, peak RSS MiB) of one fresh process printing `pattern <seconds>`."""
    env = _environment()
    with subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        out = process.stdout.read() if process.stdout else ""
        err = process.stderr.read() if process.stderr else ""
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, err
    match = re.search(rf"{pattern} ([0-9.]+)", out)
    assert match, f"no {pattern} line in {out!r} {err!r}"
    return float(match.group(1)), usage.ru_maxrss / 1024


def test_ready_to_answer_against_bare_wizard(bench_report: Callable[..., float]) -> None:
    """The moment the user feels: the first question can be answered (rules loaded, wizard
    built), against the bare wizard's first paint. A and B interleaved (A B A B ...); the
    median of the per-pair ratios is reported with their spread (min-max), as the machines
    are noisy."""
    _timed(APP_READY, "ready"), _timed(BARE_WIZARD, "first-paint")  # warm-up
    pairs = [(_timed(APP_READY, "ready"), _timed(BARE_WIZARD, "first-paint"))
             for _ in range(PAIRS)]
    time_ratios = sorted(app[0] / bare[0] for app, bare in pairs)
    memory_ratios = sorted(app[1] / bare[1] for app, bare in pairs)
    ratio = statistics.median(time_ratios)
    memory = statistics.median(memory_ratios)
    bench_report(
        "startup_ready_to_answer", statistics.median(a[0] for a, _ in pairs),
        statistics.median(b[0] for _, b in pairs), "s", f"<= {READY_TARGET}x (median of pairs)",
        pair_ratio_median=round(ratio, 3),
        pair_ratio_spread=[round(time_ratios[0], 3), round(time_ratios[-1], 3)],
        memory_ratio_median=round(memory, 3),
        memory_ratio_spread=[round(memory_ratios[0], 3), round(memory_ratios[-1], 3)],
        app_peak_rss_mib=statistics.median(a[1] for a, _ in pairs),
        bare_peak_rss_mib=statistics.median(b[1] for _, b in pairs))
    print(f"ready/first-paint per pair: median {ratio:.2f}x (spread {time_ratios[0]:.2f}-"
          f"{time_ratios[-1]:.2f}); memory {memory:.2f}x ({memory_ratios[0]:.2f}-"
          f"{memory_ratios[-1]:.2f})")
    assert ratio <= READY_TARGET, f"ready {ratio:.2f}x the bare wizard's first paint"
    assert memory <= MEMORY_TARGET, f"peak memory {memory:.2f}x the bare wizard's"
