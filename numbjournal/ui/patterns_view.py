"""The Patterns tab: one chart at a time, for a chosen range, redrawn in place.

matplotlib is imported with this module, and the main window imports this
module only when the tab is first opened, so the window starts as fast
without it. The figures come from ``report.figures``, the same builders the
command line and the doctor summary use; this widget only picks the chart
and the range, shows the numbers and saves files.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import date, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

import shiboken6
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QDate, QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core import patterns, words
from ..core.errors import NumbjournalError
from ..core.store import Journal
from ..report.figures import CHARTS, Chart
from ..report.figures.base import hover_text
from ..report.figures.export import save_figure, save_table
from . import dialogs

DEFAULT_CHART = "frequency"
SAVE_SIZE = (8.0, 4.5)
SAVE_FILTERS = "PNG image (*.png);;SVG image (*.svg);;Numbers as CSV (*.csv)"


Range = tuple[date | None, date | None]


class _FlagSignals(QObject):
    done = Signal(object, int, object)  # range, journal generation, flagged ids
    failed = Signal(object, int, str)


class _FlagTask(QRunnable):
    def __init__(self, journal: Journal, key: Range, generation: int, signals: _FlagSignals):
        super().__init__()
        self.journal, self.key, self.generation, self.signals = journal, key, generation, signals

    def run(self) -> None:
        try:
            ids = patterns.flagged_episode_ids(self.journal, *self.key)
        except Exception as exc:  # a worker thread has no one else to tell
            self.signals.failed.emit(self.key, self.generation, str(exc))
            return
        self.signals.done.emit(self.key, self.generation, ids)


class Preset(Enum):
    DAYS_30 = "Last 30 days"
    DAYS_90 = "Last 90 days"
    YEAR = "Last 12 months"
    ALL = "All episodes"
    CUSTOM = "Custom…"


def preset_range(preset: Preset, today: date) -> tuple[date | None, date | None]:
    """The days a preset covers, ending today; ``ALL`` leaves both ends open."""
    if preset is Preset.DAYS_30:
        return today - timedelta(days=29), today
    if preset is Preset.DAYS_90:
        return today - timedelta(days=89), today
    if preset is Preset.YEAR:
        return today.replace(year=today.year - 1) + timedelta(days=1), today
    return None, None


def key_numbers_text(numbers: patterns.KeyNumbers) -> str:
    """One line of the numbers a doctor asks first, for the chosen range."""
    now = numbers.current
    if now is None or now.episodes == 0:
        return "No episodes in this range."
    parts = [words.count(now.episodes, "episode")]
    parts.append(f"{words.count(now.days_affected, 'day')} affected")
    if now.per_week is not None:
        parts.append(f"{now.per_week:.1f} a week")
    if now.median_duration is not None:
        parts.append(f"median {words.duration(now.median_duration)}")
    if now.longest_duration is not None:
        parts.append(f"longest {words.duration(now.longest_duration)}")
    if now.median_severity is not None:
        parts.append(f"median severity {now.median_severity:g}/10")
    return " · ".join(parts) + "\n" + numbers.describe_change()


class PatternsView(QWidget):
    """Chart picker, range presets, the chart, its numbers, and saving."""

    # Journal listeners run on whichever thread wrote; this hops to the window's.
    _journal_saved = Signal()

    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        flagged_ids: Callable[[], frozenset[int]] | None = None,
    ) -> None:
        """``flagged_ids``: every flagged episode's id, from a caller that already
        keeps the journal's flags (the window's service), so the frequency chart
        need not run the rules again; without it they run in the background.
        """
        super().__init__(parent)
        self.journal = journal
        self._today = today
        self._flagged_ids = flagged_ids
        self._data: Any = None
        # Per range, until the journal changes: the costly parts of a redraw.
        self._flagged: dict[Range, frozenset[int]] = {}
        self._numbers: dict[Range, patterns.KeyNumbers] = {}
        self._pending: set[Range] = set()
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._flag_signals = _FlagSignals()
        self._flag_signals.done.connect(self._flags_checked)
        self._flag_signals.failed.connect(self._flags_failed)
        self._dirty = True
        self._setting_dates = False
        self.last_tooltip: str | None = None

        self.chart_box = QComboBox()
        for chart in CHARTS.values():
            self.chart_box.addItem(f"{chart.title} ({chart.name.replace('_', ' ')})", chart.name)
        self.chart_box.setAccessibleName("Chart")
        self.range_box = QComboBox()
        for preset in Preset:
            self.range_box.addItem(preset.value, preset)
        self.range_box.setCurrentIndex(list(Preset).index(Preset.DAYS_90))
        self.range_box.setAccessibleName("Date range")
        self.first_edit = _date_edit("First day shown")
        self.last_edit = _date_edit("Last day shown")
        self.numbers_button = QPushButton("Show the &numbers")
        self.numbers_button.setCheckable(True)
        self.save_button = QPushButton("&Save as PNG/SVG…")
        self.save_button.setToolTip(
            "Save this chart as a picture (PNG or SVG, light colours) or its numbers as CSV"
        )

        chart_label = QLabel("&Chart:")
        chart_label.setBuddy(self.chart_box)
        range_label = QLabel("&Range:")
        range_label.setBuddy(self.range_box)
        self.to_label = QLabel("to")
        controls = QHBoxLayout()
        for widget in (chart_label, self.chart_box, range_label, self.range_box):
            controls.addWidget(widget)
        controls.addWidget(self.first_edit)
        controls.addWidget(self.to_label)
        controls.addWidget(self.last_edit)
        controls.addStretch(1)
        controls.addWidget(self.numbers_button)
        controls.addWidget(self.save_button)

        self.description = QLabel()
        self.description.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.canvas: Any = _Canvas(Figure(figsize=SAVE_SIZE, layout="constrained"))
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(260)
        self.canvas.setAccessibleName("Chart")
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("figure_leave_event", lambda _event: self._show_tip(None))

        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName("The numbers behind the chart")
        self.table.setVisible(False)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.canvas)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.description)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)

        self.chart_box.currentIndexChanged.connect(self._chart_changed)
        self.range_box.currentIndexChanged.connect(self._preset_changed)
        self.first_edit.dateChanged.connect(self._custom_changed)
        self.last_edit.dateChanged.connect(self._custom_changed)
        self.numbers_button.toggled.connect(self._toggle_numbers)
        self.save_button.clicked.connect(self.save)

        self._journal_saved.connect(self.journal_changed)
        listener = _weak_listener(self)
        journal.add_listener(listener)
        self.destroyed.connect(lambda *_: journal.remove_listener(listener))
        now = self._today()
        self._set_custom_dates(now - timedelta(days=89), now)
        self._show_custom(False)
        self.refresh()

    # -- what is shown -----------------------------------------------------

    @property
    def chart(self) -> Chart:
        return CHARTS[str(self.chart_box.currentData())]

    @property
    def theme(self) -> str:
        window = self.palette().color(QPalette.ColorRole.Window)
        return "dark" if window.lightness() < 128 else "light"

    def date_range(self) -> tuple[date | None, date | None]:
        preset = self.range_box.currentData()
        if preset is Preset.CUSTOM:
            first: date = self.first_edit.date().toPython()  # type: ignore[assignment]
            last: date = self.last_edit.date().toPython()  # type: ignore[assignment]
            return (first, last) if first <= last else (last, first)
        return preset_range(preset, self._today())

    def select_chart(self, name: str) -> None:
        self.chart_box.setCurrentIndex(self.chart_box.findData(name))

    def select_range(
        self, preset: Preset, first: date | None = None, last: date | None = None
    ) -> None:
        """Choose a preset; ``CUSTOM`` with both dates shows exactly those days."""
        self.range_box.setCurrentIndex(list(Preset).index(preset))
        if preset is Preset.CUSTOM and first is not None and last is not None:
            self._set_custom_dates(first, last)
            self.refresh()

    def refresh(self) -> None:
        """Load the chart's numbers for the range and redraw it in the same canvas."""
        self._refresh_timer.stop()
        self._dirty = False
        chart = self.chart
        first, last = self.date_range()
        if chart.name == "frequency" and (first, last) not in self._flagged:
            if self._flagged_ids is not None:
                self._flagged[(first, last)] = self._flagged_ids()
                self.refresh()
                return
            self._data = None
            self._check_flags((first, last))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._data = self._load(chart, first, last)
            numbers = self._numbers.get((first, last))
            if numbers is None:
                numbers = patterns.key_numbers(self.journal, first, last)
                self._numbers[(first, last)] = numbers
            chart.build(self._data, theme=self.theme, figure=self.canvas.figure)
        except NumbjournalError as exc:
            self._show_failure(chart, exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.description.setText(chart.description)
        self.summary.setText(key_numbers_text(numbers))
        self._fill_table(chart)
        self.canvas.draw_idle()

    def _show_failure(self, chart: Chart, exc: NumbjournalError) -> None:
        """A journal that cannot be read right now (locked, disk error): say so, keep going."""
        self._data = None
        self._dirty = True
        figure = self.canvas.figure
        figure.clear()
        figure.text(0.5, 0.55, "Could not read the journal", ha="center", fontsize=14)
        figure.text(0.5, 0.45, str(exc)[:200], ha="center", fontsize=9)
        self.description.setText(chart.description)
        self.summary.setText("The chart will be drawn again when the journal changes.")
        self.table.setRowCount(0)
        self.canvas.draw_idle()

    def _load(self, chart: Chart, first: date | None, last: date | None) -> Any:
        if chart.name != "frequency":
            return chart.load(self.journal, first, last)
        return patterns.frequency(self.journal, first, last, flagged=self._flagged[(first, last)])

    @property
    def loading(self) -> bool:
        """Whether the medical-help rules are still running for a range in the background."""
        return bool(self._pending)

    def _check_flags(self, key: Range) -> None:
        """Run the rules over the range's episodes off the window's thread (slow for years)."""
        figure = self.canvas.figure
        figure.clear()
        figure.text(0.5, 0.5, "Counting…", ha="center", va="center", fontsize=12)
        self.summary.setText("Checking which episodes match a medical-help criterion…")
        self.canvas.draw_idle()
        if key in self._pending:
            return
        self._pending.add(key)
        self._pool.start(_FlagTask(self.journal, key, self._generation, self._flag_signals))

    def _flags_checked(self, key: Range, generation: int, ids: frozenset[int]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(key)
        self._flagged[key] = ids
        if self.chart.name == "frequency" and self.date_range() == key:
            self.refresh()

    def _flags_failed(self, key: Range, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._pending.discard(key)
        self._dirty = True
        figure = self.canvas.figure
        figure.clear()
        figure.text(0.5, 0.55, "Could not read the journal", ha="center", fontsize=14)
        figure.text(0.5, 0.45, message[:200], ha="center", fontsize=9)
        self.summary.setText("The chart will be drawn again when the journal changes.")
        self.canvas.draw_idle()

    def _fill_table(self, chart: Chart) -> None:
        table = chart.table(self._data)
        self.table.clear()
        self.table.setColumnCount(len(table.headings))
        self.table.setHorizontalHeaderLabels(list(table.headings))
        rows = table.display_rows()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c > 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    # -- reacting ----------------------------------------------------------

    def journal_changed(self) -> None:
        """Called after every saved change: redraw soon if shown, else when next shown."""
        self._flagged.clear()
        self._numbers.clear()
        self._pending.clear()
        self._generation += 1
        self._dirty = True
        if self.isVisible():
            self._refresh_timer.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty:
            self._refresh_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._dirty = True
            self._refresh_timer.start()

    def _chart_changed(self) -> None:
        self.refresh()

    def _preset_changed(self) -> None:
        custom = self.range_box.currentData() is Preset.CUSTOM
        if custom:
            first, last = self._shown_range()
            self._set_custom_dates(first, last)
        self._show_custom(custom)
        self.refresh()

    def _custom_changed(self) -> None:
        if self.range_box.currentData() is Preset.CUSTOM and not self._setting_dates:
            self._refresh_timer.start()

    def _shown_range(self) -> tuple[date, date]:
        span = getattr(self._data, "span", None)
        if isinstance(span, patterns.DateRange):
            return span.first, span.last
        today = self._today()
        return today - timedelta(days=89), today

    def _set_custom_dates(self, first: date, last: date) -> None:
        self._setting_dates = True
        try:
            # Days still to come would thin out "a week" and stretch the axis.
            today = self._today()
            for edit in (self.first_edit, self.last_edit):
                edit.setMaximumDate(QDate(today.year, today.month, today.day))
            self.first_edit.setDate(QDate(first.year, first.month, first.day))
            self.last_edit.setDate(QDate(last.year, last.month, last.day))
        finally:
            self._setting_dates = False

    def _show_custom(self, shown: bool) -> None:
        for widget in (self.first_edit, self.to_label, self.last_edit):
            widget.setVisible(shown)

    def _toggle_numbers(self, shown: bool) -> None:
        self.table.setVisible(shown)
        self.numbers_button.setText("Hide the &numbers" if shown else "Show the &numbers")

    def _on_motion(self, event: MouseEvent) -> None:
        self._show_tip(hover_text(self.canvas.figure, event))

    def _show_tip(self, text: str | None) -> None:
        """Qt shows the canvas's tooltip when the mouse rests; an open one follows along."""
        self.last_tooltip = text
        self.canvas.setToolTip(text or "")
        if QToolTip.isVisible():
            if text:
                QToolTip.showText(QCursor.pos(), text, self.canvas)
            else:
                QToolTip.hideText()

    # -- saving ------------------------------------------------------------

    def save(self) -> Path | None:
        """Ask where, then write the chart (PNG/SVG, light colours) or its numbers (CSV)."""
        chart = self.chart
        first, last = self.date_range()
        suggested = Path.home() / f"numbjournal-{chart.name}-{self._today():%Y-%m-%d}.png"
        path = dialogs.save_path(self, "Save chart", suggested, SAVE_FILTERS)
        if path is None:
            return None
        if path.suffix.lower() not in (".png", ".svg", ".csv"):
            path = path.with_suffix(".png")
        try:
            if path.suffix.lower() == ".csv":
                save_table(chart.csv_table(self.journal, first, last), path)
            else:
                data = self._data
                if data is None:  # still counting, or the last read failed: read it now
                    data = chart.load(self.journal, first, last)
                figure = chart.build(data, theme="light", size=SAVE_SIZE)
                save_figure(figure, path, theme="light")
        except NumbjournalError as exc:
            dialogs.show_error(self, "Could not save the chart", str(exc))
            return None
        return path


# matplotlib's Qt canvas is untyped; the view talks to it through this alias.
_Canvas: Any = FigureCanvasQTAgg


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setAccessibleName(name)
    first, last = patterns.EARLIEST_DAY, patterns.LATEST_DAY
    edit.setDateRange(QDate(first.year, first.month, first.day), QDate(last.year, 12, 31))
    return edit


def _weak_listener(view: PatternsView) -> Callable[[], None]:
    """A journal listener that does not keep the view alive nor call a deleted one."""
    ref = weakref.ref(view)

    def changed() -> None:
        target = ref()
        if target is not None and shiboken6.isValid(target):
            target._journal_saved.emit()

    return changed
