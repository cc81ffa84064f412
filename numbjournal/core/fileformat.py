"""What marks a file as a numbjournal journal, and how to read one without writing.

Standard library only: the window's first frame reads the newest rows before
SQLAlchemy is imported (see :mod:`numbjournal.core.preview`), and the open
checks in ``store/opening.py`` use the same marks.
"""

from __future__ import annotations

from pathlib import Path

APPLICATION_ID = 0x4E4A524E  # "NJRN", in PRAGMA application_id
SQLITE_HEADER = b"SQLite format 3\x00"
# Offsets 18 and 19 of an SQLite header (write and read versions): 2 and 2 in WAL mode.
WAL_HEADER_BYTES = b"\x02\x02"


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without creating or changing any file.

    A file in rollback mode (every journal since numbjournal 0.2) is opened
    ``mode=ro``: no side file is created, and SQLite's locks keep a reader from
    seeing another process's half-done commit. ``immutable`` (no locks at all)
    is used only for a file still in WAL mode with no ``-wal`` beside it, where
    ``mode=ro`` would create ``-wal`` and ``-shm`` files; with a ``-wal`` file,
    its committed changes must be read, so a plain ``mode=ro`` is used.
    """
    path = Path(path).absolute()
    side = (
        path.with_name(path.name + "-wal").exists()
        or path.with_name(path.name + "-journal").exists()
    )
    if not side and _in_wal_mode(path):
        return f"{path.as_uri()}?mode=ro&immutable=1"
    return f"{path.as_uri()}?mode=ro"


def _in_wal_mode(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return header[18:20] == WAL_HEADER_BYTES
