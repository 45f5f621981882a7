"""The group window offscreen: table, counts, filters, detail, edit, progress, cancel."""

import csv
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from app.group.members import MemberResult
from tests.app.group.people import PARTY_PAID, SEED, US_LOCAL, row_of, write_csv, write_random_csv
from ui.group.model import COL_COLOUR, COL_TOP, SORT_ROLE
from ui.group.window import GroupWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot) -> GroupWindow:
    group = GroupWindow()
    qtbot.addWidget(group)
    group.resize(1280, 800)
    group.show()
    return group


def wait_idle(qtbot: QtBot, window: GroupWindow, timeout: int = 30_000) -> None:
    qtbot.waitUntil(lambda: not window.busy, timeout=timeout)


@pytest.fixture
def seed_csv(tmp_path: Path) -> Path:
    rows = [row_of(PARTY_PAID if i % 3 == 2 else SEED, f"Member {i}", f"m{i}@labour.example")
            for i in range(6)]
    rows.append(row_of(US_LOCAL, "Local Lee", "lee@example.org"))
    rows.append(row_of({**SEED, "B1": "maybe"}, "Broken Bo", "bo@example.org"))
    return write_csv(tmp_path / "seed.csv", rows)


def imported(qtbot: QtBot, window: GroupWindow, *paths: Path) -> list[MemberResult]:
    assert window.import_paths(paths)
    wait_idle(qtbot, window)
    return window.results()


