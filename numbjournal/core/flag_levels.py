"""How a flag is shown: its level, from the tier the rules gave it and what it is about.

The rules keep every flag; this decides how loudly each one is shown. A flag
whose only reason is a condition in the person's profile is a quiet note
(said once per condition), not an alarm on every entry. Every screen and
report (table, Flags tab, tray, command line, PDF) groups and orders flags
with these functions, so they agree on what is an emergency, what is urgent
and what is the person's own condition.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from . import words
from .model import Episode, Profile
from .triage import CONDITION_RULE, Flag, Tier, TriageSettings, advice_for


class Level(StrEnum):
    """Most serious first; the values of the first three are the rules' tier values."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SEE_DOCTOR = "see_doctor"
    CONDITION = "condition"


LEVELS: tuple[Level, ...] = tuple(Level)
_RANK = {level: rank for rank, level in enumerate(LEVELS)}
# A lookup, not Level(...): the doctor's summary asks for 250,000 flags' levels.
_LEVEL_OF_TIER = {tier: Level(str(tier)) for tier in Tier}


@dataclass(frozen=True, slots=True)
class LevelWords:
    """What a person reads for one level, the same on every screen and in every report."""

    name: str  # a table cell, a group heading: "See a doctor"
    title: str  # a sentence-like heading: "See a healthcare provider"
    heading: str  # the command line's section heading, in capitals
    mark: str  # a text symbol beside the words, so plain text is not words alone


LEVEL_WORDS: dict[Level, LevelWords] = {
    Level.EMERGENCY: LevelWords(
        "Emergency", "Seek immediate medical attention", "EMERGENCY SIGNS", "!!"
    ),
    Level.URGENT: LevelWords(
        "Urgent: today", "Get medical advice today", "URGENT: GET MEDICAL ADVICE TODAY", "! "
    ),
    Level.SEE_DOCTOR: LevelWords(
        "See a doctor", "See a healthcare provider", "SEE A HEALTHCARE PROVIDER", "+ "
    ),
    Level.CONDITION: LevelWords(
        "Your condition",
        "Noted because of a condition in your profile",
        "YOUR KNOWN CONDITIONS",
        "~ ",
    ),
}

CONDITION_ADVICE = (
    "the article says to see a provider about numbness a known condition could be causing"
)


NO_FLAG_CAVEAT = (
    "That does not mean nothing is wrong: if you are worried, or the numbness "
    "changes, see a healthcare provider."
)

# Journal patterns by what they say about the numbness, for headings.
PATTERN_NAMES = {
    "guillain_barre_climbing": "Climbing up the legs",
    "recurring": "Keeps coming back",
    "recurring_past": "Kept coming back in the past",
    "increasing_frequency": "Coming more often",
    "increasing_duration": "Lasting longer",
}


def pattern_name(rule: str) -> str:
    text = PATTERN_NAMES.get(rule, rule.replace("_", " "))
    return text[:1].upper() + text[1:]


def advice(
    level: Level,
    episode: Episode | None = None,
    *,
    now: datetime | None = None,
    settings: TriageSettings | None = None,
) -> str:
    """What to do about a flag of ``level`` on ``episode`` (seen at ``now``).

    The rules' time-aware advice (issue 11): "call now" for an episode still
    going or ended under 48 hours ago, the urgent-appointment advice for an
    older emergency; ``settings`` carries the person's emergency number.
    """
    if level is Level.CONDITION:
        return CONDITION_ADVICE[:1].upper() + CONDITION_ADVICE[1:] + "."
    chosen = settings if settings is not None else TriageSettings()
    return advice_for(Tier(level.value), episode, chosen, now=now)


def flag_level(flag: Flag) -> Level:
    """The level one flag is shown at: its tier, or the quiet note for a profile condition."""
    if flag.rule == CONDITION_RULE:
        return Level.CONDITION
    return _LEVEL_OF_TIER[flag.tier]


def rank(level: Level) -> int:
    """0 for an emergency up to 3 for the condition note: sorts the most serious first."""
    return _RANK[level]


def episode_level(flags: Iterable[Flag]) -> Level | None:
    """The most serious level among an episode's flags; None when nothing is flagged."""
    found = [flag_level(f) for f in flags]
    return min(found, key=rank) if found else None


