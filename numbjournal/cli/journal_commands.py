"""``numbjournal list`` and ``numbjournal log``: reading and adding episodes."""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from ..core.errors import NumbjournalError, ValidationError
from ..core.formats import episode_from_raw, format_started_at
from ..core.model import (
    Context,
    Episode,
    Location,
    Onset,
    PositionChange,
    Sensation,
    Symptom,
)
from ..core.store import Journal
from ..core.validation import timing_problems, validate_episode
from .context import CommandContext
from .flagging import advice_for, journal_flags
from .options import (
    LENGTH_HELP,
    check_range,
    choice,
    count_argument,
    date_argument,
    parse_length,
    parse_when,
    split_names,
)
from .table import episode_table

LOG_OPTIONS = {
    "started_at": "--started",
    "duration_minutes": "--duration",
    "locations": "--where",
    "sensation": "--sensation",
    "severity": "--severity",
    "onset": "--onset",
    "context": "--context",
    "position_change": "--position-change",
    "symptoms": "--symptoms",
    "notes": "--notes",
}
MISSING = {
    "duration_minutes": "--duration is needed: how long it lasted (e.g. 12 or 1h30m), "
    "or --ongoing if it is still going",
    "locations": "--where is needed: where you felt it, e.g. --where left_calf,left_foot_top "
    "(see 'numbjournal log --help' for the names)",
    "severity": "--severity is needed: how bad it was, from 0 (barely noticeable) "
    "to 10 (worst imaginable)",
}
RECENT_DAYS = 180

LIST_EXAMPLES = """examples:
  numbjournal list
  numbjournal list --from 2026-11-01 --to 2026-11-30
  numbjournal list --limit 10"""

LOG_EXAMPLES = """examples:
  numbjournal log --where left_calf --duration 12 --severity 4
  numbjournal log --ago 20m --duration 15 --where left_foot_top,left_toes --severity 3 \\
      --sensation tingling --context sitting --position-change improved
  numbjournal log --started "2026-11-20 08:15" --duration 1h30m --where right_calf \\
      --severity 6 --symptoms weakness,pain --notes "after the long drive"
  numbjournal log --ended now --duration 20 --where left_sole --severity 3
  numbjournal log --where left_sole --severity 2 --ongoing

The new episode's id is printed on standard output.

names:
  --where       {locations}
  --symptoms    {symptoms}"""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    _register_list(subparsers, common)
    _register_log(subparsers, common)


