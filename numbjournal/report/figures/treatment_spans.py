"""Treatment periods drawn over the charts that run along time.

Each treatment is a lightly shaded span from its first to its last day (or
to the chart's end while it is still going), a solid line where it started
with its name beside it, and a legend entry with its dates, so a person can
see what was being tried when the numbers changed. Overlapping treatments
get their own colours and their names are staggered so none hides another.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ...core.model import Treatment
from ...core.patterns import Period
from ...core.patterns.treatment_text import treatment_dates
from ...core.patterns.treatments import taken_between
from .base import add_artist_hover, day_number
from .theme import Theme

PALETTES = {
    "light": ("#1f9e89", "#8e44ad", "#b7791f", "#2c6e2f", "#c2185b"),
    "dark": ("#4fd1c5", "#c39bd3", "#f4c45a", "#8bd88f", "#f48fb1"),
}
SPAN_ALPHA = {"light": 0.10, "dark": 0.16}
LABEL_ROWS = 3


def legend(
    figure: Figure, ax: Axes, handles: Sequence[Artist], spans: Sequence[Artist], ncols: int
) -> None:
    """The chart's legend; with treatments it moves under the chart, leaving the top to
    the treatments' names."""
    if not spans:
        ax.legend(handles=list(handles), loc="upper left", fontsize=8.5, ncols=ncols)
        return
    figure.legend(handles=[*handles, *spans], loc="outside lower center", fontsize=8.5, ncols=ncols)


def draw_treatments(
    figure: Figure,
    ax: Axes,
    colours: Theme,
    treatments: Sequence[Treatment],
    first: Period,
    last: Period,
) -> list[Artist]:
    """Draw the spans on ``ax`` and return their legend entries (none when nothing shows)."""
    shown = taken_between(treatments, first.start, last.end)
    palette = PALETTES.get(colours.name, PALETTES["light"])
    handles: list[Artist] = []
    for index, treatment in enumerate(shown):
        colour = palette[index % len(palette)]
        begin = max(treatment.started, first.start)
        end = min(treatment.stopped or last.end, last.end) + timedelta(days=1)
        span = ax.axvspan(
            day_number(begin),
            day_number(end),
            color=colour,
            alpha=SPAN_ALPHA.get(colours.name, 0.1),
            linewidth=0,
            zorder=0,
        )
        span.set_gid(f"treatment-span-{index}")
        add_artist_hover(figure, span, f"{treatment.name}: {treatment_dates(treatment)}")
        if treatment.started >= first.start:
            x = day_number(treatment.started)
            line = ax.axvline(x, color=colour, linewidth=1.4, zorder=1)
            line.set_gid(f"treatment-start-{index}")
            ax.annotate(
                f"{treatment.name} started",
                xy=(x, 0.97 - 0.09 * (index % LABEL_ROWS)),
                xycoords=ax.get_xaxis_transform(),
                xytext=(3, 0),
                textcoords="offset points",
                va="top",
                ha="left",
                fontsize=8,
                color=colour,
                fontweight="bold",
            ).set_gid(f"treatment-label-{index}")
        if treatment.stopped is not None and treatment.stopped < last.end:
            ax.axvline(
                day_number(treatment.stopped + timedelta(days=1)),
                color=colour,
                linewidth=1.0,
                linestyle=":",
                zorder=1,
            ).set_gid(f"treatment-stop-{index}")
        handles.append(
            Patch(
                facecolor=colour,
                alpha=0.45,
                label=f"{treatment.name} ({treatment_dates(treatment)})",
            )
        )
    return handles
