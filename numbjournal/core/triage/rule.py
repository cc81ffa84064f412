"""The shape every rule takes, and what a rule gets to look at.

A rule is one row of data (id, tier, source, criterion) plus one small
function; the engine knows nothing about any particular rule, so adding one
means adding one row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

from ..model import ConditionEntry, Episode, PositionChange, Symptom
from .flags import Flag, Source, Tier
from .settings import TriageSettings


@dataclass(slots=True)
class Situation:
    """One episode with everything a rule may need, worked out once per episode."""

    episode: Episode
    symptoms: frozenset[Symptom]
    day: date
    conditions: tuple[ConditionEntry, ...]
    settings: TriageSettings
    now: datetime


def plainly_positional(episode: Episode, settings: TriageSettings) -> bool:
    """Short, eased by moving and nothing else logged: the article's poor-circulation numbness.

    The article says such numbness "typically goes away once you change
    positions"; the journal patterns count it only at a higher bar.
    """
    minutes = episode.duration_minutes
    return (
        episode.position_change is PositionChange.IMPROVED
        and minutes is not None
        and minutes < settings.persistent_minutes
        and not episode.symptoms
    )


@dataclass(frozen=True, slots=True)
class JournalView:
    """The whole journal for the pattern rules: episodes oldest first, up to ``now``.

    ``stamps`` are their start times in epoch seconds, for quick window counts;
    ``counted`` and ``counted_stamps`` leave out plainly positional episodes.
    """

    episodes: Sequence[Episode]
    stamps: Sequence[float]
    counted: Sequence[Episode]
    counted_stamps: Sequence[float]
    settings: TriageSettings
    now: datetime

    @classmethod
    def of(
        cls, episodes: Iterable[Episode], settings: TriageSettings, now: datetime
    ) -> JournalView:
        moment = now.timestamp()
        timed = sorted(
            (
                (stamp, episode)
                for episode in episodes
                if (stamp := episode.started_at.timestamp()) <= moment
            ),
            key=lambda pair: pair[0],
        )
        counted = [(t, e) for t, e in timed if not plainly_positional(e, settings)]
        return cls(
            [e for _, e in timed],
            [t for t, _ in timed],
            [e for _, e in counted],
            [t for t, _ in counted],
            settings,
            now,
        )


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
