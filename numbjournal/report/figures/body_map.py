"""Where: the body map coloured by how many episodes touched each region.

The regions are drawn as vector patches from the same SVG the editor shows
(their outlines come from ``core.bodymap``), so the chart stays crisp in PNG,
SVG and PDF and needs no SVG renderer.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Colormap, Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Polygon as PolygonPatch
from matplotlib.ticker import MaxNLocator

from ...core import bodymap, words
from ...core.model import Location
from ...core.patterns import BodyMapData, DateRange
from ...core.words import location_name, short_location_name
from .base import (
    DEFAULT_SIZE,
    add_artist_hover,
    bar_slots,
    draw_chart,
    heat_colormap,
    label_bars,
    percent,
    place,
    style_axes,
    subtitle,
)
from .theme import Theme

TITLE = "Where: body regions involved"
# The bars overlap (an episode in both legs counts in all three leg bars), so
# they say "any part" rather than reading as shares that add up to 100%.
SIDE_LABELS = (
    "Left leg, any part",
    "Right leg, any part",
    "Both legs at once",
    "Elsewhere on the body",
)
TOP_REGIONS = 6
LABEL_SIZE = 6.5
SMALLEST_LABEL = 4.5  # points: a region too small for this gets its number in the tooltip only


def build(
    data: BodyMapData,
    *,
    theme: str | Theme = "light",
    size: tuple[float, float] = DEFAULT_SIZE,
    figure: Figure | None = None,
) -> Figure:
    return draw_chart(data, TITLE, _draw, theme=theme, size=size, figure=figure)


def _draw(figure: Figure, colours: Theme, data: BodyMapData, span: DateRange) -> None:
    grid = figure.add_gridspec(2, 2, width_ratios=(1.7, 1), height_ratios=(1, 1.5))
    body = figure.add_subplot(grid[:, 0])
    sides = figure.add_subplot(grid[0, 1])
    top = figure.add_subplot(grid[1, 1])
    subtitle(body, colours, f"{span.describe()}  ·  {words.count(data.total, 'episode')}")
    cmap = heat_colormap(colours)
    norm = Normalize(0, max(max(data.counts.values()), 1))
    _draw_map(figure, body, data, colours, cmap, norm)
    _draw_sides(sides, data, colours)
    _draw_top(top, data, colours)
    bar = figure.colorbar(
        ScalarMappable(norm=norm, cmap=cmap),
        ax=body,
        location="bottom",
        fraction=0.035,
        pad=0.01,
        shrink=0.45,
    )
    bar.set_label("Episodes (uncoloured: none)")
    bar.ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    bar.outline.set_visible(False)
    bar.ax.tick_params(colors=colours.muted, labelcolor=colours.text)


def region_colour(
    count: int, theme: Theme, cmap: Colormap, norm: Normalize
) -> str | tuple[float, ...]:
    return theme.body if count == 0 else tuple(cmap(float(norm(count))))


def _draw_map(
    figure: Figure,
    ax: Axes,
    data: BodyMapData,
    theme: Theme,
    cmap: Colormap,
    norm: Normalize,
) -> None:
    x0, y0, width, height = bodymap.view_box()
    scale = _points_per_unit(figure, width, height)
    for polygon in _outline_polygons():
        place(
            ax,
            PolygonPatch(
                polygon, closed=True, facecolor=theme.body, edgecolor=theme.body_edge, linewidth=0.6
            ),
        )
    for location, polygons in bodymap.region_outlines().items():
        count = data.counts.get(location, 0)
        fill = region_colour(count, theme, cmap, norm)
        name = location_name(location)
        biggest = max(polygons, key=_extent)
        for polygon in polygons:
            patch = PolygonPatch(
                polygon, closed=True, facecolor=fill, edgecolor=theme.body_edge, linewidth=0.6
            )
            patch.set_gid(f"region-{location}")
            place(ax, patch)
            add_artist_hover(figure, patch, f"{name}\n{words.count(count, 'episode')}")
            if count and polygon is biggest:
                _count_label(ax, polygon, count, fill, scale)
    for text, x, y, size, bold in _labels():
        ax.text(
            x,
            y,
            text,
            ha="center",
            va="baseline",
            # As the SVG sizes them relative to the drawing, so that a small map
            # (the PDF's) keeps "Right" and "Left" apart; never larger than before.
            fontsize=min(size * 0.4, size * scale * 0.85),
            fontweight="bold" if bold else "normal",
            color=theme.muted,
            in_layout=False,
        )
    ax.set_xlim(x0, x0 + width)
    ax.set_ylim(y0 + height, y0)
    ax.set_aspect("equal")
    ax.set_axis_off()


def _draw_sides(ax: Axes, data: BodyMapData, theme: Theme) -> None:
    style_axes(ax, theme, grid_axis="")
    values = (data.left_leg, data.right_leg, data.both_legs, data.elsewhere)
    bars = ax.barh(
        SIDE_LABELS,
        values,
        color=(theme.bar, theme.bar, theme.bar, theme.not_tried),
        height=0.6,
    )
    bars[2].set_hatch("////")
    bars[2].set_edgecolor(theme.background)
    label_bars(ax, bars, [f"{v:,} ({percent(100 * v / data.total)})" for v in values], theme)
    ax.invert_yaxis()
    ax.set_xlim(0, max(max(values), 1) * 1.5)
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)
    ax.set_title("By side (bars overlap)", loc="left", fontsize=9.5, color=theme.text)


def _draw_top(ax: Axes, data: BodyMapData, theme: Theme) -> None:
    style_axes(ax, theme, grid_axis="")
    ranked = sorted(
        ((count, location) for location, count in data.counts.items() if count),
        key=lambda item: (-item[0], list(Location).index(item[1])),
    )[:TOP_REGIONS]
    names = [short_location_name(location) for _, location in ranked]
    counts = [count for count, _ in ranked]
    bars = ax.barh(names, counts, color=theme.bar, height=0.6)
    label_bars(ax, bars, [f"{count:,}" for count in counts], theme)
    bar_slots(ax, len(counts), minimum=TOP_REGIONS)
    ax.set_xlim(0, max(counts) * 1.3)
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)
    ax.set_title("Most often involved", loc="left", fontsize=9.5, color=theme.text)


def _extent(polygon: bodymap.Polygon) -> float:
    xs = [p[0] for p in polygon]
    ys = [p[1] for p in polygon]
    return min(max(xs) - min(xs), max(ys) - min(ys))


def compact_count(count: int) -> str:
    """'987', '1.1k', '12k': short enough to sit inside a body region."""
    if count < 1000:
        return str(count)
    if count < 10_000:
        return f"{count / 1000:.1f}k".replace(".0k", "k")
    return f"{round(count / 1000)}k"


def _points_per_unit(figure: Figure, width: float, height: float) -> float:
    """Roughly how many points one viewBox unit takes on the page (the map's share of it)."""
    fig_width, fig_height = figure.get_size_inches()
    return float(min(fig_width * 72 * 0.58 / width, fig_height * 72 * 0.78 / height))


def _count_label(
    ax: Axes, polygon: bodymap.Polygon, count: int, fill: str | tuple[float, ...], scale: float
) -> None:
    """The count inside its region, as large as fits, or nothing if it cannot be read."""
    xs = [p[0] for p in polygon]
    ys = [p[1] for p in polygon]
    text = compact_count(count)
    fits_width = (max(xs) - min(xs)) * scale * 0.7 / (0.72 * len(text))  # bold, tapered shapes
    fits_height = (max(ys) - min(ys)) * scale * 0.8
    size = min(LABEL_SIZE, fits_width, fits_height)
    if size < SMALLEST_LABEL:
        return
    shade = fill if isinstance(fill, tuple) else (1.0, 1.0, 1.0)
    dark = 0.299 * shade[0] + 0.587 * shade[1] + 0.114 * shade[2] < 0.5
    ax.text(
        sum(xs) / len(xs),
        sum(ys) / len(ys),
        text,
        ha="center",
        va="center",
        fontsize=size,
        fontweight="bold",
        color="white" if dark else "#222222",
        in_layout=False,
    )


def _svg_root() -> ET.Element:
    return ET.fromstring(bodymap.body_map_svg())


def _outline_polygons() -> list[bodymap.Polygon]:
    """The parts of the drawing that are not regions (head, neck), for context."""
    polygons: list[bodymap.Polygon] = []
    for group in _svg_root().iter(f"{{{bodymap.SVG_NS}}}g"):
        if group.get("id") == "outline":
            for path in group.iter(f"{{{bodymap.SVG_NS}}}path"):
                polygons.extend(bodymap.path_polygons(path.get("d", "")))
    return polygons


def _labels() -> list[tuple[str, float, float, float, bool]]:
    """The map's own captions (FRONT, BACK, Left, Right) with their positions."""
    found = []
    for group in _svg_root().iter(f"{{{bodymap.SVG_NS}}}g"):
        if group.get("id") != "labels":
            continue
        base = float(group.get("font-size", "12"))
        for text in group.iter(f"{{{bodymap.SVG_NS}}}text"):
            found.append(
                (
                    text.text or "",
                    float(text.get("x", "0")),
                    float(text.get("y", "0")),
                    float(text.get("font-size", base)),
                    text.get("font-weight") == "bold",
                )
            )
    return found
