"""Reading many rows straight from the driver, for the loads of a whole journal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Select
from sqlalchemy.exc import DBAPIError

from .. import encryption

CHUNK = 2000  # rows converted at a time, so the driver's rows are freed early


def driver_rows(conn: Connection, query: Select[Any]) -> Any:
    """A cursor of the driver's own (sqlite3, or SQLCipher's) for ``query``, in the
    connection's transaction: SQLAlchemy's result rows cost about as much again as
    SQLite's reading itself when a whole journal is loaded. The columns are plain
    numbers and text, so no SQLAlchemy type conversion is skipped."""
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = [compiled.params[name] for name in compiled.positiontup or ()]
    statement = str(compiled)
    with _as_sqlalchemy_error(statement):
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(statement, params)
    return cursor


def chunks(cursor: Any) -> Iterator[list[tuple[Any, ...]]]:
    while True:
        with _as_sqlalchemy_error("fetchmany"):
            chunk = cursor.fetchmany(CHUNK)
        if not chunk:
            return
        yield chunk


@contextmanager
def _as_sqlalchemy_error(statement: str) -> Iterator[None]:
    """The driver's errors as SQLAlchemy's, which every reader already reports in words."""
    try:
        yield
    except encryption.database_errors() as exc:
        raise DBAPIError(statement, None, exc) from exc
