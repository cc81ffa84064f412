"""The newest episodes of a journal, read for the window's first frame.

Standard library only (``sqlite3``, no SQLAlchemy or Alembic): the window
paints the rows a person sees first, and the journal is opened properly
(checked, migrated, every episode loaded) right after. Reading here never
writes: the file is opened read-only (immutable when there is no ``-wal``),
and anything unexpected (not an SQLite file, an encrypted one, a file made
by another program, a table that does not look like ours) gives no preview
at all, so the normal opening decides what to say about it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from .fileformat import APPLICATION_ID, SQLITE_HEADER, read_only_uri
from .model import (
    Condition,
    ConditionEntry,
    Context,
    Episode,
    Helped,
    Location,
    Onset,
    PositionChange,
    Profile,
    Relief,
    Sensation,
    Symptom,
)

# More than a maximised window on a large screen shows; the rest arrives with the full load.
PREVIEW_ROWS = 60
_PROFILE_NAME = "profile.name"
_PROFILE_DOB = "profile.date_of_birth"


@dataclass(frozen=True)
class JournalPreview:
    """What the first frame shows: the newest episodes, the count, profile and settings."""

    path: Path
    episodes: tuple[Episode, ...] = ()  # newest first, as the journal table sorts them
    count: int = 0
    profile: Profile = field(default_factory=Profile)
    stored: dict[str, Any] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """Whether every episode of the journal is in the preview."""
        return len(self.episodes) >= self.count

    def setting(self, key: str, default: Any = None) -> Any:
        return self.stored.get(key, default)

    def settings(self, prefix: str = "") -> dict[str, Any]:
        return {key: value for key, value in self.stored.items() if key.startswith(prefix)}


def is_plain_sqlite(path: Path) -> bool:
    """Whether ``path`` starts like an unencrypted SQLite database (an empty file does not)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def preview_journal(path: Path, rows: int = PREVIEW_ROWS) -> JournalPreview | None:
    """The newest ``rows`` episodes of the journal at ``path``, or None if it cannot be previewed.

    A journal that does not exist yet, or is empty, previews as empty. None
    means "open it the normal way first": an encrypted file (it needs its
    passphrase before anything is read), a damaged or foreign one, or one
    another program holds locked.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return JournalPreview(path)
    except OSError:
        return None
    if size == 0:
        return JournalPreview(path)
    if not is_plain_sqlite(path):
        return None
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        return _read(conn, path, rows)
    except (sqlite3.Error, KeyError, ValueError, TypeError):
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, path: Path, rows: int) -> JournalPreview | None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID or version < 1:
        return None
    found = conn.execute(
        "SELECT id, started_at, utc_offset, duration_minutes, sensation, severity, onset,"
        " context, position_change, notes FROM episode"
        " ORDER BY started_at DESC, id DESC LIMIT ?",
        (rows,),
    ).fetchall()
    count = int(conn.execute("SELECT count(*) FROM episode").fetchone()[0])
    ids = [row[0] for row in found]
    locations = _children(conn, "episode_location", "location", ids)
    symptoms = _children(conn, "episode_symptom", "symptom", ids)
    relief = _relief(conn, ids)
    episodes = tuple(
        _episode(row, locations.get(row[0], []), symptoms.get(row[0], []), relief.get(row[0], ()))
        for row in found
    )
    stored = {
        key: json.loads(value) for key, value in conn.execute("SELECT key, value FROM setting")
    }
    conditions = tuple(
        ConditionEntry(
            Condition(condition),
            date.fromisoformat(since) if since else None,
            note or "",
            id=int(cid),
        )
        for cid, condition, since, note in conn.execute(
            "SELECT id, condition, since, note FROM profile_condition ORDER BY id"
        )
    )
    dob = stored.get(_PROFILE_DOB)
    profile = Profile(
        conditions=conditions,
        name=str(stored.get(_PROFILE_NAME, "")),
        date_of_birth=date.fromisoformat(dob) if isinstance(dob, str) and dob else None,
    )
    return JournalPreview(path, episodes, count, profile, stored)


def _children(
    conn: sqlite3.Connection, table: str, column: str, ids: Sequence[int]
) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = {}
    if not ids:
        return grouped
    marks = ", ".join("?" * len(ids))
    query = (
        f"SELECT episode_id, {column} FROM {table} WHERE episode_id IN ({marks})"
        " ORDER BY episode_id, position"
    )
    for eid, value in conn.execute(query, list(ids)):
        grouped.setdefault(eid, []).append(value)
    return grouped


def _relief(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple[Relief, ...]]:
    """Each episode's relief answers (a journal of schema 1 has none yet)."""
    exists = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'episode_relief'"
    ).fetchone()[0]
    if not exists or not ids:
        return {}
    grouped: dict[int, list[Relief]] = {}
    marks = ", ".join("?" * len(ids))
    for eid, treatment_id, helped in conn.execute(
        f"SELECT episode_id, treatment_id, helped FROM episode_relief"
        f" WHERE episode_id IN ({marks}) ORDER BY episode_id, position",
        list(ids),
    ):
        grouped.setdefault(eid, []).append(Relief(treatment_id, Helped(helped)))
    return {eid: tuple(values) for eid, values in grouped.items()}


def _episode(
    row: tuple[Any, ...], locations: list[str], symptoms: list[str], relief: tuple[Relief, ...]
) -> Episode:
    eid, started, offset, duration, sensation, severity, onset, context, change, notes = row
    zone = UTC if offset == 0 else timezone(timedelta(seconds=offset))
    return Episode(
        id=eid,
        started_at=datetime.fromtimestamp(started, zone),
        duration_minutes=duration,
        locations=tuple(Location(v) for v in locations),
        sensation=Sensation(sensation),
        severity=severity,
        onset=Onset(onset),
        context=Context(context),
        position_change=PositionChange(change),
        symptoms=tuple(Symptom(v) for v in symptoms),
        notes=notes or "",
        relief=relief,
    )
