"""How long: the median and the longest episode in each period."""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from ...core import words
from ...core.patterns import DateRange, DurationData, DurationPoint
from .base import (
    DEFAULT_SIZE,
    add_period_hover,
    date_axis,
    draw_chart,
    period_centre,
    style_axes,
    subtitle,
)
from .frequency import PER
from .theme import Theme
from .treatment_spans import draw_treatments, legend

MEDIAN_LABEL = "Median duration"
LONGEST_LABEL = "Longest episode"
NO_FINISHED = "No finished episodes in this range"
LOG_SCALE_RATIO = 20
_LOG_TICKS = (1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 10080, 43200)


def title(data: DurationData) -> str:
    return f"How long: episode duration per {PER[data.granularity]}"


def build(
    data: DurationData,
    *,
    theme: str | Theme = "light",
    size: tuple[float, float] = DEFAULT_SIZE,
    figure: Figure | None = None,
) -> Figure:
    only_ongoing = data.span is not None and data.total == 0 and data.ongoing > 0
    return draw_chart(
        data,
        title(data),
        _draw,
        theme=theme,
        size=size,
        figure=figure,
        empty=NO_FINISHED if only_ongoing else None,
        empty_note=f"Still going, so no duration yet: {words.count(data.ongoing, 'episode')}."
        if only_ongoing
        else "",
    )


def _draw(figure: Figure, colours: Theme, data: DurationData, span: DateRange) -> None:
    ax = figure.add_subplot()
    style_axes(ax, colours)
    note = f"  ·  {_ongoing_note(data.ongoing)}" if data.ongoing else ""
    subtitle(
        ax,
        colours,
        f"{span.describe()}  ·  {words.count(data.total, 'episode')} with a duration{note}",
    )
    x = [period_centre(p.period) for p in data.points]
    medians = [math.nan if p.median_minutes is None else p.median_minutes for p in data.points]
    longest = [math.nan if p.longest_minutes is None else p.longest_minutes for p in data.points]
    ax.vlines(x, medians, longest, color=colours.secondary, linewidth=1, alpha=0.6, zorder=2)
    ax.plot(
        x,
        longest,
        linestyle="none",
        marker="^",
        markersize=5,
        color=colours.secondary,
        label=LONGEST_LABEL,
        zorder=3,
    )
    ax.plot(
        x,
        medians,
        marker="o",
        markersize=4.5,
        linewidth=1.6,
        color=colours.bar,
        label=MEDIAN_LABEL,
        zorder=4,
    )
    add_period_hover(
        figure,
        ax,
        [p.period for p in data.points],
        [_hover(p) for p in data.points],
    )
    _duration_axis(
        ax,
        [p.median_minutes for p in data.points if p.median_minutes is not None],
        [p.longest_minutes for p in data.points if p.longest_minutes is not None],
    )
    spans = draw_treatments(
        figure, ax, colours, data.treatments, data.points[0].period, data.points[-1].period
    )
    date_axis(ax, data.points[0].period, data.points[-1].period)
    handles, _labels = ax.get_legend_handles_labels()
    legend(figure, ax, handles, spans, ncols=2)


def _hover(point: DurationPoint) -> str | None:
    if point.median_minutes is None or point.longest_minutes is None:
        return f"{point.period.label}\nno episodes with a duration"
    return (
        f"{point.period.label}\n{words.count(point.episodes, 'episode')}\n"
        f"median {words.duration(point.median_minutes)}, "
        f"longest {words.duration(point.longest_minutes)}"
    )


def _duration_axis(ax: Axes, medians: list[float], longest: list[int]) -> None:
    highest = max(longest)
    lowest = max(1.0, min(medians))
    if highest / lowest >= LOG_SCALE_RATIO:
        ax.set_yscale("log")
        ticks = [t for t in _LOG_TICKS if lowest / 2 <= t <= highest * 2] or [1]
        ax.yaxis.set_major_locator(FixedLocator(ticks))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.set_ylim(max(0.8, lowest / 1.6), highest * 2.2)
        ax.set_ylabel("Duration (log scale)")
    else:
        ax.set_ylim(0, highest * 1.3)
        ax.set_ylabel("Duration")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: words.duration(value)))


def _ongoing_note(count: int) -> str:
    return f"{words.count(count, 'ongoing episode')} not included"
