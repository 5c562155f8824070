"""Application start-up: the QApplication, its identity and style, stored settings and the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from massage_gui import APP_ID, __version__
from massage_gui.core.app_files import AppFiles
from massage_gui.core.assets import assets_dir
from massage_gui.core.errors import DataError
from massage_gui.core.paths import AppPaths
from massage_gui.ui.i18n import app_display_name, install_translator

if TYPE_CHECKING:
    from massage_gui.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), named and styled for the app."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("massage-gui")
    app.setApplicationDisplayName(app_display_name())  # again in the UI's language once it is installed
    app.setApplicationVersion(__version__)
    app.setOrganizationName("massage-gui")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    return app


def app_icon() -> QIcon:
    """The app icon, from the packaged SVG (the same file as the hicolor theme icon); empty if it is missing."""
    return QIcon(str(assets_dir() / "icons" / f"{APP_ID}.svg"))


@dataclass
class Started:
    """A built main window and what must run when the app quits (save settings, favourites, size)."""

    window: MainWindow
    shutdown: Callable[[], None]


def start_window(files: AppFiles) -> Started:
    """Load the stored files (telling the user once about any file that was recovered) and build the
    main window, wired to save every change shortly after it is made."""
    from massage_gui.ui.debounced_saver import DebouncedSaver
    from massage_gui.ui.main_window import MainWindow
    from massage_gui.ui.routine_library import RoutineLibrary

    app = create_application()
    settings_store = files.settings()
    settings = settings_store.load()
    install_translator(app, settings.value.language)  # before anything shows words: fixed until a restart
    favourites_store = files.favourites()
    favourites = favourites_store.load()
    window_store = files.window_state()
    window_state = window_store.load()

    from massage_gui.core.history import HistoryStore
    from massage_gui.ui.history_recorder import HistoryRecorderBridge

    history, history_notice = HistoryStore.open(files.paths.history_file)
    library = RoutineLibrary(favourites_store, favourites.value)
    window = MainWindow(settings.value, library=library, history=history)
    # Recorded here, not in MainWindow: pictures and tests build windows that must not log sessions.
    bridge = HistoryRecorderBridge(history, window.controller)
    bridge.write_failed.connect(window.set_notice)
    window.history_bridge = bridge
    notices = [n for n in (settings.notice, favourites.notice, window_state.notice, history_notice) if n]
    if notices:
        window.set_notice(" ".join(notices))
    geometry = window_state.value.get("geometry")
    if geometry:
        window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))

    saver = DebouncedSaver(settings_store, parent=app)
    window.settings_changed.connect(saver.schedule)
    saver.save_failed.connect(window.set_notice)

    def shutdown() -> None:
        saver.flush()
        library.flush()
        window.controller.stop()  # a session still running is written as stopped early
        history.close()
        if window_store.writable:
            geometry_b64 = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
            try:
                window_store.save({"geometry": geometry_b64})
            except DataError as exc:  # a lost window size must not stop the quit
                print(f"massage-gui: could not save the window size: {exc}", file=sys.stderr)

    return Started(window, shutdown)


def run() -> int:
    """Open the main window and run until it closes. A second launch raises the first window instead."""
    from massage_gui.ui.single_instance import SingleInstance

    app = create_application()
    files = AppFiles(AppPaths.from_environment())
    instance = SingleInstance(files.paths.state_dir, app)
    if not instance.claim():
        print("massage-gui is already running: its window was brought to the front.")
        return 0
    started = start_window(files)
    window = started.window
    instance.activation_requested.connect(window.bring_to_front)

    def on_quit() -> None:
        started.shutdown()
        instance.release()

    app.aboutToQuit.connect(on_quit)
    window.show()
    window.show_safety_if_needed()
    return app.exec()
