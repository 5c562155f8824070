"""The swelling diary: how swelling and tightness feel (0 to 10) and optional tape measurements, checked.

The measuring points are the ones a person can take alone at home with a soft tape and a mirror (see
``measure_points``); clinics use more points and a second person. An entry is the user's own note for
them and their therapist: nothing here compares entries with sessions or draws conclusions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from massage_gui.core.errors import DataError
from massage_gui.core.formatting import wall_time
from massage_gui.core.i18n import translate

RATING_MIN = 0
RATING_MAX = 10
NOTE_MAX_CHARS = 2000


@dataclass(frozen=True)
class MeasurePoint:
    """One tape measurement: ``key`` names its stored field (``<key>_cm``); ``low`` and ``high`` bound a
    reading that can be right for an adult."""

    key: str
    label: str
    how: str
    low: float
    high: float


# The points' keys and the bounds of a reading that can be right for an adult (outside them it is a
# mistyped or misread tape); their words come from ``measure_points`` in the UI's language.
_BOUNDS: dict[str, tuple[float, float]] = {
    "neck": (20.0, 80.0),
    "ear_to_ear": (10.0, 60.0),
    "mouth_left": (4.0, 25.0),
    "mouth_right": (4.0, 25.0),
}
POINT_KEYS: tuple[str, ...] = tuple(_BOUNDS)


def measure_points() -> tuple[MeasurePoint, ...]:
    """The measuring points with their names and how to take them, in the UI's language."""
    words = {
        "neck": (
            translate("diary", "Around the neck"),
            translate(
                "diary",
                "Round the middle of your neck, at the same height each time (for example just below the "
                "Adam's apple), the tape flat and snug but not pressing.",
            ),
        ),
        "ear_to_ear": (
            translate("diary", "Ear to ear under the chin"),
            translate(
                "diary",
                "From where one ear lobe joins the cheek, down under your chin, to the same place at the other ear.",
            ),
        ),
        "mouth_left": (
            translate("diary", "Ear to mouth corner, left"),
            translate(
                "diary",
                "From the small flap in front of your left ear (the tragus) to the left corner of your mouth, "
                "mouth closed and relaxed.",
            ),
        ),
        "mouth_right": (
            translate("diary", "Ear to mouth corner, right"),
            translate(
                "diary",
                "From the small flap in front of your right ear (the tragus) to the right corner of your mouth, "
                "mouth closed and relaxed.",
            ),
        ),
    }
    return tuple(MeasurePoint(key, *words[key], *_BOUNDS[key]) for key in POINT_KEYS)


def point(key: str) -> MeasurePoint:
    return next(p for p in measure_points() if p.key == key)


@dataclass(frozen=True)
class DiaryEntry:
    """One diary entry as stored. ``noted_utc`` is ISO 8601 in UTC, ``utc_offset_min`` the local offset
    then; ``session_id`` the session it was noted after (None: noted on its own, or that session was
    deleted). ``swelling`` and ``tightness`` are 0 (none) to 10 (the worst you can imagine); each
    measurement is in centimetres, None when not taken."""

    id: int
    noted_utc: str
    utc_offset_min: int
    session_id: int | None
    swelling: int
    tightness: int
    neck_cm: float | None = None
    ear_to_ear_cm: float | None = None
    mouth_left_cm: float | None = None
    mouth_right_cm: float | None = None
    note: str = ""

    @property
    def noted(self) -> dt.datetime:
        """When it was noted, in the user's local time then (an aware datetime)."""
        return wall_time(self.noted_utc, self.utc_offset_min)

    @property
    def local_date(self) -> dt.date:
        return self.noted.date()

    def measurement(self, key: str) -> float | None:
        value: float | None = getattr(self, f"{key}_cm")
        return value

    def to_json(self) -> dict[str, Any]:
        """Every field (``DIARY_FIELDS``), in order."""
        return {name: getattr(self, name) for name in DIARY_FIELDS}


DIARY_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(DiaryEntry))
MEASURE_FIELDS: tuple[str, ...] = tuple(f"{key}_cm" for key in POINT_KEYS)


class DiaryError(DataError):
    """A diary value the user typed cannot be saved; the message names the field and why."""


@dataclass(frozen=True)
class DiaryValues:
    """What the user entered, checked: the part of an entry that is not when or after which session."""

    swelling: int
    tightness: int
    measurements: Mapping[str, float | None]
    note: str = ""


def rating_labels() -> dict[str, str]:
    return {
        "swelling": translate("diary", "Swelling"),
        "tightness": translate("diary", "Tightness"),
    }


def parse_rating(name: str, value: object) -> int:
    """A 0 to 10 rating from a whole number or its text; DiaryError naming ``name`` otherwise."""
    label = rating_labels().get(name, name)
    number: float | None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, str):
        number = _number(value)
        if number is None and value.strip():
            raise DiaryError(
                translate("diary", "{field}: “{text}” is not a number.").format(field=label, text=value.strip()[:40])
            )
    else:
        number = None
    if number is None:
        raise DiaryError(translate("diary", "{field}: choose a number from 0 to 10.").format(field=label))
    if number != int(number) or not RATING_MIN <= number <= RATING_MAX:
        raise DiaryError(
            translate("diary", "{field}: {value} is not a whole number from 0 to 10.").format(
                field=label, value=_shown(number)
            )
        )
    return int(number)


