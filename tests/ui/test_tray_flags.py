"""The tray's flag line: the last 30 days by level, in the window's words."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from numbjournal.core.model import Episode, Location
from numbjournal.core.triage import Flag, Source, Tier
from numbjournal.ui.tray import flags_line

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 25)
STROKE = Flag("stroke_signs", Tier.EMERGENCY, Source.ARTICLE, "Stroke", "confusion was logged")
PAIN = Flag("pain", Tier.SEE_DOCTOR, Source.ARTICLE, "Pain", "pain was logged")
KNOWN = Flag(
    "known_condition", Tier.SEE_DOCTOR, Source.ARTICLE, "Known", "diabetes in your profile"
)


def _episode(eid: int, days_ago: int) -> Episode:
    started = datetime(2026, 11, 25, 9, tzinfo=TZ) - timedelta(days=days_ago)
    return Episode(started, 5, (Location.LEFT_CALF,), id=eid)


def test_counts_the_last_30_days_by_level_with_the_condition_apart() -> None:
    episodes = [_episode(1, 1), _episode(2, 3), _episode(3, 5), _episode(4, 40), _episode(5, 2)]
    flags = {1: [KNOWN], 2: [PAIN, KNOWN], 3: [STROKE], 4: [STROKE], 5: []}

    assert flags_line(episodes, flags, TODAY) == (
        "Flags, last 30 days: 1 emergency, 1 see a doctor, 1 only for a condition in the profile"
    )
    assert flags_line(episodes[-1:], flags, TODAY) == "Flags, last 30 days: none needing action"
