"""Recording a session from sequencer events on fake clocks: counts, pauses, re-timing, crashes and kills."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from massage_gui.core.errors import DataError
from massage_gui.core.history import HistoryStore, SessionRecord, iso_utc
from massage_gui.core.sequencer import Paused
from tests.core.history.helpers import STEP_S, WALL_START, Rig


def test_a_finished_routine_is_recorded_with_every_field(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(40)
    row = rig.row()
    assert row.started_utc == iso_utc(WALL_START) == "2024-06-03T07:33:20+00:00"
    assert row.utc_offset_min == 60
    assert (row.routine_id, row.routine_name) == ("short", "Short")
    assert row.planned_s == 35.0
    assert row.pace_s == 2.0
    assert row.massaged_s == pytest.approx(sum(STEP_S))
    assert (row.steps_completed, row.steps_skipped) == (3, 0)
    assert row.finished is True
    assert row.ended_utc == iso_utc(WALL_START + 35)  # the wall clock when RoutineFinished arrived
    assert store.running_session_id is None
    assert rig.recorder.record is None


def test_stopped_early_is_not_finished_and_the_running_step_is_not_skipped(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(22)  # 2 s into the collarbone step
    rig.feed(rig.seq.stop())
    row = rig.row()
    assert row.finished is False
    assert row.ended_utc == iso_utc(WALL_START + 22)
    assert row.massaged_s == pytest.approx(12 + 2)
    assert (row.steps_completed, row.steps_skipped) == (1, 0)


def test_a_step_left_early_counts_as_skipped_and_only_its_time_inside_counts(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(8)  # 3 s into breathing
    rig.feed(rig.seq.next())  # to the collarbone step
    rig.run(30)
    row = rig.row()
    assert (row.finished, row.reached_end) == (False, True)  # it reached the end, but a step was skipped
    assert row.massaged_s == pytest.approx(3 + 6 + 6)
    assert (row.steps_completed, row.steps_skipped) == (2, 1)


def test_a_step_skipped_then_done_after_going_back_is_completed(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(22)  # in collarbone
    rig.feed(rig.seq.next())  # skip it: cheeks
    rig.feed(rig.seq.previous())  # back to collarbone
    rig.run(30)
    row = rig.row()
    assert (row.steps_completed, row.steps_skipped) == (3, 0)
    assert row.massaged_s == pytest.approx(12 + 2 + 6 + 6)


def test_pauses_are_not_counted(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(10)  # 5 s into breathing
    rig.feed(rig.seq.pause())
    assert rig.row().massaged_s == pytest.approx(5)  # written at the pause
    rig.run(300, step=5)  # five minutes away: ticks do nothing while paused
    rig.feed(rig.seq.resume())
    rig.run(21)  # 7 s more of breathing, then the rest: 25 s of session time in all after resuming
    rig.run(10)
    row = rig.row()
    assert row.finished is True
    assert row.massaged_s == pytest.approx(sum(STEP_S))
    assert row.ended_utc == iso_utc(WALL_START + 35 + 300)


def test_a_pause_in_a_transition_and_moves_while_paused_count_nothing(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(18)  # in the transition after breathing
    rig.feed(rig.seq.pause())
    rig.feed(rig.seq.next())  # to collarbone while paused: nothing runs
    rig.run(60, step=5)
    assert rig.row().massaged_s == pytest.approx(12)
    rig.feed(rig.seq.resume())
    rig.run(20)
    assert rig.row().massaged_s == pytest.approx(sum(STEP_S))


def test_the_computer_sleeping_is_a_pause(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(10)
    rig.clock.now += 3600  # one tick an hour later: the sequencer reports a sleep
    rig.wall.now += 3600
    rig.feed(rig.seq.tick())
    assert any(isinstance(e, Paused) and e.reason == "sleep" for e in rig.events)
    rig.feed(rig.seq.resume())
    rig.run(30)
    row = rig.row()
    assert row.finished is True
    assert row.massaged_s == pytest.approx(sum(STEP_S))


@pytest.mark.parametrize(("k", "at", "written"), [(0, 10.0, 0.0), (1, 18.0, 17.0), (2, 28.0, 26.0)])
def test_a_crash_after_step_k_leaves_the_session_up_to_that_step(
    history_path: Path, k: int, at: float, written: float
) -> None:
    store, _ = HistoryStore.open(history_path)
    rig = Rig(store)
    rig.start()
    rig.run(at)
    del rig  # no RoutineFinished: the app died here
    reopened = sqlite3.connect(history_path)  # another connection sees only what was committed
    count = reopened.execute("SELECT count(*) FROM sessions").fetchone()[0]
    reopened.close()
    assert count == 1
    store.close()
    reader, notice = HistoryStore.open_read_only(history_path)  # as the command line reads it: not changed
    assert notice == ""
    [row] = reader.sessions()
    reader.close()
    assert row.steps_completed == k
    assert row.massaged_s == pytest.approx(sum(STEP_S[:k]))
    assert row.ended_utc is None
    assert row.finished is False
    assert row.updated_utc == iso_utc(WALL_START + written)  # the last write: the start, or a step's end
    store, notice = HistoryStore.open(history_path)  # the app starts again: the session is closed
    assert notice == ""
    [row] = store.sessions()
    store.close()
    assert (row.steps_completed, row.massaged_s, row.finished) == (k, pytest.approx(sum(STEP_S[:k])), False)
    assert row.ended_utc == iso_utc(WALL_START + written)


def test_a_killed_process_leaves_the_session_up_to_its_last_completed_step(history_path: Path) -> None:
    """A real crash: the recording process ends with os._exit (nothing closed, nothing flushed)."""
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(Path(__file__).resolve().parents[3])!r})
        from pathlib import Path
        from massage_gui.core.history import HistoryStore
        from tests.core.history.helpers import Rig
        store, _ = HistoryStore.open(Path({str(history_path)!r}))
        rig = Rig(store)
        rig.start()
        rig.run(30)  # two steps done, 1 s into the transition before the last
        os._exit(3)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 3, result.stderr
    reader, notice = HistoryStore.open_read_only(history_path)
    assert notice == ""
    [row] = reader.sessions()
    reader.close()
    assert (row.steps_completed, row.ended_utc, row.finished) == (2, None, False)
    assert row.massaged_s == pytest.approx(18)
    store, notice = HistoryStore.open(history_path)  # the next start closes it at its last write
    assert notice == ""
    [row] = store.sessions()
    store.close()
    assert (row.steps_completed, row.ended_utc, row.finished) == (2, iso_utc(WALL_START + 26), False)
    assert row.massaged_s == pytest.approx(18)


def test_a_session_stopped_before_anything_was_massaged_is_not_kept(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(3)  # still in the lead-in
    assert len(store.sessions()) == 1  # written at the start, in case of a crash
    rig.feed(rig.seq.stop())
    assert store.sessions() == []


def test_starting_again_ends_the_running_session_as_stopped_early(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(22)
    rig.feed(rig.seq.start())  # restart from the beginning: no RoutineFinished from the sequencer
    rig.run(40)
    newest, oldest = store.sessions()
    assert (oldest.finished, oldest.massaged_s, oldest.steps_completed, oldest.steps_skipped) == (False, 14, 1, 0)
    assert oldest.ended_utc is not None
    assert newest.finished is True
    assert newest.massaged_s == pytest.approx(sum(STEP_S))


def test_a_slower_pace_mid_step_counts_the_time_really_spent(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(22)  # 2 s into collarbone (1 of 3 strokes)
    rig.replan(pace_s=3.0)
    plan = rig.seq.plan
    collarbone, cheeks = plan.steps[1], plan.steps[2]
    expected = 12 + 2 + (collarbone.end_s - rig.seq.t) + cheeks.duration_s
    rig.run(60)
    row = rig.row()
    assert row.finished is True
    assert row.massaged_s == pytest.approx(expected)
    assert (row.pace_s, row.planned_s) == (3.0, plan.total_s)


def test_skipping_the_current_area_mid_step_ends_it_at_that_moment(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(22)
    rig.replan(skipped_areas=frozenset({"collarbone"}))
    rig.run(60)
    row = rig.row()
    assert (row.finished, row.reached_end) == (False, True)  # the step in progress was skipped
    assert row.massaged_s == pytest.approx(12 + 2 + 6)
    assert (row.steps_completed, row.steps_skipped) == (2, 1)


def test_a_read_only_store_records_nothing_and_raises_nothing(history_path: Path) -> None:
    store = HistoryStore(history_path, None, writable=False)
    rig = Rig(store)
    rig.start()
    rig.run(40)
    assert store.sessions() == []
    assert not history_path.exists()


def test_a_deleted_running_session_is_not_brought_back(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(10)
    assert store.running_session_id == rig.recorder.session_id is not None
    store.delete_all()
    rig.run(40)
    assert store.sessions() == []
    assert store.running_session_id is None


def test_a_failed_write_is_caught_up_by_the_next(store: HistoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(16)

    def fail(record: SessionRecord) -> bool:
        raise DataError("disk full")

    monkeypatch.setattr(store, "update_session", fail)
    with pytest.raises(DataError):
        rig.run(2)  # breathing ends: the write fails
    monkeypatch.undo()
    rig.run(30)
    row = rig.row()
    assert (row.finished, row.steps_completed) == (True, 3)
    assert row.massaged_s == pytest.approx(sum(STEP_S))


def test_a_session_whose_steps_were_all_skipped_is_not_finished(store: HistoryStore) -> None:
    """Issue 11, item 2: skipping through a routine reached its end but did not finish it."""
    rig = Rig(store)
    rig.start()
    rig.run(6)  # 1 s into breathing
    for _ in range(3):
        rig.feed(rig.seq.next())  # breathing, collarbone, cheeks: each left at once; the last Next ends it
    row = rig.row()
    assert row.ended_utc == iso_utc(WALL_START + 6)
    assert (row.steps_completed, row.steps_skipped) == (0, 3)
    assert row.massaged_s == pytest.approx(1)
    assert row.finished is False
    assert row.reached_end is True


def test_a_session_skipped_through_at_once_is_kept(store: HistoryStore) -> None:
    """Nothing massaged, but it reached the end: kept (only a session stopped before anything is dropped)."""
    rig = Rig(store)
    rig.start()
    for _ in range(4):
        rig.feed(rig.seq.next())  # from the lead-in to breathing, then through every step at once
    row = rig.row()
    assert (row.massaged_s, row.steps_completed, row.steps_skipped) == (0, 0, 3)
    assert (row.finished, row.reached_end) == (False, True)


def test_the_row_counts_are_the_tally_of_the_events(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(8)
    rig.feed(rig.seq.next())
    rig.run(15)
    rig.feed(rig.seq.pause())
    summary = rig.recorder.tally.summary()
    row = rig.row()
    assert (row.massaged_s, row.steps_completed, row.steps_skipped, row.finished) == (
        pytest.approx(summary.massaged_s),
        summary.steps_done,
        summary.steps_skipped,
        summary.finished,
    )


def test_every_write_says_when_it_was_made(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    assert rig.row().updated_utc == iso_utc(WALL_START)
    rig.run(18)  # breathing ended at 17 s
    assert rig.row().updated_utc == iso_utc(WALL_START + 17)
    rig.run(4)
    rig.feed(rig.seq.pause())
    assert rig.row().updated_utc == iso_utc(WALL_START + 22)
    rig.run(100, step=5)
    rig.feed(rig.seq.resume())
    rig.run(20)
    row = rig.row()
    assert row.updated_utc == row.ended_utc == iso_utc(WALL_START + 35 + 100)


def test_a_new_pace_after_the_end_does_not_change_the_session(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(40)
    before = rig.row()
    rig.replan(pace_s=4.0)  # on the end screen
    assert rig.recorder.plan.settings.pace_s == 4.0  # the next session's pace
    after = rig.row()
    assert (after.planned_s, after.pace_s, after.massaged_s) == (before.planned_s, 2.0, before.massaged_s)
    rig.start()
    rig.run(3)
    assert store.sessions()[0].pace_s == 4.0


def test_set_plan_is_for_the_next_session(store: HistoryStore) -> None:
    """As when the user picks another routine: the running session is stopped, then the plan changes
    (the app model may tell the plan before the stop's events arrive)."""
    from massage_gui.core.plan import build_plan
    from massage_gui.core.settings import Settings
    from tests.core.history.helpers import SHORT

    rig = Rig(store)
    rig.start()
    rig.run(22)
    other = build_plan(SHORT, Settings(), "other")
    rig.recorder.set_plan(other)  # told first
    rig.feed(rig.seq.stop())  # then the stop
    row = rig.row()
    assert (row.routine_id, row.steps_completed, row.ended_utc) == ("short", 1, iso_utc(WALL_START + 22))
    assert rig.recorder.plan is other
