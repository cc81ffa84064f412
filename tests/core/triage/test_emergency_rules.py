"""Emergencies from public guidance (issue 11, points 1 to 7): matches and near misses."""

from __future__ import annotations

from datetime import date, timedelta

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
from numbjournal.core.triage import Tier, top_tier

S, L, P = Symptom, Location, PositionChange
LEFT_WHOLE = (L.LEFT_THIGH_FRONT, L.LEFT_CALF, L.LEFT_FOOT_TOP)
BOTH_FEET = (L.LEFT_SOLE, L.RIGHT_SOLE)
INJURED = date(2026, 11, 18)  # the factory's episodes start on 2026-11-20


def _injury(days_before: int = 2) -> Profile:
    since = date(2026, 11, 20) - timedelta(days=days_before)
    return Profile(
        conditions=(ConditionEntry(Condition.RECENT_INJURY, since, "fell off a ladder"),)
    )


def tier(flags_of, episode, **kwargs) -> Tier | None:
    return top_tier(flags_of(episode, **kwargs))


# -- point 1: weakness ----------------------------------------------------------


def test_paralysis_on_its_own_is_an_emergency_and_the_article_flag_stays(episode_factory, flags_of):
    flags = flags_of(episode_factory(symptoms=(S.PARALYSIS,)))
    assert [(f.rule, f.tier) for f in flags] == [
        ("sudden_weakness", Tier.EMERGENCY),
        ("weakness_or_paralysis", Tier.SEE_DOCTOR),
    ]


@pytest.mark.parametrize("symptom", [S.WEAKNESS, S.DIFFICULTY_MOVING_LEG])
def test_sudden_weakness_or_trouble_moving_the_leg_is_an_emergency(
    episode_factory, reason_of, symptom
):
    episode = episode_factory(symptoms=(symptom,), onset=Onset.SUDDEN)
    assert reason_of(episode, "sudden_weakness").endswith("with a sudden onset")


def test_foot_drop_ticked_as_difficulty_moving_is_flagged(episode_factory, flags_of):
    # The new user's case: "Difficulty moving the leg" used to get no flag at all.
    flags = flags_of(episode_factory(symptoms=(S.DIFFICULTY_MOVING_LEG,), onset=Onset.GRADUAL))
    assert [f.rule for f in flags] == ["weakness_or_paralysis"]


@pytest.mark.parametrize("symptom", [S.WEAKNESS, S.DIFFICULTY_MOVING_LEG])
def test_weakness_in_both_legs_is_an_emergency(episode_factory, reason_of, symptom):
    episode = episode_factory(symptoms=(symptom,), locations=BOTH_FEET, onset=Onset.GRADUAL)
    assert "numbness in both legs" in reason_of(episode, "weakness_both_legs")


def test_gradual_weakness_in_one_leg_is_see_a_doctor_only(episode_factory, flags_of):
    episode = episode_factory(symptoms=(S.WEAKNESS,), onset=Onset.GRADUAL)
    assert tier(flags_of, episode) is Tier.SEE_DOCTOR


# -- point 2: spinal red flags --------------------------------------------------


@pytest.mark.parametrize("pain", [S.BACK_PAIN, S.PAIN, S.SHARP_OR_SEVERE_PAIN])
def test_both_legs_with_back_pain_or_pain_is_a_spinal_emergency(episode_factory, reason_of, pain):
    episode = episode_factory(locations=BOTH_FEET, symptoms=(pain,))
    assert reason_of(episode, "spinal_red_flags").startswith("numbness in both legs and")


def test_numbness_of_both_buttocks_is_a_spinal_emergency(episode_factory, reason_of):
    episode = episode_factory(locations=(L.LEFT_BUTTOCK, L.RIGHT_BUTTOCK))
    assert reason_of(episode, "spinal_red_flags") == "numbness of both buttocks was logged"


def test_both_legs_within_seven_days_of_an_injury_is_a_spinal_emergency(episode_factory, reason_of):
    episode = episode_factory(locations=BOTH_FEET)
    reason = reason_of(episode, "spinal_red_flags", profile=_injury(7))
    assert "fell off a ladder" in reason and "7 days before" in reason


@pytest.mark.parametrize(
    ("locations", "symptoms", "profile"),
    [
        ((L.LEFT_CALF, L.LOWER_BACK), (S.BACK_PAIN,), None),  # one leg: sciatica
        ((L.LEFT_BUTTOCK,), (), None),
        (BOTH_FEET, (), "8 days"),
        (BOTH_FEET, (S.CRAMPING,), None),
    ],
)
def test_spinal_near_misses(episode_factory, rules_of, locations, symptoms, profile):
    episode = episode_factory(locations=locations, symptoms=symptoms)
    kwargs = {"profile": _injury(8)} if profile else {}
    assert "spinal_red_flags" not in rules_of(episode, **kwargs)


