"""Each chart for ten years (20,000 episodes): under 300 ms after the first.

Measured in a fresh process so that the first chart carries matplotlib's
import, as it does in the window; the figure for each chart after that is
its aggregation query plus building and drawing the figure. The SQL share
is shown in the note, to show the aggregation stays in SQLite.
"""

from __future__ import annotations

import statistics

from .context import RunContext, need
from .harness import Row, run_probe

CHART_SIZE = 20_000


def charts(ctx: RunContext) -> list[Row]:
    need("numbjournal.report.figures")
    journal = str(ctx.journal(CHART_SIZE))
    found = run_probe("charts", [journal, str(max(3, ctx.runs))], ctx.env())
    first_name, first_total, first_sql = found["first"]
    rows = [
        Row(
            f"first chart, {first_name} (10y)",
            first_total,
            samples=[first_total],
            peak_bytes=found["rss"],
            note=f"includes importing matplotlib; SQL {first_sql * 1000:.0f} ms",
        )
    ]
    for name, times in found["times"].items():
        sql = statistics.median(found["sql"][name])
        rows.append(
            Row(
                f"chart {name} (10y)",
                statistics.median(times),
                max_figure=0.300,
                samples=times,
                note=f"SQL aggregation {sql * 1000:.1f} ms of it",
            )
        )
    return rows
