"""The UI language: chosen once at start-up from the settings (or the system locale), then fixed.

``install_translator`` loads the app's German catalogue (assets/i18n/massage_gui_de.qm, built from the
committed .ts by tools/update_translations.py) and Qt's own German strings (standard buttons and
dialogs), and routes the core's ``translate`` hook through Qt. A change of the language setting takes
effect when the app next starts: widgets and cached data keep the words they were built with.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 (Qt's name, for lupdate)
        """Marks ``source`` for translation in ``context`` and returns it unchanged (typed: Qt's stub says object)."""
        ...

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP  # noqa: F401 (for the modules that import it from here)

from massage_gui.core import i18n as core_i18n
from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.assets import assets_dir

TRANSLATED = ("de",)  # the languages with a catalogue; English is the source language
CATALOGUE = "massage_gui"
QT_CATALOGUES = ("qtbase",)  # Qt's own strings: standard buttons, file and input dialogs

_installed: list[QTranslator] = []
_language = "en"
_locale_set = False


def translations_dir() -> Path:
    return assets_dir() / "i18n"


def system_language(ui_languages: Sequence[str] | None = None) -> str:
    """'de' when the first of the system's UI languages is German, else 'en'."""
    if ui_languages is None:
        locale = QLocale.system()
        ui_languages = list(locale.uiLanguages()) or [locale.name()]
    first = ui_languages[0].lower() if ui_languages else ""
    return "de" if first.startswith("de") else "en"


def resolve_language(setting: str, ui_languages: Sequence[str] | None = None) -> str:
    """The language a setting stands for: 'en' or 'de' ('system' and anything unknown follow the system)."""
    if setting in ("en", *TRANSLATED):
        return setting
    return system_language(ui_languages)


def current_language() -> str:
    """The language installed at start-up ('en' until ``install_translator`` ran)."""
    return _language


def app_display_name() -> str:
    return QCoreApplication.translate("Application", "Lymphatic self-massage")


def _set_locale(language: str) -> None:
    """Numbers in the UI's language: the system's locale when it speaks that language (keeping its
    country's formats), else the language's own (German: a decimal comma)."""
    global _locale_set
    system = QLocale.system()
    wanted = QLocale(language)
    same = system.language() == wanted.language() or (language == "en" and system.language() == QLocale.Language.C)
    if not same:
        QLocale.setDefault(wanted)
        _locale_set = True
    elif _locale_set:
        QLocale.setDefault(system)
        _locale_set = False


def _load(name: str, folder: Path | str) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(name, str(folder)) else None


def install_translator(app: QCoreApplication, language: str) -> str:
    """Install the translators for a language setting ('system', 'en' or 'de'); returns the language
    used ('en' or 'de'). Replaces any translators an earlier call installed. A missing catalogue
    leaves the app in English."""
    global _language
    remove_translators(app)
    chosen = resolve_language(language)
    if chosen != "en":
        own = _load(f"{CATALOGUE}_{chosen}", translations_dir())
        if own is None:
            chosen = "en"
        else:
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            found = [t for t in (_load(f"{name}_{chosen}", qt_dir) for name in QT_CATALOGUES) if t is not None]
            for translator in (own, *found):
                app.installTranslator(translator)
                _installed.append(translator)
    _language = chosen
    _set_locale(chosen)
    core_i18n.set_translator(QCoreApplication.translate)
    default_anatomy.cache_clear()  # labels are translated when the anatomy is read
    if hasattr(app, "setApplicationDisplayName"):
        app.setApplicationDisplayName(app_display_name())
    return chosen


def remove_translators(app: QCoreApplication) -> None:
    """Back to the untranslated English of the source (tests use this to clean up)."""
    global _language, _locale_set
    while _installed:
        app.removeTranslator(_installed.pop())
    _language = "en"
    if _locale_set:
        QLocale.setDefault(QLocale.system())
        _locale_set = False
    core_i18n.set_translator(None)
    default_anatomy.cache_clear()
    if hasattr(app, "setApplicationDisplayName"):
        app.setApplicationDisplayName(app_display_name())


@lru_cache(maxsize=4)
def _catalogue(language: str) -> QTranslator | None:
    return _load(f"{CATALOGUE}_{language}", translations_dir()) if language in TRANSLATED else None


def translate_into(language: str, context: str, text: str) -> str:
    """``text`` in a language that need not be the installed one (to say, in the language the user
    just chose, that it takes effect after a restart). English, or a missing translation, gives ``text``."""
    translator = _catalogue(resolve_language(language))
    translated = translator.translate(context, text) if translator is not None else ""
    return translated or text
