"""The shape every rule takes, and what a rule gets to look at.

A rule is one row of data (id, tier, source, criterion) plus one small
function; the engine knows nothing about any particular rule, so adding one
means adding one row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

from ..model import ConditionEntry, Episode, Symptom
from .flags import Flag, Source, Tier
from .settings import TriageSettings


@dataclass(frozen=True, slots=True)
class Situation:
    """One episode with everything a rule may need, worked out once per episode."""

    episode: Episode
    symptoms: frozenset[Symptom]
    day: date
    conditions: tuple[ConditionEntry, ...]
    settings: TriageSettings
    now: datetime


@dataclass(frozen=True, slots=True)
class JournalView:
    """The whole journal for the pattern rules: episodes oldest first."""

    episodes: Sequence[Episode]
    settings: TriageSettings
    now: datetime


Subject = TypeVar("Subject", Situation, JournalView)


@dataclass(frozen=True, slots=True)
class Rule(Generic[Subject]):
    """A criterion: ``match`` returns the reason in the person's own entries, or None.

    ``Rule[Situation]`` looks at one episode, ``Rule[JournalView]`` at the journal.
    """

    id: str
    tier: Tier
    source: Source
    source_name: str
    criterion: str
    match: Callable[[Subject], str | None]

    def flag(self, reason: str) -> Flag:
        return Flag(self.id, self.tier, self.source, self.criterion, reason)
