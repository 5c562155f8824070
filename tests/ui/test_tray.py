"""Reminders in the window (offscreen): built only when on, one single-shot timer of at most a minute, the
notification (the small window where there is no tray) opens the routine, snooze, done today, close to tray."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from massage_gui.core.app_state import AppState
from massage_gui.core.history.store import HistoryStore
from massage_gui.core.reminders import Reminder, Slot
from massage_gui.core.settings import Settings
from massage_gui.ui import tray as tray_module
from massage_gui.ui.diary_dialog import DiaryDialog
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.reminder_watch import watch_reminders
from massage_gui.ui.tray import CHECK_S, Reminders
from tests.core.history.helpers import make_record

DAY = dt.date(2024, 6, 3)


class WallClock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    opened, _ = HistoryStore.open(tmp_path / "history.sqlite3")
    yield opened
    opened.close()


def _window(qtbot: QtBot, **changes: object) -> MainWindow:
    settings = dataclasses.replace(
        Settings(last_routine="quick", theme="light", safety_confirmed=True),
        **{"reminders": True, "reminder_times": frozenset({"08:00", "20:00=evening"}), **changes},
    )
    window = MainWindow(AppState(settings))
    qtbot.addWidget(window)
    return window


def _reminders(qtbot: QtBot, window: MainWindow, clock: WallClock, store: HistoryStore | None = None) -> Reminders:
    reminders = Reminders(window, store, clock=clock, tray_available=lambda: False)
    if reminders.toast is not None:
        qtbot.addWidget(reminders.toast)
    return reminders


def test_nothing_is_built_while_reminders_are_off(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []

    class Built:
        def __init__(self, *args: object) -> None:
            built.append(args)

        def apply(self) -> None:
            pass

    monkeypatch.setattr(tray_module, "Reminders", Built)
    window = _window(qtbot, reminders=False)
    get = watch_reminders(window, lambda: None)
    assert get() is None
    assert built == []
    window.state.update(reminders=True)  # turned on in Preferences: built then
    assert len(built) == 1


def test_the_timer_waits_for_the_next_reminder_at_most_a_minute_at_a_time(qtbot: QtBot) -> None:
    clock = WallClock(dt.datetime.combine(DAY, dt.time(7, 59, 30)))
    reminders = _reminders(qtbot, _window(qtbot), clock)
    assert reminders.timer.isSingleShot()
    assert reminders.timer.isActive()
    assert reminders.timer.interval() == 30_000  # the 08:00 reminder is half a minute away
    clock.now = dt.datetime.combine(DAY, dt.time(9, 0))
    reminders.arm()
    assert reminders.timer.interval() == CHECK_S * 1000  # eleven hours away: look again in a minute
    assert reminders.timer.timerType() == Qt.TimerType.VeryCoarseTimer
    reminders.schedule.set_reminders([])
    reminders.arm()
    assert not reminders.timer.isActive()


def test_a_reminder_without_a_tray_shows_the_small_window_and_its_click_opens_the_routine(qtbot: QtBot) -> None:
    clock = WallClock(dt.datetime.combine(DAY, dt.time(19, 59, 59)))
    window = _window(qtbot)
    reminders = _reminders(qtbot, window, clock)
    assert reminders.tray is None
    clock.now = dt.datetime.combine(DAY, dt.time(20, 0))
    with qtbot.waitSignal(reminders.reminded) as shown:
        reminders.timer.timeout.emit()
    assert shown.args[0].reminder == Reminder(dt.time(20, 0), "evening")
    toast = reminders.toast
    assert toast is not None
    qtbot.addWidget(toast)
    assert toast.isVisible()
    evening = window.state.library.entry("evening")
    assert evening is not None
    assert toast.message.text().startswith("Time for your evening routine, ")
    assert toast.message.text().endswith(f"{evening.routine.name}: click to open it, ready to start.")
    assert not window.isVisible()
    qtbot.mouseClick(toast.message, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert window.isVisible()
    assert window.state.routine_id == "evening"
    assert not toast.isVisible()


def test_the_minutes_are_the_routine_at_the_user_pace(qtbot: QtBot) -> None:
    clock = WallClock(dt.datetime.combine(DAY, dt.time(12, 0)))
    window = _window(qtbot)
    reminders = _reminders(qtbot, window, clock)
    due = reminders.schedule.next_due(clock.now)
    assert due is not None
    assert due.reminder.routine_id == "evening"
    quick = round(window.state.plan.total_s / 60)  # the routine used last, at the user's pace
    morning = dataclasses.replace(due, reminder=Reminder(dt.time(8, 0)))
    assert reminders.message_for(morning).startswith(f"Time for your morning routine, {quick} minutes\n")
    window.state.set_pace(4.0)
    slower = round(window.state.plan.total_s / 60)
    assert slower > quick
    assert reminders.message_for(morning).startswith(f"Time for your morning routine, {slower} minutes\n")


def test_snooze_and_done_today_from_the_small_window(qtbot: QtBot) -> None:
    clock = WallClock(dt.datetime.combine(DAY, dt.time(8, 0)))
    window = _window(qtbot)
    reminders = _reminders(qtbot, window, clock)
    toast = reminders.toast
    assert toast is not None
    qtbot.addWidget(toast)
    assert toast.isVisible()  # due at once
    toast.snooze_buttons[10].click()
    assert not toast.isVisible()
    assert reminders.schedule.snoozed_until == dt.datetime.combine(DAY, dt.time(8, 10))
    assert reminders.timer.interval() == CHECK_S * 1000
    clock.now = dt.datetime.combine(DAY, dt.time(8, 10))
    reminders.timer.timeout.emit()
    assert toast.isVisible()  # back after ten minutes
    toast.done_button.click()
    assert window.state.settings.reminders_done == frozenset({"2024-06-03 08:00"})
    assert reminders.schedule.is_done(Slot(DAY, 0))
    again = Reminders(window, None, clock=clock, tray_available=lambda: False)  # a restart keeps it done
    assert again.toast is None


def test_a_finished_session_in_the_history_means_no_reminder(qtbot: QtBot, store: HistoryStore) -> None:
    local = dt.datetime.combine(DAY, dt.time(7, 40)).astimezone()
    store.add_session(make_record(started_utc=local.astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
                                  utc_offset_min=round(local.utcoffset().total_seconds() / 60)))  # type: ignore[union-attr]  # fmt: skip
    clock = WallClock(dt.datetime.combine(DAY, dt.time(8, 0)))
    reminders = _reminders(qtbot, _window(qtbot), clock, store)
    assert reminders.toast is None  # done at 7:40, before the 8:00 reminder
    assert reminders.schedule.is_done(Slot(DAY, 0))


def test_no_reminder_pops_up_during_a_session(qtbot: QtBot) -> None:
    clock = WallClock(dt.datetime.combine(DAY, dt.time(7, 59)))
    window = _window(qtbot)
    reminders = _reminders(qtbot, window, clock)
    window.state.start()
    clock.now = dt.datetime.combine(DAY, dt.time(8, 0))
    reminders.timer.timeout.emit()
    assert reminders.toast is None
    window.state.stop()


def test_turning_reminders_off_stops_the_timer_and_hides_them(qtbot: QtBot) -> None:
    window = _window(qtbot)
    get = watch_reminders(window, lambda: None)
    reminders = get()
    assert reminders is not None
    window.state.update(reminders=False)
    assert not reminders.timer.isActive()
    assert reminders.toast is None or not reminders.toast.isVisible()
    assert QApplication.quitOnLastWindowClosed()


def test_closing_from_the_desktop_keeps_the_app_in_the_tray_but_quit_quits(qtbot: QtBot) -> None:
    clock = WallClock(dt.datetime.combine(DAY, dt.time(9, 0)))
    window = _window(qtbot)
    reminders = Reminders(window, None, clock=clock, tray_available=lambda: False)
    window.show()
    assert not reminders.in_tray  # no tray here: a close is a close
    assert not reminders.hide_to_tray(from_desktop=True)
    reminders.tray = QSystemTrayIcon(reminders)  # as if the desktop had a tray
    reminders.tray.show()
    if not reminders.tray.isVisible():
        pytest.skip("this platform cannot show a tray icon at all")
    assert reminders.hide_to_tray(from_desktop=True)
    assert not window.isVisible()
    window.show()
    assert not reminders.hide_to_tray(from_desktop=False)  # Ctrl+Q or Quit in the menu


def test_start_at_login_writes_and_removes_the_entry(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(tray_module.autostart, "supported", lambda platform="": True)
    window = _window(qtbot, reminders=False)
    watch_reminders(window, lambda: None)
    entry = tmp_path / "config" / "autostart" / "massage-gui.desktop"
    window.state.update(start_at_login=True)
    assert entry.is_file()
    assert "--tray" in entry.read_text(encoding="utf-8")
    window.state.update(start_at_login=False)
    assert not entry.exists()


class Questions:
    """The titles of the questions asked, each answered with ``answer``; and the app's quits."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answer = QMessageBox.StandardButton.Cancel
        self.quits = 0

    def ask(self, parent: QWidget, title: str, *args: object) -> QMessageBox.StandardButton:
        self.asked.append(title)
        return self.answer

    def quit(self) -> None:
        self.quits += 1


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    found = Questions()
    monkeypatch.setattr(QMessageBox, "question", found.ask)
    monkeypatch.setattr(QApplication, "quit", found.quit)
    return found


