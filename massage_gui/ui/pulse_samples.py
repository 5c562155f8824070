"""Cue sounds from the sound server's own sample cache (libpulse, through ctypes): the sounds go to the server
once, as sound is set up, and each cue then asks it to play one by name, a short message on a connection kept
open. Nothing is started per cue: no thread, no connection, no stream.

The first path on Linux, where PulseAudio or PipeWire (its pipewire-pulse) serves PulseAudio's API. A stream of
its own for each cue (massage_gui/ui/pulse_sound.py) cost 2.3 ms of CPU a tick, against 0.2 ms here
(docs/architecture.md): a stroke's tick comes every 2 s at the default pace. A server that takes the
connection but not the sounds is left for that path (``cache_refused``).

The sounds are kept in the server under names made from their contents, as desktop event sounds are: a later
start, or another copy of the app, plays the same sounds without sending them again, and they stay as long as
the server runs (200 KiB for the three).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from massage_gui.ui.pulse_sound import SAMPLE_S16LE, Gate, SampleSpec, Sound, SoundError, pulse_error, read_sound

__all__ = ["PulseSamples", "load_library", "sample_name"]

LIBRARY = "libpulse.so.0"
APP_NAME = b"massage-gui"
CONTEXT_READY, CONTEXT_FAILED, CONTEXT_TERMINATED = 4, 5, 6  # pa_context_state_t
STREAM_READY, STREAM_FAILED, STREAM_TERMINATED = 2, 3, 4  # pa_stream_state_t
SEEK_RELATIVE = 0  # pa_seek_mode_t
ERR_INTERNAL, ERR_BADSTATE = 10, 15  # pa_error_code_t, for pa_strerror's words
# The server plays a kept sound as a desktop event, whose volume and mute the desktop's "system sounds" set: muted
# there, a tick would go unheard. Kept here as the sounds of an aid to the user (PulseAudio's "a11y"), whose
# volume the server restores as it did for the app's own streams (by its name).
SOUND_PROPERTIES = {b"media.role": b"a11y", b"module-stream-restore.id": b"sink-input-by-application-name:massage-gui"}
WAIT_STEP_S = 0.01  # how often the setting-up thread looks at the connection while it waits for the server
WAIT_LIMIT_S = 10.0  # after which it gives up (the cue player's own, shorter limit has said so by then)


def load_library() -> ctypes.CDLL:
    """libpulse with the functions used here typed; OSError when it is not installed."""
    lib = ctypes.CDLL(LIBRARY)
    p = ctypes.c_void_p
    signatures: dict[str, tuple[type | None, list[type]]] = {
        "pa_threaded_mainloop_new": (p, []),
        "pa_threaded_mainloop_get_api": (p, [p]),
        "pa_threaded_mainloop_start": (ctypes.c_int, [p]),
        "pa_threaded_mainloop_stop": (None, [p]),
        "pa_threaded_mainloop_free": (None, [p]),
        "pa_threaded_mainloop_lock": (None, [p]),
        "pa_threaded_mainloop_unlock": (None, [p]),
        "pa_context_new": (p, [p, ctypes.c_char_p]),
        "pa_context_connect": (ctypes.c_int, [p, ctypes.c_char_p, ctypes.c_int, p]),
        "pa_context_get_state": (ctypes.c_int, [p]),
        "pa_context_errno": (ctypes.c_int, [p]),
        "pa_context_disconnect": (None, [p]),
        "pa_context_unref": (None, [p]),
        "pa_context_play_sample": (p, [p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint32, p, p]),
        "pa_operation_unref": (None, [p]),
        "pa_stream_new_with_proplist": (p, [p, ctypes.c_char_p, ctypes.POINTER(SampleSpec), p, p]),
        "pa_proplist_new": (p, []),
        "pa_proplist_sets": (ctypes.c_int, [p, ctypes.c_char_p, ctypes.c_char_p]),
        "pa_proplist_free": (None, [p]),
        "pa_stream_connect_upload": (ctypes.c_int, [p, ctypes.c_size_t]),
        "pa_stream_get_state": (ctypes.c_int, [p]),
        "pa_stream_write": (ctypes.c_int, [p, ctypes.c_char_p, ctypes.c_size_t, p, ctypes.c_int64, ctypes.c_int]),
        "pa_stream_finish_upload": (ctypes.c_int, [p]),
        "pa_stream_unref": (None, [p]),
        "pa_sw_volume_from_linear": (ctypes.c_uint32, [ctypes.c_double]),
        "pa_strerror": (ctypes.c_char_p, [ctypes.c_int]),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    return lib


def sample_name(name: str, sound: Sound) -> bytes:
    """The name a sound is kept under in the server: the app's, the cue's, and a checksum of the sound."""
    digest = zlib.crc32(sound.samples, zlib.crc32(f"{sound.rate} {sound.channels}".encode()))
    return f"massage-gui-{name}-{digest:08x}".encode()


class PulseSamples(QObject):
    """The cue sounds, played by the sound server from its sample cache. ``check()`` connects and sends the
    sounds, on a thread; ``checked`` then says how it went, and ``play()`` is a message to the server (sent
    from the calling thread, waiting only for libpulse's own lock). Cues play over each other, as the server
    mixes them.

    Signals (``checked`` from the setting-up thread; Qt delivers it on the receiver's thread):
        checked(str): the sounds are in the server (""), or why not; ``cache_refused`` then says whether the
            server answered but would not keep them.
        failed(str): a sound could not be played (the server has gone away): why.
    """

    checked = Signal(str)
    failed = Signal(str)

    def __init__(self, library: ctypes.CDLL, sounds: dict[str, Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lib = library
        read = {name: read_sound(path) for name, path in sounds.items()}  # a file that cannot be read fails here
        self._names = {name: sample_name(name, sound) for name, sound in read.items()}
        self._sounds: dict[str, Sound] | None = read  # let go of once sent
        self._volume = 1.0
        self.description = "PulseAudio"
        self.cache_refused = False
        self._mainloop: int | None = None  # set on the setting-up thread, used after ``checked`` says ""
        self._context: int | None = None
        self._lifetime = threading.Lock()  # who tears the connection down: close(), or the thread after it
        self._setting_up = False
        self._closed = False
        self._gate = Gate()  # see PulseSounds
        self.destroyed.connect(functools.partial(Gate.shut, self._gate))

    def check(self) -> None:
        """Connect and send the sounds, on a thread: ``checked`` says how it went."""
        with self._lifetime:
            if self._setting_up or self._closed or self._context is not None:
                return
            self._setting_up = True
        threading.Thread(target=self._set_up, name="cue-sound-set-up", daemon=True).start()

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))

    def play(self, name: str) -> None:
        """Ask the server to play one sound now, over any still playing; returns at once."""
        lib, mainloop, context = self._lib, self._mainloop, self._context
        if mainloop is None or context is None or self._setting_up:
            self.failed.emit(self._reason(ERR_BADSTATE))
            return
        volume = lib.pa_sw_volume_from_linear(self._volume)
        with self._locked():
            operation = None
            if lib.pa_context_get_state(context) == CONTEXT_READY:
                operation = lib.pa_context_play_sample(context, self._names[name], None, volume, None, None)
            reason = "" if operation else self._reason(lib.pa_context_errno(context))
            if operation:
                lib.pa_operation_unref(operation)  # its answer is not waited for
        if reason:
            self.failed.emit(reason)

    def loaded(self) -> bool:
        return True  # the files were read when the player was made

    def close(self) -> None:
        """Play and tell nothing more, and close the connection (now, or as the setting-up thread ends); the
        object goes. Sounds the server is playing finish."""
        self._gate.shut()
        with self._lifetime:
            self._closed = True
            now = not self._setting_up
        if now:
            self._disconnect()
        self.deleteLater()

    # -- on the setting-up thread --------------------------------------------------------------------

    def _set_up(self) -> None:
        error = ""
        try:
            self._connect()
            self._upload_all()
        except SoundError as exc:
            error = str(exc)
        with self._lifetime:
            self._setting_up = False
            closed = self._closed
        if closed or error:
            self._disconnect()
        if not closed:
            self._gate.tell(self.checked, error)

    def _connect(self) -> None:
        lib = self._lib
        mainloop = lib.pa_threaded_mainloop_new()
        if not mainloop:
            raise SoundError(self._reason(ERR_INTERNAL))
        self._mainloop = mainloop
        context = lib.pa_context_new(lib.pa_threaded_mainloop_get_api(mainloop), APP_NAME)
        if not context:
            raise SoundError(self._reason(ERR_INTERNAL))
        self._context = context
        if lib.pa_context_connect(context, None, 0, None) < 0 or lib.pa_threaded_mainloop_start(mainloop) < 0:
            raise SoundError(self._context_error())
        ends = (CONTEXT_READY, CONTEXT_FAILED, CONTEXT_TERMINATED)
        if self._wait(lambda: lib.pa_context_get_state(context), ends) != CONTEXT_READY:
            raise SoundError(self._context_error())

    def _upload_all(self) -> None:
        sounds, self._sounds = self._sounds or {}, None
        for name, sound in sounds.items():
            self._upload(self._names[name], sound)

    def _upload(self, name: bytes, sound: Sound) -> None:
        """Send one sound to the server's sample cache under ``name``, as ``pactl upload-sample`` does."""
        lib, context = self._lib, self._context
        spec = SampleSpec(SAMPLE_S16LE, sound.rate, sound.channels)
        size = len(sound.samples)
        with self._locked():
            properties = lib.pa_proplist_new()
            for key, value in SOUND_PROPERTIES.items():
                lib.pa_proplist_sets(properties, key, value)
            stream = lib.pa_stream_new_with_proplist(context, name, ctypes.byref(spec), None, properties)
            lib.pa_proplist_free(properties)  # copied into the stream's own
            started = bool(stream) and lib.pa_stream_connect_upload(stream, size) >= 0
        try:
            state = lambda: lib.pa_stream_get_state(stream)  # noqa: E731
            if started and self._wait(state, (STREAM_READY, STREAM_FAILED, STREAM_TERMINATED)) == STREAM_READY:
                with self._locked():
                    # Copied by libpulse (no function is given to free it), in pieces the size of its blocks.
                    sent = lib.pa_stream_write(stream, sound.samples, size, None, 0, SEEK_RELATIVE) >= 0
                    sent = sent and lib.pa_stream_finish_upload(stream) >= 0
                if sent and self._wait(state, (STREAM_FAILED, STREAM_TERMINATED)) == STREAM_TERMINATED:
                    return
            with self._locked():
                self.cache_refused = lib.pa_context_get_state(context) == CONTEXT_READY
            raise SoundError(self._context_error())
        finally:
            if stream:
                with self._locked():
                    lib.pa_stream_unref(stream)

    def _wait(self, state: Callable[[], int], ends: tuple[int, ...]) -> int:
        """Look at ``state()`` until it is one of ``ends``, or WAIT_LIMIT_S has passed or the object is closed
        (then the last one). A poll, on this thread only: no Python runs on libpulse's own thread."""
        deadline = time.monotonic() + WAIT_LIMIT_S
        while True:
            with self._locked():
                now = state()
            if now in ends or time.monotonic() > deadline or self._closed:
                return now
            time.sleep(WAIT_STEP_S)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """libpulse's lock, which its own thread holds while it works: held to call it from any other."""
        self._lib.pa_threaded_mainloop_lock(self._mainloop)
        try:
            yield
        finally:
            self._lib.pa_threaded_mainloop_unlock(self._mainloop)

    def _context_error(self) -> str:
        with self._locked():
            return self._reason(self._lib.pa_context_errno(self._context))

    # -- either thread ---------------------------------------------------------------------------------

    def _disconnect(self) -> None:
        """Close the connection and stop libpulse's thread (never called on that thread)."""
        lib = self._lib
        mainloop, context, self._mainloop, self._context = self._mainloop, self._context, None, None
        if mainloop is not None:
            lib.pa_threaded_mainloop_stop(mainloop)
        if context is not None:
            lib.pa_context_disconnect(context)
            lib.pa_context_unref(context)
        if mainloop is not None:
            lib.pa_threaded_mainloop_free(mainloop)

    def _reason(self, code: int) -> str:
        return pulse_error(self._lib, code)
