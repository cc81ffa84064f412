"""Treatments and relief stored in the journal: saved, read back, stopped, removed, undone."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from numbjournal.core.errors import ValidationError
from numbjournal.core.model import Episode, Helped, Relief, Treatment, TreatmentKind
from numbjournal.core.store import Journal


def gabapentin(**changes: object) -> Treatment:
    values: dict[str, object] = {
        "name": "gabapentin",
        "kind": TreatmentKind.MEDICATION,
        "started": date(2026, 3, 1),
        "dose": "300 mg at night",
    }
    values.update(changes)
    return Treatment(**values)  # type: ignore[arg-type]


def test_a_treatment_reads_back_with_every_field(journal: Journal) -> None:
    saved = journal.treatments.add(
        gabapentin(stopped=date(2026, 4, 2), notes="dizzy the first week")
    )
    assert saved.id is not None
    (read,) = journal.treatments.all()
    assert read == saved
    assert read.taken_on(date(2026, 4, 2)) and not read.taken_on(date(2026, 4, 3))


def test_treatments_come_in_the_order_they_started(journal: Journal) -> None:
    journal.treatments.add(
        gabapentin(name="physiotherapy", kind=TreatmentKind.THERAPY, started=date(2026, 5, 1))
    )
    journal.treatments.add(gabapentin())
    assert [t.name for t in journal.treatments.all()] == ["gabapentin", "physiotherapy"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "two\nlines"}, "name"),
        ({"stopped": date(2026, 2, 1)}, "stopped"),
        ({"started": date.today() + timedelta(days=1)}, "started"),
        ({"dose": "x" * 501}, "dose"),
        ({"kind": "pill"}, "kind"),
    ],
)
def test_a_bad_treatment_is_refused_and_nothing_is_saved(
    journal: Journal, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError, match=rf"treatment .*{field}:"):
        journal.treatments.add(gabapentin(**changes))
    assert journal.treatments.all() == []


def test_stopping_keeps_everything_else(journal: Journal) -> None:
    saved = journal.treatments.add(gabapentin())
    assert saved.id is not None
    stopped = journal.treatments.stop(saved.id, date(2026, 6, 30))
    assert stopped == dataclasses.replace(saved, stopped=date(2026, 6, 30))
    assert journal.treatments.get(saved.id) == stopped
    with pytest.raises(ValidationError, match="stopped: 2026-02-01 is before it started"):
        journal.treatments.stop(saved.id, date(2026, 2, 1))
    assert journal.treatments.get(saved.id) == stopped


def test_relief_is_saved_with_the_episode_in_order(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    first = journal.treatments.add(gabapentin())
    second = journal.treatments.add(gabapentin(name="ibuprofen", dose="400 mg"))
    assert first.id is not None and second.id is not None
    relief = (Relief(second.id, Helped.A_LITTLE), Relief(first.id, Helped.NO))
    episode = journal.add(episode_factory(relief=relief))
    assert episode.id is not None
    assert journal.get(episode.id) == episode
    changed = journal.update(dataclasses.replace(episode, relief=(Relief(first.id, Helped.YES),)))
    assert journal.get(episode.id) == changed
    assert journal.episodes()[0].relief == (Relief(first.id, Helped.YES),)


def test_an_episode_naming_one_treatment_twice_is_refused(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    saved = journal.treatments.add(gabapentin())
    assert saved.id is not None
    twice = (Relief(saved.id, Helped.YES), Relief(saved.id, Helped.NO))
    with pytest.raises(ValidationError, match="relief: names the same treatment twice"):
        journal.add(episode_factory(relief=twice))
    assert journal.count() == 0


def test_removing_a_treatment_can_be_undone_with_its_relief(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    saved = journal.treatments.add(gabapentin())
    other = journal.treatments.add(gabapentin(name="ibuprofen"))
    assert saved.id is not None and other.id is not None
    episode = journal.add(
        episode_factory(relief=(Relief(other.id, Helped.NO), Relief(saved.id, Helped.YES)))
    )
    assert episode.id is not None

    removed = journal.treatments.remove(saved.id)
    assert removed is not None and removed.episode_ids == {episode.id}
    assert [t.name for t in journal.treatments.all()] == ["ibuprofen"]
    assert journal.get(episode.id).relief == (Relief(other.id, Helped.NO),)  # type: ignore[union-attr]

    journal.treatments.restore(removed)
    assert journal.treatments.get(saved.id) == saved
    assert journal.get(episode.id) == episode
    assert journal.treatments.remove(12345) is None


def test_deleting_an_episode_takes_its_relief_but_not_the_treatment(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    saved = journal.treatments.add(gabapentin())
    assert saved.id is not None
    episode = journal.add(episode_factory(relief=(Relief(saved.id, Helped.YES),)))
    assert episode.id is not None
    (gone,) = journal.delete([episode.id])
    assert gone.relief == episode.relief
    assert journal.treatments.all() == [saved]
    journal.restore([gone])
    assert journal.get(episode.id) == episode


def test_import_skips_a_treatment_already_in_the_journal_and_links_relief(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    already = journal.treatments.add(gabapentin())
    from_file = [gabapentin(), gabapentin(name="vitamin B12", kind=TreatmentKind.SUPPLEMENT)]
    episodes = [episode_factory(relief=(Relief(2, Helped.A_LITTLE), Relief(1, Helped.NO)))]

    result = journal.import_all(episodes, treatments=from_file)

    assert (result.treatments_added, result.treatments_skipped, result.added) == (1, 1, 1)
    b12 = next(t for t in journal.treatments.all() if t.name == "vitamin B12")
    assert journal.episodes()[0].relief == (
        Relief(b12.id, Helped.A_LITTLE),  # type: ignore[arg-type]
        Relief(already.id, Helped.NO),  # type: ignore[arg-type]
    )
    again = journal.import_all(episodes, treatments=from_file)
    assert (again.added, again.skipped, again.treatments_added) == (0, 1, 0)
    # A CSV file carries no relief: the same episode from it is still a duplicate.
    assert journal.import_all([episode_factory()]).skipped == 1
    assert journal.count() == 1


def test_import_refuses_relief_naming_a_treatment_not_in_the_file(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    episodes = [episode_factory(relief=(Relief(3, Helped.YES),))]
    with pytest.raises(ValidationError, match=r"episode 1 .*relief: names a treatment"):
        journal.import_all(episodes, treatments=[gabapentin()])
    assert journal.treatments.all() == [] and journal.count() == 0
