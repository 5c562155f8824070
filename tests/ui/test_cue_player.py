"""Sound and voice: spoken through Qt's mock engine, and three ways of failing softly."""

from __future__ import annotations

import builtins
import sys
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from massage_gui.core.cues import Cue
from massage_gui.core.settings import Settings
from massage_gui.ui.cue_player import CuePlayer
from massage_gui.ui.main_window import MainWindow
from tests.ui.conftest import FakeClock


def test_speech_goes_through_the_mock_engine(qtbot: QtBot) -> None:
    player = CuePlayer(Settings(), speech_engine="mock")
    player.prepare()
    assert player.voice_ready
    assert player.voice_status == "Voice is on (mock)."
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

    for module in ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    monkeypatch.setattr(builtins, "__import__", failing_import)
    player = CuePlayer(Settings())
    player.prepare()
    assert "libpulse.so.0" in player.sound_status
    assert "libpulse.so.0" in player.voice_status
    with qtbot.waitSignal(player.flash_requested, timeout=1000):
        player.play(Cue("sound", 0.0, sound="chime"))
    assert player.played == []


def test_without_an_audio_device_sound_is_off_with_a_reason(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

    monkeypatch.setattr(QMediaDevices, "defaultAudioOutput", staticmethod(lambda: QAudioDevice()))
    player = CuePlayer(Settings(), speech_engine="mock")
    player.prepare()
    assert player.sound_status == "Sound is off: no audio output device was found."
    with qtbot.waitSignal(player.flash_requested, timeout=1000):
        player.play(Cue("sound", 0.0, sound="tick"))


def test_without_a_real_speech_engine_voice_is_off_with_a_reason(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    player = CuePlayer(Settings())
    player.prepare()
    assert not player.voice_ready
    assert "no speech engine" in player.voice_status


def test_a_session_in_the_window_gives_one_cue_per_step_and_stroke(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.cue_player._engine_name = "mock"
    window.cue_player.prepare()
    qtbot.keyClick(window.face_view, Qt.Key.Key_Space)
    plan = window.controller.plan
    end = plan.steps[1].end_s
    while window.controller.sequencer.t < end:
        clock.advance(0.25)
        window.controller.tick_timer.timeout.emit()
    played = window.cue_player.played
    if window.cue_player.sound_ready:  # with an audio device: the chimes and ticks were handed to Qt
        sounds = [c for c in played if c.kind == "sound"]
        assert [c.sound for c in sounds].count("chime") == 2
        assert [c.sound for c in sounds].count("tick") == plan.steps[0].reps - 1 + plan.steps[1].reps - 1
    spoken = [c.text for c in played if c.kind == "speech"]
    assert spoken[:4] == ["Breathing: 4 slow breaths.", "3", "2", "1"]
    assert any(text.startswith("Collarbone: circles to the collarbone") for text in spoken)


def test_unheard_cues_flash_the_step_panel(qtbot: QtBot, window: MainWindow) -> None:
    window.cue_player.flash_requested.emit()
    assert window.step_panel.flashing
    qtbot.waitUntil(lambda: not window.step_panel.flashing, timeout=2000)


def test_the_window_says_once_why_it_is_silent(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices
    from PySide6.QtTextToSpeech import QTextToSpeech

    monkeypatch.setattr(QMediaDevices, "defaultAudioOutput", staticmethod(lambda: QAudioDevice()))
    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    player = window.cue_player
    player._prepared, player._effects, player._speech = False, {}, None  # as if just started
    player.prepare()
    text = window.notice_bar.text()
    assert "no audio output device" in text
    assert "no speech engine" in text
    assert "flashes" in text
