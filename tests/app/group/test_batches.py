"""Batch screening (Screener.screen_many and the pipelines built on it) gives exactly the
per-person results: valid, invalid and unreadable people, group defaults, every path."""

import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.group import parallel
from app.group.columns import read_header
from app.group.export import safe_row
from app.group.members import DuplicateIndex, Member, MemberResult, Screener
from app.group.pipeline import (
    BATCH_ROWS,
    RunReport,
    batches,
    make_screener,
    screen_inputs,
    screen_members,
)
from app.group.reading import header_cells, open_source
from tests.app.group.conftest import AS_OF
from tests.app.group.people import PARTY_PAID, SEED, US_LOCAL, random_rows, row_of, write_csv
from tests.rules.strategies import random_answers

# Cells that make a row invalid (a code no question has, an amount read two ways, a value in a
# column without a header) or incomplete (a required answer left blank).
DAMAGE: tuple[tuple[str, Any], ...] = (
    ("B1", "perhaps"), ("D3", "1.200"), ("F", "canvass_phone_text;nonsense"), ("A1", ""),
    ("D1", "self;unknown"), ("B5_age", "old"),
)
DEFAULTS: dict[str, Any] = {"A1": "federal_candidate", "D1": ["self"], "D3": 700,
                            "E1": ["self_paid"]}


def mixed_rows(count: int, seed: int = 3) -> list[list[str]]:
    """Spreadsheet rows of every kind: generated people, the fixed scenarios, damaged rows,
    rows with an extra cell, and people who answered only some questions."""
    rng = random.Random(seed)
    rows: list[list[str]] = []
    fixed = (SEED, PARTY_PAID, US_LOCAL)
    generated = random_rows(count, seed)
    for index, row in enumerate(generated):
        kind = index % 7
        if kind == 1:
            row = row_of(fixed[rng.randrange(3)], f"P{index}", f"p{index}@x.org")
        elif kind == 2:
            answers = random_answers(rng)
            qid, bad = DAMAGE[rng.randrange(len(DAMAGE))]
            row = row_of({**answers, qid: bad} if bad else
                         {k: v for k, v in answers.items() if k != qid}, f"P{index}")
        elif kind == 3:
            row = [*row, "stray"]
        elif kind == 4:
            row = row_of({k: v for k, v in SEED.items() if k not in ("A1", "D1", "D3", "E1")},
                         f"P{index}", reference=f"R{index}")
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> list[Member]:
    path = write_csv(tmp_path_factory.mktemp("batches") / "mixed.csv", mixed_rows(1400))
    return list(open_source(path).members())


def one_by_one(screener: Screener, members: list[Member]) -> list[MemberResult]:
    return [screener.screen(member) for member in members]


def in_batches(screener: Screener, members: list[Member], size: int) -> list[MemberResult]:
    return [result for batch in batches(members, size) for result in screener.screen_many(batch)]


@pytest.mark.parametrize("defaults", [{}, DEFAULTS], ids=["no defaults", "defaults"])
@pytest.mark.parametrize("size", [1, 7, BATCH_ROWS, 5000])
def test_screen_many_is_screen_for_each(people: list[Member], defaults: dict[str, Any],
                                        size: int) -> None:
    screener = make_screener(defaults, AS_OF)
    expected = one_by_one(screener, people)
    assert {result.valid for result in expected} == {True, False}  # both kinds are compared
    assert any(result.member.read_issues for result in expected)
    assert in_batches(make_screener(defaults, AS_OF), people, size) == expected


def test_screen_many_of_nobody() -> None:
    assert make_screener(None, AS_OF).screen_many([]) == []


def test_edited_people_batch_as_one(people: list[Member]) -> None:
    edited = [replace(member, read_issues=(), original=dict(member.answers))
              for member in people[:50]]
    screener = make_screener(DEFAULTS, AS_OF)
    assert screener.screen_many(edited) == one_by_one(screener, edited)


def expected_stream(members: list[Member], defaults: dict[str, Any]) -> list[MemberResult]:
    """What the streaming pipeline gave before batches: each person screened, then checked
    for duplicates, in order."""
    screener = make_screener(defaults, AS_OF)
    index = DuplicateIndex()
    results = one_by_one(screener, members)
    for member, result in zip(members, results, strict=True):
        result.duplicate_of = index.check(member)
    return results


@pytest.mark.parametrize("defaults", [{}, DEFAULTS], ids=["no defaults", "defaults"])
def test_pipeline_results_are_the_per_person_ones(tmp_path: Path, defaults: dict[str, Any]
                                                  ) -> None:
    rows = mixed_rows(2 * BATCH_ROWS + 33)
    rows += rows[:40]  # duplicates of people in the first batch
    path = write_csv(tmp_path / "mixed.csv", rows)
    report = RunReport()
    results = list(screen_inputs([path], make_screener(defaults, AS_OF), report))
    members = list(open_source(path).members())
    assert results == expected_stream(members, defaults)
    assert report.counts.duplicates == sum(bool(r.duplicate_of) for r in results) >= 40
    assert report.counts.total == len(rows)


def test_rescreen_results_are_the_per_person_ones(people: list[Member]) -> None:
    report = RunReport()
    seen: list[tuple[int, int]] = []
    results = list(screen_members(people, make_screener(DEFAULTS, AS_OF), report,
                                  DuplicateIndex(), on_progress=lambda *p: seen.append(p),
                                  progress_every=0))
    assert results == expected_stream(people, DEFAULTS)
    assert seen[-1] == (len(people), len(people)) and len(seen) == len(people)
    assert report.counts.total == len(people)


def test_rescreen_cancels_between_batches(people: list[Member]) -> None:
    report = RunReport()
    results = screen_members(people, make_screener(None, AS_OF), report, DuplicateIndex(),
                             cancelled=lambda: report.counts.total > 0)
    assert len(list(results)) == BATCH_ROWS and report.cancelled


def test_a_failure_mid_file_keeps_the_rows_of_its_batch(tmp_path: Path) -> None:
    path = tmp_path / "damaged.csv"
    write_csv(path, [row_of(SEED, f"P{i}") for i in range(BATCH_ROWS + 30)])
    with path.open("ab") as stream:
        stream.write(b"Late,\x00,\n")
    report = RunReport()
    results = list(screen_inputs([path], make_screener(None, AS_OF), report))
    assert len(results) == BATCH_ROWS + 30 and "NUL" in report.problems[0]


def test_worker_blocks_are_the_per_person_results(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "mixed.csv", mixed_rows(BATCH_ROWS + 100))
    data = path.read_bytes()
    body = data.index(b"\n") + 1
    header = read_header(header_cells(path, data[:body].decode(), ","))
    monkeypatch.setattr(parallel, "_state", {})
    monkeypatch.setattr(parallel, "tune_gc", lambda: None)  # not in the test process
    parallel._init_worker(DEFAULTS, AS_OF, path.name, header, ",")
    block = parallel.screen_block(parallel.Block(data[body:] + b"Bad,\x00,\nLate,x\n", 2))
    members = list(open_source(path).members())
    expected = [safe_row(result, AS_OF.isoformat())
                for result in one_by_one(make_screener(DEFAULTS, AS_OF), members)]
    assert [cells for cells, _, _ in block.rows] == expected
    assert [row for _, _, row in block.rows] == [member.row for member in members]
    assert "NUL" in block.error  # it ends the block after the rows before it
