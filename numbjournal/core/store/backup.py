"""Automatic and manual backups of a journal (restoring one: ``restore.py``).

Backups are made with SQLite's online backup API, never by copying the file:
a copy taken while another process is writing could catch half a transaction,
while the backup API reads one consistent snapshot. Each backup is checked
with ``quick_check`` before it is kept, is owner-only, and lives in a folder
next to its journal so a person can find it without the program. A
retention (7 daily, 4 weekly, 12 monthly, plus everything from the last day)
keeps the folder small over years of daily use.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from .. import encryption
from ..atomic import FileWriteError, atomic_path
from ..errors import JournalOpenError, JournalWriteError
from ..fileformat import read_only_uri
from .engine import BUSY_TIMEOUT_MS
from .opening import inspect_file
from .sqlite_errors import sqlite_cause

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

DEFAULT_JOURNAL_NAME = "journal.sqlite"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
KEEP_ALL_WITHIN = timedelta(days=1)
ABANDONED_AFTER = timedelta(hours=1)
DAILY_BACKUP_RESERVE = 32 * 1024 * 1024  # free bytes left for saving after a daily backup

MANUAL = "manual"
DAILY = "daily"
BEFORE_MIGRATION = "before-migration"
BEFORE_IMPORT = "before-import"
BEFORE_RESTORE = "before-restore"
BEFORE_ENCRYPTION_CHANGE = "before-encryption-change"
REASONS = {
    MANUAL: "made by hand",
    DAILY: "daily",
    BEFORE_MIGRATION: "before an upgrade",
    BEFORE_IMPORT: "before an import",
    BEFORE_RESTORE: "before a restore",
    BEFORE_ENCRYPTION_CHANGE: "encryption change",
}

_NAME = re.compile(r"^(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>[a-z-]+)(?:\.(?P<n>\d+))?\.sqlite$")
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
# Bookkeeping, not anything a person wrote: a changed memo alone needs no backup.
_SKIPPED_TABLES = ("alembic_version", "journal_revision", "flagged_memo")


def local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken_at: datetime
    reason: str
    size: int

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)


@dataclass(frozen=True, slots=True)
class BackupContents:
    """What a backup holds, read without changing it."""

    episodes: int | None
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None


def backups_folder(journal_path: Path) -> Path:
    """``backups/`` beside the default journal; ``<stem>-backups/`` beside any other.

    Two journals kept in one folder then never share (or prune) each other's backups.
    """
    journal_path = Path(journal_path)
    if journal_path.name == DEFAULT_JOURNAL_NAME:
        return journal_path.parent / "backups"
    return journal_path.parent / f"{journal_path.stem}-backups"


def list_backups(journal_path: Path) -> list[Backup]:
    """The journal's backups, newest first (files we did not name are ignored)."""
    folder = backups_folder(journal_path)
    found: list[tuple[tuple[datetime, int, int], Backup]] = []
    try:
        entries = list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    for entry in entries:
        match = _NAME.match(entry.name)
        if match is None or not entry.is_file():
            continue
        try:
            taken = datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
        except ValueError:  # looks like ours but is no date: not ours
            continue
        info = entry.stat()
        order = (taken, info.st_mtime_ns, int(match["n"] or 1))
        found.append((order, Backup(entry, taken, match["reason"], info.st_size)))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [backup for _, backup in found]


def read_backup(path: Path, *, thorough: bool = True) -> BackupContents:
    """How many episodes a backup holds, or why it cannot be restored.

    Listings pass ``thorough=False``: every backup was checked when it was
    made, and reading each one in full would make a long list slow to show.
    A restore always checks in full.
    """
    try:
        inspect_file(path, what="backup", thorough=thorough)
        conn = encryption.connect(path, read_only_uri(path), uri=True)
        try:
            (count,) = conn.execute("SELECT count(*) FROM episode").fetchone()
        finally:
            conn.close()
    except JournalOpenError as exc:
        return BackupContents(None, str(exc))
    except encryption.file_errors() as exc:
        return BackupContents(None, f"{path} cannot be read ({exc})")
    return BackupContents(int(count))


