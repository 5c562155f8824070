"""Plays cue sounds and speaks cues; both load lazily and fail softly.

The sound and speech code is imported only when ``prepare()`` runs, off the start-up path. On Linux the
sounds go to the sound server's sample cache through libpulse (massage_gui/ui/pulse_samples.py), or where the
server will not keep them, on a stream for each cue through libpulse-simple (massage_gui/ui/pulse_sound.py);
elsewhere, or where those libraries are missing, through QtMultimedia (massage_gui/ui/qt_sounds.py). The
environment variable MASSAGE_GUI_SOUND_OUTPUT picks one path (``pulse`` or ``qt``). If a module cannot load, no
sound server or audio device answers, or there is no speech engine (Qt's test-only "mock" engine does not
count), the player says why and asks for a visual flash instead of the cue it cannot give.

On Linux and the BSDs the voice is speech-dispatcher's, spoken to on its socket without waiting for it
(massage_gui/ui/ssip_speech.py): a server that stops answering is noticed by the time its oldest command
has waited. Elsewhere (Windows, macOS) it is QTextToSpeech's engine, which answers at once. The
environment variable MASSAGE_GUI_SPEECH_ENGINE names the engine to use (``speechd``, or one of Qt's:
``flite``, ``sapi``..., or ``mock``: Qt's silent engine, which the tests use).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QLocale, QLoggingCategory, QObject, QTimer, Signal, Slot

from massage_gui.core.assets import assets_dir
from massage_gui.core.cues import SOUNDS, Cue
from massage_gui.core.settings import Settings
from massage_gui.ui.cue_outputs import (
    ENGINE_NAMES,
    ENGINE_VARIABLE,
    MOCK_ENGINE,
    PULSE_OUTPUT,
    QT_OUTPUT,
    QUIET_CATEGORIES,
    SERVER_ENGINE,
    SOUND_VARIABLE,
    Sounds,
    pick_locale,
)
from massage_gui.ui.i18n import current_language

if TYPE_CHECKING:
    import ctypes

    from massage_gui.ui.pulse_samples import PulseSamples
    from massage_gui.ui.pulse_sound import PulseSounds
    from massage_gui.ui.ssip_speech import SsipSpeech

__all__ = ["CuePlayer", "pick_locale"]

VOICE_TIMEOUT_S = 5.0  # how long the speech server may take to start, or to take a line
SOUND_TIMEOUT_S = 5  # how long the sound server may take to answer
PulseOutput = TypeVar("PulseOutput", "PulseSamples", "PulseSounds")


def _speech_dispatcher_platform() -> bool:
    """Where speech-dispatcher is the system's speech server (not Windows or macOS)."""
    return not sys.platform.startswith(("win", "darwin"))


