"""Where the diagram's words go: node names and the no-press warning, placed so that none overlaps another
word, a node marker or a no-press circle. A word with no free place is left out rather than drawn over."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations, pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QTransform

from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.frame import Zone
from massage_gui.core.scene import Scene

LABEL_PAD_PX = 2.0  # clear space kept around every word
EDGE_PX = 3.0  # the least room between a warning slid past the hands and the diagram's edge
SHIFTS = (0.0, 0.8, -0.8, 1.6, -1.6)  # a label's tries up and down from its place, in line heights


@dataclass(frozen=True)
class PlacedLabel:
    text: str
    rect: QRectF


def _clear(rect: QRectF, taken: Iterable[QRectF], page: QRectF) -> bool:
    padded = rect.adjusted(-LABEL_PAD_PX, -LABEL_PAD_PX, LABEL_PAD_PX, LABEL_PAD_PX)
    return page.contains(rect) and not any(padded.intersects(other) for other in taken)


def circle_box(center: QPointF, radius: float) -> QRectF:
    """The square around a circle of ``radius`` about ``center``."""
    return QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius)


def marker_boxes(scene: Scene, transform: QTransform, ring: float) -> list[QRectF]:
    """The room each node marker takes (with the ring drawn around a target node)."""
    return [circle_box(transform.map(QPointF(n.x, n.y)), ring) for n in scene.nodes]


def no_press_boxes(scene: Scene, transform: QTransform) -> list[QRectF]:
    """The no-press circles, where they would be drawn on any step (so node names never sit on them)."""
    boxes = []
    for zone in default_anatomy().no_press:
        for center in zone.centers():
            x = 1.0 - center[0] if scene.mirror else center[0]
            boxes.append(circle_box(transform.map(QPointF(x, center[1])), zone.radius * transform.m11()))
    return boxes


def place_node_labels(
    scene: Scene,
    transform: QTransform,
    page: QRectF,
    metrics: QFontMetricsF,
    radius: float,
    gap: float,
    ring: float,
    clear_of: Iterable[QRectF] = (),
) -> list[PlacedLabel]:
    """Each named node's label beside its marker: a side node's outward (a little higher or lower if it must),
    else above or below it, never toward the middle, where it would lie across the face; a middle node's
    below or above it, else beside it. None lies on ``clear_of`` (where the hands go), and none lies nearer
    another group's marker than one of its own, where it would seem to name that one. A name with no such
    place on one line tries the same places on two, then on more, up to a word a line: narrower, it fits
    between the markers that crowd round its own in a small window. With none there either, it is left out."""
    if not scene.show_labels:
        return []
    taken = marker_boxes(scene, transform, ring) + no_press_boxes(scene, transform) + list(clear_of)
    anchors = [(n.node, transform.map(QPointF(n.x, n.y))) for n in scene.nodes]
    placed: list[PlacedLabel] = []
    for node in scene.nodes:
        if not node.label:
            continue
        anchor = transform.map(QPointF(node.x, node.y))
        kin = [a for group, a in anchors if group == node.node]  # the group's markers on both sides
        strangers = [a for group, a in anchors if group != node.node]
        blockers = taken + [p.rect for p in placed]  # its own marker too: a name moved toward it must not cover it
        reach = ring + gap  # a side node's name starts ring + gap / 2 from its marker: that slot is that marker's
        words = len(node.label.split())
        for text in (node.label, *(in_lines(node.label, metrics, n) for n in range(2, words + 1))):
            places = _node_places(text, node.side, anchor, page, metrics, ring, gap)
            found = next(
                (r for r in places if _clear(r, blockers, page) and _names_its_own(r, kin, strangers, reach)), None
            )
            if found is not None:
                placed.append(PlacedLabel(text, found))
                break
    return placed


def _node_places(
    text: str, side: str, anchor: QPointF, page: QRectF, metrics: QFontMetricsF, ring: float, gap: float
) -> list[QRectF]:
    """Where a node's name may go, in order of preference (see ``place_node_labels``)."""
    width, height = _text_size(text, metrics)
    right = QRectF(anchor.x() + ring + gap / 2, anchor.y() - height / 2, width, height)
    left = QRectF(anchor.x() - ring - gap / 2 - width, anchor.y() - height / 2, width, height)
    below = QRectF(anchor.x() - width / 2, anchor.y() + ring + 3, width, height)
    above = QRectF(anchor.x() - width / 2, anchor.y() - ring - 3 - height, width, height)
    if side == "center":
        groups = [[below, above, right, left]]
    else:
        groups = [[right if anchor.x() >= page.center().x() else left], [above, below]]
    line = metrics.height()
    return [r.translated(0, dy * line) for group in groups for dy in SHIFTS for r in group]


