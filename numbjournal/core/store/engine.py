"""The one place SQLite connections are configured.

Every connection gets foreign keys, WAL, a busy timeout and full
synchronous commits, because the journal is health data that a second
process (the command line beside the window) may be writing at the same time.
We take over transaction control from the sqlite3 module so that writers can
begin with ``BEGIN IMMEDIATE`` and never deadlock on a lock upgrade.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event

from .. import encryption
from ..fileformat import APPLICATION_ID as APPLICATION_ID  # re-exported: tests and older callers

BUSY_TIMEOUT_MS = 10_000
BEGIN_MODE = "numbjournal_begin"


def make_engine(path: Path) -> Engine:
    # An encrypted journal's key was given once (encryption.unlock); each new
    # connection gets the derived key, so no query pays the key derivation.
    key = encryption.key_for(path)
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
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(BEGIN_MODE, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, but every transaction takes the write lock up front."""
    return engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
