"""Reminders while the app runs: a tray icon with its menu, one single-shot timer, and the notification.

Loaded only once reminders are on (ui/reminder_watch.py). The schedule itself is core/reminders.py; this module
asks it what is due on the wall clock, waits with one single-shot timer (at most a minute at a time, to notice
sleep and clock changes: the computer wakes for it at most once a minute), and shows what falls due.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from massage_gui.core import autostart
from massage_gui.core.app_state import RUNNING
from massage_gui.core.errors import DataError, PlanError
from massage_gui.core.library import RoutineEntry
from massage_gui.core.plan import build_plan
from massage_gui.core.reminders import (
    SNOOZE_CHOICES_MIN,
    Due,
    ReminderSchedule,
    parse_reminders,
    reminder_message,
    with_done,
)
from massage_gui.core.sequencer import State
from massage_gui.ui.i18n import app_display_name
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.plain_text import menu_text
from massage_gui.ui.reminder_toast import ReminderToast

if TYPE_CHECKING:
    from massage_gui.core.history import HistoryStore

CHECK_S = 60  # the longest single wait: a sleep or a clock change is noticed within a minute
Clock = Callable[[], dt.datetime]


class Reminders(QObject):
    """The reminders of ``window``'s settings, shown in the tray when there is one, else in a small
    window of their own (``ReminderToast``). ``clock`` gives local wall time (naive), ``tray_available``
    whether a system tray is there (Qt asks the desktop).

    Signals:
        reminded(object): a reminder (a core ``Due``) was shown.
    """

    reminded = Signal(object)

    def __init__(
        self,
        window: MainWindow,
        history: HistoryStore | None,
        *,
        clock: Clock = dt.datetime.now,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._state = window.state
        self._history = history
        self._clock = clock
        self._tray_available = tray_available
        self.schedule = ReminderSchedule()
        self.current: Due | None = None  # the reminder shown last, until acted on
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.tray: QSystemTrayIcon | None = None
        self.toast: ReminderToast | None = None
        self._told_in_tray = False
        self._quitting = False
        window.installEventFilter(self)
        self.apply()

    # -- settings ----------------------------------------------------------------------------------

    @property
    def on(self) -> bool:
        return self._state.settings.reminders

    @property
    def in_tray(self) -> bool:
        """Reminders are on and the tray icon is there: closing the window keeps the app running."""
        return self.on and self.tray is not None and self.tray.isVisible()

    def apply(self) -> None:
        """Take the reminder settings as they are now: show or hide the tray, and wait for the next one."""
        settings = self._state.settings
        self.schedule.set_reminders(parse_reminders(settings.reminder_times) if settings.reminders else ())
        self.schedule.restore_done(settings.reminders_done)
        if settings.reminders and self._tray_available():
            self._make_tray().show()
        elif self.tray is not None:
            self.tray.hide()
        if not settings.reminders and self.toast is not None:
            self.toast.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not self.in_tray)
        self.arm()

    def set_start_at_login(self, enabled: bool) -> None:
        if not autostart.supported():
            return
        try:
            autostart.set_autostart(
                enabled, autostart.autostart_file(), comment=self.tr("Reminders for your lymphatic self-massage")
            )
        except DataError as exc:
            self._window.set_notice(self.tr("Start at login could not be set: {error}").format(error=exc))

    # -- waiting -----------------------------------------------------------------------------------

    def arm(self) -> None:
        """Show what is due now, else wait (at most ``CHECK_S``) for the next reminder."""
        self.timer.stop()
        if not self.on:
            return
        now = self._clock()
        self._note_finished_sessions(now)
        self.schedule.forget_before(now.date() - dt.timedelta(days=1))
        due = self.schedule.next_due(now)
        if due is None:
            return
        wait_s = (due.at - now).total_seconds()
        if wait_s <= 0:
            self.remind(due)
            self.arm()
            return
        wait_s = min(wait_s, CHECK_S)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer if wait_s >= CHECK_S else Qt.TimerType.CoarseTimer)
        self.timer.start(max(math.ceil(wait_s * 1000), 1))

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.arm()

    def _note_finished_sessions(self, now: dt.datetime) -> None:
        if self._history is None:
            return
        from massage_gui.core.history import iso_utc

        midnight = dt.datetime.combine(now.date(), dt.time())
        try:
            since = iso_utc(midnight.astimezone().timestamp() - 12 * 3600)  # and the evening before, in any zone
            finished = self._history.finished_since(since)
        except (DataError, OverflowError, OSError, ValueError):
            return
        self.schedule.sessions_finished(r.started.astimezone().replace(tzinfo=None) for r in finished)

    # -- showing -----------------------------------------------------------------------------------

    def remind(self, due: Due) -> None:
        """Show ``due`` (unless a session is under way: then it is being done)."""
        self.schedule.shown(due)
        if self._state.state in RUNNING or self._state.state is State.PAUSED:
            return
        self.current = due
        title = app_display_name()
        message = self.message_for(due)
        if self.tray is not None and self.tray.isVisible() and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, message, self.tray.icon(), 60_000)
        else:
            self._make_toast().show_reminder(title, message)
        self._update_menu()
        self.reminded.emit(due)

    def message_for(self, due: Due) -> str:
        """'Time for your evening routine, 9 minutes' and the routine's name."""
        entry = self._routine_entry(due)
        try:
            total_s = build_plan(entry.routine, self._state.settings, entry.id).total_s
        except PlanError:
            total_s = self._state.plan.total_s
        first = reminder_message(due.reminder.time, max(1, round(total_s / 60)))
        second = self.tr("{routine}: click to open it, ready to start.").format(routine=entry.routine.name)
        return f"{first}\n{second}"

    def _routine_entry(self, due: Due | None) -> RoutineEntry:
        library = self._state.library
        wanted = due.reminder.routine_id if due is not None else ""
        return library.entry(wanted) or library.entry(self._state.settings.last_routine) or library.entries()[0]

    # -- actions -----------------------------------------------------------------------------------

    @Slot()
    def open_routine(self) -> None:
        """The window in front with the reminder's routine ready (a session under way is left alone)."""
        entry = self._routine_entry(self.current)
        if self._state.state in (State.IDLE, State.FINISHED) and entry.id != self._state.routine_id:
            self._state.select_routine(entry.id)
        self._window.bring_to_front()
        if self.toast is not None:
            self.toast.hide()

    def snooze(self, minutes: int) -> None:
        self.schedule.snooze(self._clock(), minutes, self.current)
        self.current = None
        self.arm()

    @Slot()
    def done_today(self) -> None:
        now = self._clock()
        slot = self.schedule.done_now(now, self.current)
        self.current = None
        if slot is not None:
            key = self.schedule.done_key(slot)
            done = with_done(self._state.settings.reminders_done, key, keep_from=now.date() - dt.timedelta(days=1))
            self._state.update(reminders_done=done)
        if self.toast is not None:
            self.toast.hide()
        self.arm()

    @Slot()
    def quit_app(self) -> None:
        self._quitting = True
        if not self._window.close():  # a dialog holds what the user typed, and they chose to keep it
            self._quitting = False
            return
        QApplication.quit()

    # -- the tray --------------------------------------------------------------------------------------

    def _make_tray(self) -> QSystemTrayIcon:
        if self.tray is None:
            self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
            self.tray.setToolTip(app_display_name())
            menu = QMenu(self._window)
            self.open_action = QAction(self.tr("Open massage-gui"), menu)
            self.start_action = QAction(menu)
            self.snooze_actions = {m: QAction(self.tr("Snooze {minutes} minutes").format(minutes=m), menu)
                                   for m in SNOOZE_CHOICES_MIN}  # fmt: skip
            self.done_action = QAction(self.tr("Done today"), menu)
            self.quit_action = QAction(self.tr("Quit"), menu)
            self.open_action.triggered.connect(self._window.bring_to_front)
            self.start_action.triggered.connect(self.open_routine)
            for minutes, action in self.snooze_actions.items():
                action.triggered.connect(lambda _checked=False, m=minutes: self.snooze(m))
            self.done_action.triggered.connect(self.done_today)
            self.quit_action.triggered.connect(self.quit_app)
            menu.addActions([self.open_action, self.start_action])
            menu.addSeparator()
            menu.addActions([*self.snooze_actions.values(), self.done_action])
            menu.addSeparator()
            menu.addAction(self.quit_action)
            self.tray.setContextMenu(menu)
            self.tray.messageClicked.connect(self.open_routine)
            self.tray.activated.connect(self._on_tray_activated)
            self._update_menu()
        return self.tray

    def _update_menu(self) -> None:
        if self.tray is None:
            return
        entry = self._routine_entry(self.current)
        self.start_action.setText(self.tr("Start {routine}").format(routine=menu_text(entry.routine.name)))

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self._window.bring_to_front()

    def _make_toast(self) -> ReminderToast:
        if self.toast is None:
            self.toast = ReminderToast()
            self.toast.open_requested.connect(self.open_routine)
            self.toast.snooze_requested.connect(self.snooze)
            self.toast.done_requested.connect(self.done_today)
            self._window.destroyed.connect(self.toast.deleteLater)
        return self.toast

    # -- closing to the tray -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._window and event.type() == QEvent.Type.Close and isinstance(event, QCloseEvent):
            if self.hide_to_tray(from_desktop=event.spontaneous()):
                event.ignore()
                return True
            if self.toast is not None:
                self.toast.hide()
            app = QApplication.instance()
            if isinstance(app, QApplication) and not app.quitOnLastWindowClosed():
                QTimer.singleShot(0, app.quit)  # closed for good: the tray does not keep the app alive
        return False

    def hide_to_tray(self, *, from_desktop: bool) -> bool:
        """A close of the window: from the desktop (its close button) while reminders are in the tray, the
        window only hides (True); Quit (Ctrl+Q, the tray menu) closes it for good (False)."""
        if not (self.in_tray and from_desktop and not self._quitting) or self.tray is None:
            return False
        self._window.hide()
        if not self._told_in_tray:
            self._told_in_tray = True
            self.tray.showMessage(
                app_display_name(),
                self.tr("massage-gui keeps running here for your reminders. Quit it from this icon's menu."),
                self.tray.icon(),
                8_000,
            )
        return True
