"""Render every wizard page and several results to PNG, at 1280x800 and 1024x640.

    .venv/bin/python tools/screenshots.py [--dark] [--organiser] [--lang es|fr|pseudo] [OUT_DIR]

Default OUT_DIR: docs/screenshots. --dark renders with a dark system palette (file names end in
-dark) to check the contrast of the tinted boxes and colour words. Offscreen; the user's own
drafts are never touched: VOLUNTEER_CHECK_HOME points at a temporary folder, deleted on the way out
(the draft autosaved there holds the sample answers, immigration status included).

--lang renders in Spanish or French (file names end in -es, -fr) with the catalogues there are;
--lang pseudo renders a pseudo-translation (tests/pseudo_locale.py: every text accented, ~30%
longer, between markers; files end in -pseudo) to check that nothing clips before any
translation exists.

The organiser window and both PDF reports follow (tools/organiser_shots.py: files named
organiser-* and pdf-*, the PDFs beside them); --organiser renders only those.
"""

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HOME_PREFIX = "volunteer-check-shots-"
# The imports below (E402) come after ROOT is on sys.path and the offscreen platform is set.

from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.scenarios import SEED  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

SIZES = ((1280, 800), (1024, 640))
DELEGATE: dict[str, Any] = {
    **{k: v for k, v in SEED.items() if k != "D3"},
    "C1": ["foreign_party"], "D1": ["foreign_party"], "D4": "foreign_party_or_gov",
}
GREEN: dict[str, Any] = {
    "A1": "federal_candidate", "A2": "self", "B1": "yes", "B5": "no", "B6": "none",
    "B8": "us", "C1": ["none"], "C2": "own_time_outside_work_hours", "D1": ["self"],
    "D3": 300, "D4": "self_or_friends", "E1": ["self_paid"], "E2": "self",
    "F": ["canvass_phone_text"], "G": ["none"],
}
UNKNOWN_FLIGHT: dict[str, Any] = {**{k: v for k, v in SEED.items() if k != "D3"},
                                  "D1": ["unknown"]}


def scenes(window: MainWindow) -> list[tuple[str, Callable[[], None]]]:
    wizard = window.wizard
    assert wizard is not None

    def page(name: str, answers: dict[str, Any], glossary: bool = False) -> Callable[[], None]:
        def show() -> None:
            window.screens.setCurrentWidget(wizard)
            wizard.load(answers, name)
            if glossary:
                for widget in wizard.question_page(name).widgets.values():
                    if widget.glossary_button is not None:
                        widget.glossary_button.setChecked(True)
                        break
        return show

    def result(answers: dict[str, Any]) -> Callable[[], None]:
        def show() -> None:
            window.screens.setCurrentWidget(wizard)
            wizard.load(answers, show_result=True)
        return show

    def counsel_details() -> None:
        """The red result with its first finding's details for counsel opened."""
        result(DELEGATE)()
        view = wizard.result_page().view
        QApplication.processEvents()
        toggle = next(iter(view.detail_toggles.values()))
        toggle.setChecked(True)
        QApplication.processEvents()
        view.scroll.ensureWidgetVisible(toggle, 0, 40)
        bar = view.scroll.verticalScrollBar()
        bar.setValue(bar.value() + view.scroll.viewport().height() // 3)

    def review_details() -> None:
        """The end of "Check your answers": the optional details for the handout."""
        page("review", SEED)()
        QApplication.processEvents()
        review = wizard.review_page()
        bar = review.scroll.verticalScrollBar()
        bar.setValue(bar.maximum())

    def first_page() -> None:
        wizard.reset()
        window.check_myself()

    def welcome() -> None:
        window.screens.setCurrentWidget(window.welcome)

    def welcome_draft() -> None:
        window.screens.setCurrentWidget(window.welcome)
        window.welcome.offer_draft("28 November 2026, 09:15")

    def problem() -> None:
        window.screens.setCurrentWidget(wizard)
        wizard.load({k: v for k, v in SEED.items() if k[0] in "ABC"}, "D")
        wizard.set_answer("D1", ["self", "crowdfunding"])
        wizard.set_answer("D3", "about 900")
        wizard.set_answer("D4", "self_or_friends")
        wizard.question_page("D").focus_question("D3")

    def errors_after_next() -> None:
        """Next pressed on page B with its questions unanswered: the problem lines, the first
        question focused, the reason beside Next."""
        wizard.reset()
        window.check_myself()
        for qid in ("A1", "A2"):
            wizard.set_answer(qid, SEED[qid])
        wizard.go_next()
        for widget in wizard.question_page("B").widgets.values():  # as a newcomer finds it
            if widget.glossary_button is not None:
                widget.glossary_button.setChecked(False)
        wizard.set_answer("B1", "no")
        wizard.go_next()

    def export_error() -> None:
        result(SEED)()
        window.notice.show_message(
            "Could not save the PDF report.pdf: folder /media/usb does not exist. Your answers "
            "are kept; choose another folder.", "error")

    travel = {**SEED, "D1": ["self", "crowdfunding"], "D2": "us_only_verified", "D3": 1400,
              "D3b": "no"}
    employer = {**SEED, "C2": "special_paid_leave_for_campaign", "C3": "foreign_party"}
    daca = {**SEED, "B4": "daca", "B7": "yes"}
    return [
        ("01-welcome", welcome),
        ("02-welcome-draft", welcome_draft),
        ("03-page-A", first_page),
        ("04-page-B", page("B", daca, glossary=True)),
        ("04-page-B_you", page("B_you", SEED)),
        ("04-page-B_trip", page("B_trip", SEED)),
        ("05-page-C", page("C", employer)),
        ("06-page-D", page("D", travel)),
        ("07-page-D-problem", problem),
        ("07-page-B-errors-after-next", errors_after_next),
        ("08-page-E", page("E", SEED)),
        ("09-page-F", page("F", SEED)),
        ("10-page-G", page("G", SEED)),
        ("11-review", page("review", SEED)),
        ("11-review-handout-details", review_details),
        ("12-result-amber-seed", result(SEED)),
        ("13-result-red-delegate", result(DELEGATE)),
        ("13-result-red-counsel-details", counsel_details),
        ("14-result-green", result(GREEN)),
        ("15-result-amber-unknown", result(UNKNOWN_FLIGHT)),
        ("16-result-invalid", result({**SEED, "G": ["none", "donate_money"]})),
        ("17-export-error", export_error),
    ]


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#202124"), (roles.WindowText, "#e8eaed"),
                         (roles.Base, "#303134"), (roles.AlternateBase, "#3c4043"),
                         (roles.Text, "#e8eaed"), (roles.Button, "#3c4043"),
                         (roles.ButtonText, "#e8eaed"), (roles.Link, "#8ab4f8"),
                         (roles.ToolTipBase, "#3c4043"), (roles.ToolTipText, "#e8eaed")):
        palette.setColor(role, QColor(colour))
    return palette


