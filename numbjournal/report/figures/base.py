"""What every chart shares: a themed figure, the empty state, date axes and hover text.

Figures are plain ``matplotlib.figure.Figure`` objects (never pyplot), so the
window, the command line and the PDF summary draw the same chart without a
display or global state.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any, Literal, Protocol, TypeVar

import matplotlib
import numpy as np
from matplotlib import colormaps
from matplotlib import dates as _mdates
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.collections import PolyCollection
from matplotlib.colors import Colormap, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from ...core.patterns import DateRange, Period
from . import DEFAULT_SIZE as DEFAULT_SIZE  # one default size, for the builders too
from .theme import FONT, Theme, theme_named

# matplotlib.dates is untyped; calls go through this alias.
mdates: Any = _mdates

EMPTY_MESSAGE = "No episodes in this range"

HoverFunction = Callable[[MouseEvent], str | None]
# On the figure itself, not in a registry keyed by figure: each tooltip refers
# back to its axes, so a registry would keep every figure ever built alive.
_HOVER = "_numbjournal_hover"


@contextlib.contextmanager
def chart_style(theme: Theme) -> Iterator[None]:
    """The bundled font and theme colours, only while a chart is built or saved."""
    with matplotlib.rc_context(
        {
            "font.family": FONT,
            "font.size": 9.5,
            "text.color": theme.text,
            "axes.labelcolor": theme.text,
            "axes.edgecolor": theme.grid,
            "xtick.color": theme.muted,
            "ytick.color": theme.muted,
            "legend.frameon": False,
            "svg.fonttype": "path",
            "pdf.fonttype": 42,
            "hatch.linewidth": 0.8,
        }
    ):
        yield


def start_figure(
    theme_name: str | Theme, size: tuple[float, float], figure: Figure | None
) -> tuple[Figure, Theme]:
    """A fresh figure, or ``figure`` cleared so a canvas can redraw in place."""
    theme = theme_named(theme_name)
    if figure is None:
        figure = Figure(figsize=size, layout="constrained")
    else:
        figure.clear()
        figure.set_layout_engine("constrained")
        setattr(figure, _HOVER, [])
    figure.set_facecolor(theme.background)
    return figure, theme


class ChartData(Protocol):
    """What every chart's pattern data has: its range and how many episodes it counts."""

    @property
    def span(self) -> DateRange | None: ...

    @property
    def total(self) -> int: ...


D = TypeVar("D", bound=ChartData)


def draw_chart(
    data: D,
    title: str,
    draw: Callable[[Figure, Theme, D, DateRange], None],
    *,
    theme: str | Theme,
    size: tuple[float, float],
    figure: Figure | None,
    empty: str | None = None,
    empty_note: str = "",
) -> Figure:
    """The steps every builder shares; ``empty`` (a message) forces the empty state."""
    figure, colours = start_figure(theme, size, figure)
    with chart_style(colours):
        span = data.span
        if span is None or data.total == 0 or empty is not None:
            return empty_state(
                figure, colours, title, span, message=empty or EMPTY_MESSAGE, note=empty_note
            )
        heading(figure, colours, title)
        draw(figure, colours, data, span)
    return figure


def label_bars(ax: Axes, bars: Iterable[Rectangle], texts: Iterable[str], theme: Theme) -> None:
    """Write each horizontal bar's number just past its end."""
    for bar, text in zip(bars, texts, strict=True):
        ax.text(
            bar.get_x() + bar.get_width(),
            bar.get_y() + bar.get_height() / 2,
            f"  {text}",
            va="center",
            fontsize=8.5,
            color=theme.text,
        )


def place(ax: Axes, patch: Patch) -> None:
    """``ax.add_patch`` without widening the data limits, for a chart that sets its own:
    measuring each shape through a chain of transforms costs about a millisecond.

    Left out of the constrained layout too: the shape lies inside the limits
    the chart sets, so it cannot move the axes' edges, and the layout would
    measure it again on every pass."""
    patch.set_in_layout(False)
    ax.add_artist(patch)


def column_bars(
    ax: Axes,
    centres: Sequence[float],
    heights: Sequence[float],
    widths: Sequence[float],
    *,
    label: str,
    **style: Any,
) -> PolyCollection:
    """Upright bars as one shape collection, for a chart that sets both its limits itself.

    ``ax.bar`` makes a patch per bar, widens the data limits bar by bar
    through a chain of transforms, and Agg then draws each patch on its
    own; ten years of months are 240 bars. One collection is drawn in one
    call, kept out of autoscaling and of the layout pass (it lies inside the
    limits the chart sets). Found by label in ``ax.collections``; a bar of
    height 0 is kept, so the bars stay one per period.
    """
    if "color" in style:
        style["facecolor"] = style.pop("color")
    corners = []
    for centre, height, width in zip(centres, heights, widths, strict=True):
        left, right = centre - width / 2, centre + width / 2
        corners.append(((left, 0.0), (left, height), (right, height), (right, 0.0)))
    bars = PolyCollection(corners, label=label, **style)
    bars.set_in_layout(False)
    ax.add_collection(bars, autolim=False)
    return bars


def bar_slots(ax: Axes, count: int, minimum: int = 6) -> None:
    """Top-down horizontal bars of the same thickness however few there are."""
    ax.set_ylim(max(count, minimum) - 0.5, -0.5)


