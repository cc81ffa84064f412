"""With what: how many episodes came with each accompanying symptom."""

from __future__ import annotations

from matplotlib.figure import Figure

from ...core import words
from ...core.model import GUIDANCE_SYMPTOMS, Symptom
from ...core.patterns import DateRange, SymptomsData
from .base import (
    DEFAULT_SIZE,
    add_artist_hover,
    bar_slots,
    draw_chart,
    integer_axis,
    label_bars,
    percent,
    style_axes,
    subtitle,
)
from .theme import Theme

TITLE = "With what: accompanying symptoms"
NO_SYMPTOMS = "No accompanying symptoms in this range"


def build(
    data: SymptomsData,
    *,
    theme: str | Theme = "light",
    size: tuple[float, float] = DEFAULT_SIZE,
    figure: Figure | None = None,
) -> Figure:
    none_logged = data.total > 0 and not any(count for _, count in data.counts)
    return draw_chart(
        data,
        TITLE,
        _draw,
        theme=theme,
        size=size,
        figure=figure,
        empty=NO_SYMPTOMS if none_logged else None,
        empty_note=f"None was logged with the {words.count(data.total, 'episode')} in this range."
        if none_logged
        else "",
    )


def _draw(figure: Figure, colours: Theme, data: SymptomsData, span: DateRange) -> None:
    logged = [(symptom, count) for symptom, count in data.counts if count]
    ax = figure.add_subplot()
    style_axes(ax, colours, grid_axis="x")
    subtitle(
        ax,
        colours,
        f"{span.describe()}  ·  {data.with_any:,} of {words.count(data.total, 'episode')} "
        "came with at least one symptom",
    )
    names = [_name(symptom) for symptom, _ in logged]
    counts = [count for _, count in logged]
    bars = ax.barh(names, counts, color=colours.bar, height=0.65)
    for (symptom, count), bar in zip(logged, bars, strict=True):
        share = 100 * count / data.total
        if symptom in GUIDANCE_SYMPTOMS:
            bar.set_hatch("////")
            bar.set_edgecolor(colours.background)
        add_artist_hover(
            figure,
            bar,
            f"{words.name(symptom)}\n"
            f"{count:,} of {words.count(data.total, 'episode')} ({percent(share)})",
        )
    label_bars(ax, bars, [f"{c:,} ({percent(100 * c / data.total)})" for c in counts], colours)
    bar_slots(ax, len(logged))
    integer_axis(ax.xaxis)
    ax.set_xlim(0, max(counts) * 1.25)
    ax.set_xlabel("Episodes")
    if any(symptom in GUIDANCE_SYMPTOMS for symptom, _ in logged):
        figure.text(
            0.99,
            0.01,
            "Hatched: a red flag from public medical guidance",
            ha="right",
            fontsize=8,
            color=colours.muted,
        )


def _name(symptom: Symptom) -> str:
    return words.name(symptom)
