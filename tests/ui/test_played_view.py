"""Views that Qt plays without Python (ui/played_view.py): one scene a window, a stage each."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QGraphicsPixmapItem, QWidget
from pytestqt.qtbot import QtBot

from massage_gui.ui.played_view import Stage

SIDE = 120


def _window(qtbot: QtBot) -> tuple[QWidget, Stage, Stage]:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(2 * SIDE, SIDE)
    stages = []
    for x in (0, SIDE):
        parent = QWidget(window)
        parent.setGeometry(x, 0, SIDE, SIDE)
        stage = Stage(parent)
        stage.view.setGeometry(0, 0, SIDE, SIDE)
        stage.set_rect(SIDE, SIDE)
        stage.view.show()
        stages.append(stage)
    window.show()
    qtbot.waitExposed(window)
    return window, stages[0], stages[1]


def _picture(dpr: float, color: str) -> QImage:
    """A plain picture with a red square at its top left corner, 10 by 10 (at ``dpr``)."""
    picture = QImage(round(SIDE * dpr), round(SIDE * dpr), QImage.Format.Format_RGB32)
    picture.setDevicePixelRatio(dpr)
    picture.fill(QColor(color))
    painter = QPainter(picture)
    painter.fillRect(QRectF(0, 0, 10, 10), QColor("red"))
    painter.end()
    return picture


def _shown(stage: Stage, x: int, y: int) -> str:
    image = stage.view.viewport().grab().toImage()
    scale = image.devicePixelRatio()
    return image.pixelColor(QPoint(round(x * scale), round(y * scale))).name()


def test_the_views_of_a_window_share_its_scene_and_show_their_own_stage(qtbot: QtBot) -> None:
    """One scene: what moves on both at a tick is repainted in one repaint of the window (see
    tests/ui/test_stroke_layer.py). Each view shows its stage, from the stage's origin."""
    window, left, right = _window(qtbot)
    assert left.view.scene() is right.view.scene()
    dot = QPixmap(10, 10)
    dot.fill(QColor("blue"))
    item = QGraphicsPixmapItem(dot)
    item.setOffset(50, 50)
    right.add(item)
    left.set_background(_picture(1.0, "white"))
    right.set_background(_picture(1.0, "white"))
    QApplication.processEvents()
    assert right.items() == [item]
    assert left.items() == []
    assert _shown(right, 55, 55) == "#0000ff"
    assert _shown(left, 55, 55) == "#ffffff"
    window.close()


def test_a_stage_background_starts_at_its_origin_whatever_its_pixel_ratio(qtbot: QtBot) -> None:
    """Qt moves a picture's pattern in the picture's own pixels: a stage far along the scene shows its picture from
    its top left corner at one device pixel to one and at two."""
    window, left, right = _window(qtbot)
    for dpr in (1.0, 2.0):
        for stage in (left, right):
            stage.set_background(_picture(dpr, "white"))
            QApplication.processEvents()
            assert _shown(stage, 3, 3) == "#ff0000", (dpr, stage.x)
            assert _shown(stage, 15, 15) == "#ffffff", (dpr, stage.x)
    window.close()


def test_a_cleared_stage_shows_nothing_of_what_it_had(qtbot: QtBot) -> None:
    window, stage, _ = _window(qtbot)
    stage.set_background(_picture(1.0, "white"))
    dot = QPixmap(10, 10)
    dot.fill(QColor("blue"))
    item = QGraphicsPixmapItem(dot)
    item.setOffset(50, 50)
    stage.add(item)
    stage.clear()
    assert stage.items() == []
    assert _shown(stage, 55, 55) == "#ffffff", "at once, before Qt deletes the items"
    window.close()


def test_a_window_closed_takes_its_scene_and_stages_with_it(qtbot: QtBot) -> None:
    window, stage, _ = _window(qtbot)
    scene = stage.view.scene()
    gone: list[str] = []
    scene.destroyed.connect(lambda: gone.append("scene"))
    window.deleteLater()
    qtbot.waitUntil(lambda: gone == ["scene"], timeout=2000)


class _CountedItem(QGraphicsPixmapItem):
    """A picture that counts how often Qt asks where it is."""

    asked = 0

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        _CountedItem.asked += 1
        return super().boundingRect()


def test_a_repaint_of_one_stage_does_not_look_at_the_parts_of_another(qtbot: QtBot) -> None:
    """Every part on a stage lies within it: a view repaints its own stage without going through the parts of the
    others (the dial's ring has about 50, which cost each of the diagram's 60 frames a second 16 µs more)."""
    window, left, right = _window(qtbot)
    dot = QPixmap(10, 10)
    dot.fill(QColor("blue"))
    item = _CountedItem(dot)
    right.add(item)
    left.set_background(_picture(1.0, "white"))
    QApplication.processEvents()
    _CountedItem.asked = 0
    for _ in range(5):
        left.view.viewport().repaint()
    assert _CountedItem.asked == 0
    window.close()
