"""SQL aggregation gives the same numbers as counting the episodes one by one in Python."""

from __future__ import annotations

import math
import random
import statistics
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from numbjournal.core import patterns
from numbjournal.core.model import Episode, Location
from numbjournal.core.patterns import Granularity
from numbjournal.core.store import Journal

FIRST, LAST = date(2023, 1, 1), date(2024, 12, 31)


@pytest.fixture
def random_journal(journal: Journal, berlin_time: ZoneInfo) -> list[Episode]:
    """300 episodes over two years (four daylight-saving changes), many near midnight."""
    rng = random.Random(20261125)
    episodes = []
    start = datetime(2022, 12, 25, tzinfo=berlin_time)
    for _ in range(300):
        moment = start + timedelta(minutes=rng.randrange(0, 740 * 24 * 60))
        if rng.random() < 0.3:  # close to midnight, where local and UTC days differ
            moment = moment.replace(hour=rng.choice((0, 23)), minute=rng.randrange(60))
        moment = moment.astimezone(berlin_time)
        episodes.append(
            Episode(
                started_at=moment,
                duration_minutes=None if rng.random() < 0.05 else rng.randrange(0, 600),
                locations=tuple(rng.sample(list(Location), rng.randint(1, 3))),
                severity=rng.randint(0, 10),
            )
        )
    journal.import_all(episodes)
    return [e for e in journal.episodes() if FIRST <= e.started_at.date() <= LAST]


def local(episode: Episode) -> datetime:
    return episode.started_at.astimezone()


def test_weeks_match(journal: Journal, random_journal: list[Episode]) -> None:
    expected = Counter(local(e).date() - timedelta(days=local(e).weekday()) for e in random_journal)
    data = patterns.frequency(journal, FIRST, LAST, granularity=Granularity.WEEK, flagged=())
    assert {p.period.start: p.episodes for p in data.points if p.episodes} == dict(expected)
    assert data.total == len(random_journal)


def test_hours_and_weekdays_match(journal: Journal, random_journal: list[Episode]) -> None:
    expected = Counter((local(e).weekday(), local(e).hour) for e in random_journal)
    grid = patterns.time_of_day(journal, FIRST, LAST).counts
    found = {(d, h): grid[d][h] for d in range(7) for h in range(24) if grid[d][h]}
    assert found == dict(expected)


def test_monthly_duration_medians_match(journal: Journal, random_journal: list[Episode]) -> None:
    by_month: dict[date, list[int]] = defaultdict(list)
    for e in random_journal:
        if e.duration_minutes is not None:
            by_month[local(e).date().replace(day=1)].append(e.duration_minutes)
    data = patterns.duration(journal, FIRST, LAST, granularity=Granularity.MONTH)
    found = {
        p.period.start: (p.median_minutes, p.longest_minutes) for p in data.points if p.episodes
    }
    assert found == {m: (statistics.median(v), max(v)) for m, v in by_month.items()}
    assert data.ongoing == sum(e.duration_minutes is None for e in random_journal)


def test_severity_quartiles_match(journal: Journal, random_journal: list[Episode]) -> None:
    by_month: dict[date, list[int]] = defaultdict(list)
    for e in random_journal:
        by_month[local(e).date().replace(day=1)].append(e.severity)

    def nearest_rank(values: list[int], share: float) -> int:
        ordered = sorted(values)
        return ordered[math.ceil(share * len(ordered)) - 1]

    data = patterns.severity(journal, FIRST, LAST, granularity=Granularity.MONTH)
    for point in data.points:
        values = by_month[point.period.start]
        assert (point.lower_quartile, point.upper_quartile) == (
            nearest_rank(values, 0.25),
            nearest_rank(values, 0.75),
        )
        assert point.mean == pytest.approx(statistics.mean(values))


def test_regions_and_sides_match(journal: Journal, random_journal: list[Episode]) -> None:
    data = patterns.body_map(journal, FIRST, LAST)
    expected = Counter(loc for e in random_journal for loc in e.locations)
    assert {loc: n for loc, n in data.counts.items() if n} == dict(expected)
    left = {e.id for e in random_journal if any(loc.is_left_leg for loc in e.locations)}
    right = {e.id for e in random_journal if any(loc.is_right_leg for loc in e.locations)}
    assert (data.left_leg, data.right_leg, data.both_legs) == (
        len(left),
        len(right),
        len(left & right),
    )


def test_key_numbers_match(journal: Journal, random_journal: list[Episode]) -> None:
    numbers = patterns.key_numbers(journal, FIRST, LAST).current
    assert numbers is not None
    assert numbers.episodes == len(random_journal)
    assert numbers.days_affected == len({local(e).date() for e in random_journal})
    durations = [e.duration_minutes for e in random_journal if e.duration_minutes is not None]
    assert numbers.median_duration == statistics.median(durations)
    assert numbers.median_severity == statistics.median(e.severity for e in random_journal)
