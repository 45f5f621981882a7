"""`volunteer-check-gui`: start the desktop app.

The welcome page is painted using Qt alone; the rules (pydantic) and app services load right
after the first paint. Options:

  FILE                       open this answers file
  --quit-after-first-paint   print "first-paint <seconds since process start>" and exit 0
  --quit-after-ready         also load the rules and build the wizard, print
                             "ready <seconds since process start>" and exit 0 (smoke tests)

Seconds are counted from the process start (Linux: /proc; elsewhere: this module's import), or
from the wall-clock time in the environment variable VOLUNTEER_CHECK_T0 when a benchmark sets it.
"""

import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence

_IMPORTED = time.perf_counter()
# The imports below (E402) come after the clock starts: their time counts in the start-up.

from PySide6.QtCore import QEvent, QObject, QSize, QTimer  # noqa: E402 (timed: see above)
from PySide6.QtGui import QGuiApplication  # noqa: E402 (timed: see above)
from PySide6.QtWidgets import QApplication  # noqa: E402 (timed: see above)

from app.about import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, VERSION  # noqa: E402 (timed: see above)
from ui.main_window import MainWindow  # noqa: E402 (timed: see above)


def seconds_since_start() -> float:
    """Seconds since the process started (see the module docstring)."""
    t0 = os.environ.get("VOLUNTEER_CHECK_T0")
    if t0:
        try:
            return time.time() - float(t0)
        except ValueError:
            pass
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            started_ticks = int(fields[19])
            with open("/proc/uptime", encoding="ascii") as uptime:
                up = float(uptime.read().split()[0])
            return up - started_ticks / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            pass
    return time.perf_counter() - _IMPORTED


class FirstPaint(QObject):
    """Application event filter: once any widget paints, run `callback` after that paint pass.

    The paint pass of a window paints every visible widget in one go, so the callback (queued
    with a zero timer) runs when the whole first page is on screen. The filter then removes
    itself.
    """

    def __init__(self, app: QApplication, callback: Callable[[], None]) -> None:
        super().__init__()
        self._app = app
        self._callback = callback
        self.fired = False
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.fired and event.type() == QEvent.Type.Paint:
            self.fired = True
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


USAGE = """usage: volunteer-check-gui [FILE] [--quit-after-first-paint] [--quit-after-ready]

  FILE                       open this answers file
  --quit-after-first-paint   print the time to the first paint and exit (benchmarks)
  --quit-after-ready         load everything, print the time and exit (smoke tests)
Other options (for example -platform offscreen) are passed to Qt."""


class Options:
    """The command line (parsed by hand: argparse costs ~10 ms of start-up via gettext)."""

    def __init__(self, argv: Sequence[str]) -> None:
        self.file: str | None = None
        self.quit_after_first_paint = False
        self.quit_after_ready = False
        self.help = False
        self.qt_args: list[str] = []
        for arg in argv:
            if arg == "--quit-after-first-paint":
                self.quit_after_first_paint = True
            elif arg == "--quit-after-ready":
                self.quit_after_ready = True
            elif arg in ("-h", "--help"):
                self.help = True
            elif arg.startswith("-") or self.file is not None or self.qt_args:
                self.qt_args.append(arg)
            else:
                self.file = arg


def initial_size() -> QSize:
    """1000 x 720, or less on a small screen."""
    wanted = QSize(1000, 720)
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    free = screen.availableGeometry().size()
    return QSize(max(640, min(wanted.width(), free.width() - 40)),
                 max(480, min(wanted.height(), free.height() - 60)))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the exit code."""
    args = Options(sys.argv[1:] if argv is None else argv)
    if args.help:
        print(USAGE)
        return 0
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else \
        QApplication([sys.argv[0] if sys.argv else "volunteer-check-gui", *args.qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(VERSION)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setDesktopFileName(APP_ID)
    from ui.language import apply_language, startup_language

    apply_language(startup_language())  # the one remembered, else the system's

    window = MainWindow()
    window.resize(initial_size())

    def after_first_paint() -> None:
        if args.quit_after_first_paint:
            print(f"first-paint {seconds_since_start():.4f}", flush=True)
            app.exit(0)
            return
        try:
            window.finish_startup()
            from ui.common import protect_qt_settings  # after the first paint: not on its path

            protect_qt_settings()  # Qt's own settings file (file dialogs), owner-only
        except Exception:  # a broken installation: say so instead of hanging
            traceback.print_exc()
            if args.quit_after_ready:
                app.exit(1)
                return
            window.startup_failed(traceback.format_exc(limit=1))
            return
        if args.file:
            window.open_file(args.file)
        if args.quit_after_ready:
            print(f"ready {seconds_since_start():.4f}", flush=True)
            app.exit(0)

    watcher = FirstPaint(app, after_first_paint)
    window.show()
    code = app.exec()
    del watcher
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
