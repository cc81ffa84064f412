"""``numbjournal treatment``: add, list with before/after figures, stop, remove."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from numbjournal.core.model import Episode, Location
from numbjournal.core.store import Journal

from .conftest import Outcome

Cli = Callable[..., Outcome]


def test_add_then_list_shows_the_treatment(cli: Cli, journal_path: Path) -> None:
    added = cli(
        "treatment",
        "add",
        "gabapentin",
        "--kind",
        "medication",
        "--started",
        "2026-03-01",
        "--dose",
        "300 mg at night",
    )
    assert added.code == 0, added.err
    assert added.out == "Added gabapentin (id 1), since 1 Mar 2026.\n"

    listed = cli("treatment", "list")
    assert listed.code == 0
    assert "   1  gabapentin (300 mg at night), medication, since 1 Mar 2026" in listed.out
    with Journal.open(journal_path, automatic_backups=False) as journal:
        (saved,) = journal.treatments.all()
    assert (saved.name, saved.dose, saved.started, saved.stopped) == (
        "gabapentin",
        "300 mg at night",
        date(2026, 3, 1),
        None,
    )


def test_list_gives_the_figures_before_and_after(cli: Cli, journal_path: Path) -> None:
    start = date.today() - timedelta(days=70)
    with Journal.open(journal_path, automatic_backups=False) as journal:
        kept_since = datetime.combine(start - timedelta(days=100), datetime.min.time())
        journal.add(Episode(kept_since.astimezone(), 5, (Location.LEFT_SOLE,)))
        for days_before in range(1, 57, 2):  # 28 episodes in the 8 weeks before
            when = datetime.combine(start - timedelta(days=days_before), datetime.min.time())
            journal.add(
                Episode(when.replace(hour=9).astimezone(), 20, (Location.LEFT_SOLE,), severity=6)
            )
        for days_after in (0, 14, 28, 42):  # 4 in the 8 weeks after
            when = datetime.combine(start + timedelta(days=days_after), datetime.min.time())
            journal.add(
                Episode(when.replace(hour=9).astimezone(), 5, (Location.LEFT_SOLE,), severity=2)
            )
    cli("treatment", "add", "physio", "--kind", "therapy", "--started", start.isoformat())

    out = cli("treatment", "list").out

    assert (
        "Before starting (8 weeks): 3.5 a week (28 episodes); length median 20 min (of 28); "
        "severity median 6/10 (of 28)" in out
    )
    assert (
        "After starting (8 weeks): 0.5 a week (4 episodes); length median 5 min (of 4); "
        "severity median 2/10 (of 4)" in out
    )
    assert "because" not in out


def test_a_recent_treatment_says_too_little_data(cli: Cli) -> None:
    cli(
        "log",
        "--where",
        "left_calf",
        "--duration",
        "5",
        "--severity",
        "3",
        "--start",
        (date.today() - timedelta(days=40)).isoformat() + "T09:00",
    )
    started = (date.today() - timedelta(days=4)).isoformat()
    cli("treatment", "add", "B12", "--kind", "supplement", "--started", started)
    out = cli("treatment", "list").out
    assert "Too little data to compare before and after (only 5 days each side" in out
    assert "a week" not in out


def test_stop_and_remove(cli: Cli) -> None:
    cli("treatment", "add", "gabapentin", "--kind", "medication", "--started", "2026-03-01")
    stopped = cli("treatment", "stop", "1", "--on", "2026-04-20")
    assert stopped.code == 0 and "1 Mar 2026 to 20 Apr 2026" in stopped.out
    assert "1 Mar 2026 to 20 Apr 2026" in cli("treatment", "list").out
    removed = cli("treatment", "remove", "1")
    assert removed.code == 0 and removed.out == "Removed gabapentin (id 1).\n"
    assert "No treatments recorded" in cli("treatment", "list").out


def test_mistakes_are_one_line_naming_the_option_and_change_nothing(cli: Cli) -> None:
    cases = [
        (("add", "x", "--kind", "pill", "--started", "2026-01-01"), "--kind: 'pill' is not one of"),
        (("add", "x", "--kind", "other", "--started", "2026-13-01"), "--started"),
        (
            ("add", "x", "--kind", "other", "--started", "2026-03-01", "--stopped", "2026-02-01"),
            "--stopped: 2026-02-01 is before it started (2026-03-01)",
        ),
        (("add", "   ", "--kind", "other", "--started", "2026-03-01"), "NAME: is empty"),
        (
            (
                "add",
                "x",
                "--kind",
                "other",
                "--started",
                (date.today() + timedelta(days=2)).isoformat(),
            ),
            "--started: is in the future",
        ),
        (("stop", "7", "--on", "2026-01-01"), "there is no treatment with id 7"),
        (("remove", "7"), "there is no treatment with id 7"),
    ]
    for args, message in cases:
        outcome = cli("treatment", *args)
        assert outcome.code != 0, args
        assert message in outcome.err, (args, outcome.err)
        assert outcome.err.count("\n") == 1, outcome.err
    cli("treatment", "add", "x", "--kind", "other", "--started", "2026-03-01")
    refused = cli("treatment", "stop", "1", "--on", "2026-02-01")
    assert "--on: 2026-02-01 is before it started" in refused.err
    assert "since 1 Mar 2026" in cli("treatment", "list").out


def test_export_and_import_carry_treatments_and_csv_does_not(
    cli: Cli, tmp_path: Path, journal_path: Path
) -> None:
    cli("treatment", "add", "gabapentin", "--kind", "medication", "--started", "2026-03-01")
    cli(
        "log",
        "--where",
        "left_calf",
        "--duration",
        "5",
        "--severity",
        "3",
        "--started",
        "2026-03-05T09:00",
    )
    out = tmp_path / "all.json"
    assert cli("export", "--output", str(out)).code == 0
    assert '"treatments"' in out.read_text()
    assert cli("export", "--output", str(tmp_path / "all.csv")).code == 0
    assert "gabapentin" not in (tmp_path / "all.csv").read_text()

    other = tmp_path / "other.sqlite"
    first = cli("import", str(out), "--db", str(other))
    assert first.code == 0, first.err
    assert "Added 1 treatment (0 already there)." in first.out
    again = cli("import", str(out), "--db", str(other))
    assert "Added 0 treatments (1 already there)." in again.out
    with Journal.open(other, automatic_backups=False) as journal:
        assert [t.name for t in journal.treatments.all()] == ["gabapentin"]
