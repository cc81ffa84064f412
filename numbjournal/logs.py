"""The log file: what numbjournal did and what went wrong, never what the person wrote.

One rotating file, ``logs/numbjournal.log`` in the data folder, readable by its
owner only. Messages are numbjournal's own words (paths, counts, causes);
an exception is written as its type and the lines of code it passed through,
never its message, because a message can quote an episode (SQLAlchemy's
errors repeat the values of the statement that failed). Other libraries'
records reach the file only from WARNING up, and SQLAlchemy's statement
logging is kept off even if the level is raised.
"""

from __future__ import annotations

import logging
import os
import stat
import traceback
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType

from .paths import data_dir

LOG_FOLDER = "logs"
LOG_FILE = "numbjournal.log"
MAX_BYTES = 512 * 1024
KEEP = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


def log_dir() -> Path:
    return data_dir() / LOG_FOLDER


class ContentFreeFormatter(logging.Formatter):
    """Exceptions as type and frames only: the message could hold episode content."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached the full traceback text on the record.
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: ExcInfo) -> str:
        kind, _value, tb = ei
        frames = traceback.extract_tb(tb)
        lines = [f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in frames]
        name = "?" if kind is None else f"{kind.__module__}.{kind.__qualname__}"
        return "Traceback (message left out):\n" + "\n".join(lines) + f"\n{name}"


class PrivateRotatingFileHandler(logging.FileHandler):
    """An owner-only (0600) file, whatever the umask, that starts afresh past ``max_bytes``.

    The older files are kept as ``.1`` (newest) to ``.{keep}``. Written here
    rather than taken from ``logging.handlers``, whose imports (sockets,
    pickle, queues) were a visible part of the time to the window's first
    frame.
    """

    def __init__(self, filename: Path, max_bytes: int, keep: int) -> None:
        self.max_bytes = max_bytes
        self.keep = keep
        super().__init__(filename, mode="a", encoding="utf-8")

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        if os.name == "posix":
            mode = stat.S_IMODE(os.fstat(fd).st_mode)
            if mode & 0o077:
                os.fchmod(fd, mode & ~0o077)
        return open(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        size = self.stream.seek(0, os.SEEK_END)
        return size > 0 and size + len(self.format(record)) + 1 > self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        for number in range(self.keep - 1, 0, -1):
            older = Path(f"{self.baseFilename}.{number}")
            if older.exists():
                os.replace(older, f"{self.baseFilename}.{number + 1}")
        os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.stream = self._open()


def setup_logging(folder: Path | None = None) -> Path | None:
    """Send log records to the rotating file; its path, or None if it cannot be written.

    Without a file (a read-only data folder, say) warnings still reach
    standard error the way Python shows them by default.
    """
    folder = log_dir() if folder is None else folder
    try:
        private_folder(folder)
        handler = PrivateRotatingFileHandler(folder / LOG_FILE, MAX_BYTES, KEEP)
    except OSError:
        return None
    handler.setFormatter(ContentFreeFormatter(FORMAT))
    ours = logging.getLogger("numbjournal")
    ours.setLevel(logging.INFO)
    # A library's logging.config call (dictConfig disables the loggers that exist
    # by then) must not silence numbjournal's own.
    for name, logger in logging.root.manager.loggerDict.items():
        if (name == "numbjournal" or name.startswith("numbjournal.")) and isinstance(
            logger, logging.Logger
        ):
            logger.disabled = False
    root = logging.getLogger()
    for existing in [h for h in root.handlers if isinstance(h, PrivateRotatingFileHandler)]:
        root.removeHandler(existing)
        existing.close()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level < logging.WARNING:
        root.setLevel(logging.WARNING)
    # SQLAlchemy logs each statement with its values at INFO: never into this file.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    return folder / LOG_FILE


def private_folder(folder: Path) -> Path:
    """Create the log folder owner-only; an existing one only loses group/other bits."""
    base = folder.parent
    if not base.exists():
        base.mkdir(parents=True, mode=0o700)
    folder.mkdir(mode=0o700, exist_ok=True)
    if os.name == "posix":
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077:
            os.chmod(folder, mode & ~0o077)
    return folder
