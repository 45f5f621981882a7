"""Issue 10: full or unwritable disks and folders, killed runs, long names, fsync, settings."""

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app import answers_file
from app.answers_file import (
    AnswersDocument,
    AnswersFileError,
    read_answers_file,
    remove_stale_temps,
    write_answers_file,
)
from app.draft import delete_draft, draft_path, save_draft
from app.group.export import open_writer
from app.group.reading import open_source
from app.recent import add_recent, recent_files
from tests.app.group.conftest import run_group
from tests.app.group.people import SEED as GROUP_SEED
from tests.app.group.people import row_of, write_csv
from tests.scenarios import SEED


def _doc(name: str = "Ann") -> AnswersDocument:
    from rules import Person

    return AnswersDocument(answers=dict(SEED), person=Person(name=name))


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# ---- a full disk ----------------------------------------------------------------------------


def test_full_disk_while_writing_keeps_the_old_file(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.json"
    write_answers_file(target, _doc("Old"))
    before = target.read_bytes()

    def full(handle: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(answers_file.os, "fsync", full)
    with pytest.raises(AnswersFileError, match="No space left on device"):
        write_answers_file(target, _doc("New"))
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["a.json"]


def test_full_disk_for_results_is_an_error_naming_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = write_csv(tmp_path / "team.csv", [row_of(GROUP_SEED, "Ann")])
    results, _ = run_group([team])
    out = tmp_path / "r.csv"
    writer = open_writer(out, "2026-12-01")
    writer.write(results[0])

    def full(*args: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("app.group.export.os.replace", full)
    with pytest.raises(AnswersFileError, match=r"r\.csv.*No space left"):
        writer.close()
    monkeypatch.undo()
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_data_folder_that_cannot_be_created(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("VOLUNTEER_CHECK_HOME", str(blocker / "data"))
    with pytest.raises(AnswersFileError, match="data folder cannot be created"):
        save_draft({"A1": "federal_candidate"}, "A")
    answers = tmp_path / "a.json"
    write_answers_file(answers, _doc())
    assert add_recent(answers)[0] == answers  # not remembered, but no error
    assert recent_files() == []
    assert delete_draft() is False


def test_full_data_folder_for_the_draft(monkeypatch: pytest.MonkeyPatch) -> None:
    real = answers_file.os.fdopen

    def full(handle: int, *args: Any, **kwargs: Any) -> Any:
        stream = real(handle, *args, **kwargs)

        def write(data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        stream.write = write
        return stream

    monkeypatch.setattr(answers_file.os, "fdopen", full)
    with pytest.raises(AnswersFileError, match="No space left"):
        save_draft({"A1": "federal_candidate"}, "A")
    assert not draft_path().exists()


# ---- leftovers of killed runs, long names, fsync ----------------------------------------------


def test_leftover_temp_files_of_dead_runs_are_removed_at_the_next_save(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    dead = _dead_pid()
    stale = folder / f".a.json.vc{dead}.abcd_123.tmp"
    stale.write_text("partial")
    os.chmod(stale, 0o600)
    other_name = folder / f".team.csv.vc{dead}.zzzzzzzz.tmp"  # any target: same folder
    other_name.write_text("partial")
    mine = folder / f".b.json.vc{os.getpid()}.abcdefgh.tmp"  # a write in progress
    mine.write_text("partial")
    alive = folder / ".c.json.vc1.abcdefgh.tmp"  # pid 1 is alive
    alive.write_text("partial")
    unrelated = folder / ".notes.tmp"
    unrelated.write_text("keep")
    write_answers_file(folder / "a.json", _doc())
    names = sorted(p.name for p in folder.iterdir())
    assert stale.name not in names and other_name.name not in names
    assert {mine.name, alive.name, unrelated.name, "a.json"} == set(names)
    assert remove_stale_temps(folder) == 0


def test_temp_names_stay_within_255_bytes(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    names: list[str] = []
    real = answers_file.tempfile.mkstemp

    def record(*args: Any, **kwargs: Any) -> tuple[int, str]:
        handle, name = real(*args, **kwargs)
        names.append(os.path.basename(name))
        return handle, name

    monkeypatch.setattr(answers_file.tempfile, "mkstemp", record)
    for stem in ("é" * 125, "a" * 250, "名" * 83):
        target = tmp_path / f"{stem}.json"[-255:]
        assert len(os.fsencode(target.name)) <= 255
        write_answers_file(target, _doc())
        assert read_answers_file(target).person.name == "Ann"
    assert names and all(len(os.fsencode(n)) <= 255 for n in names)
    assert all(n.startswith(".") and n.endswith(".tmp") for n in names)


def test_fsync_of_file_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real = os.fsync

    def record(handle: int) -> None:
        info = os.fstat(handle)
        synced.append("folder" if stat.S_ISDIR(info.st_mode) else "file")
        real(handle)

    monkeypatch.setattr(os, "fsync", record)
    write_answers_file(tmp_path / "a.json", _doc())
    assert synced == ["file", "folder"]
    team = write_csv(tmp_path / "team.csv", [row_of(GROUP_SEED, "Ann")])
    results, _ = run_group([team])
    synced.clear()
    with open_writer(tmp_path / "r.xlsx", "2026-12-01") as writer:
        writer.write(results[0])
    assert synced == ["file", "folder"]  # the workbook's temp file, then the folder
    assert _mode(tmp_path / "r.xlsx") == 0o600


# ---- password-protected workbooks -----------------------------------------------------------


def _compound_file(path: Path, stream_name: str, directory_sector: int) -> Path:
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[30:32] = (9).to_bytes(2, "little")  # 512-byte sectors
    header[48:52] = directory_sector.to_bytes(4, "little")
    body = bytearray(512 * (directory_sector + 2))
    entry = bytearray(128)
    name = stream_name.encode("utf-16-le") + b"\0\0"
    entry[0:len(name)] = name
    entry[64:66] = len(name).to_bytes(2, "little")
    at = 512 * directory_sector
    body[at + 128:at + 256] = entry
    path.write_bytes(bytes(header) + bytes(body))
    return path


@pytest.mark.parametrize("sector", [0, 40])  # in the first 8 KB read, and beyond it
def test_password_protected_workbook_is_named_so(tmp_path: Path, sector: int) -> None:
    path = _compound_file(tmp_path / "team.xlsx", "EncryptedPackage", sector)
    with pytest.raises(AnswersFileError, match="password-protected") as caught:
        open_source(path)
    assert "97-2003" not in caught.value.problem


def test_old_excel_is_still_named_old_excel(tmp_path: Path) -> None:
    path = _compound_file(tmp_path / "team.xls", "Workbook", 40)
    with pytest.raises(AnswersFileError, match="Excel 97-2003"):
        open_source(path)


# ---- the window -------------------------------------------------------------------------------


@pytest.mark.gui
def test_qt_settings_file_is_owner_only(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from ui.common import protect_qt_settings

    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    name = Path(settings.fileName())
    assert str(name).startswith(str(tmp_path))  # the test's own home
    name.parent.mkdir(parents=True, exist_ok=True)
    name.write_text("[FileDialog]\n")
    os.chmod(name, 0o644)
    protect_qt_settings()
    assert _mode(name) == 0o600
    settings.setValue("FileDialog/lastVisited", "file:///home/someone/volunteers")
    settings.sync()  # Qt rewrites the file and keeps its permissions
    assert _mode(name) == 0o600
    assert "volunteers" in name.read_text()
    name.unlink()
    protect_qt_settings()
    assert name.exists() and _mode(name) == 0o600


@pytest.mark.gui
def test_window_saves_and_exports_when_the_data_folder_is_full(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.conftest import Dialogs, make_window
    from tests.ui.driver import SEED as UI_SEED
    from tests.ui.driver import Driver

    window = make_window(qtbot, Dialogs(), monkeypatch)
    driver = Driver(qtbot, window)
    driver.see_result(UI_SEED)
    assert draft_path().exists()  # autosaved on the way
    real = answers_file.write_bytes_atomically

    def data_folder_full(path: Any, data: bytes, mode: int = 0o600) -> None:
        if Path(path).parent == draft_path().parent:
            raise AnswersFileError(path, "could not be saved: No space left on device")
        real(path, data, mode)

    monkeypatch.setattr(answers_file, "write_bytes_atomically", data_folder_full)
    notices: list[str] = []
    show = window.notice.show_message
    monkeypatch.setattr(window.notice, "show_message",
                        lambda text, kind="info": (
                            notices.append(text if isinstance(text, str) else text()),
                            show(text, kind)))
    assert window.export_pdf_to(tmp_path / "result.pdf")
    assert (tmp_path / "result.pdf").read_bytes().startswith(b"%PDF")
    assert any("could not be saved automatically" in n for n in notices)
    assert "PDF report saved" in notices[-1]
    saved = tmp_path / "answers.json"
    assert window.save_to(saved)
    assert json.loads(saved.read_text("utf-8"))["answers"]
    monkeypatch.setattr(answers_file, "write_bytes_atomically", real)


@pytest.mark.gui
def test_draft_is_removed_once_the_answers_are_saved(qtbot: QtBot, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.conftest import Dialogs, make_window
    from tests.ui.driver import SEED as UI_SEED
    from tests.ui.driver import Driver

    window = make_window(qtbot, Dialogs(), monkeypatch)
    Driver(qtbot, window).see_result(UI_SEED)
    assert draft_path().exists()
    assert window.save_to(tmp_path / "mine.json")
    assert not draft_path().exists()
    assert read_answers_file(tmp_path / "mine.json").answers
