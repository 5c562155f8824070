"""Fixtures of the history tests: a history file's place, and a store opened on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from massage_gui.core.history import HistoryStore


@pytest.fixture
def history_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def store(history_path: Path) -> Iterator[HistoryStore]:
    opened, notice = HistoryStore.open(history_path)
    assert notice == ""
    yield opened
    opened.close()
