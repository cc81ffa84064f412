"""The one set of rules every way into the journal goes through."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from numbjournal.core.model import Condition, ConditionEntry, Episode, Location, Symptom
from numbjournal.core.validation import validate_condition, validate_episode

Factory = Callable[..., Episode]


def problems(episode: Episode, **kwargs: object) -> dict[str, str]:
    return {p.field: p.message for p in validate_episode(episode, **kwargs)}  # type: ignore[arg-type]


def test_a_plain_episode_is_valid(episode_factory: Factory) -> None:
    assert validate_episode(episode_factory()) == []


@pytest.mark.parametrize(
    ("severity", "ok"),
    [(-1, False), (0, True), (10, True), (11, False), (True, False), (3.0, False)],
)
def test_severity_bounds(episode_factory: Factory, severity: object, ok: bool) -> None:
    found = problems(episode_factory(severity=severity))
    assert ("severity" not in found) is ok
    if not ok:
        assert found["severity"] == "must be a whole number from 0 to 10"


@pytest.mark.parametrize(
    ("minutes", "ok"),
    [(-1, False), (0, True), (43_200, True), (43_201, False), (None, True), (False, False)],
)
def test_duration_bounds(episode_factory: Factory, minutes: object, ok: bool) -> None:
    assert ("duration_minutes" not in problems(episode_factory(duration_minutes=minutes))) is ok


def test_locations_need_one_and_no_repeats(episode_factory: Factory) -> None:
    assert problems(episode_factory(locations=()))["locations"] == "choose at least one"
    twice = episode_factory(locations=(Location.LEFT_CALF, Location.LEFT_CALF))
    assert problems(twice)["locations"] == "left_calf is listed twice"
    unknown = problems(episode_factory(locations=("left_leg",)))["locations"]
    assert unknown.startswith("unknown value 'left_leg'; expected one of left_buttock")


def test_symptoms_may_be_empty_but_not_repeated(episode_factory: Factory) -> None:
    assert problems(episode_factory(symptoms=())) == {}
    twice = episode_factory(symptoms=(Symptom.PAIN, Symptom.PAIN))
    assert problems(twice)["symptoms"] == "pain is listed twice"


@pytest.mark.parametrize("field", ["sensation", "onset", "context", "position_change"])
def test_choices_must_come_from_the_vocabulary(episode_factory: Factory, field: str) -> None:
    assert problems(episode_factory(**{field: "other thing"}))[field].startswith("must be one of")


def test_notes_length_and_characters(episode_factory: Factory) -> None:
    assert problems(episode_factory(notes="x" * 10_000)) == {}
    assert problems(episode_factory(notes="x" * 10_001))["notes"] == (
        "is 10,001 characters long; at most 10,000 fit"
    )
    assert problems(episode_factory(notes="a\x00b"))["notes"] == "contains a NUL character"
    assert "lone surrogates" in problems(episode_factory(notes="a\ud800b"))["notes"]
    assert problems(episode_factory(notes="emoji 🦵 and\r\nnewlines")) == {}


def test_start_time_rules(episode_factory: Factory) -> None:
    naive = episode_factory(started_at=datetime(2026, 11, 20, 8, 15))
    assert problems(naive)["started_at"] == "needs a date and time with a time zone"
    odd = timezone(timedelta(hours=1, seconds=30))
    assert (
        "whole minutes"
        in problems(episode_factory(started_at=datetime(2026, 1, 1, tzinfo=odd)))["started_at"]
    )
    old = episode_factory(started_at=datetime(1899, 12, 31, 23, 59, tzinfo=UTC))
    assert problems(old)["started_at"] == "must be in 1900 or later"
    assert problems(episode_factory(started_at=datetime(1900, 1, 1, tzinfo=UTC))) == {}
    last = datetime(9998, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-14)))
    assert problems(episode_factory(started_at=last)) == {}
    too_late = episode_factory(started_at=datetime(9999, 1, 1, tzinfo=UTC))
    assert problems(too_late)["started_at"] == "must be in 9998 or earlier"
    now = datetime(2026, 11, 20, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    assert problems(episode_factory(), now=now)["started_at"] == "is in the future"
    assert problems(episode_factory(), now=now + timedelta(minutes=15)) == {}


def test_every_problem_is_reported_at_once(episode_factory: Factory) -> None:
    bad = episode_factory(severity=11, duration_minutes=-5, locations=(), notes=3)
    assert set(problems(bad)) == {"severity", "duration_minutes", "locations", "notes"}


def test_content_key_tells_offsets_apart(episode_factory: Factory) -> None:
    here = episode_factory(started_at=datetime(2026, 11, 20, 8, 0, tzinfo=UTC))
    there = episode_factory(
        started_at=datetime(2026, 11, 20, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    )
    assert here.started_at == there.started_at
    assert here.content_key() != there.content_key()
    assert here.with_id(5).content_key() == here.content_key()


def test_conditions() -> None:
    assert validate_condition(ConditionEntry(Condition.DIABETES, date(2019, 3, 1))) == []
    future = ConditionEntry(Condition.DIABETES, date(2030, 1, 1))
    assert [p.field for p in validate_condition(future, today=date(2026, 1, 1))] == ["since"]
    long_note = ConditionEntry(Condition.OTHER, note="x" * 2_001)
    assert [p.field for p in validate_condition(long_note)] == ["note"]
    unknown = ConditionEntry("flu")  # type: ignore[arg-type]
    assert [p.field for p in validate_condition(unknown)] == ["condition"]
