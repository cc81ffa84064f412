"""Who has the journal open: a lock beside it that every writable open shares.

The journal uses SQLite's rollback journal, where an idle connection holds no
lock at all, so SQLite cannot say whether a window or a command has the
journal open. Encrypting, changing the passphrase and decrypting replace the
file with a new one, and a program still holding the old one would go on
saving into a file nobody reads any more. So each writable open holds a shared
lock on ``.<journal>.lock`` (hidden, beside it) for as long as it is open, and a conversion takes
that lock for itself alone, or refuses at once.

The lock file is an empty SQLite database, locked with SQLite's own file locks
(POSIX advisory locks, or LockFileEx on Windows), so the same code works on
every system and a killed process never leaves it held. Nothing is ever
written to it; it is not part of the journal and need not be copied with it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import JournalOpenError

# How long an open waits for a conversion in another process to finish.
WAIT_SECONDS = 30.0


def lock_path(journal: Path) -> Path:
    return journal.with_name(f".{journal.name}.lock")


class Presence:
    """A shared hold on a journal, released by :meth:`release` (or process exit)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection: sqlite3.Connection | None = connection

    @classmethod
    def hold(cls, journal: Path) -> Presence:
        """Share the journal with other windows and commands; waits out a conversion."""
        connection = _connect(journal, WAIT_SECONDS)
        try:
            connection.execute("BEGIN")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            connection.close()
            raise JournalOpenError(
                f"{journal} is being encrypted or decrypted by another numbjournal; "
                "open it again when that has finished"
            ) from exc
        return cls(connection)

    def release(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


@contextlib.contextmanager
def alone(journal: Path) -> Iterator[None]:
    """The journal for this process alone until the block ends, or JournalOpenError."""
    connection = _connect(journal, 0)
    try:
        try:
            connection.execute("PRAGMA journal_mode = OFF")  # an exclusive lock, no -journal
            connection.execute("BEGIN EXCLUSIVE")
        except sqlite3.Error as exc:
            raise JournalOpenError(
                f"{journal} is open in another numbjournal (a window or a command); close "
                "it and try again; nothing was changed"
            ) from exc
        yield
    finally:
        connection.close()


def _connect(journal: Path, timeout: float) -> sqlite3.Connection:
    path = lock_path(journal)
    try:
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    except OSError as exc:
        raise JournalOpenError(
            f"cannot create {path.name} beside the journal {journal}: {exc.strerror}"
        ) from exc
    os.close(fd)
    return sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
