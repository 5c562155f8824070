"""Where the shipped data files live: inside the installed package, or beside it in a source checkout."""

from __future__ import annotations

from pathlib import Path

from massage_gui.core.errors import MassageError

# The package's own folder, as importlib.resources.files("massage_gui") gives it for an installed
# package; reading it from __file__ spares start-up the import of importlib.resources (about 10 ms).
_PACKAGE = Path(__file__).resolve().parent.parent


def assets_dir() -> Path:
    """The ``assets`` folder: ``massage_gui/assets`` in a wheel, ``<repo>/assets`` in a checkout."""
    packaged = _PACKAGE / "assets"
    if packaged.is_dir():
        return packaged
    source = _PACKAGE.parent / "assets"
    if source.is_dir():
        return source
    raise MassageError(f"the app's assets folder is missing (looked in {packaged} and {source})")
