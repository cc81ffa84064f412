"""What every command handler gets: its arguments, its streams and the journal."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..core.store import Journal
from ..paths import data_dir, ensure_private_dir, journal_path


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
            if path.parent == data_dir():
                ensure_private_dir(path.parent)
            self._journal = Journal.open(path)
        return self._journal

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
