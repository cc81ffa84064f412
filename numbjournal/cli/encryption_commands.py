"""``numbjournal encrypt``, ``passphrase`` and ``decrypt`` (journal-format.md section 2),
and how every command gets an encrypted journal's passphrase.

The passphrase comes from ``NUMBJOURNAL_PASSPHRASE`` or is typed on a terminal
(never echoed); without either, the command fails with one line before it
reads or writes anything. The new passphrase of ``encrypt`` and ``passphrase``
comes from ``NUMBJOURNAL_PASSPHRASE`` / ``NUMBJOURNAL_NEW_PASSPHRASE`` or is
typed twice.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core import encryption
from ..core.errors import NumbjournalError

if TYPE_CHECKING:  # both bring SQLAlchemy: imported by the handlers, not by --help
    from ..core.store.conversion import ConversionResult
    from .context import CommandContext

ENV_PASSPHRASE = "NUMBJOURNAL_PASSPHRASE"
ENV_NEW_PASSPHRASE = "NUMBJOURNAL_NEW_PASSPHRASE"
# Commands that never read the journal, so never ask for its passphrase.
WITHOUT_JOURNAL = frozenset({"install-desktop-entry", "encrypt", "passphrase", "decrypt"})


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    where = (
        f"The passphrase is read from ${ENV_PASSPHRASE}, or typed on the terminal "
        "(it is not shown). A forgotten passphrase cannot be recovered by anyone."
    )
    parser = subparsers.add_parser(
        "encrypt",
        parents=[common],
        help="protect the journal and its backups with a passphrase (SQLCipher)",
        description="Encrypt the journal and its backups with a passphrase. A backup is "
        f"made first; the journal is replaced only once the encrypted copy checks out. {where}",
    )
    parser.set_defaults(handler=encrypt_command)
    parser = subparsers.add_parser(
        "passphrase",
        parents=[common],
        help="change the passphrase of an encrypted journal",
        description="Re-encrypt the journal and its backups with a new passphrase. The "
        f"current one comes from ${ENV_PASSPHRASE} and the new one from "
        f"${ENV_NEW_PASSPHRASE}, or both are typed on the terminal.",
    )
    parser.set_defaults(handler=passphrase_command)
    parser = subparsers.add_parser(
        "decrypt",
        parents=[common],
        help="turn encryption off: store the journal and its backups in plaintext",
        description=f"Remove the passphrase from the journal and its backups. {where}",
    )
    parser.set_defaults(handler=decrypt_command)


def unlock(path: Path) -> None:
    """Before a command reads an encrypted journal: its passphrase, checked (once)."""
    if encryption.looks_encrypted(path):
        encryption.sqlcipher()
        encryption.unlock(path, read_passphrase(ENV_PASSPHRASE, f"Passphrase for {path}: "))


def read_passphrase(variable: str, prompt: str, *, confirm: bool = False) -> str:
    """From the environment, else typed without echo on a terminal, else one-line refusal."""
    value = os.environ.get(variable)
    if value is not None:
        if not value:
            raise encryption.PassphraseError(f"${variable} is empty; nothing was changed")
        return value
    if not _on_terminal():
        raise encryption.PassphraseError(
            f"a passphrase is needed: set ${variable} or run the command in a terminal "
            "to type it; nothing was changed"
        )
    typed = getpass.getpass(prompt)
    if not typed:
        raise encryption.PassphraseError("no passphrase was typed; nothing was changed")
    if confirm and getpass.getpass("The same passphrase again: ") != typed:
        raise encryption.PassphraseError(
            "the two passphrases typed are not the same; nothing was changed"
        )
    return typed


def _on_terminal() -> bool:
    try:
        return os.isatty(sys.stdin.fileno())
    except (AttributeError, OSError, ValueError):
        return False


def _existing(ctx: CommandContext) -> Path:
    path = ctx.journal_path
    if not path.exists():
        raise NumbjournalError(
            f"there is no journal at {path} (check --db or NUMBJOURNAL_DB); nothing was created"
        )
    return path


def encrypt_command(ctx: CommandContext) -> int:
    from ..core.store.conversion import encrypt_journal

    path = _existing(ctx)
    encryption.sqlcipher()
    if encryption.looks_encrypted(path):
        raise NumbjournalError(
            f"{path} is already encrypted; to change its passphrase: numbjournal passphrase"
        )
    new = read_passphrase(ENV_PASSPHRASE, "New passphrase: ", confirm=True)
    encryption.check_new_passphrase(new)
    ctx.journal().count()  # the usual opening: checks, migration, before the conversion
    ctx.close()
    _report(ctx, path, encrypt_journal(path, new), "encrypted")
    return 0


def passphrase_command(ctx: CommandContext) -> int:
    from ..core.store.conversion import change_passphrase

    path = _locked_journal(ctx)
    unlock(path)
    new = read_passphrase(ENV_NEW_PASSPHRASE, "New passphrase: ", confirm=True)
    encryption.check_new_passphrase(new)
    _report(ctx, path, change_passphrase(path, new), "encrypted with the new passphrase")
    return 0


def decrypt_command(ctx: CommandContext) -> int:
    from ..core.store.conversion import decrypt_journal

    path = _locked_journal(ctx)
    unlock(path)
    _report(ctx, path, decrypt_journal(path), "no longer encrypted")
    return 0


def _locked_journal(ctx: CommandContext) -> Path:
    path = _existing(ctx)
    encryption.sqlcipher()
    if not encryption.looks_encrypted(path):
        raise NumbjournalError(f"{path} is not encrypted; nothing was changed")
    return path


def _report(ctx: CommandContext, path: Path, result: ConversionResult, state: str) -> None:
    ctx.out.write(f"{path} is {state}.\n")
    if result.backups_converted:
        ctx.out.write(f"Its {result.backups_converted} backups were converted too.\n")
    if result.backups_left:
        ctx.out.write(
            f"{result.backups_left} older backups were left as they were: they open only "
            "with the passphrase they were made with.\n"
        )
