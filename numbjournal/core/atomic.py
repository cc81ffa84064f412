"""Writing a file so that it is either complete or not there at all.

Exports and backups are written to a temporary file in the destination
folder, flushed to disk, then renamed over the destination: a full disk, a
crash or an exception part-way leaves the old file (or no file), never an
empty or half-written one. Files are created owner-only because they hold
health data.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import NumbjournalError

Writer = Callable[[BinaryIO], object]


class FileWriteError(NumbjournalError):
    """A file could not be written; whatever was at the destination is unchanged."""


def atomic_write(path: Path | str, data_or_writer: bytes | str | Writer, mode: int = 0o600) -> Path:
    """Write ``path`` in one piece: text (UTF-8), bytes, or ``writer(binary_file)``."""
    target = Path(path)
    with atomic_path(target, mode=mode) as temporary, open(temporary, "wb") as handle:
        if isinstance(data_or_writer, str):
            handle.write(data_or_writer.encode("utf-8"))
        elif isinstance(data_or_writer, bytes):
            handle.write(data_or_writer)
        else:
            data_or_writer(handle)
    return target


@contextlib.contextmanager
def atomic_path(path: Path | str, mode: int = 0o600) -> Iterator[Path]:
    """A temporary path to write in full; renamed to ``path`` only if the block succeeds.

    For writers that want a file name rather than a file object (Qt's PDF
    writer, matplotlib's ``savefig``). The temporary file exists, empty and
    owner-only, when the block starts.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise FileWriteError(describe_os_error(target, exc)) from exc
    temporary = Path(name)
    os.close(fd)
    try:
        _chmod(temporary, mode)
        yield temporary
        _fsync_file(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        _discard(temporary)
        raise FileWriteError(describe_os_error(target, exc)) from exc
    except BaseException:
        _discard(temporary)
        raise
    _fsync_folder(folder)


def describe_os_error(path: Path, exc: OSError) -> str:
    """Name the cause a person can act on, and say the file was not written."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        cause = "the disk is full"
    elif code == errno.EROFS:
        cause = "the disk or folder is read-only"
    elif code in (errno.EACCES, errno.EPERM):
        cause = "permission denied (the folder or file is not writable)"
    elif code == errno.ENOENT:
        cause = "the folder does not exist"
    elif code == errno.EISDIR:
        cause = "it is a folder"
    else:
        cause = exc.strerror or str(exc)
    return f"{cause}; {path} was not written"


def _chmod(path: Path, mode: int) -> None:
    if os.name == "posix":
        os.chmod(path, mode)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on Windows."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
