"""Routine > Print or save as PDF: the print dialog, then the handout on the printer or into a PDF file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from massage_gui.core.atomic import atomic_write_bytes, check_target
from massage_gui.core.errors import MassageError
from massage_gui.core.plan import Plan
from massage_gui.ui.handout.layout import page_layout, paper_for_locale
from massage_gui.ui.handout.output import handout_pdf
from massage_gui.ui.handout.pages import render_handout
from massage_gui.ui.plain_text import as_written

if TYPE_CHECKING:
    from massage_gui.ui.main_window import MainWindow

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def ask_printer(printer: QPrinter, parent: QWidget | None) -> bool:
    """The system's print dialog (a printer, or "Print to file" for a PDF); False if the user cancels."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Handout", "Print the routine"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def new_printer(plan: Plan) -> QPrinter:
    """A printer set up for the handout: the paper usual where the user lives, upright, with margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(paper_for_locale()))
    printer.setDocName(plan.routine.name)
    printer.setCreator("massage-gui")
    return printer


def print_plan(plan: Plan, printer: QPrinter) -> Path | None:
    """Put the handout where the dialog said: a PDF file (written whole or not at all, as the command line
    writes it; returns its path) or a printer (returns None). Raises MassageError if that fails."""
    name = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and name:
        path = Path(name)
        check_target(path)
        data, _ = handout_pdf(plan, printer.pageLayout())
        atomic_write_bytes(path, data)
        return path
    render_handout(printer, plan)
    return None


def print_routine(window: MainWindow) -> bool:
    """The current routine as the window plans it (skips, treated side, pace): the dialog, then the sheet.
    Says in the window what came of it; False if nothing was printed."""
    plan = window.state.plan
    printer = new_printer(plan)
    if not ask_printer(printer, window):
        return False
    try:
        path = print_plan(plan, printer)
    except MassageError as exc:
        QMessageBox.warning(window, translate("Handout", "Cannot print"), as_written(str(exc)))
        return False
    if path is None:
        window.set_notice(translate("Handout", "Sent “{name}” to the printer.").format(name=plan.routine.name))
    else:
        window.set_notice(translate("Handout", "Saved the handout as {path}.").format(path=path))
    return True
