"""Paint first: the window shows the newest rows, then the journal is opened beside it.

The first frame needs only what a person sees (the newest episodes and their
own flags, read by :mod:`numbjournal.core.preview` with the standard
library). Once it is painted, :class:`JournalOpener` imports SQLAlchemy,
runs the open checks (and a migration or the day's backup, only after they
pass), loads every episode and counts the journal-wide flags on a worker
thread, so the window keeps taking input; the service gets the journal on
the window's thread. Nothing is written before the checks pass.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..core.errors import JournalOpenError
from ..core.model import Episode
from ..core.triage import JournalFlags, evaluate_journal, load_settings
from ..paths import data_dir, ensure_private_dir

if TYPE_CHECKING:
    from ..core.store import Journal

# If the window is never painted (minimised at start), open the journal anyway.
NOT_PAINTED_MS = 300


@dataclass
class Opened:
    """A journal that passed its open checks, with every episode and their flags."""

    journal: Journal
    episodes: list[Episode]  # newest first
    flags: JournalFlags


def open_and_load(path: Path) -> Opened:
    """The journal at ``path`` opened (checked, created, migrated) and read in full.

    Raises JournalOpenError (the refusal screen says why); the file is untouched then.
    """
    from ..core.store import Journal  # SQLAlchemy and Alembic: after the first frame

    if path.parent == data_dir():
        ensure_private_dir(path.parent)
    journal = Journal.open(path)
    try:
        episodes = journal.episodes(newest_first=True)
        oldest_first = list(reversed(episodes))
        flags = evaluate_journal(oldest_first, journal.profile(), load_settings(journal))
    except BaseException:
        journal.close()
        raise
    return Opened(journal, episodes, flags)


class JournalOpener(QObject):
    """Runs :func:`open_and_load` on a worker thread; reports on the thread that made it.

    ``opened`` carries an :class:`Opened`, ``refused`` the JournalOpenError;
    any other exception is a bug and goes to ``sys.excepthook`` (the crash
    dialog) on this object's thread.
    """

    opened = Signal(object)
    refused = Signal(object)
    _done = Signal(object)  # from the worker: an Opened or an exception

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._thread: threading.Thread | None = None
        self._abandoned = False
        self._done.connect(self._report)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="open-journal", daemon=True)
            self._thread.start()

    @property
    def started(self) -> bool:
        return self._thread is not None

    def _run(self) -> None:
        try:
            outcome: object = open_and_load(self.path)
        except Exception as exc:  # reported on the window's thread
            outcome = exc
        self._done.emit(outcome)

    def _report(self, outcome: object) -> None:
        if self._abandoned:
            if isinstance(outcome, Opened):
                outcome.journal.close()
        elif isinstance(outcome, Opened):
            self.opened.emit(outcome)
        elif isinstance(outcome, JournalOpenError):
            self.refused.emit(outcome)
        elif isinstance(outcome, BaseException):
            sys.excepthook(type(outcome), outcome, outcome.__traceback__)

    def finish(self) -> None:
        """The window is gone: wait for the worker, and close a journal nobody will take."""
        self._abandoned = True
        if self._thread is not None:
            self._thread.join()
        # The worker's report may still be queued: deliver it now, so the journal is closed.
        QCoreApplication.sendPostedEvents(self)


class _FirstPaint(QObject):
    """Watches ``window`` itself, which is painted first in each paint pass.

    Not the whole application: a Python filter there sees every object's
    events, and turning each unfamiliar object into Python made PySide6
    build the enums of a hundred classes during the first frame.
    """

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window: QWidget | None = window
        self._callback: Callable[[], None] | None = callback
        window.installEventFilter(self)
        QTimer.singleShot(NOT_PAINTED_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            self._stop_watching()
            QTimer.singleShot(0, self, self._fire)  # once this paint pass is done
        return False

    def _stop_watching(self) -> None:
        if self._window is not None:
            self._window.removeEventFilter(self)
            self._window = None

    def _fire(self) -> None:
        self._stop_watching()
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once ``window`` has been painted (or after a short while if it is not)."""
    _FirstPaint(window, callback)
