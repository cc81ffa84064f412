"""After what: what the person was doing, and whether changing position helped."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ...core import words
from ...core.patterns import ContextData, DateRange
from .base import (
    DEFAULT_SIZE,
    add_artist_hover,
    bar_slots,
    draw_chart,
    integer_axis,
    label_bars,
    style_axes,
    subtitle,
)
from .theme import Theme

TITLE = "After what: activity, and whether changing position helped"
IMPROVED = "Changing position helped"
NOT_IMPROVED = "Did not help"
NOT_TRIED = "Not tried"


def helped_sentence(data: ContextData) -> str:
    if not data.tried:
        return "Changing position was not tried in any episode"
    share = 100 * data.improved / data.tried
    return (
        f"Changing position helped in {data.improved:,} of the {data.tried:,} "
        f"episodes where it was tried ({share:.0f}%)"
    )


def build(
    data: ContextData,
    *,
    theme: str | Theme = "light",
    size: tuple[float, float] = DEFAULT_SIZE,
    figure: Figure | None = None,
) -> Figure:
    return draw_chart(data, TITLE, _draw, theme=theme, size=size, figure=figure)


def _draw(figure: Figure, colours: Theme, data: ContextData, span: DateRange) -> None:
    ax = figure.add_subplot()
    style_axes(ax, colours, grid_axis="x")
    subtitle(ax, colours, f"{span.describe()}  ·  {helped_sentence(data)}")
    rows = [row for row in data.rows if row.episodes]
    names = [words.name(row.context) for row in rows]
    segments = (
        (IMPROVED, [r.improved for r in rows], colours.improved, ""),
        (NOT_IMPROVED, [r.not_improved for r in rows], colours.not_improved, "////"),
        (NOT_TRIED, [r.not_tried for r in rows], colours.not_tried, ".."),
    )
    left = [0] * len(rows)
    for name, values, colour, hatch in segments:
        bars = ax.barh(
            names,
            values,
            left=left,
            color=colour,
            hatch=hatch,
            edgecolor=colours.background,
            linewidth=0.6,
            height=0.65,
            label=name,
        )
        for row, value, bar in zip(rows, values, bars, strict=True):
            if value:
                add_artist_hover(
                    figure,
                    bar,
                    f"{words.name(row.context)}: {words.count(row.episodes, 'episode')}\n"
                    f"{name}: {value:,}",
                )
        left = [a + b for a, b in zip(left, values, strict=True)]
    label_bars(ax, bars, [f"{row.episodes:,}" for row in rows], colours)
    bar_slots(ax, len(rows))
    integer_axis(ax.xaxis)
    ax.set_xlim(0, max(r.episodes for r in rows) * 1.15)
    ax.set_xlabel("Episodes")
    ax.legend(
        handles=[
            Patch(facecolor=c, hatch=h, edgecolor=colours.background, label=n)
            for n, values, c, h in segments
            if any(values)
        ],
        loc="lower right",
        fontsize=8.5,
    )
