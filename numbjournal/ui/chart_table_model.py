"""The numbers behind a chart as a Qt table model: one row per period, place or hour.

Built from ``report.figures``' :class:`Table` (the same rows the CSV export
writes), so it is tested with plain tables, no journal and no window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..report.figures.tables import Table

Index = QModelIndex | QPersistentModelIndex
_EMPTY = Table(columns=(), headings=(), rows=())
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ChartTableModel(QAbstractTableModel):
    """Read-only; the first column names the row, the others are numbers, right-aligned."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table = _EMPTY
        self._text: list[list[str]] = []

    def set_table(self, table: Table | None) -> None:
        """Show ``table`` (None empties the model, e.g. while the journal cannot be read)."""
        self.beginResetModel()
        self._table = table or _EMPTY
        self._text = self._table.display_rows()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._text)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.headings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return _RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._table.headings[section]
        return None

    def texts(self) -> list[list[str]]:
        """Every cell as shown, row by row (for tests and copying)."""
        return [list(row) for row in self._text]
