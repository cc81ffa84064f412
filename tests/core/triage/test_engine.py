"""The engine: drafts, ordering, every episode present, and flags that only ever grow."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from numbjournal.core.model import (
    MAX_DURATION_MINUTES,
    Condition,
    ConditionEntry,
    Context,
    Episode,
    Location,
    Onset,
    PositionChange,
    Profile,
    Sensation,
    Symptom,
)
from numbjournal.core.triage import (
    EPISODE_RULES,
    Tier,
    TriageSettings,
    evaluate_episode,
    evaluate_episodes,
    evaluate_journal,
)

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SETTINGS = TriageSettings()

offsets = st.integers(-12 * 4, 14 * 4).map(lambda q: timezone(timedelta(minutes=15 * q)))
episodes = st.builds(
    Episode,
    started_at=st.datetimes(
        min_value=datetime(2024, 1, 1), max_value=datetime(2026, 11, 25), timezones=offsets
    ),
    duration_minutes=st.one_of(st.none(), st.integers(0, MAX_DURATION_MINUTES)),
    locations=st.lists(st.sampled_from(Location), min_size=1, max_size=6, unique=True).map(tuple),
    sensation=st.sampled_from(Sensation),
    severity=st.integers(0, 10),
    onset=st.sampled_from(Onset),
    context=st.sampled_from(Context),
    position_change=st.sampled_from(PositionChange),
    symptoms=st.lists(st.sampled_from(Symptom), max_size=6, unique=True).map(tuple),
)
conditions = st.builds(
    ConditionEntry,
    condition=st.sampled_from(Condition),
    since=st.one_of(st.none(), st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 11, 25))),
)
profiles = st.lists(conditions, max_size=4).map(lambda c: Profile(conditions=tuple(c)))
switches = st.builds(TriageSettings, guidance_rules=st.booleans())


def rules(episode: Episode, profile: Profile, settings: TriageSettings = SETTINGS) -> set[str]:
    return {f.rule for f in evaluate_episode(episode, profile, settings, now=NOW)}


@given(episodes, profiles, st.sampled_from(Symptom), switches)
def test_adding_a_symptom_never_removes_a_flag(episode, profile, symptom, settings):
    more = episode.symptoms if symptom in episode.symptoms else (*episode.symptoms, symptom)
    assert rules(episode, profile, settings) <= rules(
        dataclasses.replace(episode, symptoms=more), profile, settings
    )


@given(episodes, profiles, st.integers(1, MAX_DURATION_MINUTES), switches)
def test_lengthening_an_episode_never_removes_a_flag(episode, profile, extra, settings):
    if episode.duration_minutes is None:
        return
    longer = min(MAX_DURATION_MINUTES, episode.duration_minutes + extra)
    assert rules(episode, profile, settings) <= rules(
        dataclasses.replace(episode, duration_minutes=longer), profile, settings
    )


@given(episodes, profiles, conditions)
def test_a_profile_condition_never_removes_a_flag(episode, profile, entry):
    richer = Profile(conditions=(*profile.conditions, entry))
    assert rules(episode, profile) <= rules(episode, richer)


@given(episodes, profiles, st.sampled_from(Location))
def test_adding_a_body_part_never_removes_a_flag(episode, profile, location):
    if location in episode.locations:
        return
    wider = dataclasses.replace(episode, locations=(*episode.locations, location))
    assert rules(episode, profile) <= rules(wider, profile)


@given(episodes, profiles, switches)
def test_emergencies_come_first_and_follow_the_rule_table(episode, profile, settings):
    flags = evaluate_episode(episode, profile, settings, now=NOW)
    tiers = [f.tier for f in flags]
    assert tiers == sorted(tiers, key=lambda t: t is not Tier.EMERGENCY)
    order = [r.id for r in EPISODE_RULES]
    for tier in Tier:
        ids = [order.index(f.rule) for f in flags if f.tier is tier]
        assert ids == sorted(ids)
    for flag in flags:
        assert flag.reason and flag.criterion


@given(st.lists(episodes, max_size=8), profiles, switches)
def test_the_first_frames_flags_are_each_episodes_own(drafts, profile, settings):
    """The rows painted before the journal is open carry exactly the flags each episode
    gets on its own (one set of rules built once, not once per row)."""
    saved = [dataclasses.replace(e, id=i) for i, e in enumerate(drafts, start=1)]
    own = evaluate_episodes(saved, profile, settings, now=NOW)
    assert own == {e.id: evaluate_episode(e, profile, settings, now=NOW) for e in saved}


def test_a_draft_is_evaluated_without_being_saved(journal, episode_factory):
    draft = episode_factory(symptoms=(Symptom.FACIAL_DROOPING,))
    assert draft.id is None
    flags = evaluate_episode(draft, journal.profile(), SETTINGS, now=NOW)
    assert [f.rule for f in flags] == ["stroke_signs"]
    assert journal.count() == 0


def test_every_saved_episode_is_in_the_journal_result(journal, episode_factory):
    quiet = journal.add(episode_factory(position_change=PositionChange.IMPROVED))
    loud = journal.add(episode_factory(symptoms=(Symptom.PAIN,)))
    result = evaluate_journal(journal.episodes(), journal.profile(), SETTINGS, now=NOW)
    assert result.episodes == {quiet.id: [], loud.id: result.episodes[loud.id]}
    assert [f.rule for f in result.episodes[loud.id]] == ["pain"]
    assert result.flagged_count() == 1
    assert not result.has_emergency()


def test_without_now_the_current_time_is_used(episode_factory):
    started = datetime.now(UTC) - timedelta(hours=1)
    ongoing = episode_factory(started_at=started, duration_minutes=None)
    assert [f.rule for f in evaluate_episode(ongoing, Profile(), SETTINGS)] == ["persistent"]
