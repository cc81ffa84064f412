"""Where the journal lives: ``--db``, then ``NUMBJOURNAL_DB``, then the user data folder.

Nothing here runs at import time, so tests (and people with several
journals) can point everything elsewhere before a file is touched.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "numbjournal"
JOURNAL_FILENAME = "journal.sqlite"
ENV_DB = "NUMBJOURNAL_DB"


def data_dir() -> Path:
    """The platform's per-user data folder for numbjournal (not created here)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, roaming=False)


def default_journal_path() -> Path:
    return data_dir() / JOURNAL_FILENAME


def journal_path(
    cli_value: str | os.PathLike[str] | None, env: Mapping[str, str] | None = None
) -> Path:
    env = os.environ if env is None else env
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    if env.get(ENV_DB):
        return Path(env[ENV_DB]).expanduser().absolute()
    return default_journal_path()


def ensure_private_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) readable by its owner only.

    Only a folder we create, or our own data folder, is tightened: a journal
    given with ``--db`` in a shared folder does not change that folder. An
    existing folder only loses its group and other bits; a folder its owner
    made read-only stays read-only.
    """
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    if os.name == "posix" and folder == data_dir():
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077:
            folder.chmod(mode & ~0o077)
    return folder
