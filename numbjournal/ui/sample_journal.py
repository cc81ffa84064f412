"""The sample journal: made-up data in its own file, never the person's journal.

The sample is rebuilt each time it is opened, in a "sample" subfolder of the
data folder, so it looks current and anything changed while looking around
is thrown away.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..core.store.sample_file import write_sample_journal
from ..paths import data_dir, ensure_private_dir
from .service import JournalService

SAMPLE_FILE = "sample-journal.sqlite"


def sample_path() -> Path:
    return data_dir() / "sample" / SAMPLE_FILE


def open_sample_service() -> JournalService:
    """A freshly written sample journal behind its own service (the window shows it)."""
    path = sample_path()
    ensure_private_dir(data_dir())
    ensure_private_dir(path.parent)
    journal = write_sample_journal(path, datetime.now().astimezone())
    return JournalService(journal, sample=True)
