"""One vocabulary (app/vocabulary.py): the words and colours every output shares, and the
modules that must import without Qt (the CLI's text, the report's HTML, the group session)."""

import subprocess
import sys
from pathlib import Path

import pytest

from app import report_html, rules_catalogue, vocabulary
from app.group import export, group_pdf, members
from rules import Area
from rules.citations import Citation, Verification
from rules.facts import Status
from rules.questions import QUESTION_BY_ID

ROOT = Path(__file__).resolve().parents[2]
BLOCK_QT = """
import importlib, sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "PySide6":
            raise ImportError("Qt is blocked: " + name)
        return None
sys.meta_path.insert(0, NoQt())
for module in sys.argv[1:]:
    importlib.import_module(module)
print(sorted(m for m in sys.modules if m.startswith("PySide6")))
"""
QT_FREE = ("app.vocabulary", "app.report_html", "app.assessment_text", "app.rules_catalogue",
           "app.group.session", "app.group.export", "app.routing")


def test_the_reports_and_texts_import_without_qt() -> None:
    done = subprocess.run([sys.executable, "-c", BLOCK_QT, *QT_FREE], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_blocker_does_block_qt() -> None:
    done = subprocess.run([sys.executable, "-c", BLOCK_QT, "app.pdf"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0 and "Qt is blocked" in done.stderr


def test_one_copy_of_each_word() -> None:
    def uses(module: object, name: str) -> object:
        return vars(module)[name]

    assert uses(report_html, "esc") is vocabulary.esc
    assert uses(report_html, "PALETTE") is vocabulary.PALETTE is uses(group_pdf, "PALETTE")
    assert uses(members, "INVALID") == report_html.INVALID_WORD == vocabulary.INVALID
    assert uses(export, "FILLS") is vocabulary.FILLS
    assert {str(a) for a in Area} == set(vocabulary.AREA_TITLES)
    assert {str(s) for s in Status} == set(vocabulary.STATUS_WORDS)
    assert vocabulary.area_title(Area.TRAVEL) == "Travel"


@pytest.mark.parametrize(("qid", "value", "words"), [
    ("E2", None, "Not answered"),
    ("D1", [], "Not answered"),
    ("D1", ["self", "campaign"], "I pay myself; The campaign"),
    ("D3", 1200, "$1,200"),
    ("D3", 1200.5, "$1,200.50"),
    ("D3", "unknown", "I don't know"),
    ("B1", "unknown", "I don't know"),
    ("NOT_A_QUESTION", ["x", "y"], "x; y"),
])
def test_answers_in_words_are_one_function(qid: str, value: object, words: str) -> None:
    assert vocabulary.answer_words(qid, value) == words
    assert vocabulary.answer_in_words(QUESTION_BY_ID.get(qid), value) == words


def test_print_names_the_currency() -> None:
    assert vocabulary.answer_words("D3", 800, report_html.DOLLARS) == "$800 (US dollars)"


def test_a_source_as_text_for_the_volunteer_and_for_counsel() -> None:
    source = Citation("52 U.S.C. 30121", "https://uscode.house.gov/x", Verification.VERIFIED,
                      "retrieved via y")
    assert vocabulary.source_text(source) == "52 U.S.C. 30121 <https://uscode.house.gov/x>"
    assert rules_catalogue.citation_line(source, notes=True) == \
        "52 U.S.C. 30121 <https://uscode.house.gov/x> [V] (retrieved via y)"
    reported = Citation("A press account", None, Verification.REPORTED)
    assert vocabulary.source_text(reported) == "Reported: A press account"