def heading(figure: Figure, theme: Theme, title: str) -> None:
    figure.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold", color=theme.text)


def subtitle(ax: Axes, theme: Theme, text: str) -> None:
    """The range and the totals, in grey under the chart's title."""
    ax.set_title(text, loc="left", fontsize=9, color=theme.muted, pad=8)


def empty_state(
    figure: Figure,
    theme: Theme,
    title: str,
    span: DateRange | None,
    *,
    message: str = EMPTY_MESSAGE,
    note: str = "",
) -> Figure:
    """No axes at all: an empty chart must not suggest a zero line that means something."""
    heading(figure, theme, title)
    figure.text(
        0.01,
        0.86,
        span.describe() if span else "The journal has no episodes yet",
        ha="left",
        fontsize=9,
        color=theme.muted,
    )
    figure.text(
        0.5, 0.5, message, ha="center", va="center", fontsize=14, color=theme.muted
    ).set_gid("empty-state")
    figure.text(
        0.5,
        0.41,
        note or "Log an episode, or choose a longer range, to see a chart here.",
        ha="center",
        va="center",
        fontsize=9.5,
        color=theme.muted,
    )
    return figure


def heat_colormap(theme: Theme) -> Colormap:
    """The theme's heat colours, starting high enough that one episode stands apart from none."""
    base = colormaps[theme.heat]
    return ListedColormap(base(np.linspace(theme.heat_floor, 1.0, 256)))


def style_axes(ax: Axes, theme: Theme, *, grid_axis: Literal["x", "y", "both", ""] = "y") -> None:
    ax.set_facecolor(theme.background)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(theme.grid)
    if grid_axis:
        ax.grid(axis=grid_axis, color=theme.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(colors=theme.muted, labelcolor=theme.text, length=3)


def integer_axis(axis: Any) -> None:
    axis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=2))


def day_number(day: date) -> float:
    """matplotlib's number for the start of ``day`` (its date axis unit)."""
    return float(mdates.date2num(day))


def period_centre(period: Period) -> float:
    """The middle of a period, so a month's bar sits over the month and not its first day."""
    return day_number(period.start) + ((period.end - period.start).days + 1) / 2


def period_width(period: Period, fill: float = 0.8) -> float:
    return ((period.end - period.start).days + 1) * fill


def date_axis(ax: Axes, first: Period, last: Period) -> None:
    """Dates along x, from the start of the first period to the end of the last."""
    days = (last.end - first.start).days + 1
    limits = (day_number(first.start) - 0.5, day_number(last.end + timedelta(days=1)) + 0.5)
    if days <= 14:
        # Ticks on days only: hours would suggest a precision the chart does not have.
        # Ticks under the middle of each day, where its bar or point is.
        step = 1 if days <= 8 else 2
        shown = [first.start + timedelta(days=k) for k in range(0, days, step)]
        ax.set_xticks(
            [day_number(day) + 0.5 for day in shown], [f"{day.day} {day:%b}" for day in shown]
        )
    else:
        # The automatic dates depend on the range alone, so they are found once and
        # fixed: left automatic, they are found again on every layout pass and draw.
        ax.set_xlim(*limits)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ticks = list(locator())
        labels = mdates.ConciseDateFormatter(locator, show_offset=False).format_ticks(ticks)
        ax.set_xticks(ticks, labels)
    ax.set_xlim(*limits)  # setting ticks widens the view to the outermost one


def add_hover(figure: Figure, function: HoverFunction) -> None:
    hovers: list[HoverFunction] | None = getattr(figure, _HOVER, None)
    if hovers is None:
        hovers = []
        setattr(figure, _HOVER, hovers)
    hovers.append(function)


def add_artist_hover(figure: Figure, artist: Artist, text: str) -> None:
    def hover(event: MouseEvent) -> str | None:
        inside, _ = artist.contains(event)
        return text if inside else None

    add_hover(figure, hover)


def add_period_hover(
    figure: Figure, ax: Axes, periods: Sequence[Period], texts: Sequence[str | None]
) -> None:
    """Tooltips by position: whichever period the mouse is over, anywhere in its column."""

    def hover(event: MouseEvent) -> str | None:
        if event.inaxes is not ax or event.xdata is None:
            return None
        day = mdates.num2date(event.xdata).date()
        for period, text in zip(periods, texts, strict=True):
            if period.start <= day <= period.end:
                return text
        return None

    add_hover(figure, hover)


def hover_text(figure: Figure, event: MouseEvent) -> str | None:
    """The exact numbers under the mouse, for the window's tooltips."""
    hovers: list[HoverFunction] = getattr(figure, _HOVER, [])
    for function in hovers:
        found = function(event)
        if found:
            return found
    return None


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def minutes_text(minutes: float) -> str:
    """'45 min', '2 h 5 min', '3 days 4 h': durations as people say them."""
    total = round(minutes)
    if total < 60:
        return f"{total} min"
    if total < 24 * 60:
        hours, rest = divmod(total, 60)
        return f"{hours} h {rest} min" if rest else f"{hours} h"
    days, rest = divmod(total, 24 * 60)
    hours = round(rest / 60)
    return f"{plural(days, 'day')} {hours} h" if hours else plural(days, "day")


def percent(share: float) -> str:
    """A share as people read it: a small share never shows as 0%."""
    if 0 < share < 1:
        return "<1%"
    return f"{share:.0f}%"
