"""The urgent tier and age (issue 11, points 9 and 10), and the guards that keep flags rare."""

from __future__ import annotations

from datetime import date

import pytest

from numbjournal.core.model import (
    Condition,
    ConditionEntry,
    Context,
    Location,
    Onset,
    PositionChange,
    Profile,
    Sensation,
    Symptom,
)
from numbjournal.core.triage import Tier, top_tier

S, L, P = Symptom, Location, PositionChange
CHILD = Profile(date_of_birth=date(2016, 3, 1))  # 10 on the factory's 2026-11-20
SIXTEEN = Profile(date_of_birth=date(2010, 11, 20))  # 16 that very day
DIABETES = ConditionEntry(Condition.DIABETES, date(2015, 1, 1))


def pairs(flags):
    return [(f.rule, f.tier) for f in flags]


def test_calf_pain_with_swelling_is_urgent(episode_factory, flags_of):
    episode = episode_factory(locations=(L.LEFT_CALF,), symptoms=(S.PAIN, S.SWELLING_OR_BRUISING))
    assert pairs(flags_of(episode)) == [("possible_clot", Tier.URGENT), ("pain", Tier.SEE_DOCTOR)]


@pytest.mark.parametrize(
    ("locations", "symptoms"),
    [
        ((L.LEFT_CALF,), (S.SWELLING_OR_BRUISING,)),
        ((L.LEFT_SOLE,), (S.PAIN, S.SWELLING_OR_BRUISING)),
    ],
)
def test_clot_near_misses(episode_factory, rules_of, locations, symptoms):
    assert "possible_clot" not in rules_of(episode_factory(locations=locations, symptoms=symptoms))


def test_a_foot_wound_in_diabetes_is_urgent_and_without_diabetes_see_a_doctor(
    episode_factory, flags_of
):
    episode = episode_factory(symptoms=(S.FOOT_WOUND_OR_SKIN_CHANGE,))
    assert pairs(flags_of(episode)) == [("foot_wound", Tier.SEE_DOCTOR)]
    with_diabetes = flags_of(episode, profile=Profile(conditions=(DIABETES,)))
    assert pairs(with_diabetes) == [
        ("diabetic_foot", Tier.URGENT),
        ("known_condition", Tier.SEE_DOCTOR),
        ("foot_wound", Tier.SEE_DOCTOR),
    ]


def test_new_vision_problems_that_came_on_gradually_are_urgent(episode_factory, flags_of):
    episode = episode_factory(symptoms=(S.VISION_PROBLEMS,), onset=Onset.GRADUAL)
    assert top_tier(flags_of(episode)) is Tier.URGENT


def test_a_day_long_episode_in_ms_is_urgent_a_short_one_is_not(episode_factory, flags_of):
    profile = Profile(conditions=(ConditionEntry(Condition.MULTIPLE_SCLEROSIS),))
    long = episode_factory(duration_minutes=26 * 60)
    assert "ms_relapse" in [f.rule for f in flags_of(long, profile=profile)]
    short = episode_factory(duration_minutes=20)
    assert [f.rule for f in flags_of(short, profile=profile)] == ["known_condition"]


def test_back_pain_with_fever_is_urgent(episode_factory, flags_of):
    both = flags_of(episode_factory(symptoms=(S.BACK_PAIN, S.FEVER)))
    assert pairs(both)[0] == ("back_pain_fever", Tier.URGENT)
    assert "back_pain_fever" not in [f.rule for f in flags_of(episode_factory(symptoms=(S.FEVER,)))]


# -- age (NICE NG127) ----------------------------------------------------------------


def test_a_childs_tingling_not_from_pressure_is_urgent(episode_factory, flags_of):
    episode = episode_factory(sensation=Sensation.TINGLING, context=Context.SITTING)
    assert pairs(flags_of(episode, profile=CHILD)) == [("child_tingling", Tier.URGENT)]


def test_a_childs_tingling_with_weakness_is_an_emergency(episode_factory, flags_of):
    episode = episode_factory(sensation=Sensation.TINGLING, symptoms=(S.WEAKNESS,))
    assert pairs(flags_of(episode, profile=CHILD))[0] == ("child_weakness", Tier.EMERGENCY)
    crossed = episode_factory(context=Context.LEGS_CROSSED, symptoms=(S.DIFFICULTY_MOVING_LEG,))
    assert pairs(flags_of(crossed, profile=CHILD))[0] == ("child_weakness", Tier.EMERGENCY)


def test_the_same_episode_at_sixteen_or_without_a_birth_date_is_not_a_childs(
    episode_factory, flags_of
):
    episode = episode_factory(sensation=Sensation.TINGLING)
    assert flags_of(episode, profile=SIXTEEN) == []
    assert flags_of(episode, profile=Profile()) == []


# -- the guards ------------------------------------------------------------------------


@pytest.mark.parametrize("onset", list(Onset))
@pytest.mark.parametrize(
    "locations",
    [
        (L.LEFT_FOOT_TOP, L.LEFT_TOES),
        (L.LEFT_SOLE, L.RIGHT_SOLE),
        (L.LEFT_THIGH_BACK, L.LEFT_CALF, L.LEFT_SOLE),
    ],
)
def test_sat_cross_legged_four_minutes_eased_on_standing_gets_no_flag_at_all(
    episode_factory, flags_of, onset, locations
):
    episode = episode_factory(
        duration_minutes=4,
        context=Context.LEGS_CROSSED,
        position_change=P.IMPROVED,
        locations=locations,
        onset=onset,
        sensation=Sensation.TINGLING,
    )
    assert flags_of(episode) == []


@pytest.mark.parametrize("change", [P.IMPROVED, P.NOT_TRIED])
def test_a_child_sitting_cross_legged_gets_no_flag(episode_factory, flags_of, change):
    episode = episode_factory(
        duration_minutes=4,
        context=Context.LEGS_CROSSED,
        position_change=change,
        locations=(L.LEFT_FOOT_TOP,),
        sensation=Sensation.TINGLING,
    )
    assert flags_of(episode, profile=CHILD) == []
