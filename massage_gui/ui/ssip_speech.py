"""Speech through speech-dispatcher's own protocol (SSIP) on its socket: from the GUI thread, never waiting.

Qt's speech-dispatcher engine goes through libspeechd, which waits for every answer (a server that cannot
open its audio output may never give one) and lists the voices of every language at start: 10 MiB more
in the process, for a few short lines a minute. This client writes each command to the socket and reads
the answers as they come, one command at a time, so a server that stops answering holds up nothing: the
cue player asks how long the oldest command has waited (``stalled_for``) and turns voice off.

Where the server is, and how it is started when it is not running, follow libspeechd: SPEECHD_ADDRESS
(``unix_socket:PATH`` or ``inet_socket:HOST:PORT``), else ``$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock``;
SPEECHD_CMD, else ``speech-dispatcher``, run with ``--spawn``.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import math
import os
import socket
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QProcess, QSocketNotifier, Signal, Slot

DEFAULT_PORT = 6560


@dataclass(frozen=True)
class Address:
    """Where speech-dispatcher listens: a Unix socket's path, or a host and port."""

    path: str = ""
    host: str = ""
    port: int = DEFAULT_PORT

    @property
    def local(self) -> bool:
        return bool(self.path) or self.host in ("localhost", "127.0.0.1", "::1")

    def spawn_arguments(self) -> list[str]:
        if self.path:
            return ["--spawn", "--communication-method", "unix_socket", "--socket-path", self.path]
        return ["--spawn", "--communication-method", "inet_socket", "--port", str(self.port)]


def _runtime_dir() -> str:
    """GLib's user runtime folder, where libspeechd looks: XDG_RUNTIME_DIR, else the user's cache folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        return runtime
    return os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")


def server_address(value: str | None = None) -> Address | None:
    """The address in SPEECHD_ADDRESS (or ``value``), as libspeechd reads it; None when it cannot be read."""
    text = os.environ.get("SPEECHD_ADDRESS", "") if value is None else value
    default = Address(path=str(Path(_runtime_dir()) / "speech-dispatcher" / "speechd.sock"))
    if not text:
        return default
    method, _, rest = text.partition(":")
    if method == "unix_socket":
        return Address(path=rest) if rest else default
    if method == "inet_socket":
        host, _, port = rest.partition(":")
        try:
            return Address(host=host or "127.0.0.1", port=int(port) if port else DEFAULT_PORT)
        except ValueError:
            return None
    return None


def speech_text(text: str) -> bytes:
    """A line to speak as SSIP data: CR LF line ends, a leading dot doubled (a lone dot ends the data)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\r\n".join("." + line if line.startswith(".") else line for line in lines).encode("utf-8")


def ssip_quote(value: str) -> str:
    """A command's argument on one line (SSIP has no escapes: line ends become spaces)."""
    return " ".join(value.split())


@dataclass(frozen=True)
class SsipVoice:
    """One of the server's voices (the part of QVoice the cue player reads)."""

    voice_name: str
    language: str

    def name(self) -> str:
        return self.voice_name


@dataclass
class _Command:
    line: str
    data: bytes | None = None  # sent after the server's 230 (SPEAK)
    on_reply: Callable[[int, list[str]], None] | None = None
    keep: Callable[[str], bool] | None = None  # which lines of a long answer to keep (None: all)
    sent_at: float = 0.0
    body: list[str] = field(default_factory=list)


