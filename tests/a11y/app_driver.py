"""The real app in a real X11 window, steered by tests/a11y over stdin (one JSON command a line,
one JSON reply a line). Run by tests/a11y/conftest.py with QT_QPA_PLATFORM=xcb and
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 on a private D-Bus session with the AT-SPI bus.

Commands ({"do": ...}): "finish": what ui.main does after the first paint; "welcome";
"page" (answers, page): a wizard page with those answers; "review" (answers); "result"
(answers); "open" (path): open an answers file (its banner); "type" (object, text): set the
text of the line edit with that object name (validation); "group" (path): the organiser
window with the people of a spreadsheet, first person selected; "defaults", "edit" and
"close dialog": its Group defaults or Edit answers dialog; "quit". Every reply comes once the
window has settled.
"""

import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from app.about import APP_NAME
from ui.main_window import MainWindow

SETTLE_MS = 120


class Driver:
    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.window = MainWindow()
        # quitting asks "Save first?" about unsaved answers: nobody answers a modal dialog here
        self.window.ask_save_first = lambda _doing: "discard"
        self.window.resize(1000, 720)
        self.window.show()
        self.group: Any = None
        self.dialog: Any = None
        self.notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
        self.notifier.activated.connect(self.read)

    def reply(self, **fields: Any) -> None:
        sys.stdout.write(json.dumps(fields) + "\n")
        sys.stdout.flush()

    def read(self) -> None:
        line = sys.stdin.readline()
        if not line:
            self.app.quit()
            return
        command = json.loads(line)
        try:
            extra = self.run(command) or {}
        except Exception as error:  # reported to the test, which fails with it
            self.reply(ok=False, error=f"{type(error).__name__}: {error}")
            return
        QTimer.singleShot(SETTLE_MS, lambda: self.reply(ok=True, **extra))

    def run(self, command: dict[str, Any]) -> dict[str, Any] | None:
        window = self.window
        do = command["do"]
        if do == "finish":  # what ui.main does right after the first paint
            window.finish_startup()
            return None
        wizard = window.wizard
        assert wizard is not None
        if do == "welcome":
            window.show_start()
        elif do == "page":
            window.show_wizard()
            wizard.load(command["answers"], command["page"])
            return {"page": wizard.current_page()}
        elif do == "review":
            window.show_wizard()
            wizard.load(command["answers"])
            return {"page": wizard.current_page()}
        elif do == "result":
            window.show_wizard()
            wizard.load(command["answers"], show_result=True)
            return {"colour": wizard.result_page().view.colour_word()}
        elif do == "open":
            window.finish_startup()
            assert window.files is not None
            window.files.dirty = False  # no "Save first?" about the answers shown before
            window.open_file(command["path"])
            return {"notice": window.notice.message()}
        elif do == "type":
            edit = window.findChild(QLineEdit, command["object"])
            assert edit is not None, command["object"]
            edit.setFocus()
            edit.setText(command["text"])
            return {"problem": wizard.question_page(wizard.current_page()).widgets[
                command["object"].split("_")[0]].problem_text()}
        elif do == "group":
            window.screen_group()
            self.group = window._group_window
            self.group.import_paths([Path(command["path"])])
            while self.group.busy:
                self.app.processEvents()
            self.group.select_row(0)
            self.group.table.setFocus()
            return {"people": len(self.group.results())}
        elif do == "defaults":  # the organiser's Group defaults dialog, left open
            from ui.group.dialogs import DefaultsDialog

            self.dialog = DefaultsDialog({}, self.group)
            self.dialog.open()
        elif do == "edit":  # the first person's answers in the wizard, left open
            from ui.group.dialogs import EditDialog

            self.dialog = EditDialog(self.group.results()[0], None, self.group)
            self.dialog.open()
        elif do == "close dialog":
            self.dialog.reject()
            self.dialog.deleteLater()
        elif do == "quit":
            QTimer.singleShot(0, self.app.quit)
        else:
            raise ValueError(do)
        return None


def main() -> int:
    app = QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    driver = Driver(app)
    QTimer.singleShot(SETTLE_MS, lambda: driver.reply(ok=True, ready=True))
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())

