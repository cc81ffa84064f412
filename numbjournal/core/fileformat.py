"""What marks a file as a numbjournal journal, and how to read one without writing.

Standard library only: the window's first frame reads the newest rows before
SQLAlchemy is imported (see :mod:`numbjournal.core.preview`), and the open
checks in ``store/opening.py`` use the same marks.
"""

from __future__ import annotations

from pathlib import Path

APPLICATION_ID = 0x4E4A524E  # "NJRN", in PRAGMA application_id
SQLITE_HEADER = b"SQLite format 3\x00"


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without creating or changing any file.

    ``immutable`` is only safe when no ``-wal`` file holds committed changes
    that are not yet in the main file; then a plain read-only open is used.
    """
    path = Path(path).absolute()
    if path.with_name(path.name + "-wal").exists():
        return f"{path.as_uri()}?mode=ro"
    return f"{path.as_uri()}?mode=ro&immutable=1"
