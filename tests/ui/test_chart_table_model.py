"""The numbers behind a chart as a table model: built from plain tables, no journal."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from numbjournal.report.figures.tables import Table
from numbjournal.ui.chart_table_model import ChartTableModel

WEEKS = Table(
    columns=("week_start", "episodes", "flagged"),
    headings=("Week of", "Episodes", "Flagged"),
    rows=((date(2026, 11, 2), 2, 1), (date(2026, 11, 9), 0, None), (date(2026, 11, 16), 1, 0)),
)


def test_a_table_reads_as_the_csv_does_but_for_people(qtmodeltester: ModelTester) -> None:
    model = ChartTableModel()
    model.set_table(WEEKS)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 3
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headings == ["Week of", "Episodes", "Flagged"]
    assert model.texts() == [
        ["Mon 2 Nov 2026", "2", "1"],
        ["Mon 9 Nov 2026", "0", "\u2013"],
        ["Mon 16 Nov 2026", "1", "0"],
    ]


def test_numbers_are_right_aligned_names_are_not() -> None:
    model = ChartTableModel()
    model.set_table(WEEKS)
    align = Qt.ItemDataRole.TextAlignmentRole
    assert model.data(model.index(0, 0), align) is None
    assert model.data(model.index(0, 1), align) & Qt.AlignmentFlag.AlignRight


def test_no_table_empties_the_model(qtmodeltester: ModelTester) -> None:
    model = ChartTableModel()
    model.set_table(WEEKS)
    model.set_table(None)
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.columnCount() == 0
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None
