"""Guards against a Qt binding that corrupts None's reference count (PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QPainterPath


def test_void_qt_calls_do_not_drop_references_to_none() -> None:
    path = QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(2000):
        path.lineTo(1.0, 1.0)
    # A binding that returns None without a new reference loses one per call and, on Python < 3.12,
    # aborts the app after a few thousand paint calls. pyproject.toml keeps such versions out.
    assert sys.getrefcount(None) >= before - 100
