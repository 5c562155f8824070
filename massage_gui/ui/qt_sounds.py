"""Cue sounds through QtMultimedia's QSoundEffect: the sound path on Windows and macOS, and on Linux where
libpulse-simple is missing (massage_gui/ui/pulse_sound.py is the usual one there)."""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
import wave
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    QUrl,
    qInstallMessageHandler,
)
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices, QSoundEffect

__all__ = ["QtSounds", "default_output"]

# Qt (seen with 6.11) frees a QSoundEffect sound that ends on its own on the audio thread, which can leave
# the window's event loop spinning on a closed socket: the window freezes. A sound the app stops is
# freed on the GUI thread. So each sound loops over a trailing silence, and the player stops it there.
SOUND_TAIL_S = 1.5
STOP_IN_TAIL_S = 0.5  # when, in the silence, the player stops the sound

NO_BACKEND_WARNING = "No QtMultimedia backends found"
# Said in the app's own words instead (sound_status: "Sound is off: no audio output device was found").
QUIET_WARNINGS = (NO_BACKEND_WARNING, "PulseAudioService: pa_context_connect() failed")


@contextlib.contextmanager
def _without_media_backend() -> Iterator[None]:
    """QtMultimedia loads its backend the first time it is used: on Linux the one Qt ships, FFmpeg, which brings
    QtQuick and QtQml with it (13 MiB). Sound effects do not need it: without a backend Qt still plays them
    (QMediaDevices and QSoundEffect work, video and media players do not). So Qt's plugin folders are hidden
    while QtMultimedia sets itself up, once per process, and its warning that it found no backend is kept
    quiet. Elsewhere (Windows, macOS) nothing is changed."""
    app = QCoreApplication.instance()
    if not sys.platform.startswith("linux") or app is None:
        yield
        return
    paths = QCoreApplication.libraryPaths()

    def quiet(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if not message.startswith(QUIET_WARNINGS):
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(quiet)
    QCoreApplication.setLibraryPaths([])
    try:
        yield
    finally:
        QCoreApplication.setLibraryPaths(paths)
        qInstallMessageHandler(previous)


def default_output() -> QAudioDevice:
    """The system's default audio output (a null device when there is none)."""
    with _without_media_backend():
        return QMediaDevices.defaultAudioOutput()


class QtSounds(QObject):
    """The cue sounds as sound effects on one output device."""

    def __init__(self, device: QAudioDevice, sounds: dict[str, Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.description = device.description()
        self.effects: dict[str, QSoundEffect] = {}
        self._stop_timers: dict[str, QTimer] = {}
        tails = self._sounds_with_tails(list(sounds.values()))
        for name, path in sounds.items():
            effect = QSoundEffect(self)
            effect.setAudioDevice(device)
            source, length_s = tails.get(path.stem, (path, None))
            effect.setSource(QUrl.fromLocalFile(str(source)))
            if length_s is not None:
                effect.setLoopCount(QSoundEffect.Loop.Infinite.value)
                timer = QTimer(self)
                timer.setSingleShot(True)
                timer.setInterval(round((length_s + STOP_IN_TAIL_S) * 1000))
                timer.timeout.connect(effect.stop)
                self._stop_timers[name] = timer
            self.effects[name] = effect

    def play(self, name: str) -> None:
        self.effects[name].play()
        if name in self._stop_timers:
            self._stop_timers[name].start()  # again from now if it was already playing

    def set_volume(self, volume: float) -> None:
        for effect in self.effects.values():
            effect.setVolume(volume)

    def loaded(self) -> bool:
        return all(effect.status() == QSoundEffect.Status.Ready for effect in self.effects.values())

    def close(self) -> None:
        for effect in self.effects.values():
            effect.stop()
        self.deleteLater()

    def _sounds_with_tails(self, sources: Sequence[Path]) -> dict[str, tuple[Path, float]]:
        """Copies of the sounds with SOUND_TAIL_S of silence after them, in a temporary folder removed
        with the player: name -> (copy, seconds of sound before the silence). Empty if they cannot be
        written (the sounds then play as they are)."""
        folder = Path(tempfile.mkdtemp(prefix="cue-sounds-"))
        weakref.finalize(self, shutil.rmtree, folder, True)
        copies = {}
        try:
            for source in sources:
                with wave.open(str(source)) as original:
                    params, frames = original.getparams(), original.readframes(original.getnframes())
                silence = b"\0" * (round(SOUND_TAIL_S * params.framerate) * params.sampwidth * params.nchannels)
                with wave.open(str(folder / source.name), "wb") as copy:
                    copy.setparams(params)
                    copy.writeframes(frames + silence)
                copies[source.stem] = (folder / source.name, params.nframes / params.framerate)
        except (OSError, wave.Error):
            return {}
        return copies
