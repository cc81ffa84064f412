"""The article's six "When to Seek Medical Help" criteria: matches and near misses."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from numbjournal.core.model import (
    Condition,
    ConditionEntry,
    Context,
    Location,
    Onset,
    PositionChange,
    Profile,
    Symptom,
)
from numbjournal.core.triage import ARTICLE_RULES, Source, Tier, TriageSettings

L, R = Location.LEFT_CALF, Location.RIGHT_CALF


def test_positional_five_minutes_that_eased_after_moving_has_no_flag(episode_factory, flags_of):
    episode = episode_factory(
        duration_minutes=5,
        context=Context.LEGS_CROSSED,
        position_change=PositionChange.IMPROVED,
        locations=(Location.LEFT_FOOT_TOP, Location.LEFT_TOES),
        severity=3,
    )
    assert flags_of(episode) == []


def test_rule_table_follows_the_spec_order_ids_and_tiers():
    table = [(r.id, r.tier, r.source) for r in ARTICLE_RULES]
    assert table == [
        ("persistent", Tier.SEE_DOCTOR, Source.ARTICLE),
        ("weakness_or_paralysis", Tier.SEE_DOCTOR, Source.ARTICLE),
        ("pain", Tier.SEE_DOCTOR, Source.ARTICLE),
        ("stroke_signs", Tier.EMERGENCY, Source.ARTICLE),
        ("known_condition", Tier.SEE_DOCTOR, Source.ARTICLE),
        ("sudden_widespread", Tier.SEE_DOCTOR, Source.ARTICLE),
    ]


def test_article_criteria_are_the_articles_own_sentences():
    # Copied by hand from the article's "When to Seek Medical Help" list, curly apostrophe and all.
    assert [r.criterion for r in ARTICLE_RULES] == [
        "Numbness is persistent or doesn\u2019t improve after changing positions.",
        "Numbness is accompanied by weakness or paralysis in the legs.",
        "There is pain, especially sharp or severe pain, along with numbness.",
        "Numbness is associated with other signs of a stroke, such as facial drooping, "
        "difficulty speaking, or confusion.",
        "You have a known medical condition (e.g., diabetes, MS, or a recent injury) "
        "that could be causing the numbness.",
        "You experience sudden numbness in both legs and other parts of the body.",
    ]


# -- persistent ------------------------------------------------------------


def test_persistent_at_the_threshold_with_the_duration_in_words(episode_factory, reason_of):
    reason = reason_of(episode_factory(duration_minutes=250), "persistent")
    assert reason.startswith("lasted 4 h 10 min")
    assert "30 min" in reason
    assert "lasted 30 min" in reason_of(episode_factory(duration_minutes=30), "persistent")


def test_persistent_near_miss_just_under_the_threshold(episode_factory, rules_of):
    assert "persistent" not in rules_of(episode_factory(duration_minutes=29))


def test_persistent_threshold_is_a_setting(episode_factory, rules_of):
    settings = TriageSettings(persistent_minutes=60)
    assert "persistent" not in rules_of(episode_factory(duration_minutes=45), settings=settings)
    assert "persistent" in rules_of(episode_factory(duration_minutes=60), settings=settings)


def test_ongoing_episode_is_persistent_once_past_the_threshold(episode_factory, now, rules_of):
    started = now - timedelta(minutes=45)
    episode = episode_factory(started_at=started, duration_minutes=None)
    assert "persistent" in rules_of(episode, now=now)
    assert "persistent" not in rules_of(episode, now=started + timedelta(minutes=29))


def test_ongoing_reason_says_how_long_so_far(episode_factory, now, reason_of):
    episode = episode_factory(started_at=now - timedelta(minutes=95), duration_minutes=None)
    assert reason_of(episode, "persistent", now=now) == "still going after 1 h 35 min"


def test_not_improved_after_changing_position_is_persistent(episode_factory, reason_of):
    episode = episode_factory(position_change=PositionChange.NOT_IMPROVED)
    assert reason_of(episode, "persistent") == "did not improve after changing position"


@pytest.mark.parametrize("change", [PositionChange.IMPROVED, PositionChange.NOT_TRIED])
def test_position_change_that_helped_or_was_not_tried_is_no_flag(episode_factory, rules_of, change):
    assert rules_of(episode_factory(position_change=change)) == []


# -- weakness_or_paralysis, pain, stroke_signs -------------------------------


@pytest.mark.parametrize(
    ("symptoms", "reason"),
    [
        ((Symptom.WEAKNESS,), "weakness was logged"),
        ((Symptom.PARALYSIS,), "paralysis was logged"),
        ((Symptom.PARALYSIS, Symptom.WEAKNESS), "weakness and paralysis were logged"),
    ],
)
def test_weakness_or_paralysis(episode_factory, reason_of, symptoms, reason):
    assert reason_of(episode_factory(symptoms=symptoms), "weakness_or_paralysis") == reason


def test_difficulty_moving_the_leg_counts_as_weakness_and_says_so(episode_factory, reason_of):
    # Issue 11, point 1: a person with foot drop says "I can't lift my foot".
    episode = episode_factory(symptoms=(Symptom.DIFFICULTY_MOVING_LEG,))
    reason = reason_of(episode, "weakness_or_paralysis")
    assert reason.startswith("difficulty moving the leg was logged (counted as weakness")


@pytest.mark.parametrize(
    "symptom",
    [
        Symptom.FATIGUE,
        Symptom.CRAMPING,
        Symptom.SWELLING_OR_BRUISING,
    ],
)
def test_symptoms_that_are_not_weakness_do_not_match(episode_factory, rules_of, symptom):
    assert "weakness_or_paralysis" not in rules_of(episode_factory(symptoms=(symptom,)))


def test_any_pain_matches_and_sharp_or_severe_pain_is_named(episode_factory, reason_of):
    assert reason_of(episode_factory(symptoms=(Symptom.PAIN,)), "pain") == "pain was logged"
    sharp = episode_factory(symptoms=(Symptom.PAIN, Symptom.SHARP_OR_SEVERE_PAIN))
    assert "sharp or severe" in reason_of(sharp, "pain")


@pytest.mark.parametrize("symptom", [Symptom.BURNING, Symptom.CRAMPING])
def test_burning_or_cramping_alone_is_not_pain(episode_factory, rules_of, symptom):
    assert "pain" not in rules_of(episode_factory(symptoms=(symptom,)))


def test_stroke_signs_are_an_emergency_naming_each_sign(episode_factory, flags_of):
    episode = episode_factory(
        symptoms=(Symptom.DIFFICULTY_SPEAKING, Symptom.WEAKNESS, Symptom.FACIAL_DROOPING)
    )
    flags = flags_of(episode)
    assert flags[0].rule == "stroke_signs"
    assert flags[0].tier is Tier.EMERGENCY
    assert flags[0].reason == "facial drooping and difficulty speaking were logged"


def test_confusion_alone_is_a_stroke_sign(episode_factory, rules_of):
    assert "stroke_signs" in rules_of(episode_factory(symptoms=(Symptom.CONFUSION,)))


def test_numbness_of_the_face_is_not_facial_drooping(episode_factory, rules_of):
    episode = episode_factory(locations=(Location.FACE, Location.LEFT_CALF))
    assert "stroke_signs" not in rules_of(episode)


# -- known_condition -------------------------------------------------------


def _profile(*entries: ConditionEntry) -> Profile:
    return Profile(conditions=entries)


def test_condition_named_by_the_article_with_its_date(episode_factory, reason_of):
    profile = _profile(ConditionEntry(Condition.DIABETES, since=date(2019, 3, 1)))
    reason = reason_of(episode_factory(), "known_condition", profile=profile)
    assert reason == "diabetes in your profile since 2019-03-01"


def test_condition_without_a_date_counts(episode_factory, reason_of):
    profile = _profile(ConditionEntry(Condition.MULTIPLE_SCLEROSIS))
    reason = reason_of(episode_factory(), "known_condition", profile=profile)
    assert reason == "multiple sclerosis (MS) in your profile"


@pytest.mark.parametrize("condition", sorted(set(Condition) - {Condition.OTHER}))
def test_every_condition_the_article_names_counts(episode_factory, rules_of, condition):
    profile = _profile(ConditionEntry(condition, since=date(2026, 11, 1)))
    assert "known_condition" in rules_of(episode_factory(), profile=profile)


def test_other_condition_counts_and_the_reason_quotes_its_note(episode_factory, reason_of):
    # Issue 11, point 8: "other" is a condition like the rest.
    profile = _profile(ConditionEntry(Condition.OTHER, note="B12  injections"))
    reason = reason_of(episode_factory(), "known_condition", profile=profile)
    assert reason == "another condition, \u201cB12 injections\u201d, in your profile"


def test_condition_that_began_after_the_episode_does_not_count(episode_factory, rules_of):
    episode = episode_factory(started_at=datetime.fromisoformat("2026-11-20T08:15:00+01:00"))
    later = _profile(ConditionEntry(Condition.DIABETES, since=date(2026, 11, 21)))
    same_day = _profile(ConditionEntry(Condition.DIABETES, since=date(2026, 11, 20)))
    assert "known_condition" not in rules_of(episode, profile=later)
    assert "known_condition" in rules_of(episode, profile=same_day)


def test_recent_injury_counts_within_the_window_after_its_date(episode_factory, reason_of):
    profile = _profile(
        ConditionEntry(Condition.RECENT_INJURY, since=date(2026, 11, 1), note="twisted knee")
    )
    reason = reason_of(episode_factory(), "known_condition", profile=profile)
    assert "recent injury" in reason
    assert "2026-11-01" in reason
    assert "19 days before" in reason
    assert "twisted knee" in reason


def test_recent_injury_window_edges(episode_factory, rules_of):
    injured = date(2026, 1, 5)
    profile = _profile(ConditionEntry(Condition.RECENT_INJURY, since=injured))

    def on(day: date) -> list[str]:
        started = datetime.fromisoformat(f"{day.isoformat()}T10:00:00+01:00")
        return rules_of(episode_factory(started_at=started), profile=profile)

    assert "known_condition" in on(injured + timedelta(weeks=12))
    assert "known_condition" not in on(injured + timedelta(weeks=12, days=1))
    assert "known_condition" not in on(injured - timedelta(days=1))
    shorter = TriageSettings(recent_injury_weeks=2)
    late = datetime.fromisoformat("2026-01-25T10:00:00+01:00")
    assert "known_condition" not in rules_of(
        episode_factory(started_at=late), profile=profile, settings=shorter
    )


def test_undated_recent_injury_counts_only_for_recent_episodes(episode_factory, now, rules_of):
    profile = _profile(ConditionEntry(Condition.RECENT_INJURY))
    recent = episode_factory(started_at=now - timedelta(days=3))
    old = episode_factory(started_at=now - timedelta(weeks=30))
    assert "known_condition" in rules_of(recent, profile=profile, now=now)
    assert "known_condition" not in rules_of(old, profile=profile, now=now)


# -- sudden_widespread -----------------------------------------------------


def test_sudden_numbness_in_both_legs_and_elsewhere(episode_factory, reason_of):
    episode = episode_factory(
        onset=Onset.SUDDEN, locations=(L, R, Location.LEFT_HAND, Location.FACE)
    )
    reason = reason_of(episode, "sudden_widespread")
    assert reason == "sudden onset in both legs, the left hand and the face"


@pytest.mark.parametrize(
    ("onset", "locations"),
    [
        (Onset.GRADUAL, (L, R, Location.FACE)),
        (Onset.UNKNOWN, (L, R, Location.FACE)),
        (Onset.SUDDEN, (L, R)),
        (Onset.SUDDEN, (L, Location.LEFT_SOLE, Location.FACE)),
        (Onset.SUDDEN, (R, Location.TRUNK)),
    ],
)
def test_sudden_widespread_near_misses(episode_factory, rules_of, onset, locations):
    assert "sudden_widespread" not in rules_of(episode_factory(onset=onset, locations=locations))


def test_a_condition_applies_to_every_episode_positional_or_not(episode_factory, rules_of):
    # Issue 11, point 8: the criterion is about the person. Numbness that changes
    # with position is what sciatica and stenosis do; a diabetic's unfelt foot is
    # the danger. Screens may show it quietly (issue 12); it is never dropped.
    profile = _profile(
        ConditionEntry(Condition.DIABETES, since=date(2019, 3, 1)),
        ConditionEntry(Condition.RECENT_INJURY, since=date(2026, 11, 1)),
    )
    eased = episode_factory(duration_minutes=5, position_change=PositionChange.IMPROVED)
    untried = episode_factory(duration_minutes=5, position_change=PositionChange.NOT_TRIED)
    eased_but_long = episode_factory(duration_minutes=30, position_change=PositionChange.IMPROVED)
    assert rules_of(eased, profile=profile) == ["known_condition"]
    assert rules_of(untried, profile=profile) == ["known_condition"]
    assert rules_of(eased_but_long, profile=profile) == ["persistent", "known_condition"]
