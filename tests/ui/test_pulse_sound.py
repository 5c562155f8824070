"""The Linux sound path (libpulse-simple through ctypes): samples at the user's volume, files that cannot be
read, and a sound server that is missing, never answers, or goes away mid-session."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import threading
import wave
from array import array
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from massage_gui.core.cues import Cue
from massage_gui.core.settings import Settings
from massage_gui.ui import cue_player, pulse_samples, pulse_sound
from massage_gui.ui.cue_player import CuePlayer
from massage_gui.ui.pulse_sound import SoundError, read_sound, scaled
from tests.ui.conftest import ask_again_as_a_session_starts

TRIED_AGAIN = " It is tried again when a session starts."

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the sound path of Linux")


def _samples(values: list[int]) -> bytes:
    data = array("h", values)
    if sys.byteorder == "big":
        data.byteswap()
    return data.tobytes()


def test_sounds_are_played_at_the_volume_set() -> None:
    loud = _samples([1000, -2000, 32767, -32768, 0])
    assert scaled(loud, 0.5) == _samples([500, -1000, 16384, -16384, 0])
    assert scaled(loud, 1.0) == loud
    assert scaled(loud, 0.0) == _samples([0, 0, 0, 0, 0])


def test_a_sound_file_that_cannot_be_played_is_named(tmp_path: Path) -> None:
    eight_bit = tmp_path / "chime.wav"
    with wave.open(str(eight_bit), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(1)
        wav.setframerate(8000)
        wav.writeframes(b"\x80" * 800)
    with pytest.raises(SoundError, match=r"chime\.wav: not a 16-bit sound"):
        read_sound(eight_bit)
    with pytest.raises(SoundError, match=r"missing\.wav"):
        read_sound(tmp_path / "missing.wav")
    (tmp_path / "broken.wav").write_bytes(b"RIFF....WAVEjunk")
    with pytest.raises(SoundError, match=r"broken\.wav"):
        read_sound(tmp_path / "broken.wav")


def test_without_a_sound_server_sound_is_off_in_words(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        pulse_sound.load_library()
    except OSError:
        pytest.skip("libpulse-simple is not installed")
    monkeypatch.setenv("PULSE_SERVER", "unix:/nonexistent/pulse/native")
    player = CuePlayer(Settings(voice=False), sound_output="pulse")
    with qtbot.waitSignal(player.status_changed, timeout=5000):
        player.prepare()
        assert player.sound_status == "Sound is starting…"
    assert player.sound_status == "Sound is off: the sound server did not answer (Connection refused)." + TRIED_AGAIN
    assert not player.sound_ready
    with qtbot.waitSignal(player.flash_requested, timeout=1000):
        player.play(Cue("sound", 0.0, sound="chime"))


class FakeLibrary:
    """libpulse-simple's functions as the player calls them: a server that takes streams, and writes until
    ``gone`` is set; ``hold`` keeps every new stream waiting (a server that never answers)."""

    def __init__(self) -> None:
        self.written: list[bytes] = []
        self.gone = False
        self.refuse = False  # no server to take a stream
        self.hold = threading.Event()
        self.hold.set()
        self.freed = 0

    def pa_simple_new(self, *args: Any) -> int:
        self.hold.wait()
        if self.refuse:
            args[-1]._obj.value = 111
            return 0
        return 1

    def pa_simple_write(self, stream: int, data: bytes, size: int, error: Any) -> int:
        if self.gone:
            error._obj.value = 7
            return -1
        self.written.append(data[:size])
        return 0

    def pa_simple_drain(self, stream: int, error: Any) -> int:
        return 0

    def pa_simple_free(self, stream: int) -> None:
        self.freed += 1

    def pa_strerror(self, code: int) -> bytes:
        return {7: b"Connection terminated", 111: b"Connection refused"}.get(code, b"?")


def no_sample_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """No libpulse for the server's sample cache: the player takes the stream for each cue (this file's path)."""

    def missing() -> ctypes.CDLL:
        raise OSError("libpulse.so.0: cannot open shared object file")

    monkeypatch.setattr(pulse_samples, "load_library", missing)


@pytest.fixture
def fake_library(monkeypatch: pytest.MonkeyPatch) -> FakeLibrary:
    library = FakeLibrary()
    monkeypatch.setattr(pulse_sound, "load_library", lambda: library)
    no_sample_cache(monkeypatch)
    return library


def test_each_sound_is_written_at_the_volume_set(qtbot: QtBot, fake_library: FakeLibrary) -> None:
    player = CuePlayer(Settings(voice=False, volume=0.5), sound_output="pulse")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    assert player.sound_status == "Sound is on (PulseAudio)."
    player.play(Cue("sound", 0.0, sound="tick"))
    qtbot.waitUntil(lambda: fake_library.freed == 2, timeout=3000)  # the check's stream, then the tick's
    full = read_sound(Path(cue_player.assets_dir()) / "sounds" / "tick.wav").samples
    assert fake_library.written == [scaled(full, 0.5)]


def _bytes_reachable(sounds: pulse_sound.PulseSounds) -> int:
    """The length of every bytes object the player's attributes lead to (through containers and the app's
    own objects)."""
    seen: set[int] = set()
    total = 0
    stack: list[object] = list(vars(sounds).values())
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, bytes):
            total += len(item)
        elif isinstance(item, dict):
            stack += [*item.keys(), *item.values()]
        elif isinstance(item, (tuple, list, set, frozenset)):
            stack += list(item)
        elif type(item).__module__.startswith("massage_gui"):
            stack += list(vars(item).values())
    return total


def test_each_sound_is_kept_once_as_it_plays_at_the_volume_set(qtbot: QtBot, fake_library: FakeLibrary) -> None:
    """The samples as read from the file go once they are made quieter: the player keeps one copy of each sound
    (0.2 MiB less), and reads the file again when the volume changes."""
    player = CuePlayer(Settings(voice=False, volume=0.5), sound_output="pulse")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    sounds = player.sounds
    assert isinstance(sounds, pulse_sound.PulseSounds)
    folder = Path(cue_player.assets_dir()) / "sounds"
    full = {name: read_sound(folder / f"{name}.wav").samples for name in ("tick", "chime")}
    for name in full:
        player.play(Cue("sound", 0.0, sound=name))
    qtbot.waitUntil(lambda: fake_library.freed == 3, timeout=3000)
    assert sounds._at_volume[1] == {name: scaled(samples, 0.5) for name, samples in full.items()}
    assert _bytes_reachable(sounds) == sum(len(samples) for samples in full.values())
    player.apply_settings(Settings(voice=False, volume=0.25))
    player.play(Cue("sound", 0.0, sound="tick"))
    qtbot.waitUntil(lambda: fake_library.freed == 4, timeout=3000)
    assert sounds._at_volume[1] == {"tick": scaled(full["tick"], 0.25)}
    assert fake_library.written[-1] == scaled(full["tick"], 0.25)


def test_a_sound_server_that_goes_away_turns_sound_off_and_says_so(qtbot: QtBot, fake_library: FakeLibrary) -> None:
    player = CuePlayer(Settings(voice=False), sound_output="pulse")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    assert player.sound_ready
    fake_library.gone = True
    with qtbot.waitSignals([player.flash_requested, player.status_changed], timeout=3000):
        player.play(Cue("sound", 0.0, sound="chime"))
    assert player.sound_status == "Sound stopped: a sound could not be played (Connection terminated)." + TRIED_AGAIN
    assert not player.sound_ready
    with qtbot.waitSignal(player.flash_requested, timeout=1000):
        player.play(Cue("sound", 0.0, sound="tick"))


def test_a_sound_server_that_went_away_is_asked_again_when_a_session_starts(
    qtbot: QtBot, fake_library: FakeLibrary
) -> None:
    player = CuePlayer(Settings(voice=False), sound_output="pulse")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    lost = player.sounds
    fake_library.gone = True
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.play(Cue("sound", 0.0, sound="chime"))
    fake_library.gone = False  # the server is back
    ask_again_as_a_session_starts(qtbot, player)
    assert player.sound_ready
    assert player.sound_status == "Sound is on (PulseAudio)."
    assert player.sounds is not lost
    assert lost is not None
    with qtbot.assertNotEmitted(player.status_changed, wait=100):  # closed: a late word from its thread is not heard
        lost._tell(lost.failed, "Connection terminated")
    qtbot.waitUntil(lambda: len(player.findChildren(pulse_sound.PulseSounds)) == 1, timeout=1000)  # it has gone
    player.play(Cue("sound", 0.0, sound="tick"))
    qtbot.waitUntil(lambda: len(fake_library.written) == 1, timeout=3000)
    assert player.sound_ready


GOING_WHILE_TELLING = """
import threading, time
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from massage_gui.core.assets import assets_dir
from massage_gui.ui import pulse_sound
app = QCoreApplication([])
class Library:  # a server that answers the check at once
    def pa_simple_new(self, *args): return 1
    def pa_simple_free(self, stream): pass
