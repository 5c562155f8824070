"""Application start-up: the QApplication, its identity and style, stored settings and the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication

from massage_gui import APP_ID, __version__


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), named and styled for the app."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("massage-gui")
    app.setApplicationDisplayName("Lymphatic self-massage")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("massage-gui")
    app.setDesktopFileName(APP_ID)
    app.setStyle("Fusion")
    return app


def run() -> int:
    """Open the main window and run until it closes. A second launch raises the first window instead."""
    from massage_gui.core.app_files import AppFiles
    from massage_gui.core.errors import DataError
    from massage_gui.core.paths import AppPaths
    from massage_gui.ui.debounced_saver import DebouncedSaver
    from massage_gui.ui.single_instance import SingleInstance

    app = create_application()
    files = AppFiles(AppPaths.from_environment())
    instance = SingleInstance(files.paths.state_dir, app)
    if not instance.claim():
        print("massage-gui is already running: its window was brought to the front.")
        return 0

    from massage_gui.ui.main_window import MainWindow

    settings_store = files.settings()
    loaded = settings_store.load()
    window_store = files.window_state()
    window_state = window_store.load()

    window = MainWindow(loaded.value)
    notices = [n for n in (loaded.notice, window_state.notice) if n]
    if notices:
        window.set_notice(" ".join(notices))
    geometry = window_state.value.get("geometry")
    if geometry:
        window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))

    saver = DebouncedSaver(settings_store, parent=app)
    window.settings_changed.connect(saver.schedule)
    saver.save_failed.connect(window.set_notice)
    instance.activation_requested.connect(window.bring_to_front)

    def on_quit() -> None:
        saver.flush()
        if window_store.writable:
            geometry_b64 = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
            try:
                window_store.save({"geometry": geometry_b64})
            except DataError as exc:  # a lost window size must not stop the quit
                print(f"massage-gui: could not save the window size: {exc}", file=sys.stderr)
        instance.release()

    app.aboutToQuit.connect(on_quit)
    window.show()
    return app.exec()
