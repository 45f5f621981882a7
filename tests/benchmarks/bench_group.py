"""Organiser mode benchmarks, each against a baseline measured in the same run.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -o addopts="" -q -s \
         tests/benchmarks/bench_group.py

1. 100,000-row CSV to a results CSV through the command line (a subprocess), against a script
   that only parses the CSV, validates each row with a flat pydantic model and evaluates 30
   simple predicates (target: at least half its throughput); peak memory at 10,000 and 100,000
   rows (target: flat).
2. The group PDF of 1,000 people against the same summary table as bare HTML through
   QTextDocument/QPdfWriter (target: at most 1.5x).
3. The window importing and screening 10,000 rows: the longest event-loop stall seen by a 10 ms
   timer (target: none over 100 ms), against the same timer on an idle window.
"""

import json
import subprocess
import sys
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest

from tests.app.group.people import write_random_csv
from tests.benchmarks.conftest import median_seconds

ROOT = Path(__file__).resolve().parents[2]
ROWS = 100_000

BASELINE = '''
import csv, sys, time
from pydantic import BaseModel

class Row(BaseModel):
    name: str | None = None
    email: str | None = None
    reference: str | None = None
    A1: str | None = None
    B1: str | None = None
    B2: str | None = None
    B3: str | None = None
    B4: str | None = None
    B5: str | None = None
    B5_age: str | None = None
    B6: str | None = None
    B7: str | None = None
    B8: str | None = None
    C1: str | None = None
    C2: str | None = None
    C3: str | None = None
    D1: str | None = None
    D2: str | None = None
    D3: str | None = None
    D3b: str | None = None
    D4: str | None = None
    E1: str | None = None
    E2: str | None = None
    F: str | None = None
    G: str | None = None

UNKNOWN = ("A1", "B1", "B2", "B3", "B4", "B6", "B8", "C2", "D4", "E2")
FOREIGN = ("C1", "D1", "E1", "E2", "C3", "B6", "G", "F", "D2", "D4")
PRESENT = ("B5", "B7", "D3", "D3b", "C3", "D2", "F", "G", "E1", "C1")
PREDICATES = ([lambda d, k=k: d.get(k) == "unknown" for k in UNKNOWN]
              + [lambda d, k=k: "foreign" in (d.get(k) or "") for k in FOREIGN]
              + [lambda d, k=k: bool(d.get(k)) for k in PRESENT])
fired = rows = 0
with open(sys.argv[1], newline="", encoding="utf-8") as stream:
    for record in csv.DictReader(stream):
        data = Row.model_validate({k: v or None for k, v in record.items()}).model_dump()
        fired += sum(1 for predicate in PREDICATES if predicate(data))
        rows += 1
print(rows, fired)
'''

# Peak RSS of this process (VmHWM: ru_maxrss would include the parent's pages when the
# benchmark starts it with vfork) and of its worker processes (as the kernel reports them).
RSS = '''
import json, resource, sys
from app.cli import main
code = main(sys.argv[1:])
with open("/proc/self/status", encoding="ascii") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({"code": code, "self_kb": peak,
                  "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
'''


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_random_csv(tmp_path_factory.mktemp("group") / "people.csv", ROWS)


def test_cli_throughput(big_csv: Path, tmp_path: Path, bench_report: Callable[..., float]
                        ) -> None:
    script = tmp_path / "baseline.py"
    script.write_text(BASELINE)
    out = tmp_path / "results.csv"
    app = ["-m", "app.cli", "screen", str(big_csv), "--csv", str(out), "--quiet"]
    app_s = median_seconds(lambda: _run(app), repeat=3)
    base_s = median_seconds(lambda: _run([str(script), str(big_csv)]), repeat=3)
    serial_s = median_seconds(lambda: _run([*app, "--jobs", "1"]), repeat=1, warmup=0)
    with out.open(encoding="utf-8-sig") as stream:
        lines = sum(1 for _ in stream) - 1
    assert lines == ROWS
    ratio = bench_report("group_cli_throughput", ROWS / app_s, ROWS / base_s, "rows/s",
                         "app >= 0.5 x baseline", app_seconds=app_s, baseline_seconds=base_s,
                         serial_rows_per_s=ROWS / serial_s, rows=ROWS)
    print(f"     app {app_s:.2f} s ({ROWS / app_s:,.0f} rows/s; one process: "
          f"{ROWS / serial_s:,.0f} rows/s), baseline {base_s:.2f} s ({ROWS / base_s:,.0f} rows/s)")
    assert ratio >= 0.5