def test_positional_numbness_of_both_feet_after_an_injury_is_not_a_spinal_flag(
    episode_factory, rules_of
):
    episode = episode_factory(locations=BOTH_FEET, position_change=P.IMPROVED, duration_minutes=4)
    assert rules_of(episode, profile=_injury(2)) == ["known_condition"]


# -- point 3: sudden numbness that does not ease; a level on the trunk ----------


@pytest.mark.parametrize(
    ("locations", "change", "minutes", "where"),
    [
        (BOTH_FEET, P.NOT_IMPROVED, 3, "both legs that did not improve after changing position"),
        (LEFT_WHOLE, P.IMPROVED, 12, "the whole left leg that lasted 12 min"),
        (LEFT_WHOLE, P.NOT_TRIED, None, "the whole left leg that was still going after"),
    ],
)
def test_sudden_numbness_of_a_whole_leg_or_both_legs_that_does_not_ease(
    episode_factory, reason_of, now, locations, change, minutes, where
):
    started = now - timedelta(minutes=25) if minutes is None else now - timedelta(days=1)
    episode = episode_factory(
        locations=locations,
        onset=Onset.SUDDEN,
        position_change=change,
        duration_minutes=minutes,
        started_at=started,
    )
    assert reason_of(episode, "sudden_whole_leg").startswith(f"sudden numbness of {where}")


@pytest.mark.parametrize(
    ("locations", "onset", "change", "minutes"),
    [
        (BOTH_FEET, Onset.SUDDEN, P.IMPROVED, 5),  # eased after moving within 10 min
        (LEFT_WHOLE, Onset.GRADUAL, P.NOT_IMPROVED, 40),
        ((L.LEFT_CALF, L.LEFT_SOLE), Onset.SUDDEN, P.IMPROVED, 15),  # part of one leg
    ],
)
def test_sudden_whole_leg_near_misses(episode_factory, rules_of, locations, onset, change, minutes):
    episode = episode_factory(
        locations=locations, onset=onset, position_change=change, duration_minutes=minutes
    )
    assert "sudden_whole_leg" not in rules_of(episode)


@pytest.mark.parametrize("place", [L.TRUNK, L.LOWER_BACK])
def test_sudden_numbness_reaching_the_trunk_is_an_emergency_even_if_it_eased(
    episode_factory, flags_of, place
):
    episode = episode_factory(
        locations=(L.LEFT_CALF, place),
        onset=Onset.SUDDEN,
        position_change=P.IMPROVED,
        duration_minutes=3,
    )
    assert "numbness_level" in [f.rule for f in flags_of(episode)]
    gradual = episode_factory(locations=(L.LEFT_CALF, place), onset=Onset.GRADUAL)
    assert "numbness_level" not in [f.rule for f in flags_of(gradual)]


# -- point 4: stroke signs, widened ----------------------------------------------


@pytest.mark.parametrize(
    ("change", "minutes"), [(P.NOT_IMPROVED, 2), (P.NOT_TRIED, 10), (P.NOT_TRIED, 90)]
)
def test_a_leg_alone_that_went_numb_suddenly_and_did_not_ease_is_a_stroke_sign(
    episode_factory, reason_of, change, minutes
):
    episode = episode_factory(
        locations=(L.LEFT_CALF,),
        onset=Onset.SUDDEN,
        position_change=change,
        duration_minutes=minutes,
    )
    assert reason_of(episode, "stroke_signs_befast").startswith("numbness of the leg that")


@pytest.mark.parametrize(
    ("change", "minutes"), [(P.IMPROVED, 5), (P.IMPROVED, 20), (P.NOT_TRIED, 9)]
)
def test_a_sudden_leg_that_eased_or_was_brief_is_no_stroke_sign(
    episode_factory, rules_of, change, minutes
):
    episode = episode_factory(
        locations=(L.LEFT_CALF,),
        onset=Onset.SUDDEN,
        position_change=change,
        duration_minutes=minutes,
    )
    assert "stroke_signs_befast" not in rules_of(episode)


def test_waking_up_with_one_sided_arm_and_leg_numbness_is_a_stroke_sign(episode_factory, reason_of):
    episode = episode_factory(
        locations=(L.LEFT_ARM, L.LEFT_THIGH_FRONT), context=Context.LYING_DOWN, onset=Onset.UNKNOWN
    )
    reason = reason_of(episode, "stroke_signs_befast")
    assert reason.startswith("numbness of the left arm and left leg was logged")
    assert "on waking or after lying down" in reason