def column(window: GroupWindow, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    proxy = window.proxy
    return [proxy.data(proxy.index(row, col), role) for row in range(proxy.rowCount())]


def test_empty_window(window: GroupWindow) -> None:
    assert window.stack.currentIndex() == 0
    assert window.windowTitle().startswith("Group screening")
    assert not window.progress.isVisible()


def test_import_fills_table_and_counts(qtbot: QtBot, window: GroupWindow,
                                       seed_csv: Path) -> None:
    results = imported(qtbot, window, seed_csv)
    assert [r.colour_word for r in results] == ["AMBER", "AMBER", "RED", "AMBER", "AMBER",
                                                "RED", "GREEN", "INVALID"]
    assert window.stack.currentIndex() == 1
    assert window.chips["RED"].number.text() == "2"
    assert window.chips["AMBER"].number.text() == "4"
    assert window.chips["GREEN"].number.text() == "1"
    assert window.chips["INVALID"].number.text() == "1"
    assert "Group result: RED" in window.group_label.text()
    assert column(window, COL_COLOUR)[:3] == ["AMBER", "AMBER", "RED"]
    assert column(window, COL_COLOUR)[-1] == "INVALID"
    assert column(window, COL_TOP)[2].startswith("R31 ")
    assert "maybe" in column(window, COL_TOP)[-1]
    assert not window.progress.isVisible()
    assert any("seed.csv: 8 people" in window.messages.item(i).text()
               for i in range(window.messages.count()))


def test_filters_by_colour_rule_and_text(qtbot: QtBot, window: GroupWindow,
                                         seed_csv: Path) -> None:
    imported(qtbot, window, seed_csv)
    window.filter_colour("RED")
    assert window.proxy.rowCount() == 2
    assert window.shown_label.text() == "2 of 8 shown"
    window.filter_colour()
    assert window.proxy.rowCount() == 8
    qtbot.mouseClick(window.chips["GREEN"], Qt.MouseButton.LeftButton)
    assert column(window, 1) == ["Local Lee"]
    qtbot.mouseClick(window.chips["GREEN"], Qt.MouseButton.LeftButton)
    assert window.proxy.rowCount() == 8
    window.filter_rule("R31")
    names = column(window, 1)
    assert names == ["Member 2", "Member 5"]
    assert window.rule_filter.currentText().startswith("R31 Flights or travel paid by a foreign")
    assert window.rule_filter.currentText().endswith("(2 people)")
    window.filter_rule("")
    window.colour_filter.setCurrentIndex(window.colour_filter.findText("Not green"))
    assert window.proxy.rowCount() == 7
    window.colour_filter.setCurrentIndex(0)
    window.search.setText("LEE@")
    assert column(window, 1) == ["Local Lee"]
    window.search.clear()
    assert window.proxy.rowCount() == 8


def test_sorting_by_colour(qtbot: QtBot, window: GroupWindow, seed_csv: Path) -> None:
    imported(qtbot, window, seed_csv)
    window.table.sortByColumn(COL_COLOUR, Qt.SortOrder.AscendingOrder)
    assert column(window, COL_COLOUR) == ["RED", "RED", "AMBER", "AMBER", "AMBER", "AMBER",
                                          "INVALID", "GREEN"]
    assert [key[0] for key in column(window, COL_COLOUR, SORT_ROLE)] == [0, 0, 1, 1, 1, 1, 2, 3]
    window.table.sortByColumn(COL_COLOUR, Qt.SortOrder.DescendingOrder)
    assert column(window, COL_COLOUR)[0] == "GREEN"
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert column(window, 1)[:3] == ["Member 0", "Member 1", "Member 2"]
    assert [r.member.name for r in window.results()][:2] == ["Member 0", "Member 1"]


def test_detail_view_shows_full_assessment(qtbot: QtBot, window: GroupWindow,
                                           seed_csv: Path) -> None:
    imported(qtbot, window, seed_csv)
    window.select_row(2)
    assert window.result_view.isVisible()
    assert window.result_view.colour_word() == "RED"
    assert "R31" in window.result_view.finding_ids()
    assert "Member 2" in window.detail_title.text()
    outcome = window.result_view.outcome()
    assert outcome is not None and outcome.assessment is not None
    assert any(f.counterfactuals for f in outcome.assessment.findings)  # explained on demand
    assert window.edit_button.isEnabled()
    window.select_row(7)
    assert window.result_view.colour_word() is None
    assert "B1" in window.result_view.texts() or "citizen" in window.result_view.texts()


def test_edit_updates_the_group(qtbot: QtBot, window: GroupWindow, seed_csv: Path) -> None:
    imported(qtbot, window, seed_csv)
    window.select_row(2)
    fixed = {**PARTY_PAID, "D1": ["self"], "D3": 700}
    result = window.apply_edit(2, fixed)
    assert result.colour_word == "AMBER"
    assert window.chips["RED"].number.text() == "1"
    assert window.result_view.colour_word() == "AMBER"
    broken = window.apply_edit(7, {**SEED, "B1": "no"})
    assert broken.colour_word == "AMBER" and window.chips["INVALID"].number.text() == "0"


def test_edit_dialog_hosts_the_wizard(qtbot: QtBot, window: GroupWindow, seed_csv: Path) -> None:
    from ui.group.dialogs import EditDialog

    results = imported(qtbot, window, seed_csv)
    dialog = EditDialog(results[2], None, window)
    qtbot.addWidget(dialog)
    assert dialog.answers()["D1"] == ["foreign_party"]
    assert dialog.wizard.current_page() == "result"
    assert not dialog.wizard.result_page().export_button.isVisibleTo(dialog)
    broken = EditDialog(results[7], None, window)  # "maybe" is not a code: still opens
    qtbot.addWidget(broken)
    assert broken.answers()["B1"] == "maybe"


def test_defaults_rescreen_and_cancel_restores(qtbot: QtBot, window: GroupWindow,
                                               tmp_path: Path) -> None:
    own = {k: v for k, v in SEED.items() if k not in ("A1", "D1", "D3", "D4")}
    path = write_csv(tmp_path / "g.csv", [row_of(own, f"P{i}") for i in range(5)])
    results = imported(qtbot, window, path)
    assert {r.colour_word for r in results} == {"INVALID"}
    assert window.set_defaults({"A1": "federal_candidate", "D1": ["foreign_party"],
                                "D4": "foreign_party_or_gov"})
    wait_idle(qtbot, window)
    assert {r.colour_word for r in window.results()} == {"RED"}
    assert window.results()[0].defaults_used == ("A1", "D1", "D4")
    assert "Group defaults: A1=federal_candidate" in window.defaults_label.text()
    big = write_random_csv(tmp_path / "big.csv", 3000)
    imported(qtbot, window, big)
    before = [r.colour_word for r in window.results()]
    window.set_defaults({})
    window.cancel()
    wait_idle(qtbot, window)
    assert window.defaults["D1"] == ["foreign_party"]
    assert [r.colour_word for r in window.results()] == before


def test_progress_and_cancel_keep_what_was_read(qtbot: QtBot, window: GroupWindow,
                                                tmp_path: Path) -> None:
    big = write_random_csv(tmp_path / "big.csv", 40_000)
    seen: list[int] = []
    window.progress.valueChanged.connect(seen.append)
    assert window.import_paths([big])
    assert window.progress.isVisible() and window.cancel_button.isVisible()
    qtbot.waitUntil(lambda: window.model.rowCount() >= 2000 and any(v > 0 for v in seen),
                    timeout=20_000)
    window.cancel_button.click()
    wait_idle(qtbot, window)
    count = window.model.rowCount()
    assert 2000 <= count < 40_000
    assert window.counts.total == count
    assert window.last_report is not None and window.last_report.cancelled
    assert any(v > 0 for v in seen)
    assert not window.progress.isVisible()
    assert any("Cancelled" in window.messages.item(i).text()
               for i in range(window.messages.count()))


def test_bad_file_is_reported_and_people_kept(qtbot: QtBot, window: GroupWindow,
                                              seed_csv: Path, tmp_path: Path) -> None:
    imported(qtbot, window, seed_csv)
    bad = tmp_path / "photo.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n")
    imported(qtbot, window, bad)
    assert window.model.rowCount() == 8
    assert "PNG image" in window.last_error
    again = imported(qtbot, window, seed_csv)
    assert len(again) == 16
    assert again[8].duplicate_of and "seed.csv row 2" in again[8].duplicate_of