def _text_size(text: str, metrics: QFontMetricsF) -> tuple[float, float]:
    """The room ``text`` takes (its lines centred on each other)."""
    if "\n" not in text:
        return metrics.horizontalAdvance(text), metrics.height()
    size = metrics.boundingRect(QRectF(0, 0, 1e5, 1e5), Qt.AlignmentFlag.AlignCenter, text).size()
    return size.width(), size.height()


def _distance(rect: QRectF, point: QPointF) -> float:
    dx = max(rect.left() - point.x(), 0.0, point.x() - rect.right())
    dy = max(rect.top() - point.y(), 0.0, point.y() - rect.bottom())
    return math.hypot(dx, dy)


def _names_its_own(rect: QRectF, kin: list[QPointF], strangers: list[QPointF], reach: float) -> bool:
    """No marker of another group (``strangers``) is nearer the label than the nearest of its own (``kin``), nor
    on the label's row just before its first word or after its last (within ``reach``), where that marker's
    own name would stand: "▼ Under the chin" beside a jaw marker reads as the jaw marker's name."""
    nearest = min(_distance(rect, a) for a in kin)
    return all(_distance(rect, a) >= nearest and not _beside(rect, a, reach) for a in strangers)


def _beside(rect: QRectF, point: QPointF, reach: float) -> bool:
    on_the_row = rect.top() <= point.y() <= rect.bottom()
    return on_the_row and (0 <= rect.left() - point.x() <= reach or 0 <= point.x() - rect.right() <= reach)


def in_two_lines(text: str, metrics: QFontMetricsF) -> str | None:
    """``text`` broken between two words onto two lines, where the wider line is narrowest; None for one word."""
    return in_lines(text, metrics, 2) if len(text.split()) >= 2 else None


def in_lines(text: str, metrics: QFontMetricsF, count: int) -> str:
    """``text`` broken between words onto ``count`` lines (no more than it has words), where the widest line
    is narrowest."""
    words = text.split()

    def lines(cuts: tuple[int, ...]) -> list[str]:
        bounds = (0, *cuts, len(words))
        return [" ".join(words[a:b]) for a, b in pairwise(bounds)]

    best = min(
        combinations(range(1, len(words)), count - 1),
        key=lambda cuts: max(metrics.horizontalAdvance(line) for line in lines(cuts)),
    )
    return "\n".join(lines(best))


def no_press_places(
    zones: tuple[Zone, ...], transform: QTransform, page: QRectF, metrics: QFontMetricsF, text: str | None = None
) -> tuple[str, list[QRectF], list[QRectF]]:
    """The warning's words (``text``, else the zones' label on one line), the places it may go (outside the neck
    beside one circle, else below or above them) in order of preference, and the circles it must keep clear of."""
    text = zones[0].label if text is None else text
    width, height = _text_size(text, metrics)
    circles = [circle_box(transform.map(QPointF(z.x, z.y)), z.radius * transform.m11()) for z in zones]
    leftmost = min(circles, key=lambda r: r.center().x())
    rightmost = max(circles, key=lambda r: r.center().x())
    middle_x = (leftmost.center().x() + rightmost.center().x()) / 2
    lowest = max(c.bottom() for c in circles)
    highest = min(c.top() for c in circles)
    candidates = [
        QRectF(leftmost.left() - 6 - width, leftmost.center().y() - height / 2, width, height),
        QRectF(rightmost.right() + 6, rightmost.center().y() - height / 2, width, height),
        QRectF(middle_x - width / 2, lowest + 6, width, height),
        QRectF(middle_x - width / 2, highest - 6 - height, width, height),
    ]
    return text, [r.translated(0, dy * height) for dy in (0.0, 1.0, -1.0, 2.0) for r in candidates], circles


