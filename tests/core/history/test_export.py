"""Exports of the session log: CSV and JSON shapes and round trips."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from massage_gui.core.history import RECORD_FIELDS, HistoryStore, SessionRecord, records_to_csv, records_to_json
from tests.core.history.helpers import Rig, make_record, parse_csv, parse_json

safe_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
records_strategy = st.lists(
    st.builds(
        SessionRecord,
        id=st.integers(1, 2**40),
        started_utc=st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2100, 1, 1)).map(
            lambda d: d.replace(microsecond=0, tzinfo=dt.timezone.utc).isoformat()
        ),
        utc_offset_min=st.integers(-720, 840),
        routine_id=safe_text,
        routine_name=safe_text,
        planned_s=st.floats(0, 1e6),
        massaged_s=st.floats(0, 1e6),
        steps_completed=st.integers(0, 200),
        steps_skipped=st.integers(0, 200),
        pace_s=st.floats(1, 4),
        finished=st.booleans(),
        ended_utc=st.none() | st.just("2024-06-03T07:40:30+00:00"),
    ),
    max_size=5,
)


@given(records_strategy)
def test_export_round_trips(records: list[SessionRecord]) -> None:
    assert parse_json(records_to_json(records)) == records
    assert parse_csv(records_to_csv(records)) == records


def test_export_shapes() -> None:
    tricky = make_record(id=7, routine_name='Eve, "calm"\nface', ended_utc=None, finished=False)
    data = json.loads(records_to_json([tricky]))
    assert data == [dict(zip(RECORD_FIELDS, dataclasses.astuple(tricky)[: len(RECORD_FIELDS)], strict=True))]
    assert list(data[0]) == list(RECORD_FIELDS)
    text = records_to_csv([tricky])
    header = text.splitlines()[0]
    assert header == ",".join(RECORD_FIELDS)
    assert ",false," in text
    assert text.endswith(",\r\n")  # no end time: an empty last cell
    assert parse_csv(text) == [tricky]
    assert records_to_csv([]) == ",".join(RECORD_FIELDS) + "\r\n"
    assert records_to_json([]) == "[]\n"


def test_exported_from_a_recorded_session(store: HistoryStore) -> None:
    rig = Rig(store)
    rig.start()
    rig.run(40)
    rig.start()
    rig.run(22)
    rig.feed(rig.seq.stop())
    records = store.sessions()
    assert len(records) == 2
    assert parse_csv(records_to_csv(records)) == records
    assert parse_json(records_to_json(records)) == records
