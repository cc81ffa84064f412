"""Deciding whether a file may be opened as a journal, before writing to it.

A file that is not ours, or was written by a newer numbjournal, is refused
without a single byte being written: the checks here use a read-only
connection, and only then is the journal created or migrated.

A journal the person made read-only (no write permission on the file or its
folder, or a read-only disk) is opened read-only: nothing is written, no side
file is created and its permissions stay exactly as they were.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from .. import encryption
from ..errors import DamagedJournalError, JournalOpenError, NewerJournalError
from ..fileformat import APPLICATION_ID, SQLITE_HEADER, read_only_uri
from .content_check import find_unreadable
from .engine import make_engine, use_rollback_journal
from .presence import Presence, lock_path
from .sqlite_errors import Trouble, classify, sqlite_message

SCHEMA_VERSION = 3
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# integrity_check rather than quick_check: it also compares every index with its
# table, and a broken index otherwise shows up later as a crash while reading.
# On a 20,000-episode journal it costs about 60 ms instead of 20 ms.
OPEN_CHECK = "integrity_check"

# Called with the journal path and its old schema version before a migration
# (the backup module registers itself here so opening never loses data).
BeforeMigration = Callable[[Path, int], None]

log = logging.getLogger(__name__)


def open_engine(
    path: Path, *, before_migration: BeforeMigration | None = None, read_only: bool = False
) -> Engine:
    path = Path(path)
    if read_only:
        return _open_read_only(path)
    _create_private(path)
    return _open_checked(path, inspect_file(path, recover=True), before_migration)


def open_held(
    path: Path, *, before_migration: BeforeMigration | None = None
) -> tuple[Engine, Presence]:
    """A writable engine and the journal's presence lock (see ``presence``), taken
    once the file has passed the open checks, so a refused file leaves nothing
    beside it."""
    path = Path(path)
    _create_private(path)
    version = inspect_file(path, recover=True)
    presence = Presence.hold(path)
    try:
        return _open_checked(path, version, before_migration), presence
    except BaseException:
        presence.release()
        raise


def _open_checked(path: Path, version: int, before_migration: BeforeMigration | None) -> Engine:
    engine = make_engine(path)
    try:
        if version < SCHEMA_VERSION:
            if version > 0 and before_migration is not None:
                before_migration(path, version)
            try:
                _migrate(engine)
            except DBAPIError as exc:
                raise JournalOpenError(_cannot_write(path, exc)) from exc
        _probe(engine, path)
        if not use_rollback_journal(engine):
            log.warning("%s stays in WAL mode for now: another program has it open", path)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _open_read_only(path: Path) -> Engine:
    if not path.is_file():
        raise JournalOpenError(f"there is no journal at {path}; nothing was created")
    version = inspect_file(path)
    if version < SCHEMA_VERSION:
        raise JournalOpenError(
            f"{path} is read-only, and it is "
            + ("empty" if version == 0 else f"an older journal (schema {version})")
            + " that numbjournal would have to write to; it was left untouched"
        )
    engine = make_engine(path, read_only=True)
    log.info("%s opened read-only (no write permission on it or its folder)", path)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DBAPIError as exc:
        engine.dispose()
        raise JournalOpenError(f"{path} cannot be read ({exc.orig or exc})") from exc
    return engine


def read_only_refusal(path: Path, done: str = "saved") -> str:
    """The one line every refused write to a read-only journal prints."""
    return f"{path} is read-only (no write permission on it or its folder); nothing was {done}"


def is_read_only(path: Path) -> bool:
    """True when the person made the journal read-only: the file or its folder has no
    write permission for its owner (checked on the bits, so that it holds even for an
    administrator), or this process may not write there (a read-only disk)."""
    path = Path(path)
    for candidate in (path, path.parent):
        try:
            mode = candidate.stat().st_mode
        except FileNotFoundError:
            continue
        if not mode & stat.S_IWUSR or not os.access(candidate, os.W_OK):
            return True
    return False


def _probe(engine: Engine, path: Path) -> None:
    """Connect now, so a journal SQLite cannot write beside (read-only disk or
    folder, no room for the -journal file) is refused here with its cause named,
    not at the first save."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DBAPIError as exc:
        raise JournalOpenError(_cannot_write(path, exc)) from exc
    try:
        restrict_permissions(path, strict=True)
    except OSError as exc:
        raise JournalOpenError(
            f"{path} cannot be opened for writing: {exc.strerror}"
            + (" (the disk is read-only)" if exc.errno == errno.EROFS else "")
        ) from exc


def _cannot_write(path: Path, exc: DBAPIError) -> str:
    trouble = classify(exc)
    if trouble in (Trouble.READ_ONLY, Trouble.CANNOT_OPEN):
        cause = (
            "the disk or folder is read-only or not yours (SQLite needs to create "
            f"{path.name}-journal beside the journal while it saves)"
        )
    elif trouble is Trouble.FULL:
        cause = "the disk is full"
    else:
        cause = sqlite_message(exc)
    return f"{path} cannot be opened for writing: {cause}"


