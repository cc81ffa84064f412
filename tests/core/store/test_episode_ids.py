"""An episode id is never handed out twice, so undoing a delete always works."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from numbjournal.core.model import Episode
from numbjournal.core.store import Journal


def test_undoing_the_delete_of_the_newest_episode_after_adding_another(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    first = journal.add(episode_factory(notes="first"))
    newest = journal.add(episode_factory(notes="newest"))
    gone = journal.delete([newest.id or 0])
    added_since = journal.add(episode_factory(notes="added since"))

    journal.restore(gone)

    assert added_since.id not in (first.id, newest.id)
    notes = {e.id: e.notes for e in journal.episodes()}
    assert notes == {first.id: "first", newest.id: "newest", added_since.id: "added since"}


def test_ids_stay_unique_across_reopening(
    journal_path: Path, episode_factory: Callable[..., Episode]
) -> None:
    with Journal.open(journal_path) as journal:
        kept = journal.add(episode_factory())
        dropped = journal.add(episode_factory(notes="dropped"))
        journal.delete([dropped.id or 0])
    with Journal.open(journal_path) as journal:
        again = journal.import_all([episode_factory(notes="imported")])
        ids = [e.id for e in journal.episodes()]
    assert again.added == 1
    assert dropped.id not in ids
    assert kept.id in ids
