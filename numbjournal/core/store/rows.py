"""Converting between domain objects and table rows, in bulk where it counts.

Reading many episodes uses three plain SELECTs (episodes, their locations,
their symptoms) merged in one pass instead of ORM objects, because the
journal view and the importers handle tens of thousands of episodes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone
from enum import StrEnum
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import Connection, Select, select

from ..bulk import bulk_allocation
from ..model import (
    Condition,
    ConditionEntry,
    Context,
    Episode,
    Helped,
    Location,
    Onset,
    PositionChange,
    Relief,
    Sensation,
    Symptom,
    Treatment,
    TreatmentKind,
)
from .cursor import chunks, driver_rows
from .schema import (
    EPISODE,
    EPISODE_LOCATION,
    EPISODE_RELIEF,
    EPISODE_SYMPTOM,
    TREATMENT,
    ConditionRow,
)

_EPISODE = EPISODE
_LOCATION = EPISODE_LOCATION
_SYMPTOM = EPISODE_SYMPTOM
_RELIEF = EPISODE_RELIEF

_TZ_CACHE: dict[int, timezone] = {}

_COLUMNS = (
    "id",
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
_Member = TypeVar("_Member", bound=StrEnum)


def _by_value(kind: type[_Member]) -> dict[str, _Member]:
    return {member.value: member for member in kind}


_LOCATIONS = _by_value(Location)
_SYMPTOMS = _by_value(Symptom)
_SENSATIONS = _by_value(Sensation)
_ONSETS = _by_value(Onset)
_CONTEXTS = _by_value(Context)
_POSITION_CHANGES = _by_value(PositionChange)
_HELPED = _by_value(Helped)


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
    """Insert episodes (keeping any id they carry) and return their ids in order.

    New ids are handed out here, one past the largest ever used as SQLite's
    AUTOINCREMENT would, so that all rows go in with one executemany per table: a statement
    built per episode made a 20,000-episode import take seconds. Callers hold
    the write lock (``Journal.writing`` begins IMMEDIATE), so nobody else can
    take the same ids meanwhile. The rows are plain tuples handed straight to
    the driver, since every column is an int or a str with nothing to convert.
    """
    if not episodes:
        return []
    with bulk_allocation():
        return _insert_episodes(conn, episodes)


def _insert_episodes(conn: Connection, episodes: Sequence[Episode]) -> list[int]:
    # AUTOINCREMENT's high-water mark: an id once used is never handed out again,
    # so undoing a delete cannot collide with an episode added since. One
    # statement for both numbers: saving one episode runs this every time.
    used = conn.exec_driver_sql(
        "SELECT max(coalesce((SELECT max(id) FROM episode), 0), "
        "coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'episode'), 0))"
    ).scalar()
    next_id = max([used or 0, *(e.id for e in episodes if e.id is not None)]) + 1
    ids: list[int] = []
    for episode in episodes:
        if episode.id is None:
            ids.append(next_id)
            next_id += 1
        else:
            ids.append(episode.id)
    _insert_tuples(
        conn,
        _EPISODE,
        _COLUMNS,
        [(eid, *_row_values(e)) for eid, e in zip(ids, episodes, strict=True)],
    )
    write_children(conn, list(zip(ids, episodes, strict=True)))
    return ids


def write_children(conn: Connection, pairs: Sequence[tuple[int, Episode]]) -> None:
    locations = [(eid, i, loc) for eid, ep in pairs for i, loc in enumerate(ep.locations)]
    symptoms = [(eid, i, sym) for eid, ep in pairs for i, sym in enumerate(ep.symptoms)]
    _insert_tuples(conn, _LOCATION, ("episode_id", "position", "location"), locations)
    _insert_tuples(conn, _SYMPTOM, ("episode_id", "position", "symptom"), symptoms)
    relief = [
        (eid, i, item.treatment_id, item.helped)
        for eid, ep in pairs
        for i, item in enumerate(ep.relief)
    ]
    _insert_tuples(conn, _RELIEF, ("episode_id", "position", "treatment_id", "helped"), relief)


def _row_values(episode: Episode) -> tuple[Any, ...]:
    """``episode_values`` as a tuple in ``_COLUMNS`` order (without the id).

    Vocabulary members go to the driver as they are: a StrEnum is a str whose
    text is its value, and reading ``.value`` costs an enum descriptor call.
    """
    started = episode.started_at
    return (
        int(started.timestamp()),
        offset_seconds(started),
        episode.duration_minutes,
        episode.sensation,
        episode.severity,
        episode.onset,
        episode.context,
        episode.position_change,
        episode.notes,
    )


def _insert_tuples(
    conn: Connection, table: Any, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    if not rows:
        return
    names = ", ".join(table.c[name].name for name in columns)
    marks = ", ".join("?" * len(columns))
    conn.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", list(rows))


def load_episodes(conn: Connection, query: Select[Any]) -> list[Episode]:
    """Episodes for ``query`` (a SELECT of episode columns), in the query's order.

    Rows are unpacked as plain tuples and vocabulary values looked up in
    dicts, because attribute access on result rows and ``Enum(value)`` calls
    were most of the time taken to load a 20,000-episode journal; the cyclic
    garbage collector is paused while the (acyclic) episodes are built.
    Result rows are read in chunks and turned into compact tuples (enum
    members, datetimes) as they come, so the driver's rows and their text
    are freed early: that halves the memory a 20,000-episode load peaks at,
    which the window keeps as resident memory afterwards.
    """
    with bulk_allocation():
        return _load_episodes(conn, query)


def _load_episodes(conn: Connection, query: Select[Any]) -> list[Episode]:
    cursor = driver_rows(conn, query)
    keys = [column[0] for column in cursor.description]
    pick = itemgetter(*(keys.index(name) for name in _COLUMNS))
    from_epoch = datetime.fromtimestamp
    rows: list[tuple[Any, ...]] = []
    for chunk in chunks(cursor):
        rows.extend(
            [
                (
                    eid,
                    from_epoch(started, tz_for_offset(offset)),
                    duration,
                    _SENSATIONS[sensation],
                    severity,
                    _ONSETS[onset],
                    _CONTEXTS[context],
                    _POSITION_CHANGES[position_change],
                    notes,
                )
                for (
                    eid,
                    started,
                    offset,
                    duration,
                    sensation,
                    severity,
                    onset,
                    context,
                    position_change,
                    notes,
                ) in map(pick, chunk)
            ]
        )
    if not rows:
        return []
    ids = [row[0] for row in rows]
    locations = _children(conn, _LOCATION.c.location, _LOCATION.c.episode_id, ids, _LOCATIONS)
    symptoms = _children(conn, _SYMPTOM.c.symptom, _SYMPTOM.c.episode_id, ids, _SYMPTOMS)
    relief = _relief(conn, ids)
    none: tuple[Any, ...] = ()
    return [
        Episode(
            id=eid,
            started_at=started_at,
            duration_minutes=duration,
            locations=locations.get(eid, none),
            sensation=sensation,
            severity=severity,
            onset=onset,
            context=context,
            position_change=position_change,
            symptoms=symptoms.get(eid, none),
            notes=notes,
            relief=relief.get(eid, none),
        )
        for (
            eid,
            started_at,
            duration,
            sensation,
            severity,
            onset,
            context,
            position_change,
            notes,
        ) in rows
    ]


def episode_select() -> Select[Any]:
    return select(_EPISODE)


def _children(
    conn: Connection,
    value_col: Any,
    id_col: Any,
    ids: Sequence[int],
    members: Mapping[str, _Member],
) -> dict[int, tuple[_Member, ...]]:
    """Each episode's values in position order (rows arrive ordered by episode)."""
    table = value_col.table
    if len(ids) > 500:
        query = select(id_col, value_col).where(id_col.between(min(ids), max(ids)))
    else:
        query = select(id_col, value_col).where(id_col.in_(ids))
    grouped: dict[int, tuple[_Member, ...]] = {}
    current: int | None = None
    values: list[_Member] = []
    ordered = driver_rows(conn, query.order_by(id_col, table.c.position))
    for chunk in chunks(ordered):
        for eid, value in chunk:
            if eid != current:
                if current is not None:
                    grouped[current] = tuple(values)
                current, values = eid, []
            values.append(members[value])
    if current is not None:
        grouped[current] = tuple(values)
    return grouped


