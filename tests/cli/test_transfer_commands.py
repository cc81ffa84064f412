"""``numbjournal import`` and ``export`` end to end, in a temporary folder."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from numbjournal.core.model import Condition, ConditionEntry, Episode
from numbjournal.core.store import Journal

PLUS1 = timezone(timedelta(hours=1))


@pytest.fixture
def filled(journal_path: Path, episode_factory: Callable[..., Episode]) -> list[Episode]:
    with Journal.open(journal_path) as journal:
        for day, notes in ((1, "=formula"), (2, "line\nbreak, comma"), (3, "'quoted")):
            journal.add(
                episode_factory(started_at=datetime(2026, 11, day, 8, 0, tzinfo=PLUS1), notes=notes)
            )
        journal.add_condition(ConditionEntry(Condition.DIABETES, date(2019, 3, 1)))
        return journal.episodes()


def keys(episodes: list[Episode]) -> list[tuple[object, ...]]:
    return [(*e.content_key(), e.started_at.isoformat()) for e in episodes]


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_export_then_import_into_a_new_journal(
    cli: Callable, filled: list[Episode], tmp_path: Path, kind: str
) -> None:
    output = tmp_path / f"out.{kind}"
    result = cli("export", "--format", kind, "--output", str(output))
    assert (result.code, result.err) == (0, "")
    assert result.out == f"Wrote 3 episodes to {output}.\n"
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    other = tmp_path / "other.sqlite"
    result = cli("import", str(output), "--db", str(other))
    assert result.code == 0, result.err
    assert result.out.startswith(
        "Added 3 episodes, skipped 0 identical ones already in the journal."
    )
    with Journal.open(other) as journal:
        assert keys(journal.episodes()) == keys(filled)
        conditions = journal.profile().conditions
    if kind == "json":
        assert result.out.endswith("Added 1 profile condition (0 already there).\n")
        assert [(c.condition, c.since) for c in conditions] == [("diabetes", date(2019, 3, 1))]
    else:
        assert conditions == ()


def test_importing_the_same_file_again_skips_and_counts(
    cli: Callable, filled: list[Episode], tmp_path: Path, journal_path: Path
) -> None:
    output = tmp_path / "out.json"
    cli("export", "--output", str(output))
    result = cli("import", str(output))
    assert result.out == (
        "Added 0 episodes, skipped 3 identical ones already in the journal.\n"
        "Added 0 profile conditions (1 already there).\n"
    )
    with Journal.open(journal_path) as journal:
        assert journal.count() == 3
        assert len(journal.profile().conditions) == 1


def test_export_date_range_includes_both_ends(
    cli: Callable, filled: list[Episode], tmp_path: Path
) -> None:
    output = tmp_path / "part.csv"
    result = cli("export", "--output", str(output), "--from", "2026-11-02", "--to", "2026-11-03")
    assert result.code == 0
    with output.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["started_at"] for r in rows] == [
        "2026-11-02T08:00:00+01:00",
        "2026-11-03T08:00:00+01:00",
    ]
    assert rows[1]["notes"] == "'quoted"


def test_export_to_standard_output(cli: Callable, filled: list[Episode]) -> None:
    result = cli("export", "--format", "json", "--output", "-")
    assert result.code == 0
    document = json.loads(result.out)
    assert len(document["episodes"]) == 3
    assert document["episodes"][0]["notes"] == "=formula"


def test_bad_episode_in_the_middle_changes_nothing(
    cli: Callable, filled: list[Episode], tmp_path: Path, journal_path: Path
) -> None:
    output = tmp_path / "export.json"
    cli("export", "--output", str(output))
    document = json.loads(output.read_text())
    extra = [
        dict(e, started_at=f"2026-10-{d:02d}T09:00:00+01:00")
        for d, e in zip(range(1, 4), document["episodes"], strict=True)
    ]
    extra[1]["severity"] = 11
    document["episodes"] = extra
    output.write_text(json.dumps(document))
    result = cli("import", str(output))
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        f"numbjournal import: {output}: episode 2 (started 2026-10-02T09:00:00+01:00): "
        "severity: must be a whole number from 0 to 10; nothing was imported\n"
    )
    with Journal.open(journal_path) as journal:
        assert keys(journal.episodes()) == keys(filled)


def test_bad_csv_line_is_named(cli: Callable, tmp_path: Path, journal_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "started_at,duration_minutes,locations,sensation,severity\n"
        "2026-11-20T08:15:00+01:00,5,left_calf,numbness,4\n"
        "2026-11-21T08:15:00+01:00,5,left_knees,numbness,4\n"
    )
    result = cli("import", str(path))
    assert result.code == 1
    assert result.err.startswith(
        f"numbjournal import: {path}: line 3 (started 2026-11-21T08:15:00+01:00): "
        "locations: unknown value 'left_knees'"
    )
    assert not journal_path.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--output", "x.txt"), "say which format to write to x.txt: --format json, csv or pdf"),
        (("--output", "a.csv", "--from", "2026-12-01", "--to", "2026-11-01"), "is after --to"),
        (("--format", "csv", "--output", "-", "--to", "2026-02-30"), "'2026-02-30' is not a date"),
        (
            ("--output", "out.json", "--charts", "--paper", "letter"),
            "--charts, --paper only apply to the PDF summary (--format pdf), not to json; "
            "nothing was written",
        ),
    ],
)
def test_export_mistakes(cli: Callable, args: tuple[str, ...], message: str) -> None:
    result = cli("export", *args)
    assert result.code != 0
    assert message in result.err
    assert result.err.count("\n") == 1


def test_export_refuses_to_overwrite_the_journal(
    cli: Callable, filled: list[Episode], journal_path: Path
) -> None:
    before = journal_path.read_bytes()
    result = cli("export", "--format", "csv", "--output", str(journal_path))
    assert result.code == 1
    assert "is the journal itself" in result.err
    assert journal_path.read_bytes() == before


def test_export_into_a_missing_folder_leaves_nothing(
    cli: Callable, filled: list[Episode], tmp_path: Path
) -> None:
    result = cli("export", "--output", str(tmp_path / "nope" / "out.json"))
    assert result.code == 1
    assert "the folder does not exist" in result.err
    assert not (tmp_path / "nope").exists()


def test_importing_a_newer_format_names_the_version(cli: Callable, tmp_path: Path) -> None:
    path = tmp_path / "future.json"
    path.write_text('{"format": "numbjournal", "version": 3, "episodes": []}')
    result = cli("import", str(path))
    assert result.code == 1
    assert "format version 3, newer than this program understands" in result.err


def test_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe{")
    env = {**os.environ, "NUMBJOURNAL_DB": str(tmp_path / "j.sqlite")}
    done = subprocess.run(
        [sys.executable, "-m", "numbjournal", "import", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("numbjournal import: ")
    assert "UTF-16" in done.stderr


def test_import_from_standard_input(
    cli: Callable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, journal_path: Path
) -> None:
    text = (
        "started_at,duration_minutes,locations,sensation,severity\n"
        "2026-11-20T08:15:00+01:00,5,left_calf,numbness,4\n"
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    result = cli("import", "-")
    assert result.out == "Added 1 episode, skipped 0 identical ones already in the journal.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    result = cli("import", "-")
    assert result.err == (
        "numbjournal import: standard input: the file is empty; nothing was imported\n"
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"when,where\n")))
    result = cli("import", "-")
    assert result.err == (
        "numbjournal import: standard input: cannot tell whether this is a JSON or a CSV "
        "journal; say which with --format json or csv; nothing was imported\n"
    )


def _v2_file(tmp_path: Path, profile: dict[str, object]) -> Path:
    path = tmp_path / "v2.json"
    episode = {
        "started_at": "2026-11-20T08:15:00+01:00",
        "duration_minutes": 12,
        "locations": ["left_calf"],
        "sensation": "numbness",
        "severity": 4,
        "symptoms": ["back_pain", "fever"],
    }
    document = {"format": "numbjournal", "version": 2, "profile": profile, "episodes": [episode]}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_version_2_profile_fills_an_empty_name_and_birth_date(
    cli: Callable, tmp_path: Path, journal_path: Path
) -> None:
    path = _v2_file(tmp_path, {"name": "Ana", "date_of_birth": "1961-04-30", "conditions": []})
    result = cli("import", str(path))
    assert result.code == 0, result.err
    with Journal.open(journal_path) as journal:
        profile = journal.profile()
        assert (profile.name, profile.date_of_birth) == ("Ana", date(1961, 4, 30))
        assert [str(s) for s in journal.episodes()[0].symptoms] == ["back_pain", "fever"]
    exported = tmp_path / "back.json"
    assert cli("export", "--format", "json", "--output", str(exported)).code == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["version"] == 2
    assert document["profile"]["name"] == "Ana"
    assert document["profile"]["date_of_birth"] == "1961-04-30"


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ({"name": "Bob"}, "the file's profile name (Bob) differs from this journal's (Ana)"),
        ({"date_of_birth": "1970-01-01"}, "date of birth (1970-01-01) differs"),
    ],
)
def test_a_different_name_or_birth_date_refuses_the_whole_import(
    cli: Callable, tmp_path: Path, journal_path: Path, profile: dict[str, object], message: str
) -> None:
    from numbjournal.core.model import Profile

    with Journal.open(journal_path) as journal:
        journal.set_profile(Profile(name="Ana", date_of_birth=date(1961, 4, 30)))
    result = cli("import", str(_v2_file(tmp_path, profile)))
    assert result.code == 1
    assert message in result.err and "nothing was imported" in result.err
    assert len(result.err.strip().splitlines()) == 1
    with Journal.open(journal_path) as journal:
        assert journal.episodes() == []
        assert journal.profile().name == "Ana"


def test_the_same_name_in_other_letters_case_imports(
    cli: Callable, tmp_path: Path, journal_path: Path
) -> None:
    from numbjournal.core.model import Profile

    with Journal.open(journal_path) as journal:
        journal.set_profile(Profile(name="Ana Díaz"))
    result = cli("import", str(_v2_file(tmp_path, {"name": "ana díaz"})))
    assert result.code == 0, result.err
