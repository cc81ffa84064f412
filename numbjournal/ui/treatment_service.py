"""The journal service's treatment methods: undoable writes and the before/after figures.

A mixin of :class:`~numbjournal.ui.service.JournalService`, kept apart so the
service module stays about episodes. Treatments are few, so they are read
from the journal each time instead of cached; a write tells the views with
``treatments_changed``, and removing a treatment (which takes the relief
answers naming it) refreshes the episodes it touched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import TYPE_CHECKING

from ..core.model import Episode, Treatment

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported after the window's first frame
    from PySide6.QtCore import SignalInstance

    from ..core.patterns.treatments import BeforeAfter
    from ..core.store import Journal
    from ..core.store.treatments import RemovedTreatment


class TreatmentMethods:
    _require_journal: Callable[[], Journal]  # the open journal (refuses before it is open)
    treatments_changed: SignalInstance
    _writing: Callable[[], AbstractContextManager[None]]
    _push: Callable[..., None]
    _cache_put: Callable[[Sequence[Episode]], None]

    def treatments(self) -> list[Treatment]:
        """Every treatment, in the order they started."""
        return self._require_journal().treatments.all()

    def treatment_figures(self, *, today: date | None = None) -> list[BeforeAfter]:
        """Each treatment's before/after figures (core/patterns/treatments.py)."""
        from ..core.patterns.treatments import before_after

        return before_after(self._require_journal(), today=today)

    def add_treatment(self, treatment: Treatment) -> Treatment:
        with self._writing():
            saved = self._require_journal().treatments.add(treatment)
        self.treatments_changed.emit()
        from ..core.store.treatments import RemovedTreatment

        removed = RemovedTreatment(saved, ())
        self._push(
            f"Add treatment {saved.name}",
            redo=lambda: self._restore_treatment(removed),
            undo=lambda: self._remove_treatment(_id(saved)),
        )
        return saved

    def update_treatment(self, treatment: Treatment) -> Treatment:
        before = self._require_journal().treatments.get(_id(treatment))
        with self._writing():
            saved = self._require_journal().treatments.update(treatment)
        self.treatments_changed.emit()
        if before is not None:
            self._push(
                f"Change treatment {saved.name}",
                redo=lambda: self._update_treatment(saved),
                undo=lambda: self._update_treatment(before),
            )
        return saved

    def stop_treatment(self, treatment: Treatment, on: date) -> Treatment:
        return self.update_treatment(dataclasses.replace(treatment, stopped=on))

    def remove_treatment(self, treatment_id: int) -> RemovedTreatment | None:
        removed = self._remove_treatment(treatment_id)
        if removed is not None:
            self._push(
                f"Remove treatment {removed.treatment.name}",
                redo=lambda: self._remove_treatment(treatment_id),
                undo=lambda: self._restore_treatment(removed),
            )
        return removed

    def relief_count(self, treatment_id: int, episodes: Iterable[Episode]) -> int:
        """How many of ``episodes`` record taking this treatment for relief."""
        return sum(any(r.treatment_id == treatment_id for r in e.relief) for e in episodes)

    # -- internals --------------------------------------------------------

    def _update_treatment(self, treatment: Treatment) -> None:
        with self._writing():
            self._require_journal().treatments.update(treatment)
        self.treatments_changed.emit()

    def _remove_treatment(self, treatment_id: int) -> RemovedTreatment | None:
        with self._writing():
            removed = self._require_journal().treatments.remove(treatment_id)
        if removed is not None:
            self._refresh_episodes(removed.episode_ids)
            self.treatments_changed.emit()
        return removed

    def _restore_treatment(self, removed: RemovedTreatment) -> None:
        with self._writing():
            self._require_journal().treatments.restore(removed)
        self._refresh_episodes(removed.episode_ids)
        self.treatments_changed.emit()

    def _refresh_episodes(self, ids: Iterable[int]) -> None:
        fresh = [e for e in (self._require_journal().get(i) for i in ids) if e is not None]
        if fresh:
            self._cache_put(fresh)


def _id(treatment: Treatment) -> int:
    if treatment.id is None:
        raise ValueError("only a saved treatment can be changed")
    return treatment.id
