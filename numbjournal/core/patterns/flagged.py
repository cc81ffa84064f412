"""Which episodes in a range carry a medical-help flag (beyond a profile condition's note).

The rules are Python (numbjournal.core.triage), so this is the one place the
range's episodes are loaded; charts then count the ids per period in SQL.
The ids are remembered in the journal (see ``store.flagged_memo``), so the
same chart drawn again, from the command line too, does not run the rules
over ten years of episodes again until something changed.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime

from ..errors import JournalWriteError
from ..store import Journal
from ..store.flagged_memo import recall, remember, revision

log = logging.getLogger(__name__)


def flagged_episode_ids(
    journal: Journal, first: date | None, last: date | None, *, remember_them: bool = True
) -> frozenset[int]:
    """``remember_them=False`` reads a remembered answer but writes none: for a
    background thread, since in the window only the service writes the journal."""
    from ..triage import evaluate_journal, load_settings, settled_within_the_hour
    from ..triage.fingerprint import rules_fingerprint

    span = f"{first or ''}/{last or ''}"
    now = datetime.now(UTC)
    with journal.reading() as conn:
        stamp = f"{revision(conn)} {now.isoformat()[:13]} {rules_fingerprint()}"
        known = recall(conn, span, stamp)
    if known is not None:
        return known
    episodes = journal.episodes(first, last)
    if not episodes:
        return frozenset()
    profile, settings = journal.profile(), load_settings(journal)
    flagged = evaluate_journal(episodes, profile, settings, now=now).needing_action()
    ongoing = [e for e in episodes if e.is_ongoing]
    if (
        remember_them
        and not journal.read_only
        and settled_within_the_hour(ongoing, profile, settings, now)
    ):
        try:
            with journal.remembering() as conn:
                remember(conn, span, stamp, flagged)
        except JournalWriteError as exc:
            log.info("flagged episodes not remembered: %s", exc)
    return flagged
