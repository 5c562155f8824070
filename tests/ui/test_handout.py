"""The printable handout: a valid PDF with the pages laid out, every step's words as text, vector drawings,
pages that match the approved pictures, and Routine > Print or save as PDF in the window.

Set MASSAGE_GUI_APPROVE=1 to write new pictures after a deliberate change, then look at them.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPdfWriter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox

from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.library import builtin_routines, resolve_routine
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.settings import Settings
from massage_gui.ui import i18n
from massage_gui.ui.diagram_painter import DiagramPainter
from massage_gui.ui.handout import handout_pdf, page_layout, paper_for_locale, printing, render_handout, write_handout
from massage_gui.ui.handout.blocks import NodeLegend
from massage_gui.ui.handout.figure import step_still
from massage_gui.ui.handout.layout import FOOTER_PX, HEADER_PX, MIN_DRAWING_PX, ROW_GAP_PX, TEXT_GAP_PX
from massage_gui.ui.handout.pages import lay_out
from massage_gui.ui.handout.style import PRINT_DIAGRAM_STYLE, PrintArt, default_fonts, print_theme
from massage_gui.ui.main_window import MainWindow
from massage_gui.ui.markers import NODE_SHAPES

IMAGES = Path(__file__).parent / "images"
APPROVE = os.environ.get("MASSAGE_GUI_APPROVE") == "1"
POPPLER = ("pdfinfo", "pdftotext", "pdftoppm", "pdfimages")
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in POPPLER), reason="needs poppler-utils (pdfinfo, pdftotext, pdftoppm)"
)
DPI = 50  # the approved pictures' resolution: enough to see every drawing, small enough to keep
CHANNEL_TOLERANCE = 40  # a pixel differs when a channel is off by more than this
MAX_DIFFERENT = 0.003  # share of pixels allowed to differ (antialiasing, font hinting)
STANDARD_PAGES = 6  # the title page, then 20 steps four to a page


def _plan(routine: str = "standard", **settings: Any) -> Plan:
    entry = resolve_routine(routine)
    return build_plan(entry.routine, Settings(**settings), entry.id)


def _write(path: Path, plan_args: dict[str, Any], paper: str, language: str, qapp: QApplication) -> int:
    """The handout in ``language``, as the command line makes it (the routine's words translated too)."""
    if language != "en":
        i18n.install_translator(qapp, language)
    try:
        return write_handout(path, _plan(**plan_args), paper)
    finally:
        i18n.remove_translators(qapp)


@pytest.fixture(scope="module")
def standard(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> dict[tuple[str, str], tuple[Path, int]]:
    """The standard routine's handout in English and German, on A4 and Letter: (file, pages it reported)."""
    folder = tmp_path_factory.mktemp("handouts")
    made = {}
    for language in ("en", "de"):
        for paper in ("a4", "letter"):
            path = folder / f"standard-{language}-{paper}.pdf"
            made[language, paper] = (path, _write(path, {}, paper, language, qapp))
    return made


def _tool(*argv: str) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _words(text: str) -> str:
    return " ".join(text.split())


def _area_labels(language: str, qapp: QApplication) -> list[str]:
    if language != "en":
        i18n.install_translator(qapp, language)
    try:
        return [default_anatomy().areas[step.area].label for step in _plan().steps]
    finally:
        i18n.remove_translators(qapp)


# -- the PDF ------------------------------------------------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize(("paper", "size"), [("a4", "(A4)"), ("letter", "(letter)")])
def test_the_pdf_is_valid_with_the_pages_laid_out(
    standard: dict[tuple[str, str], tuple[Path, int]], language: str, paper: str, size: str
) -> None:
    path, pages = standard[language, paper]
    info = _tool("pdfinfo", str(path))
    assert re.search(rf"^Pages:\s+{STANDARD_PAGES}$", info, re.M), info
    assert pages == STANDARD_PAGES
    assert size in info
    assert "Creator:         massage-gui" in info


@needs_poppler
@pytest.mark.parametrize("language", ["en", "de"])
def test_the_text_holds_every_step_in_order(
    standard: dict[tuple[str, str], tuple[Path, int]], language: str, qapp: QApplication
) -> None:
    path, _ = standard[language, "a4"]
    pages = _tool("pdftotext", "-layout", str(path), "-").split("\f")
    steps = _words(" ".join(pages[1:]))
    found = 0
    for label in _area_labels(language, qapp):  # each step's name, after the one before
        at = steps.find(label, found)
        assert at >= 0, f"{label!r} missing after position {found}"
        found = at + len(label)
    title = _words(pages[0])
    assert "Standard" in title
    assert ("9:22 min at 2 s a stroke, 20 steps" if language == "en" else "9:22 min") in title


@needs_poppler
def test_the_drawings_are_vectors(standard: dict[tuple[str, str], tuple[Path, int]]) -> None:
    path, _ = standard["en", "a4"]
    listing = _tool("pdfimages", "-list", str(path)).splitlines()
    assert len(listing) == 2, "a picture in the PDF: " + "\n".join(listing)  # the two heading lines only


def test_the_pdf_reads_back_in_qt(standard: dict[tuple[str, str], tuple[Path, int]], qapp: QApplication) -> None:
    """The same checks through Qt's own PDF reader (where poppler is not installed): the pages, and each step
    page naming its steps."""
    path, pages = standard["en", "letter"]
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert document.pageCount() == pages == STANDARD_PAGES
    text = _words(" ".join(document.getAllText(page).text() for page in range(1, pages)))
    assert [label for label in _area_labels("en", qapp) if label not in text] == []
    assert "Never press or rub where you feel the pulse" in _words(document.getAllText(0).text())


# -- the approved pictures ----------------------------------------------------------------------------------


def _share_different(a: QImage, b: QImage) -> float:
    if a.size() != b.size():
        return 1.0
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    pixels_a = np.frombuffer(bytes(a.constBits()), dtype=np.uint8).reshape(-1, 4).astype(np.int16)
    pixels_b = np.frombuffer(bytes(b.constBits()), dtype=np.uint8).reshape(-1, 4).astype(np.int16)
    different = (np.abs(pixels_a[:, :3] - pixels_b[:, :3]) > CHANNEL_TOLERANCE).any(axis=1)
    return float(different.mean())


def _page_image(pdf: Path, page: int, folder: Path) -> QImage:
    stem = folder / f"{pdf.stem}-page"
    _tool("pdftoppm", "-r", str(DPI), "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem))
    return QImage(str(stem.with_suffix(".png")))


@pytest.fixture(scope="module")
def treated(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> Path:
    """A routine adjusted in the app: the right neck side treated, the left cheek skipped."""
    path = tmp_path_factory.mktemp("treated") / "standard-treated.pdf"
    _write(path, {"treated_side": "right", "skipped_areas": frozenset({"cheeks:left"})}, "a4", "en", qapp)
    return path


CASES = [*((f"handout_standard_a4_en_page{n}", "standard", n) for n in range(1, STANDARD_PAGES + 1))]
CASES += [("handout_treated_right_cheek_skipped_page3", "treated", 3), ("handout_treated_right_cheek_skipped_page8",
          "treated", 8)]  # fmt: skip


@needs_poppler
@pytest.mark.parametrize(("name", "which", "page"), CASES)
def test_pages_match_the_approved_pictures(
    standard: dict[tuple[str, str], tuple[Path, int]], treated: Path, tmp_path: Path, name: str, which: str, page: int
) -> None:
    pdf = standard["en", "a4"][0] if which == "standard" else treated
    image = _page_image(pdf, page, tmp_path)
    stored = IMAGES / f"{name}.png"
    if APPROVE or not stored.exists():
        if not APPROVE:
            pytest.fail(f"no approved picture {stored.name}: run with MASSAGE_GUI_APPROVE=1 and look at it")
        image.save(str(stored))
        return
    share = _share_different(image, QImage(str(stored)))
    if share > MAX_DIFFERENT:
        actual = tmp_path / f"{name}.actual.png"
        image.save(str(actual))
        pytest.fail(f"{name}: {share:.2%} of pixels differ (allowed {MAX_DIFFERENT:.2%}); see {actual}")


@needs_poppler
def test_a_changed_drawing_is_caught(standard: dict[tuple[str, str], tuple[Path, int]], tmp_path: Path) -> None:
    """The comparison must notice a page moved by 3 pixels (1.5 mm)."""
    path, _ = standard["en", "a4"]
    first = _page_image(path, 2, tmp_path)
    moved = QImage(first)
    moved.fill(0xFFFFFFFF)
    from PySide6.QtGui import QPainter

    painter = QPainter(moved)
    painter.drawImage(QPointF(0, 3), first)
    painter.end()
    assert _share_different(first, moved) > MAX_DIFFERENT


# -- the layout ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "paper"), [("en_US", "letter"), ("fr_CA", "letter"), ("es_MX", "letter"), ("en_GB", "a4"),
                          ("de_DE", "a4"), ("de_CH", "a4"), ("C", "a4")]
)  # fmt: skip
def test_the_paper_follows_the_locale(locale: str, paper: str) -> None:
    assert paper_for_locale(QLocale(locale)) == paper


@pytest.mark.parametrize("treated_side", ["none", "right", "both"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_two_to_four_steps_a_page_for_every_routine(qapp: QApplication, treated_side: str, paper: str) -> None:
    writer = QPdfWriter(os.devnull)
    writer.setResolution(96)
    writer.setPageLayout(page_layout(paper))
    diagram = DiagramPainter(PrintArt(), PRINT_DIAGRAM_STYLE)
    for entry in builtin_routines():
        plan = build_plan(entry.routine, Settings(treated_side=treated_side), entry.id)
        handout = lay_out(plan, writer, writer.width(), writer.height(), default_fonts(), print_theme(), diagram,
                          default_anatomy())  # fmt: skip
        counts = [sum(len(row) for row in page.rows) for page in handout.step_pages]
        assert sum(counts) == len(plan.steps)
        assert all(2 <= n <= 4 for n in counts[:-1]), (entry.id, counts)
        assert 1 <= counts[-1] <= 4
        assert len(handout.title_pages) == 1, entry.id
        numbers = [cell.words.number for page in handout.step_pages for row in page.rows for cell in row]
        assert numbers == list(range(1, len(plan.steps) + 1))


def test_the_longest_words_still_fit_their_page(qapp: QApplication) -> None:
    """Cues as long as a routine file allows (120 characters), one-sided steps rerouted round a treated side
    (the longest instructions): every row fits on its page, every drawing keeps its size."""
    cue = ("Lightly, " * 14)[:120]
    steps = tuple(
        Step(area, "stretch", 6, toward, cue=cue)
        for area, toward in [("cheeks", "submandibular"), ("under_eyes", "preauricular"), ("neck_side", "terminus")] * 3
    )
    plan = build_plan(Routine("Long", steps), Settings(treated_side="right"), "long")
    for paper in ("a4", "letter"):
        writer = QPdfWriter(os.devnull)
        writer.setResolution(96)
        writer.setPageLayout(page_layout(paper))
        handout = lay_out(plan, writer, writer.width(), writer.height(), default_fonts(), print_theme(),
                          DiagramPainter(PrintArt(), PRINT_DIAGRAM_STYLE), default_anatomy())  # fmt: skip
        body = writer.height() - HEADER_PX - FOOTER_PX
        for page in handout.step_pages:
            rows = [page.drawing_height + TEXT_GAP_PX + max(c.text_height for c in row) for row in page.rows]
            assert sum(rows) + ROW_GAP_PX * (len(rows) - 1) <= body
            assert page.drawing_height >= MIN_DRAWING_PX


def test_every_hand_position_is_numbered_with_its_arrow() -> None:
    plan = _plan(skipped_areas=frozenset({"cheeks:right"}))
    for step in plan.steps:
        still = step_still(plan, step)
        sides = 0 if step.toward is None else (1 if step.side in ("left", "right") else 2)
        assert len(still.frame.arrows) == step.positions * sides, step
        assert len(still.frame.hands) == step.positions * sides
        assert still.frame.targets or step.toward is None
        numbers = sorted(number for number, _ in still.spots)
        assert numbers == ([] if step.positions == 1 else sorted(list(range(1, step.positions + 1)) * sides))
        assert all(arrow.opacity == 1.0 for arrow in still.frame.arrows)


def test_text_from_a_routine_file_is_printed_as_written(tmp_path: Path, qapp: QApplication) -> None:
    name = "<b>My</b> routine &amp; " + "x" * 70
    cue = "<i>lightly</i> — " + "y" * 100
    routine = Routine(name, (Step("cheeks", "stretch", 6, "submandibular", cue=cue),), description="<h1>big</h1>")
    path = tmp_path / "mine.pdf"
    pages = write_handout(path, build_plan(routine, Settings(), "mine"), "a4")
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert document.pageCount() == pages == 2
    title = document.getAllText(0)
    assert "<b>My</b> routine &amp;" in title.text()
    assert "<h1>big</h1>" in title.text()
    assert "<i>lightly</i>" in document.getAllText(1).text()
    page = QRectF(QPointF(0, 0), document.pagePointSize(0))
    for number in range(pages):
        assert page.contains(document.getAllText(number).boundingRectangle()), "text runs off the page"


def test_a_printer_at_its_own_resolution_gets_the_same_handout(tmp_path: Path, qapp: QApplication) -> None:
    """Printers draw at 300 to 1200 dots an inch: the sheet is laid out in inches, so it comes out the same."""
    plan = _plan()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(page_layout("a4"))
    assert printer.resolution() > 96
    assert render_handout(printer, plan) == STANDARD_PAGES
    ours, _ = handout_pdf(plan, page_layout("a4"))
    (tmp_path / "ours.pdf").write_bytes(ours)
    texts = []
    for name in ("printed.pdf", "ours.pdf"):
        document = QPdfDocument()
        assert document.load(str(tmp_path / name)) == QPdfDocument.Error.None_
        texts.append([_words(document.getAllText(page).text()) for page in range(document.pageCount())])
    assert texts[0] == texts[1]


# -- the window ---------------------------------------------------------------------------------------------


@pytest.fixture
def choose(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Stands in for the print dialog: 'Print to file' into ``answer['file']``, or cancel."""
    answer: dict[str, Any] = {"file": None, "asked": 0, "paper": None}

    def ask(printer: QPrinter, parent: object) -> bool:
        answer["asked"] += 1
        answer["paper"] = printer.pageLayout().pageSize().id()
        if answer["file"] is None:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(answer["file"]))
        return True

    monkeypatch.setattr(printing, "ask_printer", ask)
    return answer


def test_the_window_prints_the_routine_as_set_up(window: MainWindow, choose: dict[str, Any], tmp_path: Path) -> None:
    window.state.toggle_skip("cheeks", "right")
    window.state.set_pace(3.0)
    choose["file"] = tmp_path / "mine.pdf"
    action = window.window_actions.print_routine
    assert action.shortcut().toString() == "Ctrl+P"
    assert action in window.menuBar().actions()[1].menu().actions()
    action.trigger()
    document = QPdfDocument()
    assert document.load(str(tmp_path / "mine.pdf")) == QPdfDocument.Error.None_
    plan = window.state.plan
    assert document.pageCount() == 1 + math.ceil(len(plan.steps) / 4)
    title = _words(document.getAllText(0).text())
    assert "Skipped: Cheeks (your right side)." in title
    assert "at 3 s a stroke" in title
    assert "Saved the handout as" in window.notice_bar.label.text()


def test_cancelling_the_print_dialog_prints_nothing(window: MainWindow, choose: dict[str, Any], tmp_path: Path) -> None:
    window.window_actions.print_routine.trigger()
    assert choose["asked"] == 1
    assert choose["paper"] in (page_layout("a4").pageSize().id(), page_layout("letter").pageSize().id())
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_cannot_be_written_says_why_and_loses_nothing(
    window: MainWindow, choose: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    (tmp_path / "taken.pdf").mkdir()
    choose["file"] = tmp_path / "taken.pdf"
    window.window_actions.print_routine.trigger()
    assert len(warnings) == 1
    assert "taken.pdf: is a folder, not a regular file" in warnings[0]
    assert (tmp_path / "taken.pdf").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.pdf"]


def test_paper_for_the_window_follows_the_system(window: MainWindow, choose: dict[str, Any]) -> None:
    window.window_actions.print_routine.trigger()
    assert choose["paper"] == page_layout(paper_for_locale()).pageSize().id()


def test_the_print_dialog_opens_and_cancels(qapp: QApplication) -> None:
    """The system's print dialog itself (the other window tests stand in for it): it opens titled, Cancel
    prints nothing."""
    from PySide6.QtCore import QTimer

    seen: list[str] = []

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(200, cancel)
    assert printing.ask_printer(printing.new_printer(_plan("quick")), None) is False
    assert seen == ["Print the routine"]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_title_pages_hold_the_most_there_is_to_say(qapp: QApplication, paper: str) -> None:
    """The longest name and description a routine file may have, skips on many sides, focus areas and both
    sides treated (the longest warnings), in German: set smaller, then on a second page, never off a page."""
    i18n.install_translator(qapp, "de")
    try:
        entry = resolve_routine("thorough")
        routine = Routine("Ä" * 100, entry.routine.steps, description=("Langsam und leicht. " * 30)[:500])
        skips = frozenset({"nose:left", "temples:right", "chin:left", "forehead:right", "under_eyes:left"})
        settings = Settings(treated_side="both", skipped_areas=skips, focus_areas=frozenset({"cheeks", "jawline"}))
        plan = build_plan(routine, settings, "mine")
        writer = QPdfWriter(os.devnull)
        writer.setResolution(96)
        writer.setPageLayout(page_layout(paper))
        handout = lay_out(plan, writer, writer.width(), writer.height(), default_fonts(), print_theme(),
                          DiagramPainter(PrintArt(), PRINT_DIAGRAM_STYLE), default_anatomy())  # fmt: skip
        assert len(handout.title_pages) == 2
        placed = [(block, top) for page in handout.title_pages for block, top in page]
        assert all(top + block.height <= writer.height() - FOOTER_PX for block, top in placed)
        assert isinstance(placed[-1][0], NodeLegend)
        assert "Langsam und leicht." in placed[2][0].paragraph.text
    finally:
        i18n.remove_translators(qapp)


def _grey(color: QColor, on: QColor | None = None) -> float:
    """The colour's lightness when printed in grey (0 black to 255 white), over ``on`` if see-through."""
    on = on or QColor("#FFFFFF")
    alpha = color.alphaF()
    channels = [c * alpha + o * (1 - alpha) for c, o in zip(color.getRgb()[:3], on.getRgb()[:3], strict=True)]
    return 0.299 * channels[0] + 0.587 * channels[1] + 0.114 * channels[2]


def test_in_grey_the_drawings_keep_apart() -> None:
    """Printed in grey: arrows, rings and hands black; node groups mid greys that differ by shape; the shaded
    area lighter than any node; the no-press zone dark enough to see."""
    theme = print_theme()
    assert _grey(theme.accent) < 30
    assert _grey(theme.text) < 30
    nodes = {node: _grey(theme.node_color(node)) for node in NODE_SHAPES}
    assert all(60 < grey < 190 for grey in nodes.values()), nodes
    assert _grey(theme.area_fill) > max(nodes.values()) + 15
    assert _grey(theme.warning) < 120
    solid = [shape for node, shape in NODE_SHAPES.items() if not default_anatomy().nodes[node].hidden]
    assert len(set(solid)) == len(solid)  # the hidden group is drawn hollow and dashed
