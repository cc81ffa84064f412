"""What an SQLite failure means for the person: the one classifier every store path uses.

SQLite says why it failed with a result code (``sqlite_errorcode`` on the
standard library's exceptions, Python 3.11+); the open, write, read and
backup paths all ask :func:`classify` and word the answer for their own
sentence. A message is read only when there is no code, and then only for
SQLite's exact phrases, never a single word such as "full" (a file named
``full.sqlite`` is not a full disk).
"""

from __future__ import annotations

import sqlite3
from enum import StrEnum
from pathlib import Path


class Trouble(StrEnum):
    FULL = "full"  # no space left for the journal, its WAL or a backup
    READ_ONLY = "read_only"  # the file, folder or disk refuses writes
    BUSY = "busy"  # another connection holds the lock past the busy timeout
    CANNOT_OPEN = "cannot_open"  # the file or a side file could not be created or opened
    DAMAGED = "damaged"  # not a database, or a damaged one
    OTHER = "other"


_BY_CODE = {
    sqlite3.SQLITE_FULL: Trouble.FULL,
    sqlite3.SQLITE_READONLY: Trouble.READ_ONLY,
    sqlite3.SQLITE_BUSY: Trouble.BUSY,
    sqlite3.SQLITE_LOCKED: Trouble.BUSY,
    sqlite3.SQLITE_CANTOPEN: Trouble.CANNOT_OPEN,
    sqlite3.SQLITE_CORRUPT: Trouble.DAMAGED,
    sqlite3.SQLITE_NOTADB: Trouble.DAMAGED,
}
# SQLite's own wording (sqlite3_errstr), for exceptions that carry no code.
_BY_MESSAGE = (
    ("database or disk is full", Trouble.FULL),
    ("attempt to write a readonly database", Trouble.READ_ONLY),
    ("database is locked", Trouble.BUSY),
    ("database table is locked", Trouble.BUSY),
    ("unable to open database file", Trouble.CANNOT_OPEN),
    ("database disk image is malformed", Trouble.DAMAGED),
    ("file is not a database", Trouble.DAMAGED),
)


def classify(exc: BaseException) -> Trouble:
    """The kind of failure behind ``exc``: an ``sqlite3.Error`` or SQLAlchemy's wrapper of one."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        # Extended codes (SQLITE_READONLY_DBMOVED, ...) keep the primary code in the low byte.
        found = _BY_CODE.get(code & 0xFF)
        if found is not None:
            return found
    text = str(orig).lower()
    for phrase, trouble in _BY_MESSAGE:
        if phrase in text:
            return trouble
    return Trouble.OTHER


def sqlite_message(exc: BaseException) -> str:
    """SQLite's own words for ``exc``; never SQLAlchemy's text, which repeats the data."""
    orig = getattr(exc, "orig", None)
    if orig is not None:
        return str(orig)
    # SQLCipher's module (encrypted journals) has its own classes with the same codes.
    from_sqlite = isinstance(exc, sqlite3.Error) or hasattr(exc, "sqlite_errorcode")
    return str(exc) if from_sqlite else type(exc).__name__


def describe_write_failure(path: Path, exc: BaseException) -> str:
    """Name the cause a person can act on: a full disk, a read-only file, a lock."""
    trouble = classify(exc)
    if trouble is Trouble.FULL:
        return f"the disk is full; nothing was saved to {path}. Free some space and try again"
    if trouble is Trouble.READ_ONLY:
        return f"{path} is read-only; nothing was saved"
    if trouble is Trouble.BUSY:
        return (
            f"{path} is busy in another numbjournal (a long import?); nothing was saved. "
            "Try again in a moment"
        )
    return f"could not save to {path} ({sqlite_message(exc)}); nothing was saved"


def sqlite_cause(exc: Exception) -> str:
    """The cause of a failed backup, for "no backup was made of ...: <cause>"."""
    trouble = classify(exc)
    if trouble is Trouble.FULL:
        return "the disk is full"
    if trouble is Trouble.BUSY:
        return "the journal is busy in another numbjournal; try again in a moment"
    if trouble is Trouble.READ_ONLY:
        return "the journal is read-only"
    return sqlite_message(exc)
