"""The Flags tab: journal-wide patterns, then every flagged episode, emergencies first.

Each flag is shown with an icon and its tier in words (never colour alone),
the criterion it matched quoted, and the reason drawn from what was logged.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Episode
from ..core.triage import (
    NOT_A_DIAGNOSIS,
    Flag,
    JournalFlags,
    Tier,
    advice_for,
    emergencies_first,
)
from .display import TIER_LONG, TIER_TEXT, when_text
from .icons import flag_icon
from .service import JournalService

COL_TIER, COL_STARTED, COL_REASON, COL_CRITERION = range(4)
_HEADERS = ("Flag", "Episode started", "Why", "Criterion")


@dataclass(frozen=True, slots=True)
class FlaggedRow:
    episode: Episode
    flag: Flag


def flagged_rows(episodes: list[Episode], flags: JournalFlags) -> list[FlaggedRow]:
    """One row per flag; emergencies first, then newest first within each tier."""
    rows = [
        FlaggedRow(episode, flag)
        for episode in episodes
        if episode.id is not None
        for flag in flags.episodes.get(episode.id, ())
    ]
    rows.sort(key=lambda r: (-r.flag.tier.rank, -r.episode.started_at.timestamp()))
    return rows


class FlaggedModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[FlaggedRow] = []

    def set_rows(self, rows: list[FlaggedRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return _HEADERS[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                TIER_TEXT[row.flag.tier],
                when_text(row.episode.started_at),
                row.flag.reason,
                row.flag.criterion,
            )[column]
        if role == Qt.ItemDataRole.DecorationRole and column == COL_TIER:
            return flag_icon(row.flag.tier)
        if role == Qt.ItemDataRole.ToolTipRole:
            flag = row.flag
            return f"{TIER_LONG[flag.tier]}\nCriterion: {flag.criterion}\nWhy: {flag.reason}"
        return None


_DETAIL_STYLES = {
    Tier.EMERGENCY: "QLabel { background: #fdecea; color: #3d0000; border: 2px solid #c62828;"
    " border-radius: 4px; padding: 8px; }",
    Tier.URGENT: "QLabel { background: #ffe9d6; color: #3a1500; border: 2px solid #d35400;"
    " border-radius: 4px; padding: 8px; }",
    Tier.SEE_DOCTOR: "QLabel { background: #fff8e1; color: #2b2000; border: 1px solid #f0a202;"
    " border-radius: 4px; padding: 8px; }",
}


def _flag_html(flag: Flag) -> str:
    return (
        f"<b>{html.escape(TIER_LONG[flag.tier])}</b> — {html.escape(flag.reason)}<br>"
        f"<i>Criterion:</i> “{html.escape(flag.criterion)}”"
    )


class FlagsView(QWidget):
    """Asks the window to show an episode in the journal or open it in the editor."""

    show_requested = Signal(int)
    open_requested = Signal(int)

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.model = FlaggedModel(self)
        self._build()
        self._stale = True
        service.episodes_changed.connect(self._changed)
        service.profile_changed.connect(self._changed)

    def _changed(self) -> None:
        """Rebuilt when seen: thousands of flag rows need not follow every edit unseen."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def _build(self) -> None:
        disclaimer = QLabel(NOT_A_DIAGNOSIS)
        disclaimer.setWordWrap(True)

        self.journal_box = QGroupBox("Across the whole journal")
        self.journal_flags = QVBoxLayout(self.journal_box)

        self.episodes_box = QGroupBox("Flagged episodes")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Flagged episodes")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(COL_TIER, metrics.horizontalAdvance("See a doctor______"))
        self.table.setColumnWidth(
            COL_STARTED, metrics.horizontalAdvance("Wed 30 Sep 2026  23:59__")
        )
        self.table.setColumnWidth(COL_REASON, metrics.horizontalAdvance("x" * 48))
        self.table.doubleClicked.connect(lambda _i: self._open())
        self.table.activated.connect(lambda _i: self._open())
        self.table.selectionModel().selectionChanged.connect(self._show_details)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(metrics.height() * 5)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setAccessibleName("Why the selected episode was flagged")
        self.show_button = QPushButton("Show in journal")
        self.open_button = QPushButton("Open episode…")
        self.show_button.clicked.connect(self._show_in_journal)
        self.open_button.clicked.connect(self._open)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.open_button)

        inner = QVBoxLayout(self.episodes_box)
        inner.addWidget(self.table, 1)
        inner.addWidget(self.details)
        inner.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(disclaimer)
        layout.addWidget(self.journal_box)
        layout.addWidget(self.episodes_box, 1)

    def reload(self) -> None:
        self._stale = False
        flags = self._service.flags()
        self._fill_journal_flags(flags.journal)
        self.model.set_rows(flagged_rows(self._service.episodes(), flags))
        episodes = len({r.episode.id for r in self.model.rows})
        self.episodes_box.setTitle(f"Flagged episodes ({episodes:,})")
        if self.model.rows:
            self.table.selectRow(0)
        self._show_details()

    def _fill_journal_flags(self, flags: list[Flag]) -> None:
        while self.journal_flags.count():
            item = self.journal_flags.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not flags:
            self.journal_flags.addWidget(QLabel("No pattern across the journal is flagged."))
            return
        for flag in emergencies_first(flags):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            icon = QLabel()
            size = self.fontMetrics().height() + 4
            icon.setPixmap(flag_icon(flag.tier).pixmap(size, size))
            icon.setAccessibleName(TIER_TEXT[flag.tier])
            icon.setAlignment(Qt.AlignmentFlag.AlignTop)
            text = QLabel(_flag_html(flag))
            text.setWordWrap(True)
            line.addWidget(icon)
            line.addWidget(text, 1)
            self.journal_flags.addWidget(row)

    def current_row(self) -> FlaggedRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _show_details(self) -> None:
        row = self.current_row()
        self.show_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None)
        if row is None:
            self.details.setStyleSheet("")
            self.details.setText(
                "No episode matches a seek-medical-help criterion."
                if not self.model.rows
                else "Choose a flagged episode to read why it was flagged."
            )
            return
        advice = advice_for(row.flag.tier, row.episode, self._service.triage_settings())
        self.details.setStyleSheet(_DETAIL_STYLES[row.flag.tier])
        self.details.setText(
            f"{_flag_html(row.flag)}<br>"
            f"Episode of {html.escape(when_text(row.episode.started_at))}."
            f"<br><b>{html.escape(advice)}</b>"
        )

    def _show_in_journal(self) -> None:
        row = self.current_row()
        if row is not None and row.episode.id is not None:
            self.show_requested.emit(row.episode.id)

    def _open(self) -> None:
        row = self.current_row()
        if row is not None and row.episode.id is not None:
            self.open_requested.emit(row.episode.id)
