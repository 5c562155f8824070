"""One running app per user (and per MASSAGE_GUI_HOME): a second launch raises the first window and exits.

On Linux and macOS the running instance listens on a Unix socket of its own, read with QtCore's socket
notifier; QtNetwork (2.4 MiB with the Kerberos libraries it brings) stays unloaded. The socket is where Qt's
QLocalServer put it for the same name, so that launches of earlier versions find it. On Windows it is
QLocalServer's named pipe.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import zlib
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QDir, QLockFile, QObject, QSocketNotifier, Signal, Slot

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 500
PIPES = sys.platform == "win32"  # no Unix sockets: Qt's named pipes


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
        self.socket_path = Path(QDir.tempPath()) / self.server_name
        self.lock_path = state_dir / "instance.lock"
        # A lock left by a killed process is taken over: QLockFile checks whether its owner still runs.
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)
        self._server: Any = None  # the listening socket (or, on Windows, QLocalServer)
        self._notifiers: dict[QSocketNotifier, socket.socket] = {}
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
        if PIPES:
            self._listen_on_pipe()
            return
        with contextlib.suppress(OSError):
            self.socket_path.unlink()  # a socket left behind by a crash (the lock says none runs)
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)  # for this user alone
        try:
            server.bind(str(self.socket_path))
            server.listen(4)
        except OSError:  # no socket: a second launch finds the lock held and stops without raising this one
            server.close()
            return
        finally:
            os.umask(old)
        server.setblocking(False)
        self._server = server
        self._watch(server)

    def _watch(self, sock: socket.socket) -> None:
        notifier = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._on_notifier_activated)
        self._notifiers[notifier] = sock

    @Slot()
    def _on_notifier_activated(self) -> None:
        notifier = cast(QSocketNotifier, self.sender())
        sock = self._notifiers.get(notifier)
        if sock is None:
            return
        if sock is self._server:
            with contextlib.suppress(BlockingIOError, InterruptedError):
                while True:
                    client, _ = sock.accept()
                    client.setblocking(False)
                    self._watch(client)
            return
        try:
            data = sock.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if data.startswith(ACTIVATE.strip()):
            self.activation_requested.emit()
        self._forget(notifier)

    def _forget(self, notifier: QSocketNotifier) -> None:
        notifier.setEnabled(False)
        self._notifiers.pop(notifier).close()
        notifier.deleteLater()

    def _activate_other(self) -> bool:
        """Ask a running instance to come to the front; False if none answers."""
        if PIPES:
            return self._activate_over_pipe()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(CONNECT_TIMEOUT_MS / 1000)
            try:
                sock.connect(str(self.socket_path))
                sock.sendall(ACTIVATE)
            except OSError:
                return False
        return True

    def release(self) -> None:
        for notifier in list(self._notifiers):
            self._forget(notifier)
        if self._server is not None:
            if PIPES:
                self._server.close()
            else:
                with contextlib.suppress(OSError):
                    self.socket_path.unlink()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    # -- Windows: Qt's named pipes -------------------------------------------------------------------

    def _listen_on_pipe(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.server_name)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        self._server.listen(self.server_name)

    def _activate_over_pipe(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        pipe = QLocalSocket()
        pipe.connectToServer(self.server_name)
        if not pipe.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        pipe.write(ACTIVATE)
        pipe.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        pipe.disconnectFromServer()
        return True

    @Slot()
    def _on_server_new_connection(self) -> None:
        while (pipe := self._server.nextPendingConnection()) is not None:
            pipe.readyRead.connect(lambda pipe=pipe: self._on_pipe_ready_read(pipe))
            pipe.disconnected.connect(pipe.deleteLater)
            if pipe.bytesAvailable():
                self._on_pipe_ready_read(pipe)

    def _on_pipe_ready_read(self, pipe: Any) -> None:
        if bytes(pipe.readAll().data()).startswith(ACTIVATE.strip()):
            self.activation_requested.emit()


def _lock_error_words(error: QLockFile.LockError, path: Path) -> str:
    """Why QLockFile failed, in words: it gives only a code, so the folder is looked at for the usual causes."""
    if not path.parent.is_dir():
        return "its folder is missing or not a folder"
    if error == QLockFile.LockError.PermissionError:
        return "no permission to write in its folder"
    return "the disk may be full or read-only"
