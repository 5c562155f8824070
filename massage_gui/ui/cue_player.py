"""Plays cue sounds (QSoundEffect) and speaks cues (QTextToSpeech); both load lazily and fail softly.

QtMultimedia and QtTextToSpeech are imported only when ``prepare()`` runs, off the start-up path. If a
module cannot load (for example libpulse.so.0 is missing), no audio device exists, or there is no
speech engine (Qt's test-only "mock" engine does not count), the player says why and asks for a
visual flash instead of the cue it cannot give.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLocale, QObject, QUrl, Signal

from massage_gui.core.assets import assets_dir
from massage_gui.core.cues import SOUNDS, Cue
from massage_gui.core.settings import Settings
from massage_gui.ui.i18n import current_language

MOCK_ENGINE = "mock"


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


class CuePlayer(QObject):
    """Signals:
    flash_requested(): a cue could not be heard; show it instead.
    status_changed(): sound_status or voice_status changed.
    """

    flash_requested = Signal()
    status_changed = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None, speech_engine: str | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._engine_name = speech_engine  # None: the best real engine; tests pass "mock"
        self._effects: dict[str, Any] = {}
        self._speech: Any = None
        self._prepared = False
        self._silent = False
        self.sound_status = self.tr("Sound is not loaded yet.")
        self.voice_status = self.tr("Voice is not loaded yet.")
        self.played: list[Cue] = []  # what was handed to Qt, for tests and diagnostics
        self.language = "en"  # the UI language the voice was set up for
        self.language_voice = False  # whether the engine had a locale of that language

    # -- set-up ------------------------------------------------------------------------------------

    @property
    def sound_ready(self) -> bool:
        return bool(self._effects)

    @property
    def voice_ready(self) -> bool:
        return self._speech is not None

    def keep_silent(self) -> None:
        """Never load sound or voice (for pictures of the window): cues are dropped without a flash."""
        self._prepared = True
        self._silent = True

    def prepare(self) -> None:
        """Load and preload everything once, so that no cue is late. Safe to call again."""
        if self._prepared:
            return
        self._prepared = True
        self._prepare_sound()
        self._prepare_voice()
        self.apply_settings(self._settings)
        self.status_changed.emit()

    def _prepare_sound(self) -> None:
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except (ImportError, OSError) as exc:
            self.sound_status = self.tr("Sound is off: Qt's multimedia module could not load ({error}).").format(
                error=exc
            )
            return
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            self.sound_status = self.tr("Sound is off: no audio output device was found.")
            return
        folder = assets_dir() / "sounds"
        for name in SOUNDS:
            effect = QSoundEffect(self)
            effect.setAudioDevice(device)
            effect.setSource(QUrl.fromLocalFile(str(folder / f"{name}.wav")))
            self._effects[name] = effect
        self.sound_status = self.tr("Sound is on ({device}).").format(device=device.description())

    def _prepare_voice(self) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except (ImportError, OSError) as exc:
            self.voice_status = self.tr("Voice is off: Qt's speech module could not load ({error}).").format(
                error=exc
            )
            return
        engines = [e for e in QTextToSpeech.availableEngines() if e != MOCK_ENGINE]
        name = self._engine_name or (engines[0] if engines else None)
        if name is None:
            self.voice_status = self.tr("Voice is off: no speech engine is installed (on Linux: speech-dispatcher).")
            return
        speech = QTextToSpeech(name, self)
        if speech.state() == QTextToSpeech.State.Error:
            self.voice_status = self.tr("Voice is off: the {engine} speech engine failed ({reason}).").format(
                engine=name, reason=speech.errorString() or self.tr("no reason")
            )
            speech.deleteLater()
            return
        self._speech = speech
        self.voice_status = self.tr("Voice is on ({engine}).").format(engine=name)
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
            self.voice_status += " " + self.tr("The speech engine has no voice for this language.")

    def voices(self) -> list[str]:
        return [v.name() for v in self._speech.availableVoices()] if self._speech is not None else []

    def apply_settings(self, settings: Settings) -> None:
        self._settings = settings
        for effect in self._effects.values():
            effect.setVolume(settings.volume)
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
            effect = self._effects.get(cue.sound or "")
            if effect is None:
                self.flash_requested.emit()
                return
            effect.play()
        else:
            if self._speech is None:
                if not self._effects:
                    self.flash_requested.emit()
                return
            self._speech.enqueue(cue.text)
        self.played.append(cue)

    def stop(self) -> None:
        if self._speech is not None:
            self._speech.stop()
