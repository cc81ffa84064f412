"""Advice that fits the time (issue 11, point 13): call now, or an urgent appointment."""

from __future__ import annotations

from datetime import timedelta

import pytest

from numbjournal.core.triage import (
    DEFAULT_EMERGENCY_NUMBER,
    EMERGENCY_ADVICE,
    SEE_DOCTOR_ADVICE,
    URGENT_ADVICE,
    Tier,
    TriageSettings,
    advice_for,
    is_recent,
)

from .conftest import NOW


def test_the_default_number_wording_is_the_issues():
    assert DEFAULT_EMERGENCY_NUMBER == (
        "your local emergency number (for example 911, 999, 112, 000)"
    )
    assert "call your local emergency number now (for example 911, 999, 112, 000)" in (
        EMERGENCY_ADVICE
    )


@pytest.mark.parametrize(
    ("hours_ago", "minutes", "recent"),
    [
        (1, 5, True),
        (47, 30, True),  # ended 46.5 h ago
        (49, 5, False),  # ended 48 h 55 min ago
        (72, 24 * 60 + 30, True),  # began 3 days ago, ended 23.5 h ago: still recent
        (24 * 30, None, True),  # still going
    ],
)
def test_recent_means_ongoing_or_ended_within_48_hours(episode_factory, hours_ago, minutes, recent):
    episode = episode_factory(started_at=NOW - timedelta(hours=hours_ago), duration_minutes=minutes)
    assert is_recent(episode, NOW) is recent


def test_an_emergency_today_says_call_now_even_if_it_passed(episode_factory):
    episode = episode_factory(started_at=NOW - timedelta(hours=3), duration_minutes=5)
    text = advice_for(Tier.EMERGENCY, episode, now=NOW)
    assert text == EMERGENCY_ADVICE
    assert "even if the symptoms have passed" in text


def test_an_old_emergency_keeps_its_weight_but_asks_for_an_urgent_appointment(episode_factory):
    episode = episode_factory(started_at=NOW - timedelta(days=5), duration_minutes=5)
    text = advice_for(Tier.EMERGENCY, episode, now=NOW)
    assert text.startswith("This episode matched an emergency sign.")
    assert "never assessed" in text
    assert "urgent appointment with a doctor today" in text
    assert "come back or are happening now, call your local emergency number now" in text


def test_a_journal_pattern_or_a_draft_is_treated_as_now():
    assert advice_for(Tier.EMERGENCY, None, now=NOW) == EMERGENCY_ADVICE


def test_the_persons_own_number_replaces_the_examples(episode_factory):
    settings = TriageSettings(emergency_number="112")
    now_text = advice_for(Tier.EMERGENCY, None, settings, now=NOW)
    assert "call 112 now, even if the symptoms have passed" in now_text
    assert "911" not in now_text
    old = episode_factory(started_at=NOW - timedelta(days=5))
    assert "call 112 now" in advice_for(Tier.EMERGENCY, old, settings, now=NOW)
    assert "call 112 now" in advice_for(Tier.URGENT, old, settings, now=NOW)


def test_urgent_and_see_doctor_advice(episode_factory):
    assert advice_for(Tier.URGENT) == URGENT_ADVICE
    assert URGENT_ADVICE.startswith("Contact a doctor or an urgent-care service today")
    assert advice_for(Tier.SEE_DOCTOR, episode_factory(), now=NOW) == SEE_DOCTOR_ADVICE
