"""The speech-dispatcher client: where it looks for the server, what it says to it, how it notices silence."""

from __future__ import annotations

import math
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtNetwork import QHostAddress, QLocalServer, QLocalSocket, QTcpServer, QTcpSocket
from pytestqt.qtbot import QtBot

from massage_gui.ui.ssip_speech import Address, SsipSpeech, server_address, speech_text

FAKE_SPEECHD = Path(__file__).with_name("fake_speechd.py")


def test_the_server_address_is_read_as_libspeechd_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/run/user/1000")
    assert server_address() == Address(path="/run/user/1000/speech-dispatcher/speechd.sock")
    assert server_address("unix_socket") == Address(path="/run/user/1000/speech-dispatcher/speechd.sock")
    assert server_address("unix_socket:/tmp/s.sock") == Address(path="/tmp/s.sock")
    assert server_address("inet_socket:localhost:7000") == Address(host="localhost", port=7000)
    assert server_address("inet_socket") == Address(host="127.0.0.1", port=6560)
    assert server_address("inet_socket:host:seven") is None
    assert server_address("carrier_pigeon:home") is None
    assert Address(host="example.org").local is False
    assert Address(path="/tmp/s.sock").spawn_arguments()[-2:] == ["--socket-path", "/tmp/s.sock"]


def test_text_to_speak_cannot_end_the_data_early() -> None:
    assert speech_text("Cheeks") == b"Cheeks"
    assert speech_text("one\n.\n.two\r\nthree") == b"one\r\n..\r\n..two\r\nthree"
    assert speech_text("Wangen: Haut dehnen") == b"Wangen: Haut dehnen"


class FakeServer:
    """An in-process speech-dispatcher that records each line it gets and answers while ``answering``."""

    VOICES: ClassVar[list[str]] = [
        "English\ten\tnone",
        "German\tde\tnone",
        "Deutsch (AT)\tde-AT\tnone",
        "French\tfr\tnone",
    ]

    def __init__(self, path: Path | None) -> None:
        """On a Unix socket at ``path``, or (None) on a TCP port of this host (``self.port``)."""
        self.lines: list[str] = []
        self.answering = True
        self.client: QLocalSocket | QTcpSocket | None = None
        self._buffer = b""
        self._receiving = False
        self.server: QLocalServer | QTcpServer
        if path is None:
            self.server = QTcpServer()
            assert self.server.listen(QHostAddress(QHostAddress.SpecialAddress.LocalHost), 0)
            self.port = self.server.serverPort()
        else:
            self.server = QLocalServer()
            assert self.server.listen(str(path))
        self.server.newConnection.connect(self._on_server_new_connection)

    def _on_server_new_connection(self) -> None:
        self.client = self.server.nextPendingConnection()
        self.client.readyRead.connect(self._on_client_ready_read)

    def _on_client_ready_read(self) -> None:
        assert self.client is not None
        *lines, self._buffer = (self._buffer + bytes(self.client.readAll().data())).split(b"\r\n")
        for raw in lines:
            line = raw.decode()
            self.lines.append(line)
            if not self.answering:
                continue
            if self._receiving:
                if line == ".":
                    self._receiving = False
                    self._send("225-7", "225 OK MESSAGE QUEUED")
            elif line == "SPEAK":
                self._receiving = True
                self._send("230 OK RECEIVING DATA")
            elif line == "LIST OUTPUT_MODULES":
                self._send("250-espeak-ng", "250 OK MODULE LIST SENT")
            elif line == "LIST SYNTHESIS_VOICES":
                self._send(*(f"249-{v}" for v in self.VOICES), "249 OK VOICE LIST SENT")
            else:
                self._send("200 OK")

    def _send(self, *lines: str) -> None:
        assert self.client is not None
        self.client.write("".join(f"{line}\r\n" for line in lines).encode())

    def close(self) -> None:
        if self.client is not None:
            self.client.abort()
        self.server.close()


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    path = tmp_path / "speechd.sock"
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    monkeypatch.setenv("SPEECHD_CMD", str(tmp_path / "not-installed"))
    server = FakeServer(path)
    yield server
    server.close()


def _started(qtbot: QtBot, speech: SsipSpeech) -> str:
    with qtbot.waitSignal(speech.started, timeout=3000) as blocker:
        speech.start()
    return str(blocker.args[0])


def test_set_up_speaks_the_ui_language_with_its_voices(qtbot: QtBot, fake: FakeServer) -> None:
    speech = SsipSpeech("de")
    assert _started(qtbot, speech) == "ok"
    assert fake.lines == [
        'SET SELF CLIENT_NAME "' + fake.lines[0].split('"')[1] + '"',
        "LIST OUTPUT_MODULES",
        "LIST SYNTHESIS_VOICES",
        "SET SELF LANGUAGE de",
    ]
    assert fake.lines[0].endswith(':massage-gui:main"')
    assert [v.name() for v in speech.availableVoices()] == ["German"]
    assert speech.language_voice


@pytest.mark.parametrize(
    ("preferred", "voices", "language"),
    [("de_AT", ["Deutsch (AT)"], "de-AT"), ("de_CH", ["German"], "de"), ("en_GB", ["German"], "de")],
)
def test_the_system_s_own_locale_comes_first_when_it_is_of_the_language(
    qtbot: QtBot, fake: FakeServer, preferred: str, voices: list[str], language: str
) -> None:
    """Like Qt's engine, the voices of one locale (espeak-ng has 800 English ones, of every region)."""
    speech = SsipSpeech("de", preferred=preferred)
    assert _started(qtbot, speech) == "ok"
    assert [v.name() for v in speech.availableVoices()] == voices
    assert fake.lines[-1] == f"SET SELF LANGUAGE {language}"


