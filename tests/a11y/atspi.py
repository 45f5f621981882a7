"""A private Linux accessibility stack and a small AT-SPI client, as a screen reader sees the app.

`Stack` starts Xvfb, a private D-Bus session (dbus-daemon --session) and the AT-SPI bus
(/usr/libexec/at-spi-bus-launcher, which starts its own bus; at-spi2-registryd is activated on
it). `Client` talks AT-SPI over that bus with jeepney (pure Python D-Bus, installed from PyPI with
the test extras into .venv: no system Python bindings, no GObject introspection): it walks the
accessible tree like Orca does (roles, names, descriptions, states, relations, actions) and
listens to the events a screen reader registers for.
"""

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from jeepney import DBusAddress, MatchRule, Message, MessageType, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
ACCESSIBLE = "org.a11y.atspi.Accessible"
REGISTRY = "org.a11y.atspi.Registry"
ROOT = "/org/a11y/atspi/accessible/root"

# AtspiStateType bits and AtspiRelationType values (at-spi2-core atspi-constants.h).
STATES = {"enabled": 8, "expandable": 9, "expanded": 10, "focusable": 11, "focused": 12,
          "sensitive": 24, "showing": 25, "visible": 30}
LABELLED_BY, MEMBER_OF = 2, 5
# The events Orca registers for that matter here.
EVENTS = ("object:announcement", "object:state-changed:showing",
          "object:state-changed:focused", "focus:", "object:property-change:accessible-name")


def missing_tools() -> str:
    """Why the stack cannot start here ('' when it can)."""
    for tool, package in (("Xvfb", "xvfb"), ("dbus-daemon", "dbus")):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian package {package}; ./dev test installs it)"
    if not os.access(BUS_LAUNCHER, os.X_OK):
        return f"{BUS_LAUNCHER} is missing (Debian: at-spi2-core)"
    return ""


