"""The history window (pytest-qt): charts, streak words, the session table, delete with confirmation,
export; the recorder bridge on the app state and a main window; pyqtgraph loaded only here."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTableView, QTableWidget, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from massage_gui.cli import main as cli_main
from massage_gui.core.app_state import AppState
from massage_gui.core.errors import DataError
from massage_gui.core.history.export import records_to_json
from massage_gui.core.history.records import SessionRecord, iso_utc
from massage_gui.core.history.store import HistoryStore
from massage_gui.core.library import RoutineEntry
from massage_gui.core.paths import AppPaths
from massage_gui.core.routine_library import RoutineLibrary
from massage_gui.core.settings import Settings
from massage_gui.ui import history_view as history_view_module
from massage_gui.ui import i18n
from massage_gui.ui.calendar_heatmap import CalendarHeatmap, level_for
from massage_gui.ui.history_recorder import HistoryRecorderBridge
from massage_gui.ui.history_view import HistoryView, SessionTableModel
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.theme import Theme
from tests.core.history.helpers import SHORT, STEP_S, make_record, parse_csv, parse_json
from tests.ui.conftest import FakeClock

TODAY = dt.date(2024, 6, 5)


def on_day(day: dt.date, hour: int = 8, **changes: object) -> SessionRecord:
    start = dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.timezone.utc)
    return make_record(started_utc=start.isoformat(), utc_offset_min=0, **changes)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    opened, _ = HistoryStore.open(tmp_path / "history.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def filled(store: HistoryStore) -> HistoryStore:
    """Three days in a row up to today, an older day, two routines, one session stopped early."""
    store.add_session(on_day(TODAY - dt.timedelta(days=10), routine_id="quick", routine_name="Quick", massaged_s=290))
    store.add_session(on_day(TODAY - dt.timedelta(days=2)))
    store.add_session(on_day(TODAY - dt.timedelta(days=1), finished=False, massaged_s=200, steps_skipped=2))
    store.add_session(on_day(TODAY, hour=7))
    store.add_session(on_day(TODAY, hour=19, routine_id="quick", routine_name="Quick", massaged_s=300))
    return store


def make_view(qtbot: QtBot, store: HistoryStore, theme: Theme | None = None) -> HistoryView:
    view = HistoryView(store, theme or Theme.light(), today=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def answer(monkeypatch: pytest.MonkeyPatch, reply: QMessageBox.StandardButton) -> list[str]:
    """Make every confirmation return ``reply``; returns the questions asked."""
    asked: list[str] = []

    def question(parent: QWidget, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return reply

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


# -- the view --------------------------------------------------------------------------------------------


def test_the_view_opens_with_the_sessions(qtbot: QtBot, filled: HistoryStore) -> None:
    view = make_view(qtbot, filled)
    assert view.streak_label.text() == "You have massaged on 3 days in a row."
    assert "In all: 5 sessions" in view.summary_label.text()
    assert view.table.model().rowCount() == 5
    model = view.model
    assert model.data(model.index(0, 1)) == "Quick"  # newest first
    assert model.data(model.index(0, 0)) == "Wed 5 Jun 2024, 19:00"
    assert model.data(model.index(0, 2)) == "5:00 of 10:10"
    assert model.data(model.index(2, 3)) == "12 done, 2 skipped"
    assert model.data(model.index(2, 4)) == "Stopped early"
    assert model.data(model.index(0, 4)) == "Finished"
    assert view.routine_table.rowCount() == 2
    assert view.routine_table.item(0, 0).text() == "Standard"  # the most time first
    assert view.routine_table.item(0, 1).text() == "3"
    assert "Massage on 4 of the last" in view.calendar.accessibleDescription()


def test_bars_show_minutes_per_day_on_a_date_axis(qtbot: QtBot, filled: HistoryStore) -> None:
    view = make_view(qtbot, filled)
    import pyqtgraph as pg

    assert isinstance(view.bar_axis, pg.DateAxisItem)
    xs = list(view.bars.opts["x"])
    heights = list(view.bars.opts["height"])
    assert len(xs) == len(heights) == 56
    today_x = dt.datetime(2024, 6, 5, 12, tzinfo=dt.timezone.utc).timestamp()
    assert xs[-1] == today_x
    assert heights[-1] == pytest.approx((600 + 300) / 60)
    assert heights[-2] == pytest.approx(200 / 60)
    assert heights[-4] == 0
    ticks = view.bar_axis._tickLevels[0]
    assert all(text.endswith(("May", "Apr", "Jun")) for _, text in ticks)
    assert ticks[-1] == (dt.datetime(2024, 6, 3, 12, tzinfo=dt.timezone.utc).timestamp(), "3 Jun")  # a Monday


def test_an_empty_history_invites_without_guilt(qtbot: QtBot, store: HistoryStore) -> None:
    view = make_view(qtbot, store)
    assert view.streak_label.text() == "No sessions yet."
    assert "after you do a routine" in view.summary_label.text()
    assert view.table.model().rowCount() == 0
    for button in (view.export_csv_button, view.export_json_button, view.delete_button, view.delete_all_button):
        assert not button.isEnabled()


def test_a_run_that_ended_yesterday_is_still_current(qtbot: QtBot, store: HistoryStore) -> None:
    for days_ago in (1, 2):
        store.add_session(on_day(TODAY - dt.timedelta(days=days_ago)))
    view = make_view(qtbot, store)
    assert view.streak_label.text() == "You have massaged on 2 days in a row, up to yesterday."


def test_no_current_run_is_an_invitation(qtbot: QtBot, store: HistoryStore) -> None:
    for days_ago in (5, 6, 7):
        store.add_session(on_day(TODAY - dt.timedelta(days=days_ago)))
    view = make_view(qtbot, store)
    assert view.streak_label.text() == "Start a new run any day."
    assert view.summary_label.text().startswith("Your longest run so far: 3 days in a row.")


def test_interrupted_and_running_sessions_are_named_as_such(qtbot: QtBot, store: HistoryStore) -> None:
    crashed = store.add_session(on_day(TODAY, hour=6, ended_utc=None, finished=False))
    running = store.add_session(on_day(TODAY, hour=9, ended_utc=None, finished=False))
    store.running_session_id = running
    view = make_view(qtbot, store)
    results = {view.model.record(r).id: view.model.data(view.model.index(r, 4)) for r in range(2)}
    assert results == {crashed: "Interrupted", running: "In progress"}


def test_a_session_that_reached_the_end_with_steps_skipped_is_partly_done(qtbot: QtBot, store: HistoryStore) -> None:
    """Issue 11, item 2: only a session worked through is "Finished"; one that reached the end with steps
    skipped says so, and one stopped before the end is "Stopped early"."""
    partly = store.add_session(on_day(TODAY, hour=6, finished=False, reached_end=True, steps_completed=0,
                                      steps_skipped=8))  # fmt: skip
    stopped = store.add_session(on_day(TODAY, hour=7, finished=False, reached_end=False, steps_skipped=1))
    finished = store.add_session(on_day(TODAY, hour=8))
    view = make_view(qtbot, store)
    results = {view.model.record(r).id: view.model.data(view.model.index(r, 4)) for r in range(3)}
    assert results == {partly: "Partly done", stopped: "Stopped early", finished: "Finished"}
    assert view.model.data(view.model.index(2, 3)) == "0 done, 8 skipped"
    [total] = [view.routine_table.item(r, 2).text() for r in range(view.routine_table.rowCount())]
    assert total == "1"  # one of the three sessions finished


def test_delete_one_session_after_confirmation(
    qtbot: QtBot, filled: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = make_view(qtbot, filled)
    view.tabs.setCurrentIndex(1)
    assert not view.delete_button.isEnabled()
    view.table.selectRow(1)
    target = view.selected_record()
    assert target is not None
    assert view.delete_button.isEnabled()
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert len(filled.sessions()) == 5
    assert "Wed 5 Jun 2024, 07:00" in asked[0]
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert [r.id for r in filled.sessions()] == [r.id for r in view.records]
    assert target.id not in [r.id for r in filled.sessions()]
    assert view.table.model().rowCount() == 4
    assert view.selected_record() is not None  # the next row is selected, ready for another delete
    assert view.status_label.text() == "Deleted one session."


def test_the_delete_key_deletes_the_selected_session(
    qtbot: QtBot, filled: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = make_view(qtbot, filled)
    view.tabs.setCurrentIndex(1)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.table.selectRow(0)
    view.table.setFocus()
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(filled.sessions()) == 4


def test_delete_all_after_confirmation(qtbot: QtBot, filled: HistoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view(qtbot, filled)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.mouseClick(view.delete_all_button, Qt.MouseButton.LeftButton)
    assert len(filled.sessions()) == 5
    assert "Delete all 5 sessions" in asked[0]
    assert "export" in asked[0]
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.delete_all_button, Qt.MouseButton.LeftButton)
    assert filled.sessions() == []
    assert view.table.model().rowCount() == 0
    assert view.streak_label.text() == "No sessions yet."
    assert not view.delete_all_button.isEnabled()


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_export_writes_every_session(
    qtbot: QtBot, filled: HistoryStore, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str
) -> None:
    view = make_view(qtbot, filled)
    chosen = tmp_path / "exports" / "for my therapist"  # no suffix: the right one is added
    chosen.parent.mkdir()  # a save dialog picks a folder that exists
    offered: list[str] = []

    def save_name(parent: QWidget, caption: str, directory: str, filter: str) -> tuple[str, str]:
        offered.append(directory)
        return str(chosen), filter

    monkeypatch.setattr(history_view_module.QFileDialog, "getSaveFileName", staticmethod(save_name))
    button = view.export_csv_button if kind == "csv" else view.export_json_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    written = chosen.with_name(f"for my therapist.{kind}")
    assert offered[0].endswith(f"massage-history-2024-06-05.{kind}")
    text = written.read_text(encoding="utf-8-sig")
    parsed = parse_csv(text) if kind == "csv" else parse_json(text)
    assert parsed == filled.sessions()
    assert view.status_label.text() == f"Saved 5 sessions to {written.name}."


def test_export_cancelled_writes_nothing(qtbot: QtBot, filled: HistoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view(qtbot, filled)
    monkeypatch.setattr(history_view_module.QFileDialog, "getSaveFileName", staticmethod(lambda *args: ("", "")))
    qtbot.mouseClick(view.export_json_button, Qt.MouseButton.LeftButton)
    assert view.status_label.text() == ""


def test_a_read_only_history_cannot_be_deleted_from(qtbot: QtBot, tmp_path: Path, filled: HistoryStore) -> None:
    path = filled.path
    assert path is not None
    reader, _ = HistoryStore.open_read_only(path)
    view = make_view(qtbot, reader)
    view.table.selectRow(0)
    assert view.table.model().rowCount() == 5
    assert not view.delete_button.isEnabled()
    assert not view.delete_all_button.isEnabled()
    assert view.export_csv_button.isEnabled()
    assert "Read-only" in view.summary_label.text()
    reader.close()


def test_every_control_has_an_accessible_name_and_a_tooltip(qtbot: QtBot, filled: HistoryStore) -> None:
    view = make_view(qtbot, filled)
    controls: list[QWidget] = [
        *view.findChildren(QPushButton),
        *view.findChildren(QTableView),
        *view.findChildren(QTableWidget),
        view.chart,
        view.calendar,
    ]
    assert len(controls) >= 9
    for control in controls:
        assert control.accessibleName(), control
        assert control.toolTip(), control.accessibleName()
    for tabs in view.findChildren(QTabWidget):
        assert tabs.accessibleName()
        assert all(tabs.tabToolTip(i) for i in range(tabs.count()))


@pytest.mark.parametrize("theme", [Theme.light(), Theme.dark_theme()], ids=["light", "dark"])
def test_light_and_dark_themes(qtbot: QtBot, filled: HistoryStore, theme: Theme) -> None:
    view = make_view(qtbot, filled, theme)
    assert view.palette().color(view.backgroundRole()) == theme.background
    assert view.bars.opts["brush"].color() == theme.accent
    assert view.chart.backgroundBrush().color() == theme.panel
    image = view.grab().toImage()
    assert not image.isNull()
    # the newest bar is drawn in the accent colour somewhere in the chart
    chart = view.chart.grab().toImage()
    colours = {chart.pixelColor(x, y).name() for x in range(0, chart.width(), 3) for y in range(0, chart.height(), 3)}
    assert theme.accent.name() in colours


def test_refresh_picks_up_new_sessions(qtbot: QtBot, store: HistoryStore) -> None:
    view = make_view(qtbot, store)
    store.add_session(on_day(TODAY))
    view.refresh()
    assert view.table.model().rowCount() == 1
    assert view.streak_label.text() == "You massaged today."
    view.hide()  # hidden: a refresh waits until the view is shown again (no work during a session)
    store.add_session(on_day(TODAY - dt.timedelta(days=1)))
    view.refresh()
    assert view.table.model().rowCount() == 1
    view.show()
    assert view.table.model().rowCount() == 2


def test_a_failing_store_shows_its_error(qtbot: QtBot, store: HistoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> list[SessionRecord]:
        raise DataError("history.sqlite3: cannot read the session history (disk I/O error)")

    monkeypatch.setattr(store, "sessions", broken)
    view = make_view(qtbot, store)
    assert "disk I/O error" in view.status_label.text()


def test_session_table_model_is_flat() -> None:
    model = SessionTableModel()
    model.set_records([make_record(id=3)], None)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == 3
    assert "UTC+02:00" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Started"


# -- the calendar ----------------------------------------------------------------------------------------


def test_calendar_levels_and_hover(qtbot: QtBot) -> None:
    assert [level_for(m) for m in (0, 0.5, 4.9, 5, 10, 19.9, 20, 90)] == [0, 1, 1, 2, 3, 3, 4, 4]
    calendar = CalendarHeatmap(Theme.light())
    qtbot.addWidget(calendar)
    calendar.set_days({TODAY: 12.0}, TODAY, weeks=26)
    calendar.resize(calendar.sizeHint())
    assert calendar.first_day().weekday() == 0
    assert (TODAY - calendar.first_day()).days // 7 == 25  # today is in the newest column
    centre = calendar.cell_rect(TODAY).center()
    assert calendar.day_at(QPoint(round(centre.x()), round(centre.y()))) == TODAY
    assert calendar.day_at(QPoint(1, 1)) is None
    tomorrow = calendar.cell_rect(TODAY + dt.timedelta(days=1)).center()
    assert calendar.day_at(QPoint(round(tomorrow.x()), round(tomorrow.y()))) is None  # the future is not drawn
    assert calendar.colour_for(0) != calendar.colour_for(1) != calendar.colour_for(4)


def test_calendar_grows_with_the_font(qtbot: QtBot) -> None:
    calendar = CalendarHeatmap(Theme.light())
    qtbot.addWidget(calendar)
    small = calendar.sizeHint()
    font = calendar.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    calendar.setFont(font)
    large = calendar.sizeHint()
    assert large.width() > small.width() * 1.6
    assert large.height() > small.height() * 1.6


# -- the recorder bridge ---------------------------------------------------------------------------------


class Wall:
    def __init__(self) -> None:
        self.now = 1_717_400_000.0

    def __call__(self) -> float:
        return self.now


def short_state(clock: FakeClock) -> AppState:
    """The app state with the short test routine chosen (opened from a file for this run)."""
    library = RoutineLibrary(extra=[RoutineEntry("short", "file", SHORT)])
    return AppState(Settings(last_routine="short", safety_confirmed=True), library, clock=clock, wall_clock=None)


def run_state(state: AppState, clock: FakeClock, wall: Wall, seconds: float) -> None:
    """Let session time pass as the app's ticker would: a tick at least every quarter second."""
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        step = min(0.25, end - clock.now)
        clock.advance(step)
        wall.now += step
        state.tick()