def test_cli_memory_is_flat(big_csv: Path, tmp_path: Path,
                            bench_report: Callable[..., float]) -> None:
    small = tmp_path / "small.csv"
    with big_csv.open(encoding="utf-8") as source, small.open("w", encoding="utf-8") as target:
        for index, line in enumerate(source):
            if index > 10_000:
                break
            target.write(line)
    script = tmp_path / "rss.py"
    script.write_text(RSS)
    peaks: dict[tuple[str, str], tuple[float, float]] = {}
    for name, path in (("10k", small), ("100k", big_csv)):
        for jobs in ("1", "2"):
            done = _run([str(script), "screen", str(path), "--csv", str(tmp_path / "r.csv"),
                         "--quiet", "--jobs", jobs])
            usage = json.loads(done.stdout.strip().splitlines()[-1])
            peaks[(name, jobs)] = (usage["self_kb"] / 1024, usage["children_kb"] / 1024)
    small_mib, big_mib = peaks[("10k", "1")][0], peaks[("100k", "1")][0]
    per_person = (big_mib - small_mib) * 1024 * 1024 / (ROWS - 10_000)
    ratio = bench_report("group_cli_memory", big_mib, small_mib, "MiB",
                         "flat: 100k rows <= 1.25 x 10k rows",
                         growth_bytes_per_person=per_person,
                         parallel_main_10k_mib=peaks[("10k", "2")][0],
                         parallel_main_100k_mib=peaks[("100k", "2")][0],
                         parallel_worker_100k_mib=peaks[("100k", "2")][1])
    print(f"     peak RSS, one process: 10k rows {small_mib:.0f} MiB, 100k rows {big_mib:.0f} MiB "
          f"({per_person:.0f} bytes per extra person); --jobs 2: parent "
          f"{peaks[('10k', '2')][0]:.0f} / {peaks[('100k', '2')][0]:.0f} MiB, largest worker "
          f"{peaks[('10k', '2')][1]:.0f} / {peaks[('100k', '2')][1]:.0f} MiB")
    assert ratio <= 1.25


def _bare_table_pdf(results: list, out: Path) -> None:
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    from app.pdf import esc

    rows = "".join(f"<tr><td>{esc(r.member.label)}</td><td>{r.colour_word}</td>"
                   f"<td>{esc(r.top_finding)}</td></tr>" for r in results)
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc = QTextDocument()
    doc.setHtml(f"<html><body><table>{rows}</table></body></html>")
    doc.print_(writer)


def test_group_pdf(qapp: object, tmp_path: Path, bench_report: Callable[..., float]) -> None:
    from app.fonts import register_fonts
    from app.group.group_pdf import write_group_pdf
    from app.group.pipeline import RunReport, make_screener, screen_inputs

    register_fonts()
    people = write_random_csv(tmp_path / "people.csv", 1000)
    results = list(screen_inputs([people], make_screener(), RunReport()))
    out, bare, full = tmp_path / "group.pdf", tmp_path / "bare.pdf", tmp_path / "full.pdf"
    app_s = median_seconds(lambda: write_group_pdf(results, out), repeat=5)
    base_s = median_seconds(lambda: _bare_table_pdf(results, bare), repeat=5)
    full_s = median_seconds(lambda: write_group_pdf(results, full, detail="full"), repeat=3)
    from pypdf import PdfReader

    pages = len(PdfReader(out).pages)
    ratio = bench_report("group_pdf_1000", app_s, base_s, "s", "app <= 1.5 x baseline",
                         pages=pages, bare_pages=len(PdfReader(bare).pages),
                         full_detail_s=full_s, full_detail_pages=len(PdfReader(full).pages))
    print(f"     group PDF {app_s:.2f} s, {pages} pages (every person in words: {full_s:.2f} s, "
          f"{len(PdfReader(full).pages)} pages); bare table {base_s:.2f} s")
    assert ratio <= 1.5


def _stalls(qtbot: object, app: object, until: Callable[[], bool], limit_s: float
            ) -> tuple[float, float]:
    """The longest gap between 10 ms timer ticks (ms) and the time taken, until `until()`."""
    from PySide6.QtCore import QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    start = time.perf_counter()
    timer.start()
    qtbot.waitUntil(until, timeout=int(limit_s * 1000))  # type: ignore[attr-defined]
    timer.stop()
    elapsed = time.perf_counter() - start
    gaps = [b - a for a, b in pairwise(ticks)] or [0.0]
    return max(gaps) * 1000, elapsed


def test_window_stays_responsive(qtbot: object, tmp_path: Path,
                                 bench_report: Callable[..., float]) -> None:
    from ui.group.window import GroupWindow

    people = write_random_csv(tmp_path / "people.csv", 10_000)
    window = GroupWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.resize(1280, 800)
    window.show()
    idle_end = time.perf_counter() + 2.0
    idle_ms, _ = _stalls(qtbot, None, lambda: time.perf_counter() > idle_end, 10)
    assert window.import_paths([people])
    import_ms, import_s = _stalls(qtbot, None, lambda: not window.busy, 120)
    messages = [window.messages.item(i).text() for i in range(window.messages.count())]
    assert window.model.rowCount() == 10_000, messages
    window.select_row(5)
    sort_start = time.perf_counter()
    window.table.sortByColumn(2, window.table.horizontalHeader().sortIndicatorOrder())
    window.filter_rule("R31")
    filter_ms = (time.perf_counter() - sort_start) * 1000
    bench_report("group_window_stall", import_ms, idle_ms, "ms", "longest stall < 100 ms",
                 import_seconds=import_s, rows=10_000, sort_and_filter_ms=filter_ms)
    print(f"     import of 10,000 rows took {import_s:.1f} s; longest stall {import_ms:.0f} ms "
          f"(idle window: {idle_ms:.0f} ms); sort + rule filter {filter_ms:.0f} ms")
    assert import_ms < 100
