"""Instructions per row of batch screening (validate_answers + screen), counted by callgrind.

Instruction counts do not depend on what else the machine is doing, so two versions of the
code can be compared on a loaded machine (docs/performance.md). Run from the repository root:

    .venv/bin/python tests/benchmarks/callgrind_rows.py [--rows 5000] [--kind typical uniform]
        [--part all|screen|validate] [--gc-threshold 50000]

For each kind of rows it starts itself under `valgrind --tool=callgrind` (apt-get install
valgrind), makes the rows, then screens them with a cold memo, as bench_rules.py does. Start-up
and making the rows run uninstrumented (fast); then the script turns instrumentation on
(callgrind_control -i on) and marker calls (os.getppid) around the loop make callgrind dump its
counts there, so only the loop is counted. Another version of the code is measured with
PYTHONPATH set to its worktree (the script imports `rules` and `tests` from there, with the same
site-packages).

Rows: "uniform" draws every answer code alike (tests.rules.strategies.random_answers, the least
repetitive data); "typical" gives the common answer half of the time
(tests.rules.strategies.typical_answers) and keeps only valid rows. Both are seeded, so every
run screens the same rows.
"""

import argparse
import gc
import os
import random
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

AS_OF = date(2026, 11, 28)
KINDS = ("typical", "uniform")
# What is counted: validation and screening, screening alone, or validation alone.
PARTS = ("all", "screen", "validate")
BATCH = 500  # rows per batch, as organiser mode screens them (app.group.pipeline.BATCH_ROWS)
# `tests` (and `rules`, if not installed) from this worktree, unless PYTHONPATH names another.
sys.path.append(str(Path(__file__).resolve().parents[2]))


def typical(rng: random.Random) -> dict[str, Any]:
    """tests.rules.strategies.typical_answers (repeated here: older versions lack it)."""
    from tests.rules.strategies import SAFE, random_answers
    answers = random_answers(rng)
    for qid in ("A1", "B6", "C1", "E1", "E2", "F", "G", "D4"):
        if qid in answers and rng.random() < 0.5:
            answers[qid] = SAFE[qid]
    if rng.random() < 0.5:
        answers["C2"] = SAFE["C2"]
        answers.pop("C3", None)
    return answers


def make_rows(kind: str, count: int) -> list[dict[str, Any]]:
    """`count` seeded rows of one kind (typical rows: only the valid ones)."""
    from rules import validate_answers
    from tests.rules.strategies import random_answers
    rng = random.Random(7)
    if kind == "uniform":
        return [random_answers(rng) for _ in range(count)]
    rows = [typical(rng) for _ in range(count)]
    return [row for row in rows if validate_answers(row, AS_OF).ok]


def clear_memo() -> None:
    """Forget remembered outcomes (rules.fast.memo; rules.memo in older versions)."""
    try:
        from rules.fast import memo
    except ImportError:
        from rules import memo  # type: ignore[attr-defined,no-redef]
    memo.clear()


def inner(kind: str, count: int, batch: int, part: str, gc_threshold: int) -> None:
    """The measured run (under callgrind): screen the rows between two markers, in batches as
    organiser mode does (rules.validate_many, rules.screen_many) when this version has them and
    `batch` is not 0, else row by row. With `part` "screen", the rows are validated before the
    first marker and only screening is counted; with "validate", only validation is run. A
    `gc_threshold` tunes the garbage collector as organiser mode does (pipeline.streaming_gc)."""
    import rules
    rows = make_rows(kind, count)
    if gc_threshold:
        gc.freeze()
        gc.set_threshold(gc_threshold, *gc.get_threshold()[1:])
    print(len(rows), file=sys.stderr)
    batched = batch > 0 and hasattr(rules, "screen_many")
    if part == "screen":
        checked = [rules.validate_answers(raw, AS_OF).answers for raw in rows]
        valid = [answers for answers in checked if answers is not None]
        clear_memo()
        start_counting()
        screen_only(valid, batch if batched else 0)
        os.getppid()  # marker: the second dump holds the loop alone
        return
    clear_memo()
    start_counting()
    screening = part == "all"
    if batched:
        for start in range(0, len(rows), batch):
            checked = rules.validate_many(rows[start:start + batch], AS_OF)
            if screening:
                rules.screen_many([each.answers for each in checked
                                   if each.answers is not None], AS_OF)
    else:
        for raw in rows:
            one = rules.validate_answers(raw, AS_OF)
            assert one.answers is not None
            if screening:
                rules.screen(one.answers, AS_OF)
    os.getppid()  # marker: the second dump holds the loop alone


def start_counting() -> None:
    """Turn callgrind's instrumentation on, then mark the start of the counted loop."""
    subprocess.run(["callgrind_control", "--instr=on", str(os.getpid())], check=True,
                   capture_output=True)
    os.getppid()  # marker: callgrind dumps (and zeroes) its counts here


def screen_only(valid: list[Any], batch: int) -> None:
    """Screen already validated answers: in batches of `batch` rows, or row by row (0)."""
    import rules
    if batch:
        for start in range(0, len(valid), batch):
            rules.screen_many(valid[start:start + batch], AS_OF)
    else:
        for answers in valid:
            rules.screen(answers, AS_OF)


def measure(kind: str, count: int, batch: int, part: str, gc_threshold: int
            ) -> tuple[int, float]:
    """Run `inner` under callgrind: (rows screened, instructions per row)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "callgrind.out"
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no",
             f"--callgrind-out-file={out}",
             "--dump-before=getppid", sys.executable, __file__, "--inner", kind,
             "--rows", str(count), "--batch", str(batch), "--part", part,
             "--gc-threshold", str(gc_threshold)],
            capture_output=True, text=True, check=True)
        rows = int(next(line for line in done.stderr.splitlines() if line.isdigit()))
        loop = Path(f"{out}.2")  # dump 1: start-up and making rows; dump 2: the loop
        totals = re.search(r"^(?:summary|totals): (\d+)", loop.read_text(), re.MULTILINE)
        assert totals is not None, "no totals in the callgrind output"
        return rows, int(totals.group(1)) / rows


def main() -> None:
    """Print instructions per row for each kind asked for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--kind", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--batch", type=int, default=BATCH,
                        help="rows per batch (0: row by row, as versions before batches did)")
    parser.add_argument("--part", choices=PARTS, default="all",
                        help="all: validate and screen; screen: count screening alone; "
                        "validate: count validation alone")
    parser.add_argument("--gc-threshold", type=int, default=0,
                        help="freeze the heap and collect generation 0 after this many new "
                        "objects, as organiser mode does (50000); 0: Python's defaults")
    parser.add_argument("--inner", choices=KINDS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        inner(args.inner, args.rows, args.batch, args.part, args.gc_threshold)
        return
    for kind in args.kind:
        rows, per_row = measure(kind, args.rows, args.batch, args.part, args.gc_threshold)
        print(f"{kind:8} {rows:6} rows  {per_row:10,.0f} instructions/row")


if __name__ == "__main__":
    main()
