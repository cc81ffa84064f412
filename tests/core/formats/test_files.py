"""Reading import files from disk: encodings, sizes, which format, and whole journals."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from numbjournal.core.errors import FormatError
from numbjournal.core.formats import dump_csv, dump_json, files, read_journal_file
from numbjournal.core.model import Episode, Location, Symptom
from numbjournal.core.store import Journal

CSV_TEXT = (
    "started_at,duration_minutes,locations,sensation,severity\r\n"
    "2026-11-20T08:15:00+01:00,5,left_calf,numbness,4\r\n"
)
AWKWARD = [
    "=cmd|' /C calc'!A0",
    "+44 1234",
    "-",
    "@SUM(1)",
    "\tTab",
    "\r\nstarts with CRLF",
    "'",
    "'=",
    "''@",
    'quoted "word", comma; semicolon',
    "multi\nline\r\ntext\rmixed",
    "🦵 numb toes 🥶 — ünïcödé, 中文, עברית",
    "  spaces  ",
    "",
]


def refusal(path: Path, source: str | None = None) -> str:
    with pytest.raises(FormatError) as caught:
        read_journal_file(path, source)
    return str(caught.value)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(codecs.BOM_UTF8 + CSV_TEXT.encode())
    assert len(read_journal_file(path).episodes) == 1


def test_utf16_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(CSV_TEXT.encode("utf-16"))
    assert "excel.csv: is saved as UTF-16 or UTF-32; save it as UTF-8" in refusal(path)


def test_non_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(
        CSV_TEXT.encode()
        + "2026-11-21T08:00:00+01:00,5,left_calf,numbness,4\r\n".replace(
            "numbness", "numbn\xe9ss"
        ).encode("latin-1")
    )
    assert refusal(path) == (
        "latin.csv: line 3 is not UTF-8 text (byte 0xe9); "
        "save the file as UTF-8 and import it again"
    )


@pytest.mark.parametrize("content", [b"", b"  \n\r\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(content)
    assert refusal(path) == "empty.json: the file is empty"


def test_huge_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_IMPORT_BYTES", 10)
    path = tmp_path / "big.csv"
    path.write_text(CSV_TEXT)
    assert "big.csv: is 0 MB, larger than any numbjournal file" in refusal(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nope.json") == "nope.json: no such file"
    assert refusal(tmp_path, "data") == "data: is a folder, not a file"


def test_kind_is_guessed_from_content_without_extension(tmp_path: Path) -> None:
    as_csv = tmp_path / "journal-export"
    as_csv.write_text(CSV_TEXT)
    assert read_journal_file(as_csv).kind == "csv"
    as_json = tmp_path / "journal.txt"
    as_json.write_text(json.dumps({"format": "numbjournal", "version": 1, "episodes": []}))
    assert read_journal_file(as_json).kind == "json"
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    assert "cannot tell whether this is a JSON or a CSV journal" in refusal(other)


def awkward_journal(journal: Journal, count: int = 200) -> list[Episode]:
    offsets = [timedelta(hours=1), timedelta(hours=5, minutes=45), timedelta(hours=-3, minutes=-30)]
    locations = list(Location)
    symptoms = list(Symptom)
    for i in range(count):
        tz = timezone(offsets[i % 3])
        journal.add(
            Episode(
                started_at=datetime(2025, 1, 1, 7, 0, tzinfo=tz) + timedelta(hours=17 * i),
                duration_minutes=None if i % 11 == 0 else (i * 37) % 43_201,
                locations=(locations[i % 30], locations[(i + 7) % 30]),
                severity=i % 11,
                symptoms=tuple(symptoms[j] for j in range(i % 4)),
                notes=AWKWARD[i % len(AWKWARD)] + AWKWARD[(i * 7) % len(AWKWARD)],
            )
        )
    return journal.episodes()


def key(episode: Episode) -> tuple[Any, ...]:
    return (*episode.content_key(), episode.started_at.isoformat())


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_two_hundred_awkward_episodes_round_trip_exactly(
    journal: Journal, tmp_path: Path, kind: str
) -> None:
    stored = awkward_journal(journal)
    path = tmp_path / f"export.{kind}"
    exported_at = datetime.now().astimezone()
    text = dump_json(stored, [], exported_at=exported_at) if kind == "json" else dump_csv(stored)
    path.write_text(text, encoding="utf-8", newline="")
    loaded = read_journal_file(path)
    with Journal.open(tmp_path / "fresh.sqlite") as fresh:
        result = fresh.import_all(loaded.episodes)
        again = fresh.episodes()
    assert (result.added, result.skipped) == (200, 0)
    assert [key(e) for e in again] == [key(e) for e in stored]


def test_bad_episode_in_the_middle_refuses_the_whole_file(
    journal: Journal, tmp_path: Path, raw_episode: Callable[..., dict[str, Any]]
) -> None:
    stored = awkward_journal(journal, 20)
    document = json.loads(dump_json(stored, [], exported_at=datetime.now().astimezone()))
    document["episodes"][9]["locations"] = ["left_calf", "tail"]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    with Journal.open(tmp_path / "other.sqlite") as other:
        before = other.count()
        message = refusal(path)
        assert other.count() == before == 0
    started = document["episodes"][9]["started_at"]
    assert message.startswith(f"export.json: episode 10 (started {started}): locations: ")
    assert "unknown value 'tail'" in message