def test_the_bridge_records_a_whole_session(qtbot: QtBot, store: HistoryStore) -> None:
    clock, wall = FakeClock(), Wall()
    state = short_state(clock)
    bridge = HistoryRecorderBridge(store, state, wall_clock=wall)
    with qtbot.waitSignal(bridge.session_recorded):
        state.start()
    assert store.running_session_id is not None
    run_state(state, clock, wall, 22)
    state.set_pace(3.0)  # slower, mid-step: the time at the old pace is kept
    run_state(state, clock, wall, 60)
    [row] = store.sessions()
    assert row.finished is True
    assert row.started_utc == iso_utc(1_717_400_000.0)
    assert row.massaged_s == pytest.approx(12 + 2 + 6 + 9)
    assert (row.steps_completed, row.steps_skipped, row.pace_s) == (3, 0, 3.0)
    assert store.running_session_id is None


def test_the_bridge_records_a_routine_chosen_between_sessions(qtbot: QtBot, store: HistoryStore) -> None:
    """Another routine chosen mid-session: that session ends as it was, the next is the new routine's."""
    clock, wall = FakeClock(), Wall()
    state = short_state(clock)
    HistoryRecorderBridge(store, state, wall_clock=wall)
    state.start()
    run_state(state, clock, wall, 22)
    state.select_routine("quick")  # stops the running session
    state.start()
    run_state(state, clock, wall, 10)
    state.stop()
    newest, oldest = store.sessions()
    assert (oldest.routine_id, oldest.steps_completed, oldest.finished) == ("short", 1, False)
    assert oldest.massaged_s == pytest.approx(14)
    assert newest.routine_id == "quick"