class CuePlayer(QObject):
    """Signals:
    flash_requested(): a cue could not be heard; show it instead.
    status_changed(): sound and voice are set up (or found missing): sound_status and voice_status say how.
    """

    flash_requested = Signal()
    status_changed = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QObject | None = None,
        speech_engine: str | None = None,
        sound_output: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        # None: the best real engine; the tests pass or set "mock"
        self._engine_name = speech_engine or os.environ.get(ENGINE_VARIABLE) or None
        # None: the sound server through libpulse on Linux where it loads, else QtMultimedia
        self._sound_output = sound_output or os.environ.get(SOUND_VARIABLE) or None
        self._sounds: Sounds | None = None
        self._cache: PulseSamples | None = None  # while the server's sample cache is tried (see _on_sounds_checked)
        self._speech: Any = None
        self._prepared = False  # prepare() was called: what the settings turn on is loaded, now or when turned on
        self._sound_loaded = False
        self._voice_loaded = False
        self._silent = False
        self._server: SsipSpeech | None = None
        self._voice_timer: QTimer | None = None
        self._sound_timer: QTimer | None = None
        self._lost: dict[str, str] = {}  # "sound", "voice": went away, and why; set up anew when a session starts
        self.voice_pending = False  # waiting for the speech server to answer
        self.sound_pending = False  # waiting for the sound server to answer
        self.sound_status = self.tr("Sound is not loaded yet.")
        self.voice_status = self.tr("Spoken cues are not loaded yet.")
        self.played: list[Cue] = []  # what was handed to Qt, for tests and diagnostics
        self.language = "en"  # the UI language the voice was set up for
        self.language_voice = False  # whether the engine had a locale of that language

    # -- set-up ------------------------------------------------------------------------------------

    @property
    def sound_ready(self) -> bool:
        return self._sounds is not None and not self.sound_pending

    @property
    def pending(self) -> bool:
        """Waiting for the sound or the speech server to answer (status_changed follows)."""
        return self.sound_pending or self.voice_pending

    @property
    def sounds(self) -> Sounds | None:
        return self._sounds

    @property
    def voice_ready(self) -> bool:
        return self._speech is not None

    def keep_silent(self) -> None:
        """Never load sound or voice (for pictures of the window): cues are dropped without a flash."""
        self._prepared = self._sound_loaded = self._voice_loaded = True
        self._silent = True

    def prepare(self, everything: bool = False) -> None:
        """Load and preload what the settings turn on (``everything``: sound and voice, for Preferences),
        so that no cue is late; what is turned on later loads then. Returns at once; status_changed follows
        when it is set up: straight away, or once the speech server has answered or the time limit has
        passed. Safe to call again."""
        self._prepared = True
        settings = self._settings
        sound = (everything or settings.sound or settings.stroke_ticks) and not self._sound_loaded
        voice = (everything or settings.voice) and not self._voice_loaded
        if sound:
            self._sound_loaded = True  # before loading: apply_settings, called from here, must not load again
            self._prepare_sound()
        if voice:
            self._voice_loaded = True
            self._prepare_voice()
        if (sound or voice) and not self.pending:
            self._set_up()

    def retry_lost(self) -> None:
        """Let the next ``prepare()`` set up again what went away: a sound or speech server that did not
        answer, stopped answering or had nothing to speak with. Called as a session starts, so that a server
        that was late at login, or a voice installed since, is heard without a restart. A speech server
        gone (or stuck) since the last line, which nothing has told yet, is asked again too."""
        if self._server_silent():
            self._drop_server()
            self._lost["voice"] = self.tr("The speech engine stopped answering: spoken cues are off.")
        if "sound" in self._lost:
            self._sound_loaded = False
        if "voice" in self._lost:
            self._voice_loaded = False
        self._lost.clear()

    def _set_up(self) -> None:
        self.apply_settings(self._settings)
        self.status_changed.emit()

    def _settle(self) -> None:
        """One server has answered (or given up on): set up once neither is still awaited."""
        if not self.pending:
            self._set_up()

    @staticmethod
    def _sound_paths() -> dict[str, Path]:
        return {name: assets_dir() / "sounds" / f"{name}.wav" for name in SOUNDS}

    def _prepare_sound(self) -> None:
        paths = self._sound_paths()
        if self._sound_output not in (None, PULSE_OUTPUT, QT_OUTPUT):
            self.sound_status = self.tr("Sound is off: {variable} is {value!r}; it can be pulse or qt.").format(
                variable=SOUND_VARIABLE, value=self._sound_output
            )
            return
        if self._sound_output != QT_OUTPUT and sys.platform.startswith("linux") and self._prepare_pulse_sound(paths):
            return
        self._prepare_qt_sound(paths)

    def _prepare_pulse_sound(self, paths: dict[str, Path]) -> bool:
        """Sound through the sound server, ready once it answers: from its sample cache (libpulse), else on a
        stream for each cue (libpulse-simple); False to use QtMultimedia instead (the libraries are missing and
        no path was asked for)."""
        from massage_gui.ui import pulse_samples

        try:
            library = pulse_samples.load_library()
        except OSError:
            return self._prepare_stream_sound(paths)  # which says why, or falls back on QtMultimedia
        self._cache = self._start_pulse(pulse_samples.PulseSamples, library, paths)
        return True

    def _prepare_stream_sound(self, paths: dict[str, Path]) -> bool:
        """Sound on a stream for each cue (libpulse-simple), ready once the server answers; False to use
        QtMultimedia instead (the library is missing and no path was asked for)."""
        from massage_gui.ui.pulse_sound import PulseSounds, load_library

        try:
            library = load_library()
        except OSError as exc:
            if self._sound_output != PULSE_OUTPUT:
                return False
            self.sound_status = self.tr("Sound is off: PulseAudio's library could not load ({error}).").format(
                error=exc
            )
            return True
        self._start_pulse(PulseSounds, library, paths)
        return True

    def _start_pulse(self, kind: type[PulseOutput], library: ctypes.CDLL, paths: dict[str, Path]) -> PulseOutput | None:
        """Sounds of ``kind`` on ``library``, ready once the server has answered (``sound_pending`` until then);
        None where a sound file could not be read (``sound_status`` says so)."""
        from massage_gui.ui.pulse_sound import SoundError

        try:
            sounds = kind(library, paths, self)
        except SoundError as exc:
            self.sound_status = self.tr("Sound is off: a sound file could not be read ({error}).").format(error=exc)
            return None
        self.sound_pending = True
        self.sound_status = self.tr("Sound is starting…")
        self._sounds = sounds  # ready once the server has answered (sound_pending)
        sounds.checked.connect(self._on_sounds_checked)
        sounds.failed.connect(self._on_sounds_failed)
        if self._sound_timer is None:  # one, restarted by each try: an earlier try's limit must not end this one
            self._sound_timer = QTimer(self)
            self._sound_timer.setSingleShot(True)
            self._sound_timer.timeout.connect(self._on_sound_timer_timeout)
        self._sound_timer.start(round(SOUND_TIMEOUT_S * 1000))
        sounds.check()
        return sounds

    def _prepare_qt_sound(self, paths: dict[str, Path]) -> None:
        if sys.platform.startswith("linux"):
            QLoggingCategory.setFilterRules(QUIET_CATEGORIES)  # before the import: loading it looks for PipeWire
        try:
            from massage_gui.ui.qt_sounds import QtSounds, default_output
        except (ImportError, OSError) as exc:
            self.sound_status = self.tr("Sound is off: Qt's multimedia module could not load ({error}).").format(
                error=exc
            )
            return
        device = default_output()
        if device.isNull():
            self.sound_status = self.tr("Sound is off: no audio output device was found.")
            return
        self._sounds = QtSounds(device, paths, self)
        self.sound_status = self._sound_on_text(self._sounds.description)

    def _sound_on_text(self, device: str) -> str:
        return self.tr("Sound is on ({device}).").format(device=device)

    @Slot(str)
    def _on_sounds_checked(self, error: str) -> None:
        if not self.sound_pending:
            return  # too late: the player has given up waiting
        self.sound_pending = False
        if self._sound_timer is not None:
            self._sound_timer.stop()
        cache, self._cache = self._cache, None
        if error and cache is not None and cache.cache_refused and self._sounds is cache:
            # The server answered but would not keep the sounds: a stream for each cue, then.
            self._sounds = None
            cache.close()
            paths = self._sound_paths()
            if not self._prepare_stream_sound(paths):
                self._prepare_qt_sound(paths)
            self._settle()  # at once, unless the stream's server is now awaited
            return
        if error:
            self._lose_sound(self.tr("Sound is off: the sound server did not answer ({error}).").format(error=error))
        elif self._sounds is not None:
            self.sound_status = self._sound_on_text(self._sounds.description)
        self._settle()

    @Slot()
    def _on_sound_timer_timeout(self) -> None:
        self._on_sounds_checked(self.tr("no answer within {seconds} s").format(seconds=SOUND_TIMEOUT_S))

    @Slot(str)
    def _on_sounds_failed(self, error: str) -> None:
        """A sound could not be played (the sound server went away, say): sound goes off, and the window is told."""
        if not self.sound_ready:
            return
        self._lose_sound(self.tr("Sound stopped: a sound could not be played ({error}).").format(error=error))
        self.flash_requested.emit()
        self.status_changed.emit()

    def _lose_sound(self, why: str) -> None:
        """Sound is off, for the reason ``why``, until a session starts (see ``retry_lost``); a sound still on
        its way may finish."""
        sounds, self._sounds = self._sounds, None
        if sounds is not None:
            sounds.close()
        self._lost["sound"] = why
        self.sound_status = " ".join((why, self.retry_text()))

    def retry_text(self) -> str:
        """Said after what was lost: when it is set up again."""
        return self.tr("It is tried again when a session starts.")

    def why_off(self, kind: str) -> tuple[str, bool]:
        """Why ``kind`` ("sound" or "voice") is off, and whether it is tried again when a session starts (it
        went away): then the reason alone, for a message that says when once, for both."""
        status = self.sound_status if kind == "sound" else self.voice_status
        return (self._lost[kind], True) if kind in self._lost else (status, False)

    def _prepare_voice(self) -> None:
        name = self._engine_name
        if name == SERVER_ENGINE or (name is None and _speech_dispatcher_platform()):
            self._start_server()
            return
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except (ImportError, OSError) as exc:
            self.voice_status = self.tr("Spoken cues are off: Qt's speech module could not load ({error}).").format(
                error=exc
            )
            return
        available = QTextToSpeech.availableEngines()
        real = [e for e in available if e not in (MOCK_ENGINE, SERVER_ENGINE)]
        name = name or (real[0] if real else None)
        if name is None or name not in available:
            self.voice_status = self._no_engine_text()
            return
        self._start_engine(name)

    def _start_server(self) -> None:
        """Speak through speech-dispatcher; the set-up answers (or not) later, within VOICE_TIMEOUT_S."""
        self.voice_pending = True
        self.voice_status = self.tr("Spoken cues are starting…")
        if self._voice_timer is None:
            self._voice_timer = QTimer(self)
            self._voice_timer.setSingleShot(True)
            self._voice_timer.timeout.connect(self._on_voice_timer_timeout)
        self._voice_timer.start(round(VOICE_TIMEOUT_S * 1000))
        from massage_gui.ui.ssip_speech import SsipSpeech

        self._server = SsipSpeech(current_language(), parent=self, preferred=QLocale.system().name())
        self._server.started.connect(self._on_server_started)
        self._server.start()

    def _no_engine_text(self) -> str:
        return self.tr("No speech engine found. Install speech-dispatcher to hear spoken cues.")

    def _on_text(self, engine: str) -> str:
        return self.tr("Spoken cues are on ({engine}).").format(engine=ENGINE_NAMES.get(engine, engine))

    def _failed_text(self) -> str:
        return self.tr("The speech engine could not start: spoken cues are off.")

    def _no_language_voice_text(self) -> str:
        return self.tr("The speech engine has no voice for this language.")

    def _no_voices_text(self) -> str:
        return self.tr(
            "The speech engine has no voices. Install one (for example speech-dispatcher-espeak-ng) "
            "to hear spoken cues."
        )

    @Slot(str)
    def _on_server_started(self, result: str) -> None:
        server = self._server
        if not self.voice_pending or server is None:
            return  # too late: the player has given up waiting
        self.voice_pending = False
        if self._voice_timer is not None:
            self._voice_timer.stop()
        if result == "ok":
            self._speech = server
            self.voice_status = self._on_text(SERVER_ENGINE)
            self.language = current_language()
            self.language_voice = server.language_voice
            if not server.language_voice and self.language != "en":
                self.voice_status += " " + self._no_language_voice_text()
        else:
            self._drop_server()
            self._lose_voice(
                {"absent": self._no_engine_text(), "no_voices": self._no_voices_text()}.get(result, self._failed_text())
            )  # installed or started since, it is heard at the next session
        self._settle()

    @Slot()
    def _on_voice_timer_timeout(self) -> None:
        if not self.voice_pending:
            return
        self.voice_pending = False
        self._drop_server()
        self._lose_voice(self.tr("The speech engine did not answer: spoken cues are off."))
        self._settle()

    def _lose_voice(self, why: str) -> None:
        """Voice is off, for the reason ``why``, until a session starts (see ``retry_lost``)."""
        self._lost["voice"] = why
        self.voice_status = " ".join((why, self.retry_text()))

    def _drop_server(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
            server.deleteLater()  # not now: this may run in one of its slots
        self._speech = None

    def _server_silent(self) -> bool:
        """The speech server has gone, or its oldest line has waited longer than the time limit."""
        return self._server is not None and self._server.stalled_for() >= VOICE_TIMEOUT_S

    def _voice_stalled(self) -> bool:
        """The speech server has stopped answering (it had a line for longer than the time limit):
        voice goes off, and the window is told."""
        if not self._server_silent():
            return False
        self._drop_server()
        self._lose_voice(self.tr("The speech engine stopped answering: spoken cues are off."))
        self.status_changed.emit()
        return True

    def _start_engine(self, name: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        speech = QTextToSpeech(name, self)
        if speech.state() == QTextToSpeech.State.Error:
            configuration = speech.errorReason() == QTextToSpeech.ErrorReason.Configuration
            self._lose_voice(self._no_voices_text() if configuration else self._failed_text())
            speech.deleteLater()
            return
        self._speech = speech
        self.voice_status = self._on_text(name)
        self._use_language(speech)

    def _use_language(self, speech: Any) -> None:
        """Speak in the UI's language: its locale when the engine offers one (the system's own when
        it matches), so that the engine picks a voice of that language for the translated lines."""
        self.language = current_language()
        locale = pick_locale(list(speech.availableLocales()), self.language, QLocale.system())
        self.language_voice = locale is not None
        if locale is not None and speech.locale().name() != locale.name():
            speech.setLocale(locale)
        elif locale is None and self.language != "en":
            self.voice_status += " " + self._no_language_voice_text()

    def voices(self) -> list[str]:
        return [v.name() for v in self._speech.availableVoices()] if self._speech is not None else []

    def apply_settings(self, settings: Settings) -> None:
        self._settings = settings
        if self._prepared:
            self.prepare()  # sound or voice just turned on loads now
        if self._sounds is not None:
            self._sounds.set_volume(settings.volume)
        if self._speech is not None:
            self._speech.setRate(settings.voice_rate)
            self._speech.setVolume(settings.volume)
            for voice in self._speech.availableVoices():
                if voice.name() == settings.voice_name:
                    self._speech.setVoice(voice)

    # -- cues --------------------------------------------------------------------------------------

    def play(self, cue: Cue) -> None:
        """Give one cue now: a sound, or a line queued behind any line still being spoken."""
        if self._silent:
            return
        if cue.kind == "sound":
            sounds = self._sounds if self.sound_ready else None
            if sounds is None or cue.sound not in SOUNDS:
                self.flash_requested.emit()
                return
            sounds.play(cue.sound)
        else:
            if self._speech is None or self._voice_stalled():
                if not self.sound_ready:
                    self.flash_requested.emit()
                return
            self._speech.enqueue(cue.text)
        self.played.append(cue)

    def stop(self) -> None:
        if self._speech is not None:
            self._speech.stop()
