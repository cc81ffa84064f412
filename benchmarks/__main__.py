"""``python -m benchmarks``: run the suite and print the table (see docs/performance.md)."""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

# Before numbjournal or Qt is imported: no real screen, and a private home so
# the windows built in this process never read or write real settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("NUMBJOURNAL_DB", None)
_HOME = Path(tempfile.mkdtemp(prefix="nj-bench-home-"))
os.environ["HOME"] = str(_HOME)
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_HOME / _var.lower())

from . import items_charts, items_core, items_view, items_window, journals, scaling  # noqa: E402
from .context import NotBuilt, RunContext  # noqa: E402
from .harness import Row, compare_text, format_table, write_json  # noqa: E402

Item = Callable[[RunContext], list[Row]]

ITEMS: dict[str, Item] = {
    "startup": items_window.startup,
    "save": items_core.save_one,
    "window_save": items_view.window_save,
    "load": lambda ctx: items_core.load_all(ctx, ctx.view_sizes),
    "view": lambda ctx: items_view.view(ctx, ctx.view_sizes),
    "import": items_core.import_json,
    "flags": items_core.flags_all,
    "charts": items_charts.charts,
    "window_charts": items_charts.window_charts,
    "pdf": lambda ctx: items_window.pdf_summary(ctx, (journals.SIZES["1y"], 20_000)),
    "memory": items_window.window_memory,
    "scaling": scaling.scaling,
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="numbjournal's speed and memory against floors measured in the same run.",
    )
    parser.add_argument(
        "items", nargs="*", metavar="ITEM", help=f"items to run (default: all): {', '.join(ITEMS)}"
    )
    parser.add_argument(
        "--quick", action="store_true", help="fewer runs and no 100,000-episode journal"
    )
    parser.add_argument(
        "--sizes",
        metavar="N,N,...",
        help="episode counts for the scaling item (default 1000,5000,20000,"
        "100000; --quick: 1000,5000,20000)",
    )
    parser.add_argument(
        "--view-sizes", metavar="N,N", help="journal sizes for the view item (default 20000,100000)"
    )
    parser.add_argument("--runs", type=int, help="runs per in-process figure (default 5)")
    parser.add_argument(
        "--json",
        type=Path,
        metavar="FILE",
        help="also write the table as JSON, to compare versions",
    )
    parser.add_argument(
        "--compare", type=Path, metavar="FILE", help="compare with a table saved by --json"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    unknown = [name for name in args.items if name not in ITEMS]
    if unknown:
        parser.error(f"unknown item {unknown[0]!r}; choose from {', '.join(ITEMS)}")
    return args


def _sizes(text: str | None, default: tuple[int, ...]) -> tuple[int, ...]:
    if not text:
        return default
    return tuple(sorted(int(part) for part in text.split(",") if part.strip()))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    ctx = RunContext(quick=args.quick)
    if args.quick:
        ctx.runs, ctx.fresh_runs = 3, 3
        ctx.scaling_sizes = (1_000, 5_000, 20_000)
        ctx.view_sizes = (20_000,)
    if args.runs:
        ctx.runs = ctx.fresh_runs = args.runs
    ctx.scaling_sizes = _sizes(args.sizes, ctx.scaling_sizes)
    ctx.view_sizes = _sizes(args.view_sizes, ctx.view_sizes)
    chosen = args.items or list(ITEMS)
    rows: list[Row] = []
    skipped: dict[str, str] = {}
    started = time.perf_counter()
    try:
        for name in chosen:
            print(f"[{time.perf_counter() - started:6.1f}s] {name} ...", file=sys.stderr)
            try:
                found = ITEMS[name](ctx)
            except NotBuilt as exc:
                skipped[name] = str(exc)
                print(f"  skipped: {exc}", file=sys.stderr)
                continue
            except Exception as exc:  # one broken item must not hide the others
                skipped[name] = f"failed: {exc}"
                traceback.print_exc()
                continue
            rows += found
            print(format_table(found).split("\n\n")[0], file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(ctx.scratch, ignore_errors=True)
            shutil.rmtree(_HOME, ignore_errors=True)
    print()
    print(format_table(rows))
    for name, why in skipped.items():
        print(f"  {name}: not measured ({why})")
    print(scaling.LAST_REPORT)
    if args.compare:
        print()
        print(compare_text(args.compare, rows))
    if args.json:
        write_json(
            args.json,
            rows,
            {
                "when": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": f"{platform.platform()} python {platform.python_version()} "
                f"cpus={os.cpu_count()}",
                "quick": args.quick,
                "skipped": skipped,
                "scaling": scaling.LAST_TABLE,
                "seconds": round(time.perf_counter() - started, 1),
            },
        )
    failed = [row.item for row in rows if row.passed is False]
    return 1 if failed or skipped else 0


if __name__ == "__main__":
    sys.exit(main())
