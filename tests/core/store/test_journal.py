"""The journal service: episodes, periods, profile and settings survive as written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from numbjournal.core.errors import JournalWriteError, ValidationError
from numbjournal.core.model import Condition, ConditionEntry, Episode, Location, Profile, Symptom
from numbjournal.core.store import Journal
from numbjournal.core.store.rows import insert_episodes

Factory = Callable[..., Episode]
KATHMANDU = timezone(timedelta(hours=5, minutes=45))
NEWFOUNDLAND = timezone(timedelta(hours=-3, minutes=-30))


def exact(episode: Episode) -> tuple[object, ...]:
    return (episode.id, *episode.content_key(), episode.started_at.isoformat())


def test_add_get_keeps_every_field_and_the_offset(
    journal: Journal, episode_factory: Factory
) -> None:
    draft = episode_factory(
        started_at=datetime(2026, 11, 20, 8, 15, 7, tzinfo=KATHMANDU),
        duration_minutes=None,
        locations=(Location.RIGHT_SOLE, Location.LEFT_CALF, Location.FACE),
        symptoms=(Symptom.PAIN, Symptom.WEAKNESS),
        notes='ordered, "quoted"\nand 🦵',
    )
    saved = journal.add(draft)
    assert saved.id == 1
    fetched = journal.get(1)
    assert fetched is not None
    assert exact(fetched) == exact(saved)
    assert fetched.started_at.isoformat() == "2026-11-20T08:15:07+05:45"
    assert journal.get(99) is None


def test_invalid_episode_is_refused_and_nothing_is_written(
    journal: Journal, episode_factory: Factory
) -> None:
    with pytest.raises(ValidationError) as caught:
        journal.add(episode_factory(severity=11))
    assert str(caught.value) == "severity: must be a whole number from 0 to 10"
    assert journal.count() == 0


def test_update_replaces_every_field(journal: Journal, episode_factory: Factory) -> None:
    saved = journal.add(episode_factory(symptoms=(Symptom.PAIN,)))
    changed = episode_factory(
        started_at=datetime(2026, 1, 2, 3, 4, tzinfo=NEWFOUNDLAND),
        locations=(Location.SADDLE,),
        symptoms=(),
        severity=9,
        notes="edited",
    ).with_id(saved.id)
    journal.update(changed)
    fetched = journal.get(saved.id or 0)
    assert fetched is not None
    assert exact(fetched) == exact(changed)
    with pytest.raises(JournalWriteError):
        journal.update(changed.with_id(42))


def test_delete_then_restore_brings_back_the_same_ids(
    journal: Journal, episode_factory: Factory
) -> None:
    ids = [
        journal.add(episode_factory(started_at=datetime(2026, 11, d, 8, tzinfo=KATHMANDU))).id
        for d in range(1, 5)
    ]
    before = [exact(e) for e in journal.episodes()]
    gone = journal.delete([ids[1], ids[3]])
    assert sorted(e.id for e in gone if e.id) == [ids[1], ids[3]]
    assert journal.count() == 2
    journal.restore(gone)
    assert [exact(e) for e in journal.episodes()] == before


def test_periods_are_local_days_with_both_ends_included(
    journal: Journal, episode_factory: Factory
) -> None:
    local = datetime(2026, 11, 10, 0, 0).astimezone().tzinfo
    moments = [
        datetime(2026, 11, 9, 23, 59, 59, tzinfo=local),
        datetime(2026, 11, 10, 0, 0, 0, tzinfo=local),
        datetime(2026, 11, 12, 23, 59, 59, tzinfo=local),
        datetime(2026, 11, 13, 0, 0, 0, tzinfo=local),
    ]
    for moment in moments:
        journal.add(episode_factory(started_at=moment))
    inside = journal.episodes(date(2026, 11, 10), date(2026, 11, 12))
    assert [e.started_at for e in inside] == moments[1:3]
    assert [e.started_at for e in journal.episodes(None, date(2026, 11, 9))] == moments[:1]
    assert [e.started_at for e in journal.episodes(date(2026, 11, 13))] == moments[3:]
    newest = journal.episodes(newest_first=True)
    assert [e.started_at for e in newest] == moments[::-1]


def test_profile_and_conditions(journal: Journal) -> None:
    assert journal.profile() == Profile()
    diabetes = journal.add_condition(ConditionEntry(Condition.DIABETES, date(2019, 3, 1)))
    injury = journal.add_condition(ConditionEntry(Condition.RECENT_INJURY, note="knee"))
    journal.set_profile(
        Profile(
            conditions=journal.profile().conditions, name="Alex", date_of_birth=date(1968, 4, 2)
        )
    )
    profile = journal.profile()
    assert profile.conditions == (diabetes, injury)
    assert (profile.name, profile.date_of_birth) == ("Alex", date(1968, 4, 2))
    assert journal.remove_condition(diabetes.id or 0) == diabetes
    assert journal.remove_condition(diabetes.id or 0) is None
    assert journal.profile().conditions == (injury,)
    with pytest.raises(ValidationError):
        journal.add_condition(ConditionEntry(Condition.SCIATICA, date.today() + timedelta(days=2)))


def test_settings_hold_json_values(journal: Journal) -> None:
    assert journal.setting("ui.theme", "light") == "light"
    journal.set_setting("ui.theme", "dark")
    journal.set_setting("ui.columns", [1, 2, {"a": None}])
    journal.set_setting("triage.minutes", 30)
    assert journal.setting("ui.theme") == "dark"
    assert journal.settings("ui.") == {"ui.theme": "dark", "ui.columns": [1, 2, {"a": None}]}
    journal.delete_setting("ui.theme")
    assert journal.setting("ui.theme") is None


def test_listeners_hear_committed_writes_only(journal: Journal, episode_factory: Factory) -> None:
    heard: list[int] = []
    journal.add_listener(lambda: heard.append(1))
    journal.add(episode_factory())
    with pytest.raises(ValidationError):
        journal.add(episode_factory(severity=-1))
    assert heard == [1]


def test_close_and_reopen_keeps_everything(journal_path: Path, episode_factory: Factory) -> None:
    with Journal.open(journal_path) as journal:
        saved = journal.add(episode_factory(notes="kept"))
        journal.add_condition(ConditionEntry(Condition.SCIATICA))
        journal.set_setting("k", {"v": 1})
    with Journal.open(journal_path) as journal:
        assert [exact(e) for e in journal.episodes()] == [exact(saved)]
        assert [c.condition for c in journal.profile().conditions] == ["sciatica"]
        assert journal.setting("k") == {"v": 1}


def test_import_all_skips_exact_duplicates_only(journal: Journal, episode_factory: Factory) -> None:
    first = episode_factory()
    journal.add(first)
    moved = episode_factory(
        started_at=first.started_at.astimezone(KATHMANDU)
    )  # same instant, other offset: not identical
    result = journal.import_all([first, moved, moved, episode_factory(severity=9)])
    assert (result.added, result.skipped) == (2, 2)
    assert journal.count() == 3


def test_import_all_is_all_or_nothing(journal: Journal, episode_factory: Factory) -> None:
    batch = [episode_factory(severity=s) for s in (1, 2, 12, 4)]
    with pytest.raises(ValidationError) as caught:
        journal.import_all(batch)
    assert caught.value.where.startswith("episode 3 (started ")
    assert journal.count() == 0


@pytest.mark.parametrize(
    "moment",
    [
        datetime(1900, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=14))),
        datetime(9998, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-14))),
    ],
)
def test_extreme_valid_times_read_back(
    journal: Journal, episode_factory: Factory, moment: datetime
) -> None:
    episode = episode_factory(started_at=moment)
    if moment.year < 2000:
        saved = journal.add(episode)
    else:
        # Journal.add refuses a start in the future; the storage must still read back
        # the last instant the format allows (a file may hold it), so write the rows.
        with journal.writing() as conn:
            (new_id,) = insert_episodes(conn, [episode])
        saved = episode.with_id(new_id)
    assert [exact(e) for e in journal.episodes()] == [exact(saved)]
