"""Keeping the window's flags current: after each change, and as the minutes pass.

The flags of an episode still going depend on the clock: moving not tried
and still numb after 10 minutes, say, turns sudden numbness of a leg into an
emergency, and an MS relapse needs a day. With the window open and nothing
saved, those limits are crossed all the same, so the service checks the
episodes still going again every half minute (``follow_the_clock``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from ..core.flag_levels import Level, flag_level
from ..core.model import Episode, Profile
from ..core.triage import Flag, JournalFlags, TriageSettings, revise_journal
from ..core.triage.counted import CountedEpisodes
from .changes import EpisodeChanges


class FlagUpkeep:
    """The flag methods of the window's journal service."""

    _flags: JournalFlags | None
    _episodes: list[Episode] | None

    if TYPE_CHECKING:

        def profile(self) -> Profile: ...

        def triage_settings(self) -> TriageSettings: ...

        def _rows_changed(self, changes: EpisodeChanges | None) -> None: ...

        def _escalated(self, ids: tuple[int, ...]) -> None: ...

    def follow_the_clock(self, now: datetime | None = None) -> tuple[int, ...]:
        """Check the episodes still going again at ``now`` (default: this moment).

        Views hear of it only when a flag changed. Returns the ids whose own
        flags changed.
        """
        flags = self._flags
        if flags is None or not isinstance(flags.counted, CountedEpisodes):
            return ()
        if not flags.counted.ongoing:
            return ()
        reflagged = self._revise_flags(now=now)
        revised = self._flags
        if reflagged or (revised is not None and revised.journal != flags.journal):
            self._rows_changed(EpisodeChanges(reflagged=reflagged))
        return reflagged

    def _revise_flags(
        self,
        *,
        changed: Sequence[Episode] = (),
        removed: Sequence[int] = (),
        now: datetime | None = None,
    ) -> tuple[int, ...]:
        """Keep cached flags current by re-checking only what changed (see revise_journal).

        The episodes still going are checked again too, whether the clock or a
        save brought this on; those that have just become emergencies are named
        on their own (``_escalated``). Returns the ids of episodes not in
        ``changed`` whose flags changed.
        """
        if self._flags is None or self._episodes is None:
            self._flags = None
            return ()
        before = self._flags.episodes
        self._flags = revise_journal(
            self._flags,
            reversed(self._episodes),
            self.profile(),
            self.triage_settings(),
            changed=changed,
            removed=removed,
            now=now,
        )
        saved = {e.id for e in changed}
        counted = self._flags.counted
        ongoing = counted.ongoing if isinstance(counted, CountedEpisodes) else {}
        after = self._flags.episodes
        reflagged = tuple(i for i in ongoing if i not in saved and before.get(i) != after.get(i))
        now_emergencies = tuple(
            i
            for i in reflagged
            if _emergency(after.get(i, ())) and not _emergency(before.get(i, ()))
        )
        if now_emergencies:
            self._escalated(now_emergencies)
        return reflagged


def _emergency(flags: Sequence[Flag]) -> bool:
    return any(flag_level(f) is Level.EMERGENCY for f in flags)