@pytest.mark.parametrize(
    ("locations", "context", "onset"),
    [
        ((L.LEFT_THIGH_FRONT,), Context.LYING_DOWN, Onset.UNKNOWN),  # a leg slept on
        ((L.LEFT_ARM, L.LEFT_THIGH_FRONT), Context.SITTING, Onset.UNKNOWN),
        ((L.LEFT_ARM, L.RIGHT_THIGH_FRONT), Context.LYING_DOWN, Onset.UNKNOWN),
    ],
)
def test_waking_up_near_misses(episode_factory, rules_of, locations, context, onset):
    episode = episode_factory(locations=locations, context=context, onset=onset)
    assert "stroke_signs_befast" not in rules_of(episode)


# -- point 5: blocked blood supply ------------------------------------------------


@pytest.mark.parametrize(
    ("onset", "change", "minutes"),
    [
        (Onset.SUDDEN, P.IMPROVED, 5),
        (Onset.GRADUAL, P.NOT_IMPROVED, 5),
        (Onset.GRADUAL, P.NOT_TRIED, 30),
    ],
)
def test_a_cold_pale_leg_that_came_suddenly_or_does_not_recover_is_an_emergency(
    episode_factory, flags_of, onset, change, minutes
):
    episode = episode_factory(
        symptoms=(S.COLD_PALE_LEG,), onset=onset, position_change=change, duration_minutes=minutes
    )
    rules = [f.rule for f in flags_of(episode)]
    assert rules[0] == "acute_limb_ischaemia"
    assert "cold_pale_leg" in rules  # the see-a-doctor flag stays beside it


# -- point 6: Guillain-Barre --------------------------------------------------------

HANDS_AND_FEET = (L.LEFT_TOES, L.RIGHT_SOLE, L.LEFT_HAND, L.RIGHT_HAND)


def test_both_feet_and_hands_with_weakness_is_an_emergency(episode_factory, reason_of):
    episode = episode_factory(
        locations=HANDS_AND_FEET, symptoms=(S.WEAKNESS,), sensation="tingling", onset=Onset.GRADUAL
    )
    assert reason_of(episode, "guillain_barre") == (
        "numbness of both feet and both hands and weakness were logged"
    )


def test_both_feet_and_hands_without_weakness_is_see_a_doctor(episode_factory, flags_of):
    flags = flags_of(episode_factory(locations=HANDS_AND_FEET, onset=Onset.GRADUAL))
    assert [(f.rule, f.tier) for f in flags] == [("hands_and_feet", Tier.SEE_DOCTOR)]
    one_hand = episode_factory(locations=HANDS_AND_FEET[:3], symptoms=(S.WEAKNESS,))
    assert "guillain_barre" not in [f.rule for f in flags_of(one_hand)]


# -- point 7: compartment syndrome; chest pain ------------------------------------


@pytest.mark.parametrize(
    "symptoms", [(S.SEVERE_PAIN,), (S.SHARP_OR_SEVERE_PAIN,), (S.PAIN, S.SWELLING_OR_BRUISING)]
)
def test_severe_pain_or_painful_swelling_within_a_week_of_an_injury(
    episode_factory, reason_of, symptoms
):
    reason = reason_of(
        episode_factory(symptoms=symptoms), "compartment_syndrome", profile=_injury(3)
    )
    assert "after a recent injury in your profile (fell off a ladder)" in reason


@pytest.mark.parametrize(
    ("symptoms", "days"),
    [((S.SEVERE_PAIN,), 8), ((S.SWELLING_OR_BRUISING,), 2), ((S.PAIN,), 2)],
)
def test_compartment_near_misses(episode_factory, rules_of, symptoms, days):
    episode = episode_factory(symptoms=symptoms)
    assert "compartment_syndrome" not in rules_of(episode, profile=_injury(days))


def test_sudden_severe_pain_is_an_emergency_without_an_injury(episode_factory, reason_of):
    episode = episode_factory(symptoms=(S.SEVERE_PAIN,), onset=Onset.SUDDEN)
    assert (
        reason_of(episode, "compartment_syndrome") == "severe pain was logged with a sudden onset"
    )


def test_chest_pain_with_a_painful_calf_is_an_emergency(episode_factory, reason_of):
    episode = episode_factory(
        locations=(L.RIGHT_CALF,), symptoms=(S.CHEST_PAIN_OR_BREATHLESSNESS, S.PAIN)
    )
    assert reason_of(episode, "chest_pain_or_breathlessness") == (
        "chest pain or breathlessness was logged with calf pain"
    )


def test_old_pain_id_still_counts_as_severe(episode_factory, rules_of):
    # sharp_or_severe_pain stays valid in every file; it still means pain.
    assert rules_of(episode_factory(symptoms=(S.SHARP_OR_SEVERE_PAIN,))) == ["pain"]
