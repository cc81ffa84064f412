"""Numbness that climbs up the body over days: the Guillain-Barre pattern across episodes.

One episode of numbed toes, then one of numb calves, then one of numb thighs,
all within 14 days, is the "tingling that started in your feet or toes and
is now ascending through your body" that Mayo Clinic tells people to seek
emergency help for, even though no single episode shows it. The flag is a
journal pattern and also appears on the newest episode of the climb, so the
episode list and the editor show it where the person will look.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from ..model import Episode, Location
from .flags import Source, Tier
from .places import CLIMB_WORDS, climb_level
from .rule import REVISION, JournalView, Revision, Rule

CLIMB_DAYS = 14
CLIMBING = (
    "Numbness climbing up the body over days, a Guillain-Barr\u00e9 warning sign (Mayo Clinic: "
    "\u201cTingling that started in your feet or toes and is now ascending through your "
    "body\u201d): across episodes within 14 days, numbness on both sides rising from the "
    "feet to the lower legs, then the thighs or buttocks, then the trunk or both hands."
)


Run = tuple[Episode, Episode, Episode]
SPAN = CLIMB_DAYS * 86_400


def climbing_run(view: JournalView) -> Run | None:
    """The most recent three episodes within 14 days each reaching higher up the body.

    Short positional episodes are left out. Worked out once per evaluation
    (the journal flag and the episode it lands on both ask), and after a save
    only from two weeks before the earliest change on (see ``_climb_since``).
    """
    if "climb" not in view.memo:
        revision = view.memo.get(REVISION)
        known, found = (
            _climb_since(view, revision) if isinstance(revision, Revision) else (False, None)
        )
        if not known:
            found = _climb(view.counted, view.counted_stamps)
        if isinstance(revision, Revision):
            revision.answers["climb"] = found
        view.memo["climb"] = found
    answer = view.memo["climb"]
    return answer if isinstance(answer, tuple) else None


def _climb_since(view: JournalView, revision: Revision) -> tuple[bool, Run | None]:
    """The run after a revision, looking only at what it could have changed (first
    False when the whole journal must be looked at again).

    A run lies within 14 days of its newest episode, so every run whose newest
    episode starts at or after ``touched`` lies in the episodes from 14 days
    before it; every other run is made of untouched episodes, so the earlier
    answer still names the latest of those.
    """
    earlier, touched = revision.earlier, revision.touched
    if earlier is None or "climb" not in earlier or touched is None:
        return False, None
    before = earlier["climb"]
    if isinstance(before, tuple) and before[-1].started_at.timestamp() >= touched:
        return False, None  # the earlier run may itself have been changed
    stamps = view.counted_stamps
    start = bisect_left(stamps, touched - SPAN)
    found = _climb(view.counted[start:], stamps[start:])
    if found is not None and found[-1].started_at.timestamp() >= touched:
        return True, found
    return True, before if isinstance(before, tuple) else None


def _climb(episodes: Sequence[Episode], stamps: Sequence[float]) -> Run | None:
    """One pass: for every level the latest episode that reached it, and for every
    episode the latest earlier one that stayed lower, so the chain lower -> middle
    -> this is found without comparing pairs."""
    span = SPAN
    latest = [-1] * 5  # level -> index of the latest episode reaching it
    below = [-1] * len(episodes)  # index -> latest earlier index with a lower level
    found: tuple[int, int, int] | None = None
    for index, episode in enumerate(episodes):
        level = _level(episode.locations)
        if not level:
            continue
        start = stamps[index] - span
        lower_best = -1
        for middle_level in range(1, level):
            middle = latest[middle_level]
            if middle < 0:
                continue
            if lower_best < 0 or stamps[middle] > stamps[lower_best]:
                lower_best = middle
            if stamps[middle] >= start:
                lower = below[middle]
                if lower >= 0 and stamps[lower] >= start:
                    found = (lower, middle, index)
        below[index] = lower_best
        latest[level] = index
    if found is None:
        return None
    return episodes[found[0]], episodes[found[1]], episodes[found[2]]


@lru_cache(maxsize=4096)
def _level(locations: tuple[Location, ...]) -> int:
    return climb_level(locations)


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
