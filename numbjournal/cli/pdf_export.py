"""``numbjournal export --format pdf``: the doctor summary from the command line.

The transfer command owns ``export`` and calls :func:`add_arguments` and
:func:`export_pdf`; this module adds the summary's own options. Drawing the
PDF with no display (a server, a cron job, an SSH session) is the report's
business (``report/offscreen.py``).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..core import words
from ..core.errors import NumbjournalError
from ..report.offscreen import ensure_gui_application
from .context import CommandContext

MAX_QUESTIONS = 10_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("PDF summary options (--format pdf)")
    group.add_argument(
        "--charts",
        action="store_true",
        help="add the duration, severity and time-of-day charts",
    )
    group.add_argument(
        "--appendix",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="end with the full episode log as a table (default: no; the summary itself "
        "is at most 4 pages)",
    )
    group.add_argument(
        "--all-time",
        action="store_true",
        help="summarise every episode since the first; without this, --from or --to the "
        "summary covers the last 3 months (90 days), with the last year's trend on page 1",
    )
    group.add_argument(
        "--questions",
        metavar="TEXT",
        default="",
        help="your questions for the doctor, or @FILE to read them from a text file",
    )
    group.add_argument(
        "--paper",
        choices=("a4", "letter"),
        default="a4",
        help="paper size (default: a4)",
    )


def summary_options_given(args: argparse.Namespace) -> list[str]:
    """The PDF-only options changed from their defaults, as typed (for a clear refusal)."""
    given = []
    if getattr(args, "charts", False):
        given.append("--charts")
    if getattr(args, "appendix", False):
        given.append("--appendix")
    if getattr(args, "all_time", False):
        given.append("--all-time")
    if getattr(args, "questions", ""):
        given.append("--questions")
    if getattr(args, "paper", "a4") != "a4":
        given.append("--paper")
    return given


def export_pdf(ctx: CommandContext, output: Path, first: date | None, last: date | None) -> int:
    """Write the summary for ``first``..``last`` to ``output``; returns the exit status.

    With neither date nor ``--all-time`` it covers the last 3 months.
    """
    from ..report.summary import Paper, SummaryOptions, build_summary
    from ..report.summary.document import default_range

    args = ctx.args
    if getattr(args, "all_time", False):
        if first is not None or last is not None:
            raise NumbjournalError("--all-time cannot be combined with --from or --to")
    elif first is None and last is None:
        first, last = default_range(date.today())
    options = SummaryOptions(
        first=first,
        last=last,
        charts=bool(getattr(args, "charts", False)),
        appendix=bool(getattr(args, "appendix", False)),
        questions=read_questions(getattr(args, "questions", "") or ""),
        paper=Paper(getattr(args, "paper", "a4")),
    )
    ensure_gui_application()
    from ..report.summary.render import write_pdf

    document = build_summary(ctx.journal(), options)
    pages = write_pdf(document, output, options.paper)
    episodes = words.count(document.episode_count, "episode")
    print(
        f"Wrote the summary ({words.count(pages, 'page')}, {episodes}) to {output}.",
        file=ctx.out,
    )
    return 0


def read_questions(value: str) -> str:
    """The questions text, or the contents of the file named after an ``@``."""
    if value.startswith("@"):
        path = Path(value[1:]).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise NumbjournalError(f"--questions: {path} does not exist") from None
        except UnicodeDecodeError:
            raise NumbjournalError(f"--questions: {path} is not UTF-8 text") from None
        except OSError as exc:
            raise NumbjournalError(f"--questions: {path}: {exc.strerror or exc}") from None
    else:
        text = value
    text = text.replace("\r\n", "\n").strip()
    if len(text) > MAX_QUESTIONS:
        raise NumbjournalError(
            f"--questions: {len(text):,} characters is too long; at most {MAX_QUESTIONS:,} fit"
        )
    if "\x00" in text:
        raise NumbjournalError("--questions: the text contains a NUL character")
    return text