class NoPressPlaces:
    """Where the no-press warning goes beside its circles, for surroundings that stay put except for the
    hands, which move from spot to spot: the places blocked by what stays put (``taken``) are ruled out once,
    and each spot checks only the hands against the places left (the same answer as counting them in
    ``taken``, without testing every mark again). When the hands cover every place left, a place beside the
    circles slides outward past them. A warning with no place on one line (a long translation in a small
    window) tries the same on two; None when no place is free (the circles and the panel's caution still
    say it)."""

    def __init__(
        self,
        zones: tuple[Zone, ...],
        transform: QTransform,
        page: QRectF,
        metrics: QFontMetricsF,
        taken: list[QRectF],
        text: str | None = None,
    ) -> None:
        self.page = page
        self.text, candidates, circles = no_press_places(zones, transform, page, metrics, text)
        self.blockers = taken + circles
        self.free = [rect for rect in candidates if _clear(rect, self.blockers, page)]
        # beside the leftmost circle, then the rightmost, in each row (see no_press_places)
        self.beside = [(rect, -1.0 if k % 4 == 0 else 1.0) for k, rect in enumerate(candidates) if k % 4 < 2]
        self._zones, self._transform, self._metrics, self._taken = zones, transform, metrics, taken
        self._two_lines: NoPressPlaces | None = None  # made when first needed

    def first_clear_of(self, moving: list[QRectF]) -> PlacedLabel | None:
        """The first place left that none of ``moving`` covers, else the first place beside the circles slid
        outward clear of them; the same for the words on two lines if none; None when there is none."""
        for rect in self.free:
            if not _covered(rect, moving):
                return PlacedLabel(self.text, rect)
        for rect, outward in self.beside:
            slid = self._slid(rect, outward, moving)
            if slid is not None:
                return PlacedLabel(self.text, slid)
        two = self._wrapped()
        return two.first_clear_of(moving) if two is not None else None

    def _wrapped(self) -> NoPressPlaces | None:
        """The places for the words on two lines (None if they are on two already, or are one word)."""
        if self._two_lines is None and "\n" not in self.text:
            text = in_two_lines(self.text, self._metrics)
            if text is not None:
                self._two_lines = NoPressPlaces(
                    self._zones, self._transform, self.page, self._metrics, self._taken, text
                )
        return self._two_lines

    def _slid(self, rect: QRectF, outward: float, moving: list[QRectF]) -> QRectF | None:
        for _ in range(len(moving) + 1):
            padded = rect.adjusted(-LABEL_PAD_PX, -LABEL_PAD_PX, LABEL_PAD_PX, LABEL_PAD_PX)
            hits = [other for other in moving if padded.intersects(other)]
            if not hits:
                inside = self.page.adjusted(EDGE_PX, EDGE_PX, -EDGE_PX, -EDGE_PX)  # not flush with the window's edge
                return rect if _clear(rect, self.blockers, inside) else None
            if outward < 0:
                rect = rect.translated(min(h.left() for h in hits) - LABEL_PAD_PX - 1 - rect.right(), 0)
            else:
                rect = rect.translated(max(h.right() for h in hits) + LABEL_PAD_PX + 1 - rect.left(), 0)
        return None


def _covered(rect: QRectF, moving: list[QRectF]) -> bool:
    padded = rect.adjusted(-LABEL_PAD_PX, -LABEL_PAD_PX, LABEL_PAD_PX, LABEL_PAD_PX)
    return any(padded.intersects(other) for other in moving)