def _relief(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[Relief, ...]]:
    """Each episode's relief answers in the order given (few episodes have any)."""
    query = select(_RELIEF.c.episode_id, _RELIEF.c.treatment_id, _RELIEF.c.helped)
    if len(ids) > 500:
        query = query.where(_RELIEF.c.episode_id.between(min(ids), max(ids)))
    else:
        query = query.where(_RELIEF.c.episode_id.in_(ids))
    grouped: dict[int, list[Relief]] = {}
    for eid, treatment_id, helped in conn.execute(
        query.order_by(_RELIEF.c.episode_id, _RELIEF.c.position)
    ):
        grouped.setdefault(eid, []).append(Relief(treatment_id, _HELPED[helped]))
    return {eid: tuple(items) for eid, items in grouped.items()}


def treatment_values(treatment: Treatment) -> dict[str, Any]:
    return dict(treatment.plain_values())


def load_treatments(conn: Connection, where: Any = None) -> list[Treatment]:
    """Treatments in the order they started (then by id)."""
    query = select(TREATMENT).order_by(TREATMENT.c.started, TREATMENT.c.id)
    if where is not None:
        query = query.where(where)
    return [
        Treatment(
            id=row.id,
            name=row.name,
            kind=TreatmentKind(row.kind),
            dose=row.dose,
            started=date.fromisoformat(row.started),
            stopped=date.fromisoformat(row.stopped) if row.stopped else None,
            notes=row.notes,
        )
        for row in conn.execute(query)
    ]


def condition_from_row(row: ConditionRow) -> ConditionEntry:
    return ConditionEntry(
        id=row.id,
        condition=Condition(row.condition),
        since=date.fromisoformat(row.since) if row.since else None,
        note=row.note,
    )


def new_episodes(conn: Connection, episodes: Sequence[Episode]) -> list[Episode]:
    """The episodes not already in the journal (nor earlier in ``episodes``): an import's dedup."""
    if not episodes:
        return []
    stamps = [to_epoch(e.started_at) for e in episodes]
    candidates = load_episodes(
        conn,
        episode_select().where(EPISODE.c.started_at.between(min(stamps), max(stamps))),
    )
    wanted = set(stamps)
    seen = {e.content_key() for e in candidates if to_epoch(e.started_at) in wanted}
    fresh = []
    for episode in episodes:
        key = episode.content_key()
        if key not in seen:
            seen.add(key)
            fresh.append(episode)
    return fresh


def day_bounds(first: date | None, last: date | None) -> tuple[int | None, int | None]:
    """Epoch seconds [start, end) covering local days ``first``..``last``, both included."""
    lo = hi = None
    if first is not None:
        lo = to_epoch(datetime.combine(first, time.min).astimezone())
    if last is not None:
        hi = to_epoch(datetime.combine(last + timedelta(days=1), time.min).astimezone())
    return lo, hi
