"""Passphrase encryption at rest: SQLCipher 4 through the optional ``sqlcipher3`` wheel.

An encrypted journal is an SQLCipher 4 database: every page is encrypted
(AES-256) and authenticated (HMAC-SHA512); only the first 16 bytes, a random
salt, are readable. The key is derived from the passphrase once per start
with SQLCipher 4's own derivation (PBKDF2-HMAC-SHA512, 256,000 rounds, the
file's salt), here with the standard library, and every connection after
that is given the derived key itself ("raw key"), so no query pays the
derivation again.

Keys are remembered for this process only, by salt: the journal and its
backups share one salt and key, so whichever of them is opened finds its key
without the path being passed around. Nothing is written to disk.

A plaintext journal never touches ``sqlcipher3`` (it need not be installed):
the standard library's ``sqlite3`` reads it as before. Two SQLite libraries
must not hold the same file open at once in one process (their POSIX locks
would not see each other), so a file is always opened by exactly one of them,
chosen by its header.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from .errors import JournalOpenError
from .fileformat import SQLITE_HEADER, read_only_uri

SALT_BYTES = 16
KEY_BYTES = 32
KDF_ITERATIONS = 256_000  # SQLCipher 4's default; PBKDF2-HMAC-SHA512
PAGE_SIZE = 4096  # SQLCipher 4's default page size: an encrypted file is whole pages
INSTALL_HINT = "pip install 'numbjournal[encryption]'"


class EncryptionUnavailableError(JournalOpenError):
    """The optional sqlcipher3 package is not installed."""


class PassphraseError(JournalOpenError):
    """No passphrase, an empty one, or one that does not open the journal."""


class LockedJournalError(JournalOpenError):
    """The journal is encrypted and its passphrase has not been given in this process."""


@dataclass(frozen=True, slots=True)
class JournalKey:
    """A derived SQLCipher key and the salt it belongs to (never the passphrase)."""

    key: bytes
    salt: bytes

    def __repr__(self) -> str:  # keys must never reach a log or a crash report
        return "JournalKey(<hidden>)"

    @property
    def pragma_value(self) -> str:
        """The raw key with its salt, as SQLCipher's ``PRAGMA key``/``ATTACH ... KEY`` take it.

        With the salt given, a new file made with this key gets this salt, so the
        passphrase opens it as well as the journal it came from.
        """
        return f"x'{self.key.hex()}{self.salt.hex()}'"


_KEYS: dict[bytes, JournalKey] = {}

DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)


def sqlcipher() -> ModuleType:
    """The ``sqlcipher3`` DB-API module, or a one-line refusal naming the extra."""
    global DATABASE_ERRORS
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:
        raise EncryptionUnavailableError(
            "passphrase encryption needs the optional sqlcipher3 package, which is not "
            f"installed ({INSTALL_HINT})"
        ) from exc
    DATABASE_ERRORS = (sqlite3.Error, dbapi2.Error)
    module: ModuleType = dbapi2
    return module


def available() -> bool:
    try:
        sqlcipher()
    except EncryptionUnavailableError:
        return False
    return True


def database_errors() -> tuple[type[Exception], ...]:
    """What ``except`` must catch from a connection of either library."""
    return DATABASE_ERRORS


def file_errors(*more: type[Exception]) -> tuple[type[Exception], ...]:
    """``database_errors``, OSError (a file gone or unreadable) and ``more``."""
    return (*DATABASE_ERRORS, OSError, *more)


def _header(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return b""


def looks_encrypted(path: Path) -> bool:
    """Whether ``path`` holds whole pages without SQLite's header: an encrypted journal,
    or (without the passphrase no one can tell) something that is not a journal."""
    try:
        size = Path(path).stat().st_size
    except FileNotFoundError:
        return False
    if size == 0 or size % PAGE_SIZE:
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(24)
    except FileNotFoundError:
        return False
    return not head.startswith(SQLITE_HEADER) and not has_plaintext_mark(head)


# Bytes 21-23 of every plaintext SQLite file are 64, 32, 32 (payload fractions the
# file format fixes); in an encrypted file they are ciphertext. A file that has them
# but not the magic string is a damaged plaintext journal, not an encrypted one.
PLAINTEXT_MARK_AT = slice(21, 24)
PLAINTEXT_MARK = b"\x40\x20\x20"


def has_plaintext_mark(header: bytes) -> bool:
    return header[PLAINTEXT_MARK_AT] == PLAINTEXT_MARK


def derive(passphrase: str, salt: bytes) -> JournalKey:
    """SQLCipher 4's key for ``passphrase`` and ``salt`` (the slow step, ~0.2 s)."""
    raw = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES)
    return JournalKey(raw, salt)


