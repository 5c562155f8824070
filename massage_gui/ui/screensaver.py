"""Keeps the screen saver away while a session runs: the freedesktop ScreenSaver Inhibit call over D-Bus."""

from __future__ import annotations

import sys
from typing import Protocol

from PySide6.QtCore import QCoreApplication

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"


class Backend(Protocol):
    def inhibit(self) -> int | None: ...

    def uninhibit(self, cookie: int) -> None: ...


class DBusScreenSaver:
    """The session bus's org.freedesktop.ScreenSaver (KDE, GNOME, Xfce and others provide it).

    Each inhibition is asked for on a bus connection of its own, and let go by closing that connection: the
    desktops drop what a connection held when it goes. (Its ``UnInhibit`` takes an unsigned cookie, which
    PySide6 cannot send: it sends a Python int as a signed one, and the desktops refuse the call, so the screen
    would stay awake as long as the app runs.) Nothing waits for the screen saver's answer, so one that has
    hung cannot hold up the window."""

    def __init__(self) -> None:
        self.status = ""
        self._connections = 0
        if not sys.platform.startswith("linux"):
            self.status = QCoreApplication.translate("ScreenSaver", "The screen saver is left alone on this platform.")

    def inhibit(self) -> int | None:
        if self.status:
            return None
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusMessage
        except (ImportError, OSError) as exc:
            self.status = QCoreApplication.translate(
                "ScreenSaver", "Cannot keep the screen on: Qt's D-Bus module could not load ({error})."
            ).format(error=exc)
            return None
        self._connections += 1
        name = _connection_name(self._connections)
        bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
        if not bus.isConnected():
            QDBusConnection.disconnectFromBus(name)
            self.status = QCoreApplication.translate(
                "ScreenSaver", "Cannot keep the screen on: there is no D-Bus session bus."
            )
            return None
        call = QDBusMessage.createMethodCall(SERVICE, PATH, SERVICE, "Inhibit")
        call.setArguments(
            ["massage-gui", QCoreApplication.translate("ScreenSaver", "A guided massage session is running")]
        )
        bus.asyncCall(call)
        return self._connections

    def uninhibit(self, cookie: int) -> None:
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.disconnectFromBus(_connection_name(cookie))


def _connection_name(number: int) -> str:
    return f"massage-gui-screensaver-{number}"


class ScreenSaverInhibitor:
    """Inhibits while ``set_active(True)``, releases on ``set_active(False)``; never inhibits twice."""

    def __init__(self, backend: Backend | None = None) -> None:
        self._backend = backend
        self._cookie: int | None = None

    @property
    def active(self) -> bool:
        return self._cookie is not None

    def set_active(self, active: bool) -> None:
        if active and self._cookie is None:
            if self._backend is None:
                self._backend = DBusScreenSaver()
            self._cookie = self._backend.inhibit()
        elif not active and self._cookie is not None:
            assert self._backend is not None
            self._backend.uninhibit(self._cookie)
            self._cookie = None
