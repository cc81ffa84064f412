"""How often, how long and how bad, period by period.

Each function returns one small value per calendar period of the range (a
few hundred at most, whatever the size of the journal), counted by SQLite.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Treatment
from ..store import Journal
from .flagged import flagged_episode_ids
from .periods import DateRange, Granularity, Period, granularity_for, period_sql, periods
from .query import EPISODES, IN_RANGE, fetch, medians, range_params, resolve_range

ROLLING_PERIODS = {Granularity.DAY: 7, Granularity.WEEK: 4, Granularity.MONTH: 3}


@dataclass(frozen=True, slots=True)
class FrequencyPoint:
    period: Period
    episodes: int
    flagged: int


@dataclass(frozen=True, slots=True)
class Trend:
    """A straight line from ``first`` to ``last`` (episodes per period)."""

    first: Period
    last: Period
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class FrequencyData:
    span: DateRange | None
    granularity: Granularity
    points: tuple[FrequencyPoint, ...]
    treatments: tuple[Treatment, ...] = ()  # all the journal's, drawn as spans over time

    @property
    def total(self) -> int:
        return sum(p.episodes for p in self.points)

    @property
    def flagged(self) -> int:
        return sum(p.flagged for p in self.points)

    def trend(self) -> Trend | None:
        """Least-squares line through the counts of the periods wholly inside the range.

        Periods cut by the range's ends would drag the line down, so they are
        left out, and so are the empty periods before the first episode in the
        range: a range reaching back before the journal was kept would
        otherwise show a steep rise that is only the start of logging. The
        line never goes below zero episodes. None when a line would say more
        than the data: fewer than three whole periods or fewer than three
        episodes in them.
        """
        whole = [p for p in self.points if self.span and p.period.within(self.span)]
        while whole and whole[0].episodes == 0:
            whole.pop(0)
        counts = [p.episodes for p in whole]
        if len(counts) < 3 or sum(counts) < 3:
            return None
        start, end = linear_trend(counts)
        return Trend(whole[0].period, whole[-1].period, max(0.0, start), max(0.0, end))


@dataclass(frozen=True, slots=True)
class DurationPoint:
    period: Period
    episodes: int
    median_minutes: float | None
    longest_minutes: int | None


@dataclass(frozen=True, slots=True)
class DurationData:
    span: DateRange | None
    granularity: Granularity
    points: tuple[DurationPoint, ...]
    ongoing: int
    treatments: tuple[Treatment, ...] = ()

    @property
    def total(self) -> int:
        return sum(p.episodes for p in self.points)


@dataclass(frozen=True, slots=True)
class SeverityPoint:
    period: Period
    episodes: int
    mean: float | None
    lowest: int | None
    highest: int | None
    lower_quartile: int | None  # the middle half of the period's episodes lies
    upper_quartile: int | None  # between these two (nearest rank)
    rolling: float | None


@dataclass(frozen=True, slots=True)
class SeverityData:
    span: DateRange | None
    granularity: Granularity
    points: tuple[SeverityPoint, ...]
    window: int
    treatments: tuple[Treatment, ...] = ()

    @property
    def total(self) -> int:
        return sum(p.episodes for p in self.points)


def frequency(
    journal: Journal,
    first: date | None = None,
    last: date | None = None,
    *,
    granularity: Granularity | None = None,
    flagged: Collection[int] | None = None,
) -> FrequencyData:
    """Episodes per period and how many of them carry a medical-help flag.

    ``flagged`` (episode ids) may be given by a caller that already has
    them; otherwise the triage rules run once over the range.
    """
    span = resolve_range(journal, first, last)
    grain = granularity or (granularity_for(span) if span else Granularity.WEEK)
    if span is None:
        return FrequencyData(None, grain, ())
    ids = flagged_episode_ids(journal, span.first, span.last) if flagged is None else flagged
    sql = f"""
        SELECT {period_sql(grain)} AS p, COUNT(*) AS n,
               SUM(id IN (SELECT value FROM json_each(:flagged))) AS f
        FROM {EPISODES} WHERE {IN_RANGE} GROUP BY p
    """
    params = {**range_params(span), "flagged": json.dumps(sorted(ids))}
    found = {row.p: (int(row.n), int(row.f)) for row in fetch(journal, sql, params)}
    points = tuple(
        FrequencyPoint(period, *found.get(period.start.isoformat(), (0, 0)))
        for period in periods(span, grain)
    )
    return FrequencyData(span, grain, points, tuple(journal.treatments.all()))


def duration(
    journal: Journal,
    first: date | None = None,
    last: date | None = None,
    *,
    granularity: Granularity | None = None,
) -> DurationData:
    """Median and longest duration per period; ongoing episodes are counted apart."""
    span = resolve_range(journal, first, last)
    grain = granularity or (granularity_for(span) if span else Granularity.WEEK)
    if span is None:
        return DurationData(None, grain, (), 0)
    params = range_params(span)
    stats = medians(journal, period_sql(grain), "duration_minutes", params)
    ongoing_sql = (
        f"SELECT COUNT(*) AS n FROM {EPISODES} WHERE {IN_RANGE} AND duration_minutes IS NULL"
    )
    ongoing = int(fetch(journal, ongoing_sql, params)[0].n)
    points = []
    for period in periods(span, grain):
        stat = stats.get(period.start.isoformat())
        if stat is None:
            points.append(DurationPoint(period, 0, None, None))
        else:
            points.append(DurationPoint(period, stat.count, stat.median, stat.highest))
    return DurationData(span, grain, tuple(points), ongoing, tuple(journal.treatments.all()))


def severity(
    journal: Journal,
    first: date | None = None,
    last: date | None = None,
    *,
    granularity: Granularity | None = None,
) -> SeverityData:
    """Mean, quartiles and extremes of severity per period, with a rolling average.

    The rolling average pools the episodes of the last few periods (weighted
    by how many there were), so one bad day in a quiet week does not swing it.
    """
    span = resolve_range(journal, first, last)
    grain = granularity or (granularity_for(span) if span else Granularity.WEEK)
    window = ROLLING_PERIODS[grain]
    if span is None:
        return SeverityData(None, grain, (), window)
    spread = medians(journal, period_sql(grain), "severity", range_params(span))
    all_periods = periods(span, grain)
    keys = [period.start.isoformat() for period in all_periods]
    counts = [spread[k].count if k in spread else 0 for k in keys]
    rolling = rolling_mean([spread[k].total if k in spread else 0 for k in keys], counts, window)
    points = tuple(
        SeverityPoint(period, 0, None, None, None, None, None, average)
        if key not in spread
        else SeverityPoint(
            period,
            spread[key].count,
            spread[key].total / spread[key].count,
            spread[key].lowest,
            spread[key].highest,
            spread[key].lower_quartile,
            spread[key].upper_quartile,
            average,
        )
        for period, key, average in zip(all_periods, keys, rolling, strict=True)
    )
    return SeverityData(span, grain, points, window, tuple(journal.treatments.all()))


def rolling_mean(sums: Sequence[int], counts: Sequence[int], window: int) -> list[float | None]:
    """Mean over the last ``window`` periods, pooled by count; None where they hold nothing."""
    out: list[float | None] = []
    for end in range(len(counts)):
        start = max(0, end - window + 1)
        n = sum(counts[start : end + 1])
        out.append(sum(sums[start : end + 1]) / n if n else None)
    return out


def linear_trend(values: Sequence[float]) -> tuple[float, float]:
    """Ordinary least squares over 0..n-1 (``statistics.linear_regression``): both ends."""
    slope, start = statistics.linear_regression(range(len(values)), values)
    return start, start + slope * (len(values) - 1)
