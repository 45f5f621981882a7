"""Issue 9 in the organiser window: readable columns, the name kept in view, rules by name, an
edited person marked everywhere, counts that follow every change, a detail pane that never
clips; with the keyboard as well as the mouse."""

import csv
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.group.members import rule_summary
from app.group.templates import csv_template
from rules.questions import QUESTION_BY_ID
from tests.app.group.people import PARTY_PAID, SEED, US_LOCAL, row_of, write_csv
from ui.group.model import AREA_COLUMNS, COL_COLOUR, COL_NAME, COL_NUMBER, HEADERS
from ui.group.window import GroupWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot) -> GroupWindow:
    group = GroupWindow()
    qtbot.addWidget(group)
    group.resize(1024, 640)
    group.show()
    qtbot.waitExposed(group)
    return group


@pytest.fixture
def team(tmp_path: Path) -> Path:
    rows = [row_of(SEED, "Sarah Jones", "sarah@labour.example"),
            row_of(PARTY_PAID, "Tom O'Brien", "tom@labour.example"),
            row_of(SEED, "محمد علي", "ali@example.org"),
            row_of(US_LOCAL, "Lee Park", "lee@example.org"),
            row_of(PARTY_PAID, "山田 太郎", "taro@example.jp"),
            row_of({**SEED, "B1": "maybe"}, "Broken Bo", "bo@example.org")]
    return write_csv(tmp_path / "team.csv", rows)


def imported(qtbot: QtBot, window: GroupWindow, path: Path) -> None:
    assert window.import_paths([path])
    qtbot.waitUntil(lambda: not window.busy, timeout=30_000)


def names(window: GroupWindow) -> list[str]:
    proxy = window.proxy
    return [proxy.data(proxy.index(row, COL_NAME)) for row in range(proxy.rowCount())]


# ---- readable columns --------------------------------------------------------------------------

def test_column_titles_are_words_with_tooltips(window: GroupWindow) -> None:
    model = window.model
    shown = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(HEADERS))]
    assert shown == list(HEADERS)
    assert all((len(title) >= 3 and not title.endswith(".")) or title == "No." for title in shown)
    assert [shown[c] for c in AREA_COLUMNS] == ["Campaign", "Status", "Pay", "Travel",
                                                "Housing", "Role", "Resources", "Immigration"]
    for column in range(len(HEADERS)):
        tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip and len(tip) > len(shown[column])
    travel = model.headerData(AREA_COLUMNS[3], Qt.Orientation.Horizontal,
                              Qt.ItemDataRole.ToolTipRole)
    assert QUESTION_BY_ID["D1"].text in travel and QUESTION_BY_ID["D3"].text in travel
    immigration = model.headerData(AREA_COLUMNS[-1], Qt.Orientation.Horizontal,
                                   Qt.ItemDataRole.ToolTipRole)
    assert QUESTION_BY_ID["B4"].text in immigration


def test_titles_are_not_cut_off(window: GroupWindow) -> None:
    header = window.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(len(HEADERS)):
        assert header.sectionSize(column) >= metrics.horizontalAdvance(HEADERS[column]) + 12


# ---- the name stays in view --------------------------------------------------------------------

def test_the_name_stays_in_view_while_scrolling_sideways(qtbot: QtBot, window: GroupWindow,
                                                         team: Path) -> None:
    imported(qtbot, window, team)
    table, frozen = window.table, window.table.frozen
    assert frozen.isVisible()
    assert [frozen.isColumnHidden(c) for c in range(len(HEADERS))] == \
        [c > COL_NAME for c in range(len(HEADERS))]
    assert frozen.width() == table.columnWidth(COL_NUMBER) + table.columnWidth(COL_NAME)
    assert frozen.selectionModel() is table.selectionModel()
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0  # the window is narrower than the table
    bar.setValue(bar.maximum())
    qtbot.wait(10)
    for row in range(window.proxy.rowCount()):
        rect = frozen.visualRect(window.proxy.index(row, COL_NAME))
        assert frozen.viewport().rect().intersects(rect)
        main = table.visualRect(window.proxy.index(row, COL_COLOUR))
        assert (rect.top(), rect.height()) == (main.top(), main.height())  # rows line up
    table.horizontalHeader().resizeSection(COL_NAME, 220)
    assert frozen.columnWidth(COL_NAME) == 220 and frozen.width() == \
        table.columnWidth(COL_NUMBER) + 220


