"""Each chart for ten years (20,000 episodes): under 300 ms after the first.

Measured in a fresh process so that the first chart carries matplotlib's
import, as it does in the window; the figure for each chart after that is
its aggregation query plus building and drawing the figure. The SQL share
is shown in the note, to show the aggregation stays in SQLite.

The journal is a private copy with no remembered flags, so the first chart
(frequency) runs the rules over ten years, as the first after any change
does; the frequency charts after it reuse the flags the journal remembered,
as a second ``numbjournal chart frequency`` does.
"""

from __future__ import annotations

import contextlib
import sqlite3
import statistics
from pathlib import Path

from . import journals
from .context import RunContext, need
from .harness import Row, run_probe, timed

CHART_SIZE = 20_000


def forget_flags(path: Path) -> Path:
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("DELETE FROM flagged_memo")
    return path


def charts(ctx: RunContext) -> list[Row]:
    need("numbjournal.report.figures")
    journal = str(forget_flags(ctx.journal_copy(CHART_SIZE, "charts")))
    found = run_probe("charts", [journal, str(max(3, ctx.runs))], ctx.env())
    first_name, first_total, first_sql = found["first"]
    rows = [
        Row(
            f"first chart, {first_name} (10y)",
            first_total,
            samples=[first_total],
            peak_bytes=found["rss"],
            note=f"includes importing matplotlib and the rules; data {first_sql * 1000:.0f} ms",
        )
    ]
    frame = statistics.median(found["frame"])
    rows.append(
        Row(
            "  a chart's frame alone, no data",
            frame,
            samples=found["frame"],
            note="matplotlib's least for any chart here: same size and constrained layout, "
            "heading, subtitle, labelled ticks and a legend, drawn with Agg (probes.chart_frame)",
        )
    )
    for name, times in found["times"].items():
        sql = statistics.median(found["sql"][name])
        rows.append(
            Row(
                f"chart {name} (10y)",
                statistics.median(times),
                floor=frame,
                max_figure=0.300,
                samples=times,
                note=f"SQL aggregation {sql * 1000:.1f} ms of it"
                + ("; the flags remembered by the first" if name == "frequency" else ""),
            )
        )
    return rows


def window_charts(ctx: RunContext) -> list[Row]:
    """Each chart redrawn in the window's Patterns view, after the first (target 100 ms).

    In this process on Qt's offscreen platform: a ``PatternsView`` of the
    ten-year journal at the size the window gives it, over all ten years, with
    the flagged episodes handed in as the window's service does. Every chart
    is drawn once first (matplotlib's import, the first layout); then each
    redraw is what choosing the chart in the picker costs until its canvas has
    painted, with the journal unchanged: the canvas paints what it drew
    (``ui/chart_canvas.py``). The rows "after a change" tell the journal it
    changed before each choice, as a save does: the range's numbers, the
    figure built again in the same canvas, Agg's draw and the paint. The floor
    is a chart's frame alone (no data), drawn in the same rounds.
    """
    need("numbjournal.ui.patterns_view")
    from PySide6.QtWidgets import QApplication

    from numbjournal.core import patterns
    from numbjournal.report.figures import CHARTS
    from numbjournal.ui.patterns_view import PatternsView, Preset

    from .probes import chart_frame

    app = QApplication.instance() or QApplication(["benchmarks"])
    journal = journals.open_journal(ctx.journal_copy(CHART_SIZE, "window-charts"))
    flagged = patterns.flagged_episode_ids(journal, None, None)
    view = PatternsView(journal, flagged_ids=lambda: flagged)
    view.resize(1200, 620)
    view.show()

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    def redraw(name: str) -> float:
        return timed(lambda: (view.select_chart(name), settle()))

    def changed_then_redraw(name: str) -> float:
        view.journal_changed()
        return redraw(name)

    names = list(CHARTS)
    times: dict[str, list[float]] = {name: [] for name in names}
    changed: dict[str, list[float]] = {name: [] for name in names}
    frame: list[float] = []
    try:
        view.select_range(Preset.ALL)
        settle()
        for name in names:
            redraw(name)
        for _ in range(max(3, ctx.runs)):
            frame.append(chart_frame())
            for name in names:
                times[name].append(redraw(name))
        for _ in range(max(3, ctx.runs)):
            frame.append(chart_frame())
            for name in names:
                changed[name].append(changed_then_redraw(name))
    finally:
        view.close()
        view.deleteLater()
        settle()
        journal.close()
    floor = statistics.median(frame)
    return [
        Row(
            f"window redraw, {name} (10y)",
            statistics.median(times[name]),
            floor=floor,
            max_figure=0.100,
            samples=times[name],
            note="chosen again in the Patterns view's picker until painted; floor: a "
            "chart's frame alone, no data",
        )
        for name in names
    ] + [
        Row(
            f"  after a change, {name}",
            statistics.median(changed[name]),
            floor=floor,
            samples=changed[name],
            note="the journal changed, then the chart chosen: its numbers read, built and drawn",
        )
        for name in names
    ]
