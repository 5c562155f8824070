"""Speech through a speech server (speech-dispatcher), set up and spoken to off the GUI thread.

speech-dispatcher starts on first use. One that cannot open its audio output (no PulseAudio, say) may
take a connection and never answer, or stop answering after a line or two; Qt's engine waits for every
answer, and PySide keeps Python's lock while it waits. So the engine lives on a daemon thread that runs
a Qt event loop, every call reaches it as a queued call (run by Qt, without Python's lock), and the
window only ever waits for a signal. A thread stuck on the server is left behind: it holds up nothing,
not even quitting.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import Q_ARG, QEventLoop, QLocale, QMetaObject, QObject, Qt, QThread, Signal, Slot

QUEUED = Qt.ConnectionType.QueuedConnection
PLACEHOLDER_ENGINE = "mock"  # what the engine object starts with: Qt's silent engine, which never waits
EXIT_WAIT_S = 2.0  # how long quitting waits for the speech threads to let go of their engines

_threads: list[dict[str, Any]] = []  # every speech thread's box: its thread, loop and worker


def pick_locale(available: Sequence[QLocale], language: str, preferred: QLocale | None = None) -> QLocale | None:
    """The speech locale for a UI language ('en', 'de'): the preferred locale (the system's) when the
    engine has it, else the first of that language; None when the engine has no voice for it."""
    wanted = QLocale(language).language()
    matching = [loc for loc in available if loc.language() == wanted]
    if preferred is not None:
        exact = [loc for loc in matching if loc.name() == preferred.name()]
        if exact:
            return exact[0]
    return matching[0] if matching else None


def probe_speech_dispatcher() -> str:
    """Connects to speech-dispatcher as Qt's engine does (starting the server if needed) and lists its
    output modules: "ok", "absent" (no library, no server, or it went away) or "no_voices". Blocks for
    as long as the server does not answer; ctypes lets other threads run meanwhile."""
    try:
        lib = ctypes.CDLL("libspeechd.so.2")
    except OSError:
        found = ctypes.util.find_library("speechd")
        if found is None:
            return "absent"
        try:
            lib = ctypes.CDLL(found)
        except OSError:
            return "absent"
    lib.spd_open2.restype = ctypes.c_void_p
    lib.spd_open2.argtypes = [
        ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_int,
        ctypes.POINTER(ctypes.c_void_p),
    ]  # fmt: skip
    lib.spd_list_modules.restype = ctypes.POINTER(ctypes.c_char_p)
    lib.spd_list_modules.argtypes = [ctypes.c_void_p]
    lib.spd_close.argtypes = [ctypes.c_void_p]
    error = ctypes.c_void_p()
    single_mode, autospawn = 0, 1
    connection = lib.spd_open2(b"massage-gui", b"probe", None, single_mode, None, autospawn, ctypes.byref(error))
    if error.value:
        ctypes.CDLL(None).free(error)
    if not connection:
        return "absent"
    modules = lib.spd_list_modules(connection)
    count = 0
    while modules and modules[count] is not None:
        count += 1
    if modules and hasattr(lib, "free_spd_modules"):
        lib.free_spd_modules.argtypes = [ctypes.POINTER(ctypes.c_char_p)]
        lib.free_spd_modules(modules)
    lib.spd_close(connection)
    if not modules:
        return "absent"
    return "ok" if count else "no_voices"


class _Worker(QObject):
    """Lives on the speech thread with the engine (its child); its slots run there.

    Signals:
    reported(result, locales, voices, language_voice): set up ("ok") or why not ("absent", "no_voices",
        "failed"); the engine's locales and the voices of the locale it speaks.
    answered(serial): every call queued before ping(serial) has returned.
    """

    reported = Signal(str, object, object, bool)
    answered = Signal(int)
    _engine_set = Signal()
    _locale_set = Signal()

    def __init__(self, engine: str, language: str, preferred: QLocale, probe: Callable[[], str]) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        super().__init__()
        self.speech = QTextToSpeech(PLACEHOLDER_ENGINE, self)
        self._engine = engine
        self._language = language
        self._preferred = preferred
        self._probe = probe
        self._language_voice = False
        # Queued, so that each runs after the engine call queued just before it has returned.
        self._engine_set.connect(self._on_engine_set, QUEUED)
        self._locale_set.connect(self._on_locale_set, QUEUED)

    @Slot()
    def start(self) -> None:
        self.setParent(QThread.currentThread())  # see _run_loop
        result = self._probe()
        if result != "ok":
            self.reported.emit(result, [], [], False)
            return
        QMetaObject.invokeMethod(self.speech, "setEngine", QUEUED, Q_ARG(str, self._engine))
        self._engine_set.emit()

    @Slot()
    def _on_engine_set(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        speech = self.speech  # state, locales and locale are kept by Qt: reading them does not wait
        if speech.state() == QTextToSpeech.State.Error:
            configuration = speech.errorReason() == QTextToSpeech.ErrorReason.Configuration
            self.reported.emit("no_voices" if configuration else "failed", [], [], False)
            return
        locale = pick_locale(list(speech.availableLocales()), self._language, self._preferred)
        self._language_voice = locale is not None
        if locale is not None and speech.locale().name() != locale.name():
            QMetaObject.invokeMethod(speech, "setLocale", QUEUED, Q_ARG(QLocale, locale))
        self._locale_set.emit()

    @Slot()
    def _on_locale_set(self) -> None:
        speech = self.speech
        self.reported.emit("ok", list(speech.availableLocales()), list(speech.availableVoices()), self._language_voice)

    @Slot(int)
    def ping(self, serial: int) -> None:
        self.answered.emit(serial)


def _run_loop(box: dict[str, Any], ready: threading.Event) -> None:
    # The loop and the worker are children of this thread's QThread, so owned by Qt: PySide's clean-up at
    # exit deletes the objects Python owns, from the main thread, which would wait on a stuck server.
    box["thread"] = QThread.currentThread()
    loop = QEventLoop(box["thread"])
    box["loop"] = loop
    ready.set()
    loop.exec()
    worker = box.pop("worker", None)
    if worker is not None:
        shiboken6.delete(worker)  # here, so that the engine's last call to the server holds up only this thread
    _threads.remove(box)


def _quit_loop(box: dict[str, Any], *_: object) -> None:
    loop = box.get("loop")
    if loop is not None and shiboken6.isValid(loop):
        QMetaObject.invokeMethod(loop, "quit", QUEUED)


@atexit.register
def _end_threads() -> None:
    """Let each speech thread close its engine before the process tears Qt down, or the two race (and
    crash); a thread stuck on a server that does not answer is left where it waits."""
    deadline = time.monotonic() + EXIT_WAIT_S
    for box in _threads:
        _quit_loop(box)
    for box in _threads:
        box["thread_object"].join(max(0.0, deadline - time.monotonic()))


class ServerSpeech(QObject):
    """The QTextToSpeech calls the cue player makes, each queued to the speech thread.

    Signals:
    started(result): "ok" (then availableLocales/availableVoices are filled), "absent", "no_voices" or
        "failed". Never emitted if the server does not answer.
    """

    started = Signal(str)
    _start_requested = Signal()
    _ping_requested = Signal(int)

    def __init__(
        self,
        engine: str,
        language: str,
        preferred: QLocale,
        probe: Callable[[], str] = probe_speech_dispatcher,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._locales: list[QLocale] = []
        self._voices: list[Any] = []
        self.language_voice = False
        self._sent = 0
        self._waiting_since: float | None = None
        self._closed = False
        self._box: dict[str, Any] = {}
        ready = threading.Event()
        thread = threading.Thread(target=_run_loop, args=(self._box, ready), name="speech", daemon=True)
        self._box["thread_object"] = thread
        _threads.append(self._box)
        thread.start()
        ready.wait()
        worker = _Worker(engine, language, preferred, probe)
        worker.moveToThread(self._box["thread"])
        self._box["worker"] = worker
        self._speech = worker.speech
        self._start_requested.connect(worker.start)
        self._ping_requested.connect(worker.ping)
        worker.reported.connect(self._on_worker_reported)
        worker.answered.connect(self._on_worker_answered)
        self.destroyed.connect(partial(_quit_loop, self._box))

    def start(self) -> None:
        self._start_requested.emit()

    def close(self) -> None:
        """Stop the speech thread once it is free; no call reaches the engine after this."""
        self._closed = True
        _quit_loop(self._box)

    @Slot(str, object, object, bool)
    def _on_worker_reported(self, result: str, locales: list[QLocale], voices: list[Any], language_voice: bool) -> None:
        if self._closed:
            return
        self._locales, self._voices, self.language_voice = locales, voices, language_voice
        self.started.emit(result)

    @Slot(int)
    def _on_worker_answered(self, serial: int) -> None:
        self._waiting_since = None if serial == self._sent else time.monotonic()

    def stalled_for(self) -> float:
        """Seconds the oldest unanswered call has waited (0 when the engine has done all it was asked)."""
        return 0.0 if self._waiting_since is None else time.monotonic() - self._waiting_since

    def _call(self, method: str, *args: Any) -> None:
        if self._closed:
            return
        QMetaObject.invokeMethod(self._speech, method, QUEUED, *args)
        self._sent += 1
        if self._waiting_since is None:
            self._waiting_since = time.monotonic()
        self._ping_requested.emit(self._sent)

    # -- the part of QTextToSpeech that the cue player uses ------------------------------------------

    def availableLocales(self) -> list[QLocale]:  # noqa: N802 (Qt's name)
        return list(self._locales)

    def availableVoices(self) -> list[Any]:  # noqa: N802 (Qt's name)
        return list(self._voices)

    def setRate(self, rate: float) -> None:  # noqa: N802 (Qt's name)
        self._call("setRate", Q_ARG(float, rate))

    def setVolume(self, volume: float) -> None:  # noqa: N802 (Qt's name)
        self._call("setVolume", Q_ARG(float, volume))

    def setVoice(self, voice: Any) -> None:  # noqa: N802 (Qt's name)
        from PySide6.QtTextToSpeech import QVoice

        self._call("setVoice", Q_ARG(QVoice, voice))

    def enqueue(self, text: str) -> None:
        self._call("enqueue", Q_ARG(str, text))

    def stop(self) -> None:
        self._call("stop")