class Stack:
    """Xvfb + private D-Bus session + AT-SPI bus; `env` is what the app needs to join them."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="vc-a11y-")
        os.chmod(self.folder, 0o700)
        self.processes: list[subprocess.Popen[bytes]] = []
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("DBUS_", "AT_SPI", "QT_", "WAYLAND"))}
        self.env.update(XDG_RUNTIME_DIR=self.folder, NO_AT_BRIDGE="0")

    def _start(self, args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(args, env=self.env, **kwargs)
        self.processes.append(process)
        return process

    def start(self) -> None:
        read, write = os.pipe()
        self._start(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24",
                     "-nolisten", "tcp", "-noreset"], pass_fds=(write,),
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        display = b""
        with os.fdopen(read, "rb") as pipe:
            display = pipe.readline().strip()
        if not display:
            raise RuntimeError("Xvfb did not start")
        self.env["DISPLAY"] = ":" + display.decode()
        bus = self._start(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        if not address:
            raise RuntimeError("dbus-daemon --session did not start")
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address
        self._start([BUS_LAUNCHER, "--launch-immediately", "--a11y=1", "--screen-reader=1"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def a11y_address(self, timeout: float = 10.0) -> str:
        """The AT-SPI bus address (org.a11y.Bus.GetAddress on the session bus)."""
        session = open_dbus_connection(bus=self.env["DBUS_SESSION_BUS_ADDRESS"])
        try:
            deadline = time.monotonic() + timeout
            while True:
                reply = session.send_and_get_reply(new_method_call(
                    DBusAddress("/org/a11y/bus", "org.a11y.Bus", "org.a11y.Bus"), "GetAddress"),
                    timeout=timeout)
                if reply.header.message_type == MessageType.method_return and reply.body[0]:
                    return str(reply.body[0])
                if time.monotonic() > deadline:
                    raise RuntimeError(f"no AT-SPI bus: {reply.body}")
                time.sleep(0.1)
        finally:
            session.close()

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class Node:
    """One accessible object as read over AT-SPI."""

    bus: str
    path: str
    role: str = ""
    name: str = ""
    description: str = ""
    states: set[str] = field(default_factory=set)
    relations: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)
    actions: list[str] = field(default_factory=list)
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)

    @property
    def ref(self) -> tuple[str, str]:
        return (self.bus, self.path)

    def ancestors(self) -> Iterator["Node"]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def walk(self) -> Iterator["Node"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def __repr__(self) -> str:
        return f"<{self.role} {self.name!r}>"


@dataclass
class Event:
    kind: str  # "Object:Announcement", "Object:StateChanged", "Focus:Focus", ...
    detail: str
    value: int
    data: Any
    source: tuple[str, str]


class Client:
    """AT-SPI over jeepney: read the tree, do actions, listen to events."""

    def __init__(self, address: str) -> None:
        self.conn: DBusConnection = open_dbus_connection(bus=address)
        self.events: list[Event] = []
        self._queue: Any = None
        self._filters = contextlib.ExitStack()

    def close(self) -> None:
        self._filters.close()
        self.conn.close()

    # ---- calls ----

    def call(self, bus: str, path: str, interface: str, method: str,
             signature: str | None = None, body: tuple[Any, ...] = ()) -> Any:
        message = new_method_call(DBusAddress(path, bus, interface), method, signature, body)
        reply = self.conn.send_and_get_reply(message, timeout=10)
        if reply.header.message_type == MessageType.error:
            raise RuntimeError(f"{interface}.{method} on {path}: {reply.body}")
        self._drain()
        return reply.body

    def get(self, bus: str, path: str, interface: str, name: str) -> Any:
        return self.call(bus, path, "org.freedesktop.DBus.Properties", "Get", "ss",
                         (interface, name))[0][1]

    def applications(self) -> list[tuple[str, str]]:
        return list(self.call(REGISTRY, ROOT, ACCESSIBLE, "GetChildren")[0])

    def application(self, name: str, timeout: float = 20.0) -> Node:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for bus, path in self.applications():
                with contextlib.suppress(RuntimeError):
                    if self.get(bus, path, ACCESSIBLE, "Name") == name:
                        return self.read(bus, path)
            time.sleep(0.1)
        raise AssertionError(f"{name!r} never appeared on the AT-SPI bus")

    def read(self, bus: str, path: str, parent: Node | None = None) -> Node:
        """One node without its children."""
        node = Node(bus, path, parent=parent)
        node.role = self.call(bus, path, ACCESSIBLE, "GetRoleName")[0]
        node.name = self.get(bus, path, ACCESSIBLE, "Name")
        node.description = self.get(bus, path, ACCESSIBLE, "Description")
        low, high = self.call(bus, path, ACCESSIBLE, "GetState")[0]
        bits = low | (high << 32)
        node.states = {name for name, bit in STATES.items() if bits & (1 << bit)}
        for kind, targets in self.call(bus, path, ACCESSIBLE, "GetRelationSet")[0]:
            node.relations.setdefault(kind, []).extend(tuple(t) for t in targets)
        node.attributes = dict(self.call(bus, path, ACCESSIBLE, "GetAttributes")[0])
        return node

    def actions(self, node: Node) -> list[str]:
        try:
            found = self.call(node.bus, node.path, "org.a11y.atspi.Action", "GetActions")[0]
        except RuntimeError:
            return []
        return [str(name) for name, _description, _keys in found]

    def do_action(self, node: Node, name: str) -> bool:
        index = self.actions(node).index(name)
        return bool(self.call(node.bus, node.path, "org.a11y.atspi.Action", "DoAction", "i",
                              (index,))[0])

    def tree(self, root: Node, shown_only: bool = True) -> Node:
        """Read `root`'s subtree: only what is shown (scrolled out of view or not), unless
        told otherwise."""
        for bus, path in self.call(root.bus, root.path, ACCESSIBLE, "GetChildren")[0]:
            child = self.read(bus, path, parent=root)
            if shown_only and "visible" not in child.states:
                continue
            root.children.append(child)
            self.tree(child, shown_only)
        return root

    def node(self, ref: tuple[str, str]) -> Node:
        return self.read(*ref)

    # ---- events ----

    def listen(self) -> None:
        """Register for the events a screen reader hears (Qt sends only what is registered)."""
        rule = MatchRule(type="signal", path_namespace="/org/a11y/atspi/accessible")
        self._queue = self._filters.enter_context(self.conn.filter(rule, bufsize=10000))
        self.call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                  "AddMatch", "s", (rule.serialise(),))
        for event in EVENTS:
            self.call(REGISTRY, "/org/a11y/atspi/registry", REGISTRY, "RegisterEvent",
                      "sass", (event, [], ""))

    def _drain(self) -> None:
        if self._queue is None:
            return
        while self._queue:
            self._record(self._queue.popleft())

    def _record(self, message: Message) -> None:
        header = message.header
        interface = str(header.fields.get(2, ""))  # HeaderFields.interface
        member = str(header.fields.get(3, ""))
        if not interface.startswith("org.a11y.atspi.Event."):
            return
        kind = interface.rsplit(".", 1)[1] + ":" + member
        detail, value, _data2, data = message.body[:4]
        source = (str(header.fields.get(7, "")), str(header.fields.get(1, "")))
        self.events.append(Event(kind, str(detail), int(value), data[1], source))

    def wait_for(self, predicate: Callable[[Event], bool], timeout: float = 3.0) -> Event | None:
        """The first event (since the last `clear_events`) for which `predicate` holds."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            self._drain()
            while seen < len(self.events):  # the predicate's own calls may record more
                event = self.events[seen]
                seen += 1
                if predicate(event):
                    return event
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            with contextlib.suppress(TimeoutError):
                self._record(self.conn.recv_until_filtered(self._queue, timeout=min(left, 0.2)))

    def clear_events(self) -> None:
        self._drain()
        self.events.clear()
