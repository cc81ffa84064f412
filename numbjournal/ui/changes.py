"""What the window's service tells views and the undo stack about a change."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QUndoCommand

from ..core.errors import NumbjournalError
from ..core.model import Episode


class StillOpeningError(NumbjournalError):
    """A write asked for before the journal passed its open checks."""


@dataclass(frozen=True)
class EpisodeChanges:
    """What one save, delete or undo changed, so views update those rows only.

    ``saved`` are new or edited episodes (as now stored), ``removed`` the ids
    deleted, ``reflagged`` ids of other episodes whose flags changed with it
    (an ongoing episode that has now gone on too long).
    """

    saved: tuple[Episode, ...] = ()
    removed: tuple[int, ...] = ()
    reflagged: tuple[int, ...] = ()


class UndoableChange(QUndoCommand):
    """One undoable change; the first redo is skipped because the change is already done.

    Doing the change before pushing lets a failed save raise to the caller
    (who shows why) instead of leaving a half-pushed command on the stack.
    """

    def __init__(
        self,
        text: str,
        redo: Callable[[], object],
        undo: Callable[[], object],
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo
        self._on_error = on_error
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except NumbjournalError as exc:
            self.setObsolete(True)
            self._on_error(str(exc))


def file_state(path: Path) -> tuple[int, ...]:
    """When the journal and its write-ahead log last changed, and their sizes.

    The service compares this every few seconds to notice an episode logged
    by another program (the command line) while the window is open.
    """
    state: list[int] = []
    for suffix in ("", "-wal"):
        try:
            info = os.stat(f"{path}{suffix}")
            state += [info.st_mtime_ns, info.st_size]
        except OSError:
            state += [0, 0]
    return tuple(state)
