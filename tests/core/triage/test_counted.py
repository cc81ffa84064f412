"""Journal patterns kept up to date across saves count exactly what a full count does."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from numbjournal.core.model import Episode, Location, PositionChange
from numbjournal.core.triage import TriageSettings, evaluate_journal, revise_journal
from numbjournal.core.triage.counted import CountedEpisodes

from .test_revise import PROFILE

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
RULES = TriageSettings(recurring_episodes=3, recurring_days=7, trend_min_episodes=3)


def episode(episode_id: int, hours_ago: int, minutes: int | None, positional: bool) -> Episode:
    return Episode(
        id=episode_id,
        started_at=NOW - timedelta(hours=hours_ago),
        duration_minutes=minutes,
        locations=(Location.LEFT_SOLE,),
        position_change=PositionChange.IMPROVED if positional else PositionChange.NOT_TRIED,
    )


shapes = st.tuples(
    st.integers(-48, 24 * 120),  # hours ago; a few start after "now" (not counted yet)
    st.one_of(st.none(), st.integers(1, 300)),
    st.booleans(),
)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("add"), shapes),
        st.tuples(st.just("edit"), shapes),
        st.tuples(st.just("delete"), shapes),
    ),
    max_size=25,
)


def oldest_first(journal: dict[int, Episode]) -> list[Episode]:
    return sorted(journal.values(), key=lambda e: (e.started_at, e.id or 0))


@settings(max_examples=60, deadline=None)
@given(start=st.lists(shapes, max_size=40), steps=steps)
def test_patterns_after_any_saves_and_deletes_match_a_full_count(start, steps) -> None:
    journal = {i: episode(i, *shape) for i, shape in enumerate(start, 1)}
    flags = evaluate_journal(oldest_first(journal), PROFILE, RULES, now=NOW)
    next_id = len(journal) + 1
    for kind, (hours, minutes, positional) in steps:
        changed: list[Episode] = []
        removed: list[int] = []
        if kind == "add" or not journal:
            changed = [episode(next_id, hours, minutes, positional)]
            next_id += 1
        elif kind == "edit":
            target = journal[sorted(journal)[hours % len(journal)]]
            changed = [
                dataclasses.replace(
                    target, started_at=NOW - timedelta(hours=hours), duration_minutes=minutes
                )
            ]
        else:
            removed = [sorted(journal)[hours % len(journal)]]
            del journal[removed[0]]
        journal.update({e.id: e for e in changed if e.id is not None})
        everything = oldest_first(journal)
        flags = revise_journal(
            flags, everything, PROFILE, RULES, changed=changed, removed=removed, now=NOW
        )
        fresh = evaluate_journal(everything, PROFILE, RULES, now=NOW)
        assert flags.journal == fresh.journal
        assert isinstance(flags.counted, CountedEpisodes)
        assert isinstance(fresh.counted, CountedEpisodes)
        assert flags.counted.stamps == fresh.counted.stamps
        assert sorted(e.id or 0 for e in flags.counted.episodes) == sorted(
            e.id or 0 for e in fresh.counted.episodes
        )


def test_a_recurring_pattern_appears_and_goes_with_the_episodes_that_make_it() -> None:
    base = [episode(i, 24 * 30 * i, 20, False) for i in range(1, 5)]
    flags = evaluate_journal(base, PROFILE, RULES, now=NOW)
    assert [f.rule for f in flags.journal] == []
    close = [episode(10 + i, 10 * i, 20, False) for i in range(3)]
    flags = revise_journal(flags, base + close, PROFILE, RULES, changed=close, now=NOW)
    assert "recurring" in [f.rule for f in flags.journal]
    flags = revise_journal(flags, base + close[:2], PROFILE, RULES, removed=[12], now=NOW)
    assert "recurring" not in [f.rule for f in flags.journal]
    assert isinstance(flags.counted, CountedEpisodes)
    assert flags.counted.stamps == CountedEpisodes.of(base + close[:2], RULES).stamps
