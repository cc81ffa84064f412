"""Commands: flags and settings (issue 3).

``flags --json`` is the contract of journal-format.md section 2; without
``--json`` the same flags are a report a person reads top to bottom,
emergencies first.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from ..core.errors import NumbjournalError
from ..core.model import Episode
from ..core.triage import Flag, JournalFlags, evaluate_journal, load_settings
from . import settings_commands
from .context import CommandContext
from .flags_text import flags_report


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "flags",
        parents=[common],
        help="show the episodes that match a 'seek medical help' criterion",
        description="Show which episodes match a criterion for seeking medical help: the "
        "article's six criteria and red flags from public medical guidance, each with the "
        "criterion quoted and the reason taken from your entries. Emergencies come first. "
        "The journal is not a diagnosis.",
    )
    parser.add_argument(
        "--json", action="store_true", help="print the flags as JSON (journal-format.md)"
    )
    parser.add_argument(
        "--from", dest="first", type=iso_date, metavar="DATE", help="first day (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--to", dest="last", type=iso_date, metavar="DATE", help="last day (YYYY-MM-DD)"
    )
    parser.set_defaults(handler=show_flags)
    settings_commands.register(subparsers, common)


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from None


def show_flags(ctx: CommandContext) -> int:
    args = ctx.args
    if args.first and args.last and args.first > args.last:
        raise NumbjournalError(f"--from {args.first} is after --to {args.last}")
    journal = ctx.journal()
    episodes = journal.episodes(args.first, args.last)
    result = evaluate_journal(episodes, journal.profile(), load_settings(journal))
    if args.json:
        json.dump(flags_document(episodes, result), ctx.out, indent=2)
        ctx.out.write("\n")
    else:
        ctx.out.write(
            flags_report(
                episodes, result, first=args.first, last=args.last, profile=journal.profile()
            )
        )
    return 0


def flags_document(episodes: list[Episode], result: JournalFlags) -> dict[str, Any]:
    """The ``flags --json`` object: every episode oldest first, then the journal's patterns."""
    return {
        "episodes": [
            {
                "id": episode.id,
                "started_at": episode.started_at.isoformat(timespec="seconds"),
                "flags": [_flag_json(flag) for flag in result.episodes.get(episode.id or 0, [])],
            }
            for episode in episodes
        ],
        "journal": [_flag_json(flag) for flag in result.journal],
    }


def _flag_json(flag: Flag) -> dict[str, str]:
    """One flag: rule, tier, source, the criterion quoted and the reason (episode or journal)."""
    return {
        "rule": flag.rule,
        "tier": str(flag.tier),
        "source": str(flag.source),
        "criterion": flag.criterion,
        "reason": flag.reason,
    }
