"""``numbjournal chart``: one chart as PNG or SVG, or the numbers behind it as CSV.

Works without a display: figures are drawn on matplotlib's Agg canvas, and
matplotlib is imported only when a picture is asked for.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from ..core.errors import NumbjournalError
from ..core.patterns import EARLIEST_DAY, LATEST_DAY
from ..report.figures import CHARTS, chart_named
from .context import CommandContext

OUTPUT_FORMATS = (".png", ".svg", ".csv")


class ChartError(NumbjournalError):
    """A chart request the person can fix (unknown chart, extension or range)."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "chart",
        parents=[common],
        help="save a chart as PNG or SVG, or its numbers as CSV",
        description="Save one chart of the journal as a .png or .svg picture, or the numbers "
        "behind it as .csv. Periods and hours are this computer's local time. "
        f"Charts: {', '.join(CHARTS)}.",
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help="the chart (see --list)")
    parser.add_argument("--list", action="store_true", help="name the charts and what each shows")
    parser.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help="where to save: .png, .svg or .csv"
    )
    parser.add_argument(
        "--from", dest="first", type=_iso_date, metavar="DATE", help="first day (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--to", dest="last", type=_iso_date, metavar="DATE", help="last day (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--theme", choices=("light", "dark"), default="light", help="colours (default: light)"
    )
    parser.set_defaults(handler=run_chart)


def run_chart(ctx: CommandContext) -> int:
    args = ctx.args
    if args.list:
        width = max(len(name) for name in CHARTS)
        for chart in CHARTS.values():
            print(f"{chart.name:<{width}}  {chart.title}. {chart.description}", file=ctx.out)
        return 0
    if not args.name:
        raise ChartError(f"name a chart ({', '.join(CHARTS)}) or use --list")
    try:
        chart = chart_named(args.name)
    except ValueError as exc:
        raise ChartError(str(exc)) from None
    output: Path | None = args.output
    if output is None:
        raise ChartError("--output FILE is required (a .png, .svg or .csv file)")
    suffix = output.suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        raise ChartError(
            f"{output}: cannot write {suffix or 'a file without extension'}; "
            f"use one of {', '.join(OUTPUT_FORMATS)}"
        )
    if args.first and args.last and args.first > args.last:
        raise ChartError(f"--from {args.first} is after --to {args.last}")
    if args.first and not args.last and args.first > date.today():
        raise ChartError(f"--from {args.first} is in the future; add --to")
    journal = ctx.journal()
    if suffix == ".csv":
        from ..report.figures.export import save_table

        table = chart.csv_table(journal, args.first, args.last)
        save_table(table, output)
        print(f"Saved the numbers behind the {chart.name} chart to {output}", file=ctx.out)
        return 0
    from ..report.figures.export import save_figure

    figure = chart.build(chart.load(journal, args.first, args.last), theme=args.theme)
    save_figure(figure, output, theme=args.theme)
    print(f"Saved the {chart.name} chart to {output}", file=ctx.out)
    return 0


def _iso_date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise argparse.ArgumentTypeError(
            f"{text} is outside the dates charts cover ({EARLIEST_DAY} to {LATEST_DAY})"
        )
    return day