def test_keyboard_keeps_the_current_cell_out_from_under_the_names(qtbot: QtBot,
                                                                  window: GroupWindow,
                                                                  team: Path) -> None:
    imported(qtbot, window, team)
    table = window.table
    table.setFocus()
    table.setCurrentIndex(window.proxy.index(0, COL_COLOUR))
    for _ in range(len(HEADERS)):
        qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == len(HEADERS) - 1
    assert table.horizontalScrollBar().value() > 0
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.result_view.isVisible() and "Tom O'Brien" in window.detail_title.text()
    while table.currentIndex().column() > COL_COLOUR:
        qtbot.keyClick(table, Qt.Key.Key_Left)
        rect = table.visualRect(table.currentIndex())
        assert rect.left() >= table.frozen_width() - 1, table.currentIndex().column()
    qtbot.keyClick(table, Qt.Key.Key_Left)  # onto the name: the table does not jump sideways
    assert table.currentIndex().column() == COL_NAME
    assert not table.frozen.hasFocus() and table.hasFocus()


def test_sorting_from_the_kept_names_sorts_the_table(qtbot: QtBot, window: GroupWindow,
                                                     team: Path) -> None:
    imported(qtbot, window, team)
    frozen_header = window.table.frozen.horizontalHeader()
    frozen_header.setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert names(window)[0] == "Broken Bo"
    assert window.table.horizontalHeader().sortIndicatorSection() == COL_NAME
    window.table.sortByColumn(COL_NUMBER, Qt.SortOrder.AscendingOrder)
    assert frozen_header.sortIndicatorSection() == COL_NUMBER
    assert names(window)[0] == "Sarah Jones"


# ---- rules by name -----------------------------------------------------------------------------

def test_the_rule_filter_names_each_rule(qtbot: QtBot, window: GroupWindow, team: Path) -> None:
    imported(qtbot, window, team)
    box = window.rule_filter
    items = {box.itemData(i): box.itemText(i) for i in range(1, box.count())}
    assert items["R31"].startswith("R31 Flights or travel paid by a foreign party")
    assert items["R31"].endswith("(2 people)")
    assert box.itemData(box.findData("R31"), Qt.ItemDataRole.ToolTipRole) == rule_summary("R31")
    assert all(len(text.split(" (")[0]) > 6 for text in items.values())  # never an id alone


def test_a_rule_can_be_typed_by_id_or_by_words(qtbot: QtBot, window: GroupWindow,
                                               team: Path) -> None:
    imported(qtbot, window, team)
    box = window.rule_filter
    line = box.lineEdit()
    assert line is not None
    count = box.count()
    for typed in ("r31", "flights or travel"):
        line.selectAll()
        qtbot.keyClicks(line, typed)
        qtbot.keyClick(line, Qt.Key.Key_Return)
        assert names(window) == ["Tom O'Brien", "山田 太郎"], typed
        assert window.shown_label.text() == "2 of 6 shown"
    assert box.count() == count  # typing never adds an item
    box.setFocus()
    box.setCurrentIndex(0)
    assert window.proxy.rowCount() == 6


# ---- edited people -----------------------------------------------------------------------------

def test_an_edited_person_is_marked_in_the_table_detail_and_exports(
        qtbot: QtBot, window: GroupWindow, team: Path, tmp_path: Path) -> None:
    imported(qtbot, window, team)
    row = window.model.row_of_number(1)
    window.select_row(row)
    result = window.apply_edit(row, {**PARTY_PAID, "D1": ["self"], "D3": 700})
    assert result.member.edited
    assert names(window)[1] == "Tom O'Brien  (edited)"
    tip = window.proxy.data(window.proxy.index(1, COL_NAME), Qt.ItemDataRole.ToolTipRole)
    assert "D1 was foreign_party, now self" in tip
    assert "edited in the app: D1 was foreign_party" in window.detail_note.text()
    assert [n for n in names(window) if "(edited)" in n] == ["Tom O'Brien  (edited)"]

    csv_out, xlsx_out, pdf_out = (tmp_path / "r.csv", tmp_path / "r.xlsx", tmp_path / "r.pdf")
    for out in (csv_out, xlsx_out):
        assert window.export_results(out)
        qtbot.waitUntil(lambda: not window.busy, timeout=30_000)
    assert window.export_pdf(pdf_out)
    qtbot.waitUntil(lambda: not window.busy, timeout=30_000)
    with csv_out.open(encoding="utf-8-sig", newline="") as stream:
        edited = [row["Edited"] for row in csv.DictReader(stream)]
    assert edited[1] == "edited in the app: D1 was foreign_party, now self; D3 was blank, now 700"
    assert edited[:1] + edited[2:] == [""] * 5
    import openpyxl

    sheet = openpyxl.load_workbook(xlsx_out).active
    assert sheet is not None
    cells = [[c.value for c in r] for r in sheet.iter_rows()]
    assert cells[2][cells[0].index("Edited")] == edited[1]
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf_out).pages).split())
    assert "Tom O'Brien (edited)" in text and "Edited in the app: D1 was foreign_party" in text


