"""Updating a sorted, filtered table model row by row instead of resetting it.

After a save, delete or undo the journal table is told which episodes
changed; the rows are found and placed by binary search in the order the
person chose (see :mod:`numbjournal.ui.sorted_rows`), and when the journal
grows below the rows already shown (the full load after the first frame's
newest rows) the new rows are appended. Views keep their selection and
scroll position, and 20,000 rows are neither rebuilt nor sorted again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..core.model import Episode
from ..core.triage import Flag
from .sorted_rows import fits_at, insertion_point, locate


def date_key(e: Episode) -> tuple[datetime, int]:
    return (e.started_at, e.id or 0)


class _Filter(Protocol):
    @property
    def is_active(self) -> bool: ...


class RowUpdates(QAbstractTableModel):
    """The row-by-row updates of a table of episodes; the subclass says how it sorts and filters.

    ``_all`` holds every episode (newest first when ``_all_newest_first``),
    ``_shown`` the filtered ones in the chosen order, ``_index`` the episodes
    of ``_all`` by id.
    """

    DATE_COLUMN = 0
    FLAG_COLUMN = 0
    _all: list[Episode]
    _shown: list[Episode]
    _index: dict[int, Episode]
    _flags: Mapping[int, Sequence[Flag]]
    _tiers: dict[int, int] | None
    _rows: dict[int, Any]
    _haystacks: dict[int, str]
    _all_newest_first: bool
    _sort: tuple[int, Qt.SortOrder]
    _filter: _Filter

    def _sort_key(self, column: int) -> Callable[[Episode], Any]:
        raise NotImplementedError

    def _predicate(self) -> Callable[[Episode], bool] | None:
        raise NotImplementedError

    def _tier_for(self, flags: Sequence[Flag]) -> int:
        raise NotImplementedError

    def _appends(
        self, episodes: Sequence[Episode], flags: Mapping[int, Sequence[Flag]], newest_first: bool
    ) -> bool:
        """Append what follows the current rows, if they are the unchanged start of ``episodes``."""
        have = len(self._all)
        if not (
            newest_first
            and self._all_newest_first
            and self._sort == (self.DATE_COLUMN, Qt.SortOrder.DescendingOrder)
            and not self._filter.is_active
            and 0 < have <= len(episodes)
            and self._shown == self._all
            and list(episodes[:have]) == self._all
            and all(
                tuple(self._flags.get(e.id, ())) == tuple(flags.get(e.id, ()))
                for e in self._all
                if e.id is not None
            )
        ):
            return False
        self._flags = flags
        self._tiers = None
        if len(episodes) > have:
            self.beginInsertRows(QModelIndex(), have, len(episodes) - 1)
            self._all = list(episodes)
            self._shown = list(self._all)
            self._index.update((e.id, e) for e in episodes[have:] if e.id is not None)
            self.endInsertRows()
        return True

    def apply_changes(
        self,
        saved: Sequence[Episode],
        removed: Sequence[int],
        reflagged: Sequence[int],
        flags: Mapping[int, Sequence[Flag]],
    ) -> None:
        """Update only the rows a save, delete or undo touched (no model reset).

        Rows are found and placed by binary search in the current order; one
        edited episode that stays where it was is repainted in place, other
        changed rows are removed and inserted where the order and filter put
        them. Cached text and flag tiers are recomputed for those rows only.
        """
        updated = {e.id: e for e in saved if e.id is not None}
        moving = set(updated) | set(removed)
        if self._sort[0] == self.FLAG_COLUMN:  # a new tier can move the row
            for eid in reflagged:
                if eid not in updated and eid in self._index:
                    updated[eid] = self._index[eid]
                    moving.add(eid)
        # Found while the old flags still sort them, then the new flags come in.
        rows = {eid: row for eid in moving if (row := self.row_of(eid)) is not None}
        self._flags = flags
        for eid in moving | set(reflagged):
            self._forget(eid, flags.get(eid, ()))
        for eid in moving:
            self._drop_from_all(eid)
        for episode in updated.values():
            self._place_in_all(episode)
        keep = self._predicate()
        key, descending = self._order()
        if len(moving) == 1 and len(rows) == 1:
            ((eid, row),) = rows.items()
            edited = updated.get(eid)
            if (
                edited is not None
                and (keep is None or keep(edited))
                and fits_at(self._shown, row, edited, key, descending)
            ):
                self._shown[row] = edited
                self._row_changed(row)
                moving, rows = set(), {}
        for row in sorted(rows.values(), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._shown[row]
            self.endRemoveRows()
        for eid in moving:
            placed = updated.get(eid)
            if placed is not None and (keep is None or keep(placed)):
                at = insertion_point(self._shown, placed, key, descending)
                self.beginInsertRows(QModelIndex(), at, at)
                self._shown.insert(at, placed)
                self.endInsertRows()
        for eid in set(reflagged) - moving:
            row = self.row_of(eid)
            if row is not None:
                self._row_changed(row)

    def _forget(self, episode_id: int, flags: Sequence[Flag]) -> None:
        """Cached text and tier of a changed episode are worked out again."""
        self._rows.pop(episode_id, None)
        self._haystacks.pop(episode_id, None)
        if self._tiers is not None:
            tier = self._tier_for(flags)
            if tier:
                self._tiers[episode_id] = tier
            else:
                self._tiers.pop(episode_id, None)

    def _drop_from_all(self, episode_id: int) -> None:
        old = self._index.pop(episode_id, None)
        if old is None:
            return
        at = locate(self._all, old, date_key, True) if self._all_newest_first else None
        if at is not None:
            del self._all[at]
        else:
            self._all.remove(old)

    def _place_in_all(self, episode: Episode) -> None:
        if self._all_newest_first:
            self._all.insert(insertion_point(self._all, episode, date_key, True), episode)
        else:
            self._all.append(episode)
        if episode.id is not None:
            self._index[episode.id] = episode

    def _order(self) -> tuple[Callable[[Episode], Any], bool]:
        column, order = self._sort
        return self._sort_key(column), order == Qt.SortOrder.DescendingOrder

    def _row_of_episode(self, episode: Episode) -> int | None:
        """The shown row of ``episode`` (as currently sorted), found by binary search."""
        key, descending = self._order()
        row = locate(self._shown, episode, key, descending)
        if row is None and (self._filter.is_active is False or self._predicate_keeps(episode)):
            # Not where its sort key says (should not happen): look everywhere.
            row = next((i for i, e in enumerate(self._shown) if e.id == episode.id), None)
        return row

    def _predicate_keeps(self, episode: Episode) -> bool:
        keep = self._predicate()
        return keep is None or keep(episode)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_of(self, episode_id: int) -> int | None:
        episode = self._index.get(episode_id)
        return None if episode is None else self._row_of_episode(episode)
