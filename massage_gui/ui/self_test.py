"""``massage-gui --self-test``: checks that an installed copy (pip, PyInstaller bundle, Flatpak) can run.

Headless (offscreen) and silent: it opens the main window, loads the stored settings, runs a three-step
routine on a fast fake clock, renders the diagram and checks the picture is not blank, checks that the
Qt modules and plugins the app loads later (SVG, sound, speech, D-Bus) are present, and prints one
line. Any failure prints one line saying what failed. It writes none of the app's files in the user's
folders: unless MASSAGE_GUI_HOME is set, it works in a temporary folder.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from massage_gui.core.paths import HOME_ENV
from massage_gui.core.settings import Settings
from massage_gui.core.store import Loaded

STEP_S = 0.25  # fake-clock seconds per tick, as the app's timers would wake at least this often
VOICE_WAIT_S = 6.0  # the speech server's own time limit is 5 s
WIDTH, HEIGHT = 1024, 700


class SelfTestError(Exception):
    """A check failed: the message says which and why, on one line."""


def _since_process_start() -> float | None:
    """Seconds since this process started, where the system says (Linux); else None."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of proc(5), counted after the ")" that ends field 2
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


class _FakeClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class _NoScreenSaver:
    """The self-test never asks the desktop to keep the screen on."""

    def inhibit(self) -> int | None:
        return None

    def uninhibit(self, cookie: int) -> None:
        pass


