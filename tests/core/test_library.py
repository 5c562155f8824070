"""Resolving a routine by id or file name: whatever the name, a RoutineError that says what, never a crash."""

from __future__ import annotations

import pytest

from massage_gui.core.errors import RoutineError
from massage_gui.core.library import resolve_routine


@pytest.mark.parametrize("ref", ["y" * 300, "a/" + "z" * 300 + ".json"])
def test_a_name_too_long_for_the_file_system_is_an_unknown_routine(ref: str) -> None:
    """Bug: a 300-character name made Path.is_file() raise OSError (File name too long): a traceback in the
    command line, and the window goes through the same function."""
    with pytest.raises(RoutineError) as caught:
        resolve_routine(ref)
    message = str(caught.value)
    assert len(message) < 400, "the name is shortened, not said back whole"
    assert "\n" not in message
