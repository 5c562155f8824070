"""Translation hook for the core: pure Python, routed through Qt's translator once the UI installs it.

Core modules call ``translate("context", "English text")``; pyside6-lupdate finds these calls by their
name. Without a UI (the command line, tests) the English text comes back unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def set_translator(translator: Translator | None) -> None:
    """Install the function that translates (Qt's QCoreApplication.translate); None restores English."""
    global _translator
    _translator = translator or _identity


def translate(context: str, text: str) -> str:
    return _translator(context, text)
