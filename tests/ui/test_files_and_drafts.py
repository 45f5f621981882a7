"""Autosave and restore, Delete my answers, save/open/recent/drag-and-drop, export errors."""

import json
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.draft import draft_path, load_draft, save_draft
from app.paths import user_data_dir
from app.recent import add_recent, recent_files
from tests.ui.conftest import Dialogs, make_window
from tests.ui.driver import DELEGATE, SEED, Driver
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write_answers(path: Path, answers: dict[str, object], colour: str | None = None,
                  ruleset: str = "2025.06.1") -> Path:
    content: dict[str, object] = {"schema_version": 1, "answers": answers}
    if colour:
        content["result"] = {"colour": colour, "ruleset": ruleset}
    path.write_text(json.dumps(content), "utf-8")
    return path


def test_answers_are_autosaved_after_every_page(driver: Driver) -> None:
    driver.start()
    assert not draft_path().exists()
    driver.fill_page(SEED)
    driver.next()
    draft = load_draft()
    assert draft is not None and draft.page == "B"
    assert draft.answers == {"A1": "federal_candidate", "A2": "self"}
    assert mode(draft_path()) == 0o600
    driver.fill_page(SEED)
    driver.next()
    draft = load_draft()
    assert draft is not None and draft.page == "B_status" and draft.answers["B3"] == "no"
    driver.fill_page(SEED)
    driver.next()
    draft = load_draft()
    assert draft is not None and draft.page == "B_you" and draft.answers["B4"] == "esta_vwp"


