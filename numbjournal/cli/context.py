"""What every command handler gets: its arguments, its streams and the journal."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..core.errors import DamagedJournalError, NumbjournalError
from ..core.store import Journal
from ..core.store.backup import list_backups
from ..paths import data_dir, default_journal_path, ensure_private_dir, journal_path

# Commands that only read: pointed at a journal that does not exist (a typo in
# --db), they say so instead of quietly creating an empty one. ``profile`` and
# ``settings`` only read when they are given no action (add, set, reset...).
READ_ONLY_COMMANDS = frozenset({"list", "flags", "export", "chart", "backups"})
SHOW_COMMANDS = frozenset({"profile", "settings"})


def only_reads(args: argparse.Namespace) -> bool:
    command = getattr(args, "command", None)
    if command in SHOW_COMMANDS:
        return getattr(args, "action", None) is None
    return command in READ_ONLY_COMMANDS


def missing_journal(path: Path) -> NumbjournalError:
    return NumbjournalError(
        f"there is no journal at {path} (check --db or NUMBJOURNAL_DB); nothing was created"
    )


class CommandContext:
    def __init__(self, args: argparse.Namespace, *, out: TextIO, err: TextIO) -> None:
        self.args = args
        self.out = out
        self.err = err
        self._journal: Journal | None = None

    @property
    def journal_path(self) -> Path:
        return journal_path(getattr(self.args, "db", None))

    def journal(self) -> Journal:
        """The journal, opened (created, migrated) on first use."""
        if self._journal is None:
            path = self.journal_path
            self._check_exists(path)
            if path.parent == data_dir():
                ensure_private_dir(path.parent)
            try:
                self._journal = Journal.open(path)
            except DamagedJournalError as exc:
                if not list_backups(path):
                    raise
                raise DamagedJournalError(
                    f"{exc}. To restore its newest good backup: numbjournal restore newest"
                    " (numbjournal backups lists them all)"
                ) from exc
        return self._journal

    def _check_exists(self, path: Path) -> None:
        if path.exists() or path == default_journal_path():
            return
        if only_reads(self.args):
            raise missing_journal(path)

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
