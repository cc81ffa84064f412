"""Red flags from public medical guidance: emergencies, each naming its source."""

from __future__ import annotations

import pytest

from numbjournal.core.model import Location, Onset, Symptom
from numbjournal.core.triage import GUIDANCE_RULES, Source, Tier, TriageSettings

S = Symptom


def test_the_guidance_emergencies_stay_emergencies_and_every_rule_names_its_source():
    tiers = {r.id: r.tier for r in GUIDANCE_RULES}
    emergencies = ("stroke_signs_befast", "cauda_equina", "guillain_barre", "acute_limb_ischaemia")
    for rule_id in emergencies:
        assert tiers[rule_id] is Tier.EMERGENCY
    for rule in GUIDANCE_RULES:
        assert rule.source is Source.GUIDANCE
        assert rule.source_name in rule.criterion


@pytest.mark.parametrize(
    ("symptoms", "onset", "reason"),
    [
        ((S.LOSS_OF_BALANCE,), Onset.SUDDEN, "loss of balance was logged with a sudden onset"),
        ((S.SEVERE_HEADACHE,), Onset.GRADUAL, "a severe headache was logged"),
        ((S.FAINTING,), Onset.UNKNOWN, "fainting was logged"),
        (
            (S.VISION_PROBLEMS, S.FAINTING),
            Onset.SUDDEN,
            "fainting and vision problems were logged with a sudden onset",
        ),
        (
            (S.COORDINATION_PROBLEMS,),
            Onset.SUDDEN,
            "coordination problems were logged with a sudden onset",
        ),
    ],
)
def test_stroke_signs_beyond_the_article(episode_factory, reason_of, symptoms, onset, reason):
    episode = episode_factory(symptoms=symptoms, onset=onset)
    assert reason_of(episode, "stroke_signs_befast") == reason


@pytest.mark.parametrize("onset", [Onset.GRADUAL, Onset.UNKNOWN])
@pytest.mark.parametrize("symptom", [S.VISION_PROBLEMS, S.COORDINATION_PROBLEMS])
def test_vision_or_coordination_problems_that_were_not_sudden_are_no_stroke_flag(
    episode_factory, rules_of, onset, symptom
):
    # Issue 11, point 9: no stroke flag, but urgent (contact a doctor today).
    assert rules_of(episode_factory(symptoms=(symptom,), onset=onset)) == [
        "gradual_vision_or_coordination"
    ]


@pytest.mark.parametrize("onset", [Onset.GRADUAL, Onset.UNKNOWN])
def test_loss_of_balance_that_was_not_sudden_is_see_a_doctor(episode_factory, flags_of, onset):
    # Issue 11, point 4: people with neuropathy log their usual unsteadiness.
    flags = flags_of(episode_factory(symptoms=(S.LOSS_OF_BALANCE,), onset=onset))
    assert [(f.rule, f.tier) for f in flags] == [("unsteadiness", Tier.SEE_DOCTOR)]


def test_saddle_numbness_is_cauda_equina(episode_factory, reason_of):
    episode = episode_factory(locations=(Location.SADDLE,))
    assert reason_of(episode, "cauda_equina") == "numbness in the saddle area was logged"


def test_bladder_or_bowel_changes_are_cauda_equina(episode_factory, reason_of):
    episode = episode_factory(
        locations=(Location.SADDLE, Location.LOWER_BACK), symptoms=(S.BLADDER_OR_BOWEL_CHANGES,)
    )
    assert reason_of(episode, "cauda_equina") == (
        "numbness in the saddle area and bladder or bowel changes were logged"
    )
    alone = episode_factory(symptoms=(S.BLADDER_OR_BOWEL_CHANGES,))
    assert reason_of(alone, "cauda_equina") == "bladder or bowel changes were logged"


@pytest.mark.parametrize(
    "locations",
    [(Location.LOWER_BACK,), (Location.LEFT_BUTTOCK, Location.RIGHT_BUTTOCK), (Location.TRUNK,)],
)
def test_back_and_buttocks_are_not_the_saddle_area(episode_factory, rules_of, locations):
    assert "cauda_equina" not in rules_of(episode_factory(locations=locations))


@pytest.mark.parametrize(
    ("symptoms", "reason"),
    [
        ((S.SPREADING_UPWARD,), "numbness spreading upward was logged"),
        ((S.BREATHING_OR_SWALLOWING_DIFFICULTY,), "difficulty breathing or swallowing was logged"),
    ],
)
def test_guillain_barre_warning_signs(episode_factory, reason_of, symptoms, reason):
    assert reason_of(episode_factory(symptoms=symptoms), "guillain_barre") == reason


