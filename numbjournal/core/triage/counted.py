"""The episodes the journal-wide patterns look at, kept in time order across saves.

The patterns need every episode sorted by start time, and apart from it the
ones that are not plainly positional (those count only at a higher bar).
Sorting 20,000 episodes again after every save was most of what saving one
episode in the window cost, so the sorted lists are kept with the flags and
updated in place of what a save, edit or delete changed (a binary search per
episode).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ..model import Episode
from .rule import REVISION, JournalView, Revision, plainly_positional
from .settings import TriageSettings


@dataclass(frozen=True, slots=True)
class _Timeline:
    """Episodes oldest first with their start times (epoch seconds)."""

    stamps: list[float]
    episodes: list[Episode]

    @classmethod
    def of(cls, episodes: Iterable[Episode]) -> _Timeline:
        timed = sorted(((e.started_at.timestamp(), e) for e in episodes), key=lambda p: p[0])
        return cls([t for t, _ in timed], [e for _, e in timed])

    def without(self, episode_id: int, stamp: float) -> None:
        at = bisect_left(self.stamps, stamp)
        end = bisect_right(self.stamps, stamp)  # episodes starting at the same second
        while at < end and self.episodes[at].id != episode_id:
            at += 1
        if at < end:
            del self.stamps[at]
            del self.episodes[at]

    def add(self, episode: Episode) -> None:
        stamp = episode.started_at.timestamp()
        at = bisect_right(self.stamps, stamp)
        self.stamps.insert(at, stamp)
        self.episodes.insert(at, episode)

    def copy(self) -> _Timeline:
        return _Timeline(list(self.stamps), list(self.episodes))

    def until(self, moment: float) -> tuple[list[Episode], list[float]]:
        """Those started by ``moment``; the lists themselves when that is all of them
        (a revision copies them before it changes anything)."""
        cut = bisect_right(self.stamps, moment)
        if cut == len(self.stamps):
            return self.episodes, self.stamps
        return self.episodes[:cut], self.stamps[:cut]


@dataclass(frozen=True, slots=True)
class CountedEpisodes:
    """Every episode and the counted ones (not plainly positional), each in time order."""

    every: _Timeline
    counted: _Timeline
    where: dict[int, float]  # id -> start time, to find an episode by binary search
    settings: TriageSettings  # what "plainly positional" was judged with
    ongoing: dict[int, Episode] = field(default_factory=dict, compare=False, repr=False)
    """The episodes with no end yet, by id: their flags change with the clock."""
    revision: Revision = field(default_factory=Revision, compare=False, repr=False)

    @classmethod
    def of(cls, episodes: Iterable[Episode], settings: TriageSettings) -> CountedEpisodes:
        every = _Timeline.of(episodes)
        counted = _Timeline.of(e for e in every.episodes if not plainly_positional(e, settings))
        pairs = zip(every.stamps, every.episodes, strict=True)
        where = {e.id: t for t, e in pairs if e.id is not None}
        ongoing = {e.id: e for e in every.episodes if e.id is not None and _ongoing(e)}
        return cls(every, counted, where, settings, ongoing)

    @property
    def stamps(self) -> list[float]:
        """The counted episodes' start times (what the trends count)."""
        return self.counted.stamps

    @property
    def episodes(self) -> list[Episode]:
        return self.counted.episodes

    def revised(self, changed: Sequence[Episode], removed: Iterable[int]) -> CountedEpisodes:
        """A copy with ``removed`` ids gone and ``changed`` episodes put where they now belong."""
        every, counted, where = self.every.copy(), self.counted.copy(), dict(self.where)
        ongoing = dict(self.ongoing)
        touched: list[float] = []
        for episode_id in {*removed, *(e.id for e in changed if e.id is not None)}:
            ongoing.pop(episode_id, None)
            stamp = where.pop(episode_id, None)
            if stamp is not None:
                touched.append(stamp)
                every.without(episode_id, stamp)
                counted.without(episode_id, stamp)
        for episode in changed:
            stamp = episode.started_at.timestamp()
            touched.append(stamp)
            every.add(episode)
            if not plainly_positional(episode, self.settings):
                counted.add(episode)
            if episode.id is not None:
                where[episode.id] = stamp
                if _ongoing(episode):
                    ongoing[episode.id] = episode
        revision = Revision(earlier=self.revision.answers, touched=min(touched, default=None))
        return CountedEpisodes(every, counted, where, self.settings, ongoing, revision)

    def view(self, now: datetime) -> JournalView:
        """The patterns' view of the journal up to ``now`` (later episodes are not counted)."""
        moment = now.timestamp()
        episodes, stamps = self.every.until(moment)
        counted, counted_stamps = self.counted.until(moment)
        view = JournalView(episodes, stamps, counted, counted_stamps, self.settings, now)
        if len(counted) == len(self.counted.episodes):  # answers kept only for the whole timeline
            view.memo[REVISION] = self.revision
        return view


def _ongoing(episode: Episode) -> bool:
    return episode.duration_minutes is None
