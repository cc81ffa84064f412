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
from functools import cache
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ..core.flag_levels import LEVEL_WORDS, LEVELS, Level, episode_level, rank
from ..core.model import Episode, Location
from ..core.triage import Flag
from . import display
from .row_updates import RowUpdates, date_key
from .tiers import text_colour, tier_icon

COL_FLAG, COL_DATE, COL_DURATION, COL_WHERE, COL_SEVERITY, COL_SYMPTOMS = range(6)
HEADERS = ("Flag", "Started", "Lasted", "Where", "Severity", "With")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
EPISODE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
# The flag column's level as a string ("emergency", "urgent", "see_doctor",
# "condition"), or "" for no flag: what the icon and words show, testable without pixels.
FLAG_LEVEL_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


class FlagFilter(Enum):
    ALL = "All episodes"
    FLAGGED = "Any flag"
    ACTION = "Emergency, urgent or see a doctor"
    EMERGENCY = "Emergency flags"
    URGENT = "Urgent flags"
    SEE_DOCTOR = "See-a-doctor flags"
    CONDITION = "Only your condition"
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


# How far up the flag column sorts each level: the most serious highest, no flag 0.
_WEIGHT: dict[Level | None, int] = {level: len(LEVELS) - rank(level) for level in LEVELS}
_WEIGHT[None] = 0
_LEVEL_OF_WEIGHT = {weight: level for level, weight in _WEIGHT.items()}
_FILTER_LEVELS: dict[FlagFilter, tuple[Level | None, ...]] = {
    FlagFilter.FLAGGED: LEVELS,
    FlagFilter.ACTION: (Level.EMERGENCY, Level.URGENT, Level.SEE_DOCTOR),
    FlagFilter.EMERGENCY: (Level.EMERGENCY,),
    FlagFilter.URGENT: (Level.URGENT,),
    FlagFilter.SEE_DOCTOR: (Level.SEE_DOCTOR,),
    FlagFilter.CONDITION: (Level.CONDITION,),
    FlagFilter.UNFLAGGED: (None,),
}


def _tier(flags: Sequence[Flag]) -> int:
    """The sort weight of an episode's most serious flag level (0 for none)."""
    return _WEIGHT[episode_level(flags)]


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


def _inf_if_none(value: int | None) -> float:
    return float("inf") if value is None else value


_SORT_KEYS: dict[int, Callable[[Episode], Any]] = {
    COL_DATE: date_key,
    COL_DURATION: lambda e: _inf_if_none(e.duration_minutes),
    COL_WHERE: lambda e: display.where_text(e.locations),
    COL_SEVERITY: lambda e: e.severity,
    COL_SYMPTOMS: lambda e: (len(e.symptoms), display.symptoms_text(e)),
}


_FLAG_ROLES = frozenset(
    {
        FLAG_LEVEL_ROLE,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
    }
)
_LOUD = (Level.EMERGENCY, Level.URGENT)
_ANSWERED = _FLAG_ROLES | {
    EPISODE_ID_ROLE,
    SORT_ROLE,
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
}


