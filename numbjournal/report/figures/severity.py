"""How bad: severity per period (mean, lowest to highest) with a rolling average."""

from __future__ import annotations

import math

from matplotlib.figure import Figure

from ...core import words
from ...core.model import SEVERITY_MAX, SEVERITY_MIN
from ...core.patterns import DateRange, SeverityData, SeverityPoint
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

MEAN_LABEL = "Average severity"
RANGE_LABEL = "Middle half of episodes"
MIN_FOR_ROLLING = 3  # below this a rolling "average" would just smear single entries


def title(data: SeverityData) -> str:
    return f"How bad: severity per {PER[data.granularity]}"


def rolling_label(data: SeverityData) -> str:
    return f"Rolling average over {data.window} {PER[data.granularity]}s"


def build(
    data: SeverityData,
    *,
    theme: str | Theme = "light",
    size: tuple[float, float] = DEFAULT_SIZE,
    figure: Figure | None = None,
) -> Figure:
    return draw_chart(data, title(data), _draw, theme=theme, size=size, figure=figure)


def _draw(figure: Figure, colours: Theme, data: SeverityData, span: DateRange) -> None:
    ax = figure.add_subplot()
    style_axes(ax, colours)
    subtitle(
        ax,
        colours,
        f"{span.describe()}  ·  {words.count(data.total, 'episode')}  ·  "
        "0 = barely noticeable, 10 = worst imaginable",
    )
    x = [period_centre(p.period) for p in data.points]
    ax.vlines(
        x,
        [_nan(p.lower_quartile) for p in data.points],
        [_nan(p.upper_quartile) for p in data.points],
        color=colours.bar,
        alpha=0.35 if colours.name == "light" else 0.6,
        linewidth=3,
        label=RANGE_LABEL,
    )
    ax.plot(
        x,
        [_nan(p.mean) for p in data.points],
        linestyle="none",
        marker="o",
        markersize=4.5,
        color=colours.bar,
        label=MEAN_LABEL,
    )
    if data.total >= MIN_FOR_ROLLING:
        ax.plot(
            x,
            [_nan(p.rolling) for p in data.points],
            color=colours.line,
            linewidth=1.6,
            label=rolling_label(data),
        )
    else:
        ax.plot([], [], color="none", label="Too few episodes for a rolling average")
    add_period_hover(figure, ax, [p.period for p in data.points], [_hover(p) for p in data.points])
    spans = draw_treatments(
        figure, ax, colours, data.treatments, data.points[0].period, data.points[-1].period
    )
    date_axis(ax, data.points[0].period, data.points[-1].period)
    ax.set_ylim(SEVERITY_MIN - 0.3, SEVERITY_MAX + (3.0 if spans else 2.2))
    ax.set_yticks(range(SEVERITY_MIN, SEVERITY_MAX + 1, 2))
    ax.set_ylabel("Severity (0 to 10)")
    handles, _labels = ax.get_legend_handles_labels()
    legend(figure, ax, handles, spans, ncols=3)


def _hover(point: SeverityPoint) -> str:
    if point.mean is None:
        return f"{point.period.label}\nno episodes"
    return (
        f"{point.period.label}\n{words.count(point.episodes, 'episode')}\n"
        f"average {point.mean:.1f}; middle half {point.lower_quartile} to "
        f"{point.upper_quartile}; lowest {point.lowest}, highest {point.highest}"
    )


def _nan(value: float | None) -> float:
    return math.nan if value is None else value
