"""Values from files said back in messages as JSON writes them (null, true, "text"), and JSON paths to them."""

from __future__ import annotations

import json
from typing import Any


def as_json(value: Any) -> str:
    """A value from a JSON file as JSON spells it: ``null``, ``true``, ``1.5``, ``"cheeks"``."""
    return json.dumps(value, ensure_ascii=False)


def key_path(path: str, key: str) -> str:
    """The JSON path of ``key`` inside ``path``: ``steps[0].area``; a key that is not a plain name (a line
    break, a space...) is quoted JSON-style, ``steps[0]["a b"]``, so that the message stays one line."""
    if key.isidentifier():
        return f"{path}.{key}" if path else key
    return f"{path}[{as_json(key)}]" if path else as_json(key)
