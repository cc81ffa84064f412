"""Frequency, duration and severity per period: local weeks, DST, medians, flags."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from numbjournal.core import patterns
from numbjournal.core.model import Condition, ConditionEntry, Profile, Symptom
from numbjournal.core.patterns import Granularity
from numbjournal.core.patterns.series import linear_trend, rolling_mean
from numbjournal.core.store import Journal
from numbjournal.core.triage import CONDITION_RULE, evaluate_journal, load_settings


def weekly(journal: Journal, first: str, last: str) -> list[tuple[date, int, int]]:
    data = patterns.frequency(
        journal, date.fromisoformat(first), date.fromisoformat(last), granularity=Granularity.WEEK
    )
    return [(p.period.start, p.episodes, p.flagged) for p in data.points]


def test_sunday_late_evening_and_monday_just_after_midnight_fall_in_different_weeks(
    journal: Journal, log_at: Callable
) -> None:
    log_at("2026-11-15 23:30")  # Sunday
    log_at("2026-11-16 00:30")  # Monday
    assert weekly(journal, "2026-11-09", "2026-11-22") == [
        (date(2026, 11, 9), 1, 0),
        (date(2026, 11, 16), 1, 0),
    ]


def test_weeks_around_the_spring_daylight_saving_change(journal: Journal, log_at: Callable) -> None:
    # Berlin moves its clocks forward on Sunday 29 March 2026 at 02:00.
    log_at("2026-03-29 01:30")  # before the change (UTC+1)
    log_at("2026-03-29 03:30")  # after it (UTC+2), same Sunday
    log_at("2026-03-29 23:30")
    log_at("2026-03-30 00:30")  # Monday: next week
    assert weekly(journal, "2026-03-23", "2026-04-05") == [
        (date(2026, 3, 23), 3, 0),
        (date(2026, 3, 30), 1, 0),
    ]
    hours = patterns.time_of_day(journal, date(2026, 3, 23), date(2026, 4, 5)).counts
    assert (hours[6][1], hours[6][3], hours[6][23], hours[0][0]) == (1, 1, 1, 1)


def test_days_around_the_autumn_change_keep_their_local_date(
    journal: Journal, log_at: Callable
) -> None:
    # 25 October 2026 has 25 hours in Berlin.
    log_at("2026-10-24 23:59")
    log_at("2026-10-25 00:01")
    log_at("2026-10-25 23:59")
    log_at("2026-10-26 00:01")
    data = patterns.frequency(journal, date(2026, 10, 24), date(2026, 10, 26))
    assert data.granularity is Granularity.DAY
    assert [(p.period.start.day, p.episodes) for p in data.points] == [(24, 1), (25, 2), (26, 1)]


def test_every_week_of_the_range_is_listed_even_without_episodes(
    journal: Journal, log_at: Callable
) -> None:
    log_at("2026-11-03 10:00")
    rows = weekly(journal, "2026-10-20", "2026-11-20")
    assert [r[0] for r in rows] == [
        date(2026, 10, 19),
        date(2026, 10, 26),
        date(2026, 11, 2),
        date(2026, 11, 9),
        date(2026, 11, 16),
    ]
    assert [r[1] for r in rows] == [0, 0, 1, 0, 0]


def test_flagged_episodes_are_counted_in_their_week(journal: Journal, log_at: Callable) -> None:
    log_at("2026-11-10 09:00")
    log_at("2026-11-11 09:00", symptoms=(Symptom.FACIAL_DROOPING,))
    log_at("2026-11-12 09:00", symptoms=(Symptom.WEAKNESS,))
    log_at("2026-11-17 09:00")
    assert weekly(journal, "2026-11-09", "2026-11-22") == [
        (date(2026, 11, 9), 3, 2),
        (date(2026, 11, 16), 1, 0),
    ]


def test_episodes_outside_the_range_are_left_out(journal: Journal, log_at: Callable) -> None:
    log_at("2026-11-08 23:59")
    log_at("2026-11-09 00:00")
    log_at("2026-11-15 23:59")
    log_at("2026-11-16 00:00")
    data = patterns.frequency(journal, date(2026, 11, 9), date(2026, 11, 15))
    assert data.total == 2


@pytest.mark.parametrize(
    ("days", "grain"),
    [
        (1, Granularity.DAY),
        (62, Granularity.DAY),
        (63, Granularity.WEEK),
        (731, Granularity.WEEK),
        (732, Granularity.MONTH),
        (3653, Granularity.MONTH),
    ],
)
def test_granularity_follows_the_length_of_the_range(days: int, grain: Granularity) -> None:
    first = date(2020, 1, 1)
    span = patterns.DateRange(first, date.fromordinal(first.toordinal() + days - 1))
    assert span.days == days
    assert patterns.granularity_for(span) is grain


def test_months_cover_a_ten_year_range_in_a_hundred_and_twenty_points(journal: Journal) -> None:
    data = patterns.frequency(journal, date(2016, 1, 1), date(2025, 12, 31))
    assert data.granularity is Granularity.MONTH
    assert len(data.points) == 120
    assert data.points[1].period.start == date(2016, 2, 1)
    assert data.points[1].period.end == date(2016, 2, 29)


def test_empty_journal_without_a_range_has_nothing_to_draw(journal: Journal) -> None:
    data = patterns.frequency(journal)
    assert (data.span, data.points, data.total) == (None, (), 0)
    assert patterns.duration(journal).points == ()
    assert patterns.severity(journal).points == ()


def test_open_range_runs_from_the_first_episode_to_today(
    journal: Journal, log_at: Callable
) -> None:
    log_at("2026-01-07 10:00")
    data = patterns.frequency(journal)
    assert data.span == patterns.DateRange(date(2026, 1, 7), date.today())


def test_duration_median_and_longest_per_week(journal: Journal, log_at: Callable) -> None:
    for day, minutes in ((9, 5), (10, 40), (11, 10), (12, 20)):
        log_at(f"2026-11-{day:02d} 09:00", duration_minutes=minutes)
    for day, minutes in ((16, 7), (17, 3), (18, 90)):
        log_at(f"2026-11-{day:02d} 09:00", duration_minutes=minutes)
    log_at("2026-11-19 09:00", duration_minutes=None)  # still ongoing: no duration yet
    data = patterns.duration(
        journal, date(2026, 11, 9), date(2026, 11, 29), granularity=Granularity.WEEK
    )
    assert [(p.episodes, p.median_minutes, p.longest_minutes) for p in data.points] == [
        (4, 15.0, 40),
        (3, 7.0, 90),
        (0, None, None),
    ]
    assert data.ongoing == 1


def test_severity_mean_range_and_rolling_average(journal: Journal, log_at: Callable) -> None:
    log_at("2026-11-02 09:00", severity=2)
    log_at("2026-11-03 09:00", severity=6)
    log_at("2026-11-10 09:00", severity=7)
    data = patterns.severity(
        journal, date(2026, 11, 2), date(2026, 11, 22), granularity=Granularity.WEEK
    )
    assert data.window == 4
    rows = [(p.episodes, p.mean, p.lowest, p.highest, p.rolling) for p in data.points]
    assert rows == [
        (2, 4.0, 2, 6, 4.0),
        (1, 7.0, 7, 7, 5.0),
        (0, None, None, None, 5.0),
    ]
    assert [(p.lower_quartile, p.upper_quartile) for p in data.points] == [
        (2, 6),
        (7, 7),
        (None, None),
    ]


def test_quartiles_by_nearest_rank(journal: Journal, log_at: Callable) -> None:
    for day, level in enumerate((1, 2, 3, 4, 5, 6, 7, 8, 9), start=2):
        log_at(f"2026-11-{day:02d} 09:00", severity=level)
    (point,) = patterns.severity(
        journal, date(2026, 11, 1), date(2026, 11, 30), granularity=Granularity.MONTH
    ).points
    assert (point.lowest, point.lower_quartile, point.upper_quartile, point.highest) == (
        1,
        3,
        7,
        9,
    )
    assert point.mean == 5.0


def test_rolling_mean_pools_by_count_and_forgets_old_periods() -> None:
    assert rolling_mean([10, 0, 0, 9], [2, 0, 0, 1], 3) == [5.0, 5.0, 5.0, 9.0]
    assert rolling_mean([0, 0], [0, 0], 3) == [None, None]


def test_trend_line_fits_least_squares_and_skips_cut_off_periods(
    journal: Journal, log_at: Callable
) -> None:
    assert linear_trend([1, 2, 3]) == pytest.approx((1, 3))
    assert linear_trend([2, 2, 2, 2]) == pytest.approx((2, 2))
    # Whole weeks of 9-15 Nov (1), 16-22 Nov (2), 23-29 Nov (3); the range also cuts
    # into the weeks before and after, whose few episodes must not bend the line.
    for day, count in ((12, 1), (18, 2), (25, 3)):
        for hour in range(count):
            log_at(f"2026-11-{day:02d} {9 + hour:02d}:00")
    data = patterns.frequency(
        journal, date(2026, 11, 6), date(2026, 12, 1), granularity=Granularity.WEEK
    )
    trend = data.trend()
    assert trend is not None
    assert (trend.first.start, trend.last.start) == (date(2026, 11, 9), date(2026, 11, 23))
    assert (trend.start, trend.end) == pytest.approx((1, 3))


def test_no_trend_line_for_one_episode(journal: Journal, log_at: Callable) -> None:
    log_at("2026-11-12 09:00")
    data = patterns.frequency(journal, date(2026, 10, 1), date(2026, 11, 30))
    assert data.total == 1
    assert data.trend() is None


def test_trend_starts_with_the_first_episode_in_a_range_reaching_back_before_the_journal(
    journal: Journal, log_at: Callable
) -> None:
    # Logging began in November; the range asks for the whole year.
    for day in (2, 3, 4, 10, 11, 12, 17, 18, 19):
        log_at(f"2026-11-{day:02d} 09:00")
    data = patterns.frequency(
        journal, date(2026, 1, 5), date(2026, 11, 22), granularity=Granularity.WEEK
    )
    trend = data.trend()
    assert trend is not None
    assert trend.first.start == date(2026, 11, 2)
    assert (trend.start, trend.end) == pytest.approx((3, 3))


def test_trend_never_says_fewer_than_zero_episodes(journal: Journal, log_at: Callable) -> None:
    for hour in range(6):
        log_at(f"2026-10-05 {9 + hour:02d}:00")
    log_at("2026-11-02 09:00")  # five whole weeks, busy first, nearly empty after
    data = patterns.frequency(
        journal, date(2026, 10, 5), date(2026, 11, 8), granularity=Granularity.WEEK
    )
    trend = data.trend()
    assert trend is not None
    assert min(trend.start, trend.end) >= 0


def test_an_episode_noted_only_for_a_profile_condition_is_not_counted_as_flagged(
    journal: Journal, log_at: Callable
) -> None:
    """The doctor's summary leaves these out of its flagged counts; the charts must agree."""
    journal.set_profile(Profile(conditions=(ConditionEntry(Condition.SCIATICA),)))
    plain = log_at("2026-11-10 09:00")
    stroke = log_at("2026-11-11 09:00", symptoms=(Symptom.FACIAL_DROOPING,))
    flags = evaluate_journal(journal.episodes(), journal.profile(), load_settings(journal))
    assert [f.rule for f in flags.episodes[plain.id or 0]] == [CONDITION_RULE]
    assert flags.needing_action() == {stroke.id}
    assert weekly(journal, "2026-11-09", "2026-11-15") == [(date(2026, 11, 9), 2, 1)]
