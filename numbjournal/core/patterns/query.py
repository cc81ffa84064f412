"""The SQL shared by every pattern: the range filter, medians and the journal's span.

Medians come from how many episodes of each period had each value: SQLite
groups by period and value, so it returns at most one row per distinct value
in a period, and the ranks are read off the running counts. Ranking every
episode with window functions took three times as long.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import Any

from sqlalchemy import Row, text

from ..store import Journal, day_bounds
from ..store.schema import EPISODE, EPISODE_LOCATION, EPISODE_SYMPTOM
from .periods import DateRange

EPISODES = EPISODE.name
LOCATIONS = EPISODE_LOCATION.name
SYMPTOMS = EPISODE_SYMPTOM.name
IN_RANGE = "started_at >= :lo AND started_at < :hi"


def in_range(alias: str) -> str:
    """The range filter for a query that names the episode table ``alias``."""
    return f"{alias}.started_at >= :lo AND {alias}.started_at < :hi"


@dataclass(frozen=True, slots=True)
class Median:
    """How one value spreads over a group of episodes (quartiles by nearest rank)."""

    count: int
    total: int  # the sum, for means
    median: float
    lower_quartile: int
    upper_quartile: int
    lowest: int
    highest: int


def range_params(span: DateRange) -> dict[str, Any]:
    lo, hi = day_bounds(span.first, span.last)
    return {"lo": lo, "hi": hi}


def fetch(journal: Journal, sql: str, params: Mapping[str, Any]) -> Sequence[Row[Any]]:
    with journal.reading() as conn:
        return conn.execute(text(sql), dict(params)).all()


def medians(
    journal: Journal, key_sql: str, value_sql: str, params: Mapping[str, Any]
) -> dict[Any, Median]:
    """Count, sum, median, quartiles and extremes of ``value_sql`` per ``key_sql`` in range."""
    sql = f"""
        SELECT {key_sql} AS k, {value_sql} AS x, COUNT(*) AS n FROM {EPISODES}
        WHERE {IN_RANGE} AND {value_sql} IS NOT NULL
        GROUP BY k, x ORDER BY k, x
    """
    groups: dict[Any, list[tuple[int, int]]] = {}
    for row in fetch(journal, sql, params):
        groups.setdefault(row.k, []).append((int(row.x), int(row.n)))
    return {key: spread(counted) for key, counted in groups.items()}


def spread(counted: Sequence[tuple[int, int]]) -> Median:
    """The ``Median`` of values given as (value, how many) in ascending order of value.

    Quartiles by nearest rank (the ceil(n/4)-th and ceil(3n/4)-th value); the
    median is the middle value, or the mean of the middle two.
    """
    running = list(accumulate(count for _, count in counted))
    n = running[-1]

    def ranked(rank: int) -> int:
        return counted[bisect_left(running, rank)][0]

    return Median(
        n,
        sum(value * count for value, count in counted),
        (ranked((n + 1) // 2) + ranked((n + 2) // 2)) / 2,
        ranked((n + 3) // 4),
        ranked((3 * n + 3) // 4),
        counted[0][0],
        counted[-1][0],
    )


def journal_span(journal: Journal) -> tuple[date, date] | None:
    """The local dates of the first and last episode, or None for an empty journal."""
    sql = f"""
        SELECT date(MIN(started_at), 'unixepoch', 'localtime') AS first,
               date(MAX(started_at), 'unixepoch', 'localtime') AS last
        FROM {EPISODES}
    """
    row = fetch(journal, sql, {})[0]
    if row.first is None:
        return None
    return date.fromisoformat(row.first), date.fromisoformat(row.last)


def resolve_range(
    journal: Journal, first: date | None, last: date | None, *, today: date | None = None
) -> DateRange | None:
    """The range a chart covers; an open end reaches the first episode or today.

    None means there is nothing to draw a range around: an empty journal and
    no dates given.
    """
    if first is not None and last is not None:
        return DateRange(first, last)
    span = journal_span(journal)
    today = today or date.today()
    if last is None:
        last = max(today, span[1]) if span else today
    if first is None:
        if span is None:
            return None
        first = min(span[0], last)
    return DateRange(first, last)
