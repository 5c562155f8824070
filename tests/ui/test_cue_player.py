"""Sound and voice: spoken through Qt's mock engine, and three ways of failing softly."""

from __future__ import annotations

import builtins
import dataclasses
import math
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from massage_gui.core.cues import Cue
from massage_gui.core.settings import Settings
from massage_gui.ui import cue_player
from massage_gui.ui.cue_player import CuePlayer
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.ssip_speech import SsipSpeech
from tests.ui.conftest import FakeClock, ask_again_as_a_session_starts


def test_speech_goes_through_the_mock_engine(qtbot: QtBot) -> None:
    player = CuePlayer(Settings(), speech_engine="mock")
    player.prepare()
    assert player.voice_ready
    assert player.voice_status == "Spoken cues are on (mock)."
    speech = player._speech
    with qtbot.waitSignal(speech.stateChanged, timeout=3000):
        player.play(Cue("speech", 0.0, text="Cheeks: stretch to the jaw, 7 times."))
    assert player.played[-1].text.startswith("Cheeks")


def test_without_the_multimedia_modules_the_player_flashes_and_says_why(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def failing_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name in ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech"):
            raise ImportError("libpulse.so.0: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    for module in ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech", "massage_gui.ui.qt_sounds"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    monkeypatch.setattr(builtins, "__import__", failing_import)
    player = CuePlayer(Settings(), sound_output="qt")
    player.prepare()
    assert "libpulse.so.0" in player.sound_status
    assert "libpulse.so.0" in player.voice_status
    with qtbot.waitSignal(player.flash_requested, timeout=1000):
        player.play(Cue("sound", 0.0, sound="chime"))
    assert player.played == []


def test_without_an_audio_device_sound_is_off_with_a_reason(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

    monkeypatch.setattr(QMediaDevices, "defaultAudioOutput", staticmethod(lambda: QAudioDevice()))
    player = CuePlayer(Settings(), speech_engine="mock", sound_output="qt")
    player.prepare()
    assert player.sound_status == "Sound is off: no audio output device was found."
    with qtbot.waitSignal(player.flash_requested, timeout=1000):
        player.play(Cue("sound", 0.0, sound="tick"))


NO_ENGINE = "No speech engine found. Install speech-dispatcher to hear spoken cues."
TRIED_AGAIN = " It is tried again when a session starts."


def test_without_a_real_speech_engine_voice_is_off_with_a_reason(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows or macOS: Qt's engines, of which only the silent test engine is there."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    monkeypatch.delenv(cue_player.ENGINE_VARIABLE, raising=False)
    monkeypatch.setattr(cue_player, "_speech_dispatcher_platform", lambda: False)
    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock", "speechd"]))
    player = CuePlayer(Settings())
    player.prepare()
    assert not player.voice_ready
    assert player.voice_status == NO_ENGINE


def test_on_linux_the_voice_is_speech_dispatcher_s_without_qt_s_speech_module(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No server and nothing to start one: said in words for people; neither QtTextToSpeech nor QtNetwork
    is loaded (10 and 2.4 MiB)."""
    monkeypatch.delenv(cue_player.ENGINE_VARIABLE, raising=False)
    monkeypatch.setattr(cue_player, "_speech_dispatcher_platform", lambda: True)
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nobody-listens.sock'}")
    monkeypatch.setenv("SPEECHD_CMD", str(tmp_path / "speech-dispatcher-not-installed"))
    script = (
        "import sys\n"
        "from massage_gui.core.settings import Settings\n"
        "from massage_gui.ui.app import create_application\n"
        "from massage_gui.ui.cue_player import CuePlayer\n"
        "app = create_application()\n"
        "player = CuePlayer(Settings(sound=False, stroke_ticks=False))\n"
        "player.status_changed.connect(app.quit)\n"
        "player.prepare()\n"
        "app.exec()\n"
        "print(player.voice_status)\n"
        "print('PySide6.QtTextToSpeech' in sys.modules, 'PySide6.QtNetwork' in sys.modules)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop(cue_player.ENGINE_VARIABLE, None)
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).parents[2],
    )  # fmt: skip
    assert result.stdout.splitlines()[-2:] == [NO_ENGINE + TRIED_AGAIN, "False False"], result.stderr[-2000:]


def test_the_speech_engine_can_be_chosen_in_the_environment(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cue_player.ENGINE_VARIABLE, "mock")
    player = CuePlayer(Settings())
    player.prepare()
    assert player.voice_status == "Spoken cues are on (mock)."
    monkeypatch.setenv(cue_player.ENGINE_VARIABLE, "no-such-engine")
    player = CuePlayer(Settings())
    player.prepare()
    assert player.voice_status == NO_ENGINE


def test_without_a_speech_server_voice_is_off_in_words_for_people(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """speech-dispatcher is neither running nor installed (Qt itself said "Text to speech engine not
    initialized")."""
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nobody-listens.sock'}")
    monkeypatch.setenv("SPEECHD_CMD", str(tmp_path / "speech-dispatcher-not-installed"))  # what libspeechd starts
    player = CuePlayer(Settings(), speech_engine="speechd")
    with qtbot.waitSignal(player.status_changed, timeout=5000):
        player.prepare()
    assert player.voice_status == NO_ENGINE + TRIED_AGAIN


def test_a_session_in_the_window_gives_one_cue_per_step_and_stroke(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.hands_free.player._engine_name = "mock"
    window.hands_free.player.prepare()
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    plan = window.state.plan
    end = plan.steps[1].end_s
    while window.state.t < end:
        clock.advance(0.25)
        window.ticker.tick_timer.timeout.emit()
    played = window.hands_free.player.played
    if window.hands_free.player.sound_ready:  # with a sound output: the chimes and ticks were played
        sounds = [c for c in played if c.kind == "sound"]
        assert [c.sound for c in sounds].count("chime") == 2
        assert [c.sound for c in sounds].count("tick") == plan.steps[0].reps - 1 + plan.steps[1].reps - 1
    spoken = [c.text for c in played if c.kind == "speech"]
    breaths = window.state.plan.steps[0].reps
    assert spoken[:4] == [f"Breathing: {breaths} slow breaths.", "3", "2", "1"]
    assert any(text.startswith("Collarbone: circles to the collarbone") for text in spoken)


def test_unheard_cues_flash_the_step_panel(qtbot: QtBot, window: MainWindow) -> None:
    window.hands_free.player.flash_requested.emit()
    assert window.step_panel.flashing
    qtbot.waitUntil(lambda: not window.step_panel.flashing, timeout=2000)


def test_the_window_says_once_why_it_is_silent(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices
    from PySide6.QtTextToSpeech import QTextToSpeech

    monkeypatch.setattr(QMediaDevices, "defaultAudioOutput", staticmethod(lambda: QAudioDevice()))
    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    monkeypatch.setattr(cue_player, "_speech_dispatcher_platform", lambda: False)
    player = window.hands_free.player
    player._prepared, player._sounds, player._speech = False, None, None  # as if just started
    player._sound_loaded = player._voice_loaded = False
    player._engine_name, player._sound_output = None, "qt"
    player.prepare()
    text = window.notice_bar.text()
    assert "no audio output device" in text
    assert NO_ENGINE in text
    assert "flashes" in text


# -- speech-dispatcher that does not answer ------------------------------------------------------------

FAKE_SPEECHD = Path(__file__).with_name("fake_speechd.py")
STATUS_NO_ANSWER = "The speech engine did not answer: spoken cues are off." + TRIED_AGAIN
VOICE_ONLY = Settings(sound=False, stroke_ticks=False)


def _fake_speechd(folder: Path, mode: str, hold_s: float) -> tuple[subprocess.Popen[str], str]:
    path = folder / f"{mode}.sock"
    from PySide6.QtCore import QLocale

    server = subprocess.Popen(
        [sys.executable, str(FAKE_SPEECHD), str(path), mode, str(hold_s), QLocale().name()],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert server.stdout is not None
    assert server.stdout.readline().strip() == "listening"
    return server, f"unix_socket:{path}"


def _stop(server: subprocess.Popen[str]) -> None:
    server.terminate()  # the connections end, so no thread is left waiting in this process
    server.wait(10)
    if server.stdout is not None:
        server.stdout.close()


class FakeServers:
    """Stand-in servers, each started in a mode (calling this); libspeechd is pointed at the last one."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self._folder, self._monkeypatch = folder, monkeypatch
        self._servers: list[subprocess.Popen[str]] = []

    def __call__(self, mode: str, hold_s: float = 30.0) -> None:
        server, address = _fake_speechd(self._folder, mode, hold_s)
        self._servers.append(server)
        self._monkeypatch.setenv("SPEECHD_ADDRESS", address)

    def stop_last(self) -> None:
        """The last server goes away (killed, or restarted elsewhere)."""
        _stop(self._servers.pop())

    def stop_all(self) -> None:
        while self._servers:
            self.stop_last()


@pytest.fixture
def fake_speechd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServers]:
    """Starts the stand-in server in a mode and points libspeechd at it (and never at the real one)."""
    monkeypatch.setenv("SPEECHD_CMD", str(tmp_path / "speech-dispatcher-not-installed"))
    monkeypatch.setattr(cue_player, "VOICE_TIMEOUT_S", 1.0, raising=False)
    servers = FakeServers(tmp_path, monkeypatch)
    yield servers
    servers.stop_all()


def test_a_speech_engine_that_never_answers_does_not_block_the_window(qtbot: QtBot, fake_speechd: FakeServers) -> None:
    fake_speechd("silent", hold_s=4.0)  # before the fix, prepare() waited until this server went away
    player = CuePlayer(Settings(), speech_engine="speechd")
    started = time.monotonic()
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
        assert time.monotonic() - started < 0.5, "prepare() waited for the speech engine"
        assert player.voice_pending
    assert time.monotonic() - started < 2.0
    assert not player.voice_ready
    assert not player.voice_pending
    assert player.voice_status == STATUS_NO_ANSWER
    if not player.sound_ready:
        with qtbot.waitSignal(player.flash_requested, timeout=1000):
            player.play(Cue("speech", 0.0, text="Cheeks"))


def test_a_speech_engine_that_stops_answering_mid_session_turns_voice_off(
    qtbot: QtBot, fake_speechd: FakeServers
) -> None:
    fake_speechd("mute")
    player = CuePlayer(Settings(sound=False), speech_engine="speechd")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    assert player.voice_status == "Spoken cues are on (speech-dispatcher)."
    assert player.voices() == ["English"]
    started = time.monotonic()
    player.play(Cue("speech", 0.0, text="Cheeks: stretch to the jaw, 7 times."))  # the server falls silent
    player.play(Cue("speech", 0.0, text="3"))
    assert time.monotonic() - started < 0.2, "play() waited for the speech engine"
    qtbot.wait(1200)
    with qtbot.waitSignal(player.status_changed, timeout=1000):
        player.play(Cue("speech", 0.0, text="2"))
    assert not player.voice_ready
    assert player.voice_status == "The speech engine stopped answering: spoken cues are off." + TRIED_AGAIN
    assert [c.text for c in player.played] == ["Cheeks: stretch to the jaw, 7 times.", "3"]


def test_a_speech_engine_that_did_not_answer_is_asked_again_when_a_session_starts(
    qtbot: QtBot, fake_speechd: FakeServers
) -> None:
    fake_speechd("silent", hold_s=3.0)
    player = CuePlayer(VOICE_ONLY, speech_engine="speechd")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    assert player.voice_status == STATUS_NO_ANSWER
    fake_speechd("answering")  # the server has come up since (late at login, say)
    ask_again_as_a_session_starts(qtbot, player)
    assert player.voice_ready
    assert player.voice_status == "Spoken cues are on (speech-dispatcher)."
    qtbot.waitUntil(lambda: len(player.findChildren(SsipSpeech)) == 1, timeout=1000)  # the silent one has gone
    player._drop_server()  # its socket closed before the server goes


def test_a_speech_engine_that_stopped_answering_is_asked_again_when_a_session_starts(
    qtbot: QtBot, fake_speechd: FakeServers
) -> None:
    fake_speechd("mute")
    player = CuePlayer(VOICE_ONLY, speech_engine="speechd")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    player.play(Cue("speech", 0.0, text="Cheeks"))  # the server falls silent
    qtbot.wait(1200)
    with qtbot.waitSignal(player.status_changed, timeout=1000):
        player.play(Cue("speech", 0.0, text="2"))
    assert not player.voice_ready
    fake_speechd("answering")
    ask_again_as_a_session_starts(qtbot, player)
    assert player.voice_status == "Spoken cues are on (speech-dispatcher)."
    player.play(Cue("speech", 0.0, text="1"))
    assert [c.text for c in player.played] == ["Cheeks", "1"]
    player._drop_server()  # its socket closed before the server goes


def test_a_speech_server_that_went_away_between_cues_is_asked_again_when_a_session_starts(
    qtbot: QtBot, fake_speechd: FakeServers, tmp_path: Path
) -> None:
    """Bug: a server that went away while nothing was said (killed or restarted during a quiet breathing step)
    was noticed only at the next session's first line, after that session's start had asked again for what
    was lost: voice stayed off for that session too."""
    fake_speechd("answering")
    player = CuePlayer(VOICE_ONLY, speech_engine="speechd")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    assert player.voice_ready
    first = player._server
    assert first is not None
    fake_speechd.stop_last()  # the server goes; nothing is said, so the player has not been told
    qtbot.waitUntil(lambda: first.stalled_for() == math.inf, timeout=3000)
    assert player.voice_ready
    fake_speechd("restarted")
    ask_again_as_a_session_starts(qtbot, player)
    assert player.voice_status == "Spoken cues are on (speech-dispatcher)."
    assert player._server is not first
    player._drop_server()  # its socket closed before the server goes


def test_the_window_takes_back_why_it_was_silent_once_the_voice_is_heard(
    qtbot: QtBot, window: MainWindow, fake_speechd: FakeServers
) -> None:
    fake_speechd("silent", hold_s=3.0)
    window.state.update(sound=False, stroke_ticks=False)
    player = window.hands_free.player
    player._prepared, player._sounds, player._speech = False, None, None  # as if just started
    player._sound_loaded = player._voice_loaded = False
    player._engine_name = "speechd"
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    assert STATUS_NO_ANSWER in window.notice_bar.message
    window.set_notice("A file was recovered.")  # another message, which stays
    fake_speechd("answering")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    assert player.voice_ready
    assert window.notice_bar.message == "A file was recovered."
    window.state.stop()
    player._drop_server()  # its socket closed before the server goes


def test_a_speech_server_without_voices_says_so(qtbot: QtBot, fake_speechd: FakeServers) -> None:
    fake_speechd("no-modules")
    player = CuePlayer(Settings(), speech_engine="speechd")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    assert not player.voice_ready
    assert player.voice_status == (
        "The speech engine has no voices. Install one (for example speech-dispatcher-espeak-ng) to hear spoken cues."
        + TRIED_AGAIN
    )


def test_the_app_quits_cleanly_while_the_speech_engine_never_answers(tmp_path: Path) -> None:
    app = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from massage_gui.core.cues import Cue\n"
        "from massage_gui.core.settings import Settings\n"
        "from massage_gui.ui.app import create_application\n"
        "from massage_gui.ui import cue_player\n"
        "app = create_application()\n"
        "cue_player.VOICE_TIMEOUT_S = 0.5\n"
        "player = cue_player.CuePlayer(Settings(sound=False), speech_engine='speechd')\n"
        "player.prepare()\n"
        "QTimer.singleShot(300, lambda: player.play(Cue('speech', 0.0, text='Cheeks')))\n"
        "QTimer.singleShot(1500, app.quit)\n"
        "app.exec()\n"
        "print(player.voice_status, flush=True)\n"
    )
    for mode, status in (("silent", "did not answer"), ("mute", "Spoken cues are on")):
        server, address = _fake_speechd(tmp_path, mode, hold_s=60.0)
        env = {**os.environ, "SPEECHD_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen"}
        try:
            started = time.monotonic()
            result = subprocess.run(
                [sys.executable, "-c", app], env=env, capture_output=True, text=True, timeout=30,
                cwd=Path(__file__).parents[2],
            )  # fmt: skip
            took = time.monotonic() - started
        finally:
            _stop(server)
        assert result.returncode == 0, mode + result.stderr[-2000:]
        assert status in result.stdout, mode
        assert "QThread" not in result.stderr, mode
        assert took < 15, f"{mode}: quitting took {took:.1f} s"


def test_what_is_turned_off_loads_only_when_turned_on(qtbot: QtBot) -> None:
    """Sound and voice off: neither QtMultimedia nor a speech engine is loaded (9 MiB), until one is
    turned on; Preferences loads both, to list the voices and say why a cue would be silent."""
    off = Settings(sound=False, stroke_ticks=False, voice=False)
    player = CuePlayer(off, speech_engine="mock")
    player.prepare()
    assert (player.sound_status, player.voice_status) == ("Sound is not loaded yet.", "Spoken cues are not loaded yet.")
    assert not player.voice_ready
    with qtbot.waitSignal(player.status_changed, timeout=1000):
        player.apply_settings(dataclasses.replace(off, voice=True))
    assert player.voice_ready
    assert player.sound_status == "Sound is not loaded yet."
    with qtbot.waitSignal(player.status_changed, timeout=1000):
        player.apply_settings(dataclasses.replace(off, stroke_ticks=True))
    assert player.sound_status != "Sound is not loaded yet."
    later = CuePlayer(off, speech_engine="mock")
    later.prepare(everything=True)
    assert later.voice_ready
    assert later.sound_status != "Sound is not loaded yet."
