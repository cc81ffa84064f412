"""How each cost grows from 1,000 to 100,000 episodes.

For every size the same operations are timed (median of a few runs) and the
growth exponent is fitted on a log-log scale: 1.0 is linear, 2.0 would mean
ten times the episodes take a hundred times as long. The pass mark is the
slope of the last step (largest two sizes), where anything quadratic would
show; a little slack (1.15) absorbs timing noise on a shared machine.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from numbjournal.core.validation import validate_episode

from . import journals
from .context import NotBuilt, RunContext, need
from .harness import Row, growth_exponent, timed

MAX_EXPONENT = 1.15
LAST_TABLE: dict[str, dict[str, float]] = {}
LAST_REPORT = ""


def _operations(ctx: RunContext, size: int) -> dict[str, Callable[[], float]]:
    """name -> one timed run, on a journal of ``size`` episodes."""
    source = ctx.journal(size)
    ops: dict[str, Callable[[], float]] = {}

    def open_close() -> float:
        return timed(lambda: journals.open_journal(source).close())

    ops["open the journal (checks)"] = open_close

    def load() -> float:
        with journals.open_journal(source) as journal:
            return timed(journal.episodes)

    ops["load all episodes"] = load

    try:
        triage = need("numbjournal.core.triage")

        def flags() -> float:
            with journals.open_journal(source) as journal:
                episodes = journal.episodes()
                profile, settings = journal.profile(), triage.load_settings(journal)
                return timed(lambda: triage.evaluate_journal(episodes, profile, settings))

        ops["flags (evaluate_journal)"] = flags

        copy = ctx.journal_copy(size, f"scaling-save-{size}")
        drafts = iter(journals.generate_episodes(50, seed=size))

        def save() -> float:
            now = datetime(2026, 11, 25, tzinfo=UTC)
            with journals.open_journal(copy) as journal:
                profile, settings = journal.profile(), triage.load_settings(journal)

                def one() -> None:
                    draft = next(drafts)
                    validate_episode(draft, now=now)
                    triage.evaluate_episode(draft, profile, settings, now=now)
                    journal.add(draft)

                one()
                return timed(one)

        ops["save one episode"] = save
    except NotBuilt:
        pass

    try:
        figures = need("numbjournal.report.figures")

        def aggregate() -> float:
            with journals.open_journal(source) as journal:
                return timed(lambda: [c.load(journal, None, None) for c in figures.CHARTS.values()])

        ops["chart data, all charts (SQL)"] = aggregate
    except NotBuilt:
        pass

    try:
        formats = need("numbjournal.core.formats.json_file")
        json_path = journals.cached_json(size, ctx.seed)
        counter = iter(range(100))

        def import_json() -> float:
            target = journals.empty_journal(ctx.scratch / f"scaling-import-{size}-{next(counter)}")
            with journals.open_journal(target) as journal:

                def run() -> None:
                    parsed = formats.parse_json(json_path.read_text(encoding="utf-8"), "bench")
                    journal.import_all(parsed.episodes, parsed.conditions)

                seconds = timed(run)
            target.unlink()
            return seconds

        ops["import JSON"] = import_json
    except NotBuilt:
        pass
    return ops


def scaling(ctx: RunContext) -> list[Row]:
    global LAST_REPORT
    sizes = ctx.scaling_sizes
    table: dict[str, dict[str, float]] = {}
    for size in sizes:
        runs = 3 if size <= 20_000 else 2
        for name, op in _operations(ctx, size).items():
            op()  # warm-up: statement cache, OS file cache
            table.setdefault(name, {})[str(size)] = statistics.median(op() for _ in range(runs))
    LAST_TABLE.clear()
    LAST_TABLE.update(table)
    LAST_REPORT = format_scaling(sizes, table)
    rows = []
    for name, by_size in table.items():
        points = [(int(s), t) for s, t in by_size.items()]
        last = points[-2:]
        slope = growth_exponent([p[0] for p in last], [p[1] for p in last])
        rows.append(
            Row(
                f"growth: {name}",
                slope,
                unit="exp",
                max_figure=MAX_EXPONENT,
                note=f"exponent {sizes[-2]}->{sizes[-1]}; fit over all sizes "
                f"{growth_exponent(*zip(*points, strict=True)):.2f}",
            )
        )
    return rows


def format_scaling(sizes: tuple[int, ...], table: dict[str, dict[str, Any]]) -> str:
    if not table:
        return ""
    head = ["scaling (ms)", *(f"{s:,}" for s in sizes), "exponent (fit)", "last step"]
    lines = [head]
    for name, by_size in table.items():
        times = [by_size[str(s)] for s in sizes]
        fit = growth_exponent(sizes, times)
        last = growth_exponent(sizes[-2:], times[-2:])
        lines.append(
            [name, *(f"{t * 1000:.1f}" for t in times), _exp(fit), _exp(last)],
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = [
        "",
        *("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines),
    ]
    out.insert(2, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def _exp(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.2f}"
