"""Organiser mode's speed against an older version: the command line end to end, and per row.

Run from the repository root, with the older version checked out in its own worktree:

    git worktree add ../vc-old acaec6a
    .venv/bin/python tests/benchmarks/compare_versions.py --old ../vc-old [--rows 30000]
        [--pairs 5] [--split-runs 3]
    git worktree remove ../vc-old

Each version writes its own random CSV of `--rows` people with its own generator (the
organiser-mode tests' random_rows: tests/app/group/people.py, tests/group/people.py in older
versions), since each version asks its own questions. Then each version's command line,
`screen FILE --csv OUT --quiet`, runs with `--jobs 1` and with the default jobs (one process per
core), old and new interleaved in pairs (old, new, old, new, ...), so that a busy machine slows
both alike; a first, untimed pair warms the file cache. Per mode the report gives each version's
median wall time and the median of the per-pair ratios new time / old time with their spread
(lowest and highest), and the same for CPU time (user + system of the command and its worker
processes), which another program on the machine disturbs less.

Then the per-row split, in-process: each version streams its own CSV through its reader,
screener, results rows (safe_row), CSV results writer (write_cells: rendering and writing the
rows) and duplicate index in batches of 500 rows, timing each part
(microseconds per row, the median of `--split-runs` runs, the versions interleaved). A version
whose Screener has screen_many screens a batch at once, else person by person; a version whose
pipeline tunes the garbage collector while streaming (app.group.pipeline.streaming_gc) is
measured with it, as its command line runs.

Every version runs as a child process with PYTHONPATH and the working directory set to its
worktree, on the Python running this script (the same site-packages for both), with its bytecode
cached as an installed app's is (PYTHONPYCACHEPREFIX under tests/benchmarks/last-results).
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ROWS = 30_000
MIN_PAIRS = 5
SPLIT_BATCH = 500
PARTS = ("read", "screen", "rows", "write", "duplicates")

# Run inside each version: write its random CSV with its own generator.
GENERATE = """
import sys
from pathlib import Path
try:
    from tests.app.group.people import write_random_csv
except ImportError:  # older versions kept the organiser-mode tests in tests/group
    from tests.group.people import write_random_csv
write_random_csv(Path(sys.argv[1]), int(sys.argv[2]))
"""

# Run inside each version: the per-row split, printed as "part microseconds" lines.
SPLIT = """
import sys, time
from contextlib import nullcontext
from datetime import date
from itertools import islice
from pathlib import Path
from app.group import pipeline
from app.group.export import open_writer, safe_row
from app.group.members import DuplicateIndex
from app.group.reading import open_source

