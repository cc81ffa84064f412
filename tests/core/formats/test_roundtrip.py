"""Any valid episode survives export and import unchanged, in JSON and in CSV."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from numbjournal.core.formats import dump_csv, dump_json, parse_csv, parse_json, read_journal_file
from numbjournal.core.model import (
    Context,
    Episode,
    Location,
    Onset,
    PositionChange,
    Sensation,
    Symptom,
)
from numbjournal.core.store import Journal
from numbjournal.core.validation import validate_episode

AWKWARD_NOTES = [
    "",
    "plain",
    "=SUM(A1:A3)",
    "+1 after coffee",
    "-2 worse",
    "@home",
    "\tindented",
    "\rcarriage",
    "'",
    "''",
    "'=already quoted",
    "''=twice",
    "'hello",
    "'\t",
    'say "hi", then; leave',
    "line one\nline two",
    "windows\r\nline",
    "lone\rreturn",
    "emoji 🦵🏽 and ünïcödé",
    "trailing spaces   ",
    "   leading spaces",
    ",",
    '"',
    "\n",
]

offsets = st.one_of(
    st.sampled_from([0, 345, -210, 60, -300, 840, -720, 330]),
    st.integers(min_value=-14 * 60, max_value=14 * 60),
).map(lambda minutes: UTC if minutes == 0 else timezone(timedelta(minutes=minutes)))


def started_until(last: datetime) -> st.SearchStrategy[datetime]:
    return st.builds(
        lambda naive, tz: naive.replace(tzinfo=tz),
        st.datetimes(min_value=datetime(1900, 1, 2), max_value=last).map(
            lambda d: d.replace(microsecond=0)
        ),
        offsets,
    )


# Files may hold any valid time; a journal takes none in the future.
started = started_until(datetime(9998, 12, 31))

notes = st.one_of(
    st.sampled_from(AWKWARD_NOTES),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        max_size=80,
    ),
    st.lists(st.sampled_from(AWKWARD_NOTES), max_size=4).map("".join),
)


def exact(episode: Episode) -> tuple[object, ...]:
    """Every field, the offset included (== on datetimes ignores the offset)."""
    return (*episode.content_key(), episode.started_at.isoformat())


def episodes_starting(when: st.SearchStrategy[datetime]) -> st.SearchStrategy[Episode]:
    return st.builds(
        Episode,
        started_at=when,
        duration_minutes=st.one_of(st.none(), st.integers(0, 43_200)),
        locations=st.lists(st.sampled_from(list(Location)), min_size=1, unique=True).map(tuple),
        sensation=st.sampled_from(list(Sensation)),
        severity=st.integers(0, 10),
        onset=st.sampled_from(list(Onset)),
        context=st.sampled_from(list(Context)),
        position_change=st.sampled_from(list(PositionChange)),
        symptoms=st.lists(st.sampled_from(list(Symptom)), unique=True).map(tuple),
        notes=notes,
    )


episodes = episodes_starting(started)
past_episodes = episodes_starting(started_until(datetime(2025, 12, 31)))


EXPORTED_AT = datetime(2026, 11, 25, 9, 30, tzinfo=timezone(timedelta(hours=1)))


@settings(max_examples=60, deadline=None)
@given(st.lists(episodes, max_size=5))
def test_json_round_trip_keeps_every_field(batch: list[Episode]) -> None:
    assert all(not validate_episode(e) for e in batch)
    back = parse_json(dump_json(batch, [], exported_at=EXPORTED_AT), "t.json").episodes
    assert [exact(e) for e in back] == [exact(e) for e in batch]


@settings(max_examples=60, deadline=None)
@given(st.lists(episodes, max_size=5))
def test_csv_round_trip_keeps_every_field(batch: list[Episode]) -> None:
    back = parse_csv(dump_csv(batch), "t.csv").episodes
    assert [exact(e) for e in back] == [exact(e) for e in batch]


@settings(max_examples=15, deadline=None)
@given(
    st.lists(past_episodes, min_size=1, max_size=4, unique_by=exact),
    st.sampled_from(["json", "csv"]),
)
def test_journal_to_file_to_new_journal_is_unchanged(batch: list[Episode], kind: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        with Journal.open(base / "a.sqlite") as first:
            for episode in batch:
                first.add(episode)
            stored = first.episodes()
        text = (
            dump_json(stored, [], exported_at=EXPORTED_AT) if kind == "json" else dump_csv(stored)
        )
        exported = base / f"out.{kind}"
        exported.write_bytes(text.encode("utf-8"))
        loaded = read_journal_file(exported)
        with Journal.open(base / "b.sqlite") as second:
            result = second.import_all(loaded.episodes)
            again = second.episodes()
    assert (result.added, result.skipped) == (len(batch), 0)
    assert [exact(e) for e in again] == [exact(e) for e in stored]
