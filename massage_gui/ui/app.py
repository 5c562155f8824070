"""Application start-up: the QApplication, its identity and style, and the main window."""

from __future__ import annotations

import sys

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
    """Open the main window and run until it closes."""
    app = create_application()
    from massage_gui.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    return app.exec()