def parse_measurement(key: str, value: object) -> float | None:
    """Centimetres from a number or its text ('38.5' or '38,5'); empty means not taken (None).
    Rounded to a millimetre. DiaryError naming the point for a negative, absurd or non-number value."""
    where = point(key)
    label = where.label
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: float | None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        number = _number(value.strip().removesuffix("cm").strip())
    else:
        number = None
    if number is None or not math.isfinite(number):
        text = value.strip()[:40] if isinstance(value, str) else repr(value)[:40]
        raise DiaryError(
            translate("diary", "{field}: “{text}” is not a number of centimetres.").format(field=label, text=text)
        )
    if number <= 0:
        raise DiaryError(
            translate("diary", "{field}: {value} cm cannot be right: a measurement is more than 0.").format(
                field=label, value=_shown(number)
            )
        )
    if not where.low <= number <= where.high:
        raise DiaryError(
            translate(
                "diary",
                "{field}: {value} cm is outside {low} to {high} cm: check the tape reading (centimetres, not inches).",
            ).format(field=label, value=_shown(number), low=_shown(where.low), high=_shown(where.high))
        )
    return round(number, 1)


def parse_note(text: str) -> str:
    """A note as plain text, at most ``NOTE_MAX_CHARS``: a tab made a space (it would break the columns of a
    table), other control characters but line breaks removed."""
    cleaned = "".join(c for c in text.replace("\t", " ") if c == "\n" or c.isprintable()).strip()
    if len(cleaned) > NOTE_MAX_CHARS:
        raise DiaryError(
            translate("diary", "Note: {count} characters is too long (at most {limit}).").format(
                count=len(cleaned), limit=NOTE_MAX_CHARS
            )
        )
    return cleaned


def check_values(
    swelling: object, tightness: object, measurements: Mapping[str, object] | None = None, note: str = ""
) -> DiaryValues:
    """Every value checked (raises DiaryError on the first bad one, naming it): ratings, then the
    measurements in ``POINT_KEYS`` order, then the note. Unknown measurement keys are refused."""
    given = dict(measurements or {})
    unknown = sorted(set(given) - set(POINT_KEYS))
    if unknown:
        raise DiaryError(f"unknown measuring point {unknown[0]!r}")
    checked = {key: parse_measurement(key, given.get(key)) for key in POINT_KEYS}
    return DiaryValues(
        parse_rating("swelling", swelling), parse_rating("tightness", tightness), checked, parse_note(note)
    )


def new_entry(values: DiaryValues, noted_utc: str, utc_offset_min: int, session_id: int | None = None) -> DiaryEntry:
    """An entry (id 0 until stored) from checked values."""
    return with_values(DiaryEntry(0, noted_utc, utc_offset_min, session_id, 0, 0), values)


def with_values(entry: DiaryEntry, values: DiaryValues) -> DiaryEntry:
    """``entry`` (same id, time and session) with the values given."""
    cm = values.measurements.get
    return dataclasses.replace(
        entry,
        swelling=values.swelling,
        tightness=values.tightness,
        neck_cm=cm("neck"),
        ear_to_ear_cm=cm("ear_to_ear"),
        mouth_left_cm=cm("mouth_left"),
        mouth_right_cm=cm("mouth_right"),
        note=values.note,
    )


def entry_from_row(row: Sequence[Any]) -> DiaryEntry | None:
    """A stored row of ``DIARY_FIELDS`` as an entry; None for a row with a value of the wrong type or out
    of range (a hand-edited or damaged file)."""
    id_, noted, offset, session, swelling, tightness, *cms, note = row
    if not (
        type(id_) is int
        and type(noted) is str
        and type(offset) is int
        and -24 * 60 < offset < 24 * 60
        and (session is None or type(session) is int)
        and type(swelling) is int
        and RATING_MIN <= swelling <= RATING_MAX
        and type(tightness) is int
        and RATING_MIN <= tightness <= RATING_MAX
        and all(cm is None or (type(cm) in (int, float) and math.isfinite(cm) and cm > 0) for cm in cms)
        and type(note) is str
    ):
        return None
    try:
        if dt.datetime.fromisoformat(noted).tzinfo is None:
            return None
    except ValueError:
        return None
    neck, ear_to_ear, mouth_left, mouth_right = (None if cm is None else float(cm) for cm in cms)
    return DiaryEntry(id_, noted, offset, session, swelling, tightness, neck, ear_to_ear, mouth_left, mouth_right,
                      note)  # fmt: skip


def _number(text: str) -> float | None:
    cleaned = text.strip().replace(",", ".")
    if not cleaned or not all(c in "0123456789.+-eE" for c in cleaned):
        return None
    try:
        return float(cleaned)
    except ValueError:
        return None


def _shown(number: float) -> str:
    return f"{number:g}"


def purpose_text() -> str:
    """What the diary is for, in honest words (shown above the form and in the History window)."""
    return translate(
        "diary",
        "This diary is for you and your therapist: how the swelling and tightness feel, and tape measurements "
        "if you take them. It does not tell what caused a change, and one reading on its own says little: "
        "look at the trend over weeks, measured the same way at the same time of day.",
    )


def see_doctor_text() -> str:
    """When to see a doctor rather than note or massage (shown with the diary)."""
    return translate(
        "diary",
        "Tell your doctor soon about new swelling or swelling that grows quickly, a new lump, or swelling with "
        "redness, warmth or fever. Do not massage it: have it checked first.",
    )


def sources_text() -> str:
    """Where the measuring points and the 0 to 10 ratings come from, as plain names."""
    return translate(
        "diary",
        "The measuring points follow the tape measurements head and neck clinics use, kept to the ones you can "
        "take alone with a tape and a mirror: neck circumference was the most reliable (Van Aperen and others, "
        "Cancers 2025; Chotipanich and Kongpit, PLoS One 2020), and ear to mouth corner the most precise of the "
        "facial distances (Chotipanich and Kongpit). Tightness and swelling are among the symptoms that differ "
        "in people with head and neck lymphoedema (Deng and others, LSIDS-H&N, Supportive Care in Cancer). "
        "The 0 to 10 ratings here are a simple scale of this app, not that questionnaire.",
    )
