"""Finding and placing one episode in a sorted list of rows by binary search.

The journal table keeps 20,000 rows sorted by the column a person chose;
after a save it looks up and moves only the saved rows, instead of walking
or sorting the whole list (see ``EpisodeTableModel.apply_changes``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, MutableMapping, Sequence
from typing import Any

from ..core.model import Episode

Key = Callable[[Episode], Any]


def before(key: Key, a: Episode, b: Episode, descending: bool) -> bool:
    """Whether ``a`` belongs strictly before ``b``."""
    ka, kb = key(a), key(b)
    return bool(kb < ka) if descending else bool(ka < kb)


def insertion_point(rows: Sequence[Episode], item: Episode, key: Key, descending: bool) -> int:
    """Where ``item`` goes: before the first row that does not belong before it."""
    lo, hi = 0, len(rows)
    while lo < hi:
        mid = (lo + hi) // 2
        if before(key, rows[mid], item, descending):
            lo = mid + 1
        else:
            hi = mid
    return lo


def locate(rows: Sequence[Episode], item: Episode, key: Key, descending: bool) -> int | None:
    """The index of the row holding ``item``'s id (``item`` as it was sorted), or None."""
    at = insertion_point(rows, item, key, descending)
    while at < len(rows) and not before(key, item, rows[at], descending):
        if rows[at].id == item.id:
            return at
        at += 1
    return None


def fits_at(rows: Sequence[Episode], at: int, item: Episode, key: Key, descending: bool) -> bool:
    """Whether ``item`` in place of ``rows[at]`` keeps the rows in order."""
    ahead = rows[at - 1] if at > 0 else None
    behind = rows[at + 1] if at + 1 < len(rows) else None
    return (ahead is None or not before(key, item, ahead, descending)) and (
        behind is None or not before(key, behind, item, descending)
    )


def newest_first_key(episode: Episode) -> tuple[float, int]:
    return (-episode.started_at.timestamp(), -(episode.id or 0))


def put_newest_first(
    episodes: list[Episode], index: MutableMapping[int, Episode], new: Sequence[Episode]
) -> None:
    """Put saved episodes (replacing their old versions) into a newest-first list and its index."""
    drop_newest_first(episodes, index, [e.id for e in new if e.id is not None])
    for episode in new:
        bisect.insort(episodes, episode, key=newest_first_key)
        if episode.id is not None:
            index[episode.id] = episode


def drop_newest_first(
    episodes: list[Episode], index: MutableMapping[int, Episode], ids: Collection[int]
) -> None:
    """Drop episodes by id from a newest-first list and its index, found by binary search."""
    for episode_id in ids:
        old = index.pop(episode_id, None)
        if old is None:
            continue
        at = bisect.bisect_left(episodes, newest_first_key(old), key=newest_first_key)
        if at < len(episodes) and episodes[at].id == episode_id:
            del episodes[at]
        else:  # not where its time says: look everywhere
            episodes.remove(old)
