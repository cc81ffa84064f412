"""The journal service: the only door to the SQLite file.

The window and the command line call these methods; each call is one short
transaction, and what comes back are plain domain objects, never ORM rows,
so nothing outside ``store/`` ever holds a database session.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from .. import encryption
from ..errors import DamagedJournalError, JournalReadError, JournalWriteError, ValidationError
from ..model import (
    ConditionEntry,
    Episode,
    Profile,
    Treatment,
    validate_condition,
    validate_episode,
)
from .backup import (
    MANUAL,
    Backup,
    backup_before_import,
    backup_before_migration,
    daily_backup,
    list_backups,
    make_backup,
)
from .engine import writer
from .opening import BeforeMigration, open_engine, restrict_permissions
from .restore import RestoreResult, restore_backup
from .rows import (
    condition_from_row,
    episode_select,
    episode_values,
    insert_episodes,
    load_episodes,
    to_epoch,
    write_children,
)
from .schema import (
    EPISODE,
    ConditionRow,
    EpisodeLocationRow,
    EpisodeReliefRow,
    EpisodeSymptomRow,
    SettingRow,
)
from .sqlite_errors import Trouble, classify, sqlite_message
from .treatments import Treatments, check_import, import_treatments, with_journal_ids

_EPISODE = EPISODE
_PROFILE_NAME = "profile.name"
# An imported episode may start a little after this machine's "now" (another
# machine's clock ran ahead), but not later: that is a typo, such as 2062 for 2026.
IMPORT_CLOCK_TOLERANCE = timedelta(hours=1)
_PROFILE_DOB = "profile.date_of_birth"

ChangeListener = Callable[[], None]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    skipped: int
    conditions_added: int = 0
    treatments_added: int = 0
    treatments_skipped: int = 0


def day_bounds(first: date | None, last: date | None) -> tuple[int | None, int | None]:
    """Epoch seconds [start, end) covering local days ``first``..``last``, both included."""
    lo = hi = None
    if first is not None:
        lo = to_epoch(datetime.combine(first, time.min).astimezone())
    if last is not None:
        hi = to_epoch(datetime.combine(last + timedelta(days=1), time.min).astimezone())
    return lo, hi


class Journal:
    """One open journal file.

    Use :meth:`open`; close it (or use it as a context manager) when done.
    """

    def __init__(self, path: Path, engine: Engine, *, automatic_backups: bool = False) -> None:
        self.path = path
        self._engine = engine
        self._writer = writer(engine)
        self._listeners: list[ChangeListener] = []
        self.automatic_backups = automatic_backups
        self.treatments = Treatments(self)

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        before_migration: BeforeMigration | None = backup_before_migration,
        automatic_backups: bool = True,
    ) -> Journal:
        """Open (create, migrate) a journal; with automatic backups, one a day if it changed."""
        path = Path(path).expanduser().absolute()
        if path.is_file() and path.stat().st_size == 0 and list_backups(path):
            raise DamagedJournalError(
                f"{path} is empty although it has backups, so it was probably damaged; "
                "it was left untouched"
            )
        journal = cls(
            path,
            open_engine(path, before_migration=before_migration),
            automatic_backups=automatic_backups,
        )
        if automatic_backups:
            try:
                daily_backup(path)
            except encryption.file_errors(JournalWriteError) as exc:
                # Logging must go on even if the backups folder cannot be written today.
                log.warning("daily backup skipped, %s", exc)
        return journal

    def close(self) -> None:
        self._engine.dispose()
        restrict_permissions(self.path)

    def reopen(self) -> None:
        """Connect afresh after the file was replaced (encryption turned on, off or changed)."""
        self._engine.dispose()
        self._engine = open_engine(self.path)
        self._writer = writer(self._engine)

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def engine(self) -> Engine:
        """For core modules that aggregate in SQL (patterns, backup); not for widgets."""
        return self._engine

    def backup_now(self) -> Backup:
        """A backup made on request (File > Backups, ``numbjournal backup``)."""
        return make_backup(self.path, MANUAL)

    def restore_from_backup(self, backup_path: Path) -> RestoreResult:
        """Replace everything with a backup's contents, after backing up the present.

        Listeners hear of it like any other write, so open views reload.
        """
        result = restore_backup(self.path, backup_path)
        for listener in list(self._listeners):
            listener()
        return result

    def add_listener(self, listener: ChangeListener) -> None:
        """Called after every committed change, so views can refresh."""
        self._listeners.append(listener)

    def remove_listener(self, listener: ChangeListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    # -- transactions -----------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads; a file damaged while open is reported, not a crash."""
        try:
            with self._engine.connect() as conn:
                yield conn
        except DBAPIError as exc:
            if classify(exc) is Trouble.BUSY:
                raise JournalReadError(
                    f"{self.path} is busy in another numbjournal (a long import?); "
                    "try again in a moment"
                ) from exc
            raise DamagedJournalError(
                f"{self.path} could not be read ({sqlite_message(exc)}); it may "
                "have been damaged since it was opened. Nothing was changed"
            ) from exc

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction; any failure rolls back and says why in words."""
        try:
            with self._writer.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            # Only SQLite's own words: SQLAlchemy's text would repeat the episode's data.
            raise JournalWriteError(describe_write_failure(self.path, exc)) from exc
        restrict_permissions(self.path)
        for listener in list(self._listeners):
            listener()

    # -- episodes ---------------------------------------------------------

    def add(self, episode: Episode) -> Episode:
        _require_valid(episode)
        with self.writing() as conn:
            (new_id,) = insert_episodes(conn, [episode.with_id(None)])
        return episode.with_id(new_id)

    def update(self, episode: Episode) -> Episode:
        if episode.id is None:
            raise ValueError("update needs a saved episode")
        _require_valid(episode)
        with self.writing() as conn:
            result = conn.execute(
                update(_EPISODE).where(_EPISODE.c.id == episode.id).values(episode_values(episode))
            )
            if result.rowcount != 1:
                raise JournalWriteError(f"episode {episode.id} is no longer in the journal")
            conn.execute(
                delete(EpisodeLocationRow).where(EpisodeLocationRow.episode_id == episode.id)
            )
            conn.execute(
                delete(EpisodeSymptomRow).where(EpisodeSymptomRow.episode_id == episode.id)
            )
            conn.execute(delete(EpisodeReliefRow).where(EpisodeReliefRow.episode_id == episode.id))
            write_children(conn, [(episode.id, episode)])
        return episode

    def delete(self, ids: Iterable[int]) -> list[Episode]:
        """Delete episodes and return them as they were, so the caller can undo."""
        id_list = list(ids)
        with self.writing() as conn:
            gone = load_episodes(conn, episode_select().where(_EPISODE.c.id.in_(id_list)))
            conn.execute(delete(_EPISODE).where(_EPISODE.c.id.in_(id_list)))
        return gone

    def restore(self, episodes: Sequence[Episode]) -> None:
        """Put deleted episodes back with their old ids (undo of :meth:`delete`)."""
        for episode in episodes:
            _require_valid(episode)
        with self.writing() as conn:
            insert_episodes(conn, list(episodes))

    def get(self, episode_id: int) -> Episode | None:
        with self.reading() as conn:
            found = load_episodes(conn, episode_select().where(_EPISODE.c.id == episode_id))
        return found[0] if found else None

    def episodes(
        self,
        first: date | None = None,
        last: date | None = None,
        *,
        newest_first: bool = False,
    ) -> list[Episode]:
        """Episodes that started on local days ``first``..``last`` (both included)."""
        query = episode_select()
        lo, hi = day_bounds(first, last)
        if lo is not None:
            query = query.where(_EPISODE.c.started_at >= lo)
        if hi is not None:
            query = query.where(_EPISODE.c.started_at < hi)
        order = (_EPISODE.c.started_at, _EPISODE.c.id)
        query = query.order_by(*(c.desc() for c in order) if newest_first else order)
        with self.reading() as conn:
            return load_episodes(conn, query)

    def count(self) -> int:
        with self.reading() as conn:
            return int(conn.execute(select(func.count()).select_from(_EPISODE)).scalar_one())

    def import_all(
        self,
        episodes: Sequence[Episode],
        conditions: Sequence[ConditionEntry] = (),
        treatments: Sequence[Treatment] = (),
    ) -> ImportResult:
        """Add episodes, conditions and treatments in one transaction, skipping exact duplicates.

        The episodes' relief names treatments by their position (from 1) in
        ``treatments``, as in a file; they are matched to the journal's ids here.

        The write lock is taken before looking for duplicates, so two imports of
        the same file at the same moment add its episodes once.
        """
        latest = datetime.now(UTC) + IMPORT_CLOCK_TOLERANCE
        for index, episode in enumerate(episodes, start=1):
            _require_valid(
                episode,
                where=f"episode {index} (started {episode.started_at.isoformat()})",
                now=latest,
            )
        for entry in conditions:
            problems = validate_condition(entry)
            if problems:
                raise ValidationError(problems, where=f"profile condition {entry.condition}")
        check_import(treatments, episodes)
        if self.automatic_backups:
            backup_before_import(self.path)
        with self.writing() as conn:
            treatment_ids, treatments_added = import_treatments(conn, treatments)
            episodes = with_journal_ids(episodes, treatment_ids)
            fresh = _new_episodes(conn, episodes)
            insert_episodes(conn, [e.with_id(None) for e in fresh])
            existing = {
                condition_from_row(r).content_key()
                for r in Session(bind=conn).scalars(select(ConditionRow))
            }
            added_conditions = 0
            for entry in conditions:
                if entry.content_key() not in existing:
                    existing.add(entry.content_key())
                    conn.execute(_condition_insert(entry))
                    added_conditions += 1
        return ImportResult(
            len(fresh),
            len(episodes) - len(fresh),
            added_conditions,
            treatments_added,
            len(treatments) - treatments_added,
        )

    # -- profile ----------------------------------------------------------

    def profile(self) -> Profile:
        with Session(self._engine) as session:
            rows = session.scalars(select(ConditionRow).order_by(ConditionRow.id)).all()
            conditions = tuple(condition_from_row(r) for r in rows)
        dob = self.setting(_PROFILE_DOB)
        return Profile(
            conditions=conditions,
            name=str(self.setting(_PROFILE_NAME, "")),
            date_of_birth=date.fromisoformat(dob) if isinstance(dob, str) and dob else None,
        )

    def add_condition(self, entry: ConditionEntry) -> ConditionEntry:
        problems = validate_condition(entry, today=date.today())
        if problems:
            raise ValidationError(problems)
        with self.writing() as conn:
            result = conn.execute(_condition_insert(entry))
            pk = result.inserted_primary_key
            assert pk is not None
        return ConditionEntry(entry.condition, entry.since, entry.note, id=int(pk[0]))

    def remove_condition(self, condition_id: int) -> ConditionEntry | None:
        with self.writing() as conn:
            row = Session(bind=conn).get(ConditionRow, condition_id)
            if row is None:
                return None
            removed = condition_from_row(row)
            conn.execute(delete(ConditionRow).where(ConditionRow.id == condition_id))
        return removed

    def set_profile(self, profile: Profile) -> None:
        """Replace the whole profile (name, date of birth and conditions) at once."""
        for entry in profile.conditions:
            problems = validate_condition(entry)
            if problems:
                raise ValidationError(problems, where=f"condition {entry.condition}")
        with self.writing() as conn:
            conn.execute(delete(ConditionRow))
            for entry in profile.conditions:
                conn.execute(_condition_insert(entry))
            _put_setting(conn, _PROFILE_NAME, profile.name)
            dob = profile.date_of_birth
            _put_setting(conn, _PROFILE_DOB, dob.isoformat() if dob else "")

    # -- settings ---------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        with self.reading() as conn:
            raw = conn.execute(select(SettingRow.value).where(SettingRow.key == key)).scalar()
        return default if raw is None else json.loads(raw)

    def settings(self, prefix: str = "") -> dict[str, Any]:
        with self.reading() as conn:
            rows = conn.execute(
                select(SettingRow.key, SettingRow.value).where(SettingRow.key.startswith(prefix))
            ).all()
        return {key: json.loads(value) for key, value in rows}

    def set_setting(self, key: str, value: Any) -> None:
        with self.writing() as conn:
            _put_setting(conn, key, value)

    def delete_setting(self, key: str) -> None:
        with self.writing() as conn:
            conn.execute(delete(SettingRow).where(SettingRow.key == key))

    def replace_settings(self, values: Mapping[str, Any | None]) -> None:
        """Set several settings in one transaction; a ``None`` value removes its key."""
        with self.writing() as conn:
            for key, value in values.items():
                if value is None:
                    conn.execute(delete(SettingRow).where(SettingRow.key == key))
                else:
                    _put_setting(conn, key, value)


def _require_valid(episode: Episode, *, where: str = "", now: datetime | None = None) -> None:
    problems = validate_episode(episode, now=now)
    if problems:
        raise ValidationError(problems, where=where)


def _new_episodes(conn: Connection, episodes: Sequence[Episode]) -> list[Episode]:
    """The episodes not already in the journal (nor earlier in ``episodes``)."""
    if not episodes:
        return []
    stamps = [to_epoch(e.started_at) for e in episodes]
    candidates = load_episodes(
        conn,
        episode_select().where(_EPISODE.c.started_at.between(min(stamps), max(stamps))),
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


def _condition_insert(entry: ConditionEntry) -> Any:
    """An INSERT keeping the entry's id if it has one, so set_profile keeps ids stable."""
    values: dict[str, Any] = {
        "condition": str(entry.condition),
        "since": entry.since.isoformat() if entry.since else None,
        "note": entry.note,
    }
    if entry.id is not None:
        values["id"] = entry.id
    return insert(ConditionRow).values(values)


def _put_setting(conn: Connection, key: str, value: Any) -> None:
    statement = sqlite_insert(SettingRow).values(key=key, value=json.dumps(value))
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[SettingRow.key], set_={"value": statement.excluded.value}
        )
    )


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