def test_counts_and_shown_follow_every_change(qtbot: QtBot, window: GroupWindow,
                                              team: Path) -> None:
    imported(qtbot, window, team)
    assert window.shown_label.text() == "all 6 shown"
    window.search.setFocus()
    qtbot.keyClicks(window.search, "example.org")
    assert window.shown_label.text() == "3 of 6 shown"
    window.search.clear()
    assert window.shown_label.text() == "all 6 shown"
    window.filter_colour("RED")
    assert window.shown_label.text() == "2 of 6 shown"
    row = window.model.row_of_number(1)
    window.apply_edit(row, {**PARTY_PAID, "D1": ["self"], "D3": 700})  # RED -> AMBER
    assert window.chips["RED"].number.text() == "1"
    assert window.chips["AMBER"].number.text() == "3"
    assert window.shown_label.text() == "1 of 6 shown" and names(window) == ["山田 太郎"]
    assert "(1 person)" in window.rule_filter.itemText(window.rule_filter.findData("R31"))


# ---- the detail pane ---------------------------------------------------------------------------

def test_the_detail_pane_wraps_long_notes(qtbot: QtBot, window: GroupWindow, team: Path) -> None:
    imported(qtbot, window, team)
    row = window.model.row_of_number(1)
    long_name = "Tomás Alejandro de la Santísima Trinidad O'Brien-Fitzgerald y Montenegro"
    window.model.result(row).member.name = long_name
    window.apply_edit(row, {**PARTY_PAID, "D1": ["self", "campaign"], "D3": 700,
                            "E1": ["campaign_arranged"], "F": ["data_entry"]})
    window.select_row(row)
    qtbot.wait(20)
    panel = window.detail_panel
    assert window.width() == 1024
    for label in panel.findChildren(QLabel):
        if label.isVisible() and label.parent() is panel:
            assert label.wordWrap(), label.objectName()
            assert label.geometry().right() <= panel.width(), label.objectName()
    assert window.detail_note.height() > window.detail_note.fontMetrics().height() * 1.5
    scroll = window.result_view.scroll
    content = scroll.widget()
    assert content is not None
    assert content.width() <= scroll.viewport().width() or \
        scroll.horizontalScrollBar().isVisible()


def test_an_arabic_name_does_not_turn_the_detail_title(qtbot: QtBot, window: GroupWindow,
                                                       team: Path) -> None:
    imported(qtbot, window, team)
    window.select_row(window.model.row_of_number(2))
    title = window.detail_title.text()
    assert title.startswith("\u200e\u2068محمد علي\u2069") and title.endswith("AMBER")


# ---- templates and initials from the window ----------------------------------------------------

def test_the_csv_template_from_the_window_reads_back(qtbot: QtBot, window: GroupWindow,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "volunteers-template.csv"
    assert window.save_template(path)
    assert path.read_bytes() == csv_template()
    with path.open("a", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerow(row_of(SEED, "Ann"))
    imported(qtbot, window, path)
    assert names(window) == ["Ann"]
    texts = [window.messages.item(i).text() for i in range(window.messages.count())]
    assert any("4 comment rows skipped" in t for t in texts), texts


def test_the_initials_only_pdf_from_the_window(qtbot: QtBot, window: GroupWindow,
                                               tmp_path: Path) -> None:
    rows = [row_of(SEED, "=Sarah Jones"), row_of(SEED, "山田 太郎"), row_of(SEED, "O'Neil, Kim")]
    imported(qtbot, window, write_csv(tmp_path / "t.csv", rows))
    out = tmp_path / "initials.pdf"
    assert window.export_pdf(out, redact=True)
    qtbot.waitUntil(lambda: not window.busy, timeout=30_000)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "1. S. J." in text and "2. 山 太" in text and "3. O. K." in text
    assert "Sarah" not in text and "太郎" not in text
