"""The shape every rule takes, and what a rule gets to look at.

A rule is one row of data (id, tier, source, criterion) plus one small
function; the engine knows nothing about any particular rule, so adding one
means adding one row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Generic, TypeVar

from ..model import Condition, ConditionEntry, Episode, PositionChange, Symptom
from .flags import Flag, Source, Tier
from .settings import TriageSettings

CHILD_UNDER_YEARS = 16
"""NICE NG127's children's advice is for those under 16."""


@dataclass(slots=True)
class Situation:
    """One episode with everything a rule may need, worked out once per episode.

    ``lasted`` is the duration in minutes, or for an ongoing episode how long
    it has gone on so far; ``child`` is whether the person was under 16 on
    ``day`` (from the profile's date of birth; False when it is not given).
    """

    episode: Episode
    symptoms: frozenset[Symptom]
    day: date
    conditions: tuple[ConditionEntry, ...]
    settings: TriageSettings
    now: datetime
    lasted: int = 0
    child: bool = False
    memo: dict[object, object] = field(default_factory=dict)
    """Shared by every episode of one evaluation: answers that depend only on the day."""

    @classmethod
    def of(
        cls,
        episode: Episode,
        conditions: tuple[ConditionEntry, ...],
        born: date | None,
        settings: TriageSettings,
        now: datetime,
        memo: dict[object, object] | None = None,
    ) -> Situation:
        day = episode.started_at.date()
        minutes = episode.duration_minutes
        if minutes is None:
            minutes = max(0, int((now - episode.started_at).total_seconds() // 60))
        return cls(
            episode,
            frozenset(episode.symptoms),
            day,
            conditions,
            settings,
            now,
            minutes,
            born is not None and years_between(born, day) < CHILD_UNDER_YEARS,
            {} if memo is None else memo,
        )

    def has(self, *conditions: Condition) -> list[Condition]:
        """Which of ``conditions`` the profile holds on the episode's day."""
        held = {e.condition for e in self.conditions if e.since is None or e.since <= self.day}
        return [c for c in conditions if c in held]

    def injury_within(self, days: int) -> ConditionEntry | None:
        """A recent injury in the profile at most ``days`` days before this episode.

        An undated injury is recent as of today: it counts for episodes in the
        last ``days`` days.
        """
        key = ("injury", self.day, days)
        if key not in self.memo:
            self.memo[key] = self._injury_within(days)
        found = self.memo[key]
        return found if isinstance(found, ConditionEntry) else None

    def _injury_within(self, days: int) -> ConditionEntry | None:
        for entry in self.conditions:
            if entry.condition is not Condition.RECENT_INJURY:
                continue
            if entry.since is None:
                if self.day >= self.now.date() - timedelta(days=days):
                    return entry
            elif 0 <= (self.day - entry.since).days <= days:
                return entry
        return None


def guidance_rule(
    tier: Tier,
    rule_id: str,
    source_name: str,
    criterion: str,
    match: Callable[[Situation], str | None],
    needs: tuple[Symptom, ...] = (),
) -> Rule[Situation]:
    """An episode rule from public guidance (not the article), naming its page."""
    return Rule(
        rule_id, tier, Source.GUIDANCE, source_name, criterion, match, needs=frozenset(needs)
    )


def years_between(born: date, day: date) -> int:
    """Whole years of age on ``day`` for someone born on ``born``."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


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


@dataclass(slots=True)
class Revision:
    """What a journal-wide answer may start from after a save instead of the whole journal.

    ``answers`` are this timeline's own (filled in as rules work them out);
    ``earlier`` are those of the timeline it was revised from, and ``touched``
    the earliest start time that revision added, moved or removed; every
    episode that starts before it is as it was.
    """

    answers: dict[str, object] = field(default_factory=dict)
    earlier: dict[str, object] | None = None
    touched: float | None = None


REVISION = "revision"  # the memo key of a JournalView's Revision, when it has one


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
    memo: dict[str, object] = field(default_factory=dict)
    """Answers one rule worked out that another (or its anchor) reuses."""

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
    anchor: Callable[[Subject], Episode | None] | None = None
    """For a journal pattern: the episode its flag is also shown on (the newest of the run)."""
    needs: frozenset[Symptom] = frozenset()
    """An episode rule that can only match when one of these symptoms is logged (empty:
    any episode). The engine skips the rule without calling it otherwise; a test checks
    that this never hides a match."""

    def flag(self, reason: str) -> Flag:
        return Flag(self.id, self.tier, self.source, self.criterion, reason)
