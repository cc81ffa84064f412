"""The journal view: opening it, sorting by a column and filtering, on 20k and 100k.

Runs in this process on Qt's offscreen platform. "Open" is what the window
does for the Journal tab: a fresh JournalService (episodes and their flags
read once), the JournalView widget built, shown and painted. Sorting and
filtering go through the table the way a click on a header or typing in
the search box does, and include repainting the visible rows.
"""

from __future__ import annotations

import statistics
from typing import Any

from . import floors, journals
from .context import RunContext, need
from .harness import Row, median_of, python_peak, timed

SEARCH_WORD = "drive"


class _ViewBench:
    """One journal size: a bare copy for the floors, and fresh views on demand."""

    def __init__(self, ctx: RunContext, size: int) -> None:
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication(["benchmarks"])
        self.bare = floors.BareJournal(ctx.scratch, ctx.episodes(size))
        self.journal = journals.open_journal(ctx.journal(size))
        self.widget: Any = None

    def close(self) -> None:
        self._drop()
        self.journal.close()
        self.bare.close()

    def _drop(self) -> None:
        if self.widget is not None:
            self.widget.close()
            self.widget.deleteLater()
            self.widget = None
            self.app.processEvents()

    def open_view(self) -> None:
        from numbjournal.ui.journal_view import JournalView
        from numbjournal.ui.service import JournalService

        self.widget = JournalView(JournalService(self.journal))
        self.widget.resize(1100, 700)
        self.widget.show()
        self.app.processEvents()

    def timed_open(self) -> float:
        self._drop()
        return timed(self.open_view)

    def timed_sort(self) -> float:
        """The first click on the Severity header of a freshly opened view."""
        from PySide6.QtCore import Qt

        from numbjournal.ui.journal_model import COL_SEVERITY

        self._drop()
        self.open_view()
        table = self.widget.table
        return timed(
            lambda: (
                table.sortByColumn(COL_SEVERITY, Qt.SortOrder.DescendingOrder),
                self.app.processEvents(),
            )
        )

    def timed_search(self) -> float:
        """The first search typed into a freshly opened view."""
        from numbjournal.ui.journal_model import EpisodeFilter

        self._drop()
        self.open_view()
        model = self.widget.model
        return timed(
            lambda: (model.set_filter(EpisodeFilter(text=SEARCH_WORD)), self.app.processEvents())
        )


def view(ctx: RunContext, sizes: tuple[int, ...]) -> list[Row]:
    need("numbjournal.ui.journal_view")
    rows: list[Row] = []
    for size in sizes:
        rows += _view_rows(ctx, size)
    return rows


def _view_rows(ctx: RunContext, size: int) -> list[Row]:
    bench = _ViewBench(ctx, size)
    bare = bench.bare
    runs = ctx.runs if size <= 20_000 else max(2, ctx.runs - 2)
    try:
        bench.timed_open()
        open_times, open_floor = median_of(
            runs, bench.timed_open, lambda: bare.query_seconds(order="e.started_at DESC, e.id DESC")
        )
        peak = python_peak(bench.timed_open)
        sort_times, sort_floor = median_of(
            runs,
            bench.timed_sort,
            lambda: bare.query_seconds(order="e.severity DESC, e.started_at DESC"),
        )
        where = f"WHERE e.notes LIKE '%{SEARCH_WORD}%'"
        filter_times, filter_floor = median_of(
            runs,
            bench.timed_search,
            lambda: bare.query_seconds(where=where, order="e.started_at DESC"),
        )
    finally:
        bench.close()
    label = f"{size // 1000}k"
    return [
        Row(
            f"journal view: open ({label})",
            statistics.median(open_times),
            floor=statistics.median(open_floor),
            max_ratio=3,
            peak_bytes=peak,
            samples=open_times,
            note="JournalService + JournalView shown and painted (episodes, flags, "
            "model); floor: bare query of the same rows, newest first",
        ),
        Row(
            f"journal view: sort ({label})",
            statistics.median(sort_times),
            floor=statistics.median(sort_floor),
            max_ratio=3,
            samples=sort_times,
            note="first click on Severity after opening, repaint; "
            "floor: bare query ORDER BY severity",
        ),
        Row(
            f"journal view: filter ({label})",
            statistics.median(filter_times),
            floor=statistics.median(filter_floor),
            max_ratio=3,
            samples=filter_times,
            note=f"first search for {SEARCH_WORD!r} after opening, repaint; "
            "floor: bare query WHERE notes LIKE",
        ),
    ]


def window_save(ctx: RunContext) -> list[Row]:
    """Saving one episode the way the editor does in the window, views refreshed.

    ``JournalService.add`` (validation and commit, undo entry) with the main
    window shown, then the events it queues (table, flags and counts
    refreshed) are processed: what a person waits for after pressing Save.
    At 20,000 episodes, and at 100,000 unless ``--quick``. Each size also
    shows what repainting the same rows costs with nothing saved: a new row
    at the top moves every visible row, so no save can paint less.
    """
    need("numbjournal.ui.main_window")
    from .items_core import SAVE_SIZE

    sizes = (SAVE_SIZE,) if ctx.quick else (SAVE_SIZE, 100_000)
    rows: list[Row] = []
    for size in sizes:
        rows.extend(_window_save(ctx, size, 0.030 if size <= SAVE_SIZE else 0.100))
    return rows


def _window_save(ctx: RunContext, size: int, limit: float) -> list[Row]:
    from PySide6.QtWidgets import QApplication, QTableView

    from numbjournal.ui.main_window import MainWindow
    from numbjournal.ui.service import JournalService

    from .items_core import _drafts

    app = QApplication.instance() or QApplication(["benchmarks"])
    path = ctx.journal_copy(size, f"window-save-{size}")
    bare = floors.BareJournal(path.parent, ctx.episodes(size))
    runs = max(ctx.runs, 5)
    drafts = iter(_drafts(runs * 2 + 4))
    service = JournalService(journals.open_journal(path))
    window = MainWindow(service)
    window.resize(1100, 750)
    window.show()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def save() -> float:
        service.evaluate(draft := next(drafts))
        return timed(lambda: (service.add(draft), settle()))

    def repaint() -> float:
        table = next(t for t in window.findChildren(QTableView) if t.accessibleName() == "Episodes")
        return timed(lambda: (table.viewport().update(), settle()))

    try:
        settle()
        service.flags()  # loaded once when the window opens, as after start-up
        save()
        times, floor_times = median_of(runs, save, lambda: bare.insert_one_seconds(next(drafts)))
        repaints, _ = median_of(runs, repaint)
    finally:
        window.close()
        service.close()
        bare.close()
        settle()
    return [
        Row(
            f"save one episode in the window ({size // 1000}k)",
            statistics.median(times),
            floor=statistics.median(floor_times),
            max_figure=limit,  # the window repaints its rows: a bare INSERT is a reference
            samples=times,
            note="JournalService.add with the main window shown, until its views have "
            "refreshed; floor: bare one-row insert+commit",
        ),
        Row(
            "  the same rows repainted, nothing saved",
            statistics.median(repaints),
            samples=repaints,
            note="the Episodes table's visible rows painted again, the least a save "
            "that adds a row at the top repaints",
        ),
    ]
