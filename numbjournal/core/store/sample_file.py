"""The sample journal's file: made-up episodes written into a journal of their own.

The episodes themselves come from ``core.sample`` (plain domain objects, no
storage), so the sample data stays usable without a database.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..sample import SAMPLE_MARK, sample_episodes, sample_profile, sample_treatments
from .journal import Journal


def write_sample_journal(path: Path, now: datetime) -> Journal:
    """A fresh sample journal at ``path`` (any old one there is replaced), opened."""
    for stale in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        stale.unlink(missing_ok=True)
    journal = Journal.open(path)
    try:
        journal.import_all(sample_episodes(now), treatments=sample_treatments(now))
        journal.set_profile(sample_profile(now))
        journal.set_setting(SAMPLE_MARK, True)
    except BaseException:
        journal.close()
        raise
    return journal
