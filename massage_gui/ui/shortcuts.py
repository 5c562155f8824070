"""Actions with keys, and their keys written into the tooltip, the same way in every window and dialog."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

KeySpec = str | QKeySequence | QKeySequence.StandardKey | Sequence[str | QKeySequence]


def key_sequences(key: KeySpec, fallback: str = "") -> list[QKeySequence]:
    """The key sequences for ``key``; ``fallback`` where the platform has no standard key."""
    if isinstance(key, QKeySequence.StandardKey):
        return [k for k in QKeySequence.keyBindings(key) if not k.isEmpty()] or [QKeySequence(fallback)]
    if isinstance(key, (str, QKeySequence)):
        return [QKeySequence(key)]
    return [QKeySequence(k) for k in key]


def keys_text(keys: Sequence[QKeySequence]) -> str:
    """'Ctrl+Up or Alt+Up', as the platform writes keys."""
    shown = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys if not k.isEmpty()]
    return QCoreApplication.translate("Shortcuts", " or ").join(shown)


def keyed_action(
    owner: QWidget,
    text: str,
    key: KeySpec,
    tip: str,
    slot: Callable[..., object],
    *,
    scope: QWidget | None = None,
    fallback: str = "",
    checkable: bool = False,
    all_keys_in_tip: bool = False,
) -> QAction:
    """An action whose keys work across ``owner``'s window (or only in ``scope``), named in its tooltip.

    A checkable action passes its new state to ``slot``; any other calls ``slot()``."""
    action = QAction(text, owner)
    keys = key_sequences(key, fallback)
    action.setShortcuts(keys)
    action.setShortcutContext(
        Qt.ShortcutContext.WidgetShortcut if scope is not None else Qt.ShortcutContext.WindowShortcut
    )
    shown = keys_text(keys if all_keys_in_tip else keys[:1])
    action.setToolTip(f"{tip} ({shown})" if shown else tip)
    action.setCheckable(checkable)
    if checkable:
        action.triggered.connect(slot)
    else:
        action.triggered.connect(lambda _checked=False: slot())
    (scope or owner).addAction(action)
    return action
