"""The settings file: only values that differ from the defaults, each checked against the schema."""

from __future__ import annotations

import dataclasses
from typing import Any

from massage_gui.core.settings import Settings, field_problem
from massage_gui.core.store import DocumentKind

_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}


def _from_json(name: str, value: Any) -> Any:
    if isinstance(_FIELDS[name].default, frozenset) and isinstance(value, list):
        return frozenset(value) if all(isinstance(v, str) for v in value) else value
    if isinstance(_FIELDS[name].default, float) and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _unwritable(value: Any) -> str | None:
    """Text read from a \\ud800 escape holds an unpaired surrogate, which cannot be saved as UTF-8."""
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "expected text, got an unpaired surrogate escape (\\ud800-\\udfff)"
    return None


def _accepted(body: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    values: dict[str, Any] = {}
    problems: list[str] = []
    for name, raw in body.items():
        if name not in _FIELDS:
            problems.append(f"unknown setting {name!r}")
            continue
        value = _from_json(name, raw)
        problem = field_problem(_FIELDS[name], value) or _unwritable(value)
        if problem:
            problems.append(f"{name} {problem}")
        else:
            values[name] = value
    return values, problems


def parse_settings(body: dict[str, Any]) -> Settings:
    """Every valid value is kept; an invalid or unknown one falls back to its default."""
    values, _ = _accepted(body)
    return dataclasses.replace(Settings(), **values)


def dump_settings(settings: Settings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(settings):
        value = getattr(settings, f.name)
        if value == f.default:
            continue
        out[f.name] = sorted(value) if isinstance(value, frozenset) else value
    return out


SETTINGS_KIND: DocumentKind[Settings] = DocumentKind(
    schema="massage-gui/settings",
    version=1,
    parse=parse_settings,
    dump=dump_settings,
    default=Settings,
    problems=lambda body: _accepted(body)[1],
)
