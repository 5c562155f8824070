"""The Linux sound path through the sound server's sample cache (libpulse through ctypes): the sounds sent once,
each cue a message naming one, at the user's volume; a server that refuses, will not keep the sounds (the
stream for each cue then), or goes away; and, with a real PulseAudio, no thread or connection per cue."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from massage_gui.core.assets import assets_dir
from massage_gui.core.cues import SOUNDS, Cue
from massage_gui.core.settings import Settings
from massage_gui.ui import pulse_samples, pulse_sound
from massage_gui.ui.cue_player import CuePlayer
from massage_gui.ui.pulse_samples import PulseSamples, sample_name
from massage_gui.ui.pulse_sound import read_sound

TRIED_AGAIN = " It is tried again when a session starts."
READY, FAILED, TERMINATED = pulse_samples.CONTEXT_READY, pulse_samples.CONTEXT_FAILED, pulse_samples.CONTEXT_TERMINATED

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the sound path of Linux")


class FakePulse:
    """libpulse's functions as PulseSamples calls them, with a server that answers at once: ``refuse`` (no
    server), ``no_cache`` (it will not keep sounds), ``gone`` (it went away after the set-up)."""

    def __init__(self) -> None:
        self.refuse = False
        self.no_cache = False
        self.gone = False
        self.uploaded: dict[bytes, bytes] = {}
        self.played: list[tuple[bytes, float]] = []
        self.streams: dict[int, list[Any]] = {}  # id: [name, state, data]
        self.locked = 0  # how deep libpulse's lock is held
        self.unlocked_calls: list[str] = []  # calls made without the lock, which libpulse does not allow
        self.running = False
        self.freed = False
        self.properties: dict[bytes, bytes] = {}  # the last sound's, as sent

    def _need_lock(self, name: str) -> None:
        if self.locked <= 0:
            self.unlocked_calls.append(name)

    def pa_threaded_mainloop_new(self) -> int:
        return 1

    def pa_threaded_mainloop_get_api(self, mainloop: int) -> int:
        return 2

    def pa_threaded_mainloop_start(self, mainloop: int) -> int:
        self.running = True
        return 0

    def pa_threaded_mainloop_stop(self, mainloop: int) -> None:
        self.running = False

    def pa_threaded_mainloop_free(self, mainloop: int) -> None:
        self.freed = True

    def pa_threaded_mainloop_lock(self, mainloop: int) -> None:
        self.locked += 1

    def pa_threaded_mainloop_unlock(self, mainloop: int) -> None:
        self.locked -= 1

    def pa_context_new(self, api: int, name: bytes) -> int:
        return 3

    def pa_context_connect(self, context: int, server: bytes | None, flags: int, api: Any) -> int:
        return 0

    def pa_context_get_state(self, context: int) -> int:
        self._need_lock("pa_context_get_state")
        return FAILED if self.refuse else TERMINATED if self.gone else READY

    def pa_context_errno(self, context: int) -> int:
        return 6 if self.refuse else 11 if self.gone else 0

    def pa_context_disconnect(self, context: int) -> None:
        pass

    def pa_context_unref(self, context: int) -> None:
        pass

    def pa_proplist_new(self) -> list[tuple[bytes, bytes]]:
        return []

    def pa_proplist_sets(self, properties: list[tuple[bytes, bytes]], key: bytes, value: bytes) -> int:
        properties.append((key, value))
        return 0

    def pa_proplist_free(self, properties: Any) -> None:
        pass

    def pa_stream_new_with_proplist(self, context: int, name: bytes, spec: Any, channels: Any, properties: Any) -> int:
        self.properties = dict(properties)
        self._need_lock("pa_stream_new")
        stream = len(self.streams) + 10
        self.streams[stream] = [name, 1, b""]
        return stream

    def pa_stream_connect_upload(self, stream: int, size: int) -> int:
        self.streams[stream][1] = pulse_samples.STREAM_FAILED if self.no_cache else pulse_samples.STREAM_READY
        return 0

    def pa_stream_get_state(self, stream: int) -> int:
        self._need_lock("pa_stream_get_state")
        return int(self.streams[stream][1])

    def pa_stream_write(self, stream: int, data: bytes, size: int, free: Any, offset: int, seek: int) -> int:
        self._need_lock("pa_stream_write")
        self.streams[stream][2] += data[:size]
        return 0

    def pa_stream_finish_upload(self, stream: int) -> int:
        name, _, data = self.streams[stream]
        self.uploaded[name] = data
        self.streams[stream][1] = pulse_samples.STREAM_TERMINATED
        return 0

    def pa_stream_unref(self, stream: int) -> None:
        pass

    def pa_sw_volume_from_linear(self, volume: float) -> float:
        return volume

    def pa_context_play_sample(self, context: int, name: bytes, device: Any, volume: float, cb: Any, data: Any) -> int:
        self._need_lock("pa_context_play_sample")
        self.played.append((name, volume))
        return 99

    def pa_operation_unref(self, operation: int) -> None:
        pass

    def pa_strerror(self, code: int) -> bytes:
        return {6: b"Connection refused", 11: b"Connection terminated", 19: b"Not supported"}.get(code, b"?")


@pytest.fixture
def fake_pulse(monkeypatch: pytest.MonkeyPatch) -> FakePulse:
    pulse = FakePulse()
    monkeypatch.setattr(pulse_samples, "load_library", lambda: pulse)
    return pulse


def _paths() -> dict[str, Path]:
    return {name: assets_dir() / "sounds" / f"{name}.wav" for name in SOUNDS}


def _ready_player(qtbot: QtBot, volume: float = 1.0) -> CuePlayer:
    player = CuePlayer(Settings(voice=False, volume=volume), sound_output="pulse")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    return player


def test_the_sounds_go_to_the_server_once_and_each_cue_names_one(qtbot: QtBot, fake_pulse: FakePulse) -> None:
    player = _ready_player(qtbot, volume=0.5)
    assert player.sound_status == "Sound is on (PulseAudio)."
    assert isinstance(player.sounds, PulseSamples)
    sounds = {name: read_sound(path) for name, path in _paths().items()}
    assert fake_pulse.uploaded == {sample_name(name, sound): sound.samples for name, sound in sounds.items()}
    player.play(Cue("sound", 0.0, sound="tick"))
    player.play(Cue("sound", 0.1, sound="chime"))
    assert fake_pulse.played == [
        (sample_name("tick", sounds["tick"]), 0.5),
        (sample_name("chime", sounds["chime"]), 0.5),
    ]
    assert fake_pulse.unlocked_calls == []
    assert len(fake_pulse.uploaded) == 3, "sent once, not at each cue"
    assert fake_pulse.properties[b"media.role"] == b"a11y", "not a desktop event, which the system sounds mute"


def test_a_sound_s_name_in_the_server_changes_with_the_sound() -> None:
    """Another version's sounds, in the same server, are other samples: each plays its own."""
    tick = read_sound(_paths()["tick"])
    assert sample_name("tick", tick) == sample_name("tick", read_sound(_paths()["tick"]))
    quieter = pulse_sound.Sound(tick.rate, tick.channels, pulse_sound.scaled(tick.samples, 0.5))
    assert sample_name("tick", quieter) != sample_name("tick", tick)
    assert sample_name("tick", tick).startswith(b"massage-gui-tick-")


