"""The diary draft file: what it keeps, and a clear error naming the field that is not as the app writes it."""

from __future__ import annotations

from typing import Any

import pytest

from massage_gui.core.diary_draft import (
    DIARY_DRAFT_KIND,
    FIELD_MAX_CHARS,
    NOTE_DRAFT_MAX_CHARS,
    DiaryDraft,
    dump_draft,
    parse_draft,
)
from massage_gui.core.errors import DataError


def test_a_draft_reads_back_as_it_was_written() -> None:
    draft = DiaryDraft(swelling=0, tightness=None, measurements=(("neck", "38,5"), ("mouth_left", "x")),
                       note="Tight\nafter the drive", session_id=12)  # fmt: skip
    assert parse_draft(dump_draft(draft)) == draft
    raw = DIARY_DRAFT_KIND.encode(draft)
    assert DIARY_DRAFT_KIND.read_bytes(raw, "diary-draft.json").value == draft


def test_only_a_draft_with_something_typed_is_kept() -> None:
    assert DiaryDraft().empty
    assert DiaryDraft(session_id=3).empty, "a session alone is nothing typed"
    assert not DiaryDraft(tightness=0).empty
    assert not DiaryDraft(measurements=(("neck", "3"),)).empty
    assert not DiaryDraft(note=" ").empty


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (7, "expected an object"),
        ({"swelling": 11}, "swelling: expected a whole number from 0 to 10"),
        ({"tightness": True}, "tightness: expected a whole number"),
        ({"tightness": "3"}, "tightness: expected a whole number"),
        ({"measurements": []}, "measurements: expected an object"),
        ({"measurements": {"knee": "30"}}, "unknown measuring point 'knee'"),
        ({"measurements": {"neck": 38.5}}, "measurements.neck: expected text"),
        ({"measurements": {"neck": "1" * (FIELD_MAX_CHARS + 1)}}, "measurements.neck: expected text"),
        ({"note": None}, "note: expected text"),
        ({"session_id": -1}, "session_id: expected a whole number of 0 or more"),
        ({"session_id": 1.5}, "session_id: expected a whole number of 0 or more"),
        ({"mood": 3}, "unknown field 'mood'"),
    ],
)
def test_a_bad_field_is_named(body: Any, named: str) -> None:
    with pytest.raises(DataError) as raised:
        parse_draft(body)
    assert str(raised.value).startswith("diary draft: ")
    assert named in str(raised.value)


def test_a_form_as_typed_leaves_out_empty_fields_and_keeps_what_a_draft_file_holds() -> None:
    draft = DiaryDraft.as_typed(
        {"swelling": 3, "tightness": None},
        {"mouth_right": "4", "neck": "38,5", "ear_to_ear": ""},
        "n" * (NOTE_DRAFT_MAX_CHARS + 5),
        7,
    )
    assert (draft.swelling, draft.tightness, draft.session_id) == (3, None, 7)
    assert draft.measurements == (("neck", "38,5"), ("mouth_right", "4")), "in the form's order, typed ones only"
    assert len(draft.note) == NOTE_DRAFT_MAX_CHARS
    assert parse_draft(dump_draft(draft)) == draft
    long = DiaryDraft.as_typed({}, {"neck": "9" * (FIELD_MAX_CHARS + 1)}, "", None)
    assert long.measurements == (("neck", "9" * FIELD_MAX_CHARS),)