path, batch_rows, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
as_of = date(2026, 11, 28)
text = as_of.isoformat()
screener = pipeline.make_screener({}, as_of)
index = DuplicateIndex()
index.reserve(2 * path.stat().st_size // 200)  # as the pipeline does
clock = time.perf_counter
totals = dict.fromkeys(("read", "screen", "rows", "write", "duplicates"), 0.0)
writer = open_writer(out, text)
people = 0
many = getattr(screener, "screen_many", None)
tuned = getattr(pipeline, "streaming_gc", nullcontext)
with tuned():
    members = iter(open_source(path).members())
    while True:
        start = clock()
        batch = list(islice(members, batch_rows))
        read = clock()
        if not batch:
            break
        results = many(batch) if many is not None else [screener.screen(m) for m in batch]
        screened = clock()
        cells = [safe_row(result, text) for result in results]
        rows = clock()
        for row in cells:
            writer.write_cells(row)
        written = clock()
        for member in batch:
            index.check(member)
        checked = clock()
        totals["read"] += read - start
        totals["screen"] += screened - read
        totals["rows"] += rows - screened
        totals["write"] += written - rows
        totals["duplicates"] += checked - written
        people += len(batch)
writer.close()
for part, seconds in totals.items():
    print(part, seconds / people * 1e6)
"""


PYCACHE = Path(__file__).resolve().parent / "last-results" / "pycache"


@dataclass
class Version:
    """A worktree to run, and what was measured of it."""

    name: str
    root: Path
    csv: Path = Path()
    wall: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    split: dict[str, list[float]] = field(default_factory=dict)

    def run(self, args: list[str], capture: bool = False) -> subprocess.CompletedProcess[str]:
        """`python ARGS` in this version's worktree, with its packages first on the path."""
        environment = {**os.environ, "PYTHONPATH": str(self.root),
                       "PYTHONPYCACHEPREFIX": str(PYCACHE)}
        # Both versions start with their bytecode cached, as installed apps do: a sandbox's
        # PYTHONDONTWRITEBYTECODE would compile every module at every start (more modules, more
        # time; decision 84). The untimed first pair fills the cache.
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        return subprocess.run([sys.executable, *args], cwd=self.root, env=environment,
                              capture_output=capture, text=True, check=False)


def child_cpu() -> float:
    """User + system seconds of the finished child processes so far (workers included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def screen_once(version: Version, mode: str, jobs: list[str], out: Path) -> None:
    """One timed run of the version's command line; records wall and CPU seconds."""
    cpu, start = child_cpu(), time.perf_counter()
    done = version.run(["-m", "app.cli", "screen", str(version.csv), "--csv", str(out),
                        "--quiet", *jobs], capture=True)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: people failed --fail-on, not the command
        raise SystemExit(f"{version.name} failed ({done.returncode}): {done.stderr[-2000:]}")
    version.wall.setdefault(mode, []).append(wall)
    version.cpu.setdefault(mode, []).append(child_cpu() - cpu)


def time_commands(old: Version, new: Version, pairs: int, scratch: Path) -> None:
    """Both command-line modes, old and new interleaved in `pairs` pairs after a warm-up."""
    for mode, jobs in (("--jobs 1", ["--jobs", "1"]), ("default jobs", [])):
        for version in (old, new):  # warm-up: file cache, bytecode
            screen_once(version, "warm-up", jobs, scratch / f"{version.name}.csv")
        for _ in range(pairs):
            for version in (old, new):
                screen_once(version, mode, jobs, scratch / f"{version.name}.csv")


def time_split(old: Version, new: Version, runs: int, scratch: Path) -> None:
    """The in-process per-row split, versions interleaved."""
    for _ in range(runs):
        for version in (old, new):
            out = scratch / f"{version.name}-split.csv"
            done = version.run(["-c", SPLIT, str(version.csv), str(SPLIT_BATCH), str(out)],
                               capture=True)
            if done.returncode:
                print(f"{version.name}: per-row split failed: {done.stderr[-1000:]}")
                return
            for line in done.stdout.split("\n"):
                if line:
                    part, micros = line.split()
                    version.split.setdefault(part, []).append(float(micros))


def ratios(old: list[float], new: list[float]) -> str:
    """'median (lowest-highest)' of the per-pair ratios new / old."""
    pairs = [n / o for o, n in zip(old, new, strict=True)]
    return f"{statistics.median(pairs):.3f} ({min(pairs):.3f}-{max(pairs):.3f})"


def report(old: Version, new: Version, rows: int) -> None:
    """Print the command-line table and the per-row split."""
    print(f"\nCommand line, {rows:,} rows ({len(old.wall['--jobs 1'])} pairs; ratio = new / old,"
          " median of pairs (lowest-highest)):")
    print(f"{'mode':14} {'old s':>7} {'new s':>7}  {'wall ratio':24} {'cpu ratio':24}")
    for mode in ("--jobs 1", "default jobs"):
        print(f"{mode:14} {statistics.median(old.wall[mode]):7.3f} "
              f"{statistics.median(new.wall[mode]):7.3f}  "
              f"{ratios(old.wall[mode], new.wall[mode]):24} "
              f"{ratios(old.cpu[mode], new.cpu[mode]):24}")
    if not (old.split and new.split):
        return
    runs = len(old.split["read"])
    print(f"\nPer row, in-process (microseconds, median of {runs} runs; batches of "
          f"{SPLIT_BATCH}):")
    print(f"{'version':8} " + " ".join(f"{part:>10}" for part in (*PARTS, "total")))
    medians = {}
    for version in (old, new):
        values = [statistics.median(version.split[part]) for part in PARTS]
        medians[version.name] = [*values, sum(values)]
        print(f"{version.name:8} " + " ".join(f"{v:10.2f}" for v in medians[version.name]))
    print(f"{'new/old':8} " + " ".join(
        f"{n / o:10.3f}" for o, n in zip(medians['old'], medians['new'], strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True,
                        help="a worktree of the older version (git worktree add ../vc-old REV)")
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    parser.add_argument("--pairs", type=int, default=MIN_PAIRS,
                        help=f"timed pairs per mode (at least {MIN_PAIRS})")
    parser.add_argument("--split-runs", type=int, default=3,
                        help="runs of the per-row split per version (0: skip it)")
    args = parser.parse_args()
    if args.pairs < MIN_PAIRS:
        parser.error(f"--pairs must be at least {MIN_PAIRS}")
    old = Version("old", args.old.resolve())
    new = Version("new", ROOT)
    if not (old.root / "app" / "cli.py").is_file():
        parser.error(f"{args.old} is not a worktree of this project")
    with tempfile.TemporaryDirectory(prefix="compare-versions-") as folder:
        scratch = Path(folder)
        for version in (old, new):
            version.csv = scratch / f"{version.name}-people.csv"
            made = version.run(["-c", GENERATE, str(version.csv), str(args.rows)], capture=True)
            if made.returncode:
                raise SystemExit(f"{version.name}: cannot write its CSV: {made.stderr[-2000:]}")
            print(f"{version.name}: {version.root} ({version.csv.stat().st_size:,} bytes of CSV)")
        time_commands(old, new, args.pairs, scratch)
        if args.split_runs > 0:
            time_split(old, new, args.split_runs, scratch)
    report(old, new, args.rows)


if __name__ == "__main__":
    main()