def _register_list(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "list",
        parents=[common],
        help="show the episodes, newest first",
        description="Show the journal's episodes as a table, newest first. Times are shown "
        "as they were recorded, in the time zone of that moment.",
        epilog=LIST_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--from", dest="first", type=date_argument, metavar="DATE", help="first day (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--to", dest="last", type=date_argument, metavar="DATE", help="last day, included"
    )
    parser.add_argument("--limit", type=count_argument, metavar="N", help="show at most N")
    parser.set_defaults(handler=list_episodes)


def _register_log(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "log",
        parents=[common],
        help="add one episode and print its id",
        description="Add one episode of numbness to the journal. With --duration it ended "
        "just now, with --ongoing it started now, unless you say otherwise (--started, --ago, "
        "--ended); the sensation is the one you log most often.",
        epilog=LOG_EXAMPLES.format(locations=", ".join(Location), symptoms=", ".join(Symptom)),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    when = parser.add_mutually_exclusive_group()
    when.add_argument(
        "--started",
        metavar="TIME",
        help='when it started: "2026-11-20 08:15", ISO 8601 with an offset, "08:15" '
        '(today) or "yesterday 22:30" (default: now)',
    )
    when.add_argument("--ago", metavar="LENGTH", help="it started this long ago, e.g. 15m, 2h")
    when.add_argument(
        "--ended",
        metavar="TIME",
        help='when it ended, as for --started, or "now"; the start is this minus --duration',
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--duration", metavar="LENGTH", help=f"how long it lasted: {LENGTH_HELP}")
    length.add_argument("--ongoing", action="store_true", help="it is still going on")
    parser.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="NAMES",
        help="where you felt it, comma-separated or repeated (names below)",
    )
    parser.add_argument("--severity", metavar="0-10", help="0 barely noticeable .. 10 worst")
    for option, kind, default in (
        ("--sensation", Sensation, "the one you log most often, else numbness"),
        ("--onset", Onset, Onset.UNKNOWN),
        ("--context", Context, Context.UNKNOWN),
        ("--position-change", PositionChange, PositionChange.NOT_TRIED),
    ):
        parser.add_argument(option, metavar="NAME", help=f"{', '.join(kind)} (default: {default})")
    parser.add_argument(
        "--symptoms",
        action="append",
        default=[],
        metavar="NAMES",
        help="what came with it, comma-separated or repeated (names below)",
    )
    parser.add_argument("--notes", default="", metavar="TEXT", help="free text")
    parser.set_defaults(handler=log_episode)


def list_episodes(ctx: CommandContext) -> int:
    args = ctx.args
    _check_dates(args.first, args.last)
    journal = ctx.journal()
    episodes = journal.episodes(args.first, args.last, newest_first=True)
    if args.limit is not None:
        episodes = episodes[: args.limit]
    if not episodes:
        if args.first or args.last:
            print("No episodes in that period.", file=ctx.out)
        else:
            print("No episodes yet. Add one with: numbjournal log --help", file=ctx.out)
        return 0
    flags = journal_flags(journal)
    for line in episode_table(episodes, flags):
        print(line, file=ctx.out)
    if flags is not None and any(flags.get(e.id or 0) for e in episodes):
        print(
            "\nFlags quote the medical-help criteria an episode matches; they are not a "
            "diagnosis. See 'numbjournal flags' for the reasons.",
            file=ctx.out,
        )
    return 0


def log_episode(ctx: CommandContext) -> int:
    now = datetime.now().astimezone().replace(microsecond=0)
    episode = episode_from_options(ctx.args, now)
    journal = ctx.journal()
    check_timing(ctx.args, episode, now, journal.profile().date_of_birth)
    if ctx.args.sensation is None:
        episode = replace(episode, sensation=usual_sensation(journal))
    saved = journal.add(episode)
    print(saved.id, file=ctx.out)
    for line in advice_for(journal, saved):
        print(line, file=ctx.err)
    return 0


def episode_from_options(args: argparse.Namespace, now: datetime) -> Episode:
    """One episode from ``log``'s options, through the same path as the importers."""
    raw: dict[str, object] = {"notes": args.notes}
    try:
        if args.ago is not None:
            ago = _option("--ago", parse_length, args.ago)
            try:
                started = now - timedelta(minutes=ago)
            except OverflowError:
                raise ValueError(f"--ago: {args.ago!r} is too long ago") from None
            raw["started_at"] = format_started_at(started)
        elif args.ended is not None:
            raw["started_at"] = format_started_at(_start_from_end(args, now))
        elif args.started is not None:
            raw["started_at"] = format_started_at(
                _option("--started", parse_when, args.started, now)
            )
        elif args.duration is not None:
            # Logged after it stopped: it just ended, so it does not end in the future.
            minutes = _option("--duration", parse_length, args.duration)
            raw["started_at"] = format_started_at(now - timedelta(minutes=min(minutes, 10**6)))
        else:
            raw["started_at"] = format_started_at(now)
        if args.ongoing:
            raw["duration_minutes"] = None
        elif args.duration is not None:
            raw["duration_minutes"] = _option("--duration", parse_length, args.duration)
        if args.where:
            raw["locations"] = split_names(args.where)
        raw["symptoms"] = split_names(args.symptoms)
        raw["sensation"] = str(Sensation.NUMBNESS)
        for field, kind in (
            ("sensation", Sensation),
            ("onset", Onset),
            ("context", Context),
            ("position_change", PositionChange),
        ):
            value = getattr(args, field)
            if value is not None:
                raw[field] = choice(kind, LOG_OPTIONS[field], value)
        if args.severity is not None:
            text = args.severity.strip()
            raw["severity"] = int(text) if text.lstrip("-").isdigit() else text
    except ValueError as exc:
        raise NumbjournalError(str(exc)) from None
    try:
        episode = episode_from_raw(raw)
    except ValidationError as exc:
        raise NumbjournalError(_log_problems(exc)) from None
    future = [p for p in validate_episode(episode, now=now) if p.field == "started_at"]
    if future:
        raise NumbjournalError(f"--started: {future[0].message} (it is now {now:%Y-%m-%d %H:%M})")
    check_timing(args, episode, now, None)
    return episode


def _start_from_end(args: argparse.Namespace, now: datetime) -> datetime:
    """--ended TIME with --duration D: the start is D before the end."""
    if args.ongoing or args.duration is None:
        raise ValueError(
            "--ended needs --duration: how long it lasted, so the start is the end minus it "
            "(an episode still going has no end yet: use --ongoing without --ended)"
        )
    ended: datetime = _option("--ended", parse_when, args.ended, now)
    if ended > now:
        raise ValueError(
            f"--ended: {ended:%Y-%m-%d %H:%M} is in the future (it is now {now:%Y-%m-%d %H:%M}); "
            "if it is still going, use --ongoing"
        )
    minutes = _option("--duration", parse_length, args.duration)
    try:
        return ended - timedelta(minutes=minutes)
    except OverflowError:
        raise ValueError(f"--duration: {args.duration!r} is too long") from None


def check_timing(
    args: argparse.Namespace, episode: Episode, now: datetime, born: date | None
) -> None:
    """An episode cannot end in the future, nor start before birth or 120 years ago."""
    for problem in timing_problems(episode, now=now, born=born):
        if problem.field == "duration_minutes":
            raise NumbjournalError(
                f"--duration: {problem.message.split(';')[0]} (it is now {now:%H:%M}); "
                "say when it ended with --ended TIME (e.g. --ended now), "
                "or use --ongoing if it is still going"
            )
        option = "--ended" if args.ended is not None else LOG_OPTIONS[problem.field]
        raise NumbjournalError(f"{option}: {problem.message}")


def usual_sensation(journal: Journal) -> Sensation:
    """The sensation logged most in recent months, so a quick log matches the person's habit."""
    recent = journal.episodes(date.today() - timedelta(days=RECENT_DAYS))
    if not recent:
        return Sensation.NUMBNESS
    counts = Counter(e.sensation for e in recent)
    return max(counts, key=lambda s: (counts[s], s is Sensation.NUMBNESS))


def _log_problems(exc: ValidationError) -> str:
    parts = []
    for problem in exc.problems:
        if problem.message == "is missing" and problem.field in MISSING:
            parts.append(MISSING[problem.field])
        else:
            parts.append(f"{LOG_OPTIONS.get(problem.field, problem.field)}: {problem.message}")
    return "; ".join(parts)


def _option(option: str, parser: Any, *values: Any) -> Any:
    try:
        return parser(*values)
    except ValueError as exc:
        raise ValueError(f"{option}: {exc}") from None


def _check_dates(first: Any, last: Any) -> None:
    try:
        check_range(first, last)
    except ValueError as exc:
        raise NumbjournalError(str(exc)) from None
