"""Start-up: nothing heavy before the first paint; the flags the packaging smoke test uses."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Dialogs, make_window
from ui.main import Options

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
import ui.main as entry
seen = {}
original = entry.MainWindow.finish_startup
def at_first_paint():
    seen["modules"] = sorted(m for m in sys.modules
                             if m.split(".")[0] in ("pydantic", "rules", "openpyxl"))
    seen["app"] = sorted(m for m in sys.modules if m.startswith(("app.", "ui.")))
entry.print = lambda *a, **k: (at_first_paint(), __builtins__.print(*a, **k))
code = entry.main(["--quit-after-first-paint"])
__builtins__.print("MODULES " + __import__("json").dumps(seen))
sys.exit(code)
"""


def run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VOLUNTEER_CHECK_HOME": str(home)}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_first_paint_loads_no_rules_and_no_pydantic(tmp_path: Path) -> None:
    done = run(["-c", PROBE], tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("first-paint ")
    assert 0 < float(lines[0].split()[1]) < 30
    seen = json.loads(lines[-1].removeprefix("MODULES "))
    assert seen["modules"] == []
    # The language (issue 12) is known before the first paint: app.i18n, the remembered
    # choice (ui.language reads the app's settings file, ui.settings); English loads no
    # gettext catalogue.
    assert set(seen["app"]) <= {"app.about", "app.group", "ui.main",
                                "ui.main_window", "ui.welcome", "app.i18n", "app.paths",
                                "ui.language", "ui.settings"}


def test_quit_after_ready_loads_everything(tmp_path: Path) -> None:
    done = run(["-c", "import sys; from ui.main import main; "
                "sys.exit(main(['--quit-after-ready']))"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ready ")


def test_console_entry_point_help(tmp_path: Path) -> None:
    done = run(["-c", "import sys; from ui.main import main; sys.exit(main(['--help']))"],
               tmp_path)
    assert done.returncode == 0 and "--quit-after-first-paint" in done.stdout


def test_options() -> None:
    options = Options(["answers.json", "--quit-after-ready", "-platform", "offscreen"])
    assert options.file == "answers.json" and options.quit_after_ready
    assert options.qt_args == ["-platform", "offscreen"]
    assert not Options([]).quit_after_first_paint


@pytest.mark.gui
def test_window_before_and_after_the_rules_load(qtbot: QtBot, dialogs: Dialogs,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, dialogs, monkeypatch, ready=False)
    assert window.wizard is None and not window.is_ready()
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Language", "&Help"]
    window.welcome.check_button.click()  # works even before the deferred start-up ran
    assert window.is_ready() and window.wizard is not None
    assert window.screens.currentWidget() is window.wizard
    texts = [a.text() for a in window.file_menu.actions()]
    assert "&Export PDF…" in texts and "&Delete my answers…" in texts
    export = next(a for a in window.file_menu.actions() if a.objectName() == "exportAction")
    assert export.shortcut().toString() == "Ctrl+E"
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert not window.save_as_action.shortcut().isEmpty()
    assert not window.quit_action.shortcut().isEmpty()


@pytest.mark.gui
def test_group_screening_button(qtbot: QtBot, dialogs: Dialogs,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec

    def no_group(name: str, *args: object) -> object:
        return None if name == "ui.group.window" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", no_group)
    window = make_window(qtbot, dialogs, monkeypatch)
    assert not window.welcome.group_button.isEnabled()
    assert "not part of this version" in window.welcome.group_button.toolTip()
