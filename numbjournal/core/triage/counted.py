"""The episodes the journal-wide patterns count, kept in time order across saves.

Counting the patterns needs every counted episode (not the plainly positional
ones) sorted by start time. Sorting 20,000 episodes again after every save was
most of what saving one episode in the window cost, so the sorted lists are
kept with the flags and updated in place of what a save, edit or delete
changed (a binary search per episode).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from ..model import Episode
from .article_rules import plainly_positional
from .rule import JournalView
from .settings import TriageSettings


@dataclass(frozen=True, slots=True)
class CountedEpisodes:
    """Counted episodes oldest first, their start times (epoch seconds), and each id's time."""

    stamps: list[float]
    episodes: list[Episode]
    where: dict[int, float]  # id -> start time, to find an episode by binary search
    settings: TriageSettings  # what "plainly positional" was judged with

    @classmethod
    def of(cls, episodes: Iterable[Episode], settings: TriageSettings) -> CountedEpisodes:
        timed = sorted(
            (
                (episode.started_at.timestamp(), episode)
                for episode in episodes
                if not plainly_positional(episode, settings)
            ),
            key=lambda pair: pair[0],
        )
        where = {e.id: t for t, e in timed if e.id is not None}
        return cls([t for t, _ in timed], [e for _, e in timed], where, settings)

    def revised(self, changed: Sequence[Episode], removed: Iterable[int]) -> CountedEpisodes:
        """A copy with ``removed`` ids gone and ``changed`` episodes put where they now belong."""
        stamps, episodes, where = list(self.stamps), list(self.episodes), dict(self.where)
        for episode_id in {*removed, *(e.id for e in changed if e.id is not None)}:
            stamp = where.pop(episode_id, None)
            if stamp is None:
                continue
            at = bisect_left(stamps, stamp)
            while at < len(stamps) and episodes[at].id != episode_id:
                at += 1
            if at < len(stamps):
                del stamps[at]
                del episodes[at]
        for episode in changed:
            if not plainly_positional(episode, self.settings):
                stamp = episode.started_at.timestamp()
                at = bisect_right(stamps, stamp)
                stamps.insert(at, stamp)
                episodes.insert(at, episode)
                if episode.id is not None:
                    where[episode.id] = stamp
        return CountedEpisodes(stamps, episodes, where, self.settings)

    def view(self, now: datetime) -> JournalView:
        """The patterns' view of the journal up to ``now`` (later episodes are not counted)."""
        cut = bisect_right(self.stamps, now.timestamp())
        return JournalView(self.episodes[:cut], self.stamps[:cut], self.settings, now)
