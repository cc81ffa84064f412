"""The numbers behind each chart, as a table: for CSV files and the window's table.

One function per chart turns its pattern data into rows of plain values;
CSV gets machine-friendly text (ISO dates, vocabulary names), the window
gets words.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TextIO

from ...core import words
from ...core.model import Location, Treatment
from ...core.patterns import (
    WEEKDAYS,
    BodyMapData,
    ContextData,
    DurationData,
    FrequencyData,
    Granularity,
    Period,
    SeverityData,
    SymptomsData,
    TimeOfDayData,
)
from ...core.patterns.treatments import taken_between

Value = str | int | float | date | None

_START = {Granularity.DAY: "day", Granularity.WEEK: "week_start", Granularity.MONTH: "month_start"}
_START_HEADING = {Granularity.DAY: "Day", Granularity.WEEK: "Week of", Granularity.MONTH: "Month"}
_SIDES = {
    "left_leg": "Left leg (any region)",
    "right_leg": "Right leg (any region)",
    "both_legs": "Both legs",
    "elsewhere": "Elsewhere on the body",
}


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]  # CSV header
    headings: tuple[str, ...]  # what the window shows
    rows: tuple[tuple[Value, ...], ...]

    def write_csv(self, handle: TextIO) -> None:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows([csv_text(v) for v in row] for row in self.rows)

    def display_rows(self) -> list[list[str]]:
        return [[display_text(v) for v in row] for row in self.rows]


def csv_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def display_text(value: Value) -> str:
    if value is None:
        return "\u2013"
    if isinstance(value, date):
        return f"{value:%a} {value.day} {value:%b %Y}"
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, StrEnum):
        return words.name(value)
    if isinstance(value, int):
        return f"{value:,}"
    return _SIDES.get(value, value)


TREATMENTS_COLUMN = "treatments"
TREATMENTS_HEADING = "Treatments taken"


def with_treatments(
    table: Table, periods: Sequence[Period], treatments: Sequence[Treatment]
) -> Table:
    """``table`` with a last column naming the treatments taken in each row's period.

    Only a journal that records treatments gets the column, so the CSV of
    one that does not stays as it always was.
    """
    if not treatments:
        return table
    names = [
        "; ".join(t.name for t in taken_between(treatments, period.start, period.end))
        for period in periods
    ]
    return Table(
        (*table.columns, TREATMENTS_COLUMN),
        (*table.headings, TREATMENTS_HEADING),
        tuple((*row, name) for row, name in zip(table.rows, names, strict=True)),
    )


def frequency_table(data: FrequencyData) -> Table:
    grain = data.granularity
    table = Table(
        (_START[grain], "episodes", "flagged"),
        (_START_HEADING[grain], "Episodes", "Flagged"),
        tuple((p.period.start, p.episodes, p.flagged) for p in data.points),
    )
    return with_treatments(table, [p.period for p in data.points], data.treatments)


def duration_table(data: DurationData) -> Table:
    grain = data.granularity
    table = Table(
        (_START[grain], "episodes_with_duration", "median_minutes", "longest_minutes"),
        (_START_HEADING[grain], "Episodes with a duration", "Median (min)", "Longest (min)"),
        tuple(
            (p.period.start, p.episodes, p.median_minutes, p.longest_minutes) for p in data.points
        ),
    )
    return with_treatments(table, [p.period for p in data.points], data.treatments)


def severity_table(data: SeverityData) -> Table:
    grain = data.granularity
    table = Table(
        (
            _START[grain],
            "episodes",
            "mean_severity",
            "lowest",
            "lower_quartile",
            "upper_quartile",
            "highest",
            "rolling_average",
        ),
        (
            _START_HEADING[grain],
            "Episodes",
            "Average",
            "Lowest",
            "Lower quartile",
            "Upper quartile",
            "Highest",
            f"Rolling average ({data.window})",
        ),
        tuple(
            (
                p.period.start,
                p.episodes,
                p.mean,
                p.lowest,
                p.lower_quartile,
                p.upper_quartile,
                p.highest,
                p.rolling,
            )
            for p in data.points
        ),
    )
    return with_treatments(table, [p.period for p in data.points], data.treatments)


def time_of_day_table(data: TimeOfDayData) -> Table:
    hours = tuple(f"{h:02d}" for h in range(24))
    return Table(
        ("weekday", *hours, "total"),
        ("Weekday", *hours, "Total"),
        tuple((WEEKDAYS[day], *data.counts[day], sum(data.counts[day])) for day in range(7)),
    )


def body_map_table(data: BodyMapData) -> Table:
    regions = sorted(
        Location, key=lambda loc: (-data.counts.get(loc, 0), list(Location).index(loc))
    )
    sides = (
        ("left_leg", data.left_leg),
        ("right_leg", data.right_leg),
        ("both_legs", data.both_legs),
        ("elsewhere", data.elsewhere),
    )
    return Table(
        ("region", "episodes"),
        ("Region", "Episodes"),
        (*((loc, data.counts.get(loc, 0)) for loc in regions), *sides),
    )


def symptoms_table(data: SymptomsData) -> Table:
    return Table(
        ("symptom", "episodes", "percent_of_episodes"),
        ("Symptom", "Episodes", "% of episodes"),
        tuple(
            (symptom, count, 100 * count / data.total if data.total else None)
            for symptom, count in data.counts
        ),
    )


def context_table(data: ContextData) -> Table:
    return Table(
        ("context", "episodes", "improved", "not_improved", "not_tried"),
        ("Doing", "Episodes", "Moving helped", "Did not help", "Not tried"),
        tuple(
            (row.context, row.episodes, row.improved, row.not_improved, row.not_tried)
            for row in data.rows
        ),
    )
