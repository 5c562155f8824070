"""A diary entry being typed when the app was made to quit (logout, shutdown): kept as typed, to open again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from massage_gui.core.diary import NOTE_MAX_CHARS, POINT_KEYS, RATING_MAX, RATING_MIN
from massage_gui.core.errors import DataError
from massage_gui.core.store import DocumentKind

FIELD_MAX_CHARS = 100  # a measurement as typed: far more than a number needs, as the form takes it
NOTE_DRAFT_MAX_CHARS = 10 * NOTE_MAX_CHARS  # a note as typed, which may pass what a saved entry holds


@dataclass(frozen=True)
class DiaryDraft:
    """What the diary form held, unchecked: a rating not chosen yet is None, a measurement is its text."""

    swelling: int | None = None
    tightness: int | None = None
    measurements: tuple[tuple[str, str], ...] = ()  # (measuring point's key, as typed), only those typed in
    note: str = ""
    session_id: int | None = None  # the session the entry was offered after, if any

    @classmethod
    def as_typed(
        cls,
        ratings: Mapping[str, int | None],
        measurements: Mapping[str, str],
        note: str,
        session_id: int | None,
    ) -> DiaryDraft:
        """A draft of what a form holds: ``ratings`` by name ("swelling", "tightness"; None not chosen yet) and
        ``measurements`` by measuring point, as typed (empty ones left out), cut to what a draft file holds."""
        return cls(
            swelling=ratings.get("swelling"),
            tightness=ratings.get("tightness"),
            measurements=tuple(
                (key, measurements[key][:FIELD_MAX_CHARS]) for key in POINT_KEYS if measurements.get(key)
            ),
            note=note[:NOTE_DRAFT_MAX_CHARS],
            session_id=session_id,
        )

    @property
    def empty(self) -> bool:
        """Nothing typed: no draft to keep."""
        return self.swelling is None and self.tightness is None and not self.measurements and not self.note


def _rating(body: dict[str, Any], name: str) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not RATING_MIN <= value <= RATING_MAX:
        raise DataError(f"diary draft: {name}: expected a whole number from {RATING_MIN} to {RATING_MAX} or null")
    return value


def parse_draft(body: dict[str, Any]) -> DiaryDraft:
    """The draft a file holds; DataError naming the first field that is not as the app writes it."""
    if not isinstance(body, dict):
        raise DataError("diary draft: expected an object")
    unknown = sorted(set(body) - {"swelling", "tightness", "measurements", "note", "session_id"})
    if unknown:
        raise DataError(f"diary draft: unknown field {unknown[0]!r}")
    measurements = body.get("measurements", {})
    if not isinstance(measurements, dict):
        raise DataError("diary draft: measurements: expected an object")
    for key, text in measurements.items():
        if key not in POINT_KEYS:
            raise DataError(f"diary draft: measurements: unknown measuring point {key!r}")
        if not isinstance(text, str) or len(text) > FIELD_MAX_CHARS:
            raise DataError(f"diary draft: measurements.{key}: expected text of {FIELD_MAX_CHARS} characters or fewer")
    note = body.get("note", "")
    if not isinstance(note, str) or len(note) > NOTE_DRAFT_MAX_CHARS:
        raise DataError(f"diary draft: note: expected text of {NOTE_DRAFT_MAX_CHARS} characters or fewer")
    session_id = body.get("session_id")
    if session_id is not None and (isinstance(session_id, bool) or not isinstance(session_id, int) or session_id < 0):
        raise DataError("diary draft: session_id: expected a whole number of 0 or more, or null")
    return DiaryDraft(
        swelling=_rating(body, "swelling"),
        tightness=_rating(body, "tightness"),
        measurements=tuple((key, measurements[key]) for key in POINT_KEYS if key in measurements),
        note=note,
        session_id=session_id,
    )


def dump_draft(draft: DiaryDraft) -> dict[str, Any]:
    return {
        "swelling": draft.swelling,
        "tightness": draft.tightness,
        "measurements": dict(draft.measurements),
        "note": draft.note,
        "session_id": draft.session_id,
    }


DIARY_DRAFT_KIND: DocumentKind[DiaryDraft] = DocumentKind(
    schema="massage-gui/diary-draft", version=1, parse=parse_draft, dump=dump_draft, default=DiaryDraft
)
