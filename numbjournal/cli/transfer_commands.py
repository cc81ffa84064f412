"""``numbjournal import`` and ``numbjournal export`` (the PDF options are pdf_export.py's).

Import reads and checks the whole file before the journal is even opened,
then adds everything in one transaction, so a file with one bad episode
changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..core import words
from ..core.atomic import atomic_write
from ..core.errors import NumbjournalError, ValidationError
from ..core.formats import (
    MAX_IMPORT_BYTES,
    dump_csv,
    dump_journal_json,
    parse_journal_bytes,
    read_journal_file,
)
from ..core.store.opening import SIDE_SUFFIXES
from ..core.store.presence import lock_path
from . import pdf_export
from .context import CommandContext
from .options import check_range, date_argument

FORMATS = ("json", "csv", "pdf")

IMPORT_EXAMPLES = """examples:
  numbjournal import journal-export.json
  numbjournal import episodes.csv
  numbjournal import --format csv exported-from-spreadsheet.txt
  other-program | numbjournal import -

The whole file is checked first; if any episode is wrong, nothing is imported
and the message names the episode (or CSV line) and the field. Episodes
identical in every field to one already in the journal are skipped."""

EXPORT_EXAMPLES = """examples:
  numbjournal export --format json --output journal.json
  numbjournal export --format csv --output november.csv --from 2026-11-01 --to 2026-11-30
  numbjournal export --format pdf --output summary.pdf --from 2026-09-01
  numbjournal export --format json --output - | jq '.episodes | length'

The file is written completely or not at all, readable by you only. JSON keeps
the profile's conditions too; CSV holds the episodes only. Times keep the
offset they were recorded in, to the second."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    importer = subparsers.add_parser(
        "import",
        parents=[common],
        help="add the episodes of a JSON or CSV file (all or nothing)",
        description="Add the episodes (and, from JSON, the profile's conditions) of a "
        "numbjournal JSON or CSV file to the journal.",
        epilog=IMPORT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    importer.add_argument(
        "file", metavar="FILE", help="a .json or .csv file ('-' reads standard input)"
    )
    importer.add_argument(
        "--format",
        choices=("json", "csv"),
        help="read the file as this format (default: from its name, else its content)",
    )
    importer.set_defaults(handler=import_file)

    exporter = subparsers.add_parser(
        "export",
        parents=[common],
        help="write the journal as JSON or CSV, or the doctor summary as PDF",
        description="Write the journal (or part of it) to a file.",
        epilog=EXPORT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    exporter.add_argument(
        "--format",
        choices=FORMATS,
        help="json, csv or pdf (default: from the output file's extension)",
    )
    exporter.add_argument(
        "--output",
        "-o",
        required=True,
        metavar="FILE",
        help="the file to write ('-' writes JSON or CSV to standard output)",
    )
    exporter.add_argument(
        "--from", dest="first", type=date_argument, metavar="DATE", help="first day (YYYY-MM-DD)"
    )
    exporter.add_argument(
        "--to", dest="last", type=date_argument, metavar="DATE", help="last day, included"
    )
    pdf_export.add_arguments(exporter)
    exporter.set_defaults(handler=export_file)


def import_file(ctx: CommandContext) -> int:
    try:
        if ctx.args.file == "-":
            data = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1)
            if len(data) > MAX_IMPORT_BYTES:
                raise NumbjournalError("standard input: is larger than any numbjournal file")
            contents = parse_journal_bytes(data, "standard input", ctx.args.format)
        else:
            path = Path(ctx.args.file).expanduser()
            contents = read_journal_file(path, ctx.args.file, ctx.args.format)
    except NumbjournalError as exc:
        raise NumbjournalError(f"{exc}; nothing was imported") from None
    try:
        result = ctx.journal().import_all(
            contents.episodes,
            contents.conditions,
            contents.treatments,
            name=contents.name,
            date_of_birth=contents.date_of_birth,
        )
    except ValidationError as exc:  # the journal's own checks (a start in the future)
        source = "standard input" if ctx.args.file == "-" else ctx.args.file
        raise NumbjournalError(f"{source}: {exc}; nothing was imported") from None
    print(
        f"Added {words.count(result.added, 'episode')}, skipped {result.skipped} identical "
        f"{'one' if result.skipped == 1 else 'ones'} already in the journal.",
        file=ctx.out,
    )
    if contents.conditions:
        already = len(contents.conditions) - result.conditions_added
        print(
            f"Added {words.count(result.conditions_added, 'profile condition')} "
            f"({already} already there).",
            file=ctx.out,
        )
    if contents.treatments:
        print(
            f"Added {words.count(result.treatments_added, 'treatment')} "
            f"({result.treatments_skipped} already there).",
            file=ctx.out,
        )
    return 0


def export_file(ctx: CommandContext) -> int:
    args = ctx.args
    try:
        check_range(args.first, args.last)
    except ValueError as exc:
        raise NumbjournalError(str(exc)) from None
    to_stdout = args.output == "-"
    output = Path(args.output).expanduser()
    kind = args.format or _kind_from_name(output, to_stdout)
    if not to_stdout:
        _refuse_journal_as_output(output, ctx.journal_path)
    if kind == "pdf":
        return _export_pdf(ctx, output, args.first, args.last, to_stdout)
    pdf_only = pdf_export.summary_options_given(args)
    if pdf_only:
        raise NumbjournalError(
            f"{', '.join(pdf_only)} only apply to the PDF summary (--format pdf), "
            f"not to {kind}; nothing was written"
        )
    journal = ctx.journal()
    episodes = journal.episodes(args.first, args.last)
    if kind == "json":
        exported_at = datetime.now().astimezone()
        text = dump_journal_json(
            episodes,
            journal.profile(),
            exported_at=exported_at,
            treatments=journal.treatments.all(),
        )
    else:
        text = dump_csv(episodes)
    if to_stdout:
        sys.stdout.flush()
        ctx.out.write(text)
        return 0
    atomic_write(output, text)
    print(f"Wrote {words.count(len(episodes), 'episode')} to {output}.", file=ctx.out)
    return 0


def _export_pdf(
    ctx: CommandContext, output: Path, first: date | None, last: date | None, to_stdout: bool
) -> int:
    if to_stdout:
        raise NumbjournalError("a PDF cannot be written to standard output; give a file name")
    return pdf_export.export_pdf(ctx, output, first, last)


def _kind_from_name(output: Path, to_stdout: bool) -> str:
    suffix = output.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    where = "standard output" if to_stdout else str(output)
    raise NumbjournalError(f"say which format to write to {where}: --format json, csv or pdf")


def _refuse_journal_as_output(output: Path, journal_path: Path) -> None:
    target = output.absolute().resolve()
    journal = journal_path.absolute().resolve()
    protected = {
        journal,
        *(journal.with_name(journal.name + s) for s in SIDE_SUFFIXES),
        lock_path(journal),
    }
    if target in protected:
        raise NumbjournalError(f"{output} is the journal itself; choose another output file")
    if output.is_dir():
        raise NumbjournalError(f"{output} is a folder; give a file name for the export")
