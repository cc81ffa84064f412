"""How often: episodes per day, week or month, flagged ones marked, with a trend line."""

from __future__ import annotations

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ...core import words
from ...core.patterns import DateRange, FrequencyData, Granularity
from .base import (
    DEFAULT_SIZE,
    add_period_hover,
    column_bars,
    date_axis,
    draw_chart,
    integer_axis,
    period_centre,
    period_width,
    style_axes,
    subtitle,
)
from .theme import Theme
from .treatment_spans import draw_treatments, legend

EPISODES_LABEL = "Episodes"
FLAGGED_LABEL = "Flagged: matched a medical-help criterion"
PARTIAL_ALPHA = 0.45

PER = {Granularity.DAY: "day", Granularity.WEEK: "week", Granularity.MONTH: "month"}


def title(data: FrequencyData) -> str:
    return f"How often: episodes per {PER[data.granularity]}"


def build(
    data: FrequencyData,
    *,
    theme: str | Theme = "light",
    size: tuple[float, float] = DEFAULT_SIZE,
    figure: Figure | None = None,
) -> Figure:
    return draw_chart(data, title(data), _draw, theme=theme, size=size, figure=figure)


def _draw(figure: Figure, colours: Theme, data: FrequencyData, span: DateRange) -> None:
    per = PER[data.granularity]
    ax = figure.add_subplot()
    style_axes(ax, colours)
    subtitle(
        ax,
        colours,
        f"{span.describe()}  ·  {words.count(data.total, 'episode')}, {data.flagged:,} flagged",
    )
    whole = [p.period.within(span) for p in data.points]
    partial = any(p.episodes for p, inside in zip(data.points, whole, strict=True) if not inside)
    # Periods only partly inside the range are faded: a collection of their own.
    for inside in (True, False):
        points = [p for p, keep in zip(data.points, whole, strict=True) if keep is inside]
        if not points:
            continue
        centres = [period_centre(p.period) for p in points]
        widths = [period_width(p.period) for p in points]
        bars = column_bars(
            ax,
            centres,
            [p.episodes for p in points],
            widths,
            color=colours.bar,
            label=EPISODES_LABEL,
        )
        flagged = column_bars(
            ax,
            centres,
            [p.flagged for p in points],
            widths,
            color=colours.flagged,
            edgecolor=colours.background,
            hatch="////",
            linewidth=0,
            label=FLAGGED_LABEL,
        )
        if not inside:
            bars.set_alpha(PARTIAL_ALPHA)
            flagged.set_alpha(PARTIAL_ALPHA)
    add_period_hover(
        figure,
        ax,
        [p.period for p in data.points],
        [
            f"{p.period.label}\n{words.count(p.episodes, 'episode')}, {p.flagged:,} flagged"
            + ("" if inside else "\n(only partly inside the range)")
            for p, inside in zip(data.points, whole, strict=True)
        ],
    )
    handles: list[Artist] = [
        Patch(color=colours.bar, label=EPISODES_LABEL),
        Patch(
            facecolor=colours.flagged,
            edgecolor=colours.background,
            hatch="////",
            linewidth=0,
            label=FLAGGED_LABEL,
        ),
    ]
    trend = data.trend()
    if trend is not None:
        (line,) = ax.plot(
            [period_centre(trend.first), period_centre(trend.last)],
            [trend.start, trend.end],
            color=colours.line,
            linestyle="--",
            linewidth=1.4,
            label=f"Trend: {trend.start:.1f} to {trend.end:.1f} per {per}",
        )
        handles.append(line)
    else:
        handles.append(Patch(color="none", label="Too few episodes for a trend line"))
    if partial:
        handles.append(Patch(color=colours.bar, alpha=PARTIAL_ALPHA, label=f"Part of a {per} only"))
    spans = draw_treatments(
        figure, ax, colours, data.treatments, data.points[0].period, data.points[-1].period
    )
    date_axis(ax, data.points[0].period, data.points[-1].period)
    integer_axis(ax.yaxis)
    ax.set_ylim(0, max(p.episodes for p in data.points) * 1.3)
    ax.set_ylabel(f"Episodes per {per}")
    legend(figure, ax, handles, spans, ncols=2)
