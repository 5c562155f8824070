"""Qt's graphics view set up to play pictures over a widget that it covers, with no Python between frames.

Every such view in a window shows its own stage of one scene, the window's: Qt works out what moved in a scene
once a frame and then asks the window to repaint, so that the parts moved in one scene at a tick are repainted in
one repaint of the window. Two scenes would cost the window two repaints at that tick (for the stroke and the dial's
ring: 15 a second more, each as dear as drawing the stroke)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QGraphicsWidget,
    QWidget,
)

SCENE_NAME = "massage-gui-played"
STAGE_GAP = 1_000_000.0  # stages this far apart along x: nothing on one shows in another's view


class Stage:
    """One view's part of the shared scene: ``view`` (hidden until shown) over the widget given, showing the
    items added here over a background picture, from its own origin. Holds nothing but what it shows."""

    _count = 0

    def __init__(self, parent: QWidget) -> None:
        # The scene of the window that ``parent`` is in, deleted with it after the views in it.
        window = parent.window()
        scene = window.findChild(QGraphicsScene, SCENE_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
        if scene is None:
            scene = QGraphicsScene(window)
            scene.setObjectName(SCENE_NAME)
            scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # few items, all moving
            scene.setSceneRect(0, 0, 1e15, 1e7)  # set, not grown with the items moved at each frame
        Stage._count += 1
        self._x = Stage._count * STAGE_GAP
        self.view = _view(parent, scene)
        self._root = self._new_root()

    @property
    def x(self) -> float:
        """Where the stage's origin lies in the scene."""
        return self._x

    def add(self, item: QGraphicsItem) -> None:
        """Show ``item`` on the stage, placed from the stage's origin."""
        self.view.scene().addItem(item)  # the scene's, not Python's, to delete (with the stage's root)
        item.setParentItem(self._root)

    def items(self) -> list[QGraphicsItem]:
        """What is on the stage, parts of parts too."""
        found: list[QGraphicsItem] = []
        parents: list[QGraphicsItem] = [self._root]
        while parents:
            children = parents.pop().childItems()
            found.extend(children)
            parents.extend(children)
        return found

    def clear(self) -> None:
        """Take every item off the stage (deleted with the root that holds them, when Qt's event loop is next
        back: hidden until then)."""
        size = self._root.size()
        self._root.hide()
        self._root.deleteLater()
        self._root = self._new_root()
        self._root.resize(size)

    def set_rect(self, width: float, height: float) -> None:
        """How much of the stage the view shows, from its origin (the view's own size, not turned or scaled)."""
        self.view.setSceneRect(self._x, 0, width, height)
        self._root.resize(width, height)

    def set_background(self, picture: QImage | QPixmap) -> None:
        """The picture behind the items, from the stage's origin (shared with the caller, not copied)."""
        brush = QBrush(picture)
        # Qt moves a picture's pattern in the picture's own pixels, not the view's (tests/ui/test_played_view.py).
        brush.setTransform(QTransform.fromTranslate(self._x * picture.devicePixelRatio(), 0))
        self.view.setBackgroundBrush(brush)

    def clear_background(self) -> None:
        self.view.setBackgroundBrush(QBrush())

    def _new_root(self) -> QGraphicsWidget:
        root = QGraphicsWidget()
        # What is on a stage stays within it: another view's repaint passes over it without looking at each part
        # (the root "has contents" for that, and paints nothing).
        root.setFlag(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape)
        root.setPos(self._x, 0)
        self.view.scene().addItem(root)
        self.view.destroyed.connect(root.deleteLater)  # the scene outlives every window: its items go with it
        return root


def _view(parent: QWidget, scene: QGraphicsScene) -> QGraphicsView:
    """A hidden view of ``scene`` over ``parent``, which paints every pixel it covers from its background and
    items, and leaves the keyboard, the mouse and tooltips to ``parent``.

    Qt's own QGraphicsView, not a subclass: a Python subclass would have PySide look up a Python override of
    each of its virtual functions, many times a frame."""
    view = QGraphicsView(parent)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    view.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
    # One rectangle around all that moved, repainted and handed to the X server once a frame: cheaper than
    # a rectangle for each part (Qt's default), though it covers more pixels (tests/ui/test_stroke_layer.py).
    view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
    view.setInteractive(False)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    # A viewport made here: asked for the one Qt made, PySide would look through every widget class it
    # knows for its type, making 45 enum types on the way (0.4 MiB).
    viewport = QWidget()
    view.setViewport(viewport)  # which turns its fill on: off again below
    viewport.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    # The view's background covers every pixel: no fill with the palette's colour first (the widget below is
    # not painted either while this covers it).
    viewport.setAutoFillBackground(False)
    viewport.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    # Clicks, hovers and tooltips belong to the widget below.
    view.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    view.setScene(scene)
    view.hide()
    return view


def clear_picture(width: int, height: int, dpr: float) -> tuple[QPixmap, QPainter]:
    """A clear picture of ``width`` by ``height`` device pixels at ``dpr``, and an antialiased painter on it (to be
    ended by the caller)."""
    picture = QPixmap(width, height)
    picture.setDevicePixelRatio(dpr)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return picture, painter
