"""What a rule hands back, and the advice every flag screen and report shows.

The advice texts live here, once, so the editor's banner, the flags view, the
command line and the doctor summary cannot drift apart in what they tell a
person to do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Tier(StrEnum):
    EMERGENCY = "emergency"
    SEE_DOCTOR = "see_doctor"


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


@dataclass(frozen=True, slots=True)
class JournalFlags:
    """Flags per saved episode id (every episode, empty lists included) and for the journal."""

    episodes: dict[int, list[Flag]]
    journal: list[Flag]
    # What the journal flags were counted from (a triage.counted.CountedEpisodes), kept so
    # a save need not sort them again; typed loosely so flags.py imports no rule module.
    counted: object = field(default=None, compare=False, repr=False)

    def flagged_count(self) -> int:
        return sum(1 for flags in self.episodes.values() if flags)

    def has_emergency(self) -> bool:
        return any(f.is_emergency for flags in self.episodes.values() for f in flags)


EMERGENCY_ADVICE = (
    "Seek immediate medical attention: call your local emergency number now "
    "(for example 911, 999 or 112), even if the symptoms have passed. "
    "Do not wait to see whether they come back, and do not drive yourself."
)

SEE_DOCTOR_ADVICE = (
    "Arrange to see a healthcare provider about these symptoms and show them this journal. "
    "If the symptoms get worse or new ones appear, seek care sooner."
)

NOT_A_DIAGNOSIS = (
    "This journal is not a diagnosis. It records what you logged and which "
    "published criteria it matches; only a healthcare provider can examine you "
    "and find the cause."
)


def emergencies_first(flags: Iterable[Flag]) -> list[Flag]:
    """Emergency flags before see-doctor ones, each group keeping its rule-table order."""
    ordered = list(flags)
    return [f for f in ordered if f.is_emergency] + [f for f in ordered if not f.is_emergency]
