"""A routine on paper: the printable handout, as a PDF file (``massage-gui handout``) or on a printer
(Routine > Print or save as PDF in the window, massage_gui/ui/handout/printing.py)."""

from __future__ import annotations

from massage_gui.ui.handout.layout import PAPERS, page_layout, paper_for_locale
from massage_gui.ui.handout.output import handout_pdf, make_handout, write_handout
from massage_gui.ui.handout.pages import render_handout

__all__ = [
    "PAPERS",
    "handout_pdf",
    "make_handout",
    "page_layout",
    "paper_for_locale",
    "render_handout",
    "write_handout",
]
