"""``numbjournal list``: the journal as a readable table, newest first."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ..core.model import Episode, label
from .context import CommandContext


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "list",
        parents=[common],
        help="show the episodes, newest first",
        description="Show the journal's episodes as a table, newest first.",
    )
    parser.add_argument("--from", dest="first", type=date.fromisoformat, metavar="DATE")
    parser.add_argument("--to", dest="last", type=date.fromisoformat, metavar="DATE")
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="show at most N")
    parser.set_defaults(handler=list_episodes)


def list_episodes(ctx: CommandContext) -> int:
    args = ctx.args
    episodes = ctx.journal().episodes(args.first, args.last, newest_first=True)
    if args.limit > 0:
        episodes = episodes[: args.limit]
    if not episodes:
        print("No episodes yet. Add one with: numbjournal log --help", file=ctx.out)
        return 0
    print(f"{'id':>5}  {'started':16}  {'lasted':>8}  {'sev':>3}  where", file=ctx.out)
    for episode in episodes:
        print(_row(episode), file=ctx.out)
    return 0


def _row(episode: Episode) -> str:
    started = episode.started_at.strftime("%Y-%m-%d %H:%M")
    minutes = episode.duration_minutes
    lasted = "ongoing" if minutes is None else f"{minutes} min"
    where = ", ".join(label(loc) for loc in episode.locations)
    return f"{episode.id:>5}  {started:16}  {lasted:>8}  {episode.severity:>3}  {where}"
