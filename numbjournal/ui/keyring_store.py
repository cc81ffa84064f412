"""Remembering a journal's passphrase in the operating system's keyring, if the person asks.

``keyring`` is optional (``pip install 'numbjournal[keyring]'``); without it, or
without a working keyring behind it (a desktop with no Secret Service), the
passphrase dialog offers no "remember" at all. Nothing is ever written to a
plain file.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import ModuleType

SERVICE = "numbjournal"

log = logging.getLogger(__name__)


def _keyring() -> ModuleType | None:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring set-up must not stop the journal from opening
        log.warning("the system keyring cannot be used", exc_info=True)
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "backends", None) == []:
        return None
    found: ModuleType = keyring
    return found


def available() -> bool:
    return _keyring() is not None


def load(path: Path) -> str | None:
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        value = keyring.get_password(SERVICE, str(path))
    except Exception:
        log.warning("the system keyring could not be read", exc_info=True)
        return None
    return value if isinstance(value, str) and value else None


def save(path: Path, passphrase: str) -> bool:
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, str(path), passphrase)
    except Exception:
        log.warning("the system keyring could not be written", exc_info=True)
        return False
    return True


def forget(path: Path) -> None:
    keyring = _keyring()
    if keyring is None:
        return
    try:
        keyring.delete_password(SERVICE, str(path))
    except Exception:  # nothing stored, or a keyring that refuses: nothing to forget
        log.debug("nothing to forget in the keyring for %s", path, exc_info=True)