@pytest.mark.parametrize(
    ("companion", "reason"),
    [
        (S.PAIN, "a cold, pale leg and pain were logged"),
        (S.SHARP_OR_SEVERE_PAIN, "a cold, pale leg and sharp or severe pain were logged"),
        (S.PARALYSIS, "a cold, pale leg and paralysis were logged"),
        (S.DIFFICULTY_MOVING_LEG, "a cold, pale leg and difficulty moving the leg were logged"),
    ],
)
def test_cold_pale_leg_with_pain_or_loss_of_movement_is_limb_ischaemia(
    episode_factory, reason_of, companion, reason
):
    episode = episode_factory(symptoms=(S.COLD_PALE_LEG, companion))
    assert reason_of(episode, "acute_limb_ischaemia") == reason


def test_cold_pale_leg_alone_is_not_limb_ischaemia(episode_factory, rules_of):
    # Issue 11, point 5: on its own (short, not sudden) it is at least see-a-doctor.
    assert rules_of(episode_factory(symptoms=(S.COLD_PALE_LEG,))) == ["cold_pale_leg"]
    assert rules_of(episode_factory(symptoms=(S.COLD_PALE_LEG, S.CRAMPING))) == ["cold_pale_leg"]


def test_switching_guidance_off_keeps_every_emergency_and_urgent_flag(episode_factory, flags_of):
    # Issue 11: the guidance_rules switch used to silence every guidance emergency.
    episode = episode_factory(
        locations=(Location.SADDLE, Location.LEFT_CALF),
        symptoms=(S.WEAKNESS, S.LOSS_OF_BALANCE, S.FACIAL_DROOPING, S.COLD_PALE_LEG, S.PAIN),
        duration_minutes=40,
    )
    everything = flags_of(episode)
    switched_off = flags_of(episode, settings=TriageSettings(guidance_rules=False))
    assert {f.source for f in everything} == {Source.ARTICLE, Source.GUIDANCE}
    pressing = [f for f in everything if f.tier is not Tier.SEE_DOCTOR]
    assert {f.rule for f in pressing} >= {"stroke_signs", "cauda_equina"}
    assert [f for f in switched_off if f.tier is not Tier.SEE_DOCTOR] == pressing
    assert [f for f in switched_off if f.source is Source.ARTICLE] == [
        f for f in everything if f.source is Source.ARTICLE
    ]
    assert not [
        f for f in switched_off if f.source is Source.GUIDANCE and f.tier is Tier.SEE_DOCTOR
    ]


@pytest.mark.parametrize(
    ("locations", "reason"),
    [
        ((Location.FACE, Location.LEFT_CALF), "numbness of the face was logged"),
        (
            (Location.LEFT_HAND, Location.LEFT_THIGH_FRONT),
            "numbness of the left hand and left leg was logged",
        ),
        (
            (Location.LEFT_HAND, Location.LEFT_ARM, Location.LEFT_CALF),
            "numbness of the left arm and hand and left leg was logged",
        ),
        (
            (Location.RIGHT_ARM, Location.RIGHT_SOLE),
            "numbness of the right arm and right leg was logged",
        ),
    ],
)
def test_sudden_one_sided_or_facial_numbness_is_a_stroke_warning(
    episode_factory, reason_of, locations, reason
):
    episode = episode_factory(locations=locations, onset=Onset.SUDDEN)
    assert reason_of(episode, "stroke_signs_befast") == f"{reason} with a sudden onset"


@pytest.mark.parametrize(
    ("locations", "onset"),
    [
        ((Location.FACE, Location.LEFT_CALF), Onset.GRADUAL),
        ((Location.LEFT_HAND, Location.LEFT_CALF), Onset.UNKNOWN),
        ((Location.LEFT_HAND, Location.RIGHT_CALF), Onset.SUDDEN),
        ((Location.LEFT_CALF, Location.LEFT_SOLE), Onset.SUDDEN),
    ],
)
def test_numbness_that_is_not_sudden_or_not_one_sided_is_no_stroke_warning(
    episode_factory, rules_of, locations, onset
):
    assert "stroke_signs_befast" not in rules_of(episode_factory(locations=locations, onset=onset))