owner = QObject()
sounds = pulse_sound.PulseSounds(Library(), {"tick": assets_dir() / "sounds" / "tick.wav"}, owner)
told, inside = [], threading.Event()
def slow_receiver(error):  # runs on the check's thread, inside its emit
    inside.set()
    time.sleep(0.4)
    told.append("checked")
sounds.checked.connect(slow_receiver, Qt.ConnectionType.DirectConnection)
sounds.check()
inside.wait(5)
started = time.monotonic()
MODE
waited = time.monotonic() - started
sounds_told = len(told)
time.sleep(0.2)
print(f"{waited:.2f} {sounds_told}")
"""


@pytest.mark.parametrize(
    "mode", ["sounds.close(); app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)", "del owner"]
)
def test_sounds_go_only_once_their_thread_has_told_the_player(mode: str) -> None:
    """Bug: sounds dropped (the server went away) or deleted with the player could go while one of their
    threads was telling the player something; the app then crashed in the emit (a segmentation fault, seen in
    the tests). They now go only once that word is told, and their threads tell nothing after."""
    script = GOING_WHILE_TELLING.replace("MODE", mode)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-1500:]
    waited, told = done.stdout.split()
    assert float(waited) >= 0.2, "they went while their thread was telling"
    assert told == "1"


def test_an_earlier_try_s_time_limit_does_not_end_the_next_one(
    qtbot: QtBot, fake_library: FakeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cue_player, "SOUND_TIMEOUT_S", 1.0)
    fake_library.refuse = True
    player = CuePlayer(Settings(voice=False), sound_output="pulse")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()  # refused at once; its time limit would have ended 1 s from now
    assert player.sound_status.startswith("Sound is off: the sound server did not answer (Connection refused).")
    qtbot.wait(500)
    fake_library.refuse = False
    fake_library.hold.clear()  # the server takes its time to answer the next try
    try:
        player.retry_lost()  # as a session starts
        player.prepare()
        qtbot.wait(700)  # past the first try's limit, within this one's
        assert player.sound_pending
    finally:
        fake_library.hold.set()
    qtbot.waitUntil(lambda: player.sound_ready, timeout=3000)
    assert player.sound_status == "Sound is on (PulseAudio)."


def test_a_sound_server_that_never_answers_is_given_up_on(
    qtbot: QtBot, fake_library: FakeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cue_player, "SOUND_TIMEOUT_S", 0.3)
    fake_library.hold.clear()
    player = CuePlayer(Settings(voice=False), sound_output="pulse")
    try:
        with qtbot.waitSignal(player.status_changed, timeout=3000):
            player.prepare()
            assert player.pending
        assert (
            player.sound_status
            == "Sound is off: the sound server did not answer (no answer within 0.3 s)." + TRIED_AGAIN
        )
        assert not player.pending
    finally:
        fake_library.hold.set()
    qtbot.wait(100)
    assert not player.sound_ready, "a late answer is not taken"


def test_without_libpulse_simple_sound_goes_through_qtmultimedia(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the library (a system without PulseAudio's client) the player falls back to QtMultimedia; asked
    for PulseAudio's path, it says why sound is off."""

    def missing() -> ctypes.CDLL:
        raise OSError("libpulse-simple.so.0: cannot open shared object file")

    monkeypatch.setattr(pulse_sound, "load_library", missing)
    no_sample_cache(monkeypatch)
    monkeypatch.delenv(cue_player.SOUND_VARIABLE, raising=False)
    player = CuePlayer(Settings(voice=False))
    player.prepare()
    assert not player.sound_pending
    assert player.sound_status.startswith("Sound is"), player.sound_status
    assert "PySide6.QtMultimedia" in sys.modules
    forced = CuePlayer(Settings(voice=False), sound_output="pulse")
    forced.prepare()
    assert forced.sound_status == (
        "Sound is off: PulseAudio's library could not load (libpulse-simple.so.0: cannot open shared object file)."
    )


