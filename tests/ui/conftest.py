"""GUI test fixtures: the real main window, offscreen, with its dialogs replaced by answers."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.driver import Driver
from ui.main_window import MainWindow


class Dialogs:
    """What the 'dialogs' answer: paths to open/save and whether to confirm."""

    def __init__(self) -> None:
        self.open_path: Path | None = None
        self.save_path: Path | None = None
        self.confirm_answer = True
        self.confirmations: list[str] = []
        self.save_captions: list[str] = []
        self.save_first_answer = "discard"  # "save", "discard" or "cancel"
        self.save_first_asked: list[str] = []


@pytest.fixture
def dialogs() -> Dialogs:
    return Dialogs()


def make_window(qtbot: QtBot, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch,
                ready: bool = True) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)

    def ask_open_path() -> Path | None:
        return dialogs.open_path

    def ask_save_path(caption: str, suggested: str, file_filter: str) -> Path | None:
        dialogs.save_captions.append(caption)
        return dialogs.save_path

    def confirm(title: str, text: str, yes: str) -> bool:
        dialogs.confirmations.append(title)
        return dialogs.confirm_answer

    monkeypatch.setattr(window, "ask_open_path", ask_open_path)
    monkeypatch.setattr(window, "ask_save_path", ask_save_path)
    def ask_save_first(doing: str) -> str:
        dialogs.save_first_asked.append(doing)
        return dialogs.save_first_answer

    monkeypatch.setattr(window, "confirm", confirm)
    monkeypatch.setattr(window, "ask_save_first", ask_save_first)
    window.resize(1000, 720)
    window.show()
    qtbot.waitExposed(window)
    if ready:
        window.finish_startup()
    return window


@pytest.fixture
def window(qtbot: QtBot, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[MainWindow]:
    yield make_window(qtbot, dialogs, monkeypatch)


@pytest.fixture
def driver(qtbot: QtBot, window: MainWindow) -> Driver:
    return Driver(qtbot, window)
