"""The routine picker: the chosen routine on a button, the library in its menu, locked during a session."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from massage_gui.core.routine import Routine
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.plain_text import menu_text


def _named(window: MainWindow, name: str) -> Routine:
    return replace(window.state.plan.routine, name=name)


def test_the_menu_lists_the_built_ins_then_the_favourites_with_the_chosen_one_ticked(window: MainWindow) -> None:
    state = window.state
    picker = window.window_actions.routine_picker
    fav_id = state.library.save_as(_named(window, "My mornings"))
    state.library.star(fav_id, True)
    actions = picker.routine_actions()
    assert list(actions) == [entry.id for entry in state.library.entries()]
    menu = picker.menu()
    assert menu is not None
    items = menu.actions()
    builtins = state.library.builtin_ids()
    last_builtin = max(i for i, item in enumerate(items) if item.data() in builtins)
    assert items[last_builtin + 1].isSeparator()
    assert items[last_builtin + 2] is actions[fav_id]
    assert actions[fav_id].text() == "★ My mornings"
    assert [i for i, a in actions.items() if a.isChecked()] == [state.routine_id]
    assert picker.text() == state.plan.routine.name


def test_a_pick_selects_the_routine_and_the_button_says_it(window: MainWindow) -> None:
    picker = window.window_actions.routine_picker
    picker.routine_actions()["thorough"].trigger()
    assert window.state.routine_id == "thorough"
    assert picker.text() == window.state.plan.routine.name
    assert picker.accessibleName() == "Routine"
    assert picker.accessibleDescription() == window.state.plan.routine.name
    assert picker.routine_actions()["thorough"].isChecked()


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_F4])
def test_the_menu_opens_from_the_keyboard(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """Space starts the session anywhere in the window, so the keys that open a combo box's list open the menu."""
    picker = window.window_actions.routine_picker
    menu = picker.menu()
    assert menu is not None
    seen: list[list[str]] = []

    def look_and_close() -> None:  # the menu runs its own loop until it closes
        if menu.isVisible():
            seen.append([a.data() for a in menu.actions() if not a.isSeparator()])
        menu.hide()

    QTimer.singleShot(200, look_and_close)
    picker.setFocus()
    qtbot.keyClick(picker, key)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)
    assert seen == [[entry.id for entry in window.state.library.entries()]]


def test_the_picker_is_locked_during_a_session(window: MainWindow) -> None:
    picker = window.window_actions.routine_picker
    window.state.start()
    assert not picker.isEnabled()
    window.state.stop()
    assert picker.isEnabled()


def test_a_long_name_is_elided_to_the_pickers_width(window: MainWindow) -> None:
    state = window.state
    picker = window.window_actions.routine_picker
    name = "Evening routine for the left side of the face, neck and collarbone & armpit"
    state.select_routine(state.library.save_as(_named(window, name)))
    for width in (360, 140):
        picker.set_max_width(width)
        shown = picker.text().replace("&&", "&")
        assert shown.endswith("…")
        assert name.startswith(shown[:-1])
        assert picker.sizeHint().width() <= width
    picker.set_max_width(2000)
    assert picker.text() == menu_text(name)
    assert picker.current_text == name


def test_a_wheel_over_the_picker_leaves_the_routine(window: MainWindow) -> None:
    """A combo box changed the routine when the wheel turned over it, easily by accident."""
    picker = window.window_actions.routine_picker
    before = window.state.routine_id
    middle = QPointF(picker.rect().center())
    global_pos = QPointF(picker.mapToGlobal(picker.rect().center()))
    for delta in (-120, 120, -120):
        wheel = QWheelEvent(
            middle, global_pos, QPoint(), QPoint(0, delta), Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(picker, wheel)
    assert window.state.routine_id == before
