"""WCAG 2.2 AA as a screen reader meets the app: the real AT-SPI tree and events (issue 13).

Every wizard page, the review, the result in each colour and the organiser window with people
in it are walked over the accessibility bus; the tests fail on an unnamed control, a choice
that nothing ties to its question, a page without a heading, a URL that is not a link, a
glossary toggle that is not an expander, and a validation problem or banner that produces no
event a screen reader announces.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from app.routing import QUESTION_PAGES
from tests.a11y.atspi import Event, Node
from tests.a11y.audit import ambiguous, expanders, headings, links_not_links, markup, unnamed
from tests.a11y.conftest import App
from tests.app.group.people import PARTY_PAID, US_LOCAL, row_of, write_csv
from tests.app.group.people import SEED as GROUP_SEED
from tests.scenarios import SEED
from tests.ui.driver import DELEGATE, GREEN

pytestmark = pytest.mark.a11y

# Every question page is shown with answers that ask all its conditional questions.
EVERYTHING: dict[str, Any] = {**SEED, "A1": "pac", "D1": ["self", "crowdfunding"], "D3": 1500}


def page_tree(app: App, organiser: bool = False) -> Node:
    """The main window (or the organiser's) as a screen reader reads it now."""
    tree = app.tree()
    windows = [w for w in tree.children
               if w.name.startswith("Group screening") == organiser]
    assert windows, f"no such window on the AT-SPI bus: {tree.children}"
    return windows[0]


def audit(tree: Node) -> list[str]:
    return [*unnamed(tree), *ambiguous(tree), *links_not_links(tree), *expanders(tree),
            *markup(tree)]


@pytest.mark.parametrize("page", ["welcome", *QUESTION_PAGES, "review"])
def test_every_wizard_page(app: App, page: str) -> None:
    if page == "welcome":
        app.send("welcome")
    elif page == "review":
        assert app.send("review", answers=SEED)["page"] == "review"
    else:
        assert app.send("page", answers=EVERYTHING, page=page)["page"] == page
    tree = page_tree(app)
    assert headings(tree), f"{page}: no heading"
    if page == "welcome":  # read before the rest of the app loaded (conftest), still right
        assert {"Volunteer Check", "What the check covers"} <= {h.name for h in headings(tree)}
    assert audit(tree) == []


@pytest.mark.parametrize(("answers", "colour"), [(DELEGATE, "RED"), (SEED, "AMBER"),
                                                 (GREEN, "GREEN")])
def test_the_result_in_each_colour(app: App, answers: dict[str, Any], colour: str) -> None:
    assert app.send("result", answers=answers)["colour"] == colour
    tree = page_tree(app)
    names = [h.name for h in headings(tree)]
    assert f"Overall result: {colour}" in names and "Area by area" in names, names
    assert "Election law: the reasons" in names
    assert audit(tree) == []
    details = [n for n in tree.walk() if n.name.startswith("Details for your campaign")]
    assert details and all(n.role == "push button" and "expandable" in n.states
                           and "expanded" not in n.states for n in details), details
    assert not [n for n in tree.walk() if n.role == "link"], "sources fold into the details"
    assert app.client.do_action(details[0], next(a for a in app.client.actions(details[0])
                                                 if a.lower() == "press"))
    assert "expanded" in app.client.node(details[0].ref).states
    tree = page_tree(app)
    assert audit(tree) == []
    links = [n for n in tree.walk() if n.role == "link"]
    assert links, "the sources are not links"
    link = links[0]
    assert link.name.startswith("Source: ") and link.description.startswith("https://")
    assert "focusable" in link.states
    assert "Press" in app.client.actions(link) or "press" in app.client.actions(link)


def test_glossary_toggles_are_expanders(app: App) -> None:
    app.send("page", answers=EVERYTHING, page="B")
    toggles = [n for n in page_tree(app).walk() if n.name.startswith("What does")]
    assert toggles and all(n.role == "push button" and "expandable" in n.states
                           for n in toggles), toggles
    assert "expanded" not in toggles[0].states
    assert app.client.do_action(toggles[0], next(a for a in app.client.actions(toggles[0])
                                                 if a.lower() == "press"))
    assert "expanded" in app.client.node(toggles[0].ref).states


def test_organiser_window_with_people(app: App, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "group.csv", [
        row_of(GROUP_SEED, "Sarah Jones", "sarah@example.org"),
        row_of(PARTY_PAID, "Tom Smith"), row_of(US_LOCAL, "Ana Lee"),
        row_of({**GROUP_SEED, "D3": "lots"}, "Kim Park")])
    app.client.clear_events()
    assert app.send("group", path=str(sheet))["people"] == 4
    assert announced("group.csv: 4 people", app) is not None, "the import was not announced"
    group = page_tree(app, organiser=True)
    assert headings(group)
    assert audit(group) == []
    buttons = {n.name for n in group.walk() if n.role == "push button"}
    assert {"Import spreadsheet", "Group defaults", "Save group"} <= buttons
    toolbar = [n for n in group.walk() if n.role == "push button"
               and n.name == "Import spreadsheet"]
    assert toolbar and "focusable" in toolbar[0].states, "toolbar buttons are not tab stops"
    cells = [n for n in group.walk() if n.role in ("table cell", "cell")]
    assert any(c.name == "Tom Smith" for c in cells)
    numbers = [c.name for c in cells if c.name.isdigit()]  # the "#" column
    assert numbers == ["1", "2", "3", "4"], numbers  # each row's own number, not row 1's


@pytest.mark.parametrize("dialog", ["defaults", "edit"])
def test_organiser_dialogs(app: App, tmp_path: Path, dialog: str) -> None:
    sheet = write_csv(tmp_path / "group.csv", [row_of(GROUP_SEED, "Sarah Jones")])
    app.send("group", path=str(sheet))
    app.send(dialog)
    try:
        windows = [w for w in app.tree().children if w.role == "dialog"]
        assert windows, "the dialog is not on the AT-SPI bus"
        assert audit(windows[0]) == []
        if dialog == "edit":  # the wizard inside shows the person's result
            assert any(h.name.startswith("Overall result:") for h in headings(windows[0]))
    finally:
        app.send("close dialog")


def announced(text: str, app: App) -> Event | None:
    """The event that brings `text` to a screen reader without anyone looking for it: an
    announcement, a notification shown, or the focus moved to something that says it."""
    client = app.client

    def says(event: Event) -> bool:
        if event.kind == "Object:Announcement":
            return text in str(event.data)
        if event.kind == "Object:StateChanged" and event.value == 1 and event.detail in (
                "showing", "focused"):
            node = client.node(event.source)
            if event.detail == "showing" and node.role not in ("notification", "alert"):
                return False
            return text in node.name or text in node.description
        return False

    return client.wait_for(says)


def test_a_validation_problem_is_announced(app: App) -> None:
    app.send("page", answers={**EVERYTHING, "D3": 800}, page="D")
    app.client.clear_events()
    problem = app.send("type", object="D3_amount", text="lots")["problem"]
    assert problem.startswith("Problem: ")
    event = announced(problem.removeprefix("Problem: "), app)
    assert event is not None, sorted({(e.kind, e.detail) for e in app.client.events})
    # A restored page shows its problems, and the line beside Next says what stops it; Next is
    # always available (errors after Next), so that line is its description, not a tab stop.
    reasons = [n for n in page_tree(app).walk() if n.name.startswith("To continue")]
    assert reasons and "focusable" not in reasons[0].states, reasons


def test_a_banner_is_announced(app: App, tmp_path: Path) -> None:
    path = tmp_path / "seed.json"
    path.write_text(json.dumps({"schema_version": 2, "answers": SEED}), "utf-8")
    app.client.clear_events()
    notice = app.send("open", path=str(path))["notice"]
    assert "Opened seed.json." in notice
    event = announced("Opened seed.json.", app)
    assert event is not None, sorted({(e.kind, e.detail) for e in app.client.events})
    app.client.clear_events()
    notice = app.send("open", path=str(tmp_path / "missing.json"))["notice"]
    assert notice.startswith("Problem: Could not open missing.json")
    assert announced("Could not open missing.json", app) is not None
