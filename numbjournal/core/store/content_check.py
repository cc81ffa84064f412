"""Looking inside a journal for values no numbjournal could have written.

SQLite's ``quick_check`` proves the file's structure, but it keeps no
checksum of the values themselves: a flipped bit inside a stored word
(``"numbness"`` becoming ``"numbne3s"``), number or text is invisible to it.
Such a value would otherwise surface later as a crash while reading, so it is
looked for when the journal is opened, on the same read-only connection.
"""

from __future__ import annotations

import json
import sqlite3
from enum import StrEnum

from ..model import (
    MAX_DURATION_MINUTES,
    SEVERITY_MAX,
    SEVERITY_MIN,
    Condition,
    Context,
    Helped,
    Location,
    Onset,
    PositionChange,
    Sensation,
    Symptom,
    TreatmentKind,
)

# datetime.fromtimestamp accepts years 1 to 9999.
_FIRST_SECOND = -62_135_596_800
_LAST_SECOND = 253_402_300_799


def _names(kind: type[StrEnum]) -> str:
    return ", ".join(f"'{member.value}'" for member in kind)


def _not_a_day(column: str) -> str:
    """SQL true when ``column`` is not a YYYY-MM-DD date (date() gives it back unchanged)."""
    return f"(typeof({column}) != 'text' OR date({column}) IS NOT {column})"


_CHECKS: tuple[tuple[str, str], ...] = (
    (
        "an episode with a start time that is not a time",
        "SELECT id FROM episode WHERE typeof(started_at) != 'integer' "
        f"OR started_at NOT BETWEEN {_FIRST_SECOND} AND {_LAST_SECOND} "
        "OR typeof(utc_offset) != 'integer' OR abs(utc_offset) >= 86400",
    ),
    (
        "an episode with an impossible severity or duration",
        f"SELECT id FROM episode WHERE typeof(severity) != 'integer' "
        f"OR severity NOT BETWEEN {SEVERITY_MIN} AND {SEVERITY_MAX} "
        "OR (duration_minutes IS NOT NULL AND (typeof(duration_minutes) != 'integer' "
        f"OR duration_minutes NOT BETWEEN 0 AND {MAX_DURATION_MINUTES}))",
    ),
    (
        "an episode with a word this version does not know",
        f"SELECT id FROM episode WHERE sensation NOT IN ({_names(Sensation)}) "
        f"OR onset NOT IN ({_names(Onset)}) OR context NOT IN ({_names(Context)}) "
        f"OR position_change NOT IN ({_names(PositionChange)}) OR typeof(notes) != 'text'",
    ),
    (
        "an episode with an unknown body location",
        f"SELECT episode_id FROM episode_location WHERE location NOT IN ({_names(Location)})",
    ),
    (
        "an episode with an unknown symptom",
        f"SELECT episode_id FROM episode_symptom WHERE symptom NOT IN ({_names(Symptom)})",
    ),
    (
        "a profile condition this version does not know",
        f"SELECT id FROM profile_condition WHERE condition NOT IN ({_names(Condition)})",
    ),
    (
        "a treatment with a kind or a date this version cannot read",
        f"SELECT id FROM treatment WHERE kind NOT IN ({_names(TreatmentKind)}) "
        f"OR {_not_a_day('started')} OR (stopped IS NOT NULL AND {_not_a_day('stopped')})",
    ),
    (
        "an episode's relief answer this version does not know",
        f"SELECT episode_id FROM episode_relief WHERE helped NOT IN ({_names(Helped)}) "
        "OR typeof(treatment_id) != 'integer'",
    ),
)

_TEXT = (
    ("episode", "id", "notes"),
    ("profile_condition", "id", "note"),
    ("setting", "key", "value"),
    ("treatment", "id", "name"),
    ("treatment", "id", "dose"),
    ("treatment", "id", "notes"),
)


def find_unreadable(conn: sqlite3.Connection) -> str | None:
    """What in the journal cannot be read back (None if everything can)."""
    for what, query in _CHECKS:
        found = conn.execute(f"{query} LIMIT 1").fetchone()
        if found is not None:
            return f"it holds {what} ({found[0]!r})"
    previous = conn.text_factory
    conn.text_factory = bytes
    try:
        for table, key, column in _TEXT:
            rows = conn.execute(f"SELECT {key}, {column} FROM {table}").fetchall()
            texts = [raw for _, raw in rows if isinstance(raw, bytes)]
            try:
                # One decode for all: an ASCII separator keeps a broken tail from
                # pairing with the next value's bytes.
                b"\n".join(texts).decode("utf-8")
                continue
            except UnicodeDecodeError:
                pass
            for row_key, raw in rows:
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    return f"the {column} of {table} {_key(row_key)} is not readable text"
    finally:
        conn.text_factory = previous
    # In Python rather than json_valid(): SQLite before 3.38 may lack it.
    for key, value in conn.execute("SELECT key, value FROM setting"):
        try:
            json.loads(value)
        except (TypeError, ValueError):
            return f"it holds a setting that is not valid JSON ({key!r})"
    return None


def _key(value: object) -> str:
    if isinstance(value, bytes):
        return json.dumps(value.decode("utf-8", "replace"))
    return repr(value)