@pytest.mark.parametrize("preferred", ["C", "", "de_DE", "en_IN"])
def test_without_a_system_locale_of_the_language_its_own_main_country_s_voices_are_listed(
    qtbot: QtBot, fake: FakeServer, monkeypatch: pytest.MonkeyPatch, preferred: str
) -> None:
    """Bug: with the C locale (no country) every English voice was listed, 816 of espeak-ng's."""
    english = [
        "English (America)\ten-US\tnone",
        "English (Britain)\ten-GB\tnone",
        "English (Scotland)\ten-GB-x-gbcwmd\tnone",
    ]
    monkeypatch.setattr(FakeServer, "VOICES", [*english, "German\tde\tnone"])
    speech = SsipSpeech("en", preferred=preferred)
    assert _started(qtbot, speech) == "ok"
    assert [v.name() for v in speech.availableVoices()] == ["English (America)"]
    assert fake.lines[-1] == "SET SELF LANGUAGE en-US"


def test_each_call_becomes_one_command_in_order(qtbot: QtBot, fake: FakeServer) -> None:
    speech = SsipSpeech("en")
    assert _started(qtbot, speech) == "ok"
    del fake.lines[:]
    speech.setRate(0.5)
    speech.setVolume(0.6)
    speech.setVoice(speech.availableVoices()[0])
    speech.enqueue("Cheeks.\n.")
    speech.enqueue("3")
    speech.stop()
    qtbot.waitUntil(lambda: len(fake.lines) == 11, timeout=3000)
    assert fake.lines == [
        "SET SELF RATE 50", "SET SELF VOLUME 20", "SET SELF SYNTHESIS_VOICE English",
        "SPEAK", "Cheeks.", "..", ".", "SPEAK", "3", ".", "CANCEL SELF",
    ]  # fmt: skip
    qtbot.waitUntil(lambda: speech.stalled_for() == 0.0, timeout=3000)


def test_a_server_on_a_tcp_port_is_spoken_to_alike(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    server = FakeServer(None)
    monkeypatch.setenv("SPEECHD_ADDRESS", f"inet_socket:127.0.0.1:{server.port}")
    try:
        speech = SsipSpeech("en")
        assert _started(qtbot, speech) == "ok"
        speech.enqueue("Cheeks")
        qtbot.waitUntil(lambda: fake_lines_end(server, ["SPEAK", "Cheeks", "."]), timeout=3000)
    finally:
        server.close()


def fake_lines_end(server: FakeServer, lines: list[str]) -> bool:
    return server.lines[-len(lines) :] == lines


def test_a_language_without_a_voice_keeps_the_server_s_own(qtbot: QtBot, fake: FakeServer) -> None:
    speech = SsipSpeech("nl")
    assert _started(qtbot, speech) == "ok"
    assert not speech.language_voice
    assert "SET SELF LANGUAGE nl" not in fake.lines


def test_silence_and_a_server_gone_away_are_noticed(qtbot: QtBot, fake: FakeServer) -> None:
    now = [100.0]
    speech = SsipSpeech("en", clock=lambda: now[0])
    assert _started(qtbot, speech) == "ok"
    fake.answering = False
    speech.enqueue("Cheeks")
    now[0] += 4.0
    assert speech.stalled_for() == 4.0
    speech.enqueue("3")  # waits its turn behind the unanswered SPEAK
    qtbot.wait(100)
    assert fake.lines[-1] == "SPEAK"
    fake.close()
    qtbot.waitUntil(lambda: speech.stalled_for() == math.inf, timeout=3000)


def test_close_says_goodbye_and_nothing_follows(qtbot: QtBot, fake: FakeServer) -> None:
    speech = SsipSpeech("en")
    assert _started(qtbot, speech) == "ok"
    speech.close()
    speech.enqueue("Cheeks")
    qtbot.wait(200)
    assert fake.lines[-1] == "QUIT"


def test_no_server_and_nothing_to_start_it_is_absent(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nobody.sock'}")
    monkeypatch.setenv("SPEECHD_CMD", str(tmp_path / "not-installed"))
    assert _started(qtbot, SsipSpeech("en")) == "absent"


def test_a_server_that_is_not_running_is_started_as_libspeechd_starts_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SPEECHD_CMD is run with --spawn and the socket's path; once it has exited, the client connects."""
    starter = tmp_path / "speech-dispatcher"
    starter.write_text(
        f"#!{sys.executable}\n"
        "import subprocess, sys\n"
        "path = sys.argv[sys.argv.index('--socket-path') + 1]\n"
        "assert sys.argv[1:4] == ['--spawn', '--communication-method', 'unix_socket']\n"
        f"server = subprocess.Popen([sys.executable, {str(FAKE_SPEECHD)!r}, path, 'answer', '20'],\n"
        "                          stdout=subprocess.PIPE, text=True, start_new_session=True)\n"
        "print(server.pid, file=open(path + '.pid', 'w'))\n"
        "sys.exit(0 if server.stdout.readline().strip() == 'listening' else 1)\n"
    )
    starter.chmod(0o755)
    path = tmp_path / "spawned.sock"
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    monkeypatch.setenv("SPEECHD_CMD", str(starter))
    speech = SsipSpeech("en")
    try:
        assert _started(qtbot, speech) == "ok"
        assert [v.name() for v in speech.availableVoices()] == ["English"]
    finally:
        speech.close()
        pid = Path(f"{path}.pid")
        if pid.exists():
            subprocess.run(["kill", pid.read_text().strip()], check=False)