def make_backup(
    journal_path: Path,
    reason: str = MANUAL,
    *,
    clock: Clock | None = None,
    protect: Collection[Path] = (),
) -> Backup:
    """Back up the journal now, check the copy, then prune old backups.

    Raises JournalWriteError (naming the cause) if no good backup could be made;
    the journal itself is never changed.
    """
    journal_path = Path(journal_path)
    folder = _private_folder(backups_folder(journal_path))
    now = (clock or local_now)()
    target = _free_name(folder, now, reason)
    try:
        with atomic_path(target) as temporary:
            _copy_with_backup_api(journal_path, temporary)
    except FileWriteError as exc:
        raise JournalWriteError(f"no backup was made: {exc}") from exc
    except encryption.database_errors() as exc:
        cause = sqlite_cause(exc)
        raise JournalWriteError(f"no backup was made of {journal_path}: {cause}") from exc
    made = Backup(target, _stamp_time(now), reason, target.stat().st_size)
    prune(journal_path, now=now, protect={made.path, *protect})
    log.info("backup made (%s): %s", reason, target)
    return made


def prune(journal_path: Path, *, now: datetime, protect: Collection[Path] = ()) -> list[Path]:
    """Delete the backups the retention does not keep; returns what was deleted."""
    backups = list_backups(journal_path)
    keep = retained(backups, now) | set(protect)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed + _remove_abandoned(backups_folder(journal_path))


def _remove_abandoned(folder: Path) -> list[Path]:
    """Half-made backups of a process that was killed (old enough not to be in progress)."""
    removed = []
    cutoff = time.time() - ABANDONED_AFTER.total_seconds()
    for entry in folder.glob(".*.sqlite.*.tmp"):
        with contextlib.suppress(OSError):
            if _NAME.match(entry.name[1:].split(".sqlite.")[0] + ".sqlite") and (
                entry.stat().st_mtime < cutoff
            ):
                entry.unlink()
                removed.append(entry)
    return removed


