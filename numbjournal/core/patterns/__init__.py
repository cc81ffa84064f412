"""Counts and trends for the charts and the doctor summary, aggregated in SQLite.

A ten-year journal of 20,000 episodes becomes a few hundred numbers here;
nothing above this package walks episodes one by one to draw a chart.
Periods and hours are the local time of the machine.
"""

from .breakdowns import (
    WEEKDAYS,
    BodyMapData,
    ContextData,
    ContextRow,
    SymptomsData,
    TimeOfDayData,
    body_map,
    context,
    symptoms,
    time_of_day,
)
from .flagged import flagged_episode_ids
from .key_numbers import KeyNumbers, PeriodStats, key_numbers, period_stats
from .periods import (
    EARLIEST_DAY,
    LATEST_DAY,
    DateRange,
    Granularity,
    Period,
    granularity_for,
    periods,
)
from .query import journal_span, resolve_range
from .series import (
    DurationData,
    DurationPoint,
    FrequencyData,
    FrequencyPoint,
    SeverityData,
    SeverityPoint,
    Trend,
    duration,
    frequency,
    severity,
)

__all__ = [
    "EARLIEST_DAY",
    "LATEST_DAY",
    "WEEKDAYS",
    "BodyMapData",
    "ContextData",
    "ContextRow",
    "DateRange",
    "DurationData",
    "DurationPoint",
    "FrequencyData",
    "FrequencyPoint",
    "Granularity",
    "KeyNumbers",
    "Period",
    "PeriodStats",
    "SeverityData",
    "SeverityPoint",
    "SymptomsData",
    "TimeOfDayData",
    "Trend",
    "body_map",
    "context",
    "duration",
    "flagged_episode_ids",
    "frequency",
    "granularity_for",
    "journal_span",
    "key_numbers",
    "period_stats",
    "periods",
    "resolve_range",
    "severity",
    "symptoms",
    "time_of_day",
]
