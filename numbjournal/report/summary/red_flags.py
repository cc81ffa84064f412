"""Which flagged episodes the summary shows, newest first, and what it says only once.

Page 1 leads with the most recent emergency and urgent events; the red-flag
pages list the episodes that need action newest first, and the episodes
flagged only because of a condition in the profile become one line per
condition. Plain data, no Qt: tested before any page is drawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ...core.flag_levels import (
    ConditionNote,
    Level,
    condition_notes,
    episode_level,
    flag_level,
    for_action,
    rank,
)
from ...core.model import Episode, Profile
from ...core.triage import Flag, Tier
from . import describe

RED_FLAG_LIMIT = 30
MAX_SERIOUS = 50  # emergencies and urgent events kept in the list whatever the limit
RECENT_EVENTS = 5
SERIOUS = (Level.EMERGENCY, Level.URGENT)


@dataclass(frozen=True, slots=True)
class FlaggedEvent:
    episode: Episode
    flags: tuple[Flag, ...]  # most serious first; the condition note left out

    @property
    def level(self) -> Level:
        return flag_level(self.flags[0]) if self.flags else Level.CONDITION

    @property
    def emergency(self) -> bool:
        return self.level is Level.EMERGENCY


@dataclass(frozen=True, slots=True)
class Criterion:
    """One criterion matched in the range, quoted once, with how many episodes met it."""

    rule: str
    tier: Tier
    source: str  # "the article ..." or the named guidance
    text: str
    episodes: int

    @property
    def level(self) -> Level:
        return Level.CONDITION if self.rule == "known_condition" else Level(str(self.tier))


@dataclass(frozen=True, slots=True)
class RecentEvents:
    """The newest emergency and urgent events (at most five) and how many more there are."""

    events: tuple[FlaggedEvent, ...]
    more: int
    since: date | None  # the first day searched

    @property
    def total(self) -> int:
        return len(self.events) + self.more


@dataclass(frozen=True, slots=True)
class RedFlags:
    criteria: tuple[Criterion, ...]
    shown: tuple[FlaggedEvent, ...]  # newest first
    counts: dict[Level, int]  # episodes by their most serious level
    left_out: dict[str, int]  # rule -> episodes not listed in the red-flag table
    journal: tuple[Flag, ...]
    conditions: tuple[ConditionNote, ...] = ()

    @property
    def emergency_total(self) -> int:
        return self.counts.get(Level.EMERGENCY, 0)

    @property
    def urgent_total(self) -> int:
        return self.counts.get(Level.URGENT, 0)

    @property
    def see_doctor_total(self) -> int:
        return self.counts.get(Level.SEE_DOCTOR, 0)

    @property
    def condition_total(self) -> int:
        return self.counts.get(Level.CONDITION, 0)

    @property
    def action_total(self) -> int:
        """Episodes flagged for more than a condition in the profile."""
        return self.emergency_total + self.urgent_total + self.see_doctor_total

    @property
    def total(self) -> int:
        return self.action_total + self.condition_total

    @property
    def left_out_total(self) -> int:
        return self.action_total - len(self.shown)


def action_events(
    episodes: Sequence[Episode], flags: Mapping[int, Sequence[Flag]]
) -> list[FlaggedEvent]:
    """Episodes flagged for more than the profile, newest first, flags most serious first."""
    return [
        FlaggedEvent(episode, listed) for episode, _level, listed in for_action(episodes, flags)
    ]


def recent_events(
    events: Sequence[FlaggedEvent], since: date | None, limit: int = RECENT_EVENTS
) -> RecentEvents:
    """The newest ``limit`` emergency and urgent events of ``events`` (already newest first)."""
    serious = [e for e in events if e.level in SERIOUS]
    return RecentEvents(tuple(serious[:limit]), max(0, len(serious) - limit), since)


def red_flags(
    episodes: Sequence[Episode],
    flags: Mapping[int, Sequence[Flag]],
    journal_flags: Sequence[Flag],
    profile: Profile,
    limit: int = RED_FLAG_LIMIT,
    events: Sequence[FlaggedEvent] | None = None,
) -> RedFlags:
    """The newest ``limit`` events that need action, never losing an emergency or urgent one.

    A long journal's list is capped, but up to ``MAX_SERIOUS`` emergency and
    urgent events stay in it even when older than the newest ``limit``.
    ``events`` is ``action_events(episodes, flags)`` when the caller has it already.
    """
    if events is None:
        events = action_events(episodes, flags)
    shown = events[:limit]
    kept = {id(e) for e in shown}
    serious = [e for e in events if e.level in SERIOUS][:MAX_SERIOUS]
    extra = [e for e in serious if id(e) not in kept]
    if extra:
        kept.update(id(e) for e in extra)
        shown = [e for e in events if id(e) in kept]
    left_out: dict[str, int] = {}
    for event in events:
        if id(event) not in kept:
            for flag in event.flags:
                left_out[flag.rule] = left_out.get(flag.rule, 0) + 1
    counts: dict[Level, int] = {}
    for episode in episodes:
        level = episode_level(flags.get(episode.id, ()) if episode.id is not None else ())
        if level is not None:
            counts[level] = counts.get(level, 0) + 1
    return RedFlags(
        _criteria(episodes, flags),
        tuple(shown),
        counts,
        left_out,
        tuple(journal_flags),
        tuple(condition_notes(episodes, flags, profile)),
    )


def _criteria(
    episodes: Sequence[Episode], flags: Mapping[int, Sequence[Flag]]
) -> tuple[Criterion, ...]:
    from ...core.triage import ARTICLE_RULES, GUIDANCE_RULES

    counts: dict[str, int] = {}
    first: dict[str, Flag] = {}
    for episode in episodes:
        for flag in flags.get(episode.id, ()) if episode.id is not None else ():
            counts[flag.rule] = counts.get(flag.rule, 0) + 1
            first.setdefault(flag.rule, flag)
    order = [rule.id for rule in (*ARTICLE_RULES, *GUIDANCE_RULES)]
    ranked = sorted(
        first.values(),
        key=lambda f: (
            rank(flag_level(f)),
            order.index(f.rule) if f.rule in order else 99,
        ),
    )
    return tuple(
        Criterion(f.rule, f.tier, describe.source_of(f), f.criterion, counts[f.rule])
        for f in ranked
    )