def _diary_after_session(qtbot: QtBot, store: HistoryStore) -> tuple[MainWindow, Reminders, DiaryDialog]:
    """The window, with reminders on, showing the diary offered after a session."""
    settings = Settings(last_routine="quick", safety_confirmed=True, reminders=True)
    window = MainWindow(AppState(settings), history=store)
    qtbot.addWidget(window)
    reminders = Reminders(window, store, clock=WallClock(dt.datetime.combine(DAY, dt.time(9, 0))))
    window.show()
    window.dialogs.offer_diary(store.add_session(make_record()))
    diary = window.dialogs.diary_dialog
    assert isinstance(diary, DiaryDialog)
    return window, reminders, diary


def test_quit_from_the_tray_asks_before_an_unsaved_diary_entry_is_lost(
    qtbot: QtBot, store: HistoryStore, questions: Questions
) -> None:
    """Bug: Quit in the tray's menu closed the diary offered after a session, with what the user had typed in
    it, without asking (its Skip, Esc and close button ask "Discard changes?"); the entry was lost."""
    window, reminders, diary = _diary_after_session(qtbot, store)
    diary.fields["neck"].setText("38,5")

    reminders.quit_app()  # Cancel: the user stays with the entry
    assert questions.asked == ["Discard changes?"]
    assert questions.quits == 0
    assert window.isVisible()
    assert diary.isVisible()
    assert diary.fields["neck"].text() == "38,5"

    questions.answer = QMessageBox.StandardButton.Discard
    reminders.quit_app()
    assert questions.asked == ["Discard changes?"] * 2
    assert questions.quits == 1
    assert not window.isVisible()