@cache
def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class EpisodeTableModel(RowUpdates):
    """Episodes newest first by default; :meth:`set_filter` narrows what is shown."""

    DATE_COLUMN, FLAG_COLUMN = COL_DATE, COL_FLAG
    _filter: EpisodeFilter

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Episode] = []
        self._flags: Mapping[int, Sequence[Flag]] = {}
        self._tiers: dict[int, int] | None = None
        self._haystacks: dict[int, str] = {}
        self._all_newest_first = False
        self._shown: list[Episode] = []
        self._rows: dict[int, _Row] = {}
        self._index: dict[int, Episode] = {}  # the episodes in _all, by id
        self._filter = EpisodeFilter()
        self._sort: tuple[int, Qt.SortOrder] = (COL_DATE, Qt.SortOrder.DescendingOrder)

    # -- feeding ----------------------------------------------------------

    def set_episodes(
        self,
        episodes: Sequence[Episode],
        flags: Mapping[int, Sequence[Flag]],
        *,
        newest_first: bool = False,
    ) -> None:
        """Replace the contents; cached text survives for episodes that did not change.

        ``newest_first`` says the list is already in the default order, which
        spares sorting 20,000 episodes again on every change. When the rows
        shown so far are the start of the new list (the first frame's newest
        rows, then the whole journal), the rest is appended below them, so the
        view neither jumps nor loses its selection.
        """
        if self._appends(episodes, flags, newest_first):
            return
        same: set[int | None] = set()
        if self._rows or self._haystacks:
            old = {e.id: e for e in self._all}
            same = {
                e.id
                for e in episodes
                if e.id is not None
                and old.get(e.id) == e
                and tuple(self._flags.get(e.id, ())) == tuple(flags.get(e.id, ()))
            }
        self._rows = {eid: row for eid, row in self._rows.items() if eid in same}
        self._haystacks = {eid: text for eid, text in self._haystacks.items() if eid in same}
        self._all = list(episodes)
        self._index = {e.id: e for e in self._all if e.id is not None}
        self._all_newest_first = newest_first
        self._flags = flags
        self._tiers = None
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
        if role not in _ANSWERED:  # half of what a repaint asks (background, check state...)
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        episode = self._shown[index.row()]
        column = index.column()
        if role == EPISODE_ID_ROLE:
            return episode.id
        if role == SORT_ROLE:
            return self._sort_key(column)(episode)
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
        if column == COL_FLAG and role in _FLAG_ROLES:
            level = self.level_of(episode)
            if role == FLAG_LEVEL_ROLE:
                return "" if level is None else str(level)
            if role == Qt.ItemDataRole.DecorationRole:
                return None if level is None else tier_icon(level)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return "No flag" if level is None else LEVEL_WORDS[level].title
            if role == Qt.ItemDataRole.ForegroundRole:  # the quiet note in a muted colour
                return None if level is None else text_colour(level)
            if role == Qt.ItemDataRole.FontRole and level in _LOUD:
                return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_DURATION, COL_SEVERITY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS) or (column, order) == self._sort:
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_shown()
        self.layoutChanged.emit()

    # -- internals --------------------------------------------------------

    def _tier_for(self, flags: Sequence[Flag]) -> int:
        return _tier(flags)

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
            )
            self._rows[key] = row
        return row

    def _haystack(self, episode: Episode) -> str:
        key = episode.id if episode.id is not None else -1
        text = self._haystacks.get(key)
        if text is None:
            text = self._haystacks[key] = display.search_text(episode)
        return text

    def _refresh(self) -> None:
        self.beginResetModel()
        keep = self._predicate()
        self._shown = list(self._all) if keep is None else [e for e in self._all if keep(e)]
        self._sort_shown(in_all_order=True)
        self.endResetModel()

    def _sort_key(self, column: int) -> Callable[[Episode], Any]:
        if column == COL_FLAG:
            return lambda e: (self._tier_of(e), e.started_at)
        return _SORT_KEYS[column]

    def level_of(self, episode: Episode) -> Level | None:
        """The most serious flag level of an episode, as its flag cell shows it."""
        return _LEVEL_OF_WEIGHT[self._tier_of(episode)]

    def _tier_of(self, episode: Episode) -> int:
        if self._tiers is None:
            self._tiers = {eid: _tier(flags) for eid, flags in self._flags.items() if flags}
        return self._tiers.get(episode.id, 0) if episode.id is not None else 0

    def _sort_shown(self, *, in_all_order: bool = False) -> None:
        column, order = self._sort
        if self._all_newest_first and column == COL_DATE:
            if not in_all_order:
                members = {id(e) for e in self._shown}
                self._shown = [e for e in self._all if id(e) in members]
            if order == Qt.SortOrder.AscendingOrder:
                self._shown.reverse()
            return
        self._shown.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def _predicate(self) -> Callable[[Episode], bool] | None:
        """One test built from the active filters only (None: show everything)."""
        f = self._filter
        checks: list[Callable[[Episode], bool]] = []
        if f.first is not None or f.last is not None:
            first, last = f.first or date.min, f.last or date.max
            checks.append(lambda e: first <= e.started_at.date() <= last)
        if f.flags is not FlagFilter.ALL:
            wanted = {_WEIGHT[level] for level in _FILTER_LEVELS[f.flags]}
            checks.append(lambda e: self._tier_of(e) in wanted)
        if f.place:
            place = f.place
            checks.append(lambda e: _place_matches(place, e.locations))
        words = f.text.lower().split()
        if len(words) == 1:
            word = words[0]
            checks.append(lambda e: word in self._haystack(e))
        elif words:
            checks.append(lambda e: all(w in self._haystack(e) for w in words))
        if len(checks) <= 1:
            return checks[0] if checks else None
        return lambda e: all(check(e) for check in checks)
