"""Which episodes in a range carry a medical-help flag (beyond a profile condition's note).

The rules are Python (numbjournal.core.triage), so this is the one place the
range's episodes are loaded; charts then count the ids per period in SQL.
"""

from __future__ import annotations

from datetime import date

from ..store import Journal


def flagged_episode_ids(journal: Journal, first: date | None, last: date | None) -> frozenset[int]:
    from ..triage import evaluate_journal, load_settings

    episodes = journal.episodes(first, last)
    if not episodes:
        return frozenset()
    return evaluate_journal(episodes, journal.profile(), load_settings(journal)).needing_action()