def render(app: QApplication, out: Path, dark: bool, tail: str = "") -> int:
    """Every scene at every size into `out`; returns the number of PNG files written."""
    written = 0
    for width, height in SIZES:
        window = MainWindow()
        # closing asks "Save first?" about the sample answers: never here (no one to answer)
        window.ask_save_first = lambda _doing: "discard"
        window.resize(width, height)
        window.show()
        app.processEvents()
        window.finish_startup()
        for name, show in scenes(window):
            if window._notice is not None:
                window.notice.hide()
            show()
            for _ in range(3):
                app.processEvents()
            path = out / f"{name}-{width}x{height}{'-dark' if dark else ''}{tail}.png"
            window.grab().save(str(path))
            written += 1
        window.close()
        window.deleteLater()
        app.processEvents()
    return written


def main(argv: list[str]) -> int:
    dark = "--dark" in argv
    organiser_only = "--organiser" in argv
    lang = ""
    if "--lang" in argv:
        at = argv.index("--lang")
        lang = argv[at + 1] if at + 1 < len(argv) else ""
        if lang not in ("es", "fr", "pseudo"):
            print("--lang takes es, fr or pseudo", file=sys.stderr)
            return 2
        argv = argv[:at] + argv[at + 2:]
    args = [a for a in argv if a not in ("--dark", "--organiser")]
    out = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    if dark:
        app.setPalette(dark_palette())
    tail = f"-{lang}" if lang else ""
    if lang:
        from ui.language import apply_language

        if lang == "pseudo":
            from tests.pseudo_locale import install

            install()
        apply_language("fr" if lang == "pseudo" else lang)
    before = os.environ.get("VOLUNTEER_CHECK_HOME")
    with tempfile.TemporaryDirectory(prefix=HOME_PREFIX) as home:
        os.environ["VOLUNTEER_CHECK_HOME"] = home
        try:
            written = 0 if organiser_only else render(app, out, dark, tail)
            from tools.organiser_shots import render_organiser

            written += render_organiser(app, out, SIZES, dark, tail)
        finally:
            if before is None:
                os.environ.pop("VOLUNTEER_CHECK_HOME", None)
            else:
                os.environ["VOLUNTEER_CHECK_HOME"] = before
    print(f"{written} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
