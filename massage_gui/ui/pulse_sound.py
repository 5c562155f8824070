"""Cue sounds through PulseAudio's simple API (libpulse-simple, through ctypes): each sound on a stream of its
own, written and drained on a short-lived thread, so that the window never waits for the sound server.

The sound path on Linux, where PulseAudio or PipeWire (its pipewire-pulse) serves this API. It keeps
QtMultimedia, with the QtNetwork it links and the threads it starts, out of the process: 2.6 MiB against 8.6
(docs/architecture.md). Elsewhere, or where the library is missing, the cue player uses QtMultimedia
(massage_gui/ui/qt_sounds.py).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import sys
import threading
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal, SignalInstance

__all__ = [
    "Gate",
    "PulseSounds",
    "SampleSpec",
    "Sound",
    "SoundError",
    "load_library",
    "pulse_error",
    "read_sound",
    "scaled",
]

LIBRARY = "libpulse-simple.so.0"
APP_NAME = b"massage-gui"
SAMPLE_S16LE = 3  # pa_sample_format_t
STREAM_PLAYBACK = 1  # pa_stream_direction_t
SERVER_DEFAULT = 0xFFFFFFFF  # (uint32_t) -1 in pa_buffer_attr: the server's choice
# What the server holds before it starts to play, and keeps filled: short, so that a cue is heard on time.
BUFFER_S = 0.05
# Sounds on their way at once. A cue's thread lives as long as its sound plays (1.4 s at most, and the
# server's latency): more than this many means the server has stopped taking them, and each new cue would
# leave one more thread waiting on it.
MAX_PLAYING = 8


class SoundError(Exception):
    """A sound could not be read or played; the message says why, in words for people."""


class SampleSpec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class _BufferAttr(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint32) for name in ("maxlength", "tlength", "prebuf", "minreq", "fragsize")]


def load_library() -> ctypes.CDLL:
    """libpulse-simple with the functions the player calls typed; OSError when it is not installed."""
    lib = ctypes.CDLL(LIBRARY)
    error = ctypes.POINTER(ctypes.c_int)
    lib.pa_simple_new.restype = ctypes.c_void_p
    lib.pa_simple_new.argtypes = [
        ctypes.c_char_p,  # server: the default
        ctypes.c_char_p,  # the application's name
        ctypes.c_int,  # direction
        ctypes.c_char_p,  # device: the default
        ctypes.c_char_p,  # the stream's name
        ctypes.POINTER(SampleSpec),
        ctypes.c_void_p,  # channel map: the default
        ctypes.POINTER(_BufferAttr),
        error,
    ]
    lib.pa_simple_write.restype = ctypes.c_int
    lib.pa_simple_write.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, error]
    lib.pa_simple_drain.restype = ctypes.c_int
    lib.pa_simple_drain.argtypes = [ctypes.c_void_p, error]
    lib.pa_simple_free.restype = None
    lib.pa_simple_free.argtypes = [ctypes.c_void_p]
    lib.pa_strerror.restype = ctypes.c_char_p  # in libpulse, which libpulse-simple links
    lib.pa_strerror.argtypes = [ctypes.c_int]
    return lib


@dataclass(frozen=True)
class Sound:
    """One sound as 16-bit little-endian samples."""

    rate: int
    channels: int
    samples: bytes


def read_sound(path: Path) -> Sound:
    """A 16-bit PCM WAV file; SoundError naming the file when it cannot be read or is of another kind."""
    try:
        with wave.open(str(path)) as wav:
            if wav.getsampwidth() != 2:
                raise SoundError(f"{path}: not a 16-bit sound")
            return Sound(wav.getframerate(), wav.getnchannels(), wav.readframes(wav.getnframes()))
    except (OSError, EOFError, wave.Error) as exc:
        raise SoundError(f"{path}: {exc}") from exc


def scaled(samples: bytes, volume: float) -> bytes:
    """16-bit little-endian samples at ``volume`` (0 to 1) of their loudness."""
    if volume >= 1.0:
        return samples
    values = array("h")
    values.frombytes(samples)
    if sys.byteorder == "big":
        values.byteswap()
    quieter = array("h", (round(value * volume) for value in values))  # no list of 40,000 ints
    if sys.byteorder == "big":
        quieter.byteswap()
    return quieter.tobytes()


class PulseSounds(QObject):
    """The cue sounds, played through the sound server's default output.

    Signals (mostly from the threads that talk to the server; Qt delivers them on the receiver's thread):
        checked(str): the server answered (""), or why it did not.
        failed(str): a sound could not be played, or the server has stopped taking them: why.
    """

    checked = Signal(str)
    failed = Signal(str)

    def __init__(self, library: ctypes.CDLL, sounds: dict[str, Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lib = library
        self._paths = dict(sounds)
        read = {name: read_sound(path) for name, path in sounds.items()}  # a file that cannot be read fails here
        self._formats = {name: (sound.rate, sound.channels) for name, sound in read.items()}
        self._volume = 1.0
        # Each sound's samples as it plays at the last volume played, and nothing else: a change of volume
        # reads the files again (on the sound's thread), rather than keeping a second copy as read.
        self._at_volume: tuple[float, dict[str, bytes]] = (1.0, {name: sound.samples for name, sound in read.items()})
        self.description = "PulseAudio"
        self._playing = 0  # sounds on their way, each on its thread
        self._lock = threading.Lock()
        # What the threads tell goes through this gate: shut by close() or as the object goes (its parent
        # deleting it), each waiting for a word being told, so that none is told by an object half gone.
        self._gate = Gate()
        # A callable of its own, which Qt holds (a method of the gate would be held by a weak reference to
        # it, which the object's own teardown may be clearing as it is called).
        self.destroyed.connect(functools.partial(Gate.shut, self._gate))

    def check(self) -> None:
        """Ask the server for a stream and give it back, on a thread: ``checked`` says how it went."""
        threading.Thread(target=self._check, name="cue-sound-check", daemon=True).start()

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))

    def play(self, name: str) -> None:
        """Play one sound now, over any still playing; returns at once."""
        with self._lock:
            stuck = self._playing >= MAX_PLAYING
            if not stuck:
                self._playing += 1
        if stuck:
            self.failed.emit(self.tr("it has stopped taking sounds"))
            return
        try:
            threading.Thread(target=self._play, args=(name, self._volume), name="cue-sound", daemon=True).start()
        except RuntimeError as exc:  # the system would not start another thread
            with self._lock:
                self._playing -= 1
            self.failed.emit(str(exc))

    def loaded(self) -> bool:
        return True  # the files were read when the player was made

    def close(self) -> None:
        """Play and tell nothing more (a player trying again must not hear this one's late answers); the
        object goes, and a sound on its way finishes on its thread."""
        self._gate.shut()
        self.deleteLater()

    # -- on the sound threads -------------------------------------------------------------------------

    def _check(self) -> None:
        try:
            self._lib.pa_simple_free(self._open(*next(iter(self._formats.values()))))
        except SoundError as exc:
            self._tell(self.checked, str(exc))
        else:
            self._tell(self.checked, "")

    def _play(self, name: str, volume: float) -> None:
        try:
            self._write(name, volume)
        finally:
            with self._lock:
                self._playing -= 1

    def _write(self, name: str, volume: float) -> None:
        at_volume = self._at_volume
        if at_volume[0] != volume:
            at_volume = self._at_volume = (volume, {})
        try:
            samples = at_volume[1].get(name)
            if samples is None:
                samples = at_volume[1][name] = scaled(read_sound(self._paths[name]).samples, volume)
            stream = self._open(*self._formats[name])
            try:
                error = ctypes.c_int(0)
                if self._lib.pa_simple_write(stream, samples, len(samples), ctypes.byref(error)) < 0:
                    raise SoundError(self._reason(error))
                if self._lib.pa_simple_drain(stream, ctypes.byref(error)) < 0:
                    raise SoundError(self._reason(error))
            finally:
                self._lib.pa_simple_free(stream)
        except SoundError as exc:
            self._tell(self.failed, str(exc))

    def _open(self, rate: int, channels: int) -> int:
        spec = SampleSpec(SAMPLE_S16LE, rate, channels)
        fill = round(BUFFER_S * rate) * channels * 2
        attr = _BufferAttr(SERVER_DEFAULT, fill, SERVER_DEFAULT, SERVER_DEFAULT, SERVER_DEFAULT)
        error = ctypes.c_int(0)
        stream = self._lib.pa_simple_new(
            None,
            APP_NAME,
            STREAM_PLAYBACK,
            None,
            b"cue",
            ctypes.byref(spec),
            None,
            ctypes.byref(attr),
            ctypes.byref(error),
        )
        if not stream:
            raise SoundError(self._reason(error))
        return int(stream)

    def _reason(self, error: ctypes.c_int) -> str:
        return pulse_error(self._lib, error.value)

    def _tell(self, signal: SignalInstance, text: str) -> None:
        self._gate.tell(signal, text)


def pulse_error(library: ctypes.CDLL, code: int) -> str:
    """libpulse's words for one of its error codes (pa_strerror)."""
    text: bytes | None = library.pa_strerror(code)
    return text.decode(errors="replace") if text else f"error {code}"


class Gate:
    """Whether sounds' threads may still tell the player anything (see PulseSounds._tell)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open = True

    def tell(self, signal: SignalInstance, text: str) -> None:
        """Emit ``signal`` with ``text`` unless the gate is shut; shutting waits for a word being told."""
        with self.lock, contextlib.suppress(RuntimeError):  # RuntimeError: gone all the same
            if self.open:
                signal.emit(text)

    def shut(self) -> None:
        with self.lock:
            self.open = False
