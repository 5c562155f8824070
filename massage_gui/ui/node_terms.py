"""The professional name of each node group, as therapists and leaflets write it, for tooltips and the About text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from massage_gui.core.anatomy import default_anatomy
from massage_gui.ui.i18n import QT_TRANSLATE_NOOP

# English here; shown through node_term() in the UI's language.
NODE_TERMS = {
    "terminus": QT_TRANSLATE_NOOP("NodeTerms", "supraclavicular nodes"),
    "deep_cervical": QT_TRANSLATE_NOOP("NodeTerms", "deep cervical nodes"),
    "submandibular": QT_TRANSLATE_NOOP("NodeTerms", "submandibular nodes"),
    "submental": QT_TRANSLATE_NOOP("NodeTerms", "submental nodes"),
    "preauricular": QT_TRANSLATE_NOOP("NodeTerms", "preauricular nodes"),
    "mastoid": QT_TRANSLATE_NOOP("NodeTerms", "retroauricular (mastoid) nodes"),
    "occipital": QT_TRANSLATE_NOOP("NodeTerms", "occipital nodes"),
    "axillary": QT_TRANSLATE_NOOP("NodeTerms", "axillary nodes"),
}


def node_term(node: str) -> str:
    """The professional name of ``node`` ("submandibular nodes") in the UI's language."""
    return QCoreApplication.translate("NodeTerms", NODE_TERMS[node])


def node_tooltip(node: str) -> str:
    """The plain name and the professional one: "Under the jaw: submandibular nodes"."""
    label = default_anatomy().nodes[node].label
    return QCoreApplication.translate("NodeTerms", "{label}: {term}").format(label=label, term=node_term(node))
