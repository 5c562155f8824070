"""Reads a running app's accessibility tree through AT-SPI, as a Linux screen reader (Orca) does, and prints
it as one line of JSON. Run with the system Python, which has pyatspi (Debian: python3-pyatspi):

    /usr/bin/python3 atspi_reader.py PID [SECONDS]

Waits up to SECONDS (default 20) for the app with that process id to show a frame on the AT-SPI bus.
Prints {"nodes": [{"path", "role", "name", "description", "text", "states", "actions"}, ...]}, or
{"error": ...} and exit status 1.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

MAX_NODES = 3000
MAX_DEPTH = 40


def find_app(pid: int) -> object | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        try:
            if app is not None and app.get_process_id() == pid and app.childCount > 0:
                return app
        except Exception:  # an application that went away while we looked
            continue
    return None


def node(accessible: object, path: list[int]) -> dict[str, object]:
    states = accessible.getState()
    info: dict[str, object] = {
        "path": path,
        "role": accessible.getRoleName(),
        "name": accessible.name or "",
        "description": accessible.description or "",
        "states": sorted(pyatspi.stateToString(s) for s in states.getStates()),
        "text": None,
        "actions": [],
    }
    try:
        text = accessible.queryText()
        info["text"] = text.getText(0, -1)
    except NotImplementedError:
        pass
    try:
        action = accessible.queryAction()
        info["actions"] = [action.getName(i) for i in range(action.nActions)]
    except NotImplementedError:
        pass
    return info


def walk(root: object) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    stack: list[tuple[object, list[int]]] = [(root, [])]
    while stack and len(found) < MAX_NODES:
        accessible, path = stack.pop()
        try:
            found.append(node(accessible, path))
            count = accessible.childCount if len(path) < MAX_DEPTH else 0
        except Exception as exc:  # a widget deleted while we walked
            found.append({"path": path, "error": repr(exc)})
            continue
        for index in reversed(range(count)):
            child = accessible.getChildAtIndex(index)
            if child is not None:
                stack.append((child, [*path, index]))
    return found


def main() -> int:
    pid = int(sys.argv[1])
    deadline = time.monotonic() + (float(sys.argv[2]) if len(sys.argv) > 2 else 20.0)
    app = None
    while app is None and time.monotonic() < deadline:
        app = find_app(pid)
        if app is None:
            time.sleep(0.25)
    if app is None:
        print(json.dumps({"error": f"no application with process id {pid} on the AT-SPI bus"}))
        return 1
    print(json.dumps({"nodes": walk(app)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
