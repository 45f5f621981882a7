"""Issue 10: importing several files in the window keeps everyone read and names each file
that failed, whatever the failure."""

import codecs
import json
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.group import reading
from app.group.templates import TEMPLATE_HEADERS
from tests.app.group.conftest import run_group
from tests.app.group.people import SEED, row_of, write_csv
from ui.group.window import GroupWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def boom(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any row named Boom fails in a way no reader foresaw."""
    real = reading._member

    def member(source: str, row: int, *args: Any) -> Any:
        made = real(source, row, *args)
        if made.name == "Boom":
            raise RuntimeError("unforeseen")
        return made

    monkeypatch.setattr(reading, "_member", member)


def _files(tmp_path: Path) -> list[Path]:
    first = write_csv(tmp_path / "a.csv", [row_of(SEED, "A1"), row_of(SEED, "A2")])
    utf16 = tmp_path / "b.csv"
    text = ",".join(TEMPLATE_HEADERS) + "\r\n" + ",".join(row_of(SEED, "B1")) + "\r\n"
    utf16.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le") + b"\x41")
    broken = write_csv(tmp_path / "c.csv", [row_of(SEED, "C1"), row_of(SEED, "Boom"),
                                            row_of(SEED, "C3")])
    answers = tmp_path / "d.json"
    answers.write_text(json.dumps({"schema_version": 1, "answers": SEED,
                                   "person": {"name": "D1"}}), "utf-8")
    return [first, utf16, broken, answers]


@pytest.mark.usefixtures("boom")
def test_pipeline_keeps_everyone_read(tmp_path: Path) -> None:
    results, report = run_group(_files(tmp_path))
    assert [r.member.name for r in results] == ["A1", "A2", "B1", "C1", "D1"]
    assert len(report.problems) == 2
    assert "b.csv" in report.problems[0] and "not valid UTF-16" in report.problems[0]
    assert "c.csv" in report.problems[1] and "RuntimeError" in report.problems[1]


@pytest.mark.usefixtures("boom")
def test_window_keeps_everyone_read_and_names_the_files(qtbot: QtBot, tmp_path: Path) -> None:
    window = GroupWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.import_paths(_files(tmp_path))
    qtbot.waitUntil(lambda: not window.busy, timeout=30_000)
    assert sorted(r.member.name for r in window.results()) == ["A1", "A2", "B1", "C1", "D1"]
    texts = [window.messages.item(i).text() for i in range(window.messages.count())]
    problems = [t for t in texts if t.startswith("Problem: ")]
    assert len(problems) == 2
    assert any("b.csv" in t and "UTF-16" in t for t in problems)
    assert any("c.csv" in t for t in problems)


def test_window_never_writes_over_an_imported_file(qtbot: QtBot, tmp_path: Path) -> None:
    window = GroupWindow()
    qtbot.addWidget(window)
    window.show()
    folder = tmp_path / "people"
    folder.mkdir()
    answers = folder / "d.json"
    answers.write_text(json.dumps({"schema_version": 1, "answers": SEED,
                                   "person": {"name": "D1"}}), "utf-8")
    team = write_csv(tmp_path / "a.csv", [row_of(SEED, "A1")])
    assert window.import_paths([team, folder])
    qtbot.waitUntil(lambda: not window.busy, timeout=30_000)
    assert len(window.results()) == 2
    before = {path: path.read_bytes() for path in (team, answers)}
    assert not window.export_results(team)
    assert "same file" in window.last_error and "a.csv" in window.last_error
    assert not window.save_project(answers)
    assert "same file" in window.last_error
    assert not window.export_pdf(str(folder))
    assert "is a folder" in window.last_error
    assert {path: path.read_bytes() for path in (team, answers)} == before
    assert window.export_results(tmp_path / "results.csv")
    qtbot.waitUntil(lambda: not window.busy, timeout=30_000)
    assert (tmp_path / "results.csv").is_file()
