"""The handful of numbers a doctor asks first, for a range and the one before it.

The doctor summary and the patterns view both print these, so they are
computed in one place with the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..store import Journal
from .periods import DAY_SQL, DateRange
from .query import EPISODES, IN_RANGE, fetch, medians, range_params, resolve_range


@dataclass(frozen=True, slots=True)
class PeriodStats:
    span: DateRange
    episodes: int
    days_affected: int  # local days on which at least one episode started
    median_duration: float | None  # minutes; ongoing episodes left out
    longest_duration: int | None
    ongoing: int
    median_severity: float | None
    kept_from: date | None = None  # the journal's first logged day, when inside the span

    @property
    def days_kept(self) -> int:
        """Days of the span since the journal's first episode.

        A range reaching back before the journal was started would otherwise
        spread its episodes over days when nothing could have been logged.
        """
        if self.kept_from is None or self.kept_from <= self.span.first:
            return self.span.days
        return (self.span.last - self.kept_from).days + 1

    @property
    def per_week(self) -> float | None:
        """Episodes per week; None for less than a week, where it would extrapolate."""
        days = self.days_kept
        return self.episodes * 7 / days if days >= 7 else None


@dataclass(frozen=True, slots=True)
class KeyNumbers:
    current: PeriodStats | None  # None: an empty journal and no range given
    previous: PeriodStats | None  # None: nothing was logged before the range

    @property
    def change(self) -> int | None:
        if self.current is None or self.previous is None:
            return None
        return self.current.episodes - self.previous.episodes

    @property
    def change_percent(self) -> float | None:
        if self.current is None or self.previous is None or not self.previous.episodes:
            return None
        return 100 * (self.current.episodes - self.previous.episodes) / self.previous.episodes

    def describe_change(self) -> str:
        """One sentence comparing the episode count with the previous range of the same length."""
        if self.current is None:
            return "No episodes to compare."
        if self.previous is None:
            return "Nothing was logged before this range, so there is nothing to compare with."
        before = self.previous.episodes
        days = self.current.span.days
        where = f"the previous {days} days ({self.previous.span.describe()})"
        change = self.current.episodes - before
        if change == 0:
            return f"The same number of episodes as in {where}: {before}."
        direction = "more" if change > 0 else "fewer"
        percent = self.change_percent
        share = f" ({percent:+.0f}%)" if percent is not None else ""
        return f"{abs(change)} {direction} episodes than in {where}, which had {before}{share}."


def key_numbers(
    journal: Journal, first: date | None = None, last: date | None = None
) -> KeyNumbers:
    span = resolve_range(journal, first, last)
    if span is None:
        return KeyNumbers(None, None)
    current = period_stats(journal, span)
    earlier = span.previous()
    first_sql = f"SELECT date(MIN(started_at), 'unixepoch', 'localtime') AS day FROM {EPISODES}"
    first_day = fetch(journal, first_sql, {})[0].day
    kept_from = date.fromisoformat(first_day) if first_day else None
    if kept_from is not None and kept_from > span.first:
        current = replace(current, kept_from=kept_from)
    logged_before = kept_from is not None and kept_from < span.first
    previous = period_stats(journal, earlier) if earlier and logged_before else None
    if previous is not None and kept_from is not None and kept_from > previous.span.first:
        previous = replace(previous, kept_from=kept_from)
    return KeyNumbers(current, previous)


def period_stats(journal: Journal, span: DateRange) -> PeriodStats:
    params = range_params(span)
    sql = f"""
        SELECT COUNT(*) AS n, COUNT(DISTINCT {DAY_SQL}) AS days,
               COALESCE(SUM(duration_minutes IS NULL), 0) AS ongoing
        FROM {EPISODES} WHERE {IN_RANGE}
    """
    row = fetch(journal, sql, params)[0]
    durations = medians(journal, "0", "duration_minutes", params).get(0)
    severities = medians(journal, "0", "severity", params).get(0)
    return PeriodStats(
        span=span,
        episodes=int(row.n),
        days_affected=int(row.days),
        median_duration=durations.median if durations else None,
        longest_duration=durations.highest if durations else None,
        ongoing=int(row.ongoing),
        median_severity=severities.median if severities else None,
    )
