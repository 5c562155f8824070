"""The handout as a PDF: drawn in memory, then written whole or not at all (the ``handout`` command's work)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPageLayout, QPdfWriter

from massage_gui.core.atomic import atomic_write_bytes, check_target
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.routine import Routine
from massage_gui.core.settings import Settings
from massage_gui.ui.handout.layout import page_layout, paper_for_locale
from massage_gui.ui.handout.pages import render_handout
from massage_gui.ui.handout.style import PX_PER_INCH


def handout_pdf(plan: Plan, layout: QPageLayout) -> tuple[bytes, int]:
    """The handout on pages of ``layout`` as the bytes of a PDF (vector drawings, the words as text) and its
    number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(round(PX_PER_INCH))
    writer.setPageLayout(layout)
    writer.setTitle(plan.routine.name)
    writer.setCreator("massage-gui")
    pages = render_handout(writer, plan)
    buffer.close()
    return bytes(buffer.data().data()), pages


def write_handout(path: Path, plan: Plan, paper: str) -> int:
    """Write the handout to ``path`` whole or not at all (drawn in memory, then written to a temporary file
    beside it and moved into place); returns the number of pages."""
    check_target(path)
    data, pages = handout_pdf(plan, page_layout(paper))
    atomic_write_bytes(path, data)
    return pages


def make_handout(
    out: Path, settings: Settings, routine_ref: str, paper: str | None, saved: dict[str, Routine] | None = None
) -> int:
    """The command line's handout: headless, in ``settings.language``, on ``paper`` (None: the system's usual
    paper). Returns the number of pages."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    entry = resolve_routine(routine_ref, saved)  # a bad reference or an empty plan fails before Qt starts
    build_plan(entry.routine, settings, entry.id)

    from massage_gui.ui.app import create_application
    from massage_gui.ui.i18n import install_translator

    app = create_application()
    install_translator(app, settings.language)
    entry = resolve_routine(routine_ref, saved)  # again: a built-in's words in that language
    plan = build_plan(entry.routine, settings, entry.id)
    return write_handout(out, plan, paper or paper_for_locale())
