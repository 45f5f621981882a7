"""The app on a real accessibility bus: Xvfb, a private D-Bus session, the AT-SPI bus and
registry, the app in an X11 window (tests/a11y/app_driver.py) and an AT-SPI client.

Skips, saying why, only where the stack cannot start (no Xvfb, D-Bus or at-spi2-core: `./dev`
installs them on Debian). One app process serves the whole module, so the suite stays fast.
"""

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.a11y.atspi import Client, Node, Stack, missing_tools

ROOT = Path(__file__).resolve().parents[2]
APP_NAME = "Volunteer Check"


class App:
    """The app process and the AT-SPI client that looks at it."""

    def __init__(self, stack: Stack, client: Client, process: subprocess.Popen[str]) -> None:
        self.stack = stack
        self.client = client
        self.process = process
        self.root: Node | None = None

    def send(self, do: str, **fields: Any) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"do": do, **fields}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"the app stopped (exit code {self.process.poll()})"
        reply: dict[str, Any] = json.loads(line)
        assert reply.get("ok"), reply
        return reply

    def tree(self) -> Node:
        """What a screen reader can see now: the app's windows, only what is on screen."""
        assert self.root is not None
        app = self.client.read(*self.root.ref)
        return self.client.tree(app)


@pytest.fixture(scope="module")
def app() -> Iterator[App]:
    why = missing_tools()
    if why:
        pytest.skip(f"no accessibility bus can start here: {why}")
    try:
        import jeepney  # noqa: F401 (imported only to see whether it is installed)
    except ImportError:
        pytest.skip("jeepney is not installed (./dev installs the test extras)")
    stack = Stack()
    process: subprocess.Popen[str] | None = None
    client: Client | None = None
    try:
        try:
            stack.start()
            address = stack.a11y_address()
        except (OSError, RuntimeError) as error:
            pytest.skip(f"no D-Bus session or AT-SPI bus could start here: {error}")
        client = Client(address)
        client.listen()
        env = dict(stack.env)
        home = Path(stack.folder) / "home"
        home.mkdir()
        env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                   QT_ACCESSIBILITY="1", HOME=str(home),
                   XDG_CONFIG_HOME=str(home / ".config"),
                   XDG_DATA_HOME=str(home / ".local/share"),
                   XDG_CACHE_HOME=str(home / ".cache"),
                   VOLUNTEER_CHECK_HOME=str(home / "volunteer-check"),
                   PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.a11y.app_driver"], cwd=ROOT, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert process.stdout is not None
        ready = process.stdout.readline()
        assert ready and json.loads(ready).get("ready"), f"the app did not start: {ready!r}"
        running = App(stack, client, process)
        running.root = client.application(APP_NAME)
        # A screen reader reads the start page as soon as it is painted, before the rest of
        # the app loads: the roles must still come out right afterwards.
        running.tree()
        running.send("finish")
        yield running
    finally:
        if process is not None:
            if process.poll() is None and process.stdin is not None:
                try:
                    process.stdin.write(json.dumps({"do": "quit"}) + "\n")
                    process.stdin.flush()
                    process.wait(5)
                except (OSError, subprocess.TimeoutExpired):
                    process.kill()
            if process.poll() is None:
                process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()
        if client is not None:
            client.close()
        stack.stop()
