"""File commands (ui.file_commands, issue 9 and 11): "Save first?" before New check, Open and
Quit with unsaved answers; file dialogs start in the last folder; a saved file always gets its
extension; banners go once their moment has passed."""

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.draft import draft_path
from tests.ui.conftest import Dialogs
from tests.ui.driver import SEED, Driver
from ui.file_commands import FileCommands, last_folder, remember_folder, with_extension
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def started(driver: Driver) -> None:
    driver.start()
    driver.fill_page(SEED)
    driver.next()


def answers_file(path: Path) -> Path:
    path.write_text(json.dumps({"schema_version": 2, "answers": SEED}), "utf-8")
    return path


def test_the_window_hands_its_file_commands_to_their_module(window: MainWindow) -> None:
    assert isinstance(window.files, FileCommands)
    assert window.files.window is window


@pytest.mark.parametrize(("answer", "cleared"), [("discard", True), ("cancel", False)])
def test_new_check_with_unsaved_answers_asks_save_first(
        driver: Driver, window: MainWindow, dialogs: Dialogs, answer: str,
        cleared: bool) -> None:
    started(driver)
    dialogs.save_first_answer = answer
    window.new_check()
    assert dialogs.save_first_asked == ["start a new check"]
    assert (driver.wizard.answers() == {}) is cleared


def test_save_first_then_new_check(driver: Driver, window: MainWindow, dialogs: Dialogs,
                                   tmp_path: Path) -> None:
    started(driver)
    dialogs.save_first_answer = "save"
    dialogs.save_path = tmp_path / "mine"  # typed without its extension
    window.new_check()
    saved = tmp_path / "mine.json"
    assert json.loads(saved.read_text("utf-8"))["answers"]["A1"] == "federal_candidate"
    assert driver.wizard.answers() == {}
    dialogs.save_first_asked.clear()
    window.new_check()  # nothing unsaved now: no question
    assert dialogs.save_first_asked == []


def test_a_cancelled_save_keeps_the_answers(driver: Driver, window: MainWindow,
                                            dialogs: Dialogs) -> None:
    started(driver)
    dialogs.save_first_answer = "save"
    dialogs.save_path = None  # the save dialog was cancelled
    window.new_check()
    assert driver.wizard.answers()


def test_open_with_unsaved_answers_asks_save_first(driver: Driver, window: MainWindow,
                                                   dialogs: Dialogs, tmp_path: Path) -> None:
    started(driver)
    path = answers_file(tmp_path / "other.json")
    dialogs.save_first_answer = "cancel"
    assert not window.open_file(path)
    assert dialogs.save_first_asked == ["open another file"]
    dialogs.save_first_answer = "discard"
    assert window.open_file(path)
    assert window.current_file == path


@pytest.mark.parametrize(("answer", "closes"), [("cancel", False), ("discard", True)])
def test_quit_with_unsaved_answers_asks_save_first(qtbot: QtBot, driver: Driver,
                                                   window: MainWindow, dialogs: Dialogs,
                                                   answer: str, closes: bool) -> None:
    started(driver)
    dialogs.save_first_answer = answer
    assert window.close() is closes
    assert dialogs.save_first_asked == ["quit"]
    assert window.isVisible() is not closes
    assert draft_path().exists() is not closes  # "Don't save" forgets the draft too


def test_quit_after_saving_asks_nothing(driver: Driver, window: MainWindow, dialogs: Dialogs,
                                        tmp_path: Path) -> None:
    started(driver)
    assert window.save_to(tmp_path / "saved.json")
    assert window.close()
    assert dialogs.save_first_asked == []


def test_extensions_are_always_added() -> None:
    assert with_extension(Path("a/mine"), ".json") == Path("a/mine.json")
    assert with_extension(Path("a/mine.v2"), ".json") == Path("a/mine.v2.json")
    assert with_extension(Path("a/MINE.JSON"), ".json") == Path("a/MINE.JSON")
    assert with_extension(Path("report"), ".pdf") == Path("report.pdf")


def test_pdf_export_gets_its_extension(driver: Driver, window: MainWindow, dialogs: Dialogs,
                                       tmp_path: Path) -> None:
    driver.fill_all(SEED)
    dialogs.save_path = tmp_path / "handout"
    assert window.export_pdf()
    assert (tmp_path / "handout.pdf").read_bytes().startswith(b"%PDF")


def test_file_dialogs_remember_the_last_folder(window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.common

    # Qt fixes its own settings path at first use: leave that to the test that checks it
    monkeypatch.setattr(ui.common, "protect_qt_settings", lambda: None)
    folder = tmp_path / "papers"
    folder.mkdir()
    starts: list[str] = []

    def open_name(_parent: object, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        starts.append(start)
        return str(folder / "a.json"), ""

    def save_name(_parent: object, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        starts.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_name)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    assert MainWindow.ask_open_path(window) == folder / "a.json"
    assert last_folder() == str(folder)
    MainWindow.ask_save_path(window, "Save answers", "x.json", "")
    assert starts[-1] == str(folder / "x.json")
    remember_folder(tmp_path / "gone" / "f.json")  # a folder that no longer exists
    assert last_folder() != str(tmp_path / "gone")


def test_banners_clear_when_their_moment_has_passed(driver: Driver, window: MainWindow,
                                                    tmp_path: Path) -> None:
    path = answers_file(tmp_path / "seed.json")
    assert window.open_file(path)
    assert window.notice.message().startswith("Opened seed.json")
    driver.wizard.go_to("review")
    assert window.notice.message() == ""
    window.notice.show_message("Could not save", "error")
    driver.wizard.go_to("A")
    assert window.notice.message().startswith("Problem: ")  # a problem stays until dismissed
