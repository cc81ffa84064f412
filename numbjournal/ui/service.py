"""The window's one door to the journal: cached reads, undoable writes, change signals.

Widgets call this instead of the core ``Journal`` so that every change goes
through the undo stack, every view hears about it once, and 20,000 episodes
are read from disk once rather than per view or per row.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core import words
from ..core.errors import NumbjournalError
from ..core.model import ConditionEntry, Episode, Profile
from ..core.store import ImportResult, Journal
from ..core.triage import (
    Flag,
    JournalFlags,
    TriageSettings,
    evaluate_episode,
    evaluate_journal,
    load_settings,
    revise_journal,
    save_settings,
)
from .treatment_service import TreatmentMethods


def _newest_first_key(episode: Episode) -> tuple[float, int]:
    return (-episode.started_at.timestamp(), -(episode.id or 0))


class _Command(QUndoCommand):
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


class JournalService(QObject, TreatmentMethods):
    """A journal opened for the window.

    ``episodes_changed`` fires after episodes were added, edited or removed;
    ``profile_changed`` after the profile or triage settings changed;
    ``treatments_changed`` after a treatment was added, changed or removed;
    ``changed`` after any write at all; ``failed`` when an undo or redo
    could not be written (the message says why).
    """

    changed = Signal()
    episodes_changed = Signal()
    profile_changed = Signal()
    treatments_changed = Signal()
    failed = Signal(str)
    OUTSIDE_CHECK_MS = 2000  # how often to look for writes by another program

    def __init__(self, journal: Journal, *, sample: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self._journal = journal
        self.sample = sample
        self.undo_stack = QUndoStack(self)
        self._episodes: list[Episode] | None = None
        self._flags: JournalFlags | None = None
        self._profile: Profile | None = None
        self._triage: TriageSettings | None = None
        self._own_write = False
        self._reload_pending = False
        journal.add_listener(self._on_write)
        self._seen = self._file_state()
        self._outside = QTimer(self)
        self._outside.setInterval(self.OUTSIDE_CHECK_MS)
        self._outside.timeout.connect(self._check_outside_process)
        self._outside.start()

    @property
    def journal(self) -> Journal:
        """For collaborators that take a core journal (patterns, summary, timer)."""
        return self._journal

    @property
    def path(self) -> Path:
        return self._journal.path

    def close(self) -> None:
        self._outside.stop()
        self._journal.remove_listener(self._on_write)
        self._journal.close()

    # -- reads ------------------------------------------------------------

    def episodes(self) -> list[Episode]:
        """Every episode, newest first (read once, then kept up to date)."""
        if self._episodes is None:
            self._episodes = self._journal.episodes(newest_first=True)
        return self._episodes

    def episode(self, episode_id: int) -> Episode | None:
        return next((e for e in self.episodes() if e.id == episode_id), None)

    def count(self) -> int:
        return len(self.episodes())

    def profile(self) -> Profile:
        if self._profile is None:
            self._profile = self._journal.profile()
        return self._profile

    def triage_settings(self) -> TriageSettings:
        if self._triage is None:
            self._triage = load_settings(self._journal)
        return self._triage

    def flags(self) -> JournalFlags:
        if self._flags is None:
            oldest_first = list(reversed(self.episodes()))
            self._flags = evaluate_journal(oldest_first, self.profile(), self.triage_settings())
        return self._flags

    def flagged_ids(self) -> frozenset[int]:
        """Ids of every episode with at least one flag (for the charts)."""
        return frozenset(i for i, found in self.flags().episodes.items() if found)

    def evaluate(self, draft: Episode) -> list[Flag]:
        """Flags for an unsaved draft, so the editor can warn before it is saved."""
        return evaluate_episode(draft, self.profile(), self.triage_settings())

    def setting(self, key: str, default: Any = None) -> Any:
        return self._journal.setting(key, default)

    # -- writes -----------------------------------------------------------

    def add(self, episode: Episode) -> Episode:
        with self._writing():
            saved = self._journal.add(episode)
        self._cache_put([saved])
        assert saved.id is not None
        self._push(
            "Log episode",
            redo=lambda: self._restore([saved]),
            undo=lambda: self._delete([saved.id] if saved.id is not None else []),
        )
        return saved

    def update(self, episode: Episode) -> Episode:
        if episode.id is None:
            raise ValueError("only a saved episode can be edited")
        before = self.episode(episode.id) or self._journal.get(episode.id)
        with self._writing():
            saved = self._journal.update(episode)
        self._cache_put([saved])
        if before is not None:
            self._push(
                "Edit episode",
                redo=lambda: self._update(saved),
                undo=lambda: self._update(before),
            )
        return saved

    def delete(self, ids: Sequence[int]) -> list[Episode]:
        gone = self._delete(list(ids))
        if gone:
            what = "episode" if len(gone) == 1 else words.count(len(gone), "episode")
            self._push(
                f"Delete {what}",
                redo=lambda: self._delete([e.id for e in gone if e.id is not None]),
                undo=lambda: self._restore(gone),
            )
        return gone

    def import_file(
        self, episodes: Sequence[Episode], conditions: Sequence[ConditionEntry]
    ) -> ImportResult:
        """Add a file's episodes in one transaction (not undoable: it can be thousands)."""
        with self._writing():
            result = self._journal.import_all(episodes, conditions)
        if result.added:
            self._episodes_dirty(reload=True)
        if result.conditions_added:
            self._profile_dirty()
        return result

    def set_profile(self, profile: Profile) -> None:
        with self._writing():
            self._journal.set_profile(profile)
        self._profile_dirty()

    def save_triage_settings(self, settings: TriageSettings) -> None:
        with self._writing():
            save_settings(self._journal, settings)
        self._profile_dirty()

    def set_setting(self, key: str, value: Any) -> None:
        with self._writing():
            self._journal.set_setting(key, value)

    # -- internals --------------------------------------------------------

    def _push(self, text: str, *, redo: Callable[[], object], undo: Callable[[], object]) -> None:
        self.undo_stack.push(_Command(text, redo, undo, self.failed.emit))

    def _delete(self, ids: list[int]) -> list[Episode]:
        with self._writing():
            gone = self._journal.delete(ids)
        self._cache_drop({e.id for e in gone})
        return gone

    def _restore(self, episodes: list[Episode]) -> None:
        with self._writing():
            self._journal.restore(episodes)
        self._cache_put(episodes)

    def _update(self, episode: Episode) -> None:
        with self._writing():
            self._journal.update(episode)
        self._cache_put([episode])

    def _cache_put(self, episodes: Sequence[Episode]) -> None:
        if self._episodes is not None:
            ids = {e.id for e in episodes}
            kept = [e for e in self._episodes if e.id not in ids]
            kept.extend(episodes)
            kept.sort(key=_newest_first_key)
            self._episodes = kept
        self._revise_flags(changed=episodes)
        self._episodes_dirty(reload=False, flags_current=True)

    def _cache_drop(self, ids: set[int | None]) -> None:
        if self._episodes is not None:
            self._episodes = [e for e in self._episodes if e.id not in ids]
        self._revise_flags(removed=[i for i in ids if i is not None])
        self._episodes_dirty(reload=False, flags_current=True)

    def _revise_flags(
        self, *, changed: Sequence[Episode] = (), removed: Sequence[int] = ()
    ) -> None:
        """Keep cached flags current by re-checking only what changed (see revise_journal)."""
        if self._flags is None or self._episodes is None:
            self._flags = None
            return
        self._flags = revise_journal(
            self._flags,
            list(reversed(self._episodes)),
            self.profile(),
            self.triage_settings(),
            changed=changed,
            removed=removed,
        )

    def _episodes_dirty(self, *, reload: bool, flags_current: bool = False) -> None:
        if reload:
            self._episodes = None
        if not flags_current:
            self._flags = None
        self.episodes_changed.emit()

    def _profile_dirty(self) -> None:
        self._profile = None
        self._triage = None
        self._flags = None
        self.profile_changed.emit()

    @contextmanager
    def _writing(self) -> Iterator[None]:
        self._own_write = True
        try:
            yield
        finally:
            self._own_write = False

    def _file_state(self) -> tuple[int, ...]:
        """When the journal and its write-ahead log last changed, and their sizes."""
        state: list[int] = []
        for suffix in ("", "-wal"):
            try:
                info = os.stat(f"{self._journal.path}{suffix}")
                state += [info.st_mtime_ns, info.st_size]
            except OSError:
                state += [0, 0]
        return tuple(state)

    def _check_outside_process(self) -> None:
        """An episode logged from the command line while the window is open shows up."""
        if self._file_state() != self._seen:
            self._on_write()

    def _on_write(self) -> None:
        """Any committed write; one not made here (a timer, an import) reloads once."""
        self._seen = self._file_state()
        self.changed.emit()
        if self._own_write or self._reload_pending:
            return
        self._reload_pending = True
        QTimer.singleShot(0, self._reload_after_outside_write)

    def _reload_after_outside_write(self) -> None:
        """Re-read, but tell the views only about what really changed (keeps selections)."""
        self._reload_pending = False
        old_profile, old_triage = self._profile, self._triage
        self._profile = self._triage = None
        if old_profile is not None and (
            self.profile() != old_profile or self.triage_settings() != old_triage
        ):
            self._profile_dirty()
        old_episodes, self._episodes = self._episodes, None
        if old_episodes is not None and self.episodes() != old_episodes:
            self._episodes_dirty(reload=False)
