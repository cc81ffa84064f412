"""How loudly each flag is shown: levels, condition-only episodes, one line per condition."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from numbjournal.core.flag_levels import (
    LEVEL_WORDS,
    Level,
    condition_line,
    condition_notes,
    episode_level,
    is_condition_only,
)
from numbjournal.core.model import Condition, ConditionEntry, Episode, Location, Profile, Symptom
from numbjournal.core.triage import TriageSettings, evaluate_journal

TZ_PLUS1 = timezone(timedelta(hours=1))

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=TZ_PLUS1)
SCIATICA = ConditionEntry(Condition.SCIATICA, since=date(2024, 4, 1))
DIABETES = ConditionEntry(Condition.DIABETES, since=date(2026, 11, 10))


def make_episode(**changes: object) -> Episode:
    values: dict[str, object] = {"duration_minutes": 5, "locations": (Location.LEFT_FOOT_TOP,)}
    values.update(changes)
    return Episode(**values)  # type: ignore[arg-type]


def _journal(profile: Profile) -> tuple[list, dict]:
    days = [date(2024, 3, 1) + timedelta(days=10 * i) for i in range(100)]
    episodes = [
        make_episode(id=i + 1, started_at=datetime(d.year, d.month, d.day, 9, tzinfo=TZ_PLUS1))
        for i, d in enumerate(days)
    ]
    episodes.append(
        make_episode(
            id=500,
            started_at=datetime(2026, 11, 20, 9, tzinfo=TZ_PLUS1),
            symptoms=(Symptom.SHARP_OR_SEVERE_PAIN,),
        )
    )
    result = evaluate_journal(episodes, profile, TriageSettings(), now=NOW)
    return episodes, result.episodes


def test_an_episode_flagged_only_by_the_profile_is_the_quiet_condition_level() -> None:
    episodes, flags = _journal(Profile(conditions=(SCIATICA,)))
    after = next(e for e in episodes if e.started_at.date() >= SCIATICA.since)
    assert is_condition_only(flags[after.id])
    assert episode_level(flags[after.id]) is Level.CONDITION
    before = episodes[0]
    assert flags[before.id] == [] and episode_level(flags[before.id]) is None
    pain = flags[500]
    assert not is_condition_only(pain), "pain and the condition: see a doctor"
    assert episode_level(pain) is Level.SEE_DOCTOR


def test_condition_only_episodes_are_counted_once_per_condition_from_its_date() -> None:
    profile = Profile(conditions=(SCIATICA, DIABETES))
    episodes, flags = _journal(profile)
    notes = condition_notes(episodes, flags, profile)
    expected = sum(1 for e in episodes if e.id != 500 and e.started_at.date() >= SCIATICA.since)
    assert [n.condition for n in notes] == ["sciatica", "diabetes"]
    assert notes[0].episodes == expected
    assert notes[0].first == date(2024, 4, 10)
    assert notes[1].episodes == sum(
        1 for e in episodes if e.id != 500 and e.started_at.date() >= DIABETES.since
    )
    assert condition_line(notes[0]) == (
        f"sciatica in your profile since 2024-04-01: {expected} episodes; the article says "
        "to see a provider about numbness a known condition could be causing"
    )


def test_every_level_has_its_own_words_and_mark() -> None:
    for field in ("name", "title", "heading", "mark"):
        values = [getattr(LEVEL_WORDS[level], field) for level in Level]
        assert len(set(values)) == len(values), field
