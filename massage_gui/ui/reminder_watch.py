"""What the start-up does about reminders: listen to the settings, and build them (ui/tray.py) only once on.

The tray module and what it loads (Qt's tray icon and menu types, the notification, the schedule's messages) stay
unloaded until then: most starts have reminders off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from massage_gui.core.app_state import SettingsChange

if TYPE_CHECKING:
    from massage_gui.core.history import HistoryStore
    from massage_gui.ui.main_window import MainWindow
    from massage_gui.ui.tray import Reminders


def watch_reminders(window: MainWindow, history: Callable[[], HistoryStore | None]) -> Callable[[], Reminders | None]:
    """Build the reminders when they are on (now, or once turned on), and keep the login entry in step
    with the setting. ``history`` gives the session log (opening it if need be) when they are built. Returns
    a function that gives the reminders once built (None before)."""
    built: list[Reminders] = []

    def ensure() -> Reminders:
        if not built:
            from massage_gui.ui.tray import Reminders

            built.append(Reminders(window, history()))
        return built[0]

    def on_settings(change: SettingsChange) -> None:
        if "start_at_login" in change.fields:
            ensure().set_start_at_login(change.settings.start_at_login)
        if change.fields & {"reminders", "reminder_times"} and (built or change.settings.reminders):
            ensure().apply()

    if window.state.settings.reminders:
        ensure()
    disconnect = window.state.events.settings.connect(on_settings)
    window.destroyed.connect(lambda: disconnect())
    return lambda: built[0] if built else None
