"""Reading and writing the JSON journal file."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from numbjournal.core.errors import FormatError
from numbjournal.core.formats import dump_json, parse_json
from numbjournal.core.model import Condition, ConditionEntry, Location, Sensation

RawEpisode = Callable[..., dict[str, Any]]
Document = Callable[..., str]


def refusal(text: str, source: str = "export.json") -> str:
    with pytest.raises(FormatError) as caught:
        parse_json(text, source)
    return str(caught.value)


def test_the_spec_example_reads_back(raw_episode: RawEpisode, json_document: Document) -> None:
    conditions = [
        {"condition": "diabetes", "since": "2019-03-01"},
        {"condition": "recent_injury", "since": "2026-11-01", "note": "twisted left knee"},
    ]
    text = json_document(
        [raw_episode(symptoms=["weakness", "sharp_or_severe_pain"])],
        exported_at="2026-11-25T09:30:00+01:00",
        profile={"conditions": conditions},
    )
    result = parse_json(text, "export.json")
    (episode,) = result.episodes
    assert episode.started_at.isoformat() == "2026-11-20T08:15:00+01:00"
    assert episode.locations == (Location.LEFT_FOOT_TOP, Location.LEFT_CALF)
    assert episode.sensation is Sensation.NUMBNESS
    assert result.conditions == (
        ConditionEntry(Condition.DIABETES, date(2019, 3, 1)),
        ConditionEntry(Condition.RECENT_INJURY, date(2026, 11, 1), "twisted left knee"),
    )


def test_export_writes_every_field_in_order_with_the_recorded_offset(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    episode = parse_json(json_document([raw_episode()]), "x.json").episodes[0]
    exported_at = datetime(2026, 11, 25, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    document = json.loads(
        dump_json([episode], [ConditionEntry(Condition.SCIATICA)], exported_at=exported_at)
    )
    assert document["format"] == "numbjournal"
    assert document["version"] == 2
    assert document["exported_at"] == "2026-11-25T09:30:00+01:00"
    assert document["profile"] == {"conditions": [{"condition": "sciatica"}]}
    assert document["episodes"] == [raw_episode()]
    assert list(document["episodes"][0]) == list(raw_episode())


def test_optional_fields_take_their_defaults(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    text = json_document(
        [raw_episode(onset=..., context=..., position_change=..., symptoms=..., notes=...)]
    )
    episode = parse_json(text, "x.json").episodes[0]
    assert (episode.onset, episode.context, episode.position_change) == (
        "unknown",
        "unknown",
        "not_tried",
    )
    assert episode.symptoms == ()
    assert episode.notes == ""


def test_naive_start_is_local_time_of_this_machine(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    text = json_document([raw_episode(started_at="2026-11-20T08:15:00")])
    started = parse_json(text, "x.json").episodes[0].started_at
    assert started == datetime(2026, 11, 20, 8, 15).astimezone()
    assert started.utcoffset() == datetime(2026, 11, 20, 8, 15).astimezone().utcoffset()


def test_fractional_seconds_are_dropped(raw_episode: RawEpisode, json_document: Document) -> None:
    text = json_document([raw_episode(started_at="2026-11-20T08:15:07.9+05:45")])
    assert parse_json(text, "x.json").episodes[0].started_at.isoformat() == (
        "2026-11-20T08:15:07+05:45"
    )


def test_bad_episode_names_file_position_start_and_field(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    episodes = [raw_episode() for _ in range(60)]
    episodes[56] = raw_episode(started_at="2026-03-02T08:15:00+01:00", severity=11)
    message = refusal(json_document(episodes))
    assert message == (
        "export.json: episode 57 (started 2026-03-02T08:15:00+01:00): "
        "severity: must be a whole number from 0 to 10"
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"severity": -1}, "severity: must be a whole number from 0 to 10"),
        ({"severity": True}, "severity: must be a whole number from 0 to 10"),
        ({"severity": "4"}, "severity: must be a whole number from 0 to 10"),
        ({"severity": 4.5}, "severity: must be a whole number from 0 to 10"),
        ({"duration_minutes": 43_201}, "duration_minutes: must be a whole number of minutes"),
        ({"duration_minutes": False}, "duration_minutes: must be a whole number of minutes"),
        ({"duration_minutes": ...}, "duration_minutes: is missing"),
        ({"locations": []}, "locations: choose at least one"),
        ({"locations": "left_calf"}, 'locations: must be a list of names, e.g. ["left_buttock"]'),
        ({"locations": ["left_calf", "left_calf"]}, "locations: left_calf is listed twice"),
        ({"locations": ["left_leg"]}, "locations: unknown value 'left_leg'"),
        ({"locations": [1]}, "locations: must be a list of names"),
        ({"symptoms": ["pain", "pain"]}, "symptoms: pain is listed twice"),
        ({"symptoms": None}, "symptoms: must be a list of names"),
        ({"sensation": "numb"}, "sensation: 'numb' is not one of: numbness, tingling"),
        ({"sensation": ...}, "sensation: is missing"),
        ({"onset": 3}, "onset: must be one of: sudden, gradual, unknown"),
        ({"context": "driving"}, "context: 'driving' is not one of: sitting, legs_crossed"),
        ({"position_change": "better"}, "position_change: 'better' is not one of: improved"),
        ({"notes": 5}, "notes: must be text"),
        ({"notes": "x" * 10_001}, "notes: is 10,001 characters long; at most 10,000 fit"),
        ({"notes": "a\x00b"}, "notes: contains a NUL character"),
        ({"started_at": "yesterday"}, "started_at: 'yesterday' is not a date and time"),
        ({"started_at": "2026-11-20"}, "started_at: '2026-11-20' needs a time of day"),
        ({"started_at": 1732000000}, "started_at: must be a date and time written as text"),
        ({"started_at": "1899-12-31T23:00:00+00:00"}, "started_at: must be in 1900 or later"),
        ({"started_at": "2026-11-20T08:15:00+01:00:30"}, "offset must be whole minutes"),
        ({"id": 7}, "id: is not a field of the numbjournal format"),
    ],
)
def test_each_rule_is_refused_with_the_field_named(
    raw_episode: RawEpisode, json_document: Document, changes: dict[str, Any], expected: str
) -> None:
    message = refusal(json_document([raw_episode(**changes)]))
    assert message.startswith("export.json: episode 1")
    assert expected in message


@pytest.mark.parametrize(
    ("changes", "started_at"),
    [
        ({"severity": 0}, None),
        ({"severity": 10}, None),
        ({"duration_minutes": 0}, None),
        ({"duration_minutes": 43_200}, None),
        ({"duration_minutes": None}, None),
        ({"notes": "x" * 10_000}, None),
        ({"started_at": "1900-01-01T00:00:00+00:00"}, "1900-01-01T00:00:00+00:00"),
        ({"started_at": "2026-11-20T08:15:00Z"}, "2026-11-20T08:15:00+00:00"),
        ({"started_at": "2026-11-20T08:15:00-03:30"}, "2026-11-20T08:15:00-03:30"),
    ],
)
def test_boundaries_that_are_allowed(
    raw_episode: RawEpisode,
    json_document: Document,
    changes: dict[str, Any],
    started_at: str | None,
) -> None:
    (episode,) = parse_json(json_document([raw_episode(**changes)]), "x.json").episodes
    if started_at:
        assert episode.started_at.isoformat() == started_at
    for field, value in changes.items():
        if field != "started_at":
            assert getattr(episode, field) == value


def test_several_bad_episodes_report_the_first_and_count_the_rest(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    episodes = [raw_episode(), raw_episode(severity=12), raw_episode(), raw_episode(notes=1)]
    message = refusal(json_document(episodes))
    assert message.startswith("export.json: episode 2 (started 2026-11-20T08:15:00+01:00)")
    assert message.endswith("(and 1 more episode has problems)")


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ({"version": 3}, "format version 3, newer than this program understands (version 2)"),
        ({"version": "1"}, "version: must be a whole number"),
        ({"version": 0}, "version 0 does not exist"),
        ({"format": "other"}, "is not a numbjournal file (has format 'other'"),
        ({"format": None}, "is not a numbjournal file"),
        ({"extra": 1}, "unknown field 'extra' at the top level"),
        ({"episodes": {}}, "episodes: must be a list of episodes"),
        ({"exported_at": 5}, "exported_at: must be a date and time written as text"),
        ({"profile": []}, "profile: must be an object"),
        ({"profile": {"name": "x"}}, "profile: unknown field 'name'"),
        ({"profile": {"conditions": {}}}, "profile: conditions: must be a list"),
        (
            {"profile": {"conditions": [{"condition": "flu"}]}},
            "profile condition 1: condition: 'flu' is not one of: diabetes",
        ),
        (
            {"profile": {"conditions": [{"condition": "diabetes", "since": "2019-13-01"}]}},
            "profile condition 1: since: '2019-13-01' is not a date",
        ),
        (
            {"profile": {"conditions": [{"condition": "diabetes", "when": "x"}]}},
            "profile condition 1: when: is not a field of a condition",
        ),
    ],
)
def test_file_level_problems(
    raw_episode: RawEpisode, json_document: Document, top: dict[str, Any], expected: str
) -> None:
    document = json.loads(json_document([raw_episode()]))
    document.update(top)
    if document["format"] is None:
        del document["format"]
    assert expected in refusal(json.dumps(document))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[]", "export.json: is not a numbjournal file (expected a JSON object)"),
        ("{", "export.json: is not valid JSON (line 1, column 2"),
        ('{"format": "numbjournal", "format": "x"}', "the key 'format' appears twice"),
        ('{"format": "numbjournal", "version": NaN}', "NaN is not a number JSON allows"),
        ('{"format": "numbjournal", "version": 1}', "the 'episodes' list is missing"),
        ("[" * 100_000 + "]" * 100_000, "export.json:"),
    ],
)
def test_broken_json_is_one_clear_sentence(text: str, expected: str) -> None:
    assert expected in refusal(text)


def test_an_episode_that_is_not_an_object(json_document: Document) -> None:
    assert refusal(json_document([5])) == (
        "export.json: episode 1: must be an object with the episode's fields"
    )
