"""Text from users and files said back in messages: shortened, and a file's values as JSON writes them (null,
true, "text"), with JSON paths to them."""

from __future__ import annotations

import json
from typing import Any

MAX_SHOWN = 60  # characters of a user's or a file's text said back in a message; the rest is "..."


def shortened(text: str) -> str:
    """``text``, or its first MAX_SHOWN characters and "..." (an error line stays readable, whatever it quotes)."""
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "..."


def as_json(value: Any) -> str:
    """A value from a JSON file as JSON spells it: ``null``, ``true``, ``1.5``, ``"cheeks"`` (shortened)."""
    if isinstance(value, str):
        return json.dumps(shortened(value), ensure_ascii=False)
    return shortened(json.dumps(value, ensure_ascii=False))


def key_path(path: str, key: str) -> str:
    """The JSON path of ``key`` inside ``path``: ``steps[0].area``; a key that is not a plain name (a line
    break, a space...) or is long is quoted JSON-style, ``steps[0]["a b"]``, so that the message stays one
    short line."""
    if key.isidentifier() and len(key) <= MAX_SHOWN:
        return f"{path}.{key}" if path else key
    return f"{path}[{as_json(key)}]" if path else as_json(key)
