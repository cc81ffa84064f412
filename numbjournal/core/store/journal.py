"""The journal service: the only door to the SQLite file.

The window and the command line call these methods; each call is one short
transaction, and what comes back are plain domain objects, never ORM rows,
so nothing outside ``store/`` ever holds a database session. The profile
and settings methods come from ``profile_settings.ProfileAndSettings``, the
import from ``importing.Importing``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, delete, func, select, update
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from .. import encryption
from ..errors import DamagedJournalError, JournalReadError, JournalWriteError, ValidationError
from ..model import Episode
from ..validation import (
    validate_episode,
)
from .backup import (
    MANUAL,
    Backup,
    backup_before_migration,
    daily_backup,
    list_backups,
    make_backup,
)
from .engine import checkpoint, in_wal_mode, waiting, writer
from .flagged_memo import count_revision
from .importing import Importing
from .opening import (
    BeforeMigration,
    is_read_only,
    open_engine,
    open_held,
    read_only_refusal,
    restrict_permissions,
)
from .presence import Presence
from .profile_settings import ProfileAndSettings
from .restore import RestoreResult, restore_backup
from .rows import (
    day_bounds,
    episode_select,
    episode_values,
    insert_episodes,
    load_episodes,
    write_children,
)
from .schema import (
    EPISODE,
    EpisodeLocationRow,
    EpisodeReliefRow,
    EpisodeSymptomRow,
)
from .sqlite_errors import Trouble, classify, describe_write_failure, sqlite_message
from .treatments import Treatments

_EPISODE = EPISODE
ChangeListener = Callable[[], None]

log = logging.getLogger(__name__)


class Journal(ProfileAndSettings, Importing):
    """One open journal file.

    Use :meth:`open`; close it (or use it as a context manager) when done.
    """

    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        automatic_backups: bool = False,
        read_only: bool = False,
        presence: Presence | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._presence = presence
        self._engine = engine
        self._writer = writer(engine)
        self._wal = not read_only and in_wal_mode(engine)
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
        read_only: bool | None = None,
    ) -> Journal:
        """Open (create, migrate) a journal; with automatic backups, one a day if it changed.

        A journal the person made read-only (see ``is_read_only``; ``read_only``
        forces either way) is opened for reading only: every write is refused
        with one line, and no file is created, changed or made writable.
        """
        path = Path(path).expanduser().absolute()
        if path.is_file() and path.stat().st_size == 0 and list_backups(path):
            raise DamagedJournalError(
                f"{path} is empty although it has backups, so it was probably damaged; "
                "it was left untouched"
            )
        if read_only is None:
            read_only = is_read_only(path)
        presence: Presence | None = None
        if read_only:
            engine = open_engine(path, read_only=True)
        else:
            engine, presence = open_held(path, before_migration=before_migration)
        journal = cls(
            path,
            engine,
            automatic_backups=automatic_backups and not read_only,
            read_only=read_only,
            presence=presence,
        )
        if journal.automatic_backups:
            try:
                daily_backup(path)
            except encryption.file_errors(JournalWriteError) as exc:
                # Logging must go on even if the backups folder cannot be written today.
                log.warning("daily backup skipped, %s", exc)
        return journal

    def close(self) -> None:
        """Let go of the file; an encryption change in another numbjournal may now begin."""
        self._engine.dispose()
        if self._presence is not None:
            self._presence.release()
            self._presence = None
        if not self.read_only:
            restrict_permissions(self.path)

    def reopen(self) -> None:
        """Connect afresh after the file was replaced (encryption turned on, off or changed)."""
        self.close()
        self._engine, self._presence = open_held(self.path)
        self._writer = writer(self._engine)
        self._wal = in_wal_mode(self._engine)

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

    def require_writable(self, done: str = "saved") -> None:
        """Refuse, before anything is done, to change a journal opened read-only."""
        if self.read_only:
            raise JournalWriteError(read_only_refusal(self.path, done))

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction; any failure rolls back and says why in words.

        It counts one more revision, so whatever was derived from the journal
        before (the remembered flagged episodes) is known to be stale.
        """
        with self._committing() as conn:
            yield conn
            count_revision(conn)
        for listener in list(self._listeners):
            listener()

    @contextmanager
    def remembering(self) -> Iterator[Connection]:
        """A write of something derived from the journal, never part of it: no
        revision is counted, no view is told to reload, and it does not wait
        for another program's write (it fails at once, and may be skipped)."""
        with self._committing(wait=False) as conn:
            yield conn

    @contextmanager
    def _committing(self, *, wait: bool = True) -> Iterator[Connection]:
        """After the commit the main file alone holds everything (the rollback
        journal; a journal still in WAL mode is checkpointed), so a copy of
        that one file is always complete."""
        self.require_writable()
        try:
            with self._writer.connect() as conn, waiting(conn, wait), conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            # Only SQLite's own words: SQLAlchemy's text would repeat the episode's data.
            raise JournalWriteError(describe_write_failure(self.path, exc)) from exc
        self._after_write()
        restrict_permissions(self.path)

    def _after_write(self) -> None:
        if not self._wal:  # the rollback journal: the main file already holds the save
            return
        try:
            whole = checkpoint(self._engine)
        except DBAPIError as exc:
            whole = False
            log.warning("checkpoint after a save failed (%s)", type(exc.orig or exc).__name__)
        if not whole:
            log.warning("the journal's latest save is still only in its -wal file")

    # -- episodes ---------------------------------------------------------

    def add(self, episode: Episode) -> Episode:
        """Save a new episode; what the domain refuses (a start in the future, ...) is refused."""
        _require_valid(episode, now=_now())
        with self.writing() as conn:
            (new_id,) = insert_episodes(conn, [episode.with_id(None)])
        return episode.with_id(new_id)

    def update(self, episode: Episode) -> Episode:
        if episode.id is None:
            raise ValueError("update needs a saved episode")
        _require_valid(episode, now=_now())
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


def _now() -> datetime:
    """This machine's clock, for the rules that refuse what has not happened yet."""
    return datetime.now(UTC)


def _require_valid(episode: Episode, *, where: str = "", now: datetime | None = None) -> None:
    problems = validate_episode(episode, now=now)
    if problems:
        raise ValidationError(problems, where=where)
