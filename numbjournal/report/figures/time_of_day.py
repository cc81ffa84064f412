"""When: a weekday-by-hour heat map of when episodes started (local time)."""

from __future__ import annotations

import numpy as np
from matplotlib.backend_bases import MouseEvent
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ...core import words
from ...core.patterns import WEEKDAYS, DateRange, TimeOfDayData
from .base import (
    DEFAULT_SIZE,
    add_hover,
    draw_chart,
    heat_colormap,
    style_axes,
    subtitle,
)
from .theme import Theme

TITLE = "When: the hour and weekday episodes started"
CELLS_LABEL = "episodes by weekday and hour"
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def build(
    data: TimeOfDayData,
    *,
    theme: str | Theme = "light",
    size: tuple[float, float] = DEFAULT_SIZE,
    figure: Figure | None = None,
) -> Figure:
    return draw_chart(data, TITLE, _draw, theme=theme, size=size, figure=figure)


def _draw(figure: Figure, colours: Theme, data: TimeOfDayData, span: DateRange) -> None:
    ax = figure.add_subplot()
    style_axes(ax, colours, grid_axis="")
    subtitle(
        ax,
        colours,
        f"{span.describe()}  ·  {words.count(data.total, 'episode')}  ·  local time",
    )
    highest = max(max(day) for day in data.counts)
    cmap = heat_colormap(colours).with_extremes(bad=colours.grid)
    # 168 flat cells, not an image: imshow resamples to the axes' pixel size
    # through float arrays (megabytes on every draw), and a PDF gets an image.
    cells = ax.pcolormesh(
        np.arange(25) - 0.5,
        np.arange(8) - 0.5,
        np.ma.masked_equal(np.array(data.counts), 0),
        cmap=cmap,
        norm=Normalize(0, max(highest, 1)),
    )
    ax.set_xlim(-0.5, 23.5)
    ax.set_ylim(6.5, -0.5)  # Monday at the top
    cells.set_label(CELLS_LABEL)
    for weekday, day in enumerate(data.counts):
        for hour, count in enumerate(day):
            if count:
                shade = cells.cmap(count / max(highest, 1))
                dark = 0.299 * shade[0] + 0.587 * shade[1] + 0.114 * shade[2] < 0.55
                ax.text(
                    hour,
                    weekday,
                    str(count),
                    ha="center",
                    va="center",
                    fontsize=7 if count < 100 else 5.5,
                    color="white" if dark else "#222222",
                    in_layout=False,
                )
    ax.set_xticks(range(0, 24, 3), [f"{h:02d}:00" for h in range(0, 24, 3)])
    ax.set_yticks(range(7), list(WEEKDAYS))
    ax.set_xlabel("Hour the episode started")
    bar = figure.colorbar(cells, ax=ax, fraction=0.04, pad=0.02)
    bar.set_label("Episodes (grey: none)")
    bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    bar.outline.set_visible(False)
    bar.ax.tick_params(colors=colours.muted, labelcolor=colours.text)

    def hover(event: MouseEvent) -> str | None:
        if event.inaxes is not ax or event.xdata is None or event.ydata is None:
            return None
        hour, weekday = round(event.xdata), round(event.ydata)
        if not (0 <= hour < 24 and 0 <= weekday < 7):
            return None
        count = data.counts[weekday][hour]
        return f"{_DAY_NAMES[weekday]}s, {hour:02d}:00 to {hour:02d}:59\n" + words.count(
            count, "episode"
        )

    add_hover(figure, hover)
