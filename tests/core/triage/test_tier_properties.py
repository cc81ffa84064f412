"""Hypothesis: logging more never makes the journal less alarmed (issue 11, Tests)."""

from __future__ import annotations

import dataclasses
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from numbjournal.core.model import MAX_DURATION_MINUTES, Episode, Profile, Symptom
from numbjournal.core.triage import Tier, TriageSettings, evaluate_episode, top_tier

from .test_engine import NOW, conditions, episodes

births = st.one_of(st.none(), st.dates(min_value=date(1930, 1, 1), max_value=date(2026, 1, 1)))
profiles = st.builds(
    Profile, conditions=st.lists(conditions, max_size=4).map(tuple), date_of_birth=births
)
settings = st.builds(
    TriageSettings,
    guidance_rules=st.booleans(),
    persistent_minutes=st.integers(5, 60),
    emergency_number=st.sampled_from(["", "112"]),
)


def rank(episode: Episode, profile: Profile, chosen: TriageSettings) -> int:
    top = top_tier(evaluate_episode(episode, profile, chosen, now=NOW))
    return -1 if top is None else top.rank


@given(episodes, profiles, st.sampled_from(Symptom), settings)
def test_adding_a_symptom_never_lowers_the_top_tier(episode, profile, symptom, chosen):
    more = episode.symptoms if symptom in episode.symptoms else (*episode.symptoms, symptom)
    richer = dataclasses.replace(episode, symptoms=more)
    assert rank(episode, profile, chosen) <= rank(richer, profile, chosen)


@given(episodes, profiles, st.integers(1, MAX_DURATION_MINUTES), settings)
def test_lengthening_an_episode_never_lowers_the_top_tier(episode, profile, extra, chosen):
    if episode.duration_minutes is None:
        return
    longer = min(MAX_DURATION_MINUTES, episode.duration_minutes + extra)
    longer_episode = dataclasses.replace(episode, duration_minutes=longer)
    assert rank(episode, profile, chosen) <= rank(longer_episode, profile, chosen)


@given(episodes, profiles, conditions, settings)
def test_adding_a_condition_never_lowers_the_top_tier(episode, profile, entry, chosen):
    richer = dataclasses.replace(profile, conditions=(*profile.conditions, entry))
    assert rank(episode, profile, chosen) <= rank(episode, richer, chosen)


@given(episodes, profiles, settings)
def test_the_guidance_switch_never_lowers_an_emergency_or_urgent_tier(episode, profile, chosen):
    on = rank(episode, profile, dataclasses.replace(chosen, guidance_rules=True))
    off = rank(episode, profile, dataclasses.replace(chosen, guidance_rules=False))
    if on >= Tier.URGENT.rank:
        assert off == on


@given(episodes, profiles, settings)
def test_skipping_a_rule_for_want_of_its_symptoms_never_hides_a_match(episode, profile, chosen):
    from numbjournal.core.triage import EPISODE_RULES, Situation

    situation = Situation.of(episode, profile.conditions, profile.date_of_birth, chosen, NOW)
    for rule in EPISODE_RULES:
        if rule.needs and rule.needs.isdisjoint(situation.symptoms):
            assert rule.match(situation) is None, rule.id
