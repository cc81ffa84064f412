"""Helpers for the rule tests: evaluate an episode at a fixed moment and name its flags."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import pytest

from numbjournal.core.model import Episode, Profile
from numbjournal.core.triage import Flag, TriageSettings, evaluate_episode

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone(timedelta(hours=1)))

Evaluate = Callable[..., list[Flag]]


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def flags_of() -> Evaluate:
    """``flags_of(episode, profile=..., settings=..., now=...)`` with fixed defaults."""

    def evaluate(
        episode: Episode,
        profile: Profile | None = None,
        settings: TriageSettings | None = None,
        now: datetime = NOW,
    ) -> list[Flag]:
        return evaluate_episode(
            episode, profile or Profile(), settings or TriageSettings(), now=now
        )

    return evaluate


@pytest.fixture
def rules_of(flags_of: Evaluate) -> Callable[..., list[str]]:
    """The rule ids an episode matches, in the order they are reported."""

    def names(episode: Episode, **kwargs: object) -> list[str]:
        return [flag.rule for flag in flags_of(episode, **kwargs)]

    return names


@pytest.fixture
def reason_of(flags_of: Evaluate) -> Callable[..., str]:
    """The reason of one rule's flag (fails the test if the rule did not match)."""

    def reason(episode: Episode, rule: str, **kwargs: object) -> str:
        found = [f for f in flags_of(episode, **kwargs) if f.rule == rule]
        assert found, f"{rule} did not match"
        return found[0].reason

    return reason
