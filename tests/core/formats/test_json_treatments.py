"""Treatments and episode relief in JSON version 2 (journal-format.md section 1b)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from numbjournal.core.errors import FormatError
from numbjournal.core.formats import dump_csv, dump_json, parse_json
from numbjournal.core.model import Episode, Helped, Location, Relief, Treatment, TreatmentKind
from numbjournal.core.store import Journal

RawEpisode = Callable[..., dict[str, Any]]
Document = Callable[..., str]
TZ = timezone(timedelta(hours=1))
EXPORTED = datetime(2026, 11, 25, 9, 30, tzinfo=TZ)
GABAPENTIN = {
    "name": "gabapentin",
    "kind": "medication",
    "dose": "300 mg at night",
    "started": "2026-03-01",
    "stopped": None,
    "notes": "",
}


def test_the_spec_example_reads_with_relief_naming_the_treatment(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    relief = [{"treatment": "gabapentin", "helped": "a_little"}]
    text = json_document([raw_episode(relief=relief)], version=2, treatments=[GABAPENTIN])
    result = parse_json(text, "t.json")
    assert result.treatments == (
        Treatment("gabapentin", TreatmentKind.MEDICATION, date(2026, 3, 1), dose="300 mg at night"),
    )
    (episode,) = result.episodes
    assert episode.relief == (Relief(1, Helped.A_LITTLE),)  # the file's first treatment


def test_a_name_used_twice_means_the_one_taken_that_day(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    first = {**GABAPENTIN, "stopped": "2026-05-31"}
    again = {**GABAPENTIN, "started": "2026-09-01", "dose": "600 mg"}
    relief = [{"treatment": "gabapentin", "helped": "yes"}]
    text = json_document(
        [
            raw_episode(started_at="2026-04-02T08:00:00+01:00", relief=relief),
            raw_episode(started_at="2026-07-02T08:00:00+01:00", relief=relief),
            raw_episode(started_at="2026-10-02T08:00:00+01:00", relief=relief),
        ],
        version=2,
        treatments=[first, again],
    )
    ids = [e.relief[0].treatment_id for e in parse_json(text, "t.json").episodes]
    assert ids == [1, 1, 2]  # in the first run; after it (latest started before); the second


@pytest.mark.parametrize(
    ("treatments", "relief", "message"),
    [
        ([{**GABAPENTIN, "kind": "pill"}], None, "treatment 1 (gabapentin): kind: must be one of"),
        ([{**GABAPENTIN, "stopped": "2026-02-01"}], None, "stopped: 2026-02-01 is before"),
        ([{**GABAPENTIN, "started": "March"}], None, "started: 'March' is not a date"),
        ([{**GABAPENTIN, "colour": "red"}], None, "colour: is not a field of a treatment"),
        ([{k: v for k, v in GABAPENTIN.items() if k != "started"}], None, "started: is missing"),
        ([GABAPENTIN], [{"treatment": "aspirin", "helped": "yes"}], "'aspirin' is not in"),
        ([GABAPENTIN], [{"treatment": "gabapentin", "helped": "maybe"}], "helped: must be one of"),
    ],
)
def test_bad_treatments_and_relief_are_refused_naming_them(
    raw_episode: RawEpisode,
    json_document: Document,
    treatments: list[dict[str, Any]],
    relief: list[dict[str, Any]] | None,
    message: str,
) -> None:
    episode = raw_episode() if relief is None else raw_episode(relief=relief)
    with pytest.raises(FormatError, match=r"t\.json: ") as caught:
        parse_json(json_document([episode], version=2, treatments=treatments), "t.json")
    assert message in str(caught.value)
    if relief is not None:
        assert "episode 1 (started 2026-11-20T08:15:00+01:00): relief:" in str(caught.value)


def test_version_1_files_may_not_use_the_version_2_keys(
    raw_episode: RawEpisode, json_document: Document
) -> None:
    with pytest.raises(FormatError, match="treatments"):
        parse_json(json_document([raw_episode()], version=1, treatments=[GABAPENTIN]), "t.json")
    relief = [{"treatment": "gabapentin", "helped": "yes"}]
    with pytest.raises(FormatError, match="relief"):
        parse_json(json_document([raw_episode(relief=relief)], version=1), "t.json")


def test_export_then_import_keeps_treatments_and_relief(journal: Journal, tmp_path) -> None:
    gaba = journal.treatments.add(
        Treatment("gabapentin", TreatmentKind.MEDICATION, date(2026, 3, 1), dose="300 mg")
    )
    physio = journal.treatments.add(
        Treatment("physio", TreatmentKind.THERAPY, date(2026, 2, 1), date(2026, 4, 1), notes="x")
    )
    assert gaba.id is not None and physio.id is not None
    relief = (Relief(gaba.id, Helped.YES), Relief(physio.id, Helped.NO))
    journal.add(
        Episode(datetime(2026, 3, 20, 9, tzinfo=TZ), 10, (Location.LEFT_SOLE,), relief=relief)
    )
    journal.add(Episode(datetime(2026, 3, 21, 9, tzinfo=TZ), 5, (Location.LEFT_SOLE,)))
    text = dump_json(
        journal.episodes(),
        (),
        exported_at=EXPORTED,
        treatments=journal.treatments.all(),
    )
    document = json.loads(text)
    assert document["version"] == 2
    assert document["treatments"][1] == {**GABAPENTIN, "dose": "300 mg"}
    assert document["episodes"][0]["relief"] == [
        {"treatment": "gabapentin", "helped": "yes"},
        {"treatment": "physio", "helped": "no"},
    ]
    assert "relief" not in document["episodes"][1], "only episodes that record relief carry it"
    assert "relief" not in dump_csv(journal.episodes())

    parsed = parse_json(text, "out.json")
    with Journal.open(tmp_path / "other.sqlite", automatic_backups=False) as other:
        result = other.import_all(parsed.episodes, parsed.conditions, treatments=parsed.treatments)
        assert (result.added, result.treatments_added) == (2, 2)
        assert [dataclasses.replace(t, id=None) for t in other.treatments.all()] == [
            dataclasses.replace(t, id=None) for t in journal.treatments.all()
        ]
        names = {t.id: t.name for t in other.treatments.all()}
        (first, _second) = other.episodes()
        assert [(names[r.treatment_id], r.helped) for r in first.relief] == [
            ("gabapentin", Helped.YES),
            ("physio", Helped.NO),
        ]
        again = other.import_all(parsed.episodes, parsed.conditions, treatments=parsed.treatments)
        assert (again.added, again.skipped, again.treatments_added) == (0, 2, 0)