def is_condition_only(flags: Sequence[Flag]) -> bool:
    """Flagged only because of a condition in the profile."""
    return bool(flags) and all(f.rule == CONDITION_RULE for f in flags)


def most_serious_first(flags: Iterable[Flag]) -> list[Flag]:
    """The flags by level (emergency first), each level keeping the rules' order."""
    return sorted(flags, key=lambda f: rank(flag_level(f)))


def level_counts(flagged: Iterable[Sequence[Flag]]) -> dict[Level, int]:
    """How many episodes have each level as their most serious (unflagged ones not counted)."""
    counts = dict.fromkeys(LEVELS, 0)
    for flags in flagged:
        level = episode_level(flags)
        if level is not None:
            counts[level] += 1
    return counts


_COUNT_WORDS = (
    (Level.EMERGENCY, "emergency"),
    (Level.URGENT, "urgent"),
    (Level.SEE_DOCTOR, "see a doctor"),
)


def counts_text(counts: Mapping[Level, int]) -> str:
    """ "1 emergency, 2 see a doctor, 40 only for a condition in the profile"."""
    parts = [f"{counts[level]:,} {words}" for level, words in _COUNT_WORDS if counts.get(level)]
    if not parts:
        parts = ["none needing action"]
    if counts.get(Level.CONDITION):
        parts.append(f"{counts[Level.CONDITION]:,} only for a condition in the profile")
    return ", ".join(parts)


def for_action(
    episodes: Iterable[Episode], flags: Mapping[int, Sequence[Flag]]
) -> list[tuple[Episode, Level, tuple[Flag, ...]]]:
    """Episodes flagged for more than a profile condition, newest first.

    Each comes with its most serious level and its flags, most serious first,
    the condition note left out (it is said once per condition instead).
    """
    found: list[tuple[Episode, Level, tuple[Flag, ...]]] = []
    for episode in episodes:
        mine = flags.get(episode.id, ()) if episode.id is not None else ()
        level = episode_level(mine)
        if level is None or level is Level.CONDITION:
            continue
        listed = tuple(f for f in most_serious_first(mine) if flag_level(f) is not Level.CONDITION)
        found.append((episode, level, listed))
    found.sort(key=lambda item: item[0].started_at.timestamp(), reverse=True)
    return found


def needs_action(level: Level | None) -> bool:
    """An emergency, urgent or see-a-doctor flag: something to act on, not the quiet note."""
    return level is not None and level is not Level.CONDITION


@dataclass(frozen=True, slots=True)
class ConditionNote:
    """One condition in the profile and the episodes flagged only because of it."""

    condition: str  # the words for it, as the flag's reason names it
    since: date | None
    episodes: int
    first: date | None
    last: date | None


def condition_notes(
    episodes: Sequence[Episode],
    flags: Mapping[int, Sequence[Flag]],
    profile: Profile,
) -> list[ConditionNote]:
    """Condition-only episodes counted once per profile condition, in the profile's order.

    Which condition an episode's note is about is read from the profile (the
    condition's words open each part of the rule's reason), so an episode
    during two conditions counts under each.
    """
    names: dict[str, date | None] = {}
    for entry in profile.conditions:
        word = "a recent injury" if str(entry.condition) == "recent_injury" else None
        key = word or words.condition_phrase(entry)
        if key not in names or (entry.since or date.max) < (names[key] or date.max):
            names[key] = entry.since
    counted: dict[str, list[date]] = {name: [] for name in names}
    for episode in episodes:
        found = flags.get(episode.id, ()) if episode.id is not None else ()
        if not is_condition_only(found):
            continue
        reasons = [part for f in found for part in f.reason.split("; ")]
        for name, days in counted.items():
            if any(part.startswith(f"{name} in your profile") for part in reasons):
                days.append(episode.started_at.date())
    return [
        ConditionNote(name, names[name], len(days), min(days), max(days))
        for name, days in counted.items()
        if days
    ]


def condition_line(note: ConditionNote) -> str:
    """ "sciatica in your profile since 2024-04-01: 148 episodes; the article says ..." """
    since = f" since {note.since.isoformat()}" if note.since else ""
    count = words.count(note.episodes, "episode")
    return f"{note.condition} in your profile{since}: {count}; {CONDITION_ADVICE}"
