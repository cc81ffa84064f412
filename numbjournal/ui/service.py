"""The window's one door to the journal: cached reads, undoable writes, change signals.

Widgets call this instead of the core ``Journal`` so that every change goes
through the undo stack, every view hears about it once, and 20,000 episodes
are read from disk once rather than per view or per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..core import words
from ..core.model import ConditionEntry, Episode, Profile, Treatment
from ..core.preview import JournalPreview
from ..core.triage import (
    Flag,
    JournalFlags,
    TriageSettings,
    evaluate_episode,
    evaluate_episodes,
    evaluate_journal,
    load_settings,
)
from .changes import EpisodeChanges, StillOpeningError, UndoableChange, file_state
from .flag_upkeep import FlagUpkeep
from .profile_service import ProfileMethods
from .sorted_rows import drop_newest_first, put_newest_first
from .treatment_service import TreatmentMethods

if TYPE_CHECKING:  # SQLAlchemy comes with the journal, after the first frame is painted
    from ..core.store import ImportResult, Journal


class JournalService(QObject, TreatmentMethods, ProfileMethods, FlagUpkeep):
    """A journal opened for the window.

    Made from an open ``Journal``, or from a :class:`JournalPreview` (the
    newest rows, read for the first frame) and given its journal by
    :meth:`attach` once the journal has passed its open checks; until then
    it only reads, and every write raises :class:`StillOpeningError`.

    ``rows_changed`` carries the :class:`EpisodeChanges` of a save, delete or
    undo, or None when everything may have changed (import, another program,
    the full load after the preview); ``episodes_changed`` fires after either;
    ``profile_changed`` after the profile or triage settings changed;
    ``treatments_changed`` after a treatment was added, changed or removed;
    ``changed`` after any write at all; ``loaded`` once the journal is open and
    every episode is in; ``failed`` when an undo or redo could not be written.
    """

    changed = Signal()
    rows_changed = Signal(object)  # EpisodeChanges | None
    episodes_changed = Signal()
    profile_changed = Signal()
    loaded = Signal()
    treatments_changed = Signal()
    failed = Signal(str)
    escalated = Signal(object)  # ids of episodes still going that just became emergencies
    OUTSIDE_CHECK_MS = 2000  # how often to look for writes by another program
    CLOCK_CHECK_MS = 30_000  # how often episodes still going are checked again

    def __init__(
        self,
        journal: Journal | None = None,
        *,
        preview: JournalPreview | None = None,
        sample: bool = False,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        if journal is None and preview is None:
            raise ValueError("a journal or a preview of one is needed")
        self._journal: Journal | None = None
        self._preview = preview
        self.sample = sample
        self.undo_stack = QUndoStack(self)
        self._episodes: list[Episode] | None = None
        self._by_id: dict[int, Episode] | None = None  # _episodes by id, built when needed
        self._flags: JournalFlags | None = None
        self._profile: Profile | None = preview.profile if preview is not None else None
        self._triage: TriageSettings | None = None
        self._own_write = False
        self._reload_pending = False
        self._seen: tuple[int, ...] = ()
        self._outside = QTimer(self)
        self._outside.setInterval(self.OUTSIDE_CHECK_MS)
        self._outside.timeout.connect(self._check_outside_process)
        self._clock = QTimer(self)
        self._clock.setInterval(self.CLOCK_CHECK_MS)
        self._clock.timeout.connect(self.follow_the_clock)
        self._clock.start()
        if journal is not None:
            self._start(journal)

    def _start(self, journal: Journal) -> None:
        self._journal = journal
        journal.add_listener(self._on_write)
        self._seen = file_state(self.path)
        self._outside.start()

    def attach(
        self,
        journal: Journal,
        episodes: list[Episode] | None = None,
        flags: JournalFlags | None = None,
    ) -> None:
        """The journal passed its open checks: reads and writes go to it from now on.

        ``episodes`` (newest first) and ``flags`` may come already loaded
        (read beside the first frame); views hear ``rows_changed(None)``.
        """
        self._start(journal)
        self._preview = None
        self._profile = self._triage = None
        self._episodes, self._by_id = episodes, None
        self._flags = flags if episodes is not None else None
        self.loaded.emit()
        self._episodes_dirty(reload=False, flags_current=flags is not None)

    @property
    def ready(self) -> bool:
        """Whether the journal is open (checked, migrated); before that nothing is written."""
        return self._journal is not None

    @property
    def journal(self) -> Journal:
        """The core journal, for the summary export (reads only)."""
        return self._require_journal()

    @property
    def path(self) -> Path:
        if self._journal is not None:
            return self._journal.path
        assert self._preview is not None
        return self._preview.path

    def close(self) -> None:
        self._outside.stop()
        if self._journal is not None:
            self._journal.remove_listener(self._on_write)
            self._journal.close()

    def _require_journal(self) -> Journal:
        if self._journal is None:
            raise StillOpeningError("the journal is still being opened; nothing was changed")
        return self._journal

    # -- reads ------------------------------------------------------------

    def episodes(self) -> list[Episode]:
        """Every episode, newest first (read once, then kept up to date).

        Before :meth:`attach`, the newest episodes the preview read.
        """
        if self._episodes is None:
            if self._journal is None:
                assert self._preview is not None
                return list(self._preview.episodes)
            self._episodes, self._by_id = self._journal.episodes(newest_first=True), None
        return self._episodes

    def episode(self, episode_id: int) -> Episode | None:
        return self._index().get(episode_id)

    def _index(self) -> dict[int, Episode]:
        episodes = self.episodes()
        if self._episodes is None:  # the preview's rows, before the journal is open
            return {e.id: e for e in episodes if e.id is not None}
        if self._by_id is None:
            self._by_id = {e.id: e for e in episodes if e.id is not None}
        return self._by_id

    def count(self) -> int:
        if self._journal is None and self._preview is not None:
            return self._preview.count
        return len(self.episodes())

    def profile(self) -> Profile:
        if self._profile is None:
            self._profile = self._require_journal().profile()
        return self._profile

    def triage_settings(self) -> TriageSettings:
        if self._triage is None:
            self._triage = load_settings(self._journal or self._preview)  # type: ignore[arg-type]
        return self._triage

    def flags(self) -> JournalFlags:
        """Flags of every episode and of the journal (before :meth:`attach`: the preview's own)."""
        if self._journal is None:
            own = evaluate_episodes(self.episodes(), self.profile(), self.triage_settings())
            return JournalFlags(own, [])
        if self._flags is None:
            oldest_first = list(reversed(self.episodes()))
            self._flags = evaluate_journal(oldest_first, self.profile(), self.triage_settings())
        return self._flags

    def flagged_ids(self) -> frozenset[int]:
        """Ids of the episodes the charts mark as flagged (see JournalFlags.needing_action)."""
        return self.flags().needing_action()

    def evaluate(self, draft: Episode) -> list[Flag]:
        """Flags for an unsaved draft, so the editor can warn before it is saved."""
        return evaluate_episode(draft, self.profile(), self.triage_settings())

    def setting(self, key: str, default: Any = None) -> Any:
        if self._journal is None and self._preview is not None:
            return self._preview.setting(key, default)
        return self._require_journal().setting(key, default)

    # -- writes -----------------------------------------------------------

    def add(self, episode: Episode) -> Episode:
        journal = self._require_journal()
        with self._writing():
            saved = journal.add(episode)
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
        journal = self._require_journal()
        before = self.episode(episode.id) or journal.get(episode.id)
        with self._writing():
            saved = journal.update(episode)
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
        self,
        episodes: Sequence[Episode],
        conditions: Sequence[ConditionEntry],
        *,
        name: str = "",
        date_of_birth: date | None = None,
        treatments: Sequence[Treatment] = (),
    ) -> ImportResult:
        """Add a file's episodes in one transaction (not undoable: it can be thousands)."""
        journal = self._require_journal()
        before = self.profile()
        with self._writing():
            result = journal.import_all(
                episodes, conditions, treatments, name=name, date_of_birth=date_of_birth
            )
        if result.added:
            self._episodes_dirty(reload=True)
        if result.treatments_added:
            self.treatments_changed.emit()
        if (
            result.conditions_added
            or (name and not before.name)
            or (date_of_birth and not before.date_of_birth)
        ):
            self._profile_dirty()
        return result

    # -- internals --------------------------------------------------------

    def _push(self, text: str, *, redo: Callable[[], object], undo: Callable[[], object]) -> None:
        self.undo_stack.push(UndoableChange(text, redo, undo, self.failed.emit))

    def _delete(self, ids: list[int]) -> list[Episode]:
        journal = self._require_journal()
        with self._writing():
            gone = journal.delete(ids)
        self._cache_drop({e.id for e in gone if e.id is not None})
        return gone

    def _restore(self, episodes: list[Episode]) -> None:
        journal = self._require_journal()
        with self._writing():
            journal.restore(episodes)
        self._cache_put(episodes)

    def _update(self, episode: Episode) -> None:
        journal = self._require_journal()
        with self._writing():
            journal.update(episode)
        self._cache_put([episode])

    def _cache_put(self, episodes: Sequence[Episode]) -> None:
        if self._episodes is not None:
            put_newest_first(self._episodes, self._index(), episodes)
        reflagged = self._revise_flags(changed=episodes)
        self._rows_changed(EpisodeChanges(saved=tuple(episodes), reflagged=reflagged))

    def _cache_drop(self, ids: set[int]) -> None:
        if self._episodes is not None:
            drop_newest_first(self._episodes, self._index(), ids)
        reflagged = self._revise_flags(removed=list(ids))
        self._rows_changed(EpisodeChanges(removed=tuple(ids), reflagged=reflagged))

    def _escalated(self, ids: tuple[int, ...]) -> None:
        self.escalated.emit(ids)

    def _rows_changed(self, changes: EpisodeChanges | None) -> None:
        self.rows_changed.emit(changes)
        self.episodes_changed.emit()

    def _episodes_dirty(self, *, reload: bool, flags_current: bool = False) -> None:
        if reload:
            self._episodes = self._by_id = None
        if not flags_current:
            self._flags = None
        self._rows_changed(None)

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

    def _check_outside_process(self) -> None:
        """An episode logged from the command line while the window is open shows up."""
        if file_state(self.path) != self._seen:
            self._on_write()

    def _on_write(self) -> None:
        """Any committed write; one not made here (a timer, an import) reloads once."""
        self._seen = file_state(self.path)
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
        old_episodes, self._episodes, self._by_id = self._episodes, None, None
        if old_episodes is not None and self.episodes() != old_episodes:
            self._episodes_dirty(reload=False)
