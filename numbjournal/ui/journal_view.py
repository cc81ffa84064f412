"""The Journal tab: filters above the episode table, or a friendly panel when it is empty."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.flag_levels import LEVEL_WORDS
from ..core.model import Episode, Location
from ..core.words import location_name
from . import display
from .changes import EpisodeChanges
from .display import qdate_to_date
from .forms import DateField
from .icons import app_icon
from .journal_model import (
    COL_DATE,
    COL_DURATION,
    COL_FLAG,
    COL_SEVERITY,
    COL_WHERE,
    EPISODE_ID_ROLE,
    PLACE_GROUPS,
    EpisodeFilter,
    EpisodeTableModel,
    FlagFilter,
)
from .service import JournalService

PERIODS = (
    ("All time", None),
    ("Last 7 days", 7),
    ("Last 30 days", 30),
    ("Last 3 months", 91),
    ("Last 12 months", 365),
    ("Choose dates…", -1),
)


class EmptyJournalPanel(QWidget):
    """What a new journal shows instead of an empty grid: what to do next."""

    log_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("<h2>Nothing logged yet</h2>")
        # Lines broken by hand: a centred word-wrapped label gets the wrong height.
        text = QLabel(
            "When numbness starts, note it here in a few seconds:<br>"
            "choose <b>Log episode (Ctrl+N)</b>, or <b>Numbness started</b> to run a timer<br>"
            "and <b>It stopped</b> when it passes.<br><br>"
            "Everything stays in a file on this computer."
        )
        text.setTextFormat(Qt.TextFormat.RichText)
        picture = QLabel()
        picture.setAccessibleName("numbjournal")
        self._picture = picture  # drawn when first shown: most journals are not empty
        button = QPushButton("Log episode…")
        button.setDefault(True)
        button.clicked.connect(self.log_requested)
        self.log_button = button
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (picture, title, text, button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def showEvent(self, event: QShowEvent) -> None:
        if self._picture.pixmap().isNull():
            self._picture.setPixmap(app_icon().pixmap(96, 96))
        super().showEvent(event)


class JournalView(QWidget):
    """The episode table with its filters; says what to edit, delete or log via signals."""

    edit_requested = Signal(int)
    log_requested = Signal()
    selection_changed = Signal()
    shown_changed = Signal()

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.model = EpisodeTableModel(self)
        self._build()
        service.rows_changed.connect(self._rows_changed)
        service.profile_changed.connect(self.reload)
        self.reload()

    # -- public -----------------------------------------------------------

    def reload(self) -> None:
        keep = self.selected_ids()
        rows = self.table.selectionModel().selectedRows()
        near = min((i.row() for i in rows), default=0)
        self.model.set_episodes(
            self._service.episodes(), self._service.flags().episodes, newest_first=True
        )
        self._stack.setCurrentIndex(0 if self.model.total == 0 else 1)
        self._fit_date_column(self._service.episodes())
        if not self._reselect(keep) and self.model.rowCount():
            # After a delete the row below takes the place, so the keyboard keeps going.
            self.table.selectRow(min(near, self.model.rowCount() - 1))
        self._update_count()

    def _rows_changed(self, changes: EpisodeChanges | None) -> None:
        """Only the rows a save, delete or undo touched; everything after a reload."""
        if changes is None:
            self.reload()
            return
        keep = self.selected_ids()
        rows = self.table.selectionModel().selectedRows()
        near = min((i.row() for i in rows), default=0)
        self.model.apply_changes(
            changes.saved, changes.removed, changes.reflagged, self._service.flags().episodes
        )
        self._fit_date_column(changes.saved)
        self._stack.setCurrentIndex(0 if self.model.total == 0 else 1)
        if not self.selected_ids() and not self._reselect(keep) and self.model.rowCount():
            # After a delete the row below takes the place, so the keyboard keeps going.
            self.table.selectRow(min(near, self.model.rowCount() - 1))
        self._update_count()

    def _fit_date_column(self, episodes: Sequence[Episode]) -> None:
        """Room for "(UTC-07:00)" once any time was recorded in another offset."""
        here = display.local_offset_now()
        if any(e.started_at.utcoffset() != here for e in episodes):
            sample = "Wed 30 Sep 2026  23:59 (UTC+10:30)__"
            width = self.table.fontMetrics().horizontalAdvance(sample)
            if self.table.columnWidth(COL_DATE) < width:
                self.table.setColumnWidth(COL_DATE, width)

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [int(self.model.data(i, EPISODE_ID_ROLE)) for i in sorted(rows, key=QModelIndex.row)]

    def shown_count(self) -> int:
        return self.model.rowCount()

    def select_episode(self, episode_id: int) -> bool:
        """Select (and scroll to) an episode, clearing filters that hide it."""
        if self.model.row_of(episode_id) is None and self.model.filter.is_active:
            self.clear_filters()
        return self._reselect([episode_id])

    def clear_filters(self) -> None:
        for widget in (self.search, self.period, self.flag_filter, self.place):
            widget.blockSignals(True)
        self.search.clear()
        self.period.setCurrentIndex(0)
        self.flag_filter.setCurrentIndex(0)
        self.place.setCurrentIndex(0)
        for widget in (self.search, self.period, self.flag_filter, self.place):
            widget.blockSignals(False)
        self._apply_filter()

    # -- building ---------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search notes, places, symptoms…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the journal")
        self._search_delay = QTimer(self, singleShot=True, interval=250)
        self._search_delay.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._search_delay.start)

        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        for text, days in PERIODS:
            self.period.addItem(text, days)
        self.first_date = self._date_edit("From date")
        self.last_date = self._date_edit("To date")
        self.first_date.setDate(QDate.currentDate().addMonths(-1))
        self.last_date.setDate(QDate.currentDate())

        self.flag_filter = QComboBox()
        self.flag_filter.setAccessibleName("Flag filter")
        for option in FlagFilter:
            self.flag_filter.addItem(option.value, option.name)

        self.place = QComboBox()
        self.place.setAccessibleName("Where filter")
        self.place.addItem("Anywhere", "")
        for key, text in PLACE_GROUPS.items():
            self.place.addItem(text, key)
        self.place.insertSeparator(self.place.count())
        for location in Location:  # named as in the editor's list
            self.place.addItem(location_name(location), str(location))

        self.clear_button = QPushButton("Clear filters")
        self.clear_button.clicked.connect(self.clear_filters)
        self.count_label = QLabel()

        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("x" * 16))
        for combo in (self.period, self.flag_filter, self.place):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(9)
            combo.currentIndexChanged.connect(self._apply_filter)
        for edit in (self.first_date, self.last_date):
            edit.dateChanged.connect(self._apply_filter)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.period)
        bar.addWidget(self.first_date)
        bar.addWidget(self.last_date)
        bar.addWidget(self.flag_filter)
        bar.addWidget(self.place)
        bar.addWidget(self.clear_button)

        self.table = self._make_table()
        self.status_line = QHBoxLayout()
        self.status_line.addWidget(self.count_label)
        self.status_line.addStretch(1)

        browse = QWidget()
        inner = QVBoxLayout(browse)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(bar)
        inner.addWidget(self.table, 1)
        inner.addLayout(self.status_line)

        self.empty_panel = EmptyJournalPanel()
        self.empty_panel.log_requested.connect(self.log_requested)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.empty_panel)
        self._stack.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self._stack)
        self._show_dates(False)
        self.setTabOrder(self.search, self.period)

    def _date_edit(self, name: str) -> DateField:
        return DateField(name)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName("Episodes")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSortIndicator(COL_DATE, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = table.fontMetrics()
        table.setColumnWidth(COL_FLAG, flag_column_width(table))
        widths = {
            COL_DATE: "Wed 30 Sep 2026  23:59__",
            COL_DURATION: "23 h 59 min__",
            COL_WHERE: "Left: foot top, toes; Right: sole____",
            COL_SEVERITY: "Severity__",
        }
        for column, sample in widths.items():
            table.setColumnWidth(column, metrics.horizontalAdvance(sample))
        table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        table.doubleClicked.connect(self._on_double_click)
        table.selectionModel().selectionChanged.connect(self.selection_changed)
        return table

    # -- behaviour --------------------------------------------------------

    def _on_double_click(self, index: QModelIndex) -> None:
        episode_id = self.model.data(index, EPISODE_ID_ROLE)
        if episode_id is not None:
            self.edit_requested.emit(int(episode_id))

    def _show_dates(self, visible: bool) -> None:
        self.first_date.setVisible(visible)
        self.last_date.setVisible(visible)

    def current_filter(self) -> EpisodeFilter:
        days = self.period.currentData()
        first = last = None
        if days == -1:
            first = qdate_to_date(self.first_date.date())
            last = qdate_to_date(self.last_date.date())
        elif days:
            last = date.today()
            first = last - timedelta(days=int(days) - 1)
        return EpisodeFilter(
            first=first,
            last=last,
            flags=FlagFilter[str(self.flag_filter.currentData())],
            place=str(self.place.currentData() or ""),
            text=self.search.text().strip(),
        )

    def _apply_filter(self) -> None:
        self._search_delay.stop()
        self._show_dates(self.period.currentData() == -1)
        keep = self.selected_ids()
        self.model.set_filter(self.current_filter())
        self._reselect(keep)
        self._update_count()

    def _reselect(self, ids: list[int]) -> bool:
        selection = self.table.selectionModel()
        found = False
        for episode_id in ids:
            row = self.model.row_of(episode_id)
            if row is None:
                continue
            index = self.model.index(row, 0)
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            if not found:
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                selection.setCurrentIndex(index, flags)
                self.table.scrollTo(index)
                found = True
            else:
                selection.select(index, flags)
        return found

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(f"{shown:,} of {total:,} episodes match the filters")
        self.count_label.setVisible(self.model.filter.is_active)
        self.clear_button.setEnabled(self.model.filter.is_active)
        self.shown_changed.emit()


def flag_column_width(table: QTableView) -> int:
    """Room for the longest level's name as the table shows it: bold, after its icon."""
    bold = QFont(table.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    longest = max(metrics.horizontalAdvance(words.name) for words in LEVEL_WORDS.values())
    icon = table.iconSize().width() if table.iconSize().isValid() else metrics.height()
    return longest + icon + 3 * metrics.averageCharWidth() + 12
