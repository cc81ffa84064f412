"""One validation policy in core: the journal itself refuses what the domain refuses.

The editor and ``log`` already refused an episode starting in the future, but
``Journal.add``/``update`` took one from any other caller; profile rules lived
only in the command line and a Qt length limit. Now the journal applies the
rules of ``core/model.py`` and the window and command line only word them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from numbjournal.core.errors import ValidationError
from numbjournal.core.model import MAX_NAME_LENGTH, Condition, ConditionEntry, Episode, Profile
from numbjournal.core.store import Journal
from numbjournal.core.validation import validate_profile

TOMORROW = datetime.now(UTC) + timedelta(days=1)


def test_add_refuses_an_episode_that_starts_in_the_future(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    with pytest.raises(ValidationError, match="started_at: is in the future"):
        journal.add(episode_factory(started_at=TOMORROW))
    assert journal.count() == 0


def test_update_refuses_moving_an_episode_into_the_future(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    saved = journal.add(episode_factory())
    with pytest.raises(ValidationError, match="started_at: is in the future"):
        journal.update(dataclasses.replace(saved, started_at=TOMORROW))
    assert journal.get(saved.id or 0) == saved


def test_add_still_refuses_out_of_bounds_values(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    with pytest.raises(ValidationError, match="severity"):
        journal.add(episode_factory(severity=11))
    assert journal.count() == 0


def test_an_episode_that_started_a_moment_ago_is_taken(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    just_now = datetime.now(UTC).astimezone() - timedelta(seconds=1)
    assert journal.add(episode_factory(started_at=just_now, duration_minutes=None)).id


@pytest.mark.parametrize(
    ("profile", "field", "message"),
    [
        (Profile(name="x" * (MAX_NAME_LENGTH + 1)), "name", "one line of at most 200"),
        (Profile(name="Alex\nExample"), "name", "one line"),
        (Profile(name="Alex\x00"), "name", "one line"),
        (Profile(date_of_birth=date(2999, 1, 1)), "date_of_birth", "is in the future"),
        (Profile(date_of_birth=date(1899, 12, 31)), "date_of_birth", "1900 or later"),
        (
            Profile(conditions=(ConditionEntry(Condition.DIABETES, since=date(2999, 1, 1)),)),
            "condition diabetes: since",
            "is in the future",
        ),
    ],
)
def test_validate_profile_names_the_field_and_the_rule(
    profile: Profile, field: str, message: str
) -> None:
    problems = validate_profile(profile, today=date(2026, 11, 29))
    assert [p.field for p in problems] == [field]
    assert message in problems[0].message


def test_a_plain_profile_is_valid() -> None:
    profile = Profile(name="Alex Example", date_of_birth=date(1968, 4, 2))
    assert validate_profile(profile, today=date(2026, 11, 29)) == []


def test_set_profile_refuses_and_keeps_the_old_profile(journal: Journal) -> None:
    journal.set_profile(Profile(name="Alex Example", date_of_birth=date(1968, 4, 2)))
    before = journal.profile()
    with pytest.raises(ValidationError, match="date_of_birth: is in the future"):
        journal.set_profile(Profile(name="Alex", date_of_birth=date.today() + timedelta(days=1)))
    assert journal.profile() == before
