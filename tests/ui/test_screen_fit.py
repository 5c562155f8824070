"""At 1920x1080 with a 2x scale factor (960x540 to lay out in) every window and dialog fits the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from massage_gui.ui.screen_fit import FRAME_ALLOWANCE

ROOT = Path(__file__).resolve().parents[2]


def run_on_screen(tmp_path: Path, screen_size: tuple[int, int, int], module: str, *args: str) -> dict[str, Any]:
    """Runs ``module`` (it prints JSON last) on one emulated screen: width, height and scale factor."""
    width, height, scale = screen_size
    config = tmp_path / "screen.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [screen]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale))
    env["MASSAGE_GUI_HOME"] = str(tmp_path / "home")
    done = subprocess.run(
        [sys.executable, "-m", module, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.parametrize(("width", "height", "scale"), [(1920, 1080, 2), (1366, 768, 1), (1024, 600, 1)])
def test_windows_and_dialogs_fit_a_small_or_scaled_screen(tmp_path: Path, width: int, height: int, scale: int) -> None:
    """Bug: the window came back larger than the screen, and the editor's buttons were out of reach. Bug: the
    safety screen (724 px high with its frame, the first thing a new user sees) and the history (648) did not
    fit 1920x1080 at 2x (540 to lay out in) or a 1024x600 netbook: the safety screen's Continue was off it;
    nor did About the routines (640 high with its frame)."""
    found = run_on_screen(tmp_path, (width, height, scale), "tests.ui.fit_app")
    ax, ay, aw, ah = found["available"]
    assert (aw, ah) == (width // scale, height // scale)
    for name in ("window", "editor", "preferences", "safety", "history", "diary", "favourites", "about"):
        x, y, w, h = found[name]
        inside = ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah
        assert inside, (name, found[name], found["available"])


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize(("width", "height", "scale"), [(800, 600, 1), (1920, 1080, 2)])
def test_the_routine_editor_fits_in_english_and_german(
    tmp_path: Path, width: int, height: int, scale: int, language: str
) -> None:
    """Bug: in German the editor was 842 px wide on an 800 px screen (its step buttons, the form and the preview
    side by side): Cancel and the description's counter were off the screen. Bug: in German the form kept to 240
    px where its words need 263: 'Beide Seiten zugle…' and the other choices were cut off, even at 960."""
    found = run_on_screen(tmp_path, (width, height, scale), "tests.ui.fit_editor_app", language)
    ax, ay, aw, ah = found["available"]
    assert (aw, ah) == (width // scale, height // scale)
    for name in ("built-in", "favourite"):
        x, y, w, h = found[name]["frame"]
        inside = ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah
        assert inside, (name, found[name], found["available"])
        assert found[name]["cut_off"] == [], name


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize(("width", "height", "scale"), [(800, 600, 1), (1920, 1080, 2), (1024, 600, 1), (1280, 800, 1)])
def test_the_diary_fits_and_squeezes_nothing(
    tmp_path: Path, width: int, height: int, scale: int, language: str
) -> None:
    """Bug: at 800x600 the diary was 458 px high (Qt sizes a new window to two thirds of the screen at most) and
    squeezed its contents into that: the tape measurement fields 6 to 11 px high (a typed '38,5' cut in half),
    their names and the help text over each other, the drawing cut off; at 1280x800 the German fields were a
    pixel short. Every field, button and word now gets the height it needs, and what the screen has no room
    for scrolls."""
    found = run_on_screen(tmp_path, (width, height, scale), "tests.ui.fit_diary_app", language)
    ax, ay, aw, ah = found["available"]
    assert (aw, ah) == (width // scale, height // scale)
    x, y, w, h = found["frame"]
    inside = ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah
    assert inside, found
    assert found["squeezed"] == []
    room = ah - FRAME_ALLOWANCE.height()  # what a window may take before its frame is known
    assert found["inner"][3] >= min(found["wanted"], room), found  # the height the screen has is used
