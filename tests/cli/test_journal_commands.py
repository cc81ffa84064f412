"""``numbjournal list`` and ``numbjournal profile``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from numbjournal.core.model import Episode, Location, Symptom
from numbjournal.core.store import Journal

PLUS1 = timezone(timedelta(hours=1))


def test_empty_journal_says_how_to_start(cli: Callable, journal_path: Path) -> None:
    Journal.open(journal_path).close()
    result = cli("list")
    assert (result.code, result.err) == (0, "")
    assert result.out == "No episodes yet. Add one with: numbjournal log --help\n"


@pytest.mark.parametrize("command", [["list"], ["flags", "--json"], ["chart", "frequency"]])
def test_reading_a_journal_that_does_not_exist_says_so_and_creates_nothing(
    cli: Callable, tmp_path: Path, command: list[str]
) -> None:
    typo = tmp_path / "typo" / "jurnal.sqlite"
    extra = ["-o", str(tmp_path / "f.csv")] if command[0] == "chart" else []
    result = cli(*command, "--db", str(typo), *extra)
    assert result.code == 1
    assert result.err == (
        f"numbjournal {command[0]}: there is no journal at {typo} "
        "(check --db or NUMBJOURNAL_DB); nothing was created\n"
    )
    assert not typo.parent.exists()
    assert not (tmp_path / "f.csv").exists()


def test_list_is_a_readable_table_newest_first(
    cli: Callable, journal_path: Path, episode_factory: Callable[..., Episode]
) -> None:
    with Journal.open(journal_path) as journal:
        journal.add(episode_factory(started_at=datetime(2026, 11, 19, 7, 5, tzinfo=PLUS1)))
        journal.add(
            episode_factory(
                started_at=datetime(2026, 11, 20, 8, 15, tzinfo=PLUS1),
                duration_minutes=90,
                locations=(Location.LEFT_CALF, Location.RIGHT_SOLE),
                symptoms=(Symptom.FACIAL_DROOPING,),
                severity=7,
            )
        )
        journal.add(
            episode_factory(
                started_at=datetime(2026, 11, 21, 22, 0, tzinfo=PLUS1), duration_minutes=None
            )
        )
    lines = cli("list").out.splitlines()
    assert lines[0].split() == [
        "id",
        "started",
        "lasted",
        "severity",
        "feeling",
        "where",
        "with",
        "flags",
    ]
    assert lines[1].split()[:5] == ["3", "2026-11-21", "22:00", "ongoing", "3/10"]
    assert "1 h 30 min" in lines[2]
    assert "left calf, right sole" in lines[2]
    assert "facial drooping" in lines[2]
    assert "EMERGENCY: stroke signs" in lines[2]
    assert lines[3].split()[:2] == ["1", "2026-11-19"]
    assert "not a diagnosis" in lines[-1]


def test_list_period_and_limit(
    cli: Callable, journal_path: Path, episode_factory: Callable[..., Episode]
) -> None:
    with Journal.open(journal_path) as journal:
        for day in range(1, 6):
            journal.add(episode_factory(started_at=datetime(2026, 11, day, 12, 0).astimezone()))
    out = cli("list", "--from", "2026-11-02", "--to", "2026-11-04").out.splitlines()
    assert [line.split()[0] for line in out[1:]] == ["4", "3", "2"]
    out = cli("list", "--limit", "2").out.splitlines()
    assert [line.split()[0] for line in out[1:]] == ["5", "4"]
    assert cli("list", "--from", "2027-01-01").out == "No episodes in that period.\n"


@pytest.mark.parametrize("limit", ["0", "-1", "two"])
def test_list_refuses_a_limit_that_is_not_a_count(cli: Callable, limit: str) -> None:
    outcome = cli("list", "--limit", limit)
    assert outcome.code == 2
    assert f"--limit: '{limit}' is not a whole number of 1 or more" in outcome.err
    assert outcome.out == ""


def test_profile_add_show_remove_set(cli: Callable, journal_path: Path) -> None:
    assert cli("log", "--where", "left_calf", "--duration", "5", "--severity", "2").code == 0
    assert "none recorded" in cli("profile").out
    assert cli("profile", "add", "diabetes", "--since", "2019-03-01").out == (
        "Added diabetes (id 1).\n"
    )
    assert cli("profile", "add", "Recent injury", "--note", "twisted left knee").code == 0
    assert (
        cli("profile", "set", "--name", "Alex Example", "--date-of-birth", "1968-04-02").code == 0
    )
    shown = cli("profile").out
    assert "Name:          Alex Example" in shown
    assert "Date of birth: 1968-04-02" in shown
    assert "1  Diabetes, since 2019-03-01" in shown
    assert "2  Recent injury (twisted left knee)" in shown
    assert cli("profile", "remove", "1").out == "Removed diabetes (id 1).\n"
    with Journal.open(journal_path) as journal:
        profile = journal.profile()
    assert [(c.id, c.condition) for c in profile.conditions] == [(2, "recent_injury")]
    assert (profile.name, profile.date_of_birth) == ("Alex Example", date(1968, 4, 2))


def test_profile_set_keeps_condition_ids(cli: Callable, journal_path: Path) -> None:
    cli("profile", "add", "sciatica")
    cli("profile", "add", "diabetes")
    cli("profile", "remove", "1")
    cli("profile", "set", "--name", "A")
    with Journal.open(journal_path) as journal:
        assert [c.id for c in journal.profile().conditions] == [2]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "flu"), "CONDITION: 'flu' is not one of: diabetes, multiple_sclerosis"),
        (("add", "diabetes", "--since", "2999-01-01"), "--since: is in the future"),
        (("add", "diabetes", "--since", "March"), "'March' is not a date"),
        (("remove", "9"), "there is no condition with id 9"),
        (("set",), "give --name or --date-of-birth"),
        (("set", "--date-of-birth", "2999-01-01"), "--date-of-birth: is in the future"),
        (("set", "--name", "x" * 201), "--name: must be one line of at most 200 characters"),
    ],
)
def test_profile_mistakes(cli: Callable, args: tuple[str, ...], message: str) -> None:
    result = cli("profile", *args)
    assert result.code != 0
    assert message in result.err
    assert result.err.count("\n") == 1


@pytest.mark.parametrize(
    "command", ["list", "log", "import", "export", "profile", "profile add", "profile set"]
)
def test_every_command_has_help_with_examples(cli: Callable, command: str) -> None:
    result = cli(*command.split(), "--help")
    assert result.code == 0
    assert "example" in result.out


def test_newer_journal_is_refused_in_one_line(cli: Callable, journal_path: Path) -> None:
    import sqlite3

    with Journal.open(journal_path):
        pass
    with sqlite3.connect(journal_path) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = journal_path.read_bytes()
    result = cli("list")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "newer version of numbjournal" in result.err
    assert journal_path.read_bytes() == before


def test_another_programs_database_is_refused_untouched(cli: Callable, journal_path: Path) -> None:
    import sqlite3

    journal_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(journal_path)
    with conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    before = journal_path.read_bytes()
    result = cli("log", "--where", "face", "--duration", "1", "--severity", "1")
    assert (result.code, result.out) == (1, "")
    assert "made by another program" in result.err
    assert result.err.count("\n") == 1
    assert journal_path.read_bytes() == before
