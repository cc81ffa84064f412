"""The running timer: started in one session, stopped in another, with the right length."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from numbjournal.core.model import MAX_DURATION_MINUTES
from numbjournal.core.store import Journal
from numbjournal.core.timer import (
    SETTING_KEY,
    EpisodeTimer,
    TimerError,
    draft_from_timer,
    minutes_between,
)

TZ = timezone(timedelta(hours=1))
START = datetime(2026, 11, 25, 8, 15, 20, tzinfo=TZ)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_stop_gives_start_and_minutes_and_forgets_the_timer(journal: Journal) -> None:
    clock = Clock(START)
    timer = EpisodeTimer(journal, clock)
    assert not timer.running()
    timer.start()
    assert timer.running()
    clock.now = START + timedelta(minutes=12, seconds=10)
    assert timer.stop() == (START, 12)
    assert not timer.running()
    assert journal.setting(SETTING_KEY) is None


def test_a_running_timer_survives_closing_and_reopening_the_journal(journal_path: Path) -> None:
    with Journal.open(journal_path) as first:
        EpisodeTimer(first, Clock(START)).start()
    with Journal.open(journal_path) as reopened:
        timer = EpisodeTimer(reopened, Clock(START + timedelta(hours=2)))
        assert timer.running()
        assert timer.started_at() == START
        assert timer.started_at().utcoffset() == timedelta(hours=1)  # type: ignore[union-attr]
        assert timer.stop() == (START, 120)


def test_starting_twice_or_stopping_when_idle_is_refused(journal: Journal) -> None:
    timer = EpisodeTimer(journal, Clock(START))
    with pytest.raises(TimerError, match="No timer is running"):
        timer.stop()
    timer.start()
    with pytest.raises(TimerError, match="already running since 2026-11-25 08:15"):
        timer.start()
    assert timer.started_at() == START


def test_explicit_now_overrides_the_clock_and_cancel_forgets(journal: Journal) -> None:
    timer = EpisodeTimer(journal, Clock(START))
    earlier = START - timedelta(minutes=30)
    assert timer.start(earlier) == earlier
    assert timer.elapsed_seconds() == 30 * 60
    assert timer.cancel() == earlier
    assert not timer.running()


def test_an_unreadable_stored_start_counts_as_not_running(journal: Journal) -> None:
    journal.set_setting(SETTING_KEY, "yesterday-ish")
    timer = EpisodeTimer(journal, Clock(START))
    assert not timer.running()
    timer.start()
    assert timer.started_at() == START


@pytest.mark.parametrize(
    ("elapsed", "minutes"),
    [
        (timedelta(seconds=29), 0),
        (timedelta(seconds=30), 1),
        (timedelta(minutes=5, seconds=40), 6),
        (timedelta(minutes=-3), 0),
        (timedelta(days=45), MAX_DURATION_MINUTES),
    ],
)
def test_minutes_are_rounded_and_kept_within_what_an_episode_holds(
    elapsed: timedelta, minutes: int
) -> None:
    assert minutes_between(START, START + elapsed) == minutes


def test_the_draft_carries_start_and_duration_and_needs_a_location() -> None:
    draft = draft_from_timer(START, 7)
    assert (draft.started_at, draft.duration_minutes, draft.locations, draft.id) == (
        START,
        7,
        (),
        None,
    )
