"""Shared test set-up: headless Qt, and every file the app writes kept in a temporary folder."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every test speaks through Qt's silent mock engine, never this computer's speech-dispatcher (one that cannot
# open audio never answers); the voice end-to-end test starts its own. (ui/cue_player.py: ENGINE_VARIABLE)
os.environ.setdefault("MASSAGE_GUI_SPEECH_ENGINE", "mock")


@pytest.fixture(autouse=True)
def _app_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MASSAGE_GUI_HOME", str(tmp_path_factory.mktemp("home")))


def tools_module(name: str) -> ModuleType:
    """A script from tools/ (not a package), loaded as a module."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).parents[1] / "tools" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
