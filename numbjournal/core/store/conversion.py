"""Turning encryption on, changing the passphrase, turning it off.

Each is one conversion, done so that an interruption at any moment leaves a
journal that opens (the old one or the new one, never a mixture):

1. the journal passes the open checks and a backup of it is made;
2. the journal is taken for this process alone (no other window or command
   may have it open meanwhile: see ``presence``) and out of WAL mode, if an
   older numbjournal left it there, so all its data is in the one file;
3. ``sqlcipher_export`` writes every table into a new file in the same
   folder, encrypted with the new key (or not at all);
4. the new file is checked: SQLite's integrity check, the value scan and the
   same fingerprint of every row as the old journal;
5. it is flushed to disk and renamed over the journal (``os.replace``, which
   is atomic); only then is the old file gone.

The journal's backups are converted the same way afterwards, so no plaintext
copy is left behind by ``encrypt`` and every backup opens with the journal's
passphrase. A backup encrypted with a passphrase that was not given (an older
one) is left as it is and counted.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import encryption
from ..atomic import _fsync_folder as fsync_folder
from ..encryption import JournalKey
from ..errors import JournalOpenError, JournalWriteError, NumbjournalError
from .backup import BEFORE_ENCRYPTION_CHANGE, Backup, digest_of, list_backups, make_backup
from .content_check import find_unreadable
from .engine import APPLICATION_ID, BUSY_TIMEOUT_MS
from .opening import inspect_file, restrict_permissions
from .presence import alone

TEMP_SUFFIX = ".converting"


@dataclass(frozen=True, slots=True)
class ConversionResult:
    backup: Backup | None  # the journal as it was (converted like the rest afterwards)
    backups_converted: int
    backups_left: int  # encrypted with a passphrase that was not given; left as they were


def encrypt_journal(path: Path, passphrase: str) -> ConversionResult:
    """Encrypt a plaintext journal (and its backups) with ``passphrase``."""
    encryption.sqlcipher()
    if encryption.looks_encrypted(path):
        raise NumbjournalError(
            f"{path} is already encrypted; to change its passphrase: numbjournal passphrase"
        )
    return _convert(Path(path), encryption.new_key(passphrase))


def change_passphrase(path: Path, new_passphrase: str) -> ConversionResult:
    """Re-encrypt an unlocked encrypted journal (and its backups) with a new passphrase."""
    _require_encrypted(path)
    return _convert(Path(path), encryption.new_key(new_passphrase))


def decrypt_journal(path: Path) -> ConversionResult:
    """Turn encryption off: the journal and its backups are written in plaintext."""
    _require_encrypted(path)
    return _convert(Path(path), None)


def _require_encrypted(path: Path) -> None:
    encryption.sqlcipher()
    if not encryption.looks_encrypted(path):
        raise NumbjournalError(f"{path} is not encrypted; nothing was changed")
    encryption.key_for(path)  # refuses if its passphrase was not given


def _convert(path: Path, new_key: JournalKey | None) -> ConversionResult:
    inspect_file(path)  # the open checks: a damaged journal is not converted
    with _taken(path):
        pass  # refuse now, before the backup, if another numbjournal has it open
    backup = make_backup(path, BEFORE_ENCRYPTION_CHANGE) if path.stat().st_size else None
    with _taken(path) as source:
        _remove_leftovers(path)
        convert_file(path, source, new_key, replace_while_open=os.name == "posix")
    if new_key is not None:
        encryption.remember(new_key)
    converted = left = 0
    for each in list_backups(path):
        try:
            old = encryption.key_for(each.path)
        except encryption.LockedJournalError:
            left += 1
            continue
        if old == new_key:
            continue  # already converted by an earlier, interrupted run
        conn = _open(each.path, old)
        try:
            convert_file(each.path, conn, new_key, replace_while_open=os.name == "posix")
        finally:
            conn.close()
        converted += 1
    return ConversionResult(backup, converted, left)


def convert_file(
    path: Path, source: Any, new_key: JournalKey | None, *, replace_while_open: bool
) -> None:
    """Export the database open on ``source`` into a checked copy that replaces ``path``."""
    folder = path.parent
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    os.close(fd)
    temporary = Path(name)
    try:
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        digest = digest_of(source)
        source.execute(
            "ATTACH DATABASE ? AS converted KEY ?",
            (str(temporary), new_key.pragma_value if new_key else ""),
        )
        try:
            source.execute("SELECT sqlcipher_export('converted')")
            # sqlcipher_export copies tables and rows, not the header's marks.
            source.execute(f"PRAGMA converted.user_version = {int(version)}")
            source.execute(f"PRAGMA converted.application_id = {APPLICATION_ID}")
        finally:
            source.execute("DETACH DATABASE converted")
        _check_copy(path, temporary, new_key, digest, version)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        if os.name == "posix":
            os.chmod(temporary, 0o600)
        if not replace_while_open:
            source.close()
        os.replace(temporary, path)
    except encryption.database_errors() as exc:
        raise JournalWriteError(f"{path} was not converted ({exc}); nothing was changed") from exc
    except OSError as exc:
        raise JournalWriteError(
            f"{path} was not converted ({exc.strerror or exc}); nothing was changed"
        ) from exc
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    fsync_folder(folder)


def _check_copy(
    path: Path, copy: Path, key: JournalKey | None, digest: str | None, version: int
) -> None:
    conn = encryption.connect_with(copy, key)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check(3)")]
        unreadable = find_unreadable(conn) if problems == ["ok"] else None
        same = digest_of(conn) == digest
        marks = (
            conn.execute("PRAGMA user_version").fetchone()[0],
            conn.execute("PRAGMA application_id").fetchone()[0],
        )
    finally:
        conn.close()
    if problems != ["ok"]:
        why = f"SQLite's integrity check found: {'; '.join(problems)}"
    elif unreadable is not None:
        why = unreadable
    elif not same or marks != (version, APPLICATION_ID):
        why = "its rows differ from the journal's"
    else:
        return
    raise JournalWriteError(
        f"the converted copy of {path} was not used ({why}); nothing was changed"
    )


def _open(path: Path, key: JournalKey | None) -> Any:
    """A SQLCipher connection (it alone has sqlcipher_export), plaintext or keyed."""
    conn = encryption.sqlcipher().connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            encryption.apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def _taken(path: Path) -> Iterator[Any]:
    """The journal for this connection alone, out of WAL mode, until the block ends.

    Another numbjournal (a window, a command) holding the journal open makes
    this fail at once with a message, before anything is written: it holds
    the journal's presence lock, which this takes for itself alone.
    """
    with alone(path):
        conn = _open(path, encryption.key_for(path))
        try:
            try:
                conn.execute("PRAGMA busy_timeout = 0")
                # A journal still in WAL mode (left by numbjournal 0.1) is brought back
                # to one file; an older numbjournal with it open makes this refuse.
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
                if str(mode).lower() != "delete":
                    raise encryption.sqlcipher().OperationalError("database is locked")
                conn.execute("PRAGMA locking_mode = EXCLUSIVE")
                conn.execute("BEGIN EXCLUSIVE")
                conn.execute("COMMIT")  # the exclusive lock stays until the connection closes
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            except encryption.database_errors() as exc:
                raise JournalOpenError(
                    f"{path} is open in another numbjournal (a window or a command); close "
                    f"it and try again ({exc}); nothing was changed"
                ) from exc
            yield conn
        finally:
            with contextlib.suppress(*encryption.database_errors()):
                conn.close()
            restrict_permissions(path)


def _remove_leftovers(path: Path) -> None:
    """Copies half-made by a conversion that was killed (nobody else can be converting:
    the journal is taken)."""
    for leftover in path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}*"):
        with contextlib.suppress(OSError):
            leftover.unlink()
