"""Numbness that climbs up the body over days: the Guillain-Barre pattern across episodes.

One episode of numbed toes, then one of numb calves, then one of numb thighs,
all within 14 days, is the "tingling that started in your feet or toes and
is now ascending through your body" that Mayo Clinic tells people to seek
emergency help for, even though no single episode shows it. The flag is a
journal pattern and also appears on the newest episode of the climb, so the
episode list and the editor show it where the person will look.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Episode
from .flags import Source, Tier
from .places import CLIMB_WORDS, climb_level
from .rule import JournalView, Rule

CLIMB_DAYS = 14
CLIMBING = (
    "Numbness climbing up the body over days, a Guillain-Barr\u00e9 warning sign (Mayo Clinic: "
    "\u201cTingling that started in your feet or toes and is now ascending through your "
    "body\u201d): across episodes within 14 days, from the toes or feet to the ankles, shins "
    "or calves, then the thighs or buttocks, then the trunk or hands."
)


def climbing_run(view: JournalView) -> tuple[Episode, Episode, Episode] | None:
    """The most recent three episodes within 14 days each reaching higher up the body.

    Short positional episodes are left out. One pass over the journal: for
    every level it remembers the latest episode that reached it, and for every
    episode the latest earlier one that stayed lower, so the chain lower ->
    middle -> this is found without comparing pairs.
    """
    episodes, stamps = view.counted, view.counted_stamps
    span = CLIMB_DAYS * 86_400
    latest: dict[int, int] = {}  # level -> index of the latest episode reaching it
    below: dict[int, int] = {}  # index -> latest earlier index with a lower level
    found: tuple[int, int, int] | None = None
    for index, episode in enumerate(episodes):
        level = climb_level(episode.locations)
        if not level:
            continue
        start = stamps[index] - span
        for middle_level in range(1, level):
            middle = latest.get(middle_level)
            if middle is None or stamps[middle] < start:
                continue
            lower = below.get(middle)
            if lower is not None and stamps[lower] >= start:
                found = (lower, middle, index)
                break
        lower_levels = [latest[lv] for lv in range(1, level) if lv in latest]
        if lower_levels:
            below[index] = max(lower_levels, key=lambda i: stamps[i])
        latest[level] = index
    if found is None:
        return None
    return episodes[found[0]], episodes[found[1]], episodes[found[2]]


def _words(run: Sequence[Episode]) -> str:
    steps = [
        f"{CLIMB_WORDS[climb_level(e.locations)]} on {e.started_at.date().isoformat()}" for e in run
    ]
    days = (run[-1].started_at - run[0].started_at).days
    over = "within a day" if days < 1 else f"over {days} day{'s' if days != 1 else ''}"
    return f"numbness climbed {over}: " + ", then ".join(steps)


def climbing(view: JournalView) -> str | None:
    run = climbing_run(view)
    return None if run is None else _words(run)


def newest_of_climb(view: JournalView) -> Episode | None:
    run = climbing_run(view)
    return None if run is None else run[-1]


CLIMBING_RULE: Rule[JournalView] = Rule(
    "guillain_barre_climbing",
    Tier.EMERGENCY,
    Source.GUIDANCE,
    "Mayo Clinic",
    CLIMBING,
    climbing,
    anchor=newest_of_climb,
)
