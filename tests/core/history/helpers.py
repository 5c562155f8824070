"""Shared by the history tests: a short routine, a recording rig on fake clocks, records, and export readers."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import re
from pathlib import Path

from massage_gui.core.history import HistoryStore, SessionRecord, SessionRecorder
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.sequencer import Event, Sequencer
from massage_gui.core.settings import Settings
from tests.fake_clock import FakeClock

BAD_NAME = re.compile(r"^history\.sqlite3\.bad-\d{8}T\d{12}Z$")
WALL_START = 1_717_400_000.0  # 2024-06-03T07:33:20Z, a Monday
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

# Timeline at the default settings (lead-in 5, transitions 3, pace 2, breath 6):
#   lead-in 0-5 | breathing 5-17 (2 x 6 s) | 17-20 | collarbone 20-26 (3 x 2 s) | 26-29 | cheeks 29-35 (2 x 3 s)
SHORT = Routine(
    name="Short",
    steps=(
        Step("breathing", "breath", 2),
        Step("collarbone", "circles", 3, "terminus"),
        Step("cheeks", "stretch", 2, "submandibular", pace_factor=1.5),
    ),
)
STEP_S = (12.0, 6.0, 6.0)


def short_plan(**changes: object) -> Plan:
    return build_plan(SHORT, dataclasses.replace(Settings(), **changes), "short")  # type: ignore[arg-type]


class Rig:
    """A sequencer on a fake monotonic clock, a fake wall clock, and a recorder listening to both."""

    def __init__(self, store: HistoryStore, plan: Plan | None = None, offset_min: int = 60) -> None:
        plan = plan or short_plan()
        self.store = store
        self.clock = FakeClock(1000.0)
        self.wall = FakeClock(WALL_START)
        self.seq = Sequencer(plan, self.clock)
        self.recorder = SessionRecorder(store, plan, self.wall, utc_offset_min=lambda _t: offset_min)
        self.events: list[Event] = []

    def feed(self, events: list[Event]) -> None:
        self.events += events
        self.recorder.handle(events)

    def start(self) -> None:
        self.feed(self.seq.start())

    def run(self, seconds: float, step: float = 0.25) -> None:
        """Let time pass, ticking like the app does (pauses let the wall clock run on)."""
        remaining = seconds
        while remaining > 1e-9:
            dt_s = min(step, remaining)
            self.clock.now += dt_s
            self.wall.now += dt_s
            remaining -= dt_s
            self.feed(self.seq.tick())

    def replan(self, **changes: object) -> None:
        """New settings mid-session: the recorder learns of them from the events alone."""
        settings = dataclasses.replace(self.seq.plan.settings, **changes)  # type: ignore[arg-type]
        self.feed(self.seq.replan(settings))

    def row(self) -> SessionRecord:
        rows = self.store.sessions()
        assert len(rows) == 1, rows
        return rows[0]


def make_record(**changes: object) -> SessionRecord:
    values: dict[str, object] = {
        "id": 0,
        "started_utc": "2024-06-03T07:30:00+00:00",
        "utc_offset_min": 120,
        "routine_id": "standard",
        "routine_name": "Standard",
        "planned_s": 610.0,
        "massaged_s": 600.0,
        "steps_completed": 12,
        "steps_skipped": 0,
        "pace_s": 2.0,
        "finished": True,
        "ended_utc": "2024-06-03T07:40:30+00:00",
    }
    values.update(changes)
    if "reached_end" not in changes:
        values["reached_end"] = bool(values["finished"])
    return SessionRecord(**values)  # type: ignore[arg-type]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parse_csv(text: str) -> list[SessionRecord]:
    """Read an export back (as a spreadsheet or a therapist's script would)."""
    kinds = {f.name: f.type for f in dataclasses.fields(SessionRecord)}
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    records = []
    for row in rows:
        values: dict[str, object] = {}
        for name, cell in row.items():
            kind = kinds[name]
            if kind == "int":
                values[name] = int(cell)
            elif kind == "float":
                values[name] = float(cell)
            elif kind == "bool":
                assert cell in ("true", "false")
                values[name] = cell == "true"
            elif kind == "str | None":
                values[name] = cell or None
            else:
                values[name] = cell
        records.append(SessionRecord(**values))  # type: ignore[arg-type]
    return records


def parse_json(text: str) -> list[SessionRecord]:
    data = json.loads(text)
    assert isinstance(data, list)
    return [SessionRecord(**item) for item in data]