def test_a_sound_output_of_another_name_is_refused_in_words(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cue_player.SOUND_VARIABLE, "alsa")
    player = CuePlayer(Settings(voice=False))
    player.prepare()
    assert player.sound_status == "Sound is off: MASSAGE_GUI_SOUND_OUTPUT is 'alsa'; it can be pulse or qt."
    assert not player.sound_ready
    with qtbot.waitSignal(player.flash_requested, timeout=1000):
        player.play(Cue("sound", 0.0, sound="chime"))


def test_a_sound_server_that_stops_taking_sounds_turns_sound_off(qtbot: QtBot, fake_library: FakeLibrary) -> None:
    """Each sound waits on a thread of its own for the server: a server that stops taking them would leave a
    thread waiting for each cue of the session (a tick a stroke). After MAX_PLAYING, sound goes off."""
    player = CuePlayer(Settings(voice=False), sound_output="pulse")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()
    qtbot.waitUntil(lambda: _sound_threads() == 0, timeout=3000)  # another test's may still be ending
    fake_library.hold.clear()  # new streams wait for ever
    try:
        for _ in range(pulse_sound.MAX_PLAYING):
            player.play(Cue("sound", 0.0, sound="tick"))
        assert player.sound_ready
        with qtbot.waitSignals([player.flash_requested, player.status_changed], timeout=1000):
            player.play(Cue("sound", 0.0, sound="tick"))
        assert (
            player.sound_status
            == "Sound stopped: a sound could not be played (it has stopped taking sounds)." + TRIED_AGAIN
        )
        player.play(Cue("sound", 0.0, sound="tick"))
        assert _sound_threads() == pulse_sound.MAX_PLAYING, "no thread for cues once off"
    finally:
        fake_library.hold.set()
    qtbot.waitUntil(lambda: _sound_threads() == 0, timeout=3000)


def _sound_threads() -> int:
    return sum(1 for thread in threading.enumerate() if thread.name == "cue-sound")


def test_a_thread_the_system_will_not_start_turns_sound_off(
    qtbot: QtBot, fake_library: FakeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    player = CuePlayer(Settings(voice=False), sound_output="pulse")
    with qtbot.waitSignal(player.status_changed, timeout=3000):
        player.prepare()

    def refuse(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", refuse)
    with qtbot.waitSignal(player.flash_requested, timeout=1000):
        player.play(Cue("sound", 0.0, sound="tick"))
    assert player.sound_status == "Sound stopped: a sound could not be played (can't start new thread)." + TRIED_AGAIN
    assert player.sounds is None
