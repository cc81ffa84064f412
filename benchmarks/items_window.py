"""Items measured in fresh processes: start-up, window memory, the PDF summary."""

from __future__ import annotations

import re
import statistics
import zlib
from pathlib import Path
from typing import Any

from .context import RunContext, need
from .harness import MB, Row, run_command_probe, run_probe

STARTUP_SIZE = 20_000
MEMORY_SIZE = 20_000
PDF_SIZE = 20_000


def startup(ctx: RunContext) -> list[Row]:
    """First painted main window with 20,000 episodes vs an empty QMainWindow."""
    need("numbjournal.ui.app")
    journal = str(ctx.journal_copy(STARTUP_SIZE, "startup"))
    env = ctx.env()
    run_probe("app_start", [journal], env)  # warm the OS file cache, as a second start would
    run_command_probe(["--db", journal], env)  # the same for the installed command
    floor, item, with_sa, item_rss, floor_rss, command = [], [], [], [], [], []
    # A single start varies by a quarter either way on a shared machine, the floor
    # as much as the app: twice the usual pairs (and one) before taking medians.
    for _ in range(2 * ctx.fresh_runs + 1):
        found = run_probe("window_floor", [], env)
        floor.append(found["elapsed"])
        floor_rss.append(found["rss"])
        found = run_probe("app_start", [journal], env)
        item.append(found["elapsed"])
        item_rss.append(found["rss"])
        command.append(run_command_probe(["--db", journal], env)["elapsed"])
        with_sa.append(run_probe("window_floor", ["no", "yes"], env)["elapsed"])
    stages = run_probe("startup_stages", [journal], env)
    return [
        Row(
            "start-up to first paint (20k)",
            statistics.median(item),
            floor=statistics.median(floor),
            max_ratio=2,
            peak_bytes=max(item_rss),
            samples=item,
            note="fresh process, spawn to the first painted frame showing rows; floor: empty "
            f"QMainWindow ({statistics.median(floor_rss) / MB:.0f} MB). Stages: "
            + stage_text(stages),
        ),
        Row(
            "  the numbjournal command (20k)",
            statistics.median(command),
            floor=statistics.median(floor),
            max_ratio=2,
            samples=command,
            note="the installed `numbjournal --db J` script, spawn to its first painted "
            "frame showing rows (watched from benchmarks/site_hook, no app change)",
        ),
        Row(
            "  empty window + import SQLAlchemy",
            statistics.median(with_sa),
            floor=statistics.median(floor),
            samples=with_sa,
            note="the least a window that reads through SQLAlchemy can cost",
        ),
    ]


def stage_text(found: dict[str, Any]) -> str:
    """ "import PySide6 +180 ms, ..." from a startup_stages probe report."""
    spawn = found["at"] - found["elapsed"]
    parts, previous = [], spawn
    for name, at, rss in found["stages"]:
        parts.append(f"{name} +{(at - previous) * 1000:.0f} ms ({rss / MB:.0f} MB)")
        previous = at
    return "; ".join(parts)