def retained(
    backups: Sequence[Backup],
    now: datetime,
    *,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[Path]:
    """The backups to keep: all from the last day, then the newest of each of the
    last ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months that have one.

    Periods are counted over the backups that exist, not the calendar, so a
    journal left alone for a year keeps its old backups. Days are those of
    ``now``'s time zone.
    """
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep = {b.path for b in newest_first if now - b.taken_at < KEEP_ALL_WITHIN}

    def local(b: Backup) -> date:
        return b.taken_at.astimezone(now.tzinfo).date()

    periods: list[tuple[Callable[[date], Hashable], int]] = [
        (lambda d: d, daily),
        (lambda d: d.isocalendar()[:2], weekly),
        (lambda d: (d.year, d.month), monthly),
    ]
    for period_of, count in periods:
        seen: set[Hashable] = set()
        for backup in newest_first:
            period = period_of(local(backup))
            if period in seen:
                continue
            if len(seen) == count:
                break
            seen.add(period)
            keep.add(backup.path)
    return keep


def daily_backup(journal_path: Path, *, clock: Clock | None = None) -> Backup | None:
    """The once-a-day backup taken on opening, if the journal changed since the last one."""
    clock = clock or local_now
    now = clock()
    existing = list_backups(journal_path)
    if existing and existing[0].taken_at.astimezone(now.tzinfo).date() >= now.date():
        return None
    if existing and _untouched_since(journal_path, existing[0].path):
        return None
    digest = content_digest(journal_path)
    if digest is None:
        return None
    if not _room_for_backup(journal_path):
        log.warning("daily backup skipped: the disk is almost full (saving comes first)")
        return None
    if existing and content_digest(existing[0].path) == digest:
        # Remember the comparison (file times only order backups within a second),
        # so the next opening today does not read both files again.
        os.utime(existing[0].path)
        return None
    return make_backup(journal_path, DAILY, clock=clock)


def _room_for_backup(journal_path: Path) -> bool:
    """Whether a daily backup would still leave room to keep logging.

    An automatic backup must never be what fills the disk and makes the next
    save fail; backups before an import or upgrade are not skipped this way.
    """
    try:
        free = shutil.disk_usage(journal_path.parent).free
    except OSError:
        return True
    return free >= 2 * journal_path.stat().st_size + DAILY_BACKUP_RESERVE


def _untouched_since(journal_path: Path, backup_path: Path) -> bool:
    """No file of the journal was written after the backup was made (or last compared).

    A write always changes the journal's or its -wal file's time; the converse
    does not hold (a checkpoint), and then the contents are compared.
    """
    since = backup_path.stat().st_mtime_ns
    for suffix in ("", "-wal"):
        try:
            info = journal_path.with_name(journal_path.name + suffix).stat()
        except FileNotFoundError:
            continue
        if info.st_size and info.st_mtime_ns > since:
            return False
    return True


def backup_before_migration(journal_path: Path, old_version: int) -> None:
    """Opening's hook: no migration runs unless a good backup of the old journal exists."""
    try:
        make_backup(journal_path, BEFORE_MIGRATION)
    except JournalWriteError as exc:
        raise JournalOpenError(
            f"{journal_path} needs an upgrade (schema {old_version}), but {exc}; "
            "the journal was left untouched"
        ) from exc


def backup_before_import(journal_path: Path, *, clock: Clock | None = None) -> Backup | None:
    """A backup before adding a file's episodes; none for a journal with nothing in it."""
    if content_digest(journal_path) is None:
        return None
    try:
        return make_backup(journal_path, BEFORE_IMPORT, clock=clock)
    except JournalWriteError as exc:
        raise JournalWriteError(f"{exc}; nothing was imported") from exc


def content_digest(database: Path) -> str | None:
    """A fingerprint of everything stored (None if nothing is), to notice changes."""
    conn = encryption.connect(database, read_only_uri(database), uri=True)
    try:
        return digest_of(conn)
    finally:
        conn.close()


def digest_of(conn: Any) -> str | None:
    """``content_digest`` on an open connection (plaintext or encrypted)."""
    digest = hashlib.sha256()
    rows = 0
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    for (table,) in tables:
        digest.update(table.encode())
        if table in _SKIPPED_TABLES:
            continue
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
            rows += 1
            digest.update(repr(row).encode())
    return digest.hexdigest() if rows else None


def _copy_with_backup_api(source: Path, target: Path) -> None:
    # An ordinary connection (the journal was checked first): it sees other processes'
    # commits and, as the last one out, tidies away the -wal and -shm files.
    # An encrypted journal's backup gets the same key and salt: the same passphrase
    # opens it, and no plaintext copy is ever written.
    src = encryption.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = encryption.connect_with(target, encryption.key_for(source))
        try:
            src.backup(dst)
            # A backup stands alone: no -wal/-shm beside it when it is read later.
            dst.execute("PRAGMA journal_mode = DELETE")
            problems = [row[0] for row in dst.execute("PRAGMA quick_check(3)")]
        finally:
            dst.close()
    finally:
        src.close()
    if problems != ["ok"]:
        raise sqlite3.DatabaseError(
            f"the copy failed SQLite's quick_check ({'; '.join(problems)}); "
            "the journal itself may be damaged"
        )


def _private_folder(folder: Path) -> Path:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, 0o700)
    except OSError as exc:
        raise JournalWriteError(
            f"no backup was made: cannot create the backups folder {folder} ({exc.strerror})"
        ) from exc
    return folder


def _free_name(folder: Path, now: datetime, reason: str) -> Path:
    stamp = now.astimezone(UTC).strftime(STAMP_FORMAT)
    candidate = folder / f"{stamp}-{reason}.sqlite"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{stamp}-{reason}.{counter}.sqlite"
    return candidate


def _stamp_time(now: datetime) -> datetime:
    return now.astimezone(UTC).replace(microsecond=0)


def describe(backups: Iterable[Backup]) -> list[tuple[Backup, BackupContents]]:
    """Each backup with what it holds, for listings."""
    return [(b, read_backup(b.path, thorough=False)) for b in backups]
