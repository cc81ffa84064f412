"""Charts for the summary: the shared figure builders, saved as SVG and drawn as vectors.

Text in the SVG stays text (``svg.fonttype: none``) in the bundled font, so
chart labels print crisply and can be searched in the PDF. Hatching is
turned into plain clipped lines first: Qt's SVG renderer would paint each
hatch pattern as a photo-sized bitmap, and a year of weekly bars would make
a PDF of many megabytes.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from .document import Chart

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Charts are built this much larger than the space they fill and scaled down, so their
# 9.5 pt labels print at about 8.4 pt and a whole chart fits on a page with the text.
SHRINK = 0.88
SVG_DPI = 72  # matplotlib writes SVG in points
HATCH_DENSITY = 6  # lines per inch tile, as matplotlib's backends draw hatches


def chart_svg(chart: Chart, width_pt: float, height_pt: float) -> bytes:
    """The chart as SVG, to be drawn ``width_pt`` x ``height_pt`` points large."""
    import matplotlib

    from ..figures import CHARTS
    from ..figures.base import chart_style
    from ..figures.theme import theme_named

    figure = CHARTS[chart.name].build(
        chart.data, size=(width_pt / 72 / SHRINK, height_pt / 72 / SHRINK)
    )
    buffer = io.BytesIO()
    with (
        chart_style(theme_named("light")),
        matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "numbjournal"}),
    ):
        figure.set_dpi(SVG_DPI)
        figure.canvas.draw()
        _hatches_as_lines(figure)
        figure.savefig(buffer, format="svg", dpi=SVG_DPI, metadata={"Date": None})
    # matplotlib writes an empty segment (a period with nothing to draw) as a <path> with
    # no data, and a one-value range as a line of length zero; neither draws anything
    # (the line has flat ends), but Qt warns about the first and writes the second as a
    # PDF path that readers report as broken.
    svg = _EMPTY_PATH.sub(b"", buffer.getvalue())
    return _ZERO_LINE.sub(b"", svg)


_EMPTY_PATH = re.compile(rb"<path(?![^>]*\sd=)[^>]*/>")
_ZERO_LINE = re.compile(
    rb'<path d="M (-?[\d.]+) (-?[\d.]+)\s+L \1 \2\s*"(?![^>]*stroke-linecap)[^>]*/>'
)


def _hatches_as_lines(figure: Figure) -> None:
    """Replace each hatched bar's pattern by the same lines, cut to the bar's edges.

    Bars are single patches (``ax.barh``) or one collection per series
    (``base.column_bars``). The lines are cut here rather than with an SVG
    clip path, which Qt's renderer ignores.
    """
    from matplotlib.collections import PolyCollection
    from matplotlib.patches import Rectangle

    for patch in figure.findobj(Rectangle):
        pattern = patch.get_hatch()
        axes = patch.axes
        if not pattern or set(pattern) - LINE_HATCHES or axes is None:
            continue
        if patch not in axes.patches:
            continue  # a legend key keeps its pattern: one small bitmap per chart
        patch.set_hatch(None)  # type: ignore[arg-type]
        _lay_lines(axes, pattern, [patch.get_window_extent()], _hatch_colour(patch), patch.zorder)
    for bars in figure.findobj(PolyCollection):
        pattern = bars.get_hatch()
        axes = bars.axes
        if not pattern or set(pattern) - LINE_HATCHES or axes is None:
            continue
        bars.set_hatch(None)  # type: ignore[arg-type]
        boxes = [path.get_extents(bars.get_transform()) for path in bars.get_paths()]
        _lay_lines(axes, pattern, boxes, _one_colour(_hatch_colour(bars)), bars.zorder)


def _lay_lines(axes: Any, pattern: str, boxes: list[Any], colour: object, zorder: float) -> None:
    """The pattern's lines inside each box (display coordinates), as one path on ``axes``."""
    import matplotlib
    from matplotlib import hatch
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path
    from matplotlib.transforms import Affine2D

    tile = float(SVG_DPI)
    vertices: list[tuple[float, float]] = []
    for box in boxes:
        if box.width <= 0 or box.height <= 0:
            continue
        x0, y0 = (box.x0 // tile) * tile, (box.y0 // tile) * tile
        tiles = int(max(box.x1 - x0, box.y1 - y0) // tile) + 1
        path = hatch.get_path(pattern, density=HATCH_DENSITY * tiles)
        path = path.transformed(Affine2D().scale(tiles * tile).translate(x0, y0))
        for start, end in _segments(path):
            cut = _clip(start, end, (box.x0, box.y0, box.x1, box.y1))
            if cut is not None:
                vertices.extend(cut)
    if not vertices:
        return
    codes = [Path.MOVETO, Path.LINETO] * (len(vertices) // 2)
    # In data coordinates, so the lines move with the bars when saving re-runs the layout.
    lines = PathPatch(
        Path(axes.transData.inverted().transform(vertices), codes),
        transform=axes.transData,
        fill=False,
        edgecolor=colour,
        linewidth=matplotlib.rcParams["hatch.linewidth"],
        zorder=zorder,
    )
    axes.add_artist(lines)


def _one_colour(colour: object) -> object:
    """A collection's hatch colour: one RGBA, or (newer matplotlib) one per shape."""
    import numpy as np

    found = np.asarray(colour)
    return tuple(found[0]) if found.ndim == 2 else colour


LINE_HATCHES = set("/\\|-+xX")

Point = tuple[float, float]


def _segments(path: object) -> list[tuple[Point, Point]]:
    from matplotlib.path import Path

    found = []
    previous: Point | None = None
    for (x, y), code in path.iter_segments(simplify=False, curves=False):  # type: ignore[attr-defined]
        point = (float(x), float(y))
        if code == Path.LINETO and previous is not None:
            found.append((previous, point))
        previous = point
    return found


def _clip(start: Point, end: Point, box: tuple[float, float, float, float]) -> list[Point] | None:
    """The part of a segment inside ``box`` (Liang-Barsky), or None."""
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    left, bottom, right, top = box
    for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - bottom), (dy, top - y1)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return [(x1 + low * dx, y1 + low * dy), (x1 + high * dx, y1 + high * dy)]


def _hatch_colour(patch: object) -> object:
    getter = getattr(patch, "get_hatchcolor", None)
    colour = getter() if getter is not None else getattr(patch, "_hatch_color", "black")
    if isinstance(colour, str) and colour == "edge":
        return patch.get_edgecolor()  # type: ignore[attr-defined]
    return colour
