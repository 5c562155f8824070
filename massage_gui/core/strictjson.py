"""Strict JSON parsing: UTF-8 only, no NaN or Infinity, no duplicate keys, bounded size and depth."""

from __future__ import annotations

import json
from typing import Any

from massage_gui.core.errors import DataError
from massage_gui.core.quoting import key_path

MAX_DEPTH = 16
MAX_INT_DIGITS = 100  # far beyond any real value; stops int() and float() from failing on huge literals


class _Invalid:
    """Stands in for a value the parser refuses, so that the error can name its JSON path."""

    def __init__(self, problem: str, key: str = "") -> None:
        self.problem = problem
        self.key = key


def _reject_constant(name: str) -> Any:
    return _Invalid(f"{name} is not allowed in JSON")


def _parse_int(text: str) -> Any:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        return _Invalid(f"a number of {digits} digits is not allowed")
    return int(text)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> Any:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            return _Invalid("duplicate key", key)
        result[key] = value
    return result


def _find_invalid(value: Any, path: str) -> str | None:
    """The first refused value in parsed data, as 'path: problem' (nesting is bounded by MAX_DEPTH)."""
    if isinstance(value, _Invalid):
        where = key_path(path, value.key) if value.key else path
        return f"{where or 'top level'}: {value.problem}"
    if isinstance(value, dict):
        items = [(key_path(path, k), v) for k, v in value.items()]
    elif isinstance(value, list):
        items = [(f"{path}[{i}]", v) for i, v in enumerate(value)]
    else:
        return None
    for where, item in items:
        found = _find_invalid(item, where)
        if found:
            return found
    return None


def _depth(data: bytes) -> int:
    """Deepest bracket nesting, counted outside strings, before parsing (json recursion is not cheap)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def loads_strict(data: bytes, *, max_bytes: int, what: str = "file") -> Any:
    """Parse ``data`` as strict JSON or raise DataError saying why."""
    if len(data) > max_bytes:
        raise DataError(f"{what} is {len(data)} bytes, more than the {max_bytes} allowed")
    if _depth(data) > MAX_DEPTH:
        raise DataError(f"{what} is nested more than {MAX_DEPTH} levels deep")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{what} is not UTF-8 (byte {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        result = json.loads(
            text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant, parse_int=_parse_int
        )
    except json.JSONDecodeError as exc:
        reason = exc.msg.removesuffix(" at")  # "Unterminated string starting at", "Invalid control character at"
        raise DataError(f"{what} is not valid JSON: {reason} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise DataError(f"{what} is nested too deeply") from None
    problem = _find_invalid(result, "")
    if problem:
        raise DataError(problem)
    return result
