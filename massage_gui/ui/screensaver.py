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
    """The session bus's org.freedesktop.ScreenSaver (KDE, GNOME, Xfce and others provide it)."""

    def __init__(self) -> None:
        self.status = ""
        self._interface = None
        if not sys.platform.startswith("linux"):
            self.status = QCoreApplication.translate("ScreenSaver", "The screen saver is left alone on this platform.")
            return
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface
        except (ImportError, OSError) as exc:
            self.status = QCoreApplication.translate(
                "ScreenSaver", "Cannot keep the screen on: Qt's D-Bus module could not load ({error})."
            ).format(error=exc)
            return
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            self.status = QCoreApplication.translate(
                "ScreenSaver", "Cannot keep the screen on: there is no D-Bus session bus."
            )
            return
        interface = QDBusInterface(SERVICE, PATH, SERVICE, bus)
        if not interface.isValid():
            self.status = QCoreApplication.translate(
                "ScreenSaver", "Cannot keep the screen on: no screen saver service answers on D-Bus."
            )
            return
        self._interface = interface

    def inhibit(self) -> int | None:
        if self._interface is None:
            return None
        reason = QCoreApplication.translate("ScreenSaver", "A guided massage session is running")
        reply = self._interface.call("Inhibit", "massage-gui", reason)
        arguments = reply.arguments()
        return int(arguments[0]) if arguments else None

    def uninhibit(self, cookie: int) -> None:
        if self._interface is not None:
            self._interface.call("UnInhibit", cookie)


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
