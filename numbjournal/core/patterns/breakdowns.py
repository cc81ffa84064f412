"""When, where, with what and after what: counts over a whole range.

Each count is the number of episodes (not of entries), so an episode that
touched three regions counts once for each region but once for "left leg".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import LEFT_LEG, RIGHT_LEG, Context, Location, PositionChange, Symptom
from ..store import Journal
from .periods import HOUR_SQL, WEEKDAY_SQL, DateRange
from .query import (
    EPISODES,
    IN_RANGE,
    LOCATIONS,
    SYMPTOMS,
    fetch,
    in_range,
    range_params,
    resolve_range,
)

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class TimeOfDayData:
    span: DateRange | None
    counts: tuple[tuple[int, ...], ...]  # [weekday Monday=0][hour 0..23]

    @property
    def total(self) -> int:
        return sum(map(sum, self.counts))

    def by_hour(self) -> tuple[int, ...]:
        return tuple(sum(day[hour] for day in self.counts) for hour in range(24))

    def by_weekday(self) -> tuple[int, ...]:
        return tuple(sum(day) for day in self.counts)


@dataclass(frozen=True, slots=True)
class BodyMapData:
    span: DateRange | None
    total: int
    counts: dict[Location, int]  # every location, zeros included
    left_leg: int
    right_leg: int
    both_legs: int
    elsewhere: int


@dataclass(frozen=True, slots=True)
class SymptomsData:
    span: DateRange | None
    total: int
    counts: tuple[tuple[Symptom, int], ...]  # most frequent first, zeros last
    with_any: int


@dataclass(frozen=True, slots=True)
class ContextRow:
    context: Context
    improved: int
    not_improved: int
    not_tried: int

    @property
    def episodes(self) -> int:
        return self.improved + self.not_improved + self.not_tried


@dataclass(frozen=True, slots=True)
class ContextData:
    span: DateRange | None
    rows: tuple[ContextRow, ...]  # most frequent first, zeros last

    @property
    def total(self) -> int:
        return sum(r.episodes for r in self.rows)

    @property
    def improved(self) -> int:
        return sum(r.improved for r in self.rows)

    @property
    def tried(self) -> int:
        return sum(r.improved + r.not_improved for r in self.rows)


def time_of_day(
    journal: Journal, first: date | None = None, last: date | None = None
) -> TimeOfDayData:
    """Episodes by local weekday and hour of the day they started."""
    span = resolve_range(journal, first, last)
    grid = [[0] * 24 for _ in range(7)]
    if span is not None:
        sql = f"""
            SELECT {WEEKDAY_SQL} AS d, {HOUR_SQL} AS h, COUNT(*) AS n
            FROM {EPISODES} WHERE {IN_RANGE} GROUP BY d, h
        """
        for row in fetch(journal, sql, range_params(span)):
            grid[int(row.d)][int(row.h)] = int(row.n)
    return TimeOfDayData(span, tuple(tuple(day) for day in grid))


def body_map(journal: Journal, first: date | None = None, last: date | None = None) -> BodyMapData:
    """Episodes per body region, and per side: left leg, right leg, both, elsewhere."""
    span = resolve_range(journal, first, last)
    counts = dict.fromkeys(Location, 0)
    if span is None:
        return BodyMapData(None, 0, counts, 0, 0, 0, 0)
    params = range_params(span)
    sql = f"""
        SELECT l.location AS loc, COUNT(*) AS n
        FROM {LOCATIONS} l JOIN {EPISODES} e ON e.id = l.episode_id
        WHERE {in_range("e")} GROUP BY l.location
    """
    for row in fetch(journal, sql, params):
        counts[Location(row.loc)] = int(row.n)
    left = _sql_list(LEFT_LEG)
    right = _sql_list(RIGHT_LEG)
    sides_sql = f"""
        SELECT COUNT(*) AS total, COALESCE(SUM(l), 0) AS l, COALESCE(SUM(r), 0) AS r,
               COALESCE(SUM(l AND r), 0) AS b, COALESCE(SUM(o), 0) AS o
        FROM (
            SELECT e.id,
                   MAX(l.location IN ({left})) AS l,
                   MAX(l.location IN ({right})) AS r,
                   MAX(l.location NOT IN ({left}, {right})) AS o
            FROM {EPISODES} e JOIN {LOCATIONS} l ON l.episode_id = e.id
            WHERE {in_range("e")} GROUP BY e.id
        )
    """
    row = fetch(journal, sides_sql, params)[0]
    return BodyMapData(span, int(row.total), counts, int(row.l), int(row.r), int(row.b), int(row.o))


def symptoms(journal: Journal, first: date | None = None, last: date | None = None) -> SymptomsData:
    """How many episodes came with each accompanying symptom."""
    span = resolve_range(journal, first, last)
    found: dict[Symptom, int] = {}
    total = with_any = 0
    if span is not None:
        params = range_params(span)
        sql = f"""
            SELECT s.symptom AS sym, COUNT(*) AS n
            FROM {SYMPTOMS} s JOIN {EPISODES} e ON e.id = s.episode_id
            WHERE {in_range("e")} GROUP BY s.symptom
        """
        found = {Symptom(row.sym): int(row.n) for row in fetch(journal, sql, params)}
        totals_sql = f"""
            SELECT COUNT(*) AS n,
                   SUM(EXISTS (SELECT 1 FROM {SYMPTOMS} s WHERE s.episode_id = e.id)) AS w
            FROM {EPISODES} e WHERE {in_range("e")}
        """
        row = fetch(journal, totals_sql, params)[0]
        total, with_any = int(row.n), int(row.w or 0)
    order = list(Symptom)
    ranked = sorted(Symptom, key=lambda s: (-found.get(s, 0), order.index(s)))
    return SymptomsData(span, total, tuple((s, found.get(s, 0)) for s in ranked), with_any)


def context(journal: Journal, first: date | None = None, last: date | None = None) -> ContextData:
    """What the person was doing, and whether changing position helped, per activity."""
    span = resolve_range(journal, first, last)
    cells: dict[tuple[str, str], int] = {}
    if span is not None:
        sql = f"""
            SELECT context AS c, position_change AS p, COUNT(*) AS n
            FROM {EPISODES} WHERE {IN_RANGE} GROUP BY context, position_change
        """
        cells = {(row.c, row.p): int(row.n) for row in fetch(journal, sql, range_params(span))}
    rows = [
        ContextRow(
            ctx,
            cells.get((ctx, PositionChange.IMPROVED), 0),
            cells.get((ctx, PositionChange.NOT_IMPROVED), 0),
            cells.get((ctx, PositionChange.NOT_TRIED), 0),
        )
        for ctx in Context
    ]
    order = list(Context)
    rows.sort(key=lambda r: (-r.episodes, order.index(r.context)))
    return ContextData(span, tuple(rows))


def _sql_list(locations: frozenset[Location]) -> str:
    return ", ".join(f"'{loc}'" for loc in sorted(locations))
