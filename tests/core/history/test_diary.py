"""The swelling diary: checked values, the schema-3 table, old histories upgrading with every session, exports."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from massage_gui.core.diary import (
    DIARY_FIELDS,
    MEASURE_FIELDS,
    POINT_KEYS,
    DiaryEntry,
    DiaryError,
    check_values,
    measure_points,
    new_entry,
    parse_measurement,
    parse_rating,
    purpose_text,
    see_doctor_text,
    with_values,
)
from massage_gui.core.history import HistoryStore, diary_to_csv, diary_to_json
from tests.core.history.helpers import make_record

NOTED = "2024-06-03T19:45:00+00:00"

# -- values ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("given_value", "expected"), [(0, 0), (10, 10), ("7", 7), (" 3 ", 3), ("5,0", 5)])
def test_ratings_from_0_to_10_are_accepted(given_value: object, expected: int) -> None:
    assert parse_rating("swelling", given_value) == expected


@pytest.mark.parametrize(
    ("given_value", "words"),
    [
        (-1, "not a whole number from 0 to 10"),
        (11, "not a whole number from 0 to 10"),
        ("4.5", "not a whole number from 0 to 10"),
        ("lots", "“lots” is not a number"),
        ("", "choose a number from 0 to 10"),
        (None, "choose a number from 0 to 10"),
        (True, "choose a number from 0 to 10"),
        ("nan", "“nan” is not a number"),
    ],
)
def test_a_bad_rating_is_refused_with_its_name(given_value: object, words: str) -> None:
    with pytest.raises(DiaryError) as caught:
        parse_rating("tightness", given_value)
    assert str(caught.value).startswith("Tightness: ")
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("given_value", "expected"),
    [("38.5", 38.5), ("38,5", 38.5), ("38.54 cm", 38.5), (41, 41.0), ("", None), ("  ", None), (None, None)],
)
def test_measurements_in_centimetres(given_value: object, expected: float | None) -> None:
    assert parse_measurement("neck", given_value) == expected


@pytest.mark.parametrize(
    ("key", "given_value", "words"),
    [
        ("neck", "-38", "cannot be right"),
        ("neck", "0", "cannot be right"),
        ("neck", "380", "outside 20 to 80 cm"),
        ("neck", "15", "outside 20 to 80 cm"),
        ("mouth_left", "120", "outside 4 to 25 cm"),
        ("ear_to_ear", "thirty", "“thirty” is not a number of centimetres"),
        ("ear_to_ear", "inf", "is not a number of centimetres"),
        ("ear_to_ear", "1e400", "is not a number of centimetres"),
        ("mouth_right", "12 in", "is not a number of centimetres"),
    ],
)
def test_a_bad_measurement_is_refused_naming_the_point(key: str, given_value: str, words: str) -> None:
    label = next(p.label for p in measure_points() if p.key == key)
    with pytest.raises(DiaryError) as caught:
        parse_measurement(key, given_value)
    assert str(caught.value).startswith(f"{label}: ")
    assert words in str(caught.value)


def test_a_notes_tabs_become_spaces_and_its_line_breaks_stay() -> None:
    """A tab (pasted from a spreadsheet, say) would break the columns of `massage-gui diary` and of a table."""
    values = check_values(1, 1, note="neck\t38.5\nafter lunch\r\n\tstill tight")
    assert values.note == "neck 38.5\nafter lunch\n still tight"


def test_check_values_refuses_the_first_bad_value_and_unknown_points() -> None:
    values = check_values("2", 3, {"neck": "38.5", "mouth_left": ""}, note=" felt tight \x1b[31m after lunch ")
    assert (values.swelling, values.tightness) == (2, 3)
    assert dict(values.measurements) == {"neck": 38.5, "ear_to_ear": None, "mouth_left": None, "mouth_right": None}
    assert values.note == "felt tight [31m after lunch"  # control characters taken out
    with pytest.raises(DiaryError, match="Swelling"):
        check_values(12, 3)
    with pytest.raises(DiaryError, match="forehead"):
        check_values(1, 1, {"forehead": "10"})
    with pytest.raises(DiaryError, match="too long"):
        check_values(1, 1, note="x" * 2001)


def test_every_point_is_explained_and_stored() -> None:
    points = measure_points()
    assert tuple(p.key for p in points) == POINT_KEYS
    assert all(p.label and len(p.how) > 40 and 0 < p.low < p.high for p in points)
    assert tuple(f"{key}_cm" for key in POINT_KEYS) == MEASURE_FIELDS
    assert set(MEASURE_FIELDS) < set(DIARY_FIELDS)


def test_the_words_make_no_claim_and_send_new_swelling_to_a_doctor() -> None:
    purpose = purpose_text().lower()
    assert "therapist" in purpose
    assert "does not tell what caused a change" in purpose
    for claim in ("reduce", "improve", "works", "because of the massage", "treat"):
        assert claim not in purpose
    doctor = see_doctor_text().lower()
    for sign in ("new swelling", "grows quickly", "lump", "redness", "fever", "doctor"):
        assert sign in doctor


# -- the store ---------------------------------------------------------------------------------------------


def _entry(**changes: object) -> DiaryEntry:
    values = check_values(changes.pop("swelling", 4), changes.pop("tightness", 5), changes.pop("cm", {"neck": "38.5"}))
    entry = new_entry(values, str(changes.pop("noted", NOTED)), 120, changes.pop("session_id", None))  # type: ignore[arg-type]
    assert not changes
    return entry


def test_diary_entries_round_trip(store: HistoryStore) -> None:
    session = store.add_session(make_record())
    first = store.add_diary_entry(_entry(session_id=session))
    second = store.add_diary_entry(_entry(noted="2024-06-04T07:00:00+00:00", cm={}))
    entries = store.diary_entries()
    assert [e.id for e in entries] == [second, first]  # newest first
    assert entries[1] == DiaryEntry(first, NOTED, 120, session, 4, 5, 38.5, None, None, None, "")
    assert entries[1].local_date.isoformat() == "2024-06-03"
    assert entries[1].noted.hour == 21
    edited = with_values(entries[1], check_values(1, 2, {"mouth_left": "11.2"}, "better"))
    assert store.update_diary_entry(edited)
    assert store.diary_entries()[1] == edited
    assert store.delete_diary_entry(second)
    assert not store.delete_diary_entry(second)
    assert not store.update_diary_entry(_entry())  # id 0: no such row


def test_deleting_sessions_keeps_the_diary(store: HistoryStore) -> None:
    session = store.add_session(make_record())
    store.add_diary_entry(_entry(session_id=session))
    assert store.delete_session(session)
    assert [e.session_id for e in store.diary_entries()] == [None]
    other = store.add_session(make_record())
    store.add_diary_entry(_entry(session_id=other))
    assert store.delete_all() == 1
    assert [e.session_id for e in store.diary_entries()] == [None, None]
    assert store.delete_diary() == 2
    assert store.diary_entries() == []


def test_damaged_diary_rows_are_left_out(store: HistoryStore, history_path: Path) -> None:
    store.add_diary_entry(_entry())
    conn = sqlite3.connect(history_path)
    conn.execute(
        "INSERT INTO diary (noted_utc, utc_offset_min, swelling, tightness, neck_cm) VALUES (?, 0, 11, 2, NULL)",
        (NOTED,),
    )
    conn.execute("INSERT INTO diary (noted_utc, utc_offset_min, swelling, tightness) VALUES ('soon', 0, 1, 1)")
    conn.execute(
        "INSERT INTO diary (noted_utc, utc_offset_min, swelling, tightness, neck_cm) VALUES (?, 0, 1, 1, 'x')",
        (NOTED,),
    )
    conn.commit()
    conn.close()
    assert len(store.diary_entries()) == 1


def test_finished_since_lists_finished_sessions_only(store: HistoryStore) -> None:
    store.add_session(make_record(started_utc="2024-06-02T07:00:00+00:00"))
    kept = store.add_session(make_record(started_utc="2024-06-03T07:00:00+00:00"))
    store.add_session(make_record(started_utc="2024-06-03T08:00:00+00:00", finished=False))
    assert [r.id for r in store.finished_since("2024-06-03T00:00:00+00:00")] == [kept]


# -- old files ---------------------------------------------------------------------------------------------

# The SQL of the two earlier schemas, as those versions wrote it (massage_gui/core/history/schema.py then).
SCHEMA_1 = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    routine_id TEXT NOT NULL,
    routine_name TEXT NOT NULL,
    planned_s REAL NOT NULL,
    massaged_s REAL NOT NULL DEFAULT 0,
    steps_completed INTEGER NOT NULL DEFAULT 0,
    steps_skipped INTEGER NOT NULL DEFAULT 0,
    pace_s REAL NOT NULL,
    finished INTEGER NOT NULL DEFAULT 0,
    ended_utc TEXT
);
CREATE INDEX sessions_by_start ON sessions (started_utc);
"""
SCHEMA_2_ADDS = """
ALTER TABLE sessions ADD COLUMN reached_end INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN updated_utc TEXT;
"""


