"""``numbjournal chart``: pictures and numbers from the command line, without a display."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from numbjournal.core.model import Symptom
from numbjournal.core.store import Journal
from numbjournal.report.figures import CHARTS


@pytest.fixture
def november(log_at: Callable) -> None:
    log_at("2026-11-08 23:30")  # Sunday: week of 2 November
    log_at("2026-11-09 00:30")  # Monday: week of 9 November
    log_at("2026-11-10 12:00", symptoms=(Symptom.WEAKNESS,))
    log_at("2026-11-25 08:00")


def test_frequency_csv_has_every_week_with_episodes_and_flagged(
    cli: Callable, november: None, tmp_path: Path
) -> None:
    out = tmp_path / "weeks.csv"
    result = cli(
        "chart", "frequency", "--output", str(out), "--from", "2026-11-01", "--to", "2026-11-30"
    )
    assert result.code == 0, result.err
    assert out.read_text() == (
        "week_start,episodes,flagged\n"
        "2026-10-26,0,0\n"
        "2026-11-02,1,0\n"
        "2026-11-09,2,1\n"
        "2026-11-16,0,0\n"
        "2026-11-23,1,0\n"
        "2026-11-30,0,0\n"
    )
    assert (out.stat().st_mode & 0o777) == 0o600
    assert str(out) in result.out


def test_frequency_csv_is_weekly_even_for_a_long_range(
    cli: Callable, november: None, tmp_path: Path
) -> None:
    out = tmp_path / "year.csv"
    assert (
        cli("chart", "frequency", "-o", str(out), "--from", "2026-01-01", "--to", "2026-12-31").code
        == 0
    )
    lines = out.read_text().splitlines()
    assert lines[0] == "week_start,episodes,flagged"
    assert lines[1] == "2025-12-29,0,0"
    assert len(lines) == 1 + 53


@pytest.mark.parametrize("name", list(CHARTS))
@pytest.mark.parametrize("suffix", [".png", ".svg", ".csv"])
def test_every_chart_saves_in_every_format(
    cli: Callable, november: None, tmp_path: Path, name: str, suffix: str
) -> None:
    out = tmp_path / f"{name}{suffix}"
    result = cli("chart", name, "--output", str(out), "--from", "2026-11-01", "--to", "2026-11-30")
    assert result.code == 0, result.err
    data = out.read_bytes()
    expected = {".png": b"\x89PNG", ".svg": b"<?xml", ".csv": b""}[suffix]
    assert data.startswith(expected) and len(data) > 20
    assert (out.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_empty_journal_still_gives_a_chart_and_a_header(
    cli: Callable, tmp_path: Path, journal_path: Path
) -> None:
    Journal.open(journal_path).close()
    assert cli("chart", "frequency", "-o", str(tmp_path / "f.svg")).code == 0
    assert b"<svg" in (tmp_path / "f.svg").read_bytes()
    assert cli("chart", "frequency", "-o", str(tmp_path / "f.csv")).code == 0
    assert (tmp_path / "f.csv").read_text() == "week_start,episodes,flagged\n"


def test_list_names_every_chart(cli: Callable) -> None:
    result = cli("chart", "--list")
    assert result.code == 0
    assert [line.split()[0] for line in result.out.splitlines()] == list(CHARTS)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("chart", "pie", "-o", "x.png"),
            "unknown chart 'pie'; choose one of: frequency, duration",
        ),
        (("chart", "frequency", "-o", "x.pdf"), "cannot write .pdf; use one of .png, .svg, .csv"),
        (("chart", "frequency"), "--output FILE is required"),
        (("chart",), "name a chart"),
        (
            ("chart", "frequency", "-o", "x.csv", "--from", "2026-11-05", "--to", "2026-11-01"),
            "--from 2026-11-05 is after --to 2026-11-01",
        ),
    ],
)
def test_mistakes_get_one_line_naming_the_choices(
    cli: Callable,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    message: str,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = cli(*args)
    assert result.code != 0
    assert message in result.err
    assert result.err.count("\n") == 1
    assert list(work.iterdir()) == []


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--from", "yesterday", "'yesterday' is not a date (YYYY-MM-DD)"),
        ("--from", "0001-01-01", "0001-01-01 is outside the dates charts cover"),
        ("--to", "9999-12-31", "9999-12-31 is outside the dates charts cover"),
    ],
)
def test_bad_date_is_named(
    cli: Callable, tmp_path: Path, option: str, value: str, message: str
) -> None:
    result = cli("chart", "frequency", "-o", str(tmp_path / "f.csv"), option, value)
    assert result.code == 2
    assert message in result.err
    assert not (tmp_path / "f.csv").exists()


def test_works_without_a_display_and_never_loads_qt(journal_path: Path, tmp_path: Path) -> None:
    Journal.open(journal_path).close()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "MPLBACKEND", "QT_QPA_PLATFORM")
    }
    out = tmp_path / "chart.png"
    script = (
        "import sys\n"
        "from numbjournal.cli import run\n"
        f"code = run(['chart', 'body_map', '--db', {str(journal_path)!r}, '-o', {str(out)!r}])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
