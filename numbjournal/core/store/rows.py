"""Converting between domain objects and table rows, in bulk where it counts.

Reading many episodes uses three plain SELECTs (episodes, their locations,
their symptoms) merged in one pass instead of ORM objects, because the
journal view and the importers handle tens of thousands of episodes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, Select, insert, select

from ..model import (
    Condition,
    ConditionEntry,
    Context,
    Episode,
    Location,
    Onset,
    PositionChange,
    Sensation,
    Symptom,
)
from .schema import EPISODE, EPISODE_LOCATION, EPISODE_SYMPTOM, ConditionRow

_EPISODE = EPISODE
_LOCATION = EPISODE_LOCATION
_SYMPTOM = EPISODE_SYMPTOM

_TZ_CACHE: dict[int, timezone] = {}


def tz_for_offset(seconds: int) -> timezone:
    tz = _TZ_CACHE.get(seconds)
    if tz is None:
        tz = UTC if seconds == 0 else timezone(timedelta(seconds=seconds))
        _TZ_CACHE[seconds] = tz
    return tz


def to_epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def offset_seconds(moment: datetime) -> int:
    offset = moment.utcoffset()
    return 0 if offset is None else int(offset.total_seconds())


def episode_values(episode: Episode) -> dict[str, Any]:
    return {
        "started_at": to_epoch(episode.started_at),
        "utc_offset": offset_seconds(episode.started_at),
        "duration_minutes": episode.duration_minutes,
        "sensation": str(episode.sensation),
        "severity": episode.severity,
        "onset": str(episode.onset),
        "context": str(episode.context),
        "position_change": str(episode.position_change),
        "notes": episode.notes,
    }


def insert_episodes(conn: Connection, episodes: Sequence[Episode]) -> list[int]:
    """Insert episodes (keeping any id they carry) and return their ids in order."""
    ids: list[int] = []
    for episode in episodes:
        values = episode_values(episode)
        if episode.id is not None:
            values["id"] = episode.id
        result = conn.execute(insert(_EPISODE).values(values))
        pk = result.inserted_primary_key
        assert pk is not None
        ids.append(int(pk[0]))
    write_children(conn, list(zip(ids, episodes, strict=True)))
    return ids


def write_children(conn: Connection, pairs: Sequence[tuple[int, Episode]]) -> None:
    locations = [
        {"episode_id": eid, "position": i, "location": str(loc)}
        for eid, ep in pairs
        for i, loc in enumerate(ep.locations)
    ]
    symptoms = [
        {"episode_id": eid, "position": i, "symptom": str(sym)}
        for eid, ep in pairs
        for i, sym in enumerate(ep.symptoms)
    ]
    if locations:
        conn.execute(insert(_LOCATION), locations)
    if symptoms:
        conn.execute(insert(_SYMPTOM), symptoms)


def load_episodes(conn: Connection, query: Select[Any]) -> list[Episode]:
    """Episodes for ``query`` (a SELECT of episode columns), in the query's order."""
    rows = conn.execute(query).all()
    if not rows:
        return []
    ids = [row.id for row in rows]
    locations = _children(conn, _LOCATION.c.location, _LOCATION.c.episode_id, ids)
    symptoms = _children(conn, _SYMPTOM.c.symptom, _SYMPTOM.c.episode_id, ids)
    return [
        Episode(
            id=row.id,
            started_at=datetime.fromtimestamp(row.started_at, tz_for_offset(row.utc_offset)),
            duration_minutes=row.duration_minutes,
            locations=tuple(Location(v) for v in locations.get(row.id, ())),
            sensation=Sensation(row.sensation),
            severity=row.severity,
            onset=Onset(row.onset),
            context=Context(row.context),
            position_change=PositionChange(row.position_change),
            symptoms=tuple(Symptom(v) for v in symptoms.get(row.id, ())),
            notes=row.notes,
        )
        for row in rows
    ]


def episode_select() -> Select[Any]:
    return select(_EPISODE)


def _children(
    conn: Connection, value_col: Any, id_col: Any, ids: Iterable[int]
) -> dict[int, list[str]]:
    table = value_col.table
    id_list = list(ids)
    out: dict[int, list[str]] = defaultdict(list)
    if len(id_list) > 500:
        lo, hi = min(id_list), max(id_list)
        query = select(id_col, value_col).where(id_col.between(lo, hi))
    else:
        query = select(id_col, value_col).where(id_col.in_(id_list))
    wanted = set(id_list)
    for eid, value in conn.execute(query.order_by(id_col, table.c.position)):
        if eid in wanted:
            out[eid].append(value)
    return out


def condition_from_row(row: ConditionRow) -> ConditionEntry:
    return ConditionEntry(
        id=row.id,
        condition=Condition(row.condition),
        since=date.fromisoformat(row.since) if row.since else None,
        note=row.note,
    )
