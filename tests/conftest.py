"""Shared test set-up: headless Qt, and every file the app writes kept in a temporary folder."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every test speaks through Qt's silent mock engine, never this computer's speech-dispatcher (one that cannot
# open audio never answers); the voice end-to-end test starts its own. (ui/cue_player.py: ENGINE_VARIABLE)
os.environ.setdefault("MASSAGE_GUI_SPEECH_ENGINE", "mock")


@pytest.fixture(autouse=True)
def _app_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MASSAGE_GUI_HOME", str(tmp_path_factory.mktemp("home")))
