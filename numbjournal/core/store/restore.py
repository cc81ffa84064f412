"""Restoring a journal from one of its backups.

A restore replaces years of entries, so it is careful in this order: the
backup is checked in full (a damaged, foreign or newer one changes nothing),
the journal as it is now is backed up, and only then are the backup's pages
written into the journal with SQLite's backup API, in one transaction that
other processes see whole. A journal that cannot be opened is never written
to: it is renamed aside, every byte kept.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from .. import encryption
from ..errors import JournalOpenError, JournalWriteError
from ..fileformat import read_only_uri
from .backup import (
    BEFORE_RESTORE,
    STAMP_FORMAT,
    Backup,
    Clock,
    backup_before_migration,
    content_digest,
    local_now,
    make_backup,
    read_backup,
)
from .engine import BUSY_TIMEOUT_MS
from .opening import (
    SIDE_SUFFIXES,
    inspect_file,
    is_read_only,
    open_engine,
    read_only_refusal,
    restrict_permissions,
)
from .sqlite_errors import sqlite_cause

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    episodes: int
    safety: Backup | None  # the journal as it was, unless it had nothing in it
    set_aside: Path | None  # where an unreadable journal was moved, bytes intact


def restore_backup(
    journal_path: Path, backup_path: Path, *, clock: Clock | None = None
) -> RestoreResult:
    """Replace the journal's contents with a backup's, after backing the journal up.

    The backup is checked first (a damaged, foreign or newer file is refused and
    nothing changes). A journal that is itself damaged is not written to: it is
    renamed aside, bytes intact, and the backup restored into a fresh file. An
    older backup is brought up to date the usual way, after its own backup.
    """
    journal_path, backup_path = Path(journal_path), Path(backup_path)
    if is_read_only(journal_path):
        raise JournalWriteError(read_only_refusal(journal_path, "restored"))
    contents = read_backup(backup_path)
    if not contents.usable or contents.episodes is None:
        raise JournalOpenError(refusal(contents.problem))
    safety = aside = None
    try:
        healthy = journal_path.exists() and inspect_file(journal_path) >= 0
    except encryption.LockedJournalError:
        raise  # encrypted, not damaged: never set aside for want of its passphrase
    except JournalOpenError:
        healthy = False
    encryption.check_same_key(backup_path, journal_path if healthy else None)
    if healthy:
        if content_digest(journal_path) is not None:
            safety = make_backup(journal_path, BEFORE_RESTORE, clock=clock, protect={backup_path})
    elif journal_path.exists():
        aside = set_aside(journal_path, clock=clock)
    _restore_with_backup_api(backup_path, journal_path)
    open_engine(journal_path, before_migration=backup_before_migration).dispose()
    log.info("journal restored from backup %s", backup_path)
    return RestoreResult(contents.episodes, safety, aside)


def set_aside(journal_path: Path, *, clock: Clock | None = None) -> Path:
    """Rename a journal that cannot be opened (and its side files), keeping every byte."""
    stamp = (clock or local_now)().astimezone(UTC).strftime(STAMP_FORMAT)
    aside = journal_path.with_name(f"{journal_path.name}.unreadable-{stamp}")
    for suffix in ("", *SIDE_SUFFIXES):
        source = journal_path.with_name(journal_path.name + suffix)
        if source.exists():
            os.replace(source, aside.with_name(aside.name + suffix))
    log.warning("unreadable journal set aside as %s", aside)
    return aside


def _restore_with_backup_api(backup_path: Path, journal_path: Path) -> None:
    """Write the backup's pages into the journal in one step; other processes see it whole."""
    created = not journal_path.exists()
    if created:
        os.close(os.open(journal_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    # A journal made afresh here is encrypted like the backup (check_same_key saw to
    # the rest): the backup API copies pages between files of one key only.
    key = encryption.key_for(backup_path)
    src = encryption.connect(backup_path, read_only_uri(backup_path), uri=True)
    try:
        dst = encryption.connect_with(journal_path, key, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            src.backup(dst)
            problems = [row[0] for row in dst.execute("PRAGMA quick_check(3)")]
        except encryption.database_errors() as exc:
            raise JournalWriteError(
                f"could not restore into {journal_path}: {sqlite_cause(exc)}"
            ) from exc
        finally:
            dst.close()
    finally:
        src.close()
    restrict_permissions(journal_path)
    if problems != ["ok"]:
        raise JournalWriteError(
            f"the restored journal {journal_path} failed SQLite's quick_check "
            f"({'; '.join(problems)})"
        )


def refusal(problem: str | None) -> str:
    """Why a backup cannot be restored, saying once (not twice) that nothing changed."""
    reason = (problem or "it cannot be read").removesuffix("; nothing was changed")
    return f"cannot restore: {reason}; the journal was not changed"
