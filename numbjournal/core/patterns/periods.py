"""Date ranges and the calendar periods charts are drawn in.

Periods are local calendar days, weeks starting on Monday, or months, and a
range always lists every period in it, including empty ones, so a quiet week
shows as a zero rather than vanishing from a chart or a CSV file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

# Episodes start in 1900 or later (the model's rule); charts go no further than 2100.
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2100, 12, 31)

DAYS_UP_TO = 62
WEEKS_UP_TO = 731

_LOCAL = "datetime(started_at, 'unixepoch', 'localtime')"


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class DateRange:
    """Local calendar days ``first``..``last``, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise ValueError(f"the range starts ({self.first}) after it ends ({self.last})")
        if self.first < EARLIEST_DAY or self.last > LATEST_DAY:
            raise ValueError(f"charts cover {EARLIEST_DAY} to {LATEST_DAY}, not {self.first}")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> DateRange | None:
        """The range of the same length that ends the day before this one starts.

        None when it would reach before the earliest day a journal can hold.
        """
        end = self.first - timedelta(days=1)
        start = end - timedelta(days=self.days - 1)
        return DateRange(start, end) if start >= EARLIEST_DAY else None

    def describe(self) -> str:
        if self.first == self.last:
            return _day(self.first)
        return f"{_day(self.first)} to {_day(self.last)}"


@dataclass(frozen=True, slots=True)
class Period:
    """One bar or point of a chart: local days ``start``..``end``, both included."""

    start: date
    end: date
    granularity: Granularity

    def within(self, span: DateRange) -> bool:
        """Whether the whole period lies inside ``span`` (edge periods may be cut short)."""
        return span.first <= self.start and self.end <= span.last

    @property
    def label(self) -> str:
        if self.granularity is Granularity.DAY:
            return f"{self.start:%a} {_day(self.start)}"
        if self.granularity is Granularity.WEEK:
            return f"week of {_day(self.start)}"
        return f"{self.start:%B %Y}"

    @property
    def short_label(self) -> str:
        if self.granularity is Granularity.MONTH:
            return f"{self.start:%b %Y}"
        return f"{self.start:%d %b}".lstrip("0")


def granularity_for(span: DateRange) -> Granularity:
    """Days for a month or two, weeks up to two years, months beyond: a few hundred points."""
    if span.days <= DAYS_UP_TO:
        return Granularity.DAY
    if span.days <= WEEKS_UP_TO:
        return Granularity.WEEK
    return Granularity.MONTH


def period_start(day: date, granularity: Granularity) -> date:
    if granularity is Granularity.WEEK:
        return day - timedelta(days=day.weekday())
    if granularity is Granularity.MONTH:
        return day.replace(day=1)
    return day


def periods(span: DateRange, granularity: Granularity) -> list[Period]:
    """Every period that touches ``span``; the first and last may reach outside it."""
    out: list[Period] = []
    start = period_start(span.first, granularity)
    while start <= span.last:
        following = _next_start(start, granularity)
        out.append(Period(start, following - timedelta(days=1), granularity))
        start = following
    return out


def period_sql(granularity: Granularity) -> str:
    """SQL for the local start date (YYYY-MM-DD) of an episode's period.

    ``'weekday 0'`` moves forward to Sunday (staying on a Sunday), and six
    days back from there is the Monday that starts the week.
    """
    if granularity is Granularity.DAY:
        return f"date({_LOCAL})"
    if granularity is Granularity.WEEK:
        return f"date({_LOCAL}, 'weekday 0', '-6 days')"
    return f"strftime('%Y-%m-01', {_LOCAL})"


WEEKDAY_SQL = f"(CAST(strftime('%w', {_LOCAL}) AS INTEGER) + 6) % 7"
HOUR_SQL = f"CAST(strftime('%H', {_LOCAL}) AS INTEGER)"
DAY_SQL = f"date({_LOCAL})"


def _next_start(start: date, granularity: Granularity) -> date:
    if granularity is Granularity.DAY:
        return start + timedelta(days=1)
    if granularity is Granularity.WEEK:
        return start + timedelta(days=7)
    if start.month == 12:
        return date(start.year + 1, 1, 1)
    return date(start.year, start.month + 1, 1)


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"
