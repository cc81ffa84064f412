"""The Patterns tab's widgets and their arrangement, without behaviour.

:class:`PatternsLayout` builds and places the controls, the chart canvas and
the numbers table, and offers small ways to show a state (a message in the
chart, the custom dates, the table). What happens when they change is
``patterns_view.PatternsView``'s business, which subclasses this layout.
"""

from __future__ import annotations

from datetime import date

from matplotlib.figure import Figure
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QCursor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core import patterns
from ..report.figures import CHARTS
from .chart_canvas import ChartCanvas
from .chart_table_model import ChartTableModel
from .forms import DateField
from .patterns_presets import Preset

SAVE_SIZE = (8.0, 4.5)
COLUMN_WIDTH_ROWS = 100


class PatternsLayout(QWidget):
    """Chart picker, range presets and dates, the chart, its numbers, the save button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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

        self.canvas = ChartCanvas(Figure(figsize=SAVE_SIZE, layout="constrained"))
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(260)
        self.canvas.setAccessibleName("Chart")

        self.numbers = ChartTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.numbers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Ten years is a thousand rows of like width: fit the columns to the first hundred.
        self.table.horizontalHeader().setResizeContentsPrecision(COLUMN_WIDTH_ROWS)
        self.table.setAccessibleName("The numbers behind the chart")

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
        self.numbers_button.toggled.connect(self.show_numbers)
        self.show_numbers(False)
        self.show_custom(False)

    # -- showing a state -----------------------------------------------------

    @property
    def theme(self) -> str:
        """The charts' colours that suit the window's palette."""
        window = self.palette().color(QPalette.ColorRole.Window)
        return "dark" if window.lightness() < 128 else "light"

    def show_message(self, title: str, detail: str = "", *, summary: str = "") -> None:
        """A message where the chart goes (counting, or a journal that cannot be read)."""
        self.canvas.show_drawing()
        figure = self.canvas.figure
        figure.clear()
        if detail:
            figure.text(0.5, 0.55, title, ha="center", fontsize=14)
            figure.text(0.5, 0.45, detail[:200], ha="center", fontsize=9)
        else:
            figure.text(0.5, 0.5, title, ha="center", va="center", fontsize=12)
        if summary:
            self.summary.setText(summary)
        self.canvas.draw_idle()

    def show_custom(self, shown: bool) -> None:
        for widget in (self.first_edit, self.to_label, self.last_edit):
            widget.setVisible(shown)

    def show_dates(self, first: date, last: date, *, latest: date) -> None:
        """Put ``first``..``last`` in the date fields, neither allowed after ``latest``."""
        for edit in (self.first_edit, self.last_edit):
            edit.setMaximumDate(_qdate(latest))
        self.first_edit.setDate(_qdate(first))
        self.last_edit.setDate(_qdate(last))

    def typed_dates(self) -> tuple[date, date]:
        """The custom dates as typed, earliest first."""
        first: date = self.first_edit.date().toPython()  # type: ignore[assignment]
        last: date = self.last_edit.date().toPython()  # type: ignore[assignment]
        return (first, last) if first <= last else (last, first)

    def show_numbers(self, shown: bool) -> None:
        # Fitting the columns while hidden measures every row: 80 ms for ten years, each chart.
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if shown else QHeaderView.ResizeMode.Interactive
        )
        self.table.setVisible(shown)
        self.numbers_button.setText("Hide the &numbers" if shown else "Show the &numbers")

    def show_tip(self, text: str | None) -> None:
        """Qt shows the canvas's tooltip when the mouse rests; an open one follows along."""
        self.last_tooltip = text
        self.canvas.setToolTip(text or "")
        if QToolTip.isVisible():
            if text:
                QToolTip.showText(QCursor.pos(), text, self.canvas)
            else:
                QToolTip.hideText()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(name: str) -> DateField:
    edit = DateField(name)
    first, last = patterns.EARLIEST_DAY, patterns.LATEST_DAY
    edit.setDateRange(_qdate(first), QDate(last.year, 12, 31))
    return edit
