"""``numbjournal backup``, ``backups`` and ``restore``.

These work on the journal's path, not on an opened journal, so a person
whose journal will not open can still list and restore its backups.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core import words
from ..core.errors import JournalOpenError, NumbjournalError
from ..core.store.backup import (
    Backup,
    backups_folder,
    describe,
    list_backups,
    make_backup,
    read_backup,
)
from ..core.store.opening import inspect_file
from ..core.store.restore import refusal, restore_backup
from .context import CommandContext


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    backup = subparsers.add_parser(
        "backup",
        parents=[common],
        help="make a backup of the journal now",
        description="Make a backup of the journal now and print where it was saved. "
        "Backups are also made automatically: once a day when the journal changed, "
        "before an import and before an upgrade.",
    )
    backup.set_defaults(handler=backup_now)

    listing = subparsers.add_parser(
        "backups",
        parents=[common],
        help="list the journal's backups",
        description="List the journal's backups, newest first, with their dates, "
        "sizes and how many episodes each holds.",
    )
    listing.set_defaults(handler=list_all)

    restore = subparsers.add_parser(
        "restore",
        parents=[common],
        help="replace the journal with one of its backups",
        description="Replace the journal with a backup. The journal as it is now is "
        "backed up first, so a restore can itself be undone by restoring that backup.",
    )
    restore.add_argument(
        "backup",
        metavar="BACKUP",
        help="a backup file, a file name shown by 'numbjournal backups', or 'newest'",
    )
    restore.add_argument(
        "--yes", action="store_true", help="do not ask for confirmation (for scripts)"
    )
    restore.set_defaults(handler=restore_one)


def backup_now(ctx: CommandContext) -> int:
    path = ctx.journal_path
    if not path.exists():
        raise NumbjournalError(f"there is no journal at {path} yet; nothing to back up")
    inspect_file(path)
    made = make_backup(path)
    episodes = read_backup(made.path, thorough=False).episodes  # checked as it was made
    print(f"Backup made ({_count(episodes)}): {made.path}", file=ctx.out)
    return 0


def list_all(ctx: CommandContext) -> int:
    path = ctx.journal_path
    found = list_backups(path)
    if not found:
        print(
            f"No backups of {path} yet. They are made automatically once a day when the "
            "journal changed, and before imports and upgrades; make one now with: "
            "numbjournal backup",
            file=ctx.out,
        )
        return 0
    print(f"Backups of {path} in {backups_folder(path)}, newest first:", file=ctx.out)
    print(f"{'taken':16}  {'why':17}  {'size':>8}  {'episodes':>8}  file", file=ctx.out)
    for backup, contents in describe(found):
        held = "damaged" if contents.episodes is None else str(contents.episodes)
        print(
            f"{_when(backup):16}  {backup.reason_label:17}  {_size(backup.size):>8}  "
            f"{held:>8}  {backup.path.name}",
            file=ctx.out,
        )
    return 0


def restore_one(ctx: CommandContext) -> int:
    path = ctx.journal_path
    chosen = _find_backup(path, ctx.args.backup)
    contents = read_backup(chosen)
    if not contents.usable:
        raise JournalOpenError(refusal(contents.problem))
    if not ctx.args.yes:
        if not sys.stdin.isatty():
            raise NumbjournalError(
                f"restoring replaces everything in {path}; run it again with --yes to "
                "confirm (nothing was changed)"
            )
        question = (
            f"Replace the journal {path} ({_current(path)}) with the backup "
            f"{chosen.name} ({_count(contents.episodes)})? The journal as it is now is "
            "backed up first. [y/N] "
        )
        print(question, end="", file=ctx.out, flush=True)
        if sys.stdin.readline().strip().lower() not in ("y", "yes"):
            print("Nothing was changed.", file=ctx.out)
            return 1
    result = restore_backup(path, chosen)
    print(f"Restored {_count(result.episodes)} from {chosen} into {path}.", file=ctx.out)
    if result.safety is not None:
        print(f"The journal as it was is kept in the backup {result.safety.path}", file=ctx.out)
    if result.set_aside is not None:
        print(
            f"The journal that could not be opened was kept, unchanged, as {result.set_aside}",
            file=ctx.out,
        )
    return 0


def _find_backup(journal_path: Path, given: str) -> Path:
    if given == "newest":
        for backup in list_backups(journal_path):
            if read_backup(backup.path).usable:
                return backup.path
        raise NumbjournalError(f"{journal_path} has no backup that can be restored")
    candidate = Path(given).expanduser()
    if candidate.is_file():
        return candidate.absolute()
    in_folder = backups_folder(journal_path) / given
    if in_folder.is_file():
        return in_folder
    raise NumbjournalError(
        f"no backup called {given}: give a file, 'newest', or a name from 'numbjournal backups'"
    )


def _current(path: Path) -> str:
    if not path.exists():
        return "no journal yet"
    try:
        inspect_file(path)
    except JournalOpenError:
        return "cannot be opened; it will be kept aside, unchanged"
    return _count(read_backup(path, thorough=False).episodes)


def _count(episodes: int | None) -> str:
    if episodes is None:
        return "unreadable"
    return words.count(episodes, "episode")


def _when(backup: Backup) -> str:
    return backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
