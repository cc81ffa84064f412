"""When an entered episode can have happened: not ending in the future, not before birth."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from numbjournal.core.model import Episode, Location
from numbjournal.core.validation import validate_episode

NOW = datetime(2026, 11, 25, 14, 30, tzinfo=timezone(timedelta(hours=1)))


def episode(started: datetime, minutes: int | None) -> Episode:
    return Episode(started_at=started, duration_minutes=minutes, locations=(Location.LEFT_SOLE,))


def fields(found: list) -> list[tuple[str, str]]:
    return [(p.field, p.message) for p in found]


def test_an_episode_that_would_end_in_the_future_is_refused_saying_how_late() -> None:
    found = validate_episode(episode(NOW - timedelta(minutes=30), 90), now=NOW, entered=True)
    assert fields(found) == [
        (
            "duration_minutes",
            "would end 1 h from now; an episode cannot end in the future "
            "(if it is still going, say so)",
        )
    ]


def test_ending_now_or_still_going_is_fine_and_a_timer_rounding_up_is_forgiven() -> None:
    assert validate_episode(episode(NOW - timedelta(minutes=90), 90), now=NOW, entered=True) == []
    assert validate_episode(episode(NOW, None), now=NOW, entered=True) == []
    rounded_up = NOW - timedelta(minutes=4, seconds=31)  # 4 min 31 s rounds to 5 min
    assert validate_episode(episode(rounded_up, 5), now=NOW, entered=True) == []


def test_before_birth_or_more_than_120_years_back_is_refused() -> None:
    old = episode(datetime(1906, 11, 24, 10, 0, tzinfo=NOW.tzinfo), 5)
    assert fields(validate_episode(old, now=NOW, entered=True)) == [
        ("started_at", "is more than 120 years ago")
    ]
    before_birth = episode(datetime(1990, 4, 30, 23, 0, tzinfo=NOW.tzinfo), 5)
    assert fields(validate_episode(before_birth, now=NOW, entered=True, born=date(1990, 5, 1))) == [
        ("started_at", "is before your date of birth (1990-05-01)")
    ]
    on_birthday = episode(datetime(1990, 5, 1, 0, 5, tzinfo=NOW.tzinfo), 5)
    assert validate_episode(on_birthday, now=NOW, entered=True, born=date(1990, 5, 1)) == []


def test_importers_that_do_not_say_entered_keep_the_format_s_wider_range() -> None:
    old = episode(datetime(1906, 1, 1, tzinfo=UTC), 5)
    assert validate_episode(old, now=NOW) == []
