"""Every committed change counts a revision, so nothing derived from the journal outlives it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from numbjournal.core.model import Condition, ConditionEntry, Episode, Treatment, TreatmentKind
from numbjournal.core.store import Journal
from numbjournal.core.store.flagged_memo import recall, remember, revision


def current(journal: Journal) -> int:
    with journal.reading() as conn:
        return revision(conn)


def gabapentin() -> Treatment:
    return Treatment(name="gabapentin", kind=TreatmentKind.MEDICATION, started=date(2026, 3, 1))


WRITES: dict[str, Callable[[Journal, Callable[..., Episode]], object]] = {
    "add": lambda j, make: j.add(make()),
    "update": lambda j, make: j.update(replace(j.add(make()), severity=8)),
    "delete": lambda j, make: j.delete([j.add(make()).id or 0]),
    "undo a delete": lambda j, make: j.restore(j.delete([j.add(make()).id or 0])),
    "import": lambda j, make: j.import_all([make(severity=9)]),
    "profile condition": lambda j, make: j.add_condition(ConditionEntry(Condition.DIABETES)),
    "setting": lambda j, make: j.set_setting("triage.persistent_minutes", 15),
    "treatment": lambda j, make: j.treatments.add(gabapentin()),
    "stopped treatment": lambda j, make: j.treatments.stop(
        j.treatments.add(gabapentin()).id or 0, date(2026, 4, 1)
    ),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=list(WRITES))
def test_every_kind_of_write_counts_a_revision(
    journal: Journal, episode_factory: Callable[..., Episode], write: Callable
) -> None:
    before = current(journal)
    write(journal, episode_factory)
    assert current(journal) > before


def test_a_failed_write_counts_nothing(journal: Journal) -> None:
    before = current(journal)
    with pytest.raises(RuntimeError), journal.writing():
        raise RuntimeError("the save failed half-way")
    assert current(journal) == before


def test_remembering_changes_no_revision_and_reloads_no_view(journal: Journal) -> None:
    heard: list[int] = []
    journal.add_listener(lambda: heard.append(1))
    before = current(journal)
    with journal.remembering() as conn:
        remember(conn, "2026-11-09/2026-11-15", "stamp", {3, 1})
    assert current(journal) == before and heard == []
    with journal.reading() as conn:
        assert recall(conn, "2026-11-09/2026-11-15", "stamp") == {1, 3}
        assert recall(conn, "2026-11-09/2026-11-15", "another stamp") is None


def test_only_memos_of_the_latest_stamp_are_kept(journal: Journal) -> None:
    with journal.remembering() as conn:
        remember(conn, "a/b", "old", {1})
        remember(conn, "c/d", "new", {2})
        remember(conn, "e/f", "new", {3})
    with journal.reading() as conn:
        assert recall(conn, "a/b", "old") is None
        assert (recall(conn, "c/d", "new"), recall(conn, "e/f", "new")) == ({2}, {3})
