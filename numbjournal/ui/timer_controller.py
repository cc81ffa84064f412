"""The timer's actions and its ticking text, for the window, toolbar and tray.

"Numbness started" and "It stopped" are QActions so the menu, the toolbar
and the tray icon share one enabled state; stopping hands an unsaved draft
to whoever opens the editor (the main window), so this class never shows a
dialog itself.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence

from ..core import words
from ..core.errors import NumbjournalError
from ..core.timer import Clock, EpisodeTimer, SettingStore, draft_from_timer, local_now

TICK_MS = 1000


class TimerController(QObject):
    """Runs the journal's episode timer from the window.

    ``changed`` fires when the timer starts or stops; ``elapsed_changed``
    once a second while it runs; ``stopped`` carries the draft episode
    (start and duration filled in); ``failed`` carries a message when the
    journal could not be written.
    """

    changed = Signal()
    elapsed_changed = Signal(str)
    stopped = Signal(object)  # Episode draft
    failed = Signal(str)

    def __init__(
        self, store: SettingStore, clock: Clock = local_now, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.timer = EpisodeTimer(store, clock)
        self.start_action = QAction("Numbness &started", self)
        self.start_action.setToolTip("Start timing an episode that is happening now")
        self.start_action.setStatusTip(
            "Start a timer now; choose “It stopped” when the numbness goes away."
        )
        self.stop_action = QAction("It st&opped", self)
        self.stop_action.setToolTip("Stop the timer and log the episode")
        self.stop_action.setStatusTip("Stop the timer and fill in the rest of the episode.")
        # One key each, so an episode can be timed without finding the toolbar.
        self.start_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.stop_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.start_action.triggered.connect(self.start)
        self.stop_action.triggered.connect(self.stop)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self.refresh()

    def running(self) -> bool:
        return self.timer.running()

    def started_at(self) -> datetime | None:
        return self.timer.started_at()

    def elapsed_text(self) -> str:
        """What the window and tray show: "" when idle, else since when and for how long."""
        started = self.timer.started_at()
        seconds = self.timer.elapsed_seconds()
        if started is None or seconds is None:
            pending = self.timer.pending()
            if pending is None:
                return ""
            started, minutes = pending
            return (
                f"Timed episode from {started.astimezone():%H:%M} ({minutes} min) not saved yet: "
                "choose “It stopped” to log it"
            )
        local = started.astimezone()
        return f"Numb since {local:%H:%M} ({words.elapsed(seconds)})"

    def refresh(self) -> None:
        """Re-read the journal (at start-up, or after another window changed it)."""
        running = self.timer.running()
        pending = not running and self.timer.pending() is not None
        self.start_action.setEnabled(not running)
        self.stop_action.setEnabled(running or pending)
        if running and not self._ticker.isActive():
            self._ticker.start()
        elif not running:
            self._ticker.stop()
        self.changed.emit()
        self.elapsed_changed.emit(self.elapsed_text())

    def start(self) -> None:
        try:
            self.timer.start()
        except NumbjournalError as error:
            self.failed.emit(str(error))
        self.refresh()

    def stop(self) -> None:
        """Hand the timed episode over; the journal keeps it until :meth:`finish`.

        A timed episode left pending by a crash while its editor was open is
        handed over again, with the length it had when it was stopped.
        """
        try:
            pending = self.timer.pending()
            if pending is None:
                pending = self.timer.stop(keep_until_logged=True)
        except NumbjournalError as error:
            self.failed.emit(str(error))
            self.refresh()
            return
        self.refresh()
        self.stopped.emit(draft_from_timer(*pending))

    def finish(self) -> None:
        """The handed-over episode was saved or discarded: forget the timer."""
        try:
            self.timer.finish()
        except NumbjournalError as error:
            self.failed.emit(str(error))
        self.refresh()

    def _tick(self) -> None:
        self.elapsed_changed.emit(self.elapsed_text())
