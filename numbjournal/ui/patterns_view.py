"""The Patterns tab's behaviour: which chart, which range, redrawn in place, saved on request.

matplotlib is imported with this module, and the main window imports this
module only when the tab is first opened, so the window starts as fast
without it. The figures come from ``report.figures``, the same builders the
command line and the doctor summary use. The widgets are laid out by
:class:`PatternsLayout` (``patterns_layout.py``); the ranges and the key
numbers line are plain functions in ``patterns_presets.py``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import shiboken6
from matplotlib.backend_bases import MouseEvent
from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QWidget

from ..core import patterns
from ..core.errors import NumbjournalError
from ..core.store import Journal
from ..report.figures import CHARTS, Chart
from ..report.figures.base import hover_text
from ..report.figures.export import save_figure, save_table
from . import dialogs
from .patterns_layout import SAVE_SIZE, PatternsLayout
from .patterns_presets import Preset, Range, key_numbers_text, preset_range

__all__ = ["PatternsView", "Preset", "key_numbers_text", "preset_range"]

DEFAULT_CHART = "frequency"
SAVE_FILTERS = "PNG image (*.png);;SVG image (*.svg);;Numbers as CSV (*.csv)"
UNREADABLE = "Could not read the journal"
RETRY = "The chart will be drawn again when the journal changes."


class _FlagSignals(QObject):
    done = Signal(object, int, object)  # range, journal generation, flagged ids
    failed = Signal(object, int, str)


class _FlagTask(QRunnable):
    def __init__(self, journal: Journal, key: Range, generation: int, signals: _FlagSignals):
        super().__init__()
        self.journal, self.key, self.generation, self.signals = journal, key, generation, signals

    def run(self) -> None:
        try:
            # Reads only: the window's service owns every write to the journal.
            ids = patterns.flagged_episode_ids(self.journal, *self.key, remember_them=False)
        except Exception as exc:  # a worker thread has no one else to tell
            self.signals.failed.emit(self.key, self.generation, str(exc))
            return
        self.signals.done.emit(self.key, self.generation, ids)


class PatternsView(PatternsLayout):
    """Loads each chart's numbers for the chosen range, draws them and keeps them current."""

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
        # Per range (and chart), until the journal changes: the costly parts of a redraw.
        self._flagged: dict[Range, frozenset[int]] = {}
        self._numbers: dict[Range, patterns.KeyNumbers] = {}
        self._loaded: dict[tuple[str, Range], Any] = {}
        self._pending: set[Range] = set()
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._flag_signals = _FlagSignals()
        self._flag_signals.done.connect(self._flags_checked)
        self._flag_signals.failed.connect(self._flags_failed)
        self._dirty = True
        self._setting_dates = False

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)

        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("figure_leave_event", lambda _event: self.show_tip(None))
        self.chart_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.range_box.currentIndexChanged.connect(self._preset_changed)
        self.first_edit.dateChanged.connect(self._custom_changed)
        self.last_edit.dateChanged.connect(self._custom_changed)
        self.save_button.clicked.connect(self.save)

        self._journal_saved.connect(self.journal_changed)
        listener = _weak_listener(self)
        journal.add_listener(listener)
        self.destroyed.connect(lambda *_: journal.remove_listener(listener))
        self._set_custom_dates(*self._default_range())
        self.refresh()

    # -- what is shown -----------------------------------------------------

    @property
    def chart(self) -> Chart:
        return CHARTS[str(self.chart_box.currentData())]

    def date_range(self) -> Range:
        preset = self.range_box.currentData()
        if preset is Preset.CUSTOM:
            return self.typed_dates()
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
        key = self.date_range()
        if chart.name == "frequency" and key not in self._flagged:
            if self._flagged_ids is not None:
                self._flagged[key] = self._flagged_ids()
                self.refresh()
                return
            self._data = None
            self._check_flags(key)
            return
        theme = self.theme
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = self._data = self._load(chart, key)
            numbers = self._numbers.get(key)
            if numbers is None:
                numbers = self._numbers[key] = patterns.key_numbers(self.journal, *key)
            self.canvas.show_chart(
                (chart.name, key, self._generation, theme),
                lambda figure: chart.build(data, theme=theme, figure=figure),
            )
        except NumbjournalError as exc:
            self._show_failure(chart, str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.description.setText(chart.description)
        self.summary.setText(key_numbers_text(numbers))
        self.numbers.set_table(chart.table(data))

    def _show_failure(self, chart: Chart, message: str) -> None:
        """A journal that cannot be read right now (locked, disk error): say so, keep going."""
        self._data = None
        self._dirty = True
        self.description.setText(chart.description)
        self.numbers.set_table(None)
        self.show_message(UNREADABLE, message, summary=RETRY)

    def _load(self, chart: Chart, key: Range) -> Any:
        data = self._loaded.get((chart.name, key))
        if data is None:
            if chart.name == "frequency":
                data = patterns.frequency(self.journal, *key, flagged=self._flagged[key])
            else:
                data = chart.load(self.journal, *key)
            self._loaded[(chart.name, key)] = data
        return data

    def closeEvent(self, event: QCloseEvent) -> None:
        """Wait for the rules running in the background: they read the journal, which
        whoever opened this view may close next."""
        self._pool.clear()
        self._pool.waitForDone()
        super().closeEvent(event)

    @property
    def loading(self) -> bool:
        """Whether the medical-help rules are still running for a range in the background."""
        return bool(self._pending)

    def _check_flags(self, key: Range) -> None:
        """Run the rules over the range's episodes off the window's thread (slow for years)."""
        self.show_message(
            "Counting…", summary="Checking which episodes match a medical-help criterion…"
        )
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
        self.show_message(UNREADABLE, message, summary=RETRY)

    # -- reacting ----------------------------------------------------------

    def journal_changed(self) -> None:
        """Called after every saved change: redraw soon if shown, else when next shown."""
        self._flagged.clear()
        self._numbers.clear()
        self._loaded.clear()
        self.canvas.forget()
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

    def _preset_changed(self) -> None:
        custom = self.range_box.currentData() is Preset.CUSTOM
        if custom:
            self._set_custom_dates(*self._shown_range())
        self.show_custom(custom)
        self.refresh()

    def _custom_changed(self) -> None:
        if self.range_box.currentData() is Preset.CUSTOM and not self._setting_dates:
            self._refresh_timer.start()

    def _default_range(self) -> tuple[date, date]:
        today = self._today()
        return today - timedelta(days=89), today

    def _shown_range(self) -> tuple[date, date]:
        span = getattr(self._data, "span", None)
        if isinstance(span, patterns.DateRange):
            return span.first, span.last
        return self._default_range()

    def _set_custom_dates(self, first: date, last: date) -> None:
        self._setting_dates = True
        try:
            # Days still to come would thin out "a week" and stretch the axis.
            self.show_dates(first, last, latest=self._today())
        finally:
            self._setting_dates = False

    def _on_motion(self, event: MouseEvent) -> None:
        if self.canvas.figure_ready():  # the event was about the chart drawn before
            return
        self.show_tip(hover_text(self.canvas.figure, event))

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


def _weak_listener(view: PatternsView) -> Callable[[], None]:
    """A journal listener that does not keep the view alive nor call a deleted one."""
    ref = weakref.ref(view)

    def changed() -> None:
        target = ref()
        if target is not None and shiboken6.isValid(target):
            target._journal_saved.emit()

    return changed
