"""Fast repeats: "same as last time" and the person's most frequent episodes.

Most people log the same few episodes again and again (the left sole while
sitting, both feet while lying down). The editor offers them as one-key
starting points that fill in everything but the time; the person still
confirms how bad it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Context, Episode, Location
from .words import short_location_name

FREQUENT = 3


@dataclass(frozen=True, slots=True)
class Repeat:
    """A starting point: the words on its button and the episode it copies from."""

    label: str
    template: Episode


def _key(episode: Episode) -> tuple[frozenset[Location], Context]:
    return frozenset(episode.locations), episode.context


def describe(episode: Episode) -> str:
    """ "L sole, L toes · sitting": the places and the activity, short."""
    places = ", ".join(short_location_name(loc) for loc in episode.locations[:3])
    if len(episode.locations) > 3:
        places += f" +{len(episode.locations) - 3}"
    activity = "" if episode.context is Context.UNKNOWN else f" · {_CONTEXT[episode.context]}"
    return f"{places}{activity}"


_CONTEXT = {
    Context.SITTING: "sitting",
    Context.LEGS_CROSSED: "legs crossed",
    Context.STANDING: "standing",
    Context.WALKING: "walking",
    Context.LYING_DOWN: "lying down",
    Context.EXERCISE: "exercising",
    Context.OTHER: "something else",
    Context.UNKNOWN: "",
}


def last_episode(history: Sequence[Episode]) -> Episode | None:
    """The episode that started last (not the one typed in last)."""
    return max(history, key=lambda e: e.started_at, default=None)


def frequent(history: Sequence[Episode], count: int = FREQUENT) -> list[Repeat]:
    """The ``count`` most frequent place-and-activity combinations, most frequent first.

    Each copies the latest episode of its combination; ties go to the more
    recent combination.
    """
    tally: Counter[tuple[frozenset[Location], Context]] = Counter()
    latest: dict[tuple[frozenset[Location], Context], Episode] = {}
    for episode in history:
        if not episode.locations:
            continue
        key = _key(episode)
        tally[key] += 1
        seen = latest.get(key)
        if seen is None or episode.started_at >= seen.started_at:
            latest[key] = episode
    ranked = sorted(tally, key=lambda k: (-tally[k], -latest[k].started_at.timestamp()))
    return [Repeat(describe(latest[k]), latest[k]) for k in ranked[:count]]