def window_memory(ctx: RunContext) -> list[Row]:
    """Peak RSS of the window with 20,000 episodes and every chart viewed once."""
    need("numbjournal.ui.app")
    need("numbjournal.ui.patterns_view")
    journal = str(ctx.journal_copy(MEMORY_SIZE, "memory"))
    _take_daily_backup(journal)
    env = ctx.env()
    floor_rss, item_rss, with_sa, plain, charts_seen = [], [], [], [], 0
    for _ in range(max(2, ctx.fresh_runs - 2)):
        floor_rss.append(run_probe("window_floor", ["yes", "no", "yes"], env)["rss"])
        with_sa.append(run_probe("window_floor", ["yes", "yes", "yes"], env)["rss"])
        plain.append(run_probe("window_floor", ["yes", "no", "no"], env)["rss"])
        found = run_probe("app_memory", [journal], env)
        item_rss.append(found["rss"])
        charts_seen = found.get("charts", 0)
    peak = statistics.median(item_rss)
    floor = statistics.median(floor_rss)
    return [
        Row(
            "window peak memory (20k, all charts)",
            peak,
            unit="MB",
            max_figure=300 * MB,
            peak_bytes=peak,
            samples=item_rss,
            note=f"peak RSS after viewing {charts_seen} charts over all ten years",
        ),
        Row(
            "journal's share of window memory",
            peak - floor,
            unit="MB",
            max_figure=50 * MB,
            peak_bytes=peak,
            note="window peak minus an empty QMainWindow with a matplotlib canvas drawn "
            f"({floor / MB:.0f} MB), both with PySide6's import scan keeping no source",
        ),
        Row(
            "  the same floor, PySide6's scan left as it is",
            statistics.median(plain),
            unit="MB",
            peak_bytes=statistics.median(plain),
            note="what any PySide6 window with a matplotlib canvas costs unless the scan "
            "is told to keep nothing (see numbjournal/report/pyside_source_scan.py)",
        ),
        Row(
            "  SQLAlchemy's share (import only)",
            statistics.median(with_sa) - floor,
            unit="MB",
            peak_bytes=statistics.median(with_sa),
            note="the same empty window with matplotlib, after importing SQLAlchemy",
        ),
    ]


def pdf_summary(ctx: RunContext, sizes: tuple[int, ...] = (PDF_SIZE,)) -> list[Row]:
    """The doctor summary of 10 years with the appendix, in a fresh process.

    Its floor is Qt's PDF engine alone drawing as many text runs on as many
    pages as the export's own file holds (counted from that file), also in a
    fresh process: what no layout of ours could go below.
    """
    need("numbjournal.cli.pdf_export")
    env = ctx.env()
    rows = []
    for size in sizes:
        journal = str(ctx.journal_copy(size, f"pdf-{size}"))
        _take_daily_backup(journal)
        output = str(ctx.scratch / f"summary-{size}.pdf")
        floor_output = str(ctx.scratch / f"floor-{size}.pdf")
        seconds, rss, floor_seconds = [], [], []
        pages = runs = 0
        for _ in range(max(2, ctx.fresh_runs - 2)):
            found = run_probe("pdf_export", [journal, output, *PDF_EXTRA], env)
            if found["status"] != 0:
                raise RuntimeError(f"export --format pdf exited {found['status']}")
            seconds.append(found["seconds"])
            rss.append(found["rss"])
            if not runs:
                pages, runs = pdf_text_runs(output)
            floor = run_probe("pdf_floor", [floor_output, str(pages), str(runs)], env)
            floor_seconds.append(floor["seconds"])
        rows.append(
            Row(
                f"PDF summary + appendix ({size:,} episodes)",
                statistics.median(seconds),
                floor=statistics.median(floor_seconds),
                max_figure=5.0 if size >= PDF_SIZE else None,
                peak_bytes=max(rss),
                samples=seconds,
                note="`export --format pdf` in a fresh process (imports included); "
                "peak = process RSS, compare sizes to see it stay bounded; floor: Qt's "
                f"QPdfWriter alone drawing its {runs:,} text runs on {pages:,} pages",
            )
        )
    return rows


def pdf_text_runs(path: str) -> tuple[int, int]:
    """Pages and text runs (BT ... ET blocks; Qt writes one per drawText) in a Qt PDF."""
    data = Path(path).read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    runs = 0
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        runs += len(re.findall(rb"(?m)^BT$", content))
    return pages, runs


PDF_EXTRA: list[str] = ["--all-time", "--appendix"]  # the default is 3 months, no log


def _take_daily_backup(journal: str) -> None:
    """Open once the app's way, so the day's first-open backup is not in the figures."""
    from numbjournal.core.store import Journal

    Journal.open(journal).close()
