"""The Flags tab's list: flagged episodes grouped by level, newest first in each group.

A two-level tree: one group per level that needs action (emergency, urgent,
see a doctor), each holding its episodes newest first. Episodes flagged only
because of a condition in the profile are not listed one by one: the tab
says the condition once, one line per condition, above this list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from ..core.flag_levels import (
    LEVEL_WORDS,
    LEVELS,
    Level,
    flag_level,
    for_action,
)
from ..core.model import Episode
from ..core.triage import Flag
from .display import when_text
from .journal_model import EPISODE_ID_ROLE, FLAG_LEVEL_ROLE
from .tiers import tier_icon

COL_TIER, COL_STARTED, COL_REASON, COL_CRITERION = range(4)
HEADERS = ("Flag", "Episode started", "Why", "Criterion")

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class FlaggedRow:
    """One flagged episode with the flags it is listed for (its condition note left out)."""

    episode: Episode
    flags: tuple[Flag, ...]
    level: Level

    @property
    def flag(self) -> Flag:
        """The most serious flag."""
        return self.flags[0]

    @property
    def reason(self) -> str:
        return "; ".join(dict.fromkeys(f.reason for f in self.flags))

    @property
    def criterion(self) -> str:
        return " / ".join(dict.fromkeys(f"“{f.criterion}”" for f in self.flags))


@dataclass(frozen=True, slots=True)
class FlagGroup:
    level: Level
    rows: tuple[FlaggedRow, ...] = ()

    @property
    def title(self) -> str:
        return f"{LEVEL_WORDS[self.level].name}: {_count(len(self.rows))}, newest first"


def flag_groups(
    episodes: Sequence[Episode], flags: Mapping[int, Sequence[Flag]]
) -> list[FlagGroup]:
    """Episodes that need action, grouped by their most serious level, newest first."""
    by_level: dict[Level, list[FlaggedRow]] = {level: [] for level in LEVELS}
    for episode, level, listed in for_action(episodes, flags):  # newest first
        by_level[level].append(FlaggedRow(episode, listed, level))
    return [FlagGroup(level, tuple(rows)) for level, rows in by_level.items() if rows]


def _count(n: int) -> str:
    return f"{n:,} episode" if n == 1 else f"{n:,} episodes"


_GROUP = 0  # internal id of a group index; an item's id is its group's row + 1


class FlaggedModel(QAbstractItemModel):
    """Groups at the top level, their episodes as children."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.groups: list[FlagGroup] = []

    @property
    def rows(self) -> list[FlaggedRow]:
        """Every listed episode in the order shown, most serious group first."""
        return [row for group in self.groups for row in group.rows]

    def set_groups(self, groups: list[FlagGroup]) -> None:
        self.beginResetModel()
        self.groups = groups
        self.endResetModel()

    def group_index(self, level: Level) -> QModelIndex:
        for row, group in enumerate(self.groups):
            if group.level is level:
                return self.index(row, 0)
        return QModelIndex()

    def row_at(self, index: Index) -> FlaggedRow | None:
        """The episode row at ``index``, or None for a group."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        group = self.groups[index.internalId() - 1]
        return group.rows[index.row()] if index.row() < len(group.rows) else None

    # -- Qt model ---------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self.groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(self.groups[index.row()], index.column(), role)
        row = self.row_at(index)
        return None if row is None else self._row_data(row, index.column(), role)

    def _group_data(self, group: FlagGroup, column: int, role: int) -> Any:
        if role == FLAG_LEVEL_ROLE:
            return str(group.level)
        if column != COL_TIER:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return group.title
        if role == Qt.ItemDataRole.DecorationRole:
            return tier_icon(group.level)
        return None

    def _row_data(self, row: FlaggedRow, column: int, role: int) -> Any:
        if role == FLAG_LEVEL_ROLE:
            return str(row.level)
        if role == EPISODE_ID_ROLE:
            return row.episode.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                LEVEL_WORDS[row.level].name,
                when_text(row.episode.started_at),
                row.reason,
                row.criterion,
            )[column]
        if role == Qt.ItemDataRole.DecorationRole and column == COL_TIER:
            return tier_icon(row.level)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_TIER:
            return LEVEL_WORDS[row.level].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(
                f"{LEVEL_WORDS[flag_level(f)].title}\nCriterion: {f.criterion}\nWhy: {f.reason}"
                for f in row.flags
            )
        return None
