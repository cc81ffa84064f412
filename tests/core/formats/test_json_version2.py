"""Format version 2 (journal-format.md section 1b): profile name and date of birth, new ids."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from numbjournal.core.errors import FormatError
from numbjournal.core.formats import dump_csv, dump_json, parse_csv, parse_json
from numbjournal.core.model import Condition, ConditionEntry, Symptom

RawEpisode = Callable[..., dict[str, Any]]
Document = Callable[..., str]
EXPORTED = datetime(2026, 11, 25, 9, 30, tzinfo=timezone(timedelta(hours=1)))
NEW_SYMPTOMS = [
    "severe_pain",
    "back_pain",
    "foot_wound_or_skin_change",
    "chest_pain_or_breathlessness",
    "fever",
    "sharp_or_severe_pain",
]
NEW_CONDITIONS = [
    "chemotherapy",
    "pregnancy",
    "kidney_disease",
    "peripheral_arterial_disease",
    "atrial_fibrillation",
]


def test_a_version_2_file_with_name_birth_date_and_the_new_ids_reads_back(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    profile = {
        "name": "Ana Díaz",
        "date_of_birth": "1961-04-30",
        "conditions": [
            *({"condition": c} for c in NEW_CONDITIONS),
            {"condition": "other", "note": "B12 injections"},
        ],
    }
    text = json_document([raw_episode(symptoms=NEW_SYMPTOMS)], version=2, profile=profile)
    result = parse_json(text, "v2.json")
    assert result.name == "Ana Díaz"
    assert result.date_of_birth == date(1961, 4, 30)
    assert [str(s) for s in result.episodes[0].symptoms] == NEW_SYMPTOMS
    assert [str(c.condition) for c in result.conditions] == [*NEW_CONDITIONS, "other"]
    assert result.conditions[-1].note == "B12 injections"


def test_export_writes_version_2_with_the_profile_and_reads_back_the_same(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    episode = parse_json(json_document([raw_episode(symptoms=NEW_SYMPTOMS)]), "x").episodes[0]
    conditions = [ConditionEntry(Condition.PREGNANCY, date(2026, 6, 1))]
    text = dump_json(
        [episode],
        conditions,
        exported_at=EXPORTED,
        name="Ana",
        date_of_birth=date(1961, 4, 30),
    )
    document = json.loads(text)
    assert document["version"] == 2
    assert document["profile"] == {
        "name": "Ana",
        "date_of_birth": "1961-04-30",
        "conditions": [{"condition": "pregnancy", "since": "2026-06-01"}],
    }
    again = parse_json(text, "again.json")
    assert again.episodes == (episode,)
    assert (again.name, again.date_of_birth) == ("Ana", date(1961, 4, 30))


def test_an_export_without_name_or_birth_date_leaves_them_out(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    episode = parse_json(json_document([raw_episode()]), "x").episodes[0]
    document = json.loads(dump_json([episode], [], exported_at=EXPORTED))
    assert document["profile"] == {"conditions": []}


def test_a_version_1_file_still_imports_with_the_old_pain_id(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    text = json_document([raw_episode(symptoms=["sharp_or_severe_pain"])], version=1)
    result = parse_json(text, "old.json")
    assert result.episodes[0].symptoms == (Symptom.SHARP_OR_SEVERE_PAIN,)
    assert (result.name, result.date_of_birth) == ("", None)


@pytest.mark.parametrize(
    ("version", "profile", "message"),
    [
        (1, {"name": "Ana", "conditions": []}, "profile: unknown field 'name' (a version 2 field"),
        (1, {"date_of_birth": "1961-04-30"}, "unknown field 'date_of_birth' (a version 2 field"),
        (2, {"nickname": "A"}, "profile: unknown field 'nickname'"),
        (2, {"name": 7}, "profile: name: must be one line of text"),
        (2, {"name": "Ana\nDíaz"}, "profile: name: must be one line of text"),
        (2, {"date_of_birth": "30/04/1961"}, "profile: date_of_birth: '30/04/1961' is not a date"),
        (2, {"date_of_birth": "2999-01-01"}, "profile: date_of_birth: 2999-01-01 is in the future"),
    ],
)
def test_profile_mistakes_are_refused_naming_the_field(
    raw_episode: RawEpisode, json_document: Document, version: int, profile: dict, message: str
) -> None:
    text = json_document([raw_episode()], version=version, profile=profile)
    with pytest.raises(FormatError, match=r"^v\.json: ") as caught:
        parse_json(text, "v.json")
    assert message in str(caught.value)


def test_csv_carries_the_new_symptom_ids_both_ways(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    episode = parse_json(json_document([raw_episode(symptoms=NEW_SYMPTOMS)]), "x").episodes[0]
    assert parse_csv(dump_csv([episode]), "x.csv").episodes == (episode,)