def test_without_a_server_sound_is_off_in_words(qtbot: QtBot, fake_pulse: FakePulse) -> None:
    fake_pulse.refuse = True
    player = _ready_player(qtbot)
    assert player.sound_status == "Sound is off: the sound server did not answer (Connection refused)." + TRIED_AGAIN
    assert not player.sound_ready
    assert fake_pulse.freed, "the connection is closed"
    assert not fake_pulse.running


def test_a_server_that_will_not_keep_the_sounds_gets_a_stream_for_each_cue(
    qtbot: QtBot, fake_pulse: FakePulse, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PulseAudio's API served by a server without a sample cache: the cues still sound, the older way."""
    fake_pulse.no_cache = True
    streams: list[bytes] = []

    class Simple:
        def pa_simple_new(self, *args: Any) -> int:
            return 1

        def pa_simple_write(self, stream: int, data: bytes, size: int, error: Any) -> int:
            streams.append(data[:size])
            return 0

        def pa_simple_drain(self, stream: int, error: Any) -> int:
            return 0

        def pa_simple_free(self, stream: int) -> None:
            pass

    monkeypatch.setattr(pulse_sound, "load_library", Simple)
    player = CuePlayer(Settings(voice=False, volume=1.0), sound_output="pulse")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    assert player.sound_status == "Sound is on (PulseAudio)."
    assert isinstance(player.sounds, pulse_sound.PulseSounds)
    assert fake_pulse.freed, "the first connection is closed"
    player.play(Cue("sound", 0.0, sound="tick"))
    qtbot.waitUntil(lambda: len(streams) == 1, timeout=3000)
    assert streams == [read_sound(_paths()["tick"]).samples]


def test_a_server_that_goes_away_turns_sound_off_and_says_so(qtbot: QtBot, fake_pulse: FakePulse) -> None:
    player = _ready_player(qtbot)
    fake_pulse.gone = True
    with qtbot.waitSignal(player.flash_requested, timeout=1000):
        player.play(Cue("sound", 0.0, sound="tick"))
    assert player.sound_status == ("Sound stopped: a sound could not be played (Connection terminated)." + TRIED_AGAIN)
    assert fake_pulse.played == []
    assert fake_pulse.freed, "the connection is closed"


def test_sounds_closed_while_they_are_being_sent_tell_nothing_and_close_the_connection(
    qtbot: QtBot, fake_pulse: FakePulse
) -> None:
    entered, release = threading.Event(), threading.Event()
    write = fake_pulse.pa_stream_write

    def slow_write(*args: Any) -> int:
        entered.set()
        release.wait(5)
        return write(*args)

    fake_pulse.pa_stream_write = slow_write  # type: ignore[method-assign,assignment]
    sounds = PulseSamples(fake_pulse, _paths())  # type: ignore[arg-type]
    told: list[str] = []
    sounds.checked.connect(told.append)
    sounds.check()
    assert entered.wait(5)
    sounds.close()
    assert not fake_pulse.freed, "not torn down under the thread"
    release.set()
    qtbot.waitUntil(lambda: fake_pulse.freed, timeout=3000)
    qtbot.wait(50)
    assert told == []


# -- a real PulseAudio ---------------------------------------------------------------------------------------


def test_a_real_server_keeps_the_sounds_and_plays_each_cue_without_a_thread_or_connection(
    qtbot: QtBot, pulse: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in pulse.items():
        monkeypatch.setenv(key, value)
    player = _ready_player(qtbot)
    assert player.sound_status == "Sound is on (PulseAudio)."

    def pactl(*args: str) -> str:
        return subprocess.run(["pactl", *args], capture_output=True, text=True, env=os.environ, check=True).stdout

    kept = {line.split("\t")[1] for line in pactl("list", "short", "samples").splitlines()}
    assert {sample_name(name, read_sound(path)).decode() for name, path in _paths().items()} <= kept
    clients = pactl("list", "short", "clients").count("\n")
    threads = threading.active_count()
    for k in range(5):
        player.play(Cue("sound", k * 0.1, sound="tick"))
        assert threading.active_count() == threads
    assert pactl("list", "short", "clients").count("\n") == clients
    assert player.sound_ready
    player.play(Cue("sound", 1.0, sound="finish"))  # 1.4 s long: still playing as it is looked at
    playing = pactl("list", "sink-inputs")
    assert 'media.role = "a11y"' in playing, playing
    assert 'module-stream-restore.id = "sink-input-by-application-name:massage-gui"' in playing
