"""A strict org.freedesktop.ScreenSaver on the session bus, for tests: run as a script.

Like the desktops' own (KDE's, GNOME's), it takes ``Inhibit(s, s) -> u`` and ``UnInhibit(u)`` only with those
argument types, and lets go of an application's inhibitions when its bus connection goes. ``Held() -> u`` says
how many it holds. With ``--stuck`` it never answers ``Inhibit`` (a screen saver that has hung). It prints
``ready`` once it owns its name."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusServiceWatcher

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"


@ClassInfo({"D-Bus Interface": SERVICE})
class ScreenSaver(QObject):
    def __init__(self, bus: QDBusConnection, stuck: bool) -> None:
        super().__init__()
        self._stuck = stuck
        self._held: dict[int, str] = {}  # cookie: the connection that asked
        self._watcher = QDBusServiceWatcher(self)
        self._watcher.setConnection(bus)
        self._watcher.setWatchMode(QDBusServiceWatcher.WatchModeFlag.WatchForUnregistration)
        self._watcher.serviceUnregistered.connect(self._on_watcher_service_unregistered)

    @Slot(str, str, QDBusMessage, result="uint")
    def Inhibit(self, application: str, reason: str, message: QDBusMessage) -> int:  # noqa: N802 (D-Bus method)
        if self._stuck:
            time.sleep(30)
        sender = message.service()
        cookie = max(self._held, default=40) + 1
        self._held[cookie] = sender
        self._watcher.addWatchedService(sender)
        return cookie

    @Slot("uint")
    def UnInhibit(self, cookie: int) -> None:  # noqa: N802 (D-Bus method)
        self._held.pop(cookie, None)

    @Slot(result="uint")
    def Held(self) -> int:  # noqa: N802 (D-Bus method)
        return len(self._held)

    def _on_watcher_service_unregistered(self, name: str) -> None:
        self._held = {cookie: sender for cookie, sender in self._held.items() if sender != name}


def main() -> int:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    saver = ScreenSaver(bus, "--stuck" in sys.argv)
    if not bus.registerObject(PATH, saver, QDBusConnection.RegisterOption.ExportAllSlots):
        print("cannot register the object", flush=True)
        return 1
    if not bus.registerService(SERVICE):
        print("cannot own the name", flush=True)
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
