"""The pace as the window writes it: '2.0', '1.75', with the UI language's decimal mark."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def pace_number(locale: QLocale, pace_s: float) -> str:
    """One decimal, or two when the pace has them (the slider moves in 0.05 s): '2.0', '2.25', German '1,75'."""
    decimals = 1 if abs(pace_s * 10 - round(pace_s * 10)) < 1e-6 else 2
    return locale.toString(pace_s, "f", decimals)
