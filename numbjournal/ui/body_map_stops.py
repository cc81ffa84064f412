"""Where the body map's keyboard focus can go: one stop per drawn part of a region.

A knee has a front and a back part, a sole its heel seen from behind and
its underside, so the arrow keys move between parts, to the nearest one in
the direction pressed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

from ..core import bodymap
from ..core.model import Location


@dataclass(frozen=True)
class Stop:
    """One drawn part of a region (a knee has a front and a back part)."""

    location: Location
    path: QPainterPath
    centre: QPointF


def stops() -> list[Stop]:
    stops: list[Stop] = []
    for location, polygons in bodymap.region_outlines().items():
        for polygon in polygons:
            path = QPainterPath()
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in polygon]))
            path.closeSubpath()
            xs = [p[0] for p in polygon]
            ys = [p[1] for p in polygon]
            centre = QPointF((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
            stops.append(Stop(location, path, centre))
    return stops


def next_stop(stops: list[Stop], current: int, dx: float, dy: float) -> int:
    """The nearest stop in direction (dx, dy) from ``current``; ``current`` if there is none."""
    here = stops[current].centre
    best, best_score = current, math.inf
    for index, stop in enumerate(stops):
        ox, oy = stop.centre.x() - here.x(), stop.centre.y() - here.y()
        along = ox * dx + oy * dy
        if index == current or along <= 4:
            continue
        across = abs(ox * dy - oy * dx)
        if across > along * 2.5:  # well off to the side: not "in that direction"
            continue
        score = along + 2.2 * across
        if score < best_score:
            best, best_score = index, score
    return best