def test_the_bridge_records_skipping_through_as_partly_done(qtbot: QtBot, store: HistoryStore) -> None:
    clock, wall = FakeClock(), Wall()
    state = short_state(clock)
    HistoryRecorderBridge(store, state, wall_clock=wall)
    state.start()
    run_state(state, clock, wall, 6)
    for _ in range(3):
        state.next()
    [row] = store.sessions()
    assert (row.finished, row.reached_end, row.steps_completed, row.steps_skipped) == (False, True, 0, 3)
    view = make_view(qtbot, store)
    assert view.model.data(view.model.index(0, 4)) == "Partly done"


def test_the_bridge_says_once_when_writes_fail(
    qtbot: QtBot, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock, wall = FakeClock(), Wall()
    state = short_state(clock)
    bridge = HistoryRecorderBridge(store, state, wall_clock=wall)
    failures: list[str] = []
    bridge.write_failed.connect(failures.append)

    def fail(record: SessionRecord) -> bool:
        raise DataError("history.sqlite3: cannot write the session history (disk is full)")

    state.start()
    monkeypatch.setattr(store, "update_session", fail)
    run_state(state, clock, wall, 30)  # two step ends: two failed writes, one notice
    assert len(failures) == 1
    assert "disk is full" in failures[0]
    monkeypatch.undo()
    run_state(state, clock, wall, 10)
    [row] = store.sessions()
    assert (row.finished, row.steps_completed) == (True, 3)
    assert row.massaged_s == pytest.approx(sum(STEP_S))


def test_a_destroyed_bridge_stops_listening(qtbot: QtBot, store: HistoryStore) -> None:
    clock, wall = FakeClock(), Wall()
    state = short_state(clock)
    parent = QWidget()
    HistoryRecorderBridge(store, state, wall_clock=wall, parent=parent)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not state.events.session._listeners)
    state.start()  # no recorder left to write it, and no error
    run_state(state, clock, wall, 10)
    assert store.sessions() == []


