"""The charts: one figure builder per chart name, shared by the window, the CLI and the PDF.

This module is cheap to import (no matplotlib): the registry names the
charts and says what each answers; a chart's builder module, and with it
matplotlib, is imported only when a figure is actually built.

    chart = CHARTS["frequency"]
    data = chart.load(journal, first, last)
    figure = chart.build(data, theme="dark", size=(8, 4.5))
    chart.table(data).write_csv(handle)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ...core import patterns
from ...core.store import Journal
from . import tables
from .tables import Table

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DEFAULT_SIZE = (8.0, 4.5)
THEMES = ("light", "dark")

Loader = Callable[[Journal, date | None, date | None], Any]


@dataclass(frozen=True, slots=True)
class Chart:
    name: str
    title: str
    description: str  # the question the chart answers, in a person's words
    load: Loader  # the pattern data for a range (SQL aggregation)
    table: Callable[[Any], Table]  # the numbers behind the chart
    csv_load: Loader | None = None  # when the CSV needs other periods than the chart

    def build(
        self,
        data: Any,
        *,
        theme: str = "light",
        size: tuple[float, float] = DEFAULT_SIZE,
        figure: Figure | None = None,
    ) -> Figure:
        """The chart as a ``Figure``; ``figure`` is cleared and reused if given."""
        module = importlib.import_module(f"{__name__}.{self.name}")
        built: Figure = module.build(data, theme=theme, size=size, figure=figure)
        return built

    def csv_table(self, journal: Journal, first: date | None, last: date | None) -> Table:
        return self.table((self.csv_load or self.load)(journal, first, last))


def _weekly_frequency(journal: Journal, first: date | None, last: date | None) -> Any:
    return patterns.frequency(journal, first, last, granularity=patterns.Granularity.WEEK)


CHARTS: dict[str, Chart] = {
    chart.name: chart
    for chart in (
        Chart(
            "frequency",
            "How often",
            "Episodes per day, week or month, flagged ones marked, with a trend line.",
            patterns.frequency,
            tables.frequency_table,
            csv_load=_weekly_frequency,
        ),
        Chart(
            "duration",
            "How long",
            "The median and the longest episode in each period.",
            patterns.duration,
            tables.duration_table,
        ),
        Chart(
            "severity",
            "How bad",
            "Severity over time, with a rolling average.",
            patterns.severity,
            tables.severity_table,
        ),
        Chart(
            "time_of_day",
            "When",
            "A weekday-by-hour map of when episodes started.",
            patterns.time_of_day,
            tables.time_of_day_table,
        ),
        Chart(
            "body_map",
            "Where",
            "The body map coloured by how often each region was involved, left against right.",
            patterns.body_map,
            tables.body_map_table,
        ),
        Chart(
            "symptoms",
            "With what",
            "How often each accompanying symptom came with an episode.",
            patterns.symptoms,
            tables.symptoms_table,
        ),
        Chart(
            "context",
            "After what",
            "What you were doing, and how often changing position helped.",
            patterns.context,
            tables.context_table,
        ),
    )
}


def chart_named(name: str) -> Chart:
    """The chart called ``name``; a ValueError names the valid choices."""
    try:
        return CHARTS[name]
    except KeyError:
        raise ValueError(f"unknown chart {name!r}; choose one of: {', '.join(CHARTS)}") from None


def build_figure(
    name: str,
    data: Any,
    *,
    theme: str = "light",
    size: tuple[float, float] = DEFAULT_SIZE,
) -> Figure:
    return chart_named(name).build(data, theme=theme, size=size)


__all__ = ["CHARTS", "DEFAULT_SIZE", "THEMES", "Chart", "Table", "build_figure", "chart_named"]
