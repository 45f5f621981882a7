"""Shared fixtures: offscreen Qt, and user settings/data redirected to a temporary folder."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses Qt widgets (the qtbot or qapp fixture, directly or through another
    fixture) is a `gui` test: `-m "not gui"` runs the rest without a Qt application."""
    for item in items:
        if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogues() -> None:
    """The .mo files (not committed) compiled from the .po files when missing or older, as
    ./dev does: a plain `pytest` sees the same translations."""
    from app.i18n import catalogue
    from app.i18n.catalogue_files import compile_tree

    if compile_tree(Path(__file__).resolve().parents[1] / "resources" / "locale"):
        catalogue.cache_clear()


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A test that switches language does not leave it switched for the next one."""
    from app.i18n import ENGLISH, set_language

    yield
    set_language(ENGLISH)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never touch the real user's settings, drafts or recent files."""
    home = tmp_path / "home"
    for name, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("VOLUNTEER_CHECK_HOME", str(home / "volunteer-check"))
    return home
