"""Application start-up: the QApplication, its identity and style, stored settings and the main window."""

from __future__ import annotations

from massage_gui.ui import light_imports  # noqa: F401 (first: see there)

# isort: split
import os
import signal
import socket
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, QSocketNotifier
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
    from massage_gui.ui.tray import Reminders


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), named and styled for the app."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Qt hands large antialiased fills to a thread pool. The diagram repaints small pieces 60 times a
    # second, where waking those threads costs more than it saves (and keeps a laptop's cores awake).
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("massage-gui")
    app.setApplicationDisplayName(app_display_name())  # again in the UI's language once it is installed
    app.setApplicationVersion(__version__)
    app.setOrganizationName("massage-gui")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    return app


WINDOW_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what desktops ask for; rendered by tools/render_icons.py


def app_icon() -> QIcon:
    """The app icon, from PNGs of the packaged SVG (the hicolor theme icon's source) in each size a desktop asks
    for: the SVG itself would load QtSvg and Qt's SVG icon plugin at start (0.8 MiB). Empty if they are missing."""
    icon = QIcon()
    folder = assets_dir() / "icons"
    for size in WINDOW_ICON_SIZES:
        path = folder / f"{APP_ID}-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


@dataclass
class Started:
    """A built main window and what must run when the app quits (save settings, favourites, size)."""

    window: MainWindow
    shutdown: Callable[[], None]
    reminders: Callable[[], Reminders | None] = lambda: None  # the reminders, once they are on
    reopen_draft: Callable[[], None] = lambda: None  # the diary entry kept at the last quit, opened again


def start_window(files: AppFiles, notices: Sequence[str] = ()) -> Started:
    """Load the stored files (telling the user once about any file that was recovered, and the
    ``notices`` given) and build the main window over the app state, wired to save every change shortly
    after it is made.

    Raises DataError naming the path if a file stands where one of the app's folders should be: the app
    does not start then (see ``run``)."""
    import time

    from massage_gui.core.app_state import AppState
    from massage_gui.core.routine_library import RoutineLibrary
    from massage_gui.ui.debounced_saver import DebouncedSaver
    from massage_gui.ui.diary_drafts import DiaryDrafts
    from massage_gui.ui.main_window import MainWindow
    from massage_gui.ui.session_log import SessionLog

    files.paths.create_folders()  # before anything writes there (the history makes its file when it opens)
    app = create_application()
    settings_store = files.settings()
    settings = settings_store.load()
    install_translator(app, settings.value.language)  # before anything shows words: fixed until a restart
    favourites_store = files.favourites()
    favourites = favourites_store.load()
    window_store = files.window_state()
    window_state = window_store.load()

    library = RoutineLibrary(favourites.value)
    state = AppState(settings.value, library, wall_clock=time.time)
    window = MainWindow(state)
    log = SessionLog(files.paths.history_file, window)
    if settings.value.reminders:
        log.open()  # the reminders must know at once whether today's session is done
    else:
        log.open_soon()  # after the first frame
    from massage_gui.ui.reminder_watch import watch_reminders

    reminders = watch_reminders(window, log.open)  # builds the tray only once reminders are on
    shown = [n for n in (settings.notice, favourites.notice, window_state.notice, *notices) if n]
    if shown:
        window.set_notice(" ".join(shown))
    window.hands_free.told_silent = window_state.value.get("silent_notice", "")
    geometry = window_state.value.get("geometry")
    if geometry:
        window.restore_saved_geometry(QByteArray.fromBase64(geometry.encode("ascii")))

    saver = DebouncedSaver(settings_store, parent=app)
    state.events.settings.connect(lambda change: saver.schedule(change.settings))
    saver.save_failed.connect(window.set_notice)
    favourites_saver = DebouncedSaver(favourites_store, parent=app)
    library.edited.connect(favourites_saver.schedule)
    favourites_saver.saved.connect(library.adopt)  # another program's changes, merged in: show them
    favourites_saver.save_failed.connect(window.set_notice)

    drafts = DiaryDrafts(files, window, log.open)

    def shutdown() -> None:
        drafts.keep()  # a SIGTERM (logout) quits without asking about the diary: what it holds is kept
        saver.flush()
        favourites_saver.flush()
        state.stop()  # a session still running is written as stopped early
        log.close()
        if window_store.writable:
            geometry_b64 = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
            try:
                window_store.save({"geometry": geometry_b64, "silent_notice": window.hands_free.told_silent})
            except DataError as exc:  # a lost window size must not stop the quit
                print(f"massage-gui: could not save the window size: {exc}", file=sys.stderr)

    return Started(window, shutdown, reminders, drafts.reopen)


def quit_on_terminate(on_terminate: Callable[[], None]) -> Callable[[], None]:
    """Call ``on_terminate`` from the event loop when SIGTERM arrives (logout, shutdown, ``kill``), instead
    of dying with nothing saved; returns the function that puts the previous handling back.

    Python runs a signal handler only when the interpreter gets control, which an idle Qt event loop never
    gives it. So the signal's number is written to a socket (signal.set_wakeup_fd) that a QSocketNotifier
    watches: the loop wakes only when a signal comes, never on a timer, and the app stays idle while idle.
    Windows sends no SIGTERM at logout: nothing is done there.
    """
    if sys.platform == "win32":
        return lambda: None
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    previous_handler = signal.signal(signal.SIGTERM, lambda signum, frame: None)  # the wakeup does the work
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, QCoreApplication.instance())

    def _on_notifier_activated() -> None:
        try:
            numbers = reader.recv(64)
        except OSError:
            return
        if signal.SIGTERM in numbers:
            on_terminate()

    notifier.activated.connect(_on_notifier_activated)

    def uninstall() -> None:
        notifier.setEnabled(False)
        notifier.deleteLater()
        signal.signal(signal.SIGTERM, previous_handler)
        signal.set_wakeup_fd(previous_fd)
        reader.close()
        writer.close()

    return uninstall


def run(tray: bool = False) -> int:
    """Open the main window and run until it closes (or SIGTERM asks it to quit, which saves the same way).
    A second launch raises the first window instead. ``tray``: start in the tray, the window hidden, when
    reminders are on and a tray is there (start at login); otherwise the window opens as usual.

    A file where one of the app's folders should be stops the start with a DataError naming it (the
    caller prints it, and the windowed launcher shows it in a message box): starting on defaults instead
    would lose every change made in that run, since nothing could be saved, and the file is the user's."""
    from massage_gui.ui.single_instance import SingleInstance

    app = create_application()
    files = AppFiles(AppPaths.from_environment())
    files.paths.create_folders()
    terminated: list[bool] = []

    def on_terminate() -> None:
        terminated.append(True)
        app.exit(0)  # does nothing before the loop runs: then the check before exec() below quits

    restore_sigterm = quit_on_terminate(on_terminate)
    try:
        instance = SingleInstance(files.paths.state_dir, app)
        if not instance.claim():
            print("massage-gui is already running: its window was brought to the front.")
            return 0
        started = start_window(files, notices=[instance.problem])
        window = started.window
        instance.activation_requested.connect(window.bring_to_front)

        def on_quit() -> None:
            started.shutdown()
            instance.release()

        app.aboutToQuit.connect(on_quit)
        reminders = started.reminders()
        if not (tray and reminders is not None and reminders.in_tray and not window.state.session_locked):
            window.show()
        window.dialogs.show_safety_if_needed()
        if window.isVisible():  # started in the tray: kept until the window is opened at a later start
            started.reopen_draft()
        if terminated:  # SIGTERM came while the window was being built
            on_quit()
            return 0
        return app.exec()
    finally:
        restore_sigterm()
