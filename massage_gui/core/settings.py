"""User preferences as one declarative schema: each field carries its default, bounds and label."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

from massage_gui.core.anatomy import AREA_IDS
from massage_gui.core.errors import SettingsError
from massage_gui.core.reminders import DONE_KEY, MAX_REMINDERS, reminders_problem
from massage_gui.core.skips import skip_ids

THEMES = ("system", "light", "dark", "high_contrast")
TREATED_SIDES = ("none", "left", "right", "both")
LANGUAGES = ("system", "en", "de")


def _meta(label: str, *, group: str = "", timing: bool = False, **extra: Any) -> dict[str, Any]:
    """Field metadata: ``label`` (and any ``choice_labels``) are English; the UI translates them in the
    "settings" context, and tools/make_catalog.py lists them for lupdate. ``group`` places the field in
    Preferences (empty: not shown there); ``timing`` marks the fields that shape the plan's timeline."""
    return {"label": label, "group": group, "timing": timing, **extra}


@dataclass(frozen=True)
class Settings:
    """Preferences that shape a session. Edit with ``dataclasses.replace`` then ``validated()``."""

    pace_s: float = field(
        default=2.0,
        metadata=_meta("Pace (seconds per stroke)", group="session", timing=True, min=1.0, max=4.0, step=0.1, unit="s"),
    )
    breath_s: float = field(
        default=6.0,
        metadata=_meta("Breath length (seconds)", group="session", timing=True, min=3.0, max=12.0, step=0.5, unit="s"),
    )
    lead_in_s: float = field(
        default=5.0,
        metadata=_meta(
            "Lead-in before the first step (seconds)", group="session", timing=True, min=0.0, max=30.0, unit="s"
        ),
    )
    transition_s: float = field(
        default=3.0,
        metadata=_meta("Pause between steps (seconds)", group="session", timing=True, min=0.0, max=15.0, unit="s"),
    )
    # An area id skips both sides; "area:left" or "area:right" one side (core/skips.py).
    skipped_areas: frozenset[str] = field(
        default=frozenset(), metadata=_meta("Areas to skip", group="areas", timing=True, choices=skip_ids())
    )
    focus_areas: frozenset[str] = field(
        default=frozenset(), metadata=_meta("Areas to focus on", group="areas", timing=True, choices=AREA_IDS)
    )
    treated_side: str = field(
        default="none",
        metadata=_meta(
            "My neck lymph nodes were removed or treated with radiotherapy on",
            group="areas",
            timing=True,
            choices=TREATED_SIDES,
            choice_labels=("Neither side", "My left side", "My right side", "Both sides"),
        ),
    )
    mirror: bool = field(default=True, metadata=_meta("Mirror view (your left on the screen's left)", group="display"))
    reduced_motion: bool = field(default=False, metadata=_meta("Reduce motion (static arrows)", group="display"))
    show_labels: bool = field(default=True, metadata=_meta("Show node labels", group="display"))
    theme: str = field(
        default="system",
        metadata=_meta(
            "Colour scheme",
            group="display",
            choices=THEMES,
            choice_labels=("Follow the system", "Light", "Dark", "High contrast"),
        ),
    )
    sound: bool = field(default=True, metadata=_meta("Sound cues (a chime at each step)", group="sound"))
    stroke_ticks: bool = field(default=True, metadata=_meta("A soft tick at each stroke", group="sound"))
    volume: float = field(default=0.6, metadata=_meta("Volume", group="sound", min=0.0, max=1.0, step=0.05, unit="%"))
    voice: bool = field(default=True, metadata=_meta("Spoken cues (step names and the countdown)", group="sound"))
    voice_rate: float = field(
        default=0.0, metadata=_meta("Speaking rate", group="sound", min=-0.5, max=0.5, step=0.1, unit="")
    )
    voice_name: str = field(
        default="", metadata=_meta("Voice (empty: the system's default)", group="sound", max_length=200)
    )
    # Each language is named in itself; a change takes effect when the app next starts.
    language: str = field(
        default="system",
        metadata=_meta(
            "Language", group="display", choices=LANGUAGES, choice_labels=("System language", "English", "Deutsch")
        ),
    )
    reminders: bool = field(default=False, metadata=_meta("Remind me to do my routine", group="reminders"))
    # "HH:MM" (the routine used last) or "HH:MM=routine-id"; see core/reminders.py.
    reminder_times: frozenset[str] = field(
        default=frozenset({"08:00", "20:00"}), metadata=_meta("Reminder times", group="reminders", kind="reminders")
    )
    start_at_login: bool = field(
        default=False, metadata=_meta("Start massage-gui in the tray when I log in", group="reminders")
    )
    # "YYYY-MM-DD HH:MM": the reminders marked "Done today", so that a restart does not bring them back.
    reminders_done: frozenset[str] = field(default=frozenset(), metadata=_meta("Reminders done", kind="done"))
    last_routine: str = field(default="standard", metadata=_meta("Last routine used"))
    safety_confirmed: bool = field(default=False, metadata=_meta("Safety information read"))

    def validated(self) -> Settings:
        """Return self if every field is in range, else raise SettingsError naming the field."""
        for f in dataclasses.fields(self):
            problem = field_problem(f, getattr(self, f.name))
            if problem:
                raise SettingsError(f"{f.name}: {problem}")
        return self


def field_problem(f: dataclasses.Field[Any], value: Any) -> str | None:
    """Why ``value`` does not fit field ``f``, or None."""
    default = f.default
    meta = f.metadata
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "expected true or false"
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return "expected a number"
        if not meta["min"] <= value <= meta["max"]:
            return f"expected a number from {meta['min']:g} to {meta['max']:g}, got {value:g}"
        return None
    if isinstance(default, frozenset) and meta.get("kind") == "reminders":
        if not isinstance(value, frozenset):
            return "expected a list of times such as 08:00"
        return reminders_problem(sorted(value, key=str))
    if isinstance(default, frozenset) and meta.get("kind") == "done":
        if not isinstance(value, frozenset) or not all(isinstance(v, str) and DONE_KEY.match(v) for v in value):
            return "expected days and times such as 2024-06-03 20:00"
        return None if len(value) <= 4 * MAX_REMINDERS else f"expected at most {4 * MAX_REMINDERS} entries"
    if isinstance(default, frozenset):
        if not isinstance(value, frozenset) or not all(isinstance(v, str) for v in value):
            return "expected a set of area ids"
        unknown = sorted(value - set(meta["choices"]))
        return f"unknown area {unknown[0]!r}" if unknown else None
    if isinstance(default, str):
        if not isinstance(value, str):
            return "expected a string"
        if "choices" in meta and value not in meta["choices"]:
            return f"expected one of {', '.join(meta['choices'])}, got {value!r}"
        if len(value) > meta.get("max_length", 100):
            return f"expected at most {meta.get('max_length', 100)} characters"
        return None
    raise AssertionError(f"settings field {f.name} has no validator")


def changed_fields(old: Settings, new: Settings) -> frozenset[str]:
    """The names of the fields whose values differ."""
    return frozenset(f.name for f in dataclasses.fields(Settings) if getattr(old, f.name) != getattr(new, f.name))


def settings_field(name: str) -> dataclasses.Field[Any]:
    return next(f for f in dataclasses.fields(Settings) if f.name == name)


def clamp_pace(value: float) -> float:
    meta = settings_field("pace_s").metadata
    return float(min(max(value, meta["min"]), meta["max"]))


TIMING_FIELDS: frozenset[str] = frozenset(f.name for f in dataclasses.fields(Settings) if f.metadata["timing"])
