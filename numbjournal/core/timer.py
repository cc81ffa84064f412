"""The running timer: "numbness started" now, "it stopped" later.

The start is kept as a journal setting rather than in memory, so closing
the app (or the laptop) while a leg is numb loses nothing: the next start
finds the timer still running.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from .errors import NumbjournalError
from .model import MAX_DURATION_MINUTES, Episode

SETTING_KEY = "timer.started_at"
# Set by "It stopped" while the timed episode is being filled in; both keys are
# forgotten only once the editor closes, so a crash meanwhile loses nothing.
STOPPED_KEY = "timer.stopped_at"

Clock = Callable[[], datetime]


class SettingStore(Protocol):
    """The part of the journal the timer needs (a Journal, or the window's service)."""

    def setting(self, key: str, default: Any = None) -> Any: ...

    def set_setting(self, key: str, value: Any) -> None: ...

    def delete_setting(self, key: str) -> None: ...


class TimerError(NumbjournalError):
    """Starting a timer that runs already, or stopping one that does not."""


def local_now() -> datetime:
    return datetime.now().astimezone()


def minutes_between(start: datetime, end: datetime) -> int:
    """Whole minutes from ``start`` to ``end``, rounded to the nearest minute.

    Clamped to what an episode may hold, so a clock set backwards gives 0
    and a timer forgotten for months gives the 30-day maximum.
    """
    seconds = (end - start).total_seconds()
    return max(0, min(MAX_DURATION_MINUTES, int((seconds + 30) // 60)))


class EpisodeTimer:
    """Start, stop and read the one running timer of a journal."""

    def __init__(self, store: SettingStore, clock: Clock = local_now) -> None:
        self._store = store
        self._clock = clock

    def now(self) -> datetime:
        return self._clock()

    def started_at(self) -> datetime | None:
        """When the running timer started, or None (idle, or stopped and pending)."""
        if self._store.setting(STOPPED_KEY) is not None:
            return None
        return self._stored_start()

    def _stored_start(self) -> datetime | None:
        """The stored start; an unreadable value counts as none."""
        raw = self._store.setting(SETTING_KEY)
        if not isinstance(raw, str):
            return None
        try:
            started = datetime.fromisoformat(raw)
        except ValueError:
            return None
        return started if started.tzinfo is not None else None

    def running(self) -> bool:
        return self.started_at() is not None

    def start(self, now: datetime | None = None) -> datetime:
        """Start the timer at ``now`` (default: the clock) and remember it in the journal."""
        running = self.started_at()
        if running is not None:
            raise TimerError(
                f"A timer is already running since {running:%Y-%m-%d %H:%M}; stop it first"
            )
        moment = (now or self._clock()).replace(microsecond=0)
        if moment.tzinfo is None:
            raise ValueError("the timer needs an aware datetime")
        self._store.delete_setting(STOPPED_KEY)
        self._store.set_setting(SETTING_KEY, moment.isoformat())
        return moment

    def elapsed_seconds(self, now: datetime | None = None) -> int | None:
        started = self.started_at()
        if started is None:
            return None
        return max(0, int(((now or self._clock()) - started).total_seconds()))

    def stop(
        self, now: datetime | None = None, *, keep_until_logged: bool = False
    ) -> tuple[datetime, int]:
        """Stop the timer: (when it started, minutes it ran).

        With ``keep_until_logged`` the journal remembers the stopped episode
        as :meth:`pending` until :meth:`finish`; otherwise it forgets it now.
        """
        started = self.started_at()
        if started is None:
            raise TimerError("No timer is running")
        end = (now or self._clock()).replace(microsecond=0)
        minutes = minutes_between(started, end)
        if keep_until_logged:
            self._store.set_setting(STOPPED_KEY, end.isoformat())
        else:
            self._store.delete_setting(SETTING_KEY)
        return started, minutes

    def pending(self) -> tuple[datetime, int] | None:
        """A timed episode that was stopped but not yet saved or discarded."""
        started = self._stored_start()
        raw = self._store.setting(STOPPED_KEY)
        if started is None or not isinstance(raw, str):
            return None
        try:
            end = datetime.fromisoformat(raw)
        except ValueError:
            return None
        if end.tzinfo is None:
            return None
        return started, minutes_between(started, end)

    def finish(self) -> None:
        """The stopped episode was saved or discarded: forget the timer."""
        self._store.delete_setting(STOPPED_KEY)
        self._store.delete_setting(SETTING_KEY)

    def cancel(self) -> datetime | None:
        """Forget a timer started by mistake; returns when it had started."""
        started = self.started_at()
        self.finish()
        return started


def draft_from_timer(started_at: datetime, minutes: int) -> Episode:
    """An unsaved episode with the timed start and duration; the person fills in the rest."""
    return Episode(started_at=started_at, duration_minutes=minutes, locations=())
