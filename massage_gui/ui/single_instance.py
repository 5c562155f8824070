"""One running app per user (and per MASSAGE_GUI_HOME): a second launch raises the first window and exits."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 500


class SingleInstance(QObject):
    """Call ``claim()``: True in the first instance (which then listens), False in a second one,
    which has already asked the first to come to the front.

    Signals:
        activation_requested(): another launch asked this instance to show its window.
    """

    activation_requested = Signal()

    def __init__(self, state_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        state_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha1(str(state_dir.resolve()).encode()).hexdigest()[:12]
        self.server_name = f"massage-gui-{digest}"
        # A lock left by a killed process is taken over: QLockFile checks whether its owner still runs.
        self._lock = QLockFile(str(state_dir / "instance.lock"))
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        if self._lock.tryLock(100):
            QLocalServer.removeServer(self.server_name)  # a socket left behind by a crash
            self._server = QLocalServer(self)
            self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            self._server.newConnection.connect(self._on_server_new_connection)
            self._server.listen(self.server_name)
            return True
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if socket.waitForConnected(CONNECT_TIMEOUT_MS):
            socket.write(ACTIVATE)
            socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
            socket.disconnectFromServer()
        return False

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()

    @Slot()
    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._on_socket_ready_read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_socket_ready_read(socket)

    @Slot()
    def _on_socket_ready_read(self, socket: QLocalSocket | None = None) -> None:
        source = socket or self.sender()
        if isinstance(source, QLocalSocket) and source.readAll().data().startswith(ACTIVATE.strip()):
            self.activation_requested.emit()
