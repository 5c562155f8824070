"""Node-group marker shapes: each group differs in shape as well as colour."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

NODE_SHAPES = {
    "terminus": "diamond",
    "deep_cervical": "square",
    "submandibular": "triangle_down",
    "submental": "triangle_up",
    "preauricular": "circle",
    "mastoid": "pentagon",
    "occipital": "circle",  # drawn dashed and hollow: it lies behind the head
    "axillary": "hexagon",
}


def _regular(center: QPointF, radius: float, sides: int, rotation_deg: float) -> QPolygonF:
    return QPolygonF(
        [
            QPointF(
                center.x() + radius * math.cos(math.radians(rotation_deg + 360 * i / sides)),
                center.y() + radius * math.sin(math.radians(rotation_deg + 360 * i / sides)),
            )
            for i in range(sides)
        ]
    )


def marker_path(node: str, center: QPointF, radius: float) -> QPainterPath:
    """The marker outline for ``node`` centred on ``center`` (pixels)."""
    shape = NODE_SHAPES[node]
    path = QPainterPath()
    if shape == "circle":
        path.addEllipse(center, radius * 0.9, radius * 0.9)
    elif shape == "square":
        path.addPolygon(_regular(center, radius * 1.05, 4, 45))
    elif shape == "diamond":
        path.addPolygon(_regular(center, radius * 1.2, 4, 0))
    elif shape == "triangle_down":
        path.addPolygon(_regular(center, radius * 1.2, 3, 90))
    elif shape == "triangle_up":
        path.addPolygon(_regular(center, radius * 1.2, 3, -90))
    elif shape == "pentagon":
        path.addPolygon(_regular(center, radius * 1.1, 5, -90))
    elif shape == "hexagon":
        path.addPolygon(_regular(center, radius * 1.1, 6, 0))
    path.closeSubpath()
    return path