def test_a_session_in_the_window_shows_in_the_view_and_the_cli(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """As a new user: start the routine in the window, do part of it, stop, open the history."""
    path = AppPaths.from_environment().history_file
    store, notice = HistoryStore.open(path)
    assert notice == ""
    wall = Wall()
    HistoryRecorderBridge(store, window.state, wall_clock=wall, parent=window)  # as the app wires it
    window.window_actions.start.trigger()
    plan = window.state.plan
    run_state(window.state, clock, wall, plan.steps[1].end_s + 1)  # two steps done
    window.window_actions.stop.trigger()
    view = make_view(qtbot, store)
    assert view.table.model().rowCount() == 1
    assert view.model.data(view.model.index(0, 4)) == "Stopped early"
    assert view.model.data(view.model.index(0, 1)) == plan.routine.name
    assert view.model.data(view.model.index(0, 3)) == "2 done"
    assert cli_main(["history", "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    [entry] = json.loads(out)
    assert entry == json.loads(records_to_json(store.sessions()))[0]
    assert entry["routine_id"] == "quick"
    assert entry["steps_completed"] == 2
    assert entry["massaged_s"] == pytest.approx(plan.steps[0].duration_s + plan.steps[1].duration_s)
    assert entry["finished"] is False
    store.close()


# -- loading ---------------------------------------------------------------------------------------------


def test_pyqtgraph_loads_only_with_the_history_view() -> None:
    code = (
        "import sys\n"
        "import massage_gui.ui.main_window, massage_gui.ui.app, massage_gui.ui.history_recorder\n"
        "import massage_gui.ui.calendar_heatmap, massage_gui.core.history\n"
        "print('pyqtgraph' in sys.modules)\n"
        "import massage_gui.ui.history_view\n"
        "print('pyqtgraph' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


# -- in German -------------------------------------------------------------------------------------------


@pytest.fixture
def german(qapp: QApplication) -> Iterator[QApplication]:
    """The German translator installed, as at a start-up with language 'de'; English again afterwards."""
    assert i18n.install_translator(qapp, "de") == "de"
    yield qapp
    i18n.remove_translators(qapp)


def test_the_view_is_german_with_the_german_translator(
    german: QApplication, qtbot: QtBot, filled: HistoryStore
) -> None:
    view = make_view(qtbot, filled)
    assert view.windowTitle() == "Sitzungsverlauf"
    assert view.streak_label.text() == "Du hast an 3 Tagen in Folge massiert."
    assert view.summary_label.text().startswith("Deine längste Serie bisher: 3 Tage in Folge. Insgesamt: 5 Sitzungen, ")
    buttons = [view.export_csv_button, view.export_json_button, view.close_button, view.delete_button,
               view.delete_all_button]  # fmt: skip
    assert [b.text() for b in buttons] == [
        "CSV exportieren…",
        "JSON exportieren…",
        "Schließen",
        "Sitzung löschen…",
        "Alle löschen…",
    ]
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == ["Übersicht", "Sitzungen", "Tagebuch"]
    # the table in German words, dates and numbers as the German locale writes them
    model = view.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Beginn"
    assert model.data(model.index(0, 0)) == "Mi., 5. Juni 2024, 19:00"
    assert model.data(model.index(2, 3)) == "12 erledigt, 2 übersprungen"
    assert model.data(model.index(2, 4)) == "Früher beendet"
    assert "Tempo 2 s pro Griff" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert view.bar_axis._tickLevels[0][-1][1] == "3. Juni"
    assert view.calendar.day_names[:3] == ("Mo.", "Di.", "Mi.")
    assert view.calendar.accessibleDescription().startswith("Massage an 4 der letzten")


def test_the_diary_charts_are_german_with_the_german_translator(
    german: QApplication, qtbot: QtBot, filled: HistoryStore
) -> None:
    """Bug: the ratings axis said "0 to 10" in German: the charts' words went through a helper of their own that
    the translation tools do not see, so none of them was ever translated."""
    view = make_view(qtbot, filled)
    view.tabs.setCurrentWidget(view.diary)
    charts = view.diary.charts
    assert charts is not None
    assert charts.ratings.getAxis("left").labelText == "0 bis 10"
    assert charts.minutes.getAxis("left").labelText == "Minuten"
    assert [label.text for _, label in charts.legends["minutes"].items] == ["Massierte Minuten"]
    assert charts.accessibleName() == "Tagebuch-Diagramme"
    assert charts.toolTip().startswith("Deine Bewertungen und Messungen")
    assert charts.accessibleDescription() == "Noch keine Tagebucheinträge."


@pytest.mark.parametrize(
    ("days_ago", "streak"),
    [
        ((1, 2), "Du hast bis gestern an 2 Tagen in Folge massiert."),
        ((0,), "Du hast heute massiert."),
        ((1,), "Du hast gestern massiert."),
        ((5, 6, 7), "Fang an einem beliebigen Tag neu an."),
    ],
)
def test_german_streak_wording_is_gentle(
    german: QApplication, qtbot: QtBot, store: HistoryStore, days_ago: tuple[int, ...], streak: str
) -> None:
    for days in days_ago:
        store.add_session(on_day(TODAY - dt.timedelta(days=days)))
    view = make_view(qtbot, store)
    assert view.streak_label.text() == streak


@pytest.fixture
def two_languages(store: HistoryStore) -> HistoryStore:
    """The built-in Quick recorded once in English and once in German, and a favourite with a German name."""
    store.add_session(on_day(TODAY - dt.timedelta(days=1), routine_id="quick", routine_name="Quick"))
    store.add_session(on_day(TODAY, hour=7, routine_id="quick", routine_name="Kurz"))
    store.add_session(on_day(TODAY, hour=9, routine_id="mein-morgen", routine_name="Mein Morgen", massaged_s=20))
    return store


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_built_in_routine_is_named_in_the_language_of_now(
    qapp: QApplication, qtbot: QtBot, two_languages: HistoryStore, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """Bug: History named each session's routine in the language of the day it was recorded: in German the same
    built-in routine was listed as both "Quick" and "Kurz" (and the totals per routine under one of them). A
    saved favourite is the user's own name, shown as recorded."""
    if language == "de":
        i18n.install_translator(qapp, "de")
    try:
        view = make_view(qtbot, two_languages)
    finally:
        i18n.remove_translators(qapp)
    quick = "Kurz" if language == "de" else "Quick"
    model = view.model
    assert [model.data(model.index(row, 1)) for row in range(3)] == ["Mein Morgen", quick, quick]
    assert f"{quick} [quick]" in model.data(model.index(2, 0), Qt.ItemDataRole.ToolTipRole)
    table = view.routine_table
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == [quick, "Mein Morgen"]
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    view.table.selectRow(2)
    view.delete_button.click()
    assert f"({quick})" in asked[0]


def test_the_view_is_english_again_once_the_translator_is_removed(
    qapp: QApplication, qtbot: QtBot, filled: HistoryStore
) -> None:
    i18n.install_translator(qapp, "de")
    i18n.remove_translators(qapp)
    view = make_view(qtbot, filled)
    assert view.windowTitle() == "Session history"
    assert view.streak_label.text() == "You have massaged on 3 days in a row."
    assert view.model.data(view.model.index(0, 0)) == "Wed 5 Jun 2024, 19:00"
