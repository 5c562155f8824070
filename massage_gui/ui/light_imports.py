"""Keeps PySide6 from keeping the source of every module imported after it (imported first by ui/app.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import PySide6  # noqa: F401 (importing it installs the import hook adjusted here)

# PySide6 looks at each module imported after it, once, for the word "PySide6" (for its opt-in __feature__
# switches, which this app does not use), by asking inspect for the module's source: every line of every module
# then stays in linecache, 4.5 MiB at the first frame, and the reading takes start-up time. Here it gets the
# same answer from the file's bytes, kept nowhere.
FEATURE_MODULE = "PySide6.support.feature"


def uses_pyside(module: ModuleType) -> bool:
    """Whether the module's source names PySide6, as PySide6 asks (False where there is no source file)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        return b"PySide6" in Path(path).read_bytes()
    except OSError:
        return False


def keep_imports_light() -> bool:
    """Put ``uses_pyside`` in the place of PySide6's own check; False where this PySide6 has no such check."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True


keep_imports_light()
