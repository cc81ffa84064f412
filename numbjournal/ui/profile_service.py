"""The journal service's profile, settings and backup methods.

A mixin of :class:`~numbjournal.ui.service.JournalService` (like its
treatment methods), kept apart so the service module stays about episodes.
Each write goes through the service's own-write guard, and a profile or
triage change tells the views with ``profile_changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.model import Profile
from ..core.triage import TriageSettings, save_settings

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported after the window's first frame
    from ..core.store import Journal
    from ..core.store.backup import Backup
    from ..core.store.restore import RestoreResult


class ProfileMethods:
    _require_journal: Callable[[], Journal]  # the open journal (refuses before it is open)
    _writing: Callable[[], AbstractContextManager[None]]
    _profile_dirty: Callable[[], None]

    def set_profile(self, profile: Profile) -> None:
        journal = self._require_journal()
        with self._writing():
            journal.set_profile(profile)
        self._profile_dirty()

    def save_triage_settings(self, settings: TriageSettings) -> None:
        journal = self._require_journal()
        with self._writing():
            save_settings(journal, settings)
        self._profile_dirty()

    def set_setting(self, key: str, value: Any) -> None:
        journal = self._require_journal()
        with self._writing():
            journal.set_setting(key, value)

    def delete_setting(self, key: str) -> None:
        journal = self._require_journal()
        with self._writing():
            journal.delete_setting(key)

    def backup_now(self) -> Backup:
        """A backup made on request (File > Backups)."""
        return self._require_journal().backup_now()

    def restore_from_backup(self, backup_path: Path) -> RestoreResult:
        """Replace everything with a backup's contents; every view reloads."""
        return self._require_journal().restore_from_backup(backup_path)
