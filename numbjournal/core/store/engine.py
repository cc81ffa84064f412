"""The one place SQLite connections are configured.

Every connection gets foreign keys, a busy timeout and full synchronous
commits, because the journal is health data that a second process (the
command line beside the window) may be writing at the same time.

The journal uses SQLite's rollback journal (``journal_mode=DELETE``), not a
write-ahead log: after every commit the main file alone holds everything, so
a person who copies "the journal file" while the window is open copies all of
it, and a read-only journal can be read without creating any side file.
docs/reliability.md has the measurements behind this choice.

We take over transaction control from the sqlite3 module so that writers can
begin with ``BEGIN IMMEDIATE`` and never deadlock on a lock upgrade.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event

from .. import encryption
from ..fileformat import APPLICATION_ID as APPLICATION_ID  # re-exported: tests and older callers
from ..fileformat import read_only_uri

BUSY_TIMEOUT_MS = 10_000
BEGIN_MODE = "numbjournal_begin"
JOURNAL_MODE = "DELETE"  # the rollback journal; see docs/reliability.md


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine for the journal; ``read_only`` never writes nor creates a file."""
    # An encrypted journal's key was given once (encryption.unlock); each new
    # connection gets the derived key, so no query pays the key derivation.
    key = encryption.key_for(path)
    if read_only and key is None:
        # The sqlite3 module's own URI handling, so "?" or "#" in a name stays a name.
        uri = read_only_uri(path)
        engine = create_engine(
            URL.create("sqlite", database=str(path)),
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        )
    else:
        # URL.create, not "sqlite:///{path}": a "?" or "#" in a file name is not a query.
        engine = create_engine(
            URL.create("sqlite", database=str(path)), **encryption.engine_options(key)
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        if key is not None:
            encryption.apply_key(dbapi_connection, key)
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if read_only:
                # Belt and braces: even an administrator's process writes nothing.
                cursor.execute("PRAGMA query_only = ON")
            else:
                cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(BEGIN_MODE, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


@contextmanager
def waiting(conn: Connection, wait: bool) -> Iterator[None]:
    """Without ``wait``, a lock held by another connection fails at once instead
    of after the busy timeout; the pooled connection gets its timeout back."""
    if wait:
        yield
        return
    driver: Any = conn.connection.driver_connection
    driver.execute("PRAGMA busy_timeout = 0")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def writer(engine: Engine) -> Engine:
    """The same engine, but every transaction takes the write lock up front."""
    return engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"})


def use_rollback_journal(engine: Engine) -> bool:
    """Switch a journal left in WAL mode (by numbjournal 0.1) to the rollback journal.

    SQLite allows the switch only when no other connection has the file open
    (an older numbjournal window, say); then False, and the journal stays in
    WAL mode until the next open, with a checkpoint after every write.
    """
    raw = engine.raw_connection()
    try:
        driver: Any = raw.driver_connection  # sqlite3's, or SQLCipher's for an encrypted one
        if _journal_mode(driver) == JOURNAL_MODE:
            return True
        try:
            mode = driver.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}").fetchone()[0]
        except encryption.database_errors():  # "database is locked": another connection is open
            return False
        return str(mode).upper() == JOURNAL_MODE
    finally:
        raw.close()


def in_wal_mode(engine: Engine) -> bool:
    """True for a journal left in WAL mode (another program kept it there at open).

    Settled at open for the whole session: no other connection can switch it
    while this one is open.
    """
    raw = engine.raw_connection()
    try:
        return _journal_mode(raw.driver_connection) == "WAL"
    finally:
        raw.close()


def _journal_mode(driver: Any) -> str:
    return str(driver.execute("PRAGMA journal_mode").fetchone()[0]).upper()


def checkpoint(engine: Engine) -> bool:
    """Copy a write-ahead log into the main file; True when nothing is left only in the log.

    Only needed in WAL mode: with the rollback journal (the usual case) the
    main file already holds every committed write.
    """
    raw = engine.raw_connection()
    try:
        driver: Any = raw.driver_connection  # sqlite3's, or SQLCipher's for an encrypted one
        busy, log_frames, done = driver.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return not busy and log_frames == done
    finally:
        raw.close()
