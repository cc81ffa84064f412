"""Journal rules (issue 11, points 6 and 11): numbness climbing over days; runs now or past."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numbjournal.core.model import Location, PositionChange, Profile
from numbjournal.core.triage import Tier, TriageSettings, evaluate_journal, revise_journal

L = Location
SETTINGS = TriageSettings()


def _journal(episode_factory, now, steps):
    """``steps``: (days ago, locations[, position change]) -> saved episodes, oldest first."""
    made = []
    for index, (ago, locations, *eased) in enumerate(steps, start=1):
        made.append(
            episode_factory(
                started_at=now - timedelta(days=ago),
                locations=locations,
                duration_minutes=5 if eased else 20,  # eased: plainly positional
                position_change=PositionChange.IMPROVED if eased else PositionChange.NOT_TRIED,
                id=index,
            )
        )
    return sorted(made, key=lambda e: e.started_at)


FEET = (L.LEFT_TOES, L.RIGHT_SOLE)
CALVES = (L.LEFT_CALF, L.RIGHT_SHIN, L.LEFT_SOLE)
THIGHS = (L.LEFT_THIGH_FRONT, L.RIGHT_THIGH_BACK, L.RIGHT_SOLE)
CLIMB = [(12, FEET), (9, CALVES), (3, THIGHS)]


def test_numbness_climbing_over_days_is_an_emergency_shown_on_the_newest_episode(
    episode_factory, now
):
    episodes = _journal(episode_factory, now, CLIMB)
    result = evaluate_journal(episodes, Profile(), SETTINGS, now=now)
    (climb,) = [f for f in result.journal if f.rule == "guillain_barre_climbing"]
    assert climb.tier is Tier.EMERGENCY
    first, second, third = (e.started_at.date().isoformat() for e in episodes)
    assert climb.reason == (
        f"numbness climbed over 9 days: both feet on {first}, then both lower legs on "
        f"{second}, then both thighs, hips or buttocks on {third}"
    )
    assert result.episodes[3][0] == climb
    assert result.anchored == {3: [climb]}
    assert climb not in result.episodes[1] + result.episodes[2]
    assert result.has_emergency()


def test_climbing_near_misses(episode_factory, now):
    cases = [
        [(20, FEET), (9, CALVES), (3, THIGHS)],  # over 17 days
        [(12, FEET), (3, THIGHS)],  # two steps
        [(12, THIGHS), (9, CALVES), (3, FEET)],  # going down
        [(12, FEET, "eased"), (9, CALVES), (3, THIGHS)],  # the first was positional
        # Sciatica down one leg on different days: toes, calf, thigh.
        [(12, (L.LEFT_TOES,)), (9, (L.LEFT_CALF,)), (3, (L.LEFT_THIGH_BACK, L.LEFT_BUTTOCK))],
    ]
    for steps in cases:
        episodes = _journal(episode_factory, now, steps)
        result = evaluate_journal(episodes, Profile(), SETTINGS, now=now)
        assert "guillain_barre_climbing" not in [f.rule for f in result.journal], steps


def test_the_climb_cannot_be_switched_off(episode_factory, now):
    episodes = _journal(episode_factory, now, CLIMB)
    off = evaluate_journal(episodes, Profile(), TriageSettings(guidance_rules=False), now=now)
    assert [f.rule for f in off.journal] == ["guillain_barre_climbing"]


def test_revising_moves_the_climb_flag_with_the_journal(episode_factory, now):
    episodes = _journal(episode_factory, now, CLIMB)
    before = evaluate_journal(episodes, Profile(), SETTINGS, now=now)
    after = revise_journal(before, episodes[:2], Profile(), SETTINGS, removed=[3], now=now)
    assert after.journal == [] and after.anchored == {}
    assert all(
        f.rule != "guillain_barre_climbing" for flags in after.episodes.values() for f in flags
    )
    again = revise_journal(after, episodes, Profile(), SETTINGS, changed=[episodes[2]], now=now)
    assert again == evaluate_journal(episodes, Profile(), SETTINGS, now=now)
    twice = revise_journal(again, episodes, Profile(), SETTINGS, now=now)
    assert twice.episodes[3].count(twice.anchored[3][0]) == 1


# -- numbness that keeps coming back -----------------------------------------------------


def _positional(episode_factory, now, days_ago):
    return [
        episode_factory(
            started_at=now - timedelta(days=ago),
            duration_minutes=4,
            position_change=PositionChange.IMPROVED,
            id=index,
        )
        for index, ago in enumerate(sorted(days_ago, reverse=True), start=1)
    ]


def test_positional_episodes_count_at_the_higher_bar_of_five(episode_factory, now):
    five = _positional(episode_factory, now, [1, 3, 5, 8, 12])
    result = evaluate_journal(five, Profile(), SETTINGS, now=now)
    assert [f.rule for f in result.journal] == ["recurring"]
    assert result.journal[0].reason.startswith(
        "5 episodes within 14 days (short ones eased by moving counted too)"
    )
    four = _positional(episode_factory, now, [1, 3, 5, 8])
    assert evaluate_journal(four, Profile(), SETTINGS, now=now).journal == []


def test_a_run_that_ended_over_90_days_ago_is_reported_as_past_with_its_dates(episode_factory, now):
    old = [
        episode_factory(started_at=now - timedelta(days=ago), duration_minutes=20, id=i)
        for i, ago in enumerate((130, 125, 120), start=1)
    ]
    result = evaluate_journal(old, Profile(), SETTINGS, now=now)
    (flag,) = result.journal
    assert (flag.rule, flag.tier) == ("recurring_past", Tier.SEE_DOCTOR)
    first = (now - timedelta(days=130)).date().isoformat()
    last = (now - timedelta(days=120)).date().isoformat()
    assert flag.reason == (
        f"in the past: 3 episodes within 14 days, from {first} to {last}; "
        "none like it in the last 90 days"
    )
    recent = old + [
        episode_factory(started_at=now - timedelta(days=ago), duration_minutes=20, id=10 + i)
        for i, ago in enumerate((30, 25, 20))
    ]
    assert [f.rule for f in evaluate_journal(recent, Profile(), SETTINGS, now=now).journal] == [
        "recurring"
    ]


LEVELS = [FEET, CALVES, THIGHS, (L.LEFT_THIGH_FRONT, L.LEFT_TOES)]  # the last is one-sided


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    start=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 3)), max_size=25),
    edits=st.lists(
        st.tuples(
            st.sampled_from(["add", "move", "remove"]), st.integers(0, 60), st.integers(0, 3)
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_saves_one_after_another_find_the_same_climb_as_a_full_evaluation(
    episode_factory, now, start, edits
):
    """The climb is looked for again only near what a save changed; after any
    chain of adds, moves and deletes it must be the one a full evaluation finds."""
    episodes = _journal(episode_factory, now, [(ago, LEVELS[level]) for ago, level in start])
    flags = evaluate_journal(episodes, Profile(), SETTINGS, now=now)
    next_id = len(episodes) + 1
    for action, ago, level in edits:
        changed, removed = [], []
        if action == "add" or not episodes:
            changed = [
                episode_factory(
                    started_at=now - timedelta(days=ago, hours=1),
                    locations=LEVELS[level],
                    duration_minutes=20,
                    id=next_id,
                )
            ]
            next_id += 1
        elif action == "move":
            old = episodes[ago % len(episodes)]
            changed = [dataclasses.replace(old, started_at=now - timedelta(days=ago, hours=2))]
        else:
            removed = [episodes[ago % len(episodes)].id]
        ids = {e.id for e in changed} | set(removed)
        episodes = sorted(
            [e for e in episodes if e.id not in ids] + changed, key=lambda e: e.started_at
        )
        flags = revise_journal(
            flags, episodes, Profile(), SETTINGS, changed=changed, removed=removed, now=now
        )
        assert flags == evaluate_journal(episodes, Profile(), SETTINGS, now=now)
