"""Patterns across the journal: recurring, more frequent, longer; numbers in the reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from numbjournal.core.model import Episode, PositionChange, Profile, Symptom
from numbjournal.core.triage import Flag, Source, Tier, TriageSettings, evaluate_journal

Patterns = Callable[..., list[Flag]]


@pytest.fixture
def patterns(episode_factory, now: datetime) -> Patterns:
    """``patterns([days_ago, ...], minutes=[...])``: the journal flags of such episodes."""

    def evaluate(
        days_ago: list[float],
        minutes: list[int | None] | None = None,
        settings: TriageSettings | None = None,
    ) -> list[Flag]:
        lengths = minutes or [5] * len(days_ago)
        episodes = [
            episode_factory(started_at=now - timedelta(days=ago), duration_minutes=length, id=index)
            for index, (ago, length) in enumerate(zip(days_ago, lengths, strict=True), start=1)
        ]
        result = evaluate_journal(episodes, Profile(), settings or TriageSettings(), now=now)
        assert all(
            f.tier is Tier.SEE_DOCTOR and f.source is Source.GUIDANCE for f in result.journal
        )
        return result.journal

    return evaluate


def by_rule(flags: list[Flag]) -> dict[str, str]:
    return {f.rule: f.reason for f in flags}


def test_three_episodes_within_two_weeks_keep_coming_back(patterns, now):
    reasons = by_rule(patterns([1, 6, 13.9]))
    assert reasons["recurring"] == (
        f"3 episodes within 14 days, from {(now - timedelta(days=13.9)).date()} "
        f"to {(now - timedelta(days=1)).date()}"
    )


def test_the_most_recent_run_is_reported_with_its_count(patterns, now):
    reasons = by_rule(patterns([200, 201, 202, 2, 3, 4, 5]))
    assert reasons["recurring"].startswith("4 episodes within 14 days")
    assert str((now - timedelta(days=2)).date()) in reasons["recurring"]


@pytest.mark.parametrize("days_ago", [[1, 5], [1, 8, 15.5], [40, 60, 80, 100]])
def test_recurring_near_misses(patterns, days_ago):
    assert "recurring" not in by_rule(patterns(days_ago))


def test_recurring_thresholds_are_settings(patterns):
    settings = TriageSettings(recurring_episodes=2, recurring_days=3)
    assert "recurring" in by_rule(patterns([1, 3.5], settings=settings))
    assert "recurring" not in by_rule(patterns([1, 4.5], settings=settings))


def test_more_frequent_in_the_last_weeks(patterns):
    recent = [1, 3, 5, 8, 12, 20]
    earlier = [30, 45]
    reasons = by_rule(patterns(recent + earlier))
    assert reasons["increasing_frequency"] == (
        "6 episodes in the last 4 weeks against 2 in the 4 weeks before"
    )


def test_more_frequent_than_none_when_the_journal_goes_back_further(patterns):
    reasons = by_rule(patterns([1, 10, 20, 90]))
    assert reasons["increasing_frequency"] == (
        "3 episodes in the last 4 weeks against none in the 4 weeks before"
    )


@pytest.mark.parametrize(
    "days_ago",
    [
        [1, 10, 20],  # a new journal: nothing to compare with
        [1, 10, 20, 30, 40, 50],  # as many as before
        [1, 5, 10, 20, 30, 35, 45],  # more, but not 50 % more
        [1, 20, 50],  # too few recent episodes
    ],
)
def test_more_frequent_near_misses(patterns, days_ago):
    assert "increasing_frequency" not in by_rule(patterns(days_ago))


def test_lasting_longer_compares_medians(patterns):
    reasons = by_rule(patterns([1, 5, 9, 30, 35, 40], minutes=[20, 25, 90, 5, 8, 10]))
    assert reasons["increasing_duration"] == (
        "episodes in the last 4 weeks lasted 25 min (median of 3) against 8 min "
        "(median of 3) in the 4 weeks before"
    )


@pytest.mark.parametrize(
    ("days_ago", "minutes"),
    [
        ([1, 5, 9, 30, 35, 40], [11, 12, 10, 8, 8, 8]),  # longer, but not 50 % longer
        ([1, 5, 30, 35, 40], [60, 60, 5, 5, 5]),  # too few recent episodes
        ([1, 5, 9, 30, 35, 40], [60, 60, None, 5, 5, 5]),  # an ongoing one has no length yet
        ([1, 5, 9, 30, 35, 40], [5, 5, 5, 60, 60, 60]),  # shorter
    ],
)
def test_lasting_longer_near_misses(patterns, days_ago, minutes):
    assert "increasing_duration" not in by_rule(patterns(days_ago, minutes=minutes))


def test_episodes_after_now_are_not_counted(patterns):
    assert patterns([-1, -2, -3, 1]) == []


def test_guidance_switch_off_removes_the_journal_patterns(patterns):
    days = [1, 3, 5, 8, 12, 20, 30, 45]
    assert patterns(days)
    assert patterns(days, settings=TriageSettings(guidance_rules=False)) == []


def test_no_episodes_no_patterns(patterns):
    assert patterns([]) == []


def test_patterns_do_not_depend_on_the_order_episodes_are_given(episode_factory, now):
    episodes = [
        episode_factory(started_at=now - timedelta(days=d), id=i)
        for i, d in enumerate([1, 12, 5, 30], start=1)
    ]
    forward = evaluate_journal(episodes, Profile(), TriageSettings(), now=now)
    backward = evaluate_journal(episodes[::-1], Profile(), TriageSettings(), now=now)
    assert forward.journal == backward.journal
    assert forward.journal


def test_a_draft_cannot_be_part_of_a_journal_evaluation(episode_factory, now):
    draft: Episode = episode_factory()
    with pytest.raises(ValueError, match="saved episodes"):
        evaluate_journal([draft], Profile(), TriageSettings(), now=now)


def test_plainly_positional_episodes_are_not_counted(episode_factory, now):
    def episode(days_ago: float, index: int, **changes: object) -> Episode:
        return episode_factory(started_at=now - timedelta(days=days_ago), id=index, **changes)

    eased = [
        episode(d, i, position_change=PositionChange.IMPROVED) for i, d in enumerate([1, 2, 3])
    ]
    assert evaluate_journal(eased, Profile(), TriageSettings(), now=now).journal == []
    with_pain = [
        *eased[:2],
        episode(3, 9, position_change=PositionChange.IMPROVED, symptoms=(Symptom.PAIN,)),
    ]
    assert evaluate_journal(with_pain, Profile(), TriageSettings(), now=now).journal == []
    not_tried = [episode(d, i) for i, d in enumerate([1, 2, 3])]
    flags = evaluate_journal(not_tried, Profile(), TriageSettings(), now=now).journal
    assert [f.rule for f in flags] == ["recurring"]