class _Connection:
    """A socket to the server, never waited on: QtCore's notifiers (children of ``owner``) say when it can be
    read or written (QtNetwork would bring 2.4 MiB for this). ``connected``, ``failed`` (before connecting),
    ``received(bytes)`` and ``lost`` (after connecting) are called back."""

    def __init__(self, address: Address, owner: QObject, callbacks: _Callbacks) -> None:
        self._callbacks = callbacks
        self._out = b""
        self._connecting = True
        family, target = _target(address)
        self._target: str | tuple[str, int] = target
        self._sock = socket.socket(family, socket.SOCK_STREAM)
        self._sock.setblocking(False)
        self._reader = QSocketNotifier(self._sock.fileno(), QSocketNotifier.Type.Read, owner)
        self._reader.activated.connect(self._on_reader_activated)
        self._writer = QSocketNotifier(self._sock.fileno(), QSocketNotifier.Type.Write, owner)
        self._writer.activated.connect(self._on_writer_activated)
        self._reader.setEnabled(False)
        self._writer.setEnabled(False)

    def open(self) -> None:
        """Connect; the callbacks say how it went (at once for a Unix socket)."""
        result = self._sock.connect_ex(self._target)
        if result in (errno.EINPROGRESS, errno.EAGAIN, errno.EWOULDBLOCK):
            self._writer.setEnabled(True)  # it says when the connection is made
            return
        self._connected(result)

    def _connected(self, result: int) -> None:
        self._connecting = False
        if result != 0:
            self.close()
            self._callbacks.failed()
            return
        self._reader.setEnabled(True)
        self._writer.setEnabled(bool(self._out))
        self._callbacks.connected()

    def write(self, data: bytes) -> None:
        self._out += data
        if not self._connecting:
            self._flush()

    def _flush(self) -> None:
        try:
            sent = self._sock.send(self._out) if self._out else 0
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError:
            self._lose()
            return
        self._out = self._out[sent:]
        self._writer.setEnabled(bool(self._out))

    def _on_writer_activated(self) -> None:
        if self._connecting:
            self._connected(self._sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
        else:
            self._flush()

    def _on_reader_activated(self) -> None:
        try:
            data = self._sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if data:
            self._callbacks.received(data)
        else:
            self._lose()

    def _lose(self) -> None:
        self.close()
        self._callbacks.lost()

    def close(self, goodbye: bytes = b"") -> None:
        """Close at once, sending ``goodbye`` first if the socket takes it straight away."""
        if self._sock.fileno() < 0:
            return
        for notifier in (self._reader, self._writer):
            notifier.setEnabled(False)
            notifier.deleteLater()  # not now: this may run in one's slot
        if goodbye and not self._connecting:
            with contextlib.suppress(OSError):
                self._sock.send(self._out + goodbye)
        self._sock.close()


@dataclass(frozen=True)
class _Callbacks:
    connected: Callable[[], None]
    failed: Callable[[], None]
    received: Callable[[bytes], None]
    lost: Callable[[], None]


def _target(address: Address) -> tuple[socket.AddressFamily, str | tuple[str, int]]:
    if address.path:
        return socket.AF_UNIX, address.path
    try:  # a name of this host, or an address: resolved at once
        family, _, _, _, target = socket.getaddrinfo(address.host, address.port, type=socket.SOCK_STREAM)[0]
    except OSError:
        return socket.AF_INET, ("0.0.0.0", 0)  # connects nowhere: "absent"
    return family, (str(target[0]), int(target[1]))


class SsipSpeech(QObject):
    """An SSIP conversation with speech-dispatcher, in the few calls the cue player makes.

    Signals:
    started(result): "ok" (the voices of ``preferred``, or else of ``language``, are in availableVoices),
        "absent" (no server, and it could not be started), "no_voices" (a server without output modules)
        or "failed" (it refused the set-up). Never emitted if the server does not answer.
    """

    started = Signal(str)

    def __init__(
        self,
        language: str,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
        preferred: str = "",
    ) -> None:
        """``language``: the UI's ('en', 'de'); ``preferred``: the system's locale ('en_GB'), whose voices
        are listed when it is of that language and has some; else those of the language's main country
        (en_US, de_DE, as Qt's locale for the language has it: the C locale has no country), else the
        language's own."""
        super().__init__(parent)
        self._language = language
        main = QLocale(language).name()
        self._wanted = (preferred, main, language) if _same_language(preferred, language) else (main, language)
        self._clock = clock
        self._socket: _Connection | None = None
        self._buffer = b""
        self._queue: deque[_Command] = deque()
        self._current: _Command | None = None
        self._voices: list[SsipVoice] = []
        self._spawned = False
        self._closed = False
        self._lost = False
        self._ready = False
        self.language_voice = False
        self._address: Address | None = None
        self._process: QProcess | None = None

    # -- connecting --------------------------------------------------------------------------------

    def start(self) -> None:
        self._address = server_address()
        if self._address is None:
            self._finish_start("absent")
            return
        self._connect()

    def _connect(self) -> None:
        assert self._address is not None
        callbacks = _Callbacks(self._on_connected, self._on_connect_failed, self._on_received, self._on_lost)
        self._socket = _Connection(self._address, self, callbacks)
        self._socket.open()

    def _on_connected(self) -> None:
        user = ssip_quote(_user_name())
        self._send(_Command(f'SET SELF CLIENT_NAME "{user}:massage-gui:main"', on_reply=self._on_named))

    def _on_connect_failed(self) -> None:
        self._drop_socket()
        if self._closed:
            return
        assert self._address is not None
        if self._spawned or not self._address.local:
            self._finish_start("absent")
            return
        self._spawned = True
        self._spawn()

    def _on_lost(self) -> None:
        """The server went away (or closed the connection)."""
        self._drop_socket()
        self._lost = True
        if not self._ready:
            self._finish_start("failed")

    def _drop_socket(self, goodbye: bytes = b"") -> None:
        socket, self._socket = self._socket, None
        if socket is not None:
            socket.close(goodbye)

    def _spawn(self) -> None:
        """Start speech-dispatcher as libspeechd would (it forks into the background and exits)."""
        assert self._address is not None
        process = QProcess(self)
        process.setStandardOutputFile(QProcess.nullDevice())
        process.setStandardErrorFile(QProcess.nullDevice())
        process.finished.connect(self._on_spawn_finished)
        process.errorOccurred.connect(self._on_spawn_error_occurred)
        self._process = process
        process.start(os.environ.get("SPEECHD_CMD") or "speech-dispatcher", self._address.spawn_arguments())

    def _drop_process(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.kill()  # the server it started has gone on by itself; only a stuck starter is left
            process.deleteLater()

    @Slot()
    def _on_spawn_finished(self) -> None:
        self._drop_process()
        if not self._closed:
            self._connect()

    @Slot(QProcess.ProcessError)
    def _on_spawn_error_occurred(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._drop_process()
            self._finish_start("absent")

    # -- setting up --------------------------------------------------------------------------------

    def _on_named(self, code: int, body: list[str]) -> None:
        if code >= 300:
            self._finish_start("failed")
            return
        self._send(_Command("LIST OUTPUT_MODULES", on_reply=self._on_modules))

    def _on_modules(self, code: int, body: list[str]) -> None:
        if code >= 300 or not body:
            self._finish_start("no_voices" if code < 300 else "failed")
            return
        self._send(_Command("LIST SYNTHESIS_VOICES", on_reply=self._on_voices, keep=self._is_language_voice))

    def _is_language_voice(self, line: str) -> bool:
        """A voice line ("name, TAB, language, TAB, variant") of the language asked for: espeak-ng lists
        thousands, in every language."""
        return _same_language(line.partition("\t")[2].partition("\t")[0], self._language)

    def _on_voices(self, code: int, body: list[str]) -> None:
        lines = body if code < 300 else []
        voices = [SsipVoice(line.partition("\t")[0], line.partition("\t")[2].partition("\t")[0]) for line in lines]
        # Like Qt's engine, the voices of one locale: the system's when it is of this language (en-GB for
        # someone in Britain), else its main country's, else the language's own; espeak-ng has 800
        # English ones, of every region.
        for wanted in self._wanted:
            chosen = [v for v in voices if _locale_key(v.language) == _locale_key(wanted)]
            if chosen:
                voices, language = chosen, wanted
                break
        else:
            language = self._language
        self._voices = voices
        self.language_voice = bool(voices)
        if self.language_voice:
            tag = ssip_quote(language.replace("_", "-"))  # en_GB to en-GB, as the server lists them
            self._send(_Command(f"SET SELF LANGUAGE {tag}", on_reply=self._on_language))
        else:
            self._finish_start("ok")

    def _on_language(self, code: int, body: list[str]) -> None:
        self._finish_start("ok" if code < 300 else "failed")

    def _finish_start(self, result: str) -> None:
        if self._closed:
            return
        self._ready = result == "ok"
        if not self._ready:
            self.close()
        self.started.emit(result)

    # -- the conversation --------------------------------------------------------------------------

    def _send(self, command: _Command) -> None:
        if self._closed or self._lost:
            return
        self._queue.append(command)
        self._send_next()

    def _send_next(self) -> None:
        if self._current is not None or not self._queue or self._socket is None:
            return
        self._current = self._queue.popleft()
        self._current.sent_at = self._clock()
        self._socket.write(self._current.line.encode("utf-8") + b"\r\n")

    def _on_received(self, data: bytes) -> None:
        *lines, self._buffer = (self._buffer + data).split(b"\n")
        for raw in lines:
            self._on_line(raw.rstrip(b"\r").decode("utf-8", "replace"))

    def _on_line(self, line: str) -> None:
        command = self._current
        if command is None or len(line) < 4 or not line[:3].isdigit():
            return  # nothing was asked (an event the client did not ask for), or not an answer
        if line[3] == "-":
            if command.keep is None or command.keep(line[4:]):
                command.body.append(line[4:])
            return
        code = int(line[:3])
        if code == 230 and command.data is not None and self._socket is not None:  # ready for the text
            self._socket.write(command.data + b"\r\n.\r\n")
            command.data = None
            command.sent_at = self._clock()
            return
        self._current = None
        if command.on_reply is not None:
            command.on_reply(code, command.body)
        self._send_next()

    def stalled_for(self) -> float:
        """Seconds the command being answered has waited (0 when the server has answered all; for ever when
        the server went away)."""
        if self._lost:
            return math.inf
        return 0.0 if self._current is None else self._clock() - self._current.sent_at

    def close(self) -> None:
        """End the conversation; no command reaches the server after this."""
        if self._closed:
            return
        self._closed = True
        self._queue.clear()
        self._drop_process()
        self._drop_socket(b"QUIT\r\n" if self._ready and not self._lost else b"")

    # -- the part of QTextToSpeech that the cue player uses ------------------------------------------

    def availableVoices(self) -> list[SsipVoice]:  # noqa: N802 (Qt's name)
        """The server's voices for the language asked for."""
        return list(self._voices)

    def setRate(self, rate: float) -> None:  # noqa: N802 (Qt's name)
        """-1 (slowest) to 1 (fastest), as Qt's engine takes it."""
        self._send(_Command(f"SET SELF RATE {_ssip_level(rate * 100)}"))

    def setVolume(self, volume: float) -> None:  # noqa: N802 (Qt's name)
        """0 to 1, as Qt's engine takes it (its speech-dispatcher engine maps it onto -100 to 100)."""
        self._send(_Command(f"SET SELF VOLUME {_ssip_level(volume * 200 - 100)}"))

    def setVoice(self, voice: SsipVoice) -> None:  # noqa: N802 (Qt's name)
        self._send(_Command(f"SET SELF SYNTHESIS_VOICE {ssip_quote(voice.name())}"))

    def enqueue(self, text: str) -> None:
        """Speak ``text`` after whatever this client has queued before."""
        self._send(_Command("SPEAK", data=speech_text(text)))

    def stop(self) -> None:
        """Stop the line being spoken and drop those waiting."""
        self._send(_Command("CANCEL SELF"))


def _ssip_level(value: float) -> int:
    return max(-100, min(100, round(value)))


def _locale_key(code: str) -> str:
    """'en_GB', 'en-gb' and 'en-GB' alike."""
    return code.replace("_", "-").lower()


def _same_language(voice_language: str, language: str) -> bool:
    """Whether a voice's language ('de', 'en-GB', 'en_US') is the UI language ('de', 'en')."""
    return voice_language.replace("_", "-").split("-")[0].lower() == language.lower()


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this user id
        return "user"
