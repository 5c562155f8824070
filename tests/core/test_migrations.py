"""The shared migration registry and the move-aside helper used by every stored file."""

from __future__ import annotations

from pathlib import Path

import pytest

from massage_gui.core.atomic import move_aside
from massage_gui.core.migrations import Migrations


def test_steps_register_in_order_and_give_the_version() -> None:
    steps: Migrations[object] = Migrations()
    steps.register(0)(lambda: 1)
    steps.register(1)(lambda: 2)
    assert steps.version == 2
    assert list(steps) == [0, 1]


def test_a_gap_or_a_second_step_from_one_version_is_refused() -> None:
    steps: Migrations[object] = Migrations()
    steps.register(1)(lambda: 1)
    steps.register(3)(lambda: 3)
    with pytest.raises(ValueError, match="consecutive"):
        _ = steps.version
    with pytest.raises(ValueError, match="already registered"):
        steps.register(1)(lambda: 1)


def test_move_aside_keeps_the_file_and_its_companions(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    db.write_bytes(b"main")
    (tmp_path / "history.sqlite3-wal").write_bytes(b"log")
    moved = move_aside(db, companions=("-wal",))
    assert moved is not None
    assert moved.name.startswith("history.sqlite3.bad-")
    assert moved.read_bytes() == b"main"
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"log"
    assert not db.exists()
    assert move_aside(db) is None  # nothing left to move
