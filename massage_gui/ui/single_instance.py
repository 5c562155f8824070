"""One running app per user (and per MASSAGE_GUI_HOME): a second launch raises the first window and exits."""

from __future__ import annotations

import zlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 500


class SingleInstance(QObject):
    """Call ``claim()``: True in the first instance (which then listens), False in a second one,
    which has already asked the first to come to the front.

    Another instance holding the lock is one thing; a lock file that cannot be made (a full disk, a
    read-only or missing folder) is another: then no running instance is known, so ``claim()`` says True
    unless one answers on the local socket, and ``problem`` says (in one line, naming the lock file) that
    this run is not protected against a second copy.

    Signals:
        activation_requested(): another launch asked this instance to show its window.
    """

    activation_requested = Signal()

    def __init__(self, state_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A checksum names the folder's socket (hashlib would load OpenSSL: 3 MiB for one name).
        digest = zlib.crc32(str(state_dir.resolve()).encode())
        self.server_name = f"massage-gui-{digest:08x}"
        self.lock_path = state_dir / "instance.lock"
        # A lock left by a killed process is taken over: QLockFile checks whether its owner still runs.
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self.problem = ""

    def claim(self) -> bool:
        if self._lock.tryLock(100):
            self._listen()
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:  # another instance holds it
            self._activate_other()
            return False
        if self._activate_other():  # no lock to be had, but an instance answers: it runs
            return False
        self.problem = (
            f"{self.lock_path}: cannot be made ({_lock_error_words(self._lock.error(), self.lock_path)}): "
            "a second copy of the app is not prevented this time."
        )
        self._listen()
        return True

    def _listen(self) -> None:
        QLocalServer.removeServer(self.server_name)  # a socket left behind by a crash
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        self._server.listen(self.server_name)

    def _activate_other(self) -> bool:
        """Ask a running instance to come to the front; False if none answers."""
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(ACTIVATE)
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        if self._lock.isLocked():
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
        if isinstance(source, QLocalSocket) and bytes(source.readAll().data()).startswith(ACTIVATE.strip()):
            self.activation_requested.emit()


def _lock_error_words(error: QLockFile.LockError, path: Path) -> str:
    """Why QLockFile failed, in words: it gives only a code, so the folder is looked at for the usual causes."""
    if not path.parent.is_dir():
        return "its folder is missing or not a folder"
    if error == QLockFile.LockError.PermissionError:
        return "no permission to write in its folder"
    return "the disk may be full or read-only"
