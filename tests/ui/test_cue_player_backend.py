"""Sound without QtMultimedia's backend: FFmpeg (with QtQuick and QtQml, 13 MiB) stays unloaded on Linux, since
sound effects play without it. Run in a process of its own: a backend, once loaded, stays for the process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

CHILD = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication
    from massage_gui.core.settings import Settings
    from massage_gui.ui.cue_player import CuePlayer

    app = QApplication([])
    paths = QCoreApplication.libraryPaths()
    player = CuePlayer(Settings(voice=False), speech_engine="mock", sound_output="qt")
    player.prepare()
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect  # what the player uses still works

    QMediaDevices.audioOutputs()
    QSoundEffect()
    with open("/proc/self/maps") as maps:
        loaded = sorted({line.split("/")[-1].strip() for line in maps if "/" in line})
    print(json.dumps({"loaded": loaded, "paths_kept": QCoreApplication.libraryPaths() == paths,
                      "status": player.sound_status}))
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the backend is left out on Linux only")
def test_sound_is_set_up_without_loading_the_ffmpeg_backend() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert not [name for name in result["loaded"] if "ffmpeg" in name or "libQt6Quick" in name], result["loaded"]
    assert any("libQt6Multimedia" in name for name in result["loaded"]), "QtMultimedia itself is used"
    assert result["paths_kept"], "Qt's plugin folders are back for everything else"
    assert "No QtMultimedia backends found" not in done.stderr
    assert result["status"].startswith("Sound is")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PulseAudio is looked for on Linux")
def test_no_sound_server_is_said_in_words_not_in_qts_own_warning() -> None:
    """Without a sound server Qt printed 'PulseAudioService: pa_context_connect() failed' on every start; the
    app says 'Sound is off' in its own words (status, self-test) instead."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PULSE_SERVER": "unix:/nonexistent/pulse/native"}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "PulseAudioService" not in done.stderr
    assert "pa_context_connect" not in done.stderr
    assert "pipewire" not in done.stderr  # which sound libraries Qt looked for
    assert json.loads(done.stdout.strip().splitlines()[-1])["status"].startswith("Sound is")