def run_self_test() -> int:
    """Run every check; print one line and return 0 when all pass, else print why and return 1."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")  # PipeWire and FFmpeg chatter
    home: tempfile.TemporaryDirectory[str] | None = None
    if not os.environ.get(HOME_ENV):
        home = tempfile.TemporaryDirectory(prefix="massage-gui-self-test-")
        os.environ[HOME_ENV] = home.name
    try:
        summary = _run()
    except Exception as exc:  # any failure at all is a failed self-test, reported on one line
        reason = str(exc) if isinstance(exc, SelfTestError) else f"{type(exc).__name__}: {exc}"
        print(f"massage-gui: self-test failed: {' '.join(reason.split())}", file=sys.stderr)
        return 1
    finally:
        if home is not None:
            os.environ.pop(HOME_ENV, None)
            home.cleanup()
    print(summary)
    return 0


def _run() -> str:
    from PySide6.QtCore import qVersion

    from massage_gui import __version__
    from massage_gui.core import sequencer as seq
    from massage_gui.core.app_files import AppFiles
    from massage_gui.core.app_state import AppState, SessionUpdate
    from massage_gui.core.library import RoutineEntry
    from massage_gui.core.paths import AppPaths
    from massage_gui.core.routine import Routine, Step
    from massage_gui.core.routine_library import RoutineLibrary
    from massage_gui.core.sequencer import State
    from massage_gui.ui.app import create_application
    from massage_gui.ui.main_window import MainWindow
    from massage_gui.ui.screensaver import ScreenSaverInhibitor

    app = create_application()
    if app.windowIcon().pixmap(32, 32).isNull():
        raise SelfTestError("the app icon (assets/icons/*.png) did not load")

    files = AppFiles(AppPaths.from_environment())
    loaded = files.settings().load(repair=False)  # read only: a damaged file is left for the app to fix
    settings_from = _settings_from(loaded, files.paths.settings_file.exists())
    # The user's own pace and theme; no skips (the test needs its three steps) and no sound or voice.
    settings = dataclasses.replace(
        loaded.value, skipped_areas=frozenset(), focus_areas=frozenset(), sound=False, voice=False,
        safety_confirmed=True,
    )  # fmt: skip
    routine = Routine(
        "Self-test",
        (
            Step("breathing", "breath", 1),
            Step("collarbone", "circles", 2, toward="terminus"),
            Step("cheeks", "stretch", 2, toward="submandibular"),
        ),
    )
    entry = RoutineEntry("self-test", "file", routine)
    settings = dataclasses.replace(settings, last_routine=entry.id)
    clock = _FakeClock()
    state = AppState(settings, RoutineLibrary(extra=[entry]), clock=clock)
    plan = state.plan
    window = MainWindow(state)
    window.hands_free.screensaver = ScreenSaverInhibitor(_NoScreenSaver())
    try:
        window.resize(WIDTH, HEIGHT)
        window.show()
        app.processEvents()
        _check_not_blank(_render(window.face_view), "the diagram before the start")
        first_frame_s = _since_process_start()

        steps: list[int] = []
        finished: list[bool] = []

        def on_session(update: SessionUpdate) -> None:
            steps.extend(e.step_index for e in update.events if isinstance(e, seq.StepStarted))
            finished.extend(e.completed for e in update.events if isinstance(e, seq.RoutineFinished))

        state.events.session.connect(on_session)
        state.start()
        ticks = 0
        colours = 0
        limit = int(plan.total_s / STEP_S) + 100
        while state.state is not State.FINISHED:
            if ticks > limit:
                raise SelfTestError(f"the routine did not finish within {ticks * STEP_S:g} s of session time")
            clock.now += STEP_S
            window.ticker.tick_timer.timeout.emit()
            ticks += 1
            if state.state is State.STEP and len(steps) == 2 and not colours:  # mid-session, step 2
                colours = _check_not_blank(_render(window.face_view), "the diagram during step 2")
            if ticks % 20 == 0:
                app.processEvents()
        app.processEvents()
        if steps != [0, 1, 2] or finished != [True]:
            raise SelfTestError(f"the routine ran steps {steps} and finished {finished}, expected [0, 1, 2], [True]")
        if not colours:
            raise SelfTestError("no frame was rendered during step 2")
        player = window.hands_free.player
        player.prepare(everything=True)  # loads sound and speech as the app does after its first frame; plays nothing
        waited = time.monotonic()
        while player.pending and time.monotonic() - waited < VOICE_WAIT_S:  # the speech server answers
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        audio = f"{player.sound_status} {player.voice_status}"
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    modules = _check_modules()

    started = "" if first_frame_s is None else f", first frame {first_frame_s:.2f} s after start"
    return (
        f"massage-gui {__version__} self-test ok: window {WIDTH}x{HEIGHT}, settings ({settings_from}) loaded, "
        f"routine of 3 steps ({plan.total_s:g} s) run in {ticks} ticks, frame with {colours} colours, "
        f"Qt {qVersion()} with {modules}{started}. {audio}"
    )


def _settings_from(loaded: Loaded[Settings], saved: bool) -> str:
    """Where the settings came from, for the summary: saved, defaults, or a damaged file and what was used."""
    if not loaded.notice:
        return "saved" if saved else "defaults"
    if loaded.newer:  # not damaged: left as it is for the version that wrote it
        return "saved by a newer version: defaults used"
    used = "defaults" if loaded.value == Settings() else "what could be read"
    return f"saved file {'damaged' if saved else 'missing'}: {used} used"


def _render(widget: QWidget) -> QImage:
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    image.fill(0)
    widget.render(image)
    return image


def _check_not_blank(image: QImage, what: str) -> int:
    """The number of colours on a sampling grid; fails when the picture is (nearly) one colour."""
    if image.isNull() or image.width() < 100 or image.height() < 100:
        raise SelfTestError(f"{what}: rendered an empty image")
    grid = 64
    seen: dict[int, int] = {}
    for i in range(grid):
        for j in range(grid):
            pixel = image.pixel(i * image.width() // grid, j * image.height() // grid)
            seen[pixel] = seen.get(pixel, 0) + 1
    background = max(seen.values())
    if len(seen) < 8 or background > 0.97 * grid * grid:
        raise SelfTestError(f"{what} is blank ({len(seen)} colours, {background} of {grid * grid} samples alike)")
    return len(seen)


def _check_modules() -> str:
    """What a bundle can lose: the Qt modules and plugins the app loads only later, and pyqtgraph."""
    from PySide6.QtGui import QImageReader

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        raise SelfTestError("Qt's SVG image plugin is missing")
    try:
        from PySide6 import QtDBus, QtNetwork, QtSvg  # noqa: F401 (loading them is the check)
        from PySide6.QtMultimedia import QSoundEffect  # noqa: F401 (WAV cues: no media backend needed)
        from PySide6.QtTextToSpeech import QTextToSpeech
    except (ImportError, OSError) as exc:
        raise SelfTestError(f"a Qt module is missing: {exc}") from exc
    engines = QTextToSpeech.availableEngines()
    if not engines:
        raise SelfTestError("Qt's text-to-speech plugins are missing: no voice")
    try:
        import pyqtgraph  # the history view's charts (loaded when the history first opens)
    except ImportError as exc:
        raise SelfTestError(f"pyqtgraph cannot load: {exc}") from exc
    return f"svg, multimedia, speech ({', '.join(engines)}), D-Bus, network, pyqtgraph {pyqtgraph.__version__}"
