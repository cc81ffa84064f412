"""The Flags tab: journal patterns first, then flagged episodes grouped by level, newest first.

Each group (emergency, urgent, see a doctor) can be folded away; the
person's own condition is one quiet line per condition above the list
rather than a flag on every entry. Every flag carries its level's icon and words (never
colour alone), the criterion it matched quoted and the reason drawn from
what was logged; the advice fits the episode's age.
"""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.flag_levels import (
    LEVEL_WORDS,
    ConditionNote,
    Level,
    advice,
    condition_line,
    condition_notes,
    flag_level,
    pattern_name,
)
from ..core.triage import NOT_A_DIAGNOSIS, Flag
from .display import when_text
from .flagged_model import (
    COL_REASON,
    COL_STARTED,
    COL_TIER,
    FlaggedModel,
    FlaggedRow,
    flag_groups,
)
from .service import JournalService
from .tiers import box_style, tier_icon

NO_FLAGS = "No episode matches a seek-medical-help criterion."
NO_PATTERNS = "No pattern across the journal is flagged."
CHOOSE = "Choose an episode to read why it was flagged."


def _flag_html(flag: Flag) -> str:
    return (
        f"<b>{html.escape(LEVEL_WORDS[flag_level(flag)].name)}</b> — "
        f"{html.escape(flag.reason)}<br><i>Criterion:</i> “{html.escape(flag.criterion)}”"
    )


def _pattern_html(flag: Flag) -> str:
    return (
        f"<b>{html.escape(pattern_name(flag.rule))}</b> "
        f"({html.escape(LEVEL_WORDS[flag_level(flag)].name.lower())}): "
        f"{html.escape(flag.reason)}<br><i>Criterion:</i> “{html.escape(flag.criterion)}”"
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

        self.conditions_box = QGroupBox(LEVEL_WORDS[Level.CONDITION].title)
        self.conditions_box.setStyleSheet(box_style(Level.CONDITION, self, selector="QGroupBox"))
        self.condition_lines = QVBoxLayout(self.conditions_box)

        self.episodes_box = QGroupBox("Flagged episodes")
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName("Flagged episodes by level")
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setExpandsOnDoubleClick(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.tree.fontMetrics()
        first = self.tree.indentation() + self.tree.iconSize().width() + metrics.height() * 2
        self.tree.setColumnWidth(COL_TIER, first + metrics.horizontalAdvance("See a doctor____"))
        self.tree.setColumnWidth(COL_STARTED, metrics.horizontalAdvance("Wed 30 Sep 2026  23:59__"))
        self.tree.setColumnWidth(COL_REASON, metrics.horizontalAdvance("x" * 48))
        self.tree.doubleClicked.connect(self._activated)
        self.tree.activated.connect(self._activated)
        self.tree.selectionModel().currentChanged.connect(self._show_details)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(metrics.height() * 5)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setAccessibleName("Why the selected episode was flagged")
        details = QScrollArea()
        details.setWidget(self.details)
        details.setWidgetResizable(True)
        details.setFrameShape(QScrollArea.Shape.NoFrame)
        details.setMinimumHeight(metrics.height() * 7)
        details.setMaximumHeight(metrics.height() * 10)
        self.show_button = QPushButton("Show in journal")
        self.open_button = QPushButton("Open episode…")
        self.show_button.clicked.connect(self._show_in_journal)
        self.open_button.clicked.connect(self._open)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.open_button)

        inner = QVBoxLayout(self.episodes_box)
        inner.addWidget(self.tree, 1)
        inner.addWidget(details)
        inner.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(disclaimer)
        layout.addWidget(self.journal_box)
        layout.addWidget(self.conditions_box)
        layout.addWidget(self.episodes_box, 1)

    def reload(self) -> None:
        self._stale = False
        flags = self._service.flags()
        episodes = self._service.episodes()
        notes = condition_notes(episodes, flags.episodes, self._service.profile())
        self._fill_journal_flags(flags.journal)
        self._fill_conditions(notes)
        self.model.set_groups(flag_groups(episodes, flags.episodes))
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        listed = len(self.model.rows)
        quiet = sum(note.episodes for note in notes)
        title = f"Flagged episodes ({listed:,})"
        if quiet:
            title += f", and {quiet:,} noted only for a condition in your profile"
        self.episodes_box.setTitle(title)
        rows = self.model.rows
        if rows:
            self.select_episode(rows[0].episode.id)
        self._show_details()

    def select_episode(self, episode_id: int | None) -> bool:
        for group_row, group in enumerate(self.model.groups):
            for row, item in enumerate(group.rows):
                if item.episode.id == episode_id:
                    parent = self.model.index(group_row, 0)
                    self.tree.setCurrentIndex(self.model.index(row, 0, parent))
                    return True
        return False

    def _fill_journal_flags(self, flags: list[Flag]) -> None:
        _clear(self.journal_flags)
        if not flags:
            self.journal_flags.addWidget(QLabel(NO_PATTERNS))
        for flag in flags:
            self.journal_flags.addWidget(self._line(flag_level(flag), _pattern_html(flag)))

    def _fill_conditions(self, notes: list[ConditionNote]) -> None:
        """One quiet line per condition in the profile that flagged episodes on its own."""
        _clear(self.condition_lines)
        for note in notes:
            line = condition_line(note)
            text = html.escape(line[:1].upper() + line[1:] + ".")
            self.condition_lines.addWidget(self._line(Level.CONDITION, text))
        self.conditions_box.setVisible(bool(notes))

    def _line(self, level: Level, text_html: str) -> QWidget:
        """An icon with its level's words for screen readers, then the text beside it."""
        size = self.fontMetrics().height() + 4
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        icon = QLabel()
        icon.setPixmap(tier_icon(level).pixmap(size, size))
        icon.setAccessibleName(LEVEL_WORDS[level].name)
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QLabel(text_html)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        line.addWidget(icon)
        line.addWidget(text, 1)
        return row

    def current_row(self) -> FlaggedRow | None:
        return self.model.row_at(self.tree.currentIndex())

    def _show_details(self) -> None:
        index = self.tree.currentIndex()
        row = self.model.row_at(index)
        self.show_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None)
        if row is None:
            self.details.setStyleSheet("")
            self.details.setText(
                NO_FLAGS
                if not self.model.groups
                else "Choose an episode to read why it was flagged."
            )
            return
        said = advice(
            row.level,
            row.episode,
            now=datetime.now().astimezone(),
            settings=self._service.triage_settings(),
        )
        self.details.setStyleSheet(box_style(row.level, self, strong=row.level is Level.EMERGENCY))
        reasons = "<br>".join(_flag_html(f) for f in row.flags)
        # What to do first: it must not scroll out of sight below the reasons.
        self.details.setText(
            f"<b>{html.escape(said)}</b><br>"
            f"Episode of {html.escape(when_text(row.episode.started_at))}.<br>{reasons}"
        )

    def _activated(self, index: QModelIndex) -> None:
        if self.model.row_at(index) is not None:
            self._open()

    def _show_in_journal(self) -> None:
        row = self.current_row()
        if row is not None and row.episode.id is not None:
            self.show_requested.emit(row.episode.id)

    def _open(self) -> None:
        row = self.current_row()
        if row is not None and row.episode.id is not None:
            self.open_requested.emit(row.episode.id)


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