def test_draft_is_offered_and_restored_on_start(qtbot: QtBot, dialogs: Dialogs,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    save_draft({"A1": "federal_candidate", "B1": "no", "B2": "no"}, "B")
    window = make_window(qtbot, dialogs, monkeypatch)
    assert window.welcome.draft_offered()
    assert "unfinished answers" in window.welcome.draft_label.text()
    window.welcome.restore_button.click()
    assert window.wizard is not None
    assert window.screens.currentWidget() is window.wizard
    assert window.wizard.current_page() == "B"
    assert window.wizard.answers()["B1"] == "no"
    page = window.wizard.question_page("B")
    assert page.widgets["B1"].value() == "no"
    assert page.widgets["B3"].problem.isVisible()  # restored pages show what is missing


def test_draft_can_be_discarded(qtbot: QtBot, dialogs: Dialogs,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    save_draft({"A1": "federal_candidate"}, "A")
    window = make_window(qtbot, dialogs, monkeypatch)
    window.welcome.discard_button.click()
    assert not draft_path().exists()
    assert not window.welcome.draft_offered()


def test_no_offer_without_a_draft(window: MainWindow) -> None:
    assert not window.welcome.draft_offered()


def test_delete_my_answers(driver: Driver, window: MainWindow, dialogs: Dialogs,
                           tmp_path: Path) -> None:
    kept = write_answers(tmp_path / "mine.json", SEED)
    add_recent(kept)
    driver.start()
    driver.fill_page(SEED)
    driver.next()
    assert draft_path().exists() and recent_files() == [kept]
    dialogs.confirm_answer = False
    assert not window.delete_my_answers()
    assert draft_path().exists() and recent_files() == [kept]
    dialogs.confirm_answer = True
    window.delete_action.trigger()
    assert dialogs.confirmations[-1] == "Delete my answers?"
    assert not draft_path().exists()
    assert recent_files() == []
    assert driver.wizard.answers() == {}
    assert window.screens.currentWidget() is window.welcome
    assert "deleted from this device" in window.notice.message()
    assert kept.exists()  # files the volunteer saved are theirs


def test_save_and_open_round_trip(driver: Driver, window: MainWindow, dialogs: Dialogs,
                                  tmp_path: Path, qtbot: QtBot,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    driver.see_result(SEED)
    dialogs.save_path = tmp_path / "my answers"  # the suffix is added
    window.wizard.result_page().save_button.click()
    saved = tmp_path / "my answers.json"
    assert saved.exists() and mode(saved) == 0o600
    content = json.loads(saved.read_text("utf-8"))
    assert content["answers"]["D3"] == 800
    assert content["result"]["colour"] == "AMBER"
    assert window.windowTitle().startswith("my answers.json")
    assert recent_files() == [saved]

    other = make_window(qtbot, dialogs, monkeypatch)
    dialogs.open_path = saved
    other.open_action.trigger()
    assert other.wizard is not None and other.wizard.current_page() == "result"
    assert other.wizard.result_page().view.colour_word() == "AMBER"
    assert other.wizard.answers() == content["answers"]
    assert "Opened my answers.json" in other.notice.message()


def test_opening_a_file_from_an_older_ruleset_says_the_colour_changed(
        window: MainWindow, tmp_path: Path) -> None:
    path = write_answers(tmp_path / "old.json", SEED, colour="GREEN")
    assert window.open_file(path)
    assert window.wizard is not None
    view = window.wizard.result_page().view
    assert view.colour_word() == "AMBER"
    changed = view.body.findChild(QLabel, "colourChanged")
    assert changed is not None
    assert "saved with the result GREEN under rules version 2025.06.1" in changed.text()
    assert "the result is AMBER" in changed.text()
    assert "changed from GREEN to AMBER" in window.notice.message()


RULESET_1_SUPER_PAC = {
    "A1": "pac_or_super_pac", "A2": "self", "B1": "no", "B2": "no", "B3": "no",
    "B4": "h1b", "B5": "no", "B6": "none", "B8": "us", "C1": ["none"],
    "C2": "own_time_outside_work_hours", "D1": ["self"], "D3": 600, "D4": "self_or_friends",
    "E1": ["self_paid"], "E2": "self", "F": ["canvass_phone_text"], "G": ["none"],
}


def test_opening_a_schema_1_file_asks_the_new_questions_then_says_what_changed(
        driver: Driver, window: MainWindow, tmp_path: Path) -> None:
    """Ruleset 2: a file saved GREEN for a super PAC opens at the new question (A1b, the kind
    of PAC), keeps every answer, and once answered says the result changed to AMBER (R79)."""
    path = write_answers(tmp_path / "old.json", RULESET_1_SUPER_PAC, colour="GREEN",
                         ruleset="2026.11.1")
    assert window.open_file(path)
    wizard = window.wizard
    assert wizard is not None and wizard.current_page() == "A"
    assert "ask 1 new question: answer it" in window.notice.message()
    assert "nothing you answered before is lost" in window.notice.message()
    assert wizard.answers() == RULESET_1_SUPER_PAC
    driver.answer("A1b", "super_pac_ie_only")
    driver.fill_all({"D3b": "no"})
    driver.next()  # See my result
    assert wizard.current_page() == "result"
    view = wizard.result_page().view
    assert view.colour_word() == "AMBER"
    changed = view.body.findChild(QLabel, "colourChanged")
    assert changed is not None and "saved with the result GREEN" in changed.text()


def test_opening_a_broken_file_explains_and_keeps_everything(
        driver: Driver, window: MainWindow, tmp_path: Path) -> None:
    driver.start()
    driver.answer("A1", "federal_candidate")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", "utf-8")
    assert not window.open_file(broken)
    assert "Could not open broken.json" in window.notice.message()
    assert "not valid JSON" in window.notice.message()
    assert driver.wizard.answers() == {"A1": "federal_candidate"}


def test_opening_invalid_answers_lists_what_to_correct(window: MainWindow,
                                                       tmp_path: Path) -> None:
    answers = {**SEED, "C1": ["none", "campaign"], "Z9": "x"}
    assert window.open_file(write_answers(tmp_path / "bad.json", answers))
    assert window.wizard is not None
    view = window.wizard.result_page().view
    assert view.colour_word() is None and view.colour_label.text() == "INVALID"
    assert "C1" in view.question_buttons
    assert "Z9" in window.notice.message()  # ignored, and said so
    view.question_buttons["C1"].click()
    assert window.wizard.current_page() == "C"
    problem = window.wizard.question_page("C").widgets["C1"].problem_text()
    assert "cannot be combined" in problem


def test_recent_files_menu_and_missing_files(window: MainWindow, tmp_path: Path) -> None:
    first = write_answers(tmp_path / "first.json", SEED)
    second = write_answers(tmp_path / "second.json", DELEGATE)
    window.open_file(first)
    window.open_file(second)
    window._fill_recent_menu()
    names = [a.text() for a in window.recent_menu.actions() if a.text()]
    assert names[:2] == ["&1 second.json", "&2 first.json"]
    first.unlink()
    window._fill_recent_menu()
    names = [a.text() for a in window.recent_menu.actions() if a.text()]
    assert names[0] == "&1 second.json" and "&2 first.json" not in names
    window.recent_menu.actions()[0].trigger()
    assert window.current_file == second


def test_many_recent_files_keep_eight(tmp_path: Path) -> None:
    for index in range(10):
        add_recent(write_answers(tmp_path / f"f{index}.json", SEED))
    files = recent_files()
    assert len(files) == 8 and files[0].name == "f9.json"
    assert mode(user_data_dir() / "recent.json") == 0o600


def test_drop_an_answers_file_on_the_window(window: MainWindow, tmp_path: Path,
                                            qtbot: QtBot) -> None:
    path = write_answers(tmp_path / "dropped.json", DELEGATE)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(20, 20), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.current_file == path)
    assert window.wizard is not None
    assert window.wizard.result_page().view.colour_word() == "RED"


def test_unwritable_export_path_shows_a_clear_error_and_loses_nothing(
        driver: Driver, window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    driver.see_result(SEED)
    answers = driver.wizard.answers()
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")
    dialogs.save_path = not_a_folder / "report.pdf"
    assert not window.export_pdf()
    message = window.notice.message()
    assert message.startswith("Problem: Could not save the PDF report.pdf")
    assert "Your answers are kept" in message
    assert window.notice.kind == "error"
    assert driver.wizard.current_page() == "result"
    assert driver.wizard.answers() == answers
    draft = load_draft()
    assert draft is not None and draft.answers == answers
    dialogs.save_path = tmp_path / "report.pdf"  # then another folder works
    assert window.export_pdf()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_unwritable_save_path_keeps_the_answers(driver: Driver, window: MainWindow,
                                                dialogs: Dialogs, tmp_path: Path) -> None:
    driver.see_result(SEED)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert not window.save_to(blocker / "answers.json")
    assert "Could not save answers.json" in window.notice.message()
    assert window.current_file is None
    assert driver.wizard.answers()["D3"] == 800


def test_export_before_a_result_is_explained(driver: Driver, window: MainWindow,
                                             dialogs: Dialogs) -> None:
    driver.start()
    assert not window.export_pdf()
    assert "answer the questions first" in window.notice.message()
    assert dialogs.save_captions == []


def test_paper_size_choice(driver: Driver, window: MainWindow, dialogs: Dialogs,
                           tmp_path: Path) -> None:
    from pypdf import PdfReader

    driver.see_result(SEED)
    for key, width in (("A4", 595), ("Letter", 612)):
        window.set_paper_choice(key)
        assert window.export_pdf_to(tmp_path / f"{key}.pdf")
        box = PdfReader(tmp_path / f"{key}.pdf").pages[0].mediabox
        assert round(float(box.width)) == width


def test_names_and_paths_in_any_script(window: MainWindow, dialogs: Dialogs,
                                       tmp_path: Path) -> None:
    from tests.ui.driver import pdf_text

    folder = tmp_path / "Łódź 東京"
    folder.mkdir()
    path = folder / "Zoë محمد.json"
    content = {"schema_version": 1, "answers": SEED, "person": {"name": "Zoë 東京 محمد"}}
    path.write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    assert window.open_file(path)
    assert window.windowTitle().startswith("Zoë محمد.json")
    assert window.export_pdf_to(folder / "Zoë.pdf")
    text = pdf_text(folder / "Zoë.pdf")
    assert "Zoë" in text and "東京" in text
    dialogs.save_path = folder / "again.json"
    assert window.save_as()
    saved = json.loads((folder / "again.json").read_text("utf-8"))
    assert saved["person"]["name"] == "Zoë 東京 محمد"
