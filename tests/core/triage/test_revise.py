"""Updating journal flags after a save gives exactly what a full evaluation gives."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from numbjournal.core.model import (
    Condition,
    ConditionEntry,
    Episode,
    Location,
    PositionChange,
    Profile,
    Symptom,
)
from numbjournal.core.triage import TriageSettings, evaluate_journal, revise_journal

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
PROFILE = Profile(conditions=(ConditionEntry(Condition.SCIATICA),))
SETTINGS = TriageSettings()


def journal_of(count: int) -> list[Episode]:
    """Short positional episodes every 9 hours, oldest first, with ids."""
    return [
        Episode(
            id=i,
            started_at=NOW - timedelta(hours=9 * (count - i)),
            duration_minutes=5,
            locations=(Location.LEFT_SOLE,),
            position_change=PositionChange.IMPROVED,
        )
        for i in range(1, count + 1)
    ]


def test_changed_removed_added_and_ongoing_match_a_full_evaluation() -> None:
    before = journal_of(40)
    ongoing = dataclasses.replace(before[5], duration_minutes=None)
    before[5] = ongoing
    previous = evaluate_journal(before, PROFILE, SETTINGS, now=NOW - timedelta(days=20))

    stroke = dataclasses.replace(before[10], symptoms=(Symptom.FACIAL_DROOPING,))
    added = Episode(
        id=41,
        started_at=NOW - timedelta(minutes=30),
        duration_minutes=50,
        locations=(Location.RIGHT_CALF,),
    )
    after = [e for e in before if e.id != 20]
    after[after.index(before[10])] = stroke
    after.append(added)

    revised = revise_journal(
        previous, after, PROFILE, SETTINGS, changed=[stroke, added], removed=[20], now=NOW
    )

    assert revised == evaluate_journal(after, PROFILE, SETTINGS, now=NOW)
    assert revised.episodes[stroke.id or 0][0].rule == "stroke_signs"
    assert "persistent" in [f.rule for f in revised.episodes[ongoing.id or 0]]
    assert 20 not in revised.episodes
