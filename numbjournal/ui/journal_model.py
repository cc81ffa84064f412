"""The journal as a table: filtering and sorting done in the model, display text cached.

Sorting and filtering happen here on plain lists rather than in a
QSortFilterProxyModel, because a proxy calls back into Python once per
comparison, which is too slow for 20,000 episodes; display strings are
built the first time a row is painted and kept until that episode changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..core.model import Episode, Location
from ..core.triage import Flag, Tier
from . import display
from .icons import flag_icon

COL_FLAG, COL_DATE, COL_DURATION, COL_WHERE, COL_SEVERITY, COL_SYMPTOMS = range(6)
HEADERS = ("Flag", "Started", "Lasted", "Where", "Severity", "With")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
EPISODE_ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class FlagFilter(Enum):
    ALL = "All episodes"
    FLAGGED = "Any flag"
    EMERGENCY = "Emergency flags"
    SEE_DOCTOR = "See-a-doctor flags"
    UNFLAGGED = "No flag"


PLACE_GROUPS = {
    "left_leg": "Left leg",
    "right_leg": "Right leg",
    "both_legs": "Both legs",
    "other": "Elsewhere on the body",
}


@dataclass(frozen=True)
class EpisodeFilter:
    first: date | None = None
    last: date | None = None
    flags: FlagFilter = FlagFilter.ALL
    place: str = ""  # "", a PLACE_GROUPS key or a Location value
    text: str = ""

    @property
    def is_active(self) -> bool:
        return self != EpisodeFilter()


@dataclass(frozen=True, slots=True)
class _Row:
    """What the table shows for one episode, computed once."""

    when: str
    duration: str
    where: str
    severity: str
    symptoms: str
    flag: str
    flag_tip: str
    tip: str
    search: str


def _tier(flags: Sequence[Flag]) -> int:
    """2 for an emergency, 1 for see-a-doctor, 0 for none: sorts the most urgent first."""
    if any(f.tier == Tier.EMERGENCY for f in flags):
        return 2
    return 1 if flags else 0


def _place_matches(place: str, locations: Sequence[Location]) -> bool:
    if not place:
        return True
    left = any(loc.is_left_leg for loc in locations)
    right = any(loc.is_right_leg for loc in locations)
    if place == "left_leg":
        return left
    if place == "right_leg":
        return right
    if place == "both_legs":
        return left and right
    if place == "other":
        return any(not loc.is_leg for loc in locations)
    return place in locations


_SORT_KEYS: dict[int, Callable[[Episode, int], Any]] = {
    COL_FLAG: lambda e, tier: (tier, e.started_at.timestamp()),
    COL_DATE: lambda e, _t: (e.started_at.timestamp(), e.id or 0),
    COL_DURATION: lambda e, _t: float("inf") if e.duration_minutes is None else e.duration_minutes,
    COL_WHERE: lambda e, _t: display.where_text(e.locations),
    COL_SEVERITY: lambda e, _t: e.severity,
    COL_SYMPTOMS: lambda e, _t: (len(e.symptoms), display.symptoms_text(e)),
}


class EpisodeTableModel(QAbstractTableModel):
    """Episodes newest first by default; :meth:`set_filter` narrows what is shown."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Episode] = []
        self._flags: Mapping[int, Sequence[Flag]] = {}
        self._shown: list[Episode] = []
        self._rows: dict[int, _Row] = {}
        self._filter = EpisodeFilter()
        self._sort: tuple[int, Qt.SortOrder] = (COL_DATE, Qt.SortOrder.DescendingOrder)

    # -- feeding ----------------------------------------------------------

    def set_episodes(
        self, episodes: Sequence[Episode], flags: Mapping[int, Sequence[Flag]]
    ) -> None:
        """Replace the contents; cached text survives for episodes that did not change."""
        old = {e.id: e for e in self._all}
        kept: dict[int, _Row] = {}
        for episode in episodes:
            eid = episode.id if episode.id is not None else -1
            row = self._rows.get(eid)
            if (
                row is not None
                and old.get(episode.id) == episode
                and tuple(self._flags.get(eid, ())) == tuple(flags.get(eid, ()))
            ):
                kept[eid] = row
        self._rows = kept
        self._all = list(episodes)
        self._flags = flags
        self._refresh()

    def set_filter(self, episode_filter: EpisodeFilter) -> None:
        self._filter = episode_filter
        self._refresh()

    @property
    def filter(self) -> EpisodeFilter:
        return self._filter

    @property
    def total(self) -> int:
        return len(self._all)

    def episode_at(self, row: int) -> Episode:
        return self._shown[row]

    def row_of(self, episode_id: int) -> int | None:
        for row, episode in enumerate(self._shown):
            if episode.id == episode_id:
                return row
        return None

    # -- Qt model ---------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == COL_FLAG:
                return "Whether the episode matched a seek-medical-help criterion"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        episode = self._shown[index.row()]
        column = index.column()
        if role == EPISODE_ID_ROLE:
            return episode.id
        if role == SORT_ROLE:
            return _SORT_KEYS[column](episode, _tier(self._flags_of(episode)))
        row = self._row(episode)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.flag,
                row.when,
                row.duration,
                row.where,
                row.severity,
                row.symptoms,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.flag_tip if column == COL_FLAG and row.flag_tip else row.tip
        if role == Qt.ItemDataRole.DecorationRole and column == COL_FLAG and row.flag:
            flags = self._flags_of(episode)
            return flag_icon(Tier.EMERGENCY if _tier(flags) == 2 else Tier.SEE_DOCTOR)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_FLAG:
            return row.flag or "No flag"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_DURATION, COL_SEVERITY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_shown()
        self.layoutChanged.emit()

    # -- internals --------------------------------------------------------

    def _flags_of(self, episode: Episode) -> Sequence[Flag]:
        return self._flags.get(episode.id, ()) if episode.id is not None else ()

    def _row(self, episode: Episode) -> _Row:
        key = episode.id if episode.id is not None else -1
        row = self._rows.get(key)
        if row is None:
            flags = self._flags_of(episode)
            row = _Row(
                when=display.when_text(episode.started_at),
                duration=display.duration_text(episode.duration_minutes),
                where=display.where_text(episode.locations),
                severity=f"{episode.severity} / 10",
                symptoms=display.symptoms_text(episode),
                flag=display.flag_summary(flags),
                flag_tip=display.flag_tooltip(flags),
                tip=display.episode_tooltip(episode),
                search=display.search_text(episode),
            )
            self._rows[key] = row
        return row

    def _refresh(self) -> None:
        self.beginResetModel()
        self._shown = [e for e in self._all if self._matches(e)]
        self._sort_shown()
        self.endResetModel()

    def _sort_shown(self) -> None:
        column, order = self._sort
        key = _SORT_KEYS[column]
        self._shown.sort(
            key=lambda e: key(e, _tier(self._flags_of(e))),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def _matches(self, episode: Episode) -> bool:
        f = self._filter
        if f.first is not None or f.last is not None:
            day = episode.started_at.date()
            if (f.first is not None and day < f.first) or (f.last is not None and day > f.last):
                return False
        if f.flags is not FlagFilter.ALL:
            tier = _tier(self._flags_of(episode))
            wanted = {
                FlagFilter.FLAGGED: tier > 0,
                FlagFilter.EMERGENCY: tier == 2,
                FlagFilter.SEE_DOCTOR: tier == 1,
                FlagFilter.UNFLAGGED: tier == 0,
            }[f.flags]
            if not wanted:
                return False
        if not _place_matches(f.place, episode.locations):
            return False
        if f.text:
            haystack = self._row(episode).search
            return all(word in haystack for word in f.text.lower().split())
        return True
