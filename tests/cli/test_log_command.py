"""``numbjournal log``: one episode from options, readable defaults and clear refusals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from numbjournal.core.model import Location, Sensation, Symptom
from numbjournal.core.store import Journal

QUICK = ("--where", "left_calf", "--duration", "12", "--severity", "4")


def stored(path: Path) -> list:
    with Journal.open(path) as journal:
        return journal.episodes()


def test_quick_log_prints_only_the_new_id(cli: Callable, journal_path: Path) -> None:
    before = datetime.now().astimezone().replace(microsecond=0)
    result = cli("log", *QUICK)
    assert (result.code, result.out, result.err) == (0, "1\n", "")
    (episode,) = stored(journal_path)
    assert episode.id == 1
    assert episode.locations == (Location.LEFT_CALF,)
    assert (episode.duration_minutes, episode.severity) == (12, 4)
    assert episode.sensation is Sensation.NUMBNESS
    assert (episode.onset, episode.context, episode.position_change) == (
        "unknown",
        "unknown",
        "not_tried",
    )
    # Logged after it stopped: it ended just now, 12 minutes after it started.
    ended = episode.started_at + timedelta(minutes=12)
    assert before <= ended <= datetime.now().astimezone()
    assert episode.started_at.utcoffset() == before.utcoffset()


def test_ended_gives_the_end_and_the_start_is_the_end_minus_the_duration(
    cli: Callable, journal_path: Path
) -> None:
    result = cli(
        "log", "--ended", "2026-11-20 09:45", "--duration", "1h30m", *QUICK[:2], "--severity", "4"
    )
    assert result.code == 0, result.err
    (episode,) = stored(journal_path)
    assert episode.started_at.strftime("%Y-%m-%d %H:%M") == "2026-11-20 08:15"
    assert episode.duration_minutes == 90
    before = datetime.now().astimezone().replace(second=0, microsecond=0)
    assert cli("log", "--ended", "now", "--duration", "20", *QUICK[:2], "--severity", "1").code == 0
    latest = stored(journal_path)[-1]
    assert before - timedelta(minutes=20) <= latest.started_at <= before - timedelta(minutes=19)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--started", "now", "--duration", "90"), "--duration: would end 1 h 30 min from now"),
        (("--duration", "90", "--ago", "30m"), "--duration: would end 1 h from now"),
        (("--ended", "now", "--ongoing"), "--ended needs --duration"),
        (
            ("--ended", "2999-01-01 08:00", "--duration", "5"),
            "--ended: 2999-01-01 08:00 is in the future",
        ),
        (("--started", "1900-01-02 08:00", "--duration", "5"), "is more than 120 years ago"),
    ],
)
def test_an_episode_that_would_end_in_the_future_is_refused_with_the_way_out(
    cli: Callable, journal_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = cli("log", *args, "--where", "left_sole", "--severity", "3")
    assert result.code == 1
    assert message in result.err
    assert result.err.count("\n") == 1
    if "would end" in message:
        assert "--ended" in result.err and "--ongoing" in result.err
    assert not journal_path.exists()


def test_an_episode_before_the_date_of_birth_is_refused(cli: Callable, journal_path: Path) -> None:
    assert cli("profile", "set", "--date-of-birth", "1990-05-01").code == 0
    result = cli(
        "log", "--started", "1989-12-31 10:00", "--duration", "5", *QUICK[:2], "--severity", "2"
    )
    assert result.code == 1
    assert "--started: is before your date of birth (1990-05-01)" in result.err
    assert stored(journal_path) == []


def test_every_option(cli: Callable, journal_path: Path) -> None:
    result = cli(
        "log",
        "--started",
        "2026-11-20 08:15",
        "--duration",
        "1h30m",
        "--where",
        "Left calf, left-foot-top",
        "--where",
        "right_sole",
        "--sensation",
        "Tingling",
        "--severity",
        "6",
        "--onset",
        "gradual",
        "--context",
        "legs crossed",
        "--position-change",
        "improved",
        "--symptoms",
        "cramping;fatigue",
        "--notes",
        '=after the drive, "long"',
    )
    assert result.code == 0, result.err
    (episode,) = stored(journal_path)
    assert episode.started_at == datetime(2026, 11, 20, 8, 15).astimezone()
    assert episode.duration_minutes == 90
    assert episode.locations == (Location.LEFT_CALF, Location.LEFT_FOOT_TOP, Location.RIGHT_SOLE)
    assert (episode.sensation, episode.severity, episode.onset) == ("tingling", 6, "gradual")
    assert (episode.context, episode.position_change) == ("legs_crossed", "improved")
    assert episode.symptoms == (Symptom.CRAMPING, Symptom.FATIGUE)
    assert episode.notes == '=after the drive, "long"'


def test_ago_and_ongoing(cli: Callable, journal_path: Path) -> None:
    result = cli("log", "--ago", "2h", "--ongoing", "--where", "left_toes", "--severity", "2")
    assert result.code == 0
    (episode,) = stored(journal_path)
    assert episode.duration_minutes is None
    expected = datetime.now().astimezone() - timedelta(hours=2)
    assert abs((episode.started_at - expected).total_seconds()) < 60


def test_sensation_defaults_to_the_usual_one(cli: Callable, journal_path: Path) -> None:
    for _ in range(2):
        cli("log", *QUICK, "--sensation", "burning")
    cli("log", *QUICK, "--sensation", "tingling")
    assert cli("log", *QUICK).code == 0
    assert stored(journal_path)[-1].sensation is Sensation.BURNING


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--severity", "11"), "--severity: must be a whole number from 0 to 10"),
        (("--severity", "-1"), "--severity: must be a whole number from 0 to 10"),
        (("--severity", "four"), "--severity: must be a whole number from 0 to 10"),
        (("--duration", "43201"), "--duration: must be a whole number of minutes from 0 to 43200"),
        (("--duration", "soon"), "--duration: 'soon' is not a length of time"),
        (("--ago", "yesterday"), "--ago: 'yesterday' is not a length of time"),
        (
            ("--where", "left_leg"),
            "--where: unknown value 'left_leg'; expected one of left_buttock",
        ),
        (("--where", "left_calf,left calf"), "--where: left_calf is listed twice"),
        (("--symptoms", "dizzy"), "--symptoms: unknown value 'dizzy'; expected one of weakness"),
        (("--sensation", "numb"), "--sensation: 'numb' is not one of: numbness, tingling"),
        (("--context", "driving"), "--context: 'driving' is not one of: sitting"),
        (("--onset", "slow"), "--onset: 'slow' is not one of: sudden, gradual, unknown"),
        (("--position-change", "yes"), "--position-change: 'yes' is not one of: improved"),
        (("--started", "tomorrow"), "--started: 'tomorrow' is not a date and time"),
        (("--started", "2999-01-01 08:00"), "--started: is in the future"),
        (("--notes", "x" * 10_001), "--notes: is 10,001 characters long; at most 10,000 fit"),
    ],
)
def test_bad_values_name_the_option_and_change_nothing(
    cli: Callable, journal_path: Path, args: tuple[str, ...], message: str
) -> None:
    defaults = dict(zip(QUICK[::2], QUICK[1::2], strict=True))
    for option, value in zip(args[::2], args[1::2], strict=True):
        defaults[option] = value
    result = cli("log", *[part for pair in defaults.items() for part in pair])
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith("numbjournal log: ")
    assert message in result.err
    assert result.err.count("\n") == 1
    assert not journal_path.exists()


def test_missing_essentials_are_explained(cli: Callable, journal_path: Path) -> None:
    result = cli("log")
    assert result.code == 1
    assert "--duration is needed" in result.err
    assert "--where is needed" in result.err
    assert "--severity is needed" in result.err
    assert not journal_path.exists()


def test_duration_and_ongoing_are_exclusive(cli: Callable) -> None:
    result = cli("log", *QUICK, "--ongoing")
    assert result.code == 2
    assert "not allowed with argument" in result.err


def test_stroke_signs_print_emergency_advice(cli: Callable) -> None:
    result = cli(
        "log",
        "--where",
        "face",
        "--duration",
        "5",
        "--severity",
        "7",
        "--symptoms",
        "facial_drooping,difficulty_speaking",
    )
    assert result.code == 0
    assert result.out == "1\n"
    assert "call your local emergency number now" in result.err
    assert "even if the symptoms have passed" in result.err


def test_help_has_examples(cli: Callable) -> None:
    result = cli("log", "--help")
    assert result.code == 0
    assert "examples:" in result.out
    assert "left_foot_top" in result.out


def test_a_time_the_clocks_skipped_is_refused_not_moved_an_hour(
    cli: Callable, journal_path: Path, berlin_time: object
) -> None:
    # Berlin put its clocks forward from 02:00 to 03:00 on 29 March 2026.
    result = cli("log", *QUICK, "--started", "2026-03-29 02:30")
    assert result.code == 1
    assert "'2026-03-29 02:30' never showed on this computer's clock" in result.err
    assert not journal_path.exists()
    assert cli("log", *QUICK, "--started", "2026-03-29 03:30").code == 0
    assert [e.started_at.isoformat() for e in stored(journal_path)] == ["2026-03-29T03:30:00+02:00"]
