"""Renders the real main window headless at a chosen moment of a routine, to a PNG."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from massage_gui.core.atomic import atomic_write_bytes
from massage_gui.core.errors import MassageError
from massage_gui.core.library import RoutineEntry, resolve_routine
from massage_gui.core.plan import build_plan
from massage_gui.core.routine import Routine
from massage_gui.core.settings import Settings


class _StillClock:
    """A clock that never moves, so the picture shows exactly the moment asked for."""

    def __call__(self) -> float:
        return 1000.0


def render_screenshot(
    out: Path,
    settings: Settings,
    routine_ref: str,
    at: float | None,
    size: tuple[int, int],
    paused: bool = False,
    saved: dict[str, Routine] | None = None,
) -> None:
    """Write a PNG of the main window; ``at`` None shows the window before the session starts.
    The window speaks ``settings.language`` (as the app would at start-up)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    entry = resolve_routine(routine_ref, saved)  # a bad reference fails before Qt starts
    settings = replace(settings, last_routine=entry.id)
    build_plan(entry.routine, settings, entry.id)

    from PySide6.QtCore import QBuffer, QIODevice

    from massage_gui.ui.app import create_application
    from massage_gui.ui.i18n import install_translator

    app = create_application()
    install_translator(app, settings.language)
    entry = resolve_routine(routine_ref, saved)  # again: a built-in's words in that language
    from massage_gui.core.app_state import AppState
    from massage_gui.core.routine_library import RoutineLibrary
    from massage_gui.ui.main_window import MainWindow

    extra: list[RoutineEntry] = [] if entry.source == "builtin" else [entry]
    state = AppState(settings, RoutineLibrary(extra=extra), clock=_StillClock())
    window = MainWindow(state)
    window.hands_free.player.keep_silent()
    window.resize(*size)
    window.show()
    if at is not None:
        state.seek(at)
        if paused:
            state.pause()
    for _ in range(3):  # a layout can ask for another (the step panel fits its lines to new words)
        app.processEvents()
    image = window.grab()
    window.close()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise MassageError(f"{out}: cannot encode the PNG")
    atomic_write_bytes(out, bytes(buffer.data().data()))
