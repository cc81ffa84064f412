"""Where, when, with what and after what; and the summary's key numbers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from numbjournal.core import patterns
from numbjournal.core.model import Context, Location, PositionChange, Symptom
from numbjournal.core.store import Journal

L = Location
NOV = (date(2026, 11, 1), date(2026, 11, 30))


def test_body_map_counts_regions_and_sides(journal: Journal, log_at: Callable) -> None:
    log_at("2026-11-02 09:00", locations=(L.LEFT_CALF, L.LEFT_SOLE))
    log_at("2026-11-03 09:00", locations=(L.LEFT_CALF,))
    log_at("2026-11-04 09:00", locations=(L.RIGHT_CALF, L.LEFT_TOES))
    log_at("2026-11-05 09:00", locations=(L.LEFT_HAND,))
    log_at("2026-11-06 09:00", locations=(L.RIGHT_SHIN, L.FACE))
    log_at("2026-10-31 23:30", locations=(L.LEFT_CALF,))  # outside the range
    data = patterns.body_map(journal, *NOV)
    assert data.total == 5
    assert data.counts[L.LEFT_CALF] == 2
    assert data.counts[L.RIGHT_CALF] == data.counts[L.LEFT_SOLE] == data.counts[L.FACE] == 1
    assert data.counts[L.SADDLE] == 0
    assert len(data.counts) == len(Location)
    # Left leg: episodes 1, 2, 3. Right leg: 3, 5. Both: 3. Elsewhere (hand, face): 4, 5.
    assert (data.left_leg, data.right_leg, data.both_legs, data.elsewhere) == (3, 2, 1, 2)


def test_time_of_day_uses_local_weekday_and_hour(journal: Journal, log_at: Callable) -> None:
    log_at("2026-11-02 07:15")  # Monday
    log_at("2026-11-02 07:45")
    log_at("2026-11-08 23:59")  # Sunday
    data = patterns.time_of_day(journal, *NOV)
    assert data.counts[0][7] == 2
    assert data.counts[6][23] == 1
    assert data.total == 3
    assert data.by_hour()[7] == 2
    assert data.by_weekday() == (2, 0, 0, 0, 0, 0, 1)


def test_symptoms_ranked_by_how_many_episodes_had_them(journal: Journal, log_at: Callable) -> None:
    log_at("2026-11-02 09:00", symptoms=(Symptom.PAIN, Symptom.CRAMPING))
    log_at("2026-11-03 09:00", symptoms=(Symptom.PAIN,))
    log_at("2026-11-04 09:00")
    data = patterns.symptoms(journal, *NOV)
    assert (data.total, data.with_any) == (3, 2)
    assert data.counts[:2] == ((Symptom.PAIN, 2), (Symptom.CRAMPING, 1))
    assert dict(data.counts)[Symptom.WEAKNESS] == 0
    assert len(data.counts) == len(Symptom)


def test_context_and_whether_changing_position_helped(journal: Journal, log_at: Callable) -> None:
    log_at("2026-11-02 09:00", context=Context.SITTING, position_change=PositionChange.IMPROVED)
    log_at("2026-11-03 09:00", context=Context.SITTING, position_change=PositionChange.IMPROVED)
    log_at("2026-11-04 09:00", context=Context.SITTING, position_change=PositionChange.NOT_IMPROVED)
    log_at("2026-11-05 09:00", context=Context.WALKING, position_change=PositionChange.NOT_TRIED)
    data = patterns.context(journal, *NOV)
    first = data.rows[0]
    assert (first.context, first.improved, first.not_improved, first.not_tried) == (
        Context.SITTING,
        2,
        1,
        0,
    )
    assert data.rows[1].context is Context.WALKING
    assert (data.total, data.improved, data.tried) == (4, 2, 3)


def test_key_numbers_and_the_change_against_the_previous_range(
    journal: Journal, log_at: Callable
) -> None:
    log_at("2026-10-20 09:00")  # previous 14 days: 18-31 October
    log_at("2026-11-02 09:00", duration_minutes=4, severity=2)
    log_at("2026-11-02 18:00", duration_minutes=10, severity=5)
    log_at("2026-11-05 09:00", duration_minutes=30, severity=3)
    log_at("2026-11-09 09:00", duration_minutes=None, severity=8)
    numbers = patterns.key_numbers(journal, date(2026, 11, 1), date(2026, 11, 14))
    now = numbers.current
    assert now is not None
    assert (now.episodes, now.days_affected, now.ongoing) == (4, 3, 1)
    assert now.per_week == 2.0
    assert (now.median_duration, now.longest_duration) == (10.0, 30)
    assert now.median_severity == 4.0
    assert numbers.previous is not None
    assert numbers.previous.span == patterns.DateRange(date(2026, 10, 18), date(2026, 10, 31))
    assert (numbers.previous.episodes, numbers.change, numbers.change_percent) == (1, 3, 300.0)
    assert numbers.describe_change() == (
        "3 more episodes than in the previous 14 days (18 Oct 2026 to 31 Oct 2026), "
        "which had 1 (+300%)."
    )


def test_key_numbers_do_not_compare_with_a_time_before_the_journal(
    journal: Journal, log_at: Callable
) -> None:
    log_at("2026-11-02 09:00")
    numbers = patterns.key_numbers(journal, date(2026, 11, 1), date(2026, 11, 3))
    assert numbers.previous is None
    assert numbers.change is None
    assert numbers.current is not None and numbers.current.per_week is None
    assert "nothing to compare" in numbers.describe_change()


def test_episodes_a_week_count_only_the_days_since_the_journal_began(
    journal: Journal, log_at: Callable
) -> None:
    # Logging began on 2 November; "the last 12 months" reaches back a year.
    for day in (2, 5, 9, 12, 16, 19, 23, 26):
        log_at(f"2026-11-{day:02d} 09:00")
    now = patterns.key_numbers(journal, date(2025, 11, 30), date(2026, 11, 29)).current
    assert now is not None
    assert now.days_kept == 28
    assert now.per_week == 2.0


def test_key_numbers_of_an_empty_journal(journal: Journal) -> None:
    numbers = patterns.key_numbers(journal)
    assert (numbers.current, numbers.previous) == (None, None)
    empty_range = patterns.key_numbers(journal, *NOV).current
    assert empty_range is not None
    assert (empty_range.episodes, empty_range.median_duration, empty_range.median_severity) == (
        0,
        None,
        None,
    )


def test_no_previous_range_before_the_earliest_day(journal: Journal, log_at: Callable) -> None:
    log_at("1900-01-20 09:00")
    log_at("1900-02-10 09:00")
    numbers = patterns.key_numbers(journal, date(1900, 2, 1), date(1900, 3, 31))
    assert numbers.current is not None and numbers.current.episodes == 1
    assert numbers.previous is None
