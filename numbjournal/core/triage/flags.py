"""What a rule hands back: a flag, its tier, and the note every flag screen shows.

The advice for each tier lives in ``advice.py``, worded for when the episode
happened, so the editor's banner, the flags view, the command line and the
doctor summary cannot drift apart in what they tell a person to do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Tier(StrEnum):
    """How soon to act, most pressing first: now, today, soon."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SEE_DOCTOR = "see_doctor"

    @property
    def rank(self) -> int:
        """2 for emergency, 1 for urgent, 0 for see-doctor: higher is more pressing."""
        return _RANK[self]


_RANK = {Tier.EMERGENCY: 2, Tier.URGENT: 1, Tier.SEE_DOCTOR: 0}

CONDITION_RULE = "known_condition"


class Source(StrEnum):
    ARTICLE = "article"
    GUIDANCE = "guidance"


@dataclass(frozen=True, slots=True)
class Flag:
    """One criterion an episode (or the journal as a whole) matched.

    ``criterion`` is the rule's wording, quoted; ``reason`` is built from what
    the person logged, so they can see why it applies to them.
    """

    rule: str
    tier: Tier
    source: Source
    criterion: str
    reason: str

    @property
    def is_emergency(self) -> bool:
        return self.tier is Tier.EMERGENCY

    @property
    def is_condition_only(self) -> bool:
        """The article's ``known_condition``: about the person, on every episode while it applies.

        Screens may show it quietly; it is never dropped.
        """
        return self.rule == CONDITION_RULE


@dataclass(frozen=True, slots=True)
class JournalFlags:
    """Flags per saved episode id (every episode, empty lists included) and for the journal.

    An episode's list includes any journal pattern anchored on it (``anchored``).
    """

    episodes: dict[int, list[Flag]]
    journal: list[Flag]
    anchored: dict[int, list[Flag]] = field(default_factory=dict)
    """Journal patterns also shown on one episode (the newest of a climb), by episode id."""
    # What the journal flags were counted from (a triage.counted.CountedEpisodes), kept so
    # a save need not sort them again; typed loosely so flags.py imports no rule module.
    counted: object = field(default=None, compare=False, repr=False)

    def flagged_count(self) -> int:
        return sum(1 for flags in self.episodes.values() if flags)

    def needing_action(self) -> frozenset[int]:
        """Ids of the episodes with a flag beyond the quiet note for a profile condition:
        the ones every chart and the doctor's summary mark as flagged."""
        return frozenset(
            i for i, flags in self.episodes.items() if any(not f.is_condition_only for f in flags)
        )

    def has_emergency(self) -> bool:
        return any(f.is_emergency for flags in self.episodes.values() for f in flags)

    def top_tier(self) -> Tier | None:
        """The most pressing tier of any episode or journal flag, None without flags."""
        return top_tier([*self.journal, *(f for flags in self.episodes.values() for f in flags)])


NOT_A_DIAGNOSIS = (
    "This journal is not a diagnosis. It records what you logged and which "
    "published criteria it matches; only a healthcare provider can examine you "
    "and find the cause."
)


def emergencies_first(flags: Iterable[Flag]) -> list[Flag]:
    """Emergency, then urgent, then see-doctor flags, each group in its rule-table order."""
    return sorted(flags, key=lambda f: -f.tier.rank)  # sorted() is stable


def top_tier(flags: Iterable[Flag]) -> Tier | None:
    """The most pressing tier among ``flags``, None when there are none."""
    return max((f.tier for f in flags), key=lambda t: t.rank, default=None)


def only_conditions(flags: Iterable[Flag]) -> bool:
    """True when there are flags and every one is the condition-only ``known_condition``."""
    found = list(flags)
    return bool(found) and all(f.is_condition_only for f in found)