def new_key(passphrase: str) -> JournalKey:
    """A key for a file about to be encrypted, with a fresh random salt."""
    import os

    check_new_passphrase(passphrase)
    return derive(passphrase, os.urandom(SALT_BYTES))


def check_new_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise PassphraseError("the passphrase is empty; nothing was changed")
    if passphrase != passphrase.strip():
        raise PassphraseError(
            "the passphrase starts or ends with a space, which is easy to mistype; "
            "nothing was changed"
        )


def unlock(path: Path, passphrase: str) -> JournalKey:
    """Derive the key for the encrypted journal (or backup) at ``path`` and prove it.

    Raises PassphraseError for an empty or wrong passphrase; nothing is written.
    """
    sqlcipher()
    path = Path(path)
    if not passphrase:
        raise PassphraseError(f"no passphrase was given for {path}; it was left untouched")
    salt = _header(path)[:SALT_BYTES]
    key = derive(passphrase, salt)
    if not key_opens(path, key):
        raise PassphraseError(
            f"the passphrase does not open {path} (or it is not a numbjournal journal); "
            "it was left untouched"
        )
    _KEYS[salt] = key
    return key


def key_opens(path: Path, key: JournalKey) -> bool:
    """Whether ``key`` decrypts ``path`` (read-only, nothing written)."""
    module = sqlcipher()
    try:
        conn = module.connect(read_only_uri(path), uri=True)
    except module.Error:
        return False
    try:
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.Error:
        return False
    finally:
        conn.close()
    return True


def remember(key: JournalKey) -> None:
    _KEYS[key.salt] = key


def forget_all() -> None:
    """Drop every key (the window's idle lock; tests)."""
    _KEYS.clear()


def key_for(path: Path) -> JournalKey | None:
    """The key that opens ``path``: None for a plaintext (or new) file.

    Raises LockedJournalError for an encrypted file whose passphrase was not given.
    """
    if not looks_encrypted(path):
        return None
    key = _KEYS.get(_header(path)[:SALT_BYTES])
    if key is None:
        raise LockedJournalError(
            f"{path} is encrypted (or is not a numbjournal journal): its passphrase is "
            "needed; it was left untouched"
        )
    return key


def apply_key(conn: Any, key: JournalKey) -> None:
    """Give a fresh SQLCipher connection its key, before anything reads the file."""
    conn.execute("PRAGMA cipher_log_level = NONE")  # errors come back as exceptions
    conn.execute(f'PRAGMA key = "{key.pragma_value}"')


def connect(
    path: Path, database: str | None = None, *, uri: bool = False, timeout: float = 5.0
) -> Any:
    """A DB-API connection to ``path`` by the library its header calls for.

    ``database`` (a URI with ``uri=True``) is what is opened, ``path`` the file it
    names; an encrypted one gets its remembered key.
    """
    return connect_with(
        database if database is not None else path, key_for(path), uri=uri, timeout=timeout
    )


def connect_with(
    database: Path | str, key: JournalKey | None, *, uri: bool = False, timeout: float = 5.0
) -> Any:
    """A connection that uses ``key`` (plaintext for None), e.g. for a file being made."""
    if key is None:
        return sqlite3.connect(database, uri=uri, timeout=timeout)
    conn = sqlcipher().connect(str(database), uri=uri, timeout=timeout)
    try:
        apply_key(conn, key)
    except BaseException:
        conn.close()
        raise
    return conn


def engine_options(key: JournalKey | None) -> dict[str, Any]:
    """``create_engine`` arguments: SQLCipher's DB-API module for an encrypted journal,
    so SQLAlchemy wraps its errors like sqlite3's."""
    return {} if key is None else {"module": sqlcipher()}


def check_same_key(backup: Path, journal: Path | None) -> None:
    """Refuse (changing nothing) to restore a backup that is encrypted differently from the
    journal, such as one made before encryption was turned on; the backup API copies
    pages between files of one key only."""
    if journal is None or not journal.exists() or journal.stat().st_size == 0:
        return
    theirs, ours = key_for(backup), key_for(journal)
    if theirs == ours:
        return
    if ours is None:
        why = "the backup is encrypted but the journal is not"
    elif theirs is None:
        why = "the backup is not encrypted but the journal is"
    else:
        why = "the backup is encrypted with another passphrase"
    raise JournalOpenError(
        f"cannot restore {backup}: {why} (it was made before encryption was turned on or "
        "off, or before the passphrase changed); the journal was not changed"
    )
