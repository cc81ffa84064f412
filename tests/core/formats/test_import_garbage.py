"""Garbage in: our own error naming what is wrong, never a traceback, never a change.

Hypothesis feeds the JSON and CSV importers random bytes, random text, and
near-miss files (a valid file with fields swapped for random JSON values or
cells for random text), first through ``read_journal_file`` and then through
the ``import`` command on a real journal whose contents are compared after.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numbjournal.cli import run
from numbjournal.core.errors import NumbjournalError
from numbjournal.core.formats import EPISODE_FIELDS, read_journal_file
from numbjournal.core.store import Journal
from numbjournal.core.store.backup import content_digest

pytestmark = pytest.mark.slow

EXAMPLES = 250
CLI_EXAMPLES = 60
GARBAGE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CLI_GARBAGE = settings(GARBAGE, max_examples=CLI_EXAMPLES)

VALID = {
    "started_at": "2026-11-20T08:15:00+01:00",
    "duration_minutes": 12,
    "locations": ["left_foot_top", "left_calf"],
    "sensation": "numbness",
    "severity": 4,
    "onset": "gradual",
    "context": "sitting",
    "position_change": "improved",
    "symptoms": ["weakness"],
    "notes": "after the long drive",
}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(["", "left_calf", "numbness", "2026-02-30T25:00", "1e400", "NaN"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def near_miss_json(draw: st.DrawFn) -> str:
    """A valid file with some of its pieces replaced by random JSON."""
    episodes: list[Any] = []
    for _ in range(draw(st.integers(0, 3))):
        episode: dict[str, Any] = dict(VALID)
        for field in draw(st.lists(st.sampled_from([*EPISODE_FIELDS, "extra"]), max_size=3)):
            if draw(st.booleans()):
                episode[field] = draw(json_values)
            else:
                episode.pop(field, None)
        episodes.append(episode if draw(st.integers(0, 9)) else draw(json_values))
    document: dict[str, Any] = {"format": "numbjournal", "version": 1, "episodes": episodes}
    for key in draw(st.lists(st.sampled_from(["format", "version", "profile", "exported_at"]))):
        document[key] = draw(json_values)
    text = json.dumps(document)
    if draw(st.integers(0, 9)) == 0:
        cut = draw(st.integers(0, len(text)))
        text = text[:cut]
    return text


@st.composite
def near_miss_csv(draw: st.DrawFn) -> str:
    """A CSV with the right header (usually) and rows of random or almost-valid cells."""
    out = io.StringIO()
    writer = csv.writer(out)
    header = list(EPISODE_FIELDS)
    if draw(st.integers(0, 4)) == 0:
        header = draw(st.lists(st.sampled_from([*EPISODE_FIELDS, "x", ""]), max_size=12))
    writer.writerow(header)
    for _ in range(draw(st.integers(0, 3))):
        row = [
            "" if v is None else ";".join(v) if isinstance(v, list) else str(v)
            for v in VALID.values()
        ]
        for index in draw(st.lists(st.integers(0, len(row) + 1), max_size=3)):
            cell = draw(st.text(max_size=20))
            if index < len(row):
                row[index] = cell
            else:
                row.append(cell)
        writer.writerow(row)
    text = out.getvalue()
    if draw(st.integers(0, 9)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text


def _read_or_refuse(folder: Path, data: bytes, name: str) -> None:
    path = folder / name
    path.write_bytes(data)
    try:
        read_journal_file(path)
    except NumbjournalError as exc:
        assert str(exc).strip(), "an error with no message"
        assert "\n" not in str(exc).strip(), "an error must fit on one line"


@GARBAGE
@given(data=st.binary(max_size=3000), name=st.sampled_from(["in.json", "in.csv", "in.txt"]))
def test_random_bytes_are_refused_in_words(tmp_path: Path, data: bytes, name: str) -> None:
    _read_or_refuse(tmp_path, data, name)


@GARBAGE
@given(text=near_miss_json())
def test_near_miss_json_is_refused_in_words(tmp_path: Path, text: str) -> None:
    _read_or_refuse(tmp_path, text.encode(), "in.json")


@GARBAGE
@given(text=near_miss_csv())
def test_near_miss_csv_is_refused_in_words(tmp_path: Path, text: str) -> None:
    _read_or_refuse(tmp_path, text.encode(), "in.csv")


@pytest.fixture(scope="module")
def kept_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("garbage") / "journal.sqlite"
    with Journal.open(path, automatic_backups=False) as journal:
        journal.import_all(read_journal_file(_valid_file(path.parent)).episodes)
    return path


def _valid_file(folder: Path) -> Path:
    path = folder / "valid.json"
    path.write_text(json.dumps({"format": "numbjournal", "version": 1, "episodes": [VALID]}))
    return path


def _import_changes_nothing_unless_accepted(
    journal: Path, data: bytes, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = journal.parent / name
    source.write_bytes(data)
    before = content_digest(journal)
    code = run(["--db", str(journal), "import", str(source)])  # a traceback fails the test
    out, err = capsys.readouterr()
    if code == 0:
        assert out.startswith("Added ")
        return
    assert code == 1 and out == ""
    assert err.startswith("numbjournal import: ") and err.count("\n") == 1
    assert "Traceback" not in err
    assert content_digest(journal) == before, "a refused import changed the journal"


@CLI_GARBAGE
@given(data=st.binary(max_size=2000) | near_miss_json().map(str.encode), name=st.just("in.json"))
def test_import_command_with_garbage_json(
    kept_journal: Path, capsys: pytest.CaptureFixture[str], data: bytes, name: str
) -> None:
    _import_changes_nothing_unless_accepted(kept_journal, data, name, capsys)


@CLI_GARBAGE
@given(data=st.binary(max_size=2000) | near_miss_csv().map(str.encode), name=st.just("in.csv"))
def test_import_command_with_garbage_csv(
    kept_journal: Path, capsys: pytest.CaptureFixture[str], data: bytes, name: str
) -> None:
    _import_changes_nothing_unless_accepted(kept_journal, data, name, capsys)