def test_quit_with_nothing_typed_asks_nothing(qtbot: QtBot, store: HistoryStore, questions: Questions) -> None:
    _, reminders, _ = _diary_after_session(qtbot, store)
    reminders.quit_app()
    assert questions.asked == []
    assert questions.quits == 1


def test_closing_the_window_for_good_asks_too(qtbot: QtBot, store: HistoryStore, questions: Questions) -> None:
    """Ctrl+Q (the window's Quit) goes through the same close: a diary being edited from the history window
    does not block the main window, so the question must come from the close itself."""
    window, _, diary = _diary_after_session(qtbot, store)
    diary.note.setPlainText("tight after the drive")
    assert not window.close()
    assert questions.asked == ["Discard changes?"]
    assert window.isVisible()
    assert diary.note.toPlainText() == "tight after the drive"
    questions.answer = QMessageBox.StandardButton.Discard
    assert window.close()


def test_the_tray_menu_names_the_routine_as_written(qtbot: QtBot) -> None:
    """Bug: "Start Tom & Jerry" showed as "Start Tom  Jerry", the J underlined: Qt took the ampersand for the
    item's key."""
    window = _window(qtbot)
    state = window.state
    state.select_routine(state.library.save_as(dataclasses.replace(state.plan.routine, name="Tom & Jerry")))
    reminders = _reminders(qtbot, window, WallClock(dt.datetime(2026, 6, 1, 7, 0)))
    reminders._make_tray()
    assert reminders.start_action.text() == "Start Tom && Jerry"  # shown: Start Tom & Jerry
