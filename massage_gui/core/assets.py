"""Where the shipped data files live: inside the installed package, or beside it in a source checkout."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from massage_gui.core.errors import MassageError


def assets_dir() -> Path:
    """The ``assets`` folder: ``massage_gui/assets`` in a wheel, ``<repo>/assets`` in a checkout."""
    packaged = Path(str(importlib.resources.files("massage_gui"))) / "assets"
    if packaged.is_dir():
        return packaged
    source = Path(__file__).resolve().parents[2] / "assets"
    if source.is_dir():
        return source
    raise MassageError(f"the app's assets folder is missing (looked in {packaged} and {source})")