def _old_history(path: Path, version: int, sessions: int) -> list[tuple[object, ...]]:
    """A history file as schema ``version`` (1 or 2) wrote it, with ``sessions`` rows; returns the rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_1 + (SCHEMA_2_ADDS if version == 2 else ""))
    for i in range(sessions):
        started = f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}T07:00:00+00:00"
        ended = f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}T07:10:00+00:00"
        values: tuple[object, ...] = (started, 60, "standard", f"Standard {i}", 600.0, 590.5, 12, 0, 2.0, 1, ended)
        columns = "started_utc, utc_offset_min, routine_id, routine_name, planned_s, massaged_s, steps_completed, " \
                  "steps_skipped, pace_s, finished, ended_utc"  # fmt: skip
        if version == 2:
            values += (1, ended)
            columns += ", reached_end, updated_utc"
        conn.execute(f"INSERT INTO sessions ({columns}) VALUES ({', '.join('?' * len(values))})", values)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    rows = conn.execute("SELECT * FROM sessions ORDER BY id").fetchall()
    conn.close()
    return rows


@pytest.mark.parametrize("version", [1, 2])
def test_an_old_history_upgrades_to_the_diary_keeping_every_session(tmp_path: Path, version: int) -> None:
    path = tmp_path / "history.sqlite3"
    before = _old_history(path, version, sessions=60)
    reader, notice = HistoryStore.open_read_only(path)  # the command line reads it as it is: no diary yet
    assert notice == ""
    assert (reader.has_diary, reader.diary_entries(), len(reader.sessions())) == (False, [], 60)
    reader.close()

    store, notice = HistoryStore.open(path)
    assert notice == ""
    assert store.schema_version == 3
    assert store.has_diary
    records = store.sessions()
    assert len(records) == 60
    assert {r.routine_name for r in records} == {f"Standard {i}" for i in range(60)}
    assert all(r.finished and r.massaged_s == 590.5 for r in records)
    store.add_diary_entry(_entry(session_id=records[0].id))
    store.close()
    conn = sqlite3.connect(path)
    after = conn.execute("SELECT * FROM sessions ORDER BY id").fetchall()
    conn.close()
    assert [row[: len(before[0])] for row in after] == before  # every value of every session kept
    assert path.with_name(f"history.sqlite3.v{version}.bak").exists()
    again, _ = HistoryStore.open_read_only(path)
    assert [e.session_id for e in again.diary_entries()] == [records[0].id]
    again.close()


def test_a_history_claiming_schema_3_without_a_diary_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    _old_history(path, 2, sessions=1)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    store, notice = HistoryStore.open(path)
    assert "no diary" in notice
    assert store.writable
    assert store.sessions() == []
    store.close()
    moved = [p for p in tmp_path.iterdir() if ".bad-" in p.name and not p.name.endswith("-wal")]
    assert len(moved) == 1
    conn = sqlite3.connect(moved[0])
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1  # kept for the user
    conn.close()


# -- exports -----------------------------------------------------------------------------------------------

entries_strategy = st.lists(
    st.builds(
        lambda s, t, cm, note, session: new_entry(
            check_values(s, t, dict(zip(POINT_KEYS, cm, strict=True)), note), NOTED, 60, session
        ),
        st.integers(0, 10),
        st.integers(0, 10),
        st.tuples(*(st.none() | st.floats(p.low, p.high).map(lambda v: f"{v:.1f}") for p in measure_points())),
        st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=30).map(str.strip),
        st.none() | st.integers(1, 10**6),
    ),
    max_size=5,
)


@given(entries_strategy)
def test_diary_exports_round_trip(entries: list[DiaryEntry]) -> None:
    assert [DiaryEntry(**item) for item in json.loads(diary_to_json(entries))] == entries
    rows = list(csv.DictReader(io.StringIO(diary_to_csv(entries), newline="")))
    assert len(rows) == len(entries)
    for row, entry in zip(rows, entries, strict=True):
        assert list(row) == list(DIARY_FIELDS)
        assert int(row["swelling"]) == entry.swelling
        for name in MEASURE_FIELDS:
            value = entry.to_json()[name]
            assert row[name] == ("" if value is None else repr(value))
        assert row["session_id"] == ("" if entry.session_id is None else str(entry.session_id))
        assert row["note"] == entry.note


def test_diary_export_shapes() -> None:
    entry = _entry(session_id=7)
    assert json.loads(diary_to_json([entry])) == [
        {"id": 0, "noted_utc": NOTED, "utc_offset_min": 120, "session_id": 7, "swelling": 4, "tightness": 5,
         "neck_cm": 38.5, "ear_to_ear_cm": None, "mouth_left_cm": None, "mouth_right_cm": None, "note": ""}
    ]  # fmt: skip
    assert diary_to_csv([entry]).splitlines() == [
        ",".join(DIARY_FIELDS),
        f"0,{NOTED},120,7,4,5,38.5,,,,",
    ]
