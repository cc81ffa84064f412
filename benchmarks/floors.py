"""What the platform itself costs: bare sqlite3 doing the same work as an item.

Each floor uses the standard library's sqlite3 with no ORM and no domain
objects, on a file in the same folder as the item's journal, with the
durability pragmas numbjournal's engine sets (its journal mode, synchronous=FULL,
foreign keys, busy timeout) and the journal's own episode tables and indexes,
so a ratio shows what our layers add.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from numbjournal.core.model import Episode
from numbjournal.core.store.engine import BUSY_TIMEOUT_MS, JOURNAL_MODE
from numbjournal.core.store.rows import episode_values

EPISODE_COLUMNS = (
    "started_at",
    "utc_offset",
    "duration_minutes",
    "sensation",
    "severity",
    "onset",
    "context",
    "position_change",
    "notes",
)

# The journal view's rows: every episode column plus its locations and
# symptoms, in one statement (the least work that returns the same rows).
VIEW_QUERY = """
SELECT e.id, e.started_at, e.utc_offset, e.duration_minutes, e.sensation, e.severity,
       e.onset, e.context, e.position_change, e.notes,
       (SELECT group_concat(location, ',') FROM
            (SELECT location FROM episode_location l WHERE l.episode_id = e.id
             ORDER BY position)),
       (SELECT group_concat(symptom, ',') FROM
            (SELECT symptom FROM episode_symptom s WHERE s.episode_id = e.id
             ORDER BY position))
FROM episode e {where} ORDER BY {order}
"""


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def create_bare_tables(conn: sqlite3.Connection) -> None:
    """The journal's own three episode tables, exactly as its migrations make them.

    Their constraints, AUTOINCREMENT and indexes are part of the database
    work every insert does. Hand-written tables without AUTOINCREMENT, the
    CHECK and NOT NULL constraints and the two value indexes made the import
    floor cheaper than the same rows cost SQLite in a journal: median 231
    against 375 ms for 20,000 episodes (eight alternating pairs).
    """
    conn.executescript(";\n".join(_episode_schema()) + ";")


@cache
def _episode_schema() -> tuple[str, ...]:
    from .journals import empty_journal

    with tempfile.TemporaryDirectory() as folder:
        journal = sqlite3.connect(empty_journal(Path(folder)))
        try:
            found = journal.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name IN (?, ?, ?) AND sql IS NOT NULL "
                "ORDER BY type = 'index', rowid",
                ("episode", "episode_location", "episode_symptom"),
            ).fetchall()
        finally:
            journal.close()
    return tuple(
        sql.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS", 1).replace(
            "CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1
        )
        for (sql,) in found
    )


def bare_rows(
    episodes: Sequence[Episode], first_id: int = 1
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    episode_rows, location_rows, symptom_rows = [], [], []
    for eid, episode in enumerate(episodes, start=first_id):
        values = episode_values(episode)
        episode_rows.append((eid, *(values[c] for c in EPISODE_COLUMNS)))
        location_rows += [(eid, i, str(v)) for i, v in enumerate(episode.locations)]
        symptom_rows += [(eid, i, str(v)) for i, v in enumerate(episode.symptoms)]
    return episode_rows, location_rows, symptom_rows


def insert_bare(conn: sqlite3.Connection, rows: tuple[list[Any], list[Any], list[Any]]) -> None:
    episode_rows, location_rows, symptom_rows = rows
    marks = ", ".join("?" * (len(EPISODE_COLUMNS) + 1))
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO episode VALUES ({marks})", episode_rows)
    conn.executemany("INSERT INTO episode_location VALUES (?, ?, ?)", location_rows)
    conn.executemany("INSERT INTO episode_symptom VALUES (?, ?, ?)", symptom_rows)
    conn.execute("COMMIT")


def bulk_insert_seconds(folder: Path, episodes: Sequence[Episode]) -> float:
    """Inserting the episodes' rows into bare tables in one transaction.

    The rows are built before the clock starts: the floor is SQLite's own
    cost, not turning domain objects into tuples.
    """
    path = folder / "bare-bulk.sqlite"
    _remove(path)
    conn = connect(path)
    try:
        create_bare_tables(conn)
        rows = bare_rows(episodes)
        started = time.perf_counter()
        insert_bare(conn, rows)
        return time.perf_counter() - started
    finally:
        conn.close()
        _remove(path)


class BareJournal:
    """A bare copy of a journal's rows, for the one-row insert and query floors."""

    def __init__(self, folder: Path, episodes: Sequence[Episode]) -> None:
        self.path = folder / "bare-journal.sqlite"
        _remove(self.path)
        self.conn = connect(self.path)
        create_bare_tables(self.conn)
        insert_bare(self.conn, bare_rows(episodes))
        self._next_id = len(episodes) + 1

    def insert_one_seconds(self, episode: Episode) -> float:
        """One episode row inserted and committed (children rows excluded)."""
        values = episode_values(episode)
        row = (self._next_id, *(values[c] for c in EPISODE_COLUMNS))
        self._next_id += 1
        marks = ", ".join("?" * len(row))
        started = time.perf_counter()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute(f"INSERT INTO episode VALUES ({marks})", row)
        self.conn.execute("COMMIT")
        return time.perf_counter() - started

    def query_seconds(self, where: str = "", order: str = "e.started_at, e.id") -> float:
        started = time.perf_counter()
        rows = self.conn.execute(VIEW_QUERY.format(where=where, order=order)).fetchall()
        elapsed = time.perf_counter() - started
        del rows
        return elapsed

    def close(self) -> None:
        self.conn.close()
        _remove(self.path)


def _remove(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        candidate.unlink(missing_ok=True)