def test_exports_and_project_round_trip(qtbot: QtBot, window: GroupWindow, seed_csv: Path,
                                        tmp_path: Path) -> None:
    imported(qtbot, window, seed_csv)
    out_csv = tmp_path / "r.csv"
    assert window.export_results(out_csv)
    wait_idle(qtbot, window)
    with out_csv.open(encoding="utf-8-sig") as stream:
        assert len(list(csv.DictReader(stream))) == 8
    assert window.export_results(tmp_path / "r.xlsx")
    wait_idle(qtbot, window)
    assert (tmp_path / "r.xlsx").stat().st_size > 0
    assert window.export_pdf(tmp_path / "g.pdf", redact=True)
    wait_idle(qtbot, window, 60_000)
    text = " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(tmp_path / "g.pdf").pages)
    assert "M. 2" in text and "Member 2" not in text
    assert window.save_template(tmp_path / "t.xlsx") and window.save_template(tmp_path / "t.csv")
    project = tmp_path / "g.vcgroup.json"
    window.defaults = {"A1": "federal_candidate"}
    assert window.save_project(project)
    wait_idle(qtbot, window)
    window.clear_group()
    assert window.model.rowCount() == 0 and window.stack.currentIndex() == 0
    assert window.open_project(project)
    wait_idle(qtbot, window)
    assert window.model.rowCount() == 8
    assert window.defaults == {"A1": "federal_candidate"}
    assert [r.colour_word for r in window.results()][:3] == ["AMBER", "AMBER", "RED"]


def test_bad_project_is_reported(qtbot: QtBot, window: GroupWindow, tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text("{}")
    assert not window.open_project(path)
    assert "not a Volunteer Check group project" in window.last_error


def test_drop_files(qtbot: QtBot, window: GroupWindow, seed_csv: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(seed_csv))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    wait_idle(qtbot, window)
    assert window.model.rowCount() == 8


def test_main_window_opens_group_window(qtbot: QtBot) -> None:
    from ui.main_window import MainWindow

    main = MainWindow()
    qtbot.addWidget(main)
    main.screen_group()
    group = main._group_window
    assert isinstance(group, GroupWindow)
    qtbot.addWidget(group)
    assert group.isVisible()


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), lower case."""
    index = 0
    while (index := text.find("&", index)) >= 0 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].casefold()
        index += 2
    return None


def test_mnemonics_are_unique_in_every_menu(window: GroupWindow) -> None:
    """QA: 'Import &spreadsheet' and '&Save group' were both Alt+S in the Group menu."""
    from PySide6.QtWidgets import QAbstractButton

    bar = window.menuBar()
    titles = [mnemonic(action.text()) for action in bar.actions()]
    assert None not in titles and len(set(titles)) == len(titles), titles
    menus = [action.menu() for action in bar.actions()]
    assert len(menus) >= 2
    for menu in menus:
        assert menu is not None
        texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        keys = [mnemonic(text) for text in texts]
        assert None not in keys, texts
        assert len(set(keys)) == len(keys), (menu.title(), texts)
    # The window's own buttons do not take the menu bar's Alt+letters.
    buttons = [b.text() for b in window.findChildren(QAbstractButton)
               if b.objectName() == "editAnswers"]
    assert buttons and not {mnemonic(t) for t in buttons} & set(titles)


@pytest.mark.parametrize(("size", "font_scale"), [((1280, 800), 1.0), ((1024, 640), 1.0),
                                                  ((1280, 800), 1.2)])
def test_detail_pane_is_never_cut_off(qtbot: QtBot, window: GroupWindow, seed_csv: Path,
                                      size: tuple[int, int], font_scale: float) -> None:
    """QA: at 1280x800 the ResultView was clipped on the right ("illegal foreign contributio…"):
    its area grid needs ~630 px (more with larger fonts) and the pane had less, with no
    horizontal scroll bar."""
    if font_scale != 1.0:
        font = window.font()
        font.setPointSizeF(font.pointSizeF() * font_scale)
        window.setFont(font)
    imported(qtbot, window, seed_csv)
    window.resize(*size)
    qtbot.wait(20)
    for row in (2, 0, 7):
        window.select_row(row)
        qtbot.wait(20)
        scroll = window.result_view.scroll
        content = scroll.widget()
        assert content is not None
        fits = content.width() <= scroll.viewport().width()
        assert fits or scroll.horizontalScrollBar().isVisible(), (size, row, content.width(),
                                                                   scroll.viewport().width())
        if font_scale == 1.0:  # at the usual font both sizes show the whole result
            assert fits, (size, row, content.width(), scroll.viewport().width())
        assert window.stack.width() >= 300  # the table keeps room (it scrolls sideways)


def test_folder_import_says_which_spreadsheets_it_skipped(qtbot: QtBot, window: GroupWindow,
                                                          seed_csv: Path) -> None:
    from app.answers_file import AnswersDocument, write_answers_file
    from rules import Person

    folder = seed_csv.parent / "team"
    folder.mkdir()
    write_answers_file(folder / "ann.json", AnswersDocument(SEED, Person(name="Ann")))
    write_csv(folder / "people.csv", [row_of(PARTY_PAID, "Bob")])
    results = imported(qtbot, window, folder)
    assert [r.member.name for r in results] == ["Ann"]
    texts = [window.messages.item(i).text() for i in range(window.messages.count())]
    assert any(t.startswith("Skipped a spreadsheet in folders") and "people.csv" in t
               for t in texts), texts
