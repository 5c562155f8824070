"""The face's line art as painter paths: lines on screen, curves on paper (ui/face_art.py)."""

from __future__ import annotations

import itertools
import math

from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QApplication

from massage_gui.ui.face_art import FaceArt
from massage_gui.ui.handout.style import PrintArt


def _paths(art: FaceArt) -> list[QPainterPath]:
    return [*art._fills, *(path for _, path in art._strokes)]


def _curves(art: FaceArt) -> int:
    return sum(1 for path in _paths(art) for i in range(path.elementCount()) if path.elementAt(i).isCurveTo())


def _distance_to_lines(x: float, y: float, path: QPainterPath) -> float:
    best = math.inf
    for polygon in path.toSubpathPolygons():
        for a, b in itertools.pairwise([(p.x(), p.y()) for p in polygon]):
            (ax, ay), (bx, by) = a, b
            length2 = (bx - ax) ** 2 + (by - ay) ** 2
            t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / length2))
            best = min(best, math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))))
    return best


def test_the_screens_face_is_lines_cut_finely_enough_for_a_4k_screen(qapp: QApplication) -> None:
    """A painter cuts curves into lines again at every paint, which took three times as long as stroking the lines
    made from them once (7.9 against 2.5 ms at 1280x800). They lie within half a pixel of the curves on a face
    drawn 3,400 pixels a unit, four times as large as one filling a 4K screen (820 pixels a unit)."""
    screen, paper = FaceArt(), PrintArt()
    assert _curves(screen) == 0
    worst = 0.0
    for flat, curved in zip(_paths(screen), _paths(paper), strict=True):
        for step in range(41):
            point = curved.pointAtPercent(step / 40)
            worst = max(worst, _distance_to_lines(point.x(), point.y(), flat))
    assert worst * 3400 <= 0.5, f"{worst * 3400:.2f} px"


def test_paper_keeps_the_curves(qapp: QApplication) -> None:
    """A PDF holds a curve in less room than the lines cut from it, and a printer draws it at its own resolution."""
    assert _curves(PrintArt()) > 100