def inspect_file(
    path: Path, *, what: str = "journal", thorough: bool = True, recover: bool = False
) -> int:
    """The schema version of the journal at ``path`` (0 for a new, empty file).

    ``thorough=False`` skips reading every page and value (for listing backups
    that were checked when they were made); the header checks remain.

    Raises JournalOpenError for anything that is not a healthy numbjournal
    journal (``what`` names it in the message: a journal, a backup). The checks
    never write and create no side file (see ``read_only_uri``), except that
    with ``recover`` a write interrupted by a crash (a hot ``-journal`` file) is
    first rolled back, as any program opening the database would.
    """
    size = path.stat().st_size
    if size == 0:
        return 0
    untouched = "it was left untouched" if what == "journal" else "nothing was changed"
    with open(path, "rb") as handle:
        header = handle.read(100)
    encrypted = encryption.key_for(path) is not None  # asks for nothing, refuses if locked
    if not header.startswith(SQLITE_HEADER) and not encrypted:
        if encryption.has_plaintext_mark(header):
            raise DamagedJournalError(
                f"{path} is damaged: its SQLite header is broken; {untouched}"
            )
        raise DamagedJournalError(
            f"{path} is not a numbjournal {what} (it is not an SQLite database); {untouched}"
        )
    expected = 0 if encrypted else _expected_size(path, header)  # its header is ciphertext
    page = encryption.PAGE_SIZE if encrypted else _page_size(header)
    if len(header) < 100 or size < expected or size % page:
        raise DamagedJournalError(
            f"{path} is damaged: the file is cut short ({size} bytes where the database "
            f"says it has at least {max(expected, page)}); {untouched}"
        )
    try:
        if recover:
            _roll_back_interrupted_write(path)
        conn = encryption.connect(path, read_only_uri(path), uri=True)
    except encryption.database_errors() as exc:
        raise JournalOpenError(f"{path} cannot be read ({_read_cause(exc)}); {untouched}") from exc
    # A damaged file can hold names that are not UTF-8, and the check's report quotes them.
    conn.text_factory = _lenient_text
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        problems = ["ok"]
        if thorough:
            problems = [row[0] for row in conn.execute(f"PRAGMA {OPEN_CHECK}(3)")]
        ours = app_id == APPLICATION_ID and version == SCHEMA_VERSION
        unreadable = find_unreadable(conn) if thorough and ours and problems == ["ok"] else None
    except encryption.file_errors(UnicodeDecodeError) as exc:
        # SQLite's own error message can quote a damaged name that is not UTF-8.
        raise DamagedJournalError(
            f"{path} is damaged and cannot be read (SQLite: {exc}); {untouched}"
        ) from exc
    finally:
        conn.close()
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise DamagedJournalError(
            f"{path} is an SQLite database made by another program, not a numbjournal "
            f"{what}; {untouched}"
        )
    if version > SCHEMA_VERSION:
        raise NewerJournalError(
            f"{path} was written by a newer version of numbjournal ({what} schema "
            f"{version}; this version understands up to {SCHEMA_VERSION}). Please update "
            f"numbjournal; {untouched}"
        )
    if problems != ["ok"]:
        raise DamagedJournalError(
            f"{path} is damaged (SQLite's {OPEN_CHECK} found: {'; '.join(problems)}); {untouched}"
        )
    if unreadable is not None:
        raise DamagedJournalError(f"{path} is damaged: {unreadable}; {untouched}")
    return int(version)


def _roll_back_interrupted_write(path: Path) -> None:
    """Let SQLite undo a write cut short by a crash (it keeps the undo in ``-journal``)."""
    if not path.with_name(path.name + "-journal").exists():
        return
    conn = encryption.connect(path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def _read_cause(exc: Exception) -> str:
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
        return (
            "a write was interrupted and only a writable open can undo it; make the file "
            "and its folder writable and open it again"
        )
    return str(exc)


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def _page_size(header: bytes) -> int:
    raw = int.from_bytes(header[16:18], "big")
    return 65536 if raw == 1 else max(raw, 1)


def _expected_size(path: Path, header: bytes) -> int:
    """The size the header promises; SQLite reads a cut-off last page as zeros."""
    if len(header) < 100 or path.with_name(path.name + "-wal").exists():
        return 0
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]
    return pages * _page_size(header) if valid else 0


def restrict_permissions(path: Path, *, strict: bool = False) -> None:
    """Owner-only access for the journal and whatever side files SQLite made.

    Permissions are only ever tightened: the group's and others' bits are
    removed, the owner's are left as the person set them (never adding write).
    After opening, a failure here must not turn a committed save into an error.
    """
    if os.name != "posix":
        return
    sides = (path.with_name(path.name + s) for s in SIDE_SUFFIXES)
    for candidate in (path, *sides, lock_path(path)):
        try:
            tighten(candidate)
        except FileNotFoundError:
            continue
        except OSError:
            if strict:
                raise


def tighten(path: Path) -> None:
    """Remove the group's and others' permission bits from ``path``, if it has any."""
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:
        os.chmod(path, mode & ~0o077)


def _create_private(path: Path) -> None:
    parent = path.parent
    if not parent.exists():
        parent.mkdir(parents=True, mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise JournalOpenError(f"cannot create the journal {path}: {exc.strerror}") from exc
    os.close(fd)


def _migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.commit()
