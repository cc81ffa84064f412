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

from .context import RunContext, need
from .harness import Row, run_probe

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
